"""Properties of version lookup over every encoded provision."""

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

import penalties
from penalties.errors import OutOfCoverageError, UnreadWordingError

ALL = penalties.provisions()


@pytest.mark.parametrize("p", ALL, ids=lambda p: p.id)
def test_lookup_changes_exactly_at_each_boundary(p):
    # versions and gaps (wordings not read) follow each other day by day; a gap refuses on both its ends
    spans = sorted(list(p.versions) + list(p.gaps), key=lambda s: s.valid_from)
    for before, after in itertools.pairwise(spans):
        assert after.valid_from - before.valid_to == timedelta(days=1)
        for span, day in ((before, before.valid_to), (after, after.valid_from)):
            if span in p.gaps:
                with pytest.raises(UnreadWordingError):
                    p.version_on(day)
            else:
                assert p.version_on(day) is span
    with pytest.raises(OutOfCoverageError):
        p.version_on(spans[0].valid_from - timedelta(days=1))


@given(st.sampled_from(ALL), st.data())
def test_lookup_is_stable_inside_an_interval(p, data):
    v = data.draw(st.sampled_from(p.versions))
    end = v.valid_to or date(2026, 12, 31)
    a = data.draw(st.dates(min_value=v.valid_from, max_value=max(v.valid_from, end)))
    b = data.draw(st.dates(min_value=v.valid_from, max_value=max(v.valid_from, end)))
    assert p.version_on(a) is p.version_on(b) is v


@given(st.sampled_from(ALL), st.dates(min_value=date(2015, 1, 1), max_value=date(2026, 12, 31)))
def test_every_assessment_has_ordered_ranges(p, on):
    try:
        version = p.version_on(on)
    except OutOfCoverageError:
        return
    for offender in version.offenders or ("individual",):
        try:
            a = penalties.assess(p, on=on, offender=offender, base_amount=1_000_000)
        except penalties.UserInputError:
            continue
        for item in a.main + a.additional:
            if item.min and item.max:
                lo = item.min.value.mci if item.unit == "money" else item.min.value
                hi = item.max.value.mci if item.unit == "money" else item.max.value
                assert lo <= hi, (p.id, on, item)


def _category_by_art_11(sanction) -> str:
    """CC arts 10(3) and 11 (official texts, see statutes/kz/cc/general.toml): a criminal
    misdemeanour carries neither imprisonment nor restriction of freedom; an intentional crime is
    of minor gravity up to 2 years of imprisonment, medium up to 5, grave up to 12, especially
    grave beyond, or with life imprisonment. (Every encoded CC offence is intentional.)"""
    kinds = {item.kind for item in sanction.main}
    if kinds & {"life_imprisonment", "death_penalty"}:
        return "especially_grave"
    terms = [item.max.value / 12 for item in sanction.main if item.kind == "imprisonment" and item.max]
    if terms:
        years = max(terms)
        return "minor" if years <= 2 else "medium" if years <= 5 else "grave" if years <= 12 else "especially_grave"
    return "minor" if "restriction_of_freedom" in kinds else "criminal_misdemeanour"


def _fits(category, sanction) -> bool:
    """The encoded category is art. 11's, or "crime" where art. 11's depends on the form of guilt
    (negligent crimes: minor up to 5 years, medium above), which the sanction does not tell."""
    by_intent = _category_by_art_11(sanction)
    if category == "crime":
        return by_intent in ("medium", "grave", "especially_grave")
    return category == by_intent


def test_every_criminal_code_category_follows_from_its_sanction():
    wrong = [
        (p.label, v.valid_from, v.category, _category_by_art_11(s))
        for p in penalties.provisions(code="cc")
        for v in p.versions
        if not v.abolished
        for s in v.sanctions
        if not _fits(v.category, s)
    ]
    assert not wrong
