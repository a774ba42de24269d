"""Two questions about figures rather than cases.

`diff(ref, d1, d2)`: what changed in a provision's sanction between two dates, as structured items
("fine max 300 → 160 MCI").

`explain_amount(amount, "KZT", on)`: which number of MCI an amount quoted in a decision or a report
is, at which MCI value and law, and which encoded provisions allow a fine of that size on that
date (also as the share paid early under AC arts 810-811, where the General Part offers it).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs

from . import inputs
from .conversion import unit_name
from .errors import OutOfCoverageError, UnitError
from .inputs import Amount
from .law.general_part import general_part
from .law.mci import MCIValue, default_index
from .law.provisions import Item, Provision, Version
from .law.quantities import measure_text
from .lookup import provision as find_provision
from .lookup import provisions as all_provisions
from .reasoning.sanction import resolve


@attrs.frozen
class Change:
    """One difference: `what` changed for `kind` (`added`, `removed`, `min`, `max`, `mandatory`,
    `abolished`), from `before` to `after`."""

    offender: str
    group: str          # "main" or "additional"
    kind: str
    what: str
    before: str | None
    after: str | None
    #: the items compared (for wording the change in a language); not part of the JSON
    before_item: Item | None = attrs.field(default=None, kw_only=True, eq=False, repr=False)
    after_item: Item | None = attrs.field(default=None, kw_only=True, eq=False, repr=False)
    #: for `abolished`/`restored`: the version that abolished or restored the offence
    version: Version | None = attrs.field(default=None, kw_only=True, eq=False, repr=False)

    def format(self, lang: str = "en") -> str:
        """The change for people, in English, Russian or Kazakh ("fine: maximum 300 MCI → 160 MCI")."""
        from .output.render import render_change

        return render_change(self, lang)

    def __str__(self) -> str:
        return self.format("en")

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in ("offender", "group", "kind", "what", "before", "after")}


def _range(item: Item) -> str | None:
    if item.min is None and item.max is None:
        return None
    return f"{measure_text(item.min) or ''}..{measure_text(item.max) or ''}"


def _item_changes(offender: str, group: str, a: Item | None, b: Item | None) -> list[Change]:
    if a is None:
        assert b is not None  # an item is compared when one of the two versions has it
        return [Change(offender, group, b.kind, "added", None, measure_text(b.max) or measure_text(b.min),
                       after_item=b)]
    kind = a.kind
    if b is None:
        return [Change(offender, group, kind, "removed", measure_text(a.max) or measure_text(a.min), None,
                       before_item=a)]
    out = []
    fixed = [item.min is not None and item.min == item.max for item in (a, b)]
    if any(fixed):  # a fixed amount or term ("сроком на пять лет") changes as one figure
        before = measure_text(a.max) if fixed[0] else _range(a)
        after = measure_text(b.max) if fixed[1] else _range(b)
        if before != after:
            out.append(Change(offender, group, kind, "amount", before, after, before_item=a, after_item=b))
    for what in () if any(fixed) else ("min", "max"):
        before, after = measure_text(getattr(a, what)), measure_text(getattr(b, what))
        if before != after:
            out.append(Change(offender, group, kind, what, before, after, before_item=a, after_item=b))
    if a.lifelong != b.lifelong:
        out.append(Change(offender, group, kind, "lifelong", str(a.lifelong), str(b.lifelong),
                          before_item=a, after_item=b))
    if a.mandatory != b.mandatory:
        out.append(Change(offender, group, kind, "mandatory", str(a.mandatory), str(b.mandatory),
                          before_item=a, after_item=b))
    return out


def diff_versions(a: Version, b: Version) -> tuple[Change, ...]:
    """The differences between two versions' sanctions; empty exactly when they are the same."""
    if a.abolished or b.abolished:
        if a.abolished and b.abolished:
            return ()
        return (Change("individual", "main", "offence", "abolished" if b.abolished else "restored", None,
                       f"{b.valid_from}, {b.act}", version=b),)
    changes: list[Change] = []
    for offender in dict.fromkeys(a.offenders + b.offenders):
        sa = next((s for s in a.sanctions if offender in s.offenders), None)
        sb = next((s for s in b.sanctions if offender in s.offenders), None)
        for group in ("main", "additional"):
            items_a = {i.kind: i for i in (getattr(sa, group) if sa else ())}
            items_b = {i.kind: i for i in (getattr(sb, group) if sb else ())}
            for kind in dict.fromkeys(list(items_a) + list(items_b)):
                changes.extend(_item_changes(offender, group, items_a.get(kind), items_b.get(kind)))
    return tuple(changes)


def diff(reference: str | Provision, first: date, second: date) -> tuple[Change, ...]:
    """What changed in the sanction of `reference` between the versions in force on two dates."""
    p = reference if isinstance(reference, Provision) else find_provision(reference)
    first, second = inputs.a_date(first, "first"), inputs.a_date(second, "second")
    return diff_versions(p.version_on(first), p.version_on(second))


@attrs.frozen
class AmountMatch:
    """A provision whose version on the date allows a fine of `mci` MCI for `offender`."""

    provision: str
    label: str
    offender: str
    range: str | None  # None: the item names no bound
    via: str  # "fine" or "50 % under AC art. 810"

    def to_dict(self) -> dict:
        return attrs.asdict(self)


@attrs.frozen
class AmountExplanation:
    amount_kzt: Decimal
    on: date
    mci: MCIValue
    mci_count: Decimal
    whole_or_half: bool
    matches: tuple[AmountMatch, ...]

    def to_dict(self) -> dict:
        return {"amount_kzt": f"{self.amount_kzt:f}", "on": self.on.isoformat(), "mci_kzt": f"{self.mci.kzt:f}",
                "mci_period": [self.mci.valid_from.isoformat(), self.mci.valid_to.isoformat()],
                "mci_act": self.mci.act.to_dict(), "mci_count": f"{self.mci_count.normalize():f}",
                "whole_or_half": self.whole_or_half, "matches": [m.to_dict() for m in self.matches]}

    def __str__(self) -> str:
        head = (f"{self.amount_kzt:,f} KZT on {self.on} = {self.mci_count.normalize():f} MCI at {self.mci.kzt} KZT "
                f"({self.mci.valid_from}..{self.mci.valid_to}, {self.mci.act})").replace(",", " ")
        if not self.whole_or_half:
            return head + "\nnot a whole or half number of MCI: probably not an MCI-based fine at this MCI"
        lines = [head] + [f"  {m.label} ({m.offender}): fine {m.range}" + ("" if m.via == "fine" else f", {m.via}")
                          for m in self.matches]
        if not self.matches:
            lines.append("  no encoded provision allows a fine of that size on that date")
        return "\n".join(lines)


def explain_amount(amount: Amount, unit: str, on: date) -> AmountExplanation:
    """Read a quoted amount (in KZT) as a number of MCI on `on`, and find the provisions that allow it."""
    if unit_name(unit) != "KZT":
        raise UnitError("explain-amount reads amounts in KZT")
    kzt = inputs.amount(amount, "amount", zero=False)  # 0 KZT would match every fine "up to N"
    on = inputs.a_date(on, "on")
    record = default_index().record(on, "fine")
    count = kzt / record.kzt
    whole_or_half = (count * 2) == (count * 2).to_integral()
    matches = []
    if whole_or_half:
        for p in all_provisions():
            try:
                version = p.version_on(on)
            except OutOfCoverageError:
                continue
            if version.abolished:
                continue
            for offender in version.offenders:
                resolved = resolve(version, offender, p.code, on)
                reduced = general_part(p.code).reduced_payment_rule(
                    on, offender, tuple(r.kind for r in resolved.main), tuple(r.kind for r in resolved.additional))
                readings = [(count, "fine")]
                if reduced:  # the amount may be the share paid early (AC arts 810-811)
                    readings.append((count * 100 / reduced.percent, f"{reduced.percent} % under AC art. 810"))
                for item in resolved.main:
                    if item.kind != "fine" or (p.code == "cc" and item.min is None):
                        continue  # a CC fine "up to N" whose General-Part minimum is not encoded
                    for target, via in readings:
                        if _allows(item, target):
                            rng = measure_text(item.max) if item.min == item.max else \
                                f"{measure_text(item.min) or '…'} .. {measure_text(item.max) or '…'}"
                            matches.append(AmountMatch(p.id, p.label, offender, rng, via))
    return AmountExplanation(kzt, on, record, count, whole_or_half, tuple(matches))


def _allows(item, mci: Decimal) -> bool:
    low, high = item.min, item.max
    if (low and low.unit != "MCI") or (high and high.unit != "MCI"):
        return False
    if low is not None and high is not None and low.value == high.value:
        return mci == high.value
    return (low is None or mci >= low.value) and (high is None or mci <= high.value) and high is not None
