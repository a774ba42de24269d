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
    return [
        (
            s.offenders,
            [(i.kind, i.min and str(i.min), i.max and str(i.max), i.base) for i in s.main],
            [(i.kind, i.mandatory) for i in s.additional],
        )
        for s in sanctions
    ]


def test_notaries_lawyers_non_commercial_organisations_and_branches_of_non_resident_banks():
    # AC 214(1), redaction of 12.07.2026 (statutes/kz/readings/ac/2026-07-12/ru/181-280.toml)
    text = (
        "влечет штраф на физических лиц в размере тридцати, на должностных лиц, нотариусов и адвокатов, субъектов "
        "малого предпринимательства, некоммерческие организации – в размере семидесяти, на субъектов среднего "
        "предпринимательства – в размере двухсот десяти, на субъектов крупного предпринимательства, филиалы банков – "
        "нерезидентов Республики Казахстан, филиалы страховых (перестраховочных) организаций – нерезидентов "
        "Республики Казахстан, филиалы страховых брокеров – нерезидентов Республики Казахстан – в размере двухсот "
        "восьмидесяти месячных расчетных показателей."
    )
    assert shape(read_ac_sanction(text)) == [  # each group in the order of OFFENDERS
        (("individual",), [("fine", "30 MCI", "30 MCI", None)], []),
        (
            ("official", "small_business", "notary", "lawyer", "non_commercial_organisation"),
            [("fine", "70 MCI", "70 MCI", None)],
            [],
        ),
        (("medium_business",), [("fine", "210 MCI", "210 MCI", None)], []),
        (
            ("large_business", "nonresident_bank_branch", "nonresident_insurer_branch", "nonresident_broker_branch"),
            [("fine", "280 MCI", "280 MCI", None)],
            [],
        ),
    ]


def test_private_bailiffs_and_a_segment_without_its_na():
    # AC 79(1), the wording of 06.07.2020-11.03.2025 (statutes/kz/ac/79.toml, read in the redaction of 16.12.2020)
    text = (
        "влекут штраф на физических лиц в размере десяти, на должностных лиц, частных нотариусов, частных судебных "
        "исполнителей, адвокатов, субъектов малого предпринимательства или некоммерческие организации – в размере "
        "двадцати, на субъектов среднего предпринимательства – в размере тридцати, на субъектов крупного "
        "предпринимательства – в размере семидесяти месячных расчетных показателей."
    )
    groups = {s.offenders: s.main[0].max for s in read_ac_sanction(text)}
    assert (
        str(groups[("official", "small_business", "notary", "bailiff", "lawyer", "non_commercial_organisation")])
        == "20 MCI"
    )
    # AC 112(3), redaction of 11.07.2017: "штраф физических лиц …, должностных лиц – …" (the "на" left out)
    text = (
        "влекут штраф физических лиц в размере двадцати, должностных лиц – в размере тридцати, на юридических лиц – "
        "в размере пятидесяти месячных расчетных показателей."
    )
    assert [(s.offenders, str(s.main[0].max)) for s in read_ac_sanction(text)] == [
        (("individual",), "20 MCI"),
        (("official",), "30 MCI"),
        (("legal_entity",), "50 MCI"),
    ]


def test_a_percentage_of_a_base_written_once_after_the_last_amount():
    # AC 159(4), redaction of 11.07.2017 (statutes/kz/readings/ac/2017-07-11/ru/73-180.toml): the percentage and its base are written
    # once, after the last amount, and cover the amounts before it
    text = (
        "влекут штраф на субъектов малого или среднего предпринимательства или некоммерческие организации в размере "
        "пяти, на субъектов крупного предпринимательства – в размере десяти процентов от дохода (выручки), "
        "полученного в результате совершения административного правонарушения."
    )
    assert shape(read_ac_sanction(text)) == [
        (
            ("small_business", "medium_business", "non_commercial_organisation"),
            [("fine", "5 percent", "5 percent", "income_from_the_offence")],
            [],
        ),
        (("large_business",), [("fine", "10 percent", "10 percent", "income_from_the_offence")], []),
    ]


def test_a_percentage_with_a_floor_in_mci_is_read():
    # "…процентов от суммы неисполненного налогового обязательства, но не менее десяти месячных расчетных
    # показателей": the fine is the larger of the two (Item.floor; tests/test_reader_ac_bounds.py)
    text = (
        "влекут штраф на физических лиц в размере двадцати процентов от суммы неисполненного налогового "
        "обязательства, но не менее десяти месячных расчетных показателей."
    )
    (sanction,) = read_ac_sanction(text)
    assert (str(sanction.main[0].max), str(sanction.main[0].floor), sanction.main[0].ceiling) == (
        "20 percent",
        "10 MCI",
        None,
    )


def test_deprivation_of_a_certificate_or_not():
    # AC 81(2), redaction of 11.07.2017 (statutes/kz/readings/ac/2017-07-11/ru/73-180.toml)
    text = (
        "влечет штраф на физических лиц в размере десяти, на должностных лиц – в размере двадцати месячных "
        "расчетных показателей, с лишением сертификата специалиста либо без такового."
    )
    assert shape(read_ac_sanction(text)) == [
        (("individual",), [("fine", "10 MCI", "10 MCI", None)], [("deprivation_of_licence", False)]),
        (("official",), [("fine", "20 MCI", "20 MCI", None)], [("deprivation_of_licence", False)]),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "влечет штраф на частных детективов в размере двадцати месячных расчетных показателей.",
        "влечет штраф в размере десяти процентов от суммы чего-то неизвестного.",
        "влечет штраф в размере двадцати месячных расчетных показателей с лишением сертификата или лицензии.",
    ],
)
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


@pytest.mark.parametrize(
    "text, offenders",
    [
        # AC 435, redaction of 11.07.2017 (statutes/kz/readings/ac/2017-07-11/ru/381-470.toml)
        (
            "влечет штраф на родителей или лиц, их заменяющих, в размере семи месячных расчетных показателей.",
            [(("parent_or_guardian",), [("fine", "7 MCI", "7 MCI", None)], [])],
        ),
        # AC 442(2), 11.07.2017
        (
            "влечет предупреждение на законных представителей.",
            [(("legal_representative",), [("warning", None, None, None)], [])],
        ),
        # AC 573(1), 11.07.2017 (statutes/kz/readings/ac/2017-07-11/ru/571-end.toml)
        (
            "влечет штраф на водителей автотранспортных средств в размере двадцати пяти, на юридических лиц – в размере "
            "пятисот месячных расчетных показателей.",
            [
                (("driver",), [("fine", "25 MCI", "25 MCI", None)], []),
                (("legal_entity",), [("fine", "500 MCI", "500 MCI", None)], []),
            ],
        ),
        # AC 216(1), 11.07.2017: officials who are first heads, and no other official
        (
            "влечет штраф на должностных лиц – первых руководителей в размере четырехсот месячных расчетных показателей.",
            [(("first_head",), [("fine", "400 MCI", "400 MCI", None)], [])],
        ),
        # AC 246(1) up to its additional penalty, 11.07.2017
        (
            "влечет штраф на аудиторов в размере восьмидесяти, на аудиторскую организацию – в размере ста восьмидесяти "
            "месячных расчетных показателей.",
            [
                (("auditor",), [("fine", "80 MCI", "80 MCI", None)], []),
                (("audit_organisation",), [("fine", "180 MCI", "180 MCI", None)], []),
            ],
        ),
        # AC 406(7), 11.07.2017: a warning naming its offender without "на"
        (
            "влечет предупреждение местных исполнительных органов.",
            [(("local_executive_body",), [("warning", None, None, None)], [])],
        ),
        # AC 228(1), 12.07.2026
        (
            "влечет штраф на юридических лиц, филиалы страховой организации – нерезидента Республики Казахстан в размере "
            "трехсот месячных расчетных показателей.",
            [(("legal_entity", "nonresident_insurer_branch"), [("fine", "300 MCI", "300 MCI", None)], [])],
        ),
    ],
)
def test_persons_the_code_fines_by_name_have_their_own_categories(text, offenders):
    assert shape(read_ac_sanction(text)) == offenders


@pytest.mark.parametrize(
    "text",
    [
        # AC 233(3), 11.07.2017: first heads of one kind of borrower; AC 642: first heads of organisations and schools
        "влечет штраф на первых руководителей соответствующего юридического лица – заемщика по займу, имеющего "
        "государственную гарантию, их заместителей в размере двадцати месячных расчетных показателей.",
        "влечет штраф на организации, учебные заведения в размере десяти, на первых руководителей организаций, учебных "
        "заведений – в размере пятнадцати месячных расчетных показателей.",
    ],
)
def test_a_named_person_with_more_words_after_it_stays_unread(text):
    with pytest.raises(SanctionTextError):
        read_ac_sanction(text)


def test_a_driver_is_not_assessed_as_any_individual():
    # AC 577(2): "штраф на водителей автотранспортных средств в размере тридцати месячных расчетных показателей"
    a = penalties.assess("AC 577(2)", on=date(2021, 1, 1), offender="driver")
    assert a.main[0].max.value.mci == Decimal("30")
    with pytest.raises(penalties.errors.UnknownOffenderError):
        penalties.assess("AC 577(2)", on=date(2021, 1, 1), offender="individual")


@pytest.mark.parametrize(
    "text, main, additional",
    [
        # AC 150, 12.07.2026 (statutes/kz/readings/ac/2026-07-12/ru/73-180.toml), its individuals' segment
        (
            "влекут штраф на физических лиц в размере ста пятидесяти месячных расчетных показателей с приостановлением выпуска "
            "(выхода в эфир) масс-медиа на срок до трех месяцев.",
            [("fine", "150 MCI", "150 MCI", None)],
            [("suspension_of_activity", None, "3 month", True)],
        ),
        # AC 569(1), 11.07.2017, its individuals' segment
        (
            "влечет штраф на физических лиц в размере тридцати месячных расчетных показателей с лишением права управления "
            "воздушным судном (обслуживание воздушного движения, технического обслуживания воздушного судна) на срок шесть "
            "месяцев.",
            [("fine", "30 MCI", "30 MCI", None)],
            [("deprivation_of_special_right", "6 month", "6 month", True)],
        ),
        # AC 328(4), 12.07.2026: a prohibition with its term
        (
            "влекут штраф в размере двухсот месячных расчетных показателей с запрещением деятельности на срок до трех лет.",
            [("fine", "200 MCI", "200 MCI", None)],
            [("prohibition_of_activity", None, "36 month", True)],
        ),
        # AC 481(1), 11.07.2017: "либо" inside what is confiscated is no alternative
        (
            "влечет предупреждение или штраф в размере десяти месячных расчетных показателей, с конфискацией предмета, "
            "явившегося орудием либо предметом совершения административного правонарушения.",
            [("warning", None, None, None), ("fine", "10 MCI", "10 MCI", None)],
            [("confiscation", None, None, True)],
        ),
        # AC 464(2), 12.07.2026 (its fine shortened to one)
        (
            "влечет штраф в размере ста месячных расчетных показателей с лишением лицензии или разрешения второй категории "
            "либо без такового.",
            [("fine", "100 MCI", "100 MCI", None)],
            [("deprivation_of_licence", None, None, False)],
        ),
        # AC 451(3), 11.07.2017; AC 426(2), 15.05.2019; AC 461(1-1), 12.07.2026
        (
            "влекут запрещение выпуска (выхода в эфир) средства массовой информации.",
            [("prohibition_of_activity", None, None, None)],
            [],
        ),
        (
            "влечет приостановление действия лицензии и (или) приложения к лицензии на фармацевтическую деятельность сроком до "
            "шести месяцев.",
            [("suspension_of_activity", None, "6 month", None)],
            [],
        ),
        ("влечет административный арест сроком на двадцать суток.", [("arrest", "20 day", "20 day", None)], []),
    ],
)
def test_further_penalties_and_their_terms(text, main, additional):
    (sanction,) = read_ac_sanction(text)
    assert [(i.kind, i.min and str(i.min), i.max and str(i.max), i.base) for i in sanction.main] == main
    assert [
        (i.kind, i.min and str(i.min), i.max and str(i.max), i.mandatory) for i in sanction.additional
    ] == additional


@pytest.mark.parametrize(
    "text",
    [
        # a choice between a licence deprivation and a suspension or prohibition with a term of its own (AC 190(3)):
        # not held (the choice between suspension and prohibition alone is: tests/test_reader_ac_kinds.py)
        "влечет штраф в размере ста месячных расчетных показателей, с лишением лицензии на определенный вид деятельности "
        "либо приостановлением или запрещением деятельности на срок до трех лет.",
        # confiscation bounded by a period (AC 159): not held
        "влечет штраф в размере ста месячных расчетных показателей с конфискацией монопольного дохода, полученного в "
        "результате осуществления монополистической деятельности, не более чем за один год.",
    ],
)
def test_what_the_model_cannot_hold_stays_unread(text):
    with pytest.raises(SanctionTextError):
        read_ac_sanction(text)
