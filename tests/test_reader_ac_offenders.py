"""The AC reader's further offender categories, percentage fines and permits; their labels and use.

Every expected value is read off the quoted official words (the readings of statutes/kz/readings/ac/
and the quotes of the article files); none comes from the reader.
"""

from datetime import date
from decimal import Decimal

import pytest

import penalties
from penalties.cli import main
from penalties.data.general_part import general_part
from penalties.data.reader_ac import read_ac_sanction
from penalties.errors import SanctionTextError
from penalties.law.provisions import OFFENDERS
from penalties.output import messages


def shape(sanctions):
    return [(s.offenders, [(i.kind, i.min and str(i.min), i.max and str(i.max), i.base) for i in s.main],
             [(i.kind, i.mandatory) for i in s.additional]) for s in sanctions]


def test_notaries_lawyers_non_commercial_organisations_and_branches_of_non_resident_banks():
    # AC 214(1), redaction of 12.07.2026 (statutes/kz/readings/ac/2026-07-12/ru/181-280.toml)
    text = ("влечет штраф на физических лиц в размере тридцати, на должностных лиц, нотариусов и адвокатов, субъектов "
            "малого предпринимательства, некоммерческие организации – в размере семидесяти, на субъектов среднего "
            "предпринимательства – в размере двухсот десяти, на субъектов крупного предпринимательства, филиалы банков – "
            "нерезидентов Республики Казахстан, филиалы страховых (перестраховочных) организаций – нерезидентов "
            "Республики Казахстан, филиалы страховых брокеров – нерезидентов Республики Казахстан – в размере двухсот "
            "восьмидесяти месячных расчетных показателей.")
    assert shape(read_ac_sanction(text)) == [  # each group in the order of OFFENDERS
        (("individual",), [("fine", "30 MCI", "30 MCI", None)], []),
        (("official", "small_business", "notary", "lawyer", "non_commercial_organisation"),
         [("fine", "70 MCI", "70 MCI", None)], []),
        (("medium_business",), [("fine", "210 MCI", "210 MCI", None)], []),
        (("large_business", "nonresident_bank_branch", "nonresident_insurer_branch", "nonresident_broker_branch"),
         [("fine", "280 MCI", "280 MCI", None)], []),
    ]


def test_private_bailiffs_and_a_segment_without_its_na():
    # AC 79(1), the wording of 06.07.2020-11.03.2025 (statutes/kz/ac/79.toml, read in the redaction of 16.12.2020)
    text = ("влекут штраф на физических лиц в размере десяти, на должностных лиц, частных нотариусов, частных судебных "
            "исполнителей, адвокатов, субъектов малого предпринимательства или некоммерческие организации – в размере "
            "двадцати, на субъектов среднего предпринимательства – в размере тридцати, на субъектов крупного "
            "предпринимательства – в размере семидесяти месячных расчетных показателей.")
    groups = {s.offenders: s.main[0].max for s in read_ac_sanction(text)}
    assert str(groups[("official", "small_business", "notary", "bailiff", "lawyer", "non_commercial_organisation")]
               ) == "20 MCI"
    # AC 112(3), redaction of 11.07.2017: "штраф физических лиц …, должностных лиц – …" (the "на" left out)
    text = ("влекут штраф физических лиц в размере двадцати, должностных лиц – в размере тридцати, на юридических лиц – "
            "в размере пятидесяти месячных расчетных показателей.")
    assert [(s.offenders, str(s.main[0].max)) for s in read_ac_sanction(text)] == [
        (("individual",), "20 MCI"), (("official",), "30 MCI"), (("legal_entity",), "50 MCI")]


def test_a_percentage_of_a_base_written_once_after_the_last_amount():
    # AC 159(4), redaction of 11.07.2017 (statutes/kz/readings/ac/2017-07-11/ru/73-180.toml): the percentage and its base are written
    # once, after the last amount, and cover the amounts before it
    text = ("влекут штраф на субъектов малого или среднего предпринимательства или некоммерческие организации в размере "
            "пяти, на субъектов крупного предпринимательства – в размере десяти процентов от дохода (выручки), "
            "полученного в результате совершения административного правонарушения.")
    assert shape(read_ac_sanction(text)) == [
        (("small_business", "medium_business", "non_commercial_organisation"),
         [("fine", "5 percent", "5 percent", "income_from_the_offence")], []),
        (("large_business",), [("fine", "10 percent", "10 percent", "income_from_the_offence")], []),
    ]


def test_a_percentage_with_a_floor_in_mci_is_refused():
    # "…процентов от суммы неисполненного налогового обязательства, но не менее десяти месячных расчетных
    # показателей": the fine is the larger of the two, which the data model cannot hold
    text = ("влекут штраф на физических лиц в размере двадцати процентов от суммы неисполненного налогового "
            "обязательства, но не менее десяти месячных расчетных показателей.")
    with pytest.raises(SanctionTextError, match="bounded"):
        read_ac_sanction(text)


def test_deprivation_of_a_certificate_or_not():
    # AC 81(2), redaction of 11.07.2017 (statutes/kz/readings/ac/2017-07-11/ru/73-180.toml)
    text = ("влечет штраф на физических лиц в размере десяти, на должностных лиц – в размере двадцати месячных "
            "расчетных показателей, с лишением сертификата специалиста либо без такового.")
    assert shape(read_ac_sanction(text)) == [
        (("individual",), [("fine", "10 MCI", "10 MCI", None)], [("deprivation_of_licence", False)]),
        (("official",), [("fine", "20 MCI", "20 MCI", None)], [("deprivation_of_licence", False)]),
    ]


@pytest.mark.parametrize("text", [
    "влечет штраф на частных детективов в размере двадцати месячных расчетных показателей.",
    "влечет штраф в размере десяти процентов от суммы чего-то неизвестного.",
    "влечет штраф в размере двадцати месячных расчетных показателей с лишением сертификата или лицензии.",
])
def test_what_it_still_cannot_read_is_an_error(text):
    with pytest.raises(SanctionTextError):
        read_ac_sanction(text)


def test_a_percentage_fine_is_assessed_from_the_base():
    # AC 164(3): "влечет штраф в размере ста процентов от суммы дохода (выручки), полученного в результате
    # совершения административного правонарушения" (redactions of 11.07.2017 and 12.07.2026)
    a = penalties.assess("AC 164(3)", on=date(2026, 7, 12), offender="legal_entity", base_amount="1 000 000")
    assert a.main[0].max.value.kzt == Decimal("1000000")
    with pytest.raises(penalties.MissingBaseError):
        penalties.assess("AC 164(3)", on=date(2026, 7, 12), offender="legal_entity")


def test_a_notary_is_assessed_and_capped_as_the_general_part_says():
    # AC 79(1) (the wording of 06.07.2020-11.03.2025 quoted above): 20 MCI for private notaries
    a = penalties.assess("AC 79(1)", on=date(2021, 1, 1), offender="notary")
    assert a.main[0].max.value.mci == Decimal("20")
    # AC art. 44(2), statutes/kz/ac/general.toml: "на должностное лицо, частного нотариуса, частного судебного
    # исполнителя, адвоката, субъектов малого предпринимательства, а также некоммерческие организации, не может
    # превышать семьсот пятьдесят месячных расчетных показателей"
    gp = general_part("ac")
    for offender in ("notary", "bailiff", "lawyer", "non_commercial_organisation"):
        assert str(gp.limit("fine", None, date(2026, 7, 12), offender, "79").max) == "750 MCI"
    assert gp.limit("fine", None, date(2026, 7, 12), "mediator", "79") is None  # not in the list


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_every_offender_category_has_a_label(lang):
    labels = [messages.message(lang, "offender", o) for o in OFFENDERS]
    assert all(labels) and len(set(labels)) == len(labels)


def test_the_command_line_help_names_every_offender_category(capsys):
    assert main(["show", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert all(f" {o}," in help_text or f" {o} (" in help_text for o in OFFENDERS)


def test_the_offender_is_named_in_the_human_text():
    a = penalties.assess("AC 79(1)", on=date(2021, 1, 1), offender="notary")
    assert "Лицо: частный нотариус" in a.format("ru")
    assert "Offender: private notary" in a.format("en")
