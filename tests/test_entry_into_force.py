"""First day in force from a footnote's rule phrase: phrases and dates as the statute files record them.

Each case names the file that gives the phrase and the boundary; a boundary is pinned on both sides:
the act's first day, and the last day of the wording before it (valid_to of the previous version).
"""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

import penalties
from penalties.data.acts import registry
from penalties.errors import EntryIntoForceError, PenaltiesError
from penalties.law.entry_into_force import add_months, first_day, number_of
from penalties.law.provenance import Act

TEN_DAYS = "вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования"
SIXTY_DAYS = (
    "вводится в действие по истечении шестидесяти календарных дней после дня его первого официального опубликования"
)
TWO_MONTHS = "вводится в действие по истечении двух месяцев после дня его первого официального опубликования"


def act(number, signed, published=None):
    return Act(number, signed, published=published)


# publication date known: the first day is exact
@pytest.mark.parametrize(
    "number, signed, published, phrase, first, source",
    [
        # ac/517.toml: 327-VI published 14.05.2020 (preamble of a June 2020 law), ten days -> 2020-05-25
        ("327-VI", date(2020, 5, 13), date(2020, 5, 14), TEN_DAYS, date(2020, 5, 25), "ac/517.toml"),
        # ac/460-1.toml: 12-VI published 10.08.2016 (echo.kz), two months expire 10.10.2016 -> 2016-10-11;
        # the phrase is the footnote to CC art. 174/256 (cc/174.toml, cc/256.toml notes)
        ("12-VI", date(2016, 7, 26), date(2016, 8, 10), TWO_MONTHS, date(2016, 10, 11), "ac/460-1.toml"),
        # cc/405.toml: 186-VII/187-VII published 05.01.2023 -> 07.03.2023; ac/434.toml uses 2023-03-07
        ("187-VII", date(2023, 1, 3), date(2023, 1, 5), SIXTY_DAYS, date(2023, 3, 7), "ac/434.toml"),
    ],
)
def test_known_publication_gives_the_exact_first_day(number, signed, published, phrase, first, source):
    result = first_day(act(number, signed, published), phrase)
    assert (result.earliest, result.latest) == (first, first) and result.exact
    assert "P = " + published.isoformat() in result.reason


# publication date unknown: earliest possible = signed + N + 1, no latest day; these are the
# valid_from values of the statute files ("earliest possible day"), the previous wording ends the day before
@pytest.mark.parametrize(
    "number, signed, phrase, first, provision",
    [
        ("180-VI", date(2018, 7, 12), TEN_DAYS, date(2018, 7, 23), "CC 145(1)"),  # cc/145.toml
        ("349-VI", date(2020, 6, 26), TEN_DAYS, date(2020, 7, 7), "CC 174(1)"),  # cc/174.toml
        ("28-VI", date(2016, 12, 22), TEN_DAYS, date(2017, 1, 2), "CC 256(1)"),  # cc/256.toml
        ("292-VI", date(2019, 12, 27), TEN_DAYS, date(2020, 1, 7), "AC 517(1)"),  # ac/517.toml
        ("300-VI", date(2019, 12, 30), TEN_DAYS, date(2020, 1, 10), "AC 86(1)"),  # ac/86.toml
        ("91-VI", date(2017, 7, 11), TEN_DAYS, date(2017, 7, 22), "CC 373(1)"),  # cc/373.toml
        ("384-VI", date(2020, 12, 19), TEN_DAYS, date(2020, 12, 30), "CC 367(1)"),  # cc/367.toml
        ("23-VIII", date(2023, 7, 12), TEN_DAYS, date(2023, 7, 23), "CC 373(1)"),  # cc/373.toml (exclusion)
        ("23-VIII", date(2023, 7, 12), SIXTY_DAYS, date(2023, 9, 11), "CC 367(1)"),  # cc/367.toml
        ("72-VIII", date(2024, 4, 15), SIXTY_DAYS, date(2024, 6, 15), "CC 99(3)"),  # cc/99.toml
    ],
)
def test_unknown_publication_gives_the_earliest_possible_day_and_no_latest(number, signed, phrase, first, provision):
    result = first_day(act(number, signed), phrase)
    assert (result.earliest, result.latest) == (first, None) and not result.exact
    assert "not known" in result.reason
    versions = penalties.provision(provision).versions
    starts = [i for i, v in enumerate(versions) if v.act.number == number and v.valid_from == first]
    assert starts, f"{provision}: no version of {number} starts on {first}"
    i = starts[0]
    assert i > 0 and versions[i - 1].valid_to == first - timedelta(days=1)


# ac/456-2.toml: 247-VIII signed 30.12.2025, sixty days, "2026-03-01 (signing date + 61 days) is the
# earliest possible start"; the 02.03.2026 redaction already shows the new text (valid_from_latest)
def test_sixty_days_from_the_signing_date_when_publication_is_unknown():
    result = first_day(act("247-VIII", date(2025, 12, 30)), SIXTY_DAYS)
    assert (result.earliest, result.latest) == (date(2026, 3, 1), None)
    version = next(v for v in penalties.provision("AC 456-2(3-1)").versions if v.act.number == "247-VIII")
    assert version.valid_from == result.earliest and version.valid_from_latest == date(2026, 3, 2)


@pytest.mark.parametrize(
    "phrase, day",
    [
        ("вводится в действие с 01.01.2016", date(2016, 1, 1)),  # 415-V, ac/86.toml footnote
        ("вводится в действие с 01.01.2017", date(2017, 1, 1)),  # 421-V, ac/519.toml footnote
        ("вводится в действие 01.01.2015", date(2015, 1, 1)),  # 272-V, ac/518.toml footnote
        ("вводится в действие с 01.09.2025", date(2025, 9, 1)),  # 155-VIII, ac/434.toml
        # entry_into_force strings of the data, with the quoted phrase inside
        ("2016-01-01 (footnote: 'вводится в действие с 01.01.2016')", date(2016, 1, 1)),
        ("art. 434 amendments from 2025-09-01 (footnote: 'вводится в действие с 01.09.2025')", date(2025, 9, 1)),
        ("art. 45 from 2017-01-01 (RCPI note: 'Статья 45 вводится в действие с 01.01.2017')", date(2017, 1, 1)),
    ],
)
def test_a_named_day_is_exact_and_needs_no_publication(phrase, day):
    result = first_day(act("415-V", date(2015, 11, 23)), phrase)
    assert tuple(result)[:2] == (day, day)


def test_the_registry_acts_with_a_named_day_agree():
    # the registry's in_force is the day its rule's footnote names (acts.toml, from the files' notes)
    for number, phrase in (
        ("415-V", "вводится в действие с 01.01.2016"),
        ("421-V", "вводится в действие с 01.01.2017"),
    ):
        a = registry().get(number)
        assert first_day(a, phrase).earliest == a.in_force


def test_the_registry_publication_dates_give_the_files_boundaries():
    # 327-VI: published 14.05.2020 (acts.toml, from the preamble of a June 2020 law), ten days -> 2020-05-25;
    # 12-VI carries the publication date its file records (ac/460-1.toml)
    assert first_day(registry().get("327-VI"), TEN_DAYS).earliest == date(2020, 5, 25)
    assert (
        first_day(registry().get("12-VI"), TWO_MONTHS).earliest
        == penalties.provision("AC 460-1(1)").versions[0].valid_from
    )


@pytest.mark.parametrize(
    "phrase, first",
    [
        # as the statute files quote the rules (elided, or with the data's own words after them)
        (
            "по истечении десяти календарных дней после дня его первого официального опубликования; publication date not found, "
            "2018-07-23 is the earliest possible day",
            date(2018, 7, 23),
        ),  # cc/145.toml, 180-VI
        ("(...шестидесяти календарных дней...)", date(2018, 9, 11)),  # cc/174.toml notes
        ("вводится в действие по истечении десяти", None),  # cut short: no unit
        ("по истечении шестидесяти календарных дней", date(2018, 9, 11)),
        (
            "вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования, "
            "за исключением пункта 15 статьи 1",
            date(2018, 7, 23),
        ),  # cc/376.toml notes
    ],
)
def test_quoted_forms(phrase, first):
    a = act("180-VI", date(2018, 7, 12))
    if first is None:
        with pytest.raises(EntryIntoForceError):
            first_day(a, phrase)
        return
    assert first_day(a, phrase).earliest == first


def test_an_exception_in_the_phrase_is_named_not_applied():
    result = first_day(act("180-VI", date(2018, 7, 12)), TEN_DAYS + ", за исключением пункта 15 статьи 1")
    assert "за исключением пункта 15 статьи 1" in result.reason


@pytest.mark.parametrize(
    "phrase",
    ["", "10 calendar days after first official publication", "в течение месяца", "вводится в действие с 31.02.2020"],
)
def test_an_unrecognised_phrase_is_an_error_naming_it(phrase):
    with pytest.raises(EntryIntoForceError) as error:
        first_day(act("1-I", date(2020, 1, 1)), phrase)
    assert error.value.phrase == phrase and repr(phrase) in str(error.value)
    assert isinstance(error.value, PenaltiesError) and isinstance(error.value, ValueError)


@pytest.mark.parametrize(
    "phrase", ["порядок введения в действие см. ст. 2", "порядок введения в действие см. статью 2"]
)
def test_a_reference_to_the_acts_own_article_gives_only_the_certain_floor(phrase):
    # ac/170 (173-VІ), ac/438 (155-VIII): the act's article 2 sets the rules, and the footnotes of one act
    # name several (155-VIII: sixty days, 01.01.2025, 01.01.2026, 01.09.2025): none is assumed
    result = first_day(act("173-VI", date(2018, 7, 4)), phrase)
    assert (result.earliest, result.latest) == (date(2018, 7, 4), None) and "art. 2" in result.reason
    known = first_day(act("173-VI", date(2018, 7, 4), date(2018, 7, 6)), phrase)
    assert (known.earliest, known.latest) == (date(2018, 7, 6), None)


def test_numerals():
    assert [number_of(w) for w in ("десяти", "шестидесяти", "двух", "двадцати одного", "ста двадцати", "10")] == [
        10,
        60,
        2,
        21,
        120,
        10,
    ]


def test_from_the_day_of_publication():
    phrase = "вводится в действие со дня его первого официального опубликования"
    assert tuple(first_day(act("1-I", date(2020, 1, 1), date(2020, 1, 3)), phrase))[:2] == (date(2020, 1, 3),) * 2
    assert tuple(first_day(act("1-I", date(2020, 1, 1)), phrase))[:2] == (date(2020, 1, 1), None)


def test_months_end_on_the_months_last_day_when_it_has_no_such_day():
    # the documented convention: 31.12.2019 + 2 months = 29.02.2020 (expiry), first day 01.03.2020
    assert add_months(date(2019, 12, 31), 2) == date(2020, 2, 29)
    assert first_day(act("1-I", date(2019, 12, 30), date(2019, 12, 31)), TWO_MONTHS).earliest == date(2020, 3, 1)


days = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))


@given(
    signed=days,
    lag=st.integers(0, 60),
    n=st.sampled_from([(10, "десяти"), (60, "шестидесяти"), (21, "двадцати одного")]),
)
def test_days_rule_both_sides(signed, lag, n):
    count, words = n
    phrase = (
        f"вводится в действие по истечении {words} календарных дней после дня его первого официального опубликования"
    )
    published = signed + timedelta(days=lag)
    known = first_day(act("1-I", signed, published), phrase)
    assert known.earliest == known.latest == published + timedelta(days=count + 1)
    unknown = first_day(act("1-I", signed), phrase)
    assert unknown.latest is None and unknown.earliest == signed + timedelta(days=count + 1) <= known.earliest


@given(published=days, n=st.integers(1, 12))
def test_months_rule_both_sides(published, n):
    words = {
        1: "одного",
        2: "двух",
        3: "трех",
        4: "четырех",
        5: "пяти",
        6: "шести",
        7: "семи",
        8: "восьми",
        9: "девяти",
        10: "десяти",
        11: "одиннадцати",
        12: "двенадцати",
    }[n]
    result = first_day(
        act("1-I", published, published),
        f"по истечении {words} месяцев после дня его первого официального опубликования",
    )
    expiry = result.earliest - timedelta(days=1)
    assert expiry == add_months(published, n)
    assert (expiry.year * 12 + expiry.month) - (published.year * 12 + published.month) == n
    assert expiry.day == published.day or (expiry.day < published.day and (expiry + timedelta(days=1)).day == 1)
