"""Two questions about figures rather than cases.

`diff(ref, d1, d2)`: what changed in a provision's sanction between two dates, as structured items
("fine max 300 → 160 MCI").

`explain_amount(amount, "KZT", on)`: which number of MCI an amount quoted in a decision or a report
is, at which MCI value and law, and which encoded provisions allow a fine of that size on that
date (also as the share paid early under AC arts 810-811, where the General Part offers it).
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal

import attrs

from . import inputs
from .conversion import unit_name
from .data.general_part import general_part
from .data.mci import default_index
from .errors import OutOfCoverageError, UnitError
from .inputs import Amount
from .law.mci import MCIValue
from .law.provisions import OFFENDERS, UNNAMED, Code, Item, Provision, Version
from .law.quantities import measure_text
from .lookup import provision as find_provision
from .lookup import provisions as all_provisions
from .reasoning.sanction import resolve


@attrs.frozen
class Change:
    """One difference: `what` changed for `kind` (`added`, `removed`, `min`, `max`, `mandatory`,
    `abolished`), from `before` to `after`."""

    offender: str
    group: str  # "main" or "additional"
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
        return [
            Change(offender, group, b.kind, "added", None, measure_text(b.max) or measure_text(b.min), after_item=b)
        ]
    kind = a.kind
    if b is None:
        return [
            Change(offender, group, kind, "removed", measure_text(a.max) or measure_text(a.min), None, before_item=a)
        ]
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
        out.append(
            Change(offender, group, kind, "lifelong", str(a.lifelong), str(b.lifelong), before_item=a, after_item=b)
        )
    if a.mandatory != b.mandatory:
        out.append(
            Change(offender, group, kind, "mandatory", str(a.mandatory), str(b.mandatory), before_item=a, after_item=b)
        )
    return out


def diff_versions(a: Version, b: Version) -> tuple[Change, ...]:
    """The differences between two versions' sanctions; empty exactly when they are the same."""
    if a.abolished or b.abolished:
        if a.abolished and b.abolished:
            return ()
        return (
            Change(
                "individual",
                "main",
                "offence",
                "abolished" if b.abolished else "restored",
                None,
                f"{b.valid_from}, {b.act}",
                version=b,
            ),
        )
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
    """A provision whose version on the date allows a fine of `mci_count` MCI for `offender`."""

    provision: str
    label: str
    offender: str
    range: str | None  # None: the item names no bound
    via: str  # "fine" or "50 % under AC art. 810"
    mci_count: Decimal | None = attrs.field(default=None, kw_only=True)
    #: the fine item allowing it, and the share paid early (AC art. 810), for wording the match
    item: Item | None = attrs.field(default=None, kw_only=True, eq=False, repr=False)
    reduced_percent: Decimal | None = attrs.field(default=None, kw_only=True, eq=False, repr=False)

    def to_dict(self) -> dict:
        out = {
            "provision": self.provision,
            "label": self.label,
            "offender": self.offender,
            "range": self.range,
            "via": self.via,
        }
        if self.mci_count is not None:
            out["mci_count"] = f"{self.mci_count.normalize():f}"
        return out


#: at most this many whole or half MCI counts are tried for a rounded figure (the nearest ones)
MAX_CANDIDATES = 10


@attrs.frozen
class AmountExplanation:
    """`explain_amount()`'s answer: the amount as MCI on the date, and the provisions allowing it.

    For a rounded figure (`tolerance_kzt` > 0), `candidates` are the whole or half MCI counts whose
    tenge value lies within the tolerance, nearest first (at most `MAX_CANDIDATES`), and each match
    names the nearest of them its fine allows (`mci_count`). For an exact figure, the only candidate is the exact count, when it
    is a whole or half number.
    """

    amount_kzt: Decimal
    on: date
    mci: MCIValue
    mci_count: Decimal
    whole_or_half: bool
    matches: tuple[AmountMatch, ...]
    tolerance_kzt: Decimal = attrs.field(default=Decimal(0), kw_only=True)
    candidates: tuple[Decimal, ...] = attrs.field(default=(), kw_only=True)
    quoted: str | None = attrs.field(default=None, kw_only=True)

    def to_dict(self) -> dict:
        return {
            "amount_kzt": f"{self.amount_kzt:f}",
            "on": self.on.isoformat(),
            "mci_kzt": f"{self.mci.kzt:f}",
            "mci_period": [self.mci.valid_from.isoformat(), self.mci.valid_to.isoformat()],
            "mci_act": self.mci.act.to_dict(),
            "mci_count": f"{self.mci_count.normalize():f}",
            "whole_or_half": self.whole_or_half,
            "matches": [m.to_dict() for m in self.matches],
            "quoted": self.quoted,
            "tolerance_kzt": f"{self.tolerance_kzt.normalize():f}",
            "candidates": [
                {"mci_count": f"{c.normalize():f}", "kzt": f"{(c * self.mci.kzt).normalize():f}"}
                for c in self.candidates
            ],
        }

    def format(self, lang: str = "en") -> str:
        """The explanation for people, in English, Russian or Kazakh."""
        from .output.render import render_amount_explanation

        return render_amount_explanation(self, lang)

    def __str__(self) -> str:
        return self.format("en")


def explain_amount(
    amount: Amount,
    unit: str,
    on: date,
    *,
    tolerance: Amount | None = None,
    code: Code | None = None,
    offender: str | None = None,
) -> AmountExplanation:
    """Read a quoted amount (in KZT) as a number of MCI on `on`, and find the provisions that allow it.

    `amount` may be a rounded quotation ("12.63 million", "about 54,000", "12,6 млн":
    `penalties.quotations`): then the whole or half MCI counts within the tolerance it implies (half
    a unit of its last digit) are tried, nearest first. `tolerance` (KZT) states the tolerance
    instead. `code` ("cc"/"ac") and `offender` keep only the matches of that Code or offender
    category (a sanction naming no offender matches any).
    """
    from .quotations import quoted_amount

    if unit_name(unit) != "KZT":
        raise UnitError("explain-amount reads amounts in KZT")
    quote = quoted_amount(amount, "amount")  # 0 KZT would match every fine "up to N": refused
    kzt = quote.value
    margin = quote.tolerance if tolerance is None else inputs.amount(tolerance, "tolerance")
    on = inputs.a_date(on, "on")
    if code is not None and code not in ("cc", "ac"):
        from .errors import UserInputError

        raise UserInputError(f"unknown code {code!r}; use cc or ac")
    if offender is not None and offender not in OFFENDERS:
        from .errors import UnknownOffenderError

        raise UnknownOffenderError("explain-amount", offender, OFFENDERS)
    record = default_index().record(on, "fine")
    count = kzt / record.kzt
    candidates: tuple[Decimal, ...]
    if margin == 0:
        candidates = (count,) if (count * 2) == (count * 2).to_integral() else ()
    else:
        low = math.ceil((kzt - margin) * 2 / record.kzt)
        high = math.floor((kzt + margin) * 2 / record.kzt)
        halves = sorted(range(max(low, 1), high + 1), key=lambda n: (abs(Decimal(n) / 2 * record.kzt - kzt), n))
        candidates = tuple(Decimal(n) / 2 for n in halves[:MAX_CANDIDATES])
    matches = []
    if candidates:
        for p, who, item, readings in _fines_on(on, code, offender):
            for factor, via, percent in readings:
                # the nearest count the fine allows (a range "200 – 4,000 MCI" allows them all: once)
                target = next((c for c in candidates if _allows(item, c * factor)), None)
                if target is not None:
                    rng = (
                        measure_text(item.max)
                        if item.min == item.max
                        else f"{measure_text(item.min) or '…'} .. {measure_text(item.max) or '…'}"
                    )
                    matches.append(
                        AmountMatch(
                            p.id,
                            p.label,
                            who,
                            rng,
                            via,
                            item=item,
                            reduced_percent=percent,
                            mci_count=None if margin == 0 else target,
                        )
                    )
    return AmountExplanation(
        kzt,
        on,
        record,
        count,
        bool(candidates),
        tuple(matches),
        tolerance_kzt=margin,
        candidates=candidates,
        quoted=quote.text,
    )


def _fines_on(on: date, code: Code | None, offender: str | None):
    """Every fine (a main alternative) of a version in force on `on`, with the readings of an
    amount it allows: (provision, offender, item, ((factor, via), …)); the factor turns the amount
    paid into the fine (2 for 50 % paid early under AC arts 810-811)."""
    for p in all_provisions(code):
        try:
            version = p.version_on(on)
        except OutOfCoverageError:
            continue
        if version.abolished:
            continue
        for who in version.offenders:
            if offender is not None and who not in (offender, UNNAMED):
                continue
            resolved = resolve(version, who, p.code, on)
            reduced = general_part(p.code).reduced_payment_rule(
                on, who, tuple(r.kind for r in resolved.main), tuple(r.kind for r in resolved.additional)
            )
            readings: list[tuple[Decimal, str, Decimal | None]] = [(Decimal(1), "fine", None)]
            if reduced:  # the amount may be the share paid early (AC arts 810-811)
                readings.append(
                    (Decimal(100) / reduced.percent, f"{reduced.percent} % under AC art. 810", Decimal(reduced.percent))
                )
            for item in resolved.main:
                if item.kind != "fine" or (p.code == "cc" and item.min is None):
                    continue  # a CC fine "up to N" whose General-Part minimum is not encoded
                yield p, who, item, tuple(readings)


def _allows(item, mci: Decimal) -> bool:
    low, high = item.min, item.max
    if (low and low.unit != "MCI") or (high and high.unit != "MCI"):
        return False
    if low is not None and high is not None and low.value == high.value:
        return mci == high.value
    return (low is None or mci >= low.value) and (high is None or mci <= high.value) and high is not None
