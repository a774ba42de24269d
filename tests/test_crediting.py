"""CC art. 62: credit of pre-trial custody, each ratio pinned to the official wording.

2014 wording (zan.gov.kz redaction of 09.04.2016, no amendment footnote): detention "из расчета
один день за один день" for imprisonment, arrest, restriction of freedom, "за четыре часа
общественных работ"; house arrest "из расчета два дня за один день" and "за два часа общественных
работ". Current wording (redactions of 29.12.2021 and 16.06.2024): one day of detention counts as
one day (maximum security), "полтора дня" (medium), "два дня" (minimum), one day of arrest, "два
дня" of restriction of freedom, "четыре часа" of community service, "четыре месячных расчетных
показателя" of fine or corrective labour; house arrest two days for one, "два часа" or "два
месячных расчетных показателя".
"""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import penalties
from penalties.crediting import custody_credit
from penalties.law.quantities import Measure

CASES_2016 = [
    ("detention", "imprisonment", None, Measure(Decimal(30), "day")),
    ("detention", "arrest", None, Measure(Decimal(30), "day")),
    ("detention", "restriction_of_freedom", None, Measure(Decimal(30), "day")),
    ("detention", "community_service", None, Measure(Decimal(120), "hour")),
    ("house_arrest", "imprisonment", None, Measure(Decimal(15), "day")),
    ("house_arrest", "community_service", None, Measure(Decimal(60), "hour")),
]
CASES_2023 = [
    ("detention", "imprisonment", "maximum", Measure(Decimal(30), "day")),
    ("detention", "imprisonment", "medium", Measure(Decimal(45), "day")),
    ("detention", "imprisonment", "minimum", Measure(Decimal(60), "day")),
    ("detention", "arrest", None, Measure(Decimal(30), "day")),
    ("detention", "restriction_of_freedom", None, Measure(Decimal(60), "day")),
    ("detention", "community_service", None, Measure(Decimal(120), "hour")),
    ("detention", "fine", None, Measure(Decimal(120), "MCI")),
    ("detention", "corrective_labour", None, Measure(Decimal(120), "MCI")),
    ("house_arrest", "imprisonment", None, Measure(Decimal(15), "day")),
    ("house_arrest", "fine", None, Measure(Decimal(60), "MCI")),
    ("house_arrest", "community_service", None, Measure(Decimal(60), "hour")),
]


@pytest.mark.parametrize("custody, toward, regime, expected", CASES_2016)
def test_thirty_days_in_the_2014_wording(custody, toward, regime, expected):
    result = custody_credit(30, toward, date(2016, 6, 1), custody=custody, regime=regime)
    assert result.credited == expected and result.article in ("62(3)", "62(4)") and not result.warnings


@pytest.mark.parametrize("custody, toward, regime, expected", CASES_2023)
def test_thirty_days_in_the_current_wording(custody, toward, regime, expected):
    assert custody_credit(30, toward, date(2023, 5, 2), custody=custody, regime=regime).credited == expected


def test_the_unread_years_are_an_error_and_the_uncertain_start_a_warning():
    with pytest.raises(penalties.OutOfCoverageError, match="the wording in between was not read"):
        custody_credit(10, "imprisonment", date(2019, 3, 1))
    inside_window = custody_credit(10, "arrest", date(2021, 1, 1))
    assert inside_window.credited == Measure(Decimal(10), "day")
    assert inside_window.warnings and "2021-12-29" in inside_window.warnings[0]


def test_questions_the_law_does_not_answer_are_refused():
    with pytest.raises(penalties.UserInputError, match="security level"):
        custody_credit(10, "imprisonment", date(2023, 1, 1))
    with pytest.raises(penalties.UserInputError, match="not 'fine'"):
        custody_credit(10, "fine", date(2016, 1, 1))  # art. 62(6) (2014): the court mitigates instead
    with pytest.raises(penalties.UserInputError):
        custody_credit(-1, "arrest", date(2016, 1, 1))


@given(st.integers(0, 5000), st.sampled_from(CASES_2023))
def test_credit_grows_in_proportion_to_the_days(days, case):
    custody, toward, regime, thirty = case
    result = custody_credit(days, toward, date(2023, 5, 2), custody=custody, regime=regime)
    assert result.credited.value * 30 == thirty.value * days and result.credited.unit == thirty.unit


def test_cli_credit(capsys):
    from penalties.cli import main

    assert main(["credit", "30", "--toward", "imprisonment", "--on", "2023-05-02", "--regime", "medium"]) == 0
    assert "30 day(s) of detention count as 45 day of imprisonment" in capsys.readouterr().out
    assert main(["credit", "10", "--toward", "arrest", "--on", "2019-03-01"]) == 2


# CC art. 61(1): 2014 wording (09.04.2016 redaction) "одному дню лишения свободы соответствуют: 1) один
# день ареста; 2) один день ограничения свободы; 3) четыре часа привлечения к общественным работам";
# wording of Law 180-VI (29.12.2021 redaction): one day of imprisonment = "четыре месячных расчетных
# показателя штрафа или исправительных работ, четыре часа общественных работ, одни сутки ареста, один
# день ограничения свободы"; one day of restriction = 4 MCI, 4 hours, one day of arrest; one day of
# arrest = 4 MCI, 4 hours; one hour of community service = 1 MCI; 1 MCI of corrective labour = 1 MCI fine.
EQUIVALENTS = [
    (date(2016, 6, 1), 10, "imprisonment", "arrest", Measure(Decimal(10), "day")),
    (date(2016, 6, 1), 10, "imprisonment", "community_service", Measure(Decimal(40), "hour")),
    (date(2023, 5, 2), 10, "imprisonment", "fine", Measure(Decimal(40), "MCI")),
    (date(2023, 5, 2), 10, "restriction_of_freedom", "arrest", Measure(Decimal(10), "day")),
    (date(2023, 5, 2), 10, "arrest", "community_service", Measure(Decimal(40), "hour")),
    (date(2023, 5, 2), 10, "community_service", "fine", Measure(Decimal(10), "MCI")),
    (date(2023, 5, 2), 10, "corrective_labour", "fine", Measure(Decimal(10), "MCI")),
]


@pytest.mark.parametrize("on, quantity, of, to, expected", EQUIVALENTS)
def test_equivalents_when_punishments_are_added(on, quantity, of, to, expected):
    from penalties.crediting import punishment_equivalent

    assert punishment_equivalent(quantity, of, to, on).result == expected


def test_no_equivalent_the_law_does_not_give():
    from penalties.crediting import punishment_equivalent

    with pytest.raises(penalties.UserInputError, match="only arrest, community_service"):
        punishment_equivalent(10, "imprisonment", "fine", date(2016, 6, 1))  # no fines in the 2014 wording
    with pytest.raises(penalties.OutOfCoverageError):
        punishment_equivalent(10, "arrest", "fine", date(2014, 6, 1))


def test_cli_equivalent(capsys):
    from penalties.cli import main

    assert main(["equivalent", "30", "--of", "imprisonment", "--to", "fine", "--on", "2023-05-02"]) == 0
    assert "30 day of imprisonment = 120 MCI of fine" in capsys.readouterr().out
