"""The sanction for an offender with the General Part's limits applied (`resolve`), and the day those limits are read.

Where a special-part sanction is silent (a fine "up to 200 MCI" with no minimum), the General
Part's limit for that kind of punishment fills the gap; a kind the General Part had not put into
effect is dropped with a notice. The limits are read on the day committed, or on the day the
version applied came into force when that is later (a milder later version, lex mitior, brings
the limits of its own time). `resolve` is cached per (version, offender, period of General-Part
rules): `assess()`, `assess_batch()` and `explain_amount()` all read sanctions through it.
"""

from __future__ import annotations

from datetime import date

import attrs

from ..data.general_part import general_part
from ..data.store import register
from ..law.kinds import KINDS, MONEY, NONE
from ..law.provisions import Version
from ..law.quantities import Measure
from ..output.notices import Notice


@attrs.frozen(slots=True)
class ResolvedItem:
    """A sanction item with the General Part's limits applied, before any money conversion.
    Computed once per (version, offender, period of General-Part rules) and cached."""

    kind: str
    unit: str | None  # "money", "day", "month", "hour", or None
    min: Measure | None
    max: Measure | None
    min_basis: str | None
    max_basis: str | None
    mandatory: bool | None
    lifelong: bool
    base: str | None
    needs_base: bool
    #: a percentage of the base bounded by amounts in MCI (`Item.floor`, `Item.ceiling`), and the count
    #: an amount is for each unit of (`Item.per`)
    floor: Measure | None = None
    ceiling: Measure | None = None
    per: str | None = None

    @property
    def bounded(self) -> bool:
        """Whether the amount is bounded in MCI, so that a range can be given without the base."""
        return self.floor is not None or self.ceiling is not None


@attrs.frozen(slots=True)
class ResolvedSanction:
    """A version's sanction for one offender with the General Part's limits applied: its main
    alternatives and additional punishments, the notices about them, the limits read, the name of
    the base amount it needs (None: none), and whether any item is an amount (then the MCI is needed)."""

    main: tuple[ResolvedItem, ...]
    additional: tuple[ResolvedItem, ...]
    warnings: tuple[Notice, ...]
    limits: tuple
    needs_base: str | None
    has_money: bool
    #: the count an amount is for each unit of (`Item.per`), None: none
    needs_count: str | None = None

    @property
    def base_optional(self) -> bool:
        """Whether every item that needs the base is bounded in MCI: without the base, the range those
        bounds give is stated (`assess()`), instead of a refusal."""
        return all(r.bounded for g in (self.main, self.additional) for r in g if r.needs_base)


def limits_day(version_start, committed, later=max):
    """The day the General Part's limits are read: the day committed, or the day the version
    applied came into force if that is later. `later` is the maximum to use (`numpy.maximum`
    for arrays of day numbers)."""
    return later(committed, version_start)


_CACHE: dict = {}
register(_CACHE.clear)


def resolve(version: Version, offender: str, code: str, on: date) -> ResolvedSanction:
    """The sanction of `version` for `offender`, with the limits of `code`'s General Part in force on
    `on` (the `limits_day`)."""
    gp = general_part(code)
    key = (version, offender, gp.period(on))
    found = _CACHE.get(key)
    if found is None:
        found = _CACHE[key] = _resolve(version, offender, gp, on)
    return found


def _resolve(version: Version, offender: str, gp, on: date) -> ResolvedSanction:
    sanction = version.sanction_for(offender)
    warnings: list[Notice] = []
    limits: list = []
    groups = []
    for group in (sanction.main, sanction.additional):
        resolved = []
        for item in group:
            kind = KINDS[item.kind]
            limit = gp.limit(item.kind, version.category, on, offender, version.provision_id.split(".")[2])
            low, high = item.min, item.max
            low_basis = "sanction" if low else None
            high_basis = "sanction" if high else None
            if limit is not None:
                limits.append((item.kind, limit))
                if not limit.available:
                    # cached per period of rules: name the period, not the day asked
                    warnings.append(
                        Notice("not_in_effect", (item.kind, limit.valid_from, limit.valid_to, limit.article))
                    )
                    continue
                if (
                    high is not None
                    and limit.max is not None
                    and limit.max.unit == high.unit
                    and high.value > limit.max.value
                ):
                    warnings.append(Notice("exceeds_limit", (item.kind, str(high), str(limit.max), limit.article)))
                if not item.lifelong:
                    if low is None and limit.min is not None and (high is None or limit.min.unit == high.unit):
                        low, low_basis = limit.min, "general_part"
                    if high is None and limit.max is not None:
                        high, high_basis = limit.max, "general_part"
            elif low is None and not item.lifelong and item.kind in _NEEDS_MINIMUM:
                why = "category" if gp.code == "cc" and version.category is None else "no_limit"
                warnings.append(Notice("no_minimum", (item.kind, why)))
            unit = None if kind.measure == NONE else kind.measure
            needs_base = any(m is not None and m.unit in ("base", "percent") for m in (low, high))
            resolved.append(
                ResolvedItem(
                    item.kind,
                    unit,
                    low,
                    high,
                    low_basis,
                    high_basis,
                    item.mandatory,
                    item.lifelong,
                    item.base,
                    needs_base,
                    item.floor,
                    item.ceiling,
                    item.per,
                )
            )
        groups.append(tuple(resolved))
    needs = next((r.base or "base amount" for g in groups for r in g if r.needs_base), None)
    has_money = any(r.unit == MONEY for g in groups for r in g)
    counted = next((r.per for g in groups for r in g if r.per), None)
    return ResolvedSanction(groups[0], groups[1], tuple(warnings), tuple(limits), needs, has_money, counted)


_NEEDS_MINIMUM = frozenset(
    {"fine", "corrective_labour", "community_service", "restriction_of_freedom", "arrest", "imprisonment"}
)
