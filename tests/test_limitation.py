"""The limitation period (penalties.reasoning.limitation): the rule of the day committed, the term
by category (CC) or the general term with its alternatives (AC), the calendar count, lex mitior,
and what an assessment says where the wording was not read.

The engine tests run on the fixture (tests/fixtures/sentencing: test values, not law); the
calendar properties need no data.
"""

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import penalties
from penalties.data.sentencing import load_sentencing
from penalties.errors import MissingRuleError, UnreadWordingError
from penalties.law.quantities import Measure
from penalties.reasoning import limitation as lim

FIXTURE = Path(__file__).parent / "fixtures" / "sentencing" / "kz"


@pytest.fixture
def fixture_rules(monkeypatch):
    rules = {
        code: load_sentencing(FIXTURE / code / name)
        for code, name in (("cc", "sentencing.toml"), ("ac", "limitation.toml"))
    }
    monkeypatch.setattr(lim, "sentencing_rules", rules.__getitem__)
    return rules


def test_cc_term_by_category_counted_from_the_day_committed(fixture_rules):
    found = lim.limitation("cc", "medium", date(2016, 6, 1))
    assert found.term == Measure(60, "month")  # the fixture's "5 year" for medium
    assert found.last_day == date(2021, 6, 1)  # the same-numbered day five years on
    assert found.rule.article == "71" and found.not_applicable == ("torture",)


def test_a_later_shorter_wording_applies(fixture_rules):
    # the fixture: grave 15 years until 2018-07-22, then 10 years
    found = lim.limitation("cc", "grave", date(2018, 1, 10), decided=date(2019, 3, 1))
    assert found.lex_mitior and found.last_day == date(2028, 1, 10) and found.rule.valid_from == date(2018, 7, 23)
    assert not lim.limitation("cc", "grave", date(2018, 1, 10), decided=date(2018, 2, 1)).lex_mitior


def test_special_terms_are_alternatives_with_their_condition(fixture_rules):
    found = lim.limitation("cc", "minor", date(2019, 1, 15))
    assert [(a.condition, a.last_day) for a in found.alternatives] == [
        ("corruption_crime_minor_or_medium", date(2029, 1, 15))
    ]


def test_ac_alternatives_follow_the_offender(fixture_rules):
    person = lim.limitation("ac", None, date(2017, 3, 31), offender="individual")
    assert person.last_day == date(2017, 5, 31) and person.basis == "general"
    assert [a.condition for a in person.alternatives] == ["continuing_offence"]
    assert person.alternatives[0].last_day is None  # runs from the day detected, which is not an input
    firm = lim.limitation("ac", None, date(2017, 3, 31), offender="small_business")
    assert [a.condition for a in firm.alternatives] == ["taxation", "continuing_offence"]


def test_unread_and_unknown(fixture_rules):
    with pytest.raises(UnreadWordingError):
        lim.limitation("cc", "minor", date(2020, 5, 5))
    with pytest.raises(MissingRuleError, match="category"):
        lim.limitation("cc", "crime", date(2016, 5, 5))
    assert lim.case_limitation("cc", "minor", date(2020, 5, 5), None, "individual").code == "unread"
    assert lim.case_limitation("cc", None, date(2016, 5, 5), None, "individual").code == "no_category"
    assert lim.case_limitation("cc", "minor", date(2016, 5, 5), None, "individual", abolished=True).code == "abolished"


def test_assessment_gives_the_limitation_in_json_text_and_explanation(fixture_rules):
    a = penalties.assess("CC 403(1)", on=date(2016, 6, 1))
    assert a.version.category == "criminal_misdemeanour"  # statutes/kz/cc/403.toml
    assert a.limitation.last_day == date(2017, 6, 1)  # the fixture's 1 year for a misdemeanour
    doc = a.to_dict()["limitation"]
    assert doc["last_day"] == "2017-06-01" and doc["term"] == "1 year" and doc["article"] == "71"
    assert "Limitation (CC art. 71): 1 year from the day committed, to June 1, 2017 inclusive" in a.format("en")
    assert "Давность (ст. 71 УК): 1 год со дня совершения, по 1 июня 2017\u202fг. включительно" in a.format(
        "ru"
    )  # babel: a narrow no-break space
    assert "ҚК 71-бабы" in a.format("kk")
    assert any(s.topic == "limitation" and "2017-06-01" in s.text for s in a.steps)


def test_an_unread_wording_leaves_the_rest_of_the_assessment(fixture_rules):
    a = penalties.assess("CC 403(1)", on=date(2020, 6, 1))
    assert a.limitation is None and a.limitation_unavailable.code == "unread"
    assert a.to_dict()["limitation"]["unavailable"] == "unread" and a.main
    assert "Давность: не определена" in a.format("ru")


@given(st.dates(date(2015, 1, 1), date(2060, 12, 31)), st.integers(1, 300))
def test_a_term_in_months_ends_on_the_same_day_or_the_months_last(start, months):
    end = lim.add_term(start, Measure(months, "month"))
    assert (end.year - start.year) * 12 + end.month - start.month == months
    assert end.day == start.day or (end.day < start.day and (end + timedelta(days=1)).day == 1)


@given(st.dates(date(2015, 1, 1), date(2060, 12, 31)), st.integers(1, 299))
def test_a_longer_term_never_ends_earlier(start, months):
    assert lim.add_term(start, Measure(months, "month")) < lim.add_term(start, Measure(months + 1, "month"))


# ---- the shipped data (statutes/kz/cc/sentencing.toml, statutes/kz/ac/limitation.toml) ----


def test_shipped_cc_limitation_of_a_misdemeanour():
    a = penalties.assess("CC 403(1)", on=date(2016, 6, 1))
    rule = a.limitation.rule
    # art. 71(1)(1) in the 13.11.2015 redaction: "один год после совершения уголовного проступка"
    assert "один год после совершения уголовного проступка" in rule.text_ru
    assert a.version.category == "criminal_misdemeanour" and a.limitation.last_day == date(2017, 6, 1)
    assert a.limitation.alternatives == ()


def test_shipped_ac_limitation_two_months():
    a = penalties.assess("AC 488(1)", on=date(2017, 6, 1))
    # art. 62(1), 11.07.2017 redaction: "по истечении двух месяцев со дня совершения"
    assert "по истечении двух месяцев со дня совершения" in a.limitation.rule.text_ru
    assert a.limitation.last_day == date(2017, 8, 1)


def test_shipped_ac_limitation_is_unread_between_the_redactions():
    a = penalties.assess("AC 488(1)", on=date(2020, 6, 1))
    assert a.limitation is None and a.limitation_unavailable.code == "unread"


@given(st.dates(date(1970, 1, 1), date(2060, 12, 31)), st.integers(0, 400))
def test_the_vectorised_count_is_the_scalar_one(start, months):
    import numpy as np

    from penalties.batch.keys import day_date, day_number

    got = lim.add_months_days(np.array([day_number(start)]), np.array([months]))[0]
    assert day_date(got) == lim.add_term(start, Measure(months, "month"))


def test_a_term_ending_after_the_last_calendar_day_is_out_of_coverage():
    # 9999-12-31 is date.max: a year from 9998-12-31 still fits, from 9999-01-01 it does not
    assert lim.add_term(date(9998, 12, 31), Measure(Decimal(12), "month")) == date(9999, 12, 31)
    with pytest.raises(penalties.OutOfCoverageError) as caught:
        lim.add_term(date(9999, 1, 1), Measure(Decimal(12), "month"))
    assert caught.value.last == date(9998, 12, 31)
    assert lim.add_term(date(9999, 12, 21), Measure(Decimal(10), "day")) == date(9999, 12, 31)
    with pytest.raises(penalties.OutOfCoverageError):
        lim.add_term(date(9999, 12, 22), Measure(Decimal(10), "day"))


def test_a_far_future_day_committed_leaves_the_limitation_unavailable_in_assess_and_batch():
    # found by scripts/fuzz_campaign.py: AC 585(1) committed on 9999-12-31 raised ValueError
    # ("year 10000 is out of range") from the limitation, in assess() and in a whole batch table
    import pandas as pd

    far = penalties.assess("AC 585(1)", committed=date(9999, 12, 31))
    assert far.limitation is None and far.limitation_unavailable.code == "beyond_calendar"
    assert far.to_dict()["limitation"]["unavailable"] == "beyond_calendar"
    assert far.format("ru") and far.format("kk")
    near = penalties.assess("AC 585(1)", committed=date(2020, 1, 5))
    # the far row first: it must not stand for the other row of its key in the batch
    table = pd.DataFrame({"provision": ["AC 585(1)", "AC 585(1)"], "committed": [date(9999, 12, 31), date(2020, 1, 5)]})
    out = penalties.assess_batch(table)
    assert out["limitation_date"].isna().iloc[0]
    assert out["limitation_date"].iloc[1] == near.limitation.last_day
