"""Properties of the General-Part rules on the shipped data (statutes/kz/cc/sentencing.toml and the
statute files), over many provisions and dates, not only the fixture's one (tests/test_review.py):

- a rule never widens a range beyond the General Part's absolute limits: the caps of an unfinished
  offence and of a procedural agreement (CC arts 55(3), 56) only lower a maximum, never below zero,
  and keep every bound within the sanction's own range;
- review is consistent with assess: any term or amount inside a range `assess()` gives (with or
  without a stage and a plea agreement), `review()` accepts as "within_sanction".
"""

from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import penalties
from penalties.errors import PenaltiesError

#: how `review()` reads each kind (penalties/imposed.py) and the unit words it takes
WORDS = {
    "imprisonment": "imprisonment",
    "restriction_of_freedom": "restriction of freedom",
    "community_service": "community service",
    "arrest": "arrest",
    "fine": "fine",
    "corrective_labour": "corrective labour",
}
UNITS = {"month": "months", "day": "days", "hour": "hours"}
DAYS = (date(2016, 6, 1), date(2019, 6, 1), date(2022, 6, 1), date(2025, 10, 1))


def _cases():
    """(label, day) pairs, every fifth CC provision on four days, that assess() answers with an
    item review() can read, bounded both ways."""
    out = []
    for p in [p for p in penalties.provisions() if p.code == "cc"][::5]:
        for day in DAYS:
            try:
                a = penalties.assess(p, day)
            except PenaltiesError:
                continue
            if not a.abolished and any(_readable(i) for i in a.main):
                out.append((p.label, day))
    return out


def _readable(item) -> bool:
    return (
        item.kind in WORDS
        and item.min is not None
        and item.max is not None
        and not item.lifelong
        and (item.unit == "money" or item.unit in UNITS)
    )


def _bounds(item) -> tuple[Decimal, Decimal]:
    if item.unit == "money":
        return item.min.value.mci, item.max.value.mci
    return item.min.value, item.max.value


def _value(bound, unit) -> Decimal:
    return bound.value.mci if unit == "money" else bound.value


def _imposed(item, value: int) -> str:
    if item.unit == "money":
        return f"{WORDS[item.kind]} {value} MCI"
    return f"{value} {UNITS[item.unit]} {WORDS[item.kind]}"


CASES = _cases()
STAGES = st.sampled_from([None, "preparation", "attempt"])
AGREEMENTS = st.sampled_from([None, "plea", "cooperation"])


def _assess(label, day, stage=None, agreement=None):
    try:
        return penalties.assess(label, day, stage=stage, plea_agreement=agreement)
    except PenaltiesError:  # a cap not encoded for the day, or an agreement of a kind the wording lacks
        assume(False)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CASES), STAGES, AGREEMENTS)
def test_a_cap_never_widens_a_range(case, stage, agreement):
    label, day = case
    plain = {i.kind: i for i in penalties.assess(label, day).main}
    narrowed = _assess(label, day, stage, agreement)
    for item in narrowed.main:
        before = plain[item.kind]
        if item.max is None or before.max is None or item.unit is None:
            continue
        high, old_high = _value(item.max, item.unit), _value(before.max, before.unit)
        assert Decimal(0) <= high <= old_high
        if item.min is not None:
            low = _value(item.min, item.unit)
            assert low <= high
            if before.min is not None:  # a cap never lowers a minimum: it only drops one above the capped maximum
                assert low >= _value(before.min, before.unit)
    assert {i.kind for i in narrowed.main} <= set(plain)  # no kind is added


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CASES), STAGES, AGREEMENTS, st.data())
def test_review_accepts_anything_assess_allows(case, stage, agreement, data):
    label, day = case
    a = _assess(label, day, stage, agreement)
    items = [i for i in a.main if _readable(i)]
    assume(items)
    item = data.draw(st.sampled_from(items))
    low, high = _bounds(item)
    first, last = int(low.to_integral_value(ROUND_CEILING)), int(high.to_integral_value(ROUND_FLOOR))
    assume(first <= last)
    value = data.draw(st.integers(first, last))
    r = penalties.review(label, day, imposed=_imposed(item, value), stage=stage, plea_agreement=agreement)
    assert r.verdict == "within_sanction", (label, day, stage, agreement, _imposed(item, value), r.to_dict()["items"])
