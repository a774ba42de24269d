"""AC punishments with a choice, licence and certificate deprivations, fixed arrest terms, and whole articles
repealed before or at the Code's start (issue 12).

Every expected value is read off the quoted official words (the readings of statutes/kz/readings/ac/ and the
quotes of the article files); none comes from the reader.
"""

import json
from datetime import date

import pytest

import penalties
from penalties.cli import main
from penalties.data.reader_ac import read_ac_sanction
from penalties.law.footnotes import read_footnote
from penalties.law.kinds import KINDS, imposable_as
from penalties.output import messages


def shape(sanctions):
    return [
        (
            s.offenders,
            [(i.kind, i.min and str(i.min), i.max and str(i.max)) for i in s.main],
            [(i.kind, i.max and str(i.max), i.mandatory) for i in s.additional],
        )
        for s in sanctions
    ]


def test_suspension_or_prohibition_with_its_term_is_one_additional_punishment():
    # AC 190(2), redaction of 15.05.2019 (statutes/kz/readings/ac/2019-05-15/ru/articles.toml)
    text = (
        "влекут штраф на физических лиц в размере тридцати, на субъектов малого предпринимательства – в размере "
        "пятидесяти, на субъектов среднего предпринимательства – в размере семидесяти пяти, на субъектов крупного "
        "предпринимательства – в размере ста месячных расчетных показателей, с лишением лицензии и приостановлением "
        "или запрещением деятельности на срок до трех лет."
    )
    extra = [("deprivation_of_licence", None, True), ("suspension_or_prohibition_of_activity", "36 month", True)]
    assert shape(read_ac_sanction(text)) == [
        (("individual",), [("fine", "30 MCI", "30 MCI")], extra),
        (("small_business",), [("fine", "50 MCI", "50 MCI")], extra),
        (("medium_business",), [("fine", "75 MCI", "75 MCI")], extra),
        (("large_business",), [("fine", "100 MCI", "100 MCI")], extra),
    ]
    assert imposable_as("suspension_or_prohibition_of_activity") == (
        "suspension_of_activity",
        "prohibition_of_activity",
    )


def test_suspension_or_prohibition_optional_without_a_term_and_as_a_main_punishment():
    # AC 333(2) of 11.07.2017: "с приостановлением или запрещением деятельности либо без такового"
    text = (
        "влечет штраф на должностных лиц, субъектов малого предпринимательства или некоммерческие организации в "
        "размере сорока, на субъектов среднего предпринимательства – в размере восьмидесяти, на субъектов крупного "
        "предпринимательства – в размере пятисот месячных расчетных показателей, с приостановлением или запрещением "
        "деятельности либо без такового."
    )
    assert {s.additional for s in read_ac_sanction(text)} == {
        (penalties.law.provisions.Item("suspension_or_prohibition_of_activity", mandatory=False),)
    }
    # AC 356(14) of 11.07.2017
    (only,) = read_ac_sanction("влекут приостановление или запрещение деятельности или отдельных видов деятельности.")
    assert shape([only]) == [(("unnamed",), [("suspension_or_prohibition_of_activity", None, None)], [])]
    # AC 641-1(2) of 12.07.2026: "с приостановлением или запрещением деятельности системы искусственного интеллекта"
    text = (
        "влекут штраф на физических лиц в размере тридцати, на субъектов малого предпринимательства или "
        "некоммерческие организации – в размере пятидесяти, на субъектов среднего предпринимательства – в размере "
        "семидесяти, на субъектов крупного предпринимательства – в размере двухсот месячных расчетных показателей с "
        "приостановлением или запрещением деятельности системы искусственного интеллекта."
    )
    assert [s.additional[-1].kind for s in read_ac_sanction(text)] == ["suspension_or_prohibition_of_activity"] * 4


def test_suspension_or_deprivation_of_an_accreditation_certificate():
    # AC 171(3) of 11.07.2017
    text = (
        "влекут штраф на юридических лиц в размере ста процентов от дохода (выручки), полученного в результате "
        "совершения административного правонарушения, с приостановлением действия либо лишением свидетельства об "
        "аккредитации."
    )
    (only,) = read_ac_sanction(text)
    assert only.offenders == ("legal_entity",)
    assert [(i.kind, i.mandatory) for i in only.additional] == [("suspension_or_deprivation_of_licence", True)]
    assert KINDS["suspension_or_deprivation_of_licence"].alternatives == (
        "suspension_of_activity",
        "deprivation_of_licence",
    )


def test_certificate_deprivations():
    # AC 80(2-2) of 16.12.2020: the official's own certificate, and the licence every offender loses
    text = (
        "влекут штраф на физических лиц в размере пятнадцати, на должностных лиц – в размере тридцати месячных "
        "расчетных показателей с лишением сертификата специалиста в области здравоохранения или сертификата "
        "менеджера в области здравоохранения, на субъектов малого предпринимательства и некоммерческие организации – "
        "в размере сорока, на субъектов среднего предпринимательства – в размере шестидесяти, на субъектов крупного "
        "предпринимательства – в размере восьмидесяти пяти месячных расчетных показателей, с лишением лицензии или "
        "приложения к лицензии."
    )
    official = read_ac_sanction(text)[1]
    assert official.offenders == ("official",)
    assert [(i.kind, i.note) for i in official.additional] == [
        ("deprivation_of_licence", "сертификат специалиста или менеджера в области здравоохранения"),
        ("deprivation_of_licence", None),
    ]
    # AC 424-1 of 12.07.2026: "либо без такового" makes the deprivation optional
    text = (
        "влечет штраф на физических лиц в размере двухсот месячных расчетных показателей либо лишение сертификата "
        "специалиста в области здравоохранения, либо без такового."
    )
    assert shape(read_ac_sanction(text)) == [
        (("individual",), [("fine", "200 MCI", "200 MCI")], [("deprivation_of_licence", None, False)])
    ]
    # AC 604(2) of 11.07.2017: the individual's deprivation named before the others' fines
    text = (
        "влечет лишение квалификационного свидетельства физического лица, штраф на должностных лиц, субъектов "
        "малого предпринимательства в размере шестидесяти, на субъектов среднего предпринимательства – в размере "
        "ста, на субъектов крупного предпринимательства – в размере ста пятидесяти месячных расчетных показателей, с "
        "приостановлением деятельности учебных организаций по подготовке водителей транспортных средств на срок до "
        "трех месяцев."
    )
    read = shape(read_ac_sanction(text))
    assert read[0] == (("individual",), [("deprivation_of_licence", None, None)], [])
    assert read[1] == (
        ("official", "small_business"),
        [("fine", "60 MCI", "60 MCI")],
        [("suspension_of_activity", "3 month", True)],
    )


def test_fixed_arrest_and_deprivation_with_arrest():
    # AC 615(4) of 12.07.2026: "административный арест на трое суток"
    text = (
        "влечет штраф в размере двадцати месячных расчетных показателей или привлечение к общественным работам на "
        "срок двенадцать часов, или административный арест на трое суток."
    )
    assert shape(read_ac_sanction(text)) == [
        (
            ("unnamed",),
            [("fine", "20 MCI", "20 MCI"), ("public_works", "12 hour", "12 hour"), ("arrest", "3 day", "3 day")],
            [],
        )
    ]
    # AC 613(3) of 12.07.2026: both imposed; arrest is the main punishment (AC art. 40)
    text = (
        "влечет лишение права на управление транспортными средствами сроком на один год и административный арест "
        "на срок до пяти суток."
    )
    assert shape(read_ac_sanction(text)) == [
        (("unnamed",), [("arrest", None, "5 day")], [("deprivation_of_special_right", "12 month", True)])
    ]


def test_a_confiscation_after_a_term_without_a_comma_is_a_second_additional_punishment():
    # AC 450(2) of 15.05.2019: "… на срок до трех лет с конфискацией доходов …"
    text = (
        "влечет штраф на физических и должностных лиц в размере ста пятидесяти месячных расчетных показателей, на "
        "субъектов малого предпринимательства – в размере двухсот, на субъектов среднего предпринимательства – в "
        "размере четырехсот, на субъектов крупного предпринимательства – в размере двух тысяч месячных расчетных "
        "показателей, с запрещением их деятельности или отдельных видов деятельности на срок до трех лет с "
        "конфискацией доходов, полученных вследствие совершения административного правонарушения."
    )
    for s in read_ac_sanction(text):
        assert [(i.kind, i.max and str(i.max)) for i in s.additional] == [
            ("prohibition_of_activity", "36 month"),
            ("confiscation", None),
        ]


def test_footnotes_with_a_stray_period_and_a_rule_ahead_of_the_act():
    # AC 618 of 11.07.2017
    (entry,) = read_footnote(
        "Сноска. Статья 618 с изменениями, внесенными Законом РК от 29.12.2014№ 272-V. "
        "(вводится в действие 01.01.2015)."
    ).entries
    assert (entry.number, entry.rule) == ("272-V", "вводится в действие 01.01.2015")
    # AC 411-1 of 12.07.2026
    (entry,) = read_footnote(
        "Сноска. Вводится в действие с 01.01.2027 в соответствии с Законом РК от 30.12.2025 № 247-VIII."
    ).entries
    assert entry.number == "247-VIII" and entry.first_day().earliest == date(2027, 1, 1)


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_the_new_kinds_are_worded_in_every_language(lang):
    for kind in ("suspension_or_prohibition_of_activity", "suspension_or_deprivation_of_licence"):
        assert messages.message(lang, "kind", kind) != kind


def test_assess_and_json_carry_the_choice():
    a = penalties.assess("AC 190(2)", date(2019, 6, 1), offender="small_business")
    choice = [i for i in a.additional if i.kind == "suspension_or_prohibition_of_activity"]
    assert len(choice) == 1 and choice[0].max.value == 36 and choice[0].mandatory is True
    out = a.to_dict()
    item = next(i for i in out["additional"] if i["kind"] == "suspension_or_prohibition_of_activity")
    assert item["alternatives"] == ["suspension_of_activity", "prohibition_of_activity"]


def test_review_accepts_either_alternative_within_the_term():
    ok = penalties.review(
        "AC 190(2)",
        date(2019, 6, 1),
        offender="small_business",
        imposed="50 MCI; запрещение деятельности на 2 года; лишение лицензии",
    )
    assert ok.verdict == "within_sanction"
    too_long = penalties.review(
        "AC 190(2)", date(2019, 6, 1), offender="small_business", imposed="50 MCI; prohibition of activity 4 years"
    )
    assert [i.reason for i in too_long.items] == ["in_range", "above_maximum"]
    accreditation = penalties.review(
        "AC 171(3)",
        date(2019, 6, 1),
        offender="legal_entity",
        base_amount="1000000",
        imposed="лишение свидетельства об аккредитации",
    )
    assert accreditation.verdict == "within_sanction"


@pytest.mark.parametrize(
    "article, repealed_from",
    [("629", date(2015, 1, 1)), ("652-1", date(2015, 1, 1)), ("652-2", date(2015, 1, 1)), ("652-3", date(2015, 1, 1))],
)
def test_articles_repealed_at_the_codes_start_were_never_in_force(article, repealed_from):
    # "исключена Законом РК от 29.12.2014 № 272-V (вводится в действие 01.01.2015)"
    a = penalties.assess(f"AC {article}", date(2016, 1, 1))
    assert a.abolished and a.version.valid_from == repealed_from and a.version.act.number == "272-V"
    assert penalties.assess(f"AC {article}", date(2015, 1, 1)).abolished


def test_an_article_repealed_after_the_start_is_a_gap_before_the_repeal(capsys):
    # AC 295: "исключена Законом РК от 14.01.2015 № 279-V (вводится в действие по истечении десяти календарных
    # дней после дня его первого официального опубликования)": signed + 11 days at the earliest
    a = penalties.assess("AC 295", date(2016, 1, 1))
    assert a.abolished and a.version.valid_from == date(2015, 1, 25) and a.version.act.number == "279-V"
    with pytest.raises(penalties.errors.UnreadWordingError):
        penalties.assess("AC 295", date(2015, 1, 10))
    assert main(["show", "AC 629", "--on", "2016-01-01", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["abolished"] is True
