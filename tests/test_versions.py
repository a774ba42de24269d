"""Properties of version lookup over every encoded provision."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

import penalties
from penalties.errors import OutOfCoverageError

ALL = penalties.provisions()


@pytest.mark.parametrize("p", ALL, ids=lambda p: p.id)
def test_lookup_changes_exactly_at_each_boundary(p):
    for before, after in zip(p.versions, p.versions[1:]):
        assert p.version_on(before.valid_to) is before
        assert p.version_on(after.valid_from) is after
        assert after.valid_from - before.valid_to == timedelta(days=1)
    with pytest.raises(OutOfCoverageError):
        p.version_on(p.versions[0].valid_from - timedelta(days=1))


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
    if "life_imprisonment" in kinds:
        return "especially_grave"
    terms = [item.max.value / 12 for item in sanction.main if item.kind == "imprisonment" and item.max]
    if terms:
        years = max(terms)
        return "minor" if years <= 2 else "medium" if years <= 5 else "grave" if years <= 12 else "especially_grave"
    return "minor" if "restriction_of_freedom" in kinds else "criminal_misdemeanour"


def test_every_criminal_code_category_follows_from_its_sanction():
    wrong = [(p.label, v.valid_from, v.category, _category_by_art_11(s))
             for p in penalties.provisions(code="cc") for v in p.versions if not v.abolished
             for s in v.sanctions if v.category != _category_by_art_11(s)]
    assert not wrong
