"""Crediting and adding punishments (Criminal Code arts 61-62): what days of pre-trial custody count
for (art. 62(3), (3-1), (4)) and what one punishment equals in another when punishments are added
(art. 61(1)).

    >>> from datetime import date
    >>> credit = custody_credit(30, "imprisonment", on=date(2023, 5, 2), regime="medium")
    >>> credit.credited, credit.article
    (Measure(value=Decimal('45'), unit='day'), '62(3), 62(3-1)')

The rule is the one in force on `on`, normally the day the sentence is passed. Art. 6 makes a later
law that improves the convicted person's position retroactive: whether a later, more favourable
ratio applies to an earlier sentence is a question this function does not answer (compare the
result for both dates).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs

from . import inputs
from .data.general_part import general_part
from .errors import OutOfCoverageError, UserInputError
from .inputs import Amount
from .law.general_part import CUSTODY, REGIMES, CustodyCreditRule, EquivalenceRule
from .law.quantities import Measure, decimal_text
from .output.notices import Notice


@attrs.frozen
class CustodyCredit:
    """`days` of `custody` count as `credited` of a `toward` punishment (`per_day` each)."""

    days: int
    custody: str
    toward: str
    regime: str | None
    per_day: Measure
    rule: CustodyCreditRule
    notices: tuple[Notice, ...] = ()

    @property
    def credited(self) -> Measure:
        return Measure(_whole(self.per_day.value * self.days), self.per_day.unit)

    @property
    def article(self) -> str:
        return self.rule.article

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(n.text("en") for n in self.notices)

    def __str__(self) -> str:
        line = (
            f"{self.days} day(s) of {self.custody.replace('_', ' ')} count as {self.credited.value} "
            f"{self.credited.unit} of {self.toward} (CC art. {self.article}, {self.rule.provenance.verification})"
        )
        return "\n".join([line, *(f"  ! {w}" for w in self.warnings)])

    def to_dict(self) -> dict:
        p = self.rule.provenance
        return {
            "days": self.days,
            "custody": self.custody,
            "toward": self.toward,
            "regime": self.regime,
            "per_day": _measure_dict(self.per_day),
            "credited": _measure_dict(self.credited),
            "article": self.article,
            "verification": p.verification,
            "sources": list(p.sources),
            "warnings": list(self.warnings),
        }


def custody_credit(
    days: int, toward: str, on: date, *, custody: str = "detention", regime: str | None = None
) -> CustodyCredit:
    """What `days` of pre-trial `custody` ("detention" or "house_arrest") count for in a
    punishment of kind `toward`, under the rule in force on `on`. `regime` is the security level of
    the institution ("maximum", "medium", "minimum") where the ratio for imprisonment depends on it."""
    days, on = inputs.days(days), inputs.a_date(on, "on")
    toward, custody = inputs.text(toward, "toward"), inputs.text(custody, "custody")
    regime = inputs.optional_text(regime, "regime")
    if custody not in CUSTODY:
        raise UserInputError(f"custody should be one of {', '.join(CUSTODY)}, got {custody!r}")
    if regime is not None and regime not in REGIMES:
        raise UserInputError(f"regime should be one of {', '.join(REGIMES)}, got {regime!r}")
    gp = general_part("cc")
    rule = gp.custody_credit_rule(on, custody)
    if rule is None:
        spans = [(r.valid_from, r.valid_to) for r in gp.custody_credit if r.custody == custody]
        last = None if any(end is None for _, end in spans) else max(end for _, end in spans if end is not None)
        covered = ", ".join(f"{start}..{end or 'today'}" for start, end in spans)
        raise OutOfCoverageError(
            f"CC art. 62 credit of {custody}",
            on,
            min(start for start, _ in spans),
            last,
            f"encoded for {covered}; the wording in between was not read",
        )
    by_regime = {k.partition(":")[2]: m for k, m in rule.per_day.items() if k.startswith(f"{toward}:")}
    if by_regime:
        if regime is None:
            raise UserInputError(
                f"on {on} the credit toward {toward} depends on the institution's security level: "
                f"give regime= one of {', '.join(sorted(by_regime))}"
            )
        per_day = by_regime[regime]
    elif toward in rule.per_day:
        per_day = rule.per_day[toward]
    else:
        known = sorted({k.partition(":")[0] for k in rule.per_day})
        raise UserInputError(f"on {on} art. {rule.article} credits {custody} toward {', '.join(known)}, not {toward!r}")
    notices: tuple[Notice, ...] = ()
    if rule.valid_from_latest and on < rule.valid_from_latest:
        notices = (Notice("start_window", (rule.valid_from, rule.valid_from_latest, on)),)
    return CustodyCredit(days, custody, toward, regime if by_regime else None, per_day, rule, notices)


@attrs.frozen
class Equivalent:
    """`quantity` of the punishment `of` equals `result` of the punishment `to` (CC art. 61(1))."""

    quantity: Measure
    of: str
    to: str
    result: Measure
    rule: EquivalenceRule

    @property
    def article(self) -> str:
        return self.rule.article

    def __str__(self) -> str:
        return (
            f"{self.quantity.value} {self.quantity.unit} of {self.of} = {self.result.value} {self.result.unit} "
            f"of {self.to} (CC art. {self.article}, {self.rule.provenance.verification})"
        )

    def to_dict(self) -> dict:
        p = self.rule.provenance
        return {
            "of": self.of,
            "quantity": _measure_dict(self.quantity),
            "to": self.to,
            "result": _measure_dict(self.result),
            "article": self.article,
            "verification": p.verification,
            "sources": list(p.sources),
        }


def punishment_equivalent(quantity: Amount, of: str, to: str, on: date) -> Equivalent:
    """What `quantity` (a number of the unit art. 61(1) counts `of` in: days of imprisonment,
    restriction of freedom or arrest, hours of community service, MCI of corrective labour) of the
    punishment `of` equals in the punishment `to`, when punishments are added together, under the
    wording in force on `on`.

        >>> from datetime import date
        >>> punishment_equivalent(30, "imprisonment", "fine", date(2023, 5, 2)).result
        Measure(value=Decimal('120'), unit='MCI')
    """
    amount = inputs.amount(quantity, "quantity", limit=inputs.MAX_QUANTITY, places=inputs.QUANTITY_PLACES)
    of, to, on = inputs.text(of, "of"), inputs.text(to, "to"), inputs.a_date(on, "on")
    gp = general_part("cc")
    rule = gp.equivalence(on, of)
    if rule is None:
        known = sorted({r.of for r in gp.equivalents if r.covers(on)})
        if not known:
            raise OutOfCoverageError("CC art. 61(1) equivalents", on, min(r.valid_from for r in gp.equivalents), None)
        raise UserInputError(f"on {on} art. 61(1) gives equivalents of {', '.join(known)}, not of {of!r}")
    if to not in rule.equals:
        raise UserInputError(
            f"on {on} art. {rule.article} gives no equivalent of {of} in {to!r} (only {', '.join(sorted(rule.equals))})"
        )
    per, each = rule.per, rule.equals[to]
    return Equivalent(
        Measure(amount, per.unit), of, to, Measure(_whole(amount / per.value * each.value), each.unit), rule
    )


def _whole(value: Decimal) -> Decimal:
    """45.0 → 45: a whole number of days, hours or MCI is written as one."""
    return value.to_integral_value() if value == value.to_integral_value() else value


def _measure_dict(m: Measure) -> dict:
    return {"value": decimal_text(m.value), "unit": m.unit}
