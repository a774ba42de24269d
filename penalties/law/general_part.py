"""The General Part's rules that a special-part sanction does not repeat.

Two kinds of rule are data (`statutes/kz/<code>/general.toml`), each dated and sourced:
- `limits`: the lower and upper bounds of a kind of punishment (CC art. 41(2): a fine for a
  criminal misdemeanour is 25–500 MCI in the 2014 wording);
- `mci_valuation`: on which case date the MCI is valued (CC art. 41(1): the day the offence was
  committed; AC art. 44(1): the day the case was initiated);
- `reduced_payment` (AC arts 810-811): paying a share of the fine within some days closes the case;
- `custody_credit` (CC art. 62): what a day of pre-trial custody counts for in each kind of punishment;
- `equivalents` (CC art. 61(1)): what one unit of a punishment equals in another when they are added.

Where the data has no rule for a date, the fallback valuation rule below applies and the
assessment says so in a warning.
"""

from __future__ import annotations

import datetime
from bisect import bisect_right
from datetime import date, timedelta
from decimal import Decimal

import attrs

from .. import _moved
from .provenance import Provenance
from .provisions import CATEGORIES, OFFENDERS
from .quantities import Measure

VALUATION_DATES = ("committed", "initiated", "decided")
#: used only where no dated rule is encoded; DESIGN.md "Dates"
FALLBACK_VALUATION = {"cc": "committed", "ac": "initiated"}
#: what a limit may apply to: CC by gravity, AC by offender category (a string or a list)
APPLIES_TO = {"cc": ("crime", "any") + CATEGORIES, "ac": ("any",) + OFFENDERS}


class _Dated:
    """A rule in force from `valid_from` to `valid_to` (inclusive; None while in force)."""

    valid_from: date
    valid_to: date | None

    def covers(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


@attrs.frozen
class Limit(_Dated):
    """Bounds of a kind of punishment; `available = False` means the kind could not be imposed at
    all during the interval (CC art. 45, arrest, was put into effect only on 2017-01-01)."""

    kind: str
    applies_to: tuple[str, ...]
    article: str
    min: Measure | None
    max: Measure | None
    valid_from: date
    valid_to: date | None
    provenance: Provenance
    available: bool = True
    #: where the limit applies to some articles only (AC art. 50(1): 45 days of arrest for breaking
    #: the state-of-emergency regime); empty = every article
    articles: tuple[str, ...] = ()


@attrs.frozen
class ValuationRule(_Dated):
    date: str
    article: str
    # `datetime.date`: in this class body the name `date` is the field above
    valid_from: datetime.date
    valid_to: datetime.date | None
    provenance: Provenance

    @property
    def description(self) -> str:
        text = f"art. {self.article}: MCI valued on the {self.date} date"
        return text if self.provenance.verification == "primary" else f"{text} ({self.provenance.verification})"


@attrs.frozen
class ReducedPaymentRule(_Dated):
    """AC arts 810-811: an offender in `applies_to`, under a sanction that provides no penalty but
    a fine (art. 810(2)(1)), may pay `percent` of it within `within_days` days (summary procedure)."""

    article: str
    percent: Decimal
    within_days: int
    applies_to: tuple[str, ...]
    valid_from: date
    valid_to: date | None
    provenance: Provenance


CUSTODY = ("detention", "house_arrest")
#: security levels of an institution (CC art. 62(3) from Law 361-VI): "maximum" stands for
#: "максимальной, чрезвычайной и полной безопасности"
REGIMES = ("maximum", "medium", "minimum")


@attrs.frozen
class CustodyCreditRule(_Dated):
    """CC art. 62: one day of `custody` counts as `per_day[kind]` of a punishment of that kind
    (keys "imprisonment:<regime>" where the ratio depends on the institution's security level)."""

    custody: str
    article: str
    per_day: dict
    valid_from: date
    valid_to: date | None
    provenance: Provenance
    valid_from_latest: date | None = None


@attrs.frozen
class EquivalenceRule(_Dated):
    """CC art. 61(1): `per` of the punishment `of` equals each of `equals` (kind → measure)."""

    article: str
    of: str
    per: Measure
    equals: dict
    valid_from: date
    valid_to: date | None
    provenance: Provenance


@attrs.frozen
class TimeRule(_Dated):
    """Which law applies in time (CC arts 5-6): cited by the reasoning that chooses a version."""

    article: str
    text: str
    valid_from: date
    valid_to: date | None
    provenance: Provenance


@attrs.frozen
class GeneralPart:
    code: str
    limits: tuple[Limit, ...] = ()
    valuation: tuple[ValuationRule, ...] = ()
    reduced_payment: tuple[ReducedPaymentRule, ...] = ()
    custody_credit: tuple[CustodyCreditRule, ...] = ()
    time_rules: tuple[TimeRule, ...] = ()
    equivalents: tuple[EquivalenceRule, ...] = ()
    #: the days on which some rule starts or stops: between two of them the rules in force are the same
    _edges: tuple[date, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self):
        edges = set()
        for rule in self.limits + self.valuation:
            edges.add(rule.valid_from)
            if rule.valid_to is not None:
                edges.add(rule.valid_to + timedelta(days=1))
        object.__setattr__(self, "_edges", tuple(sorted(edges)))

    @property
    def edges(self) -> tuple[date, ...]:
        """The days on which some limit or valuation rule starts or stops, in order: `period` changes
        exactly on them."""
        return self._edges

    def period(self, on: date) -> int:
        """An index that is the same for two dates exactly when the same rules are in force."""
        return bisect_right(self._edges, on)

    def limit(
        self, kind: str, category: str | None, on: date, offender: str = "individual", article: str | None = None
    ) -> Limit | None:
        """The limit on `kind` in force on `on` for a provision of `category` (CC) or for
        `offender` (AC), if encoded. The most specific wins: a limit naming the provision's
        `article`; then the category itself (CC art. 46: "особо тяжкие … до двадцати лет"), then
        "crime", then "any"; for the AC the offender, then "any"."""
        group = "crime" if category in CATEGORIES[1:] else None
        best, rank = None, 9
        for limit in self.limits:
            if limit.kind != kind or not limit.covers(on):
                continue
            if limit.articles:
                if article in limit.articles:
                    best, rank = limit, -1
                continue
            if self.code == "ac":
                r = 0 if offender in limit.applies_to else 2 if "any" in limit.applies_to else 9
            else:
                r = (
                    0
                    if category is not None and category in limit.applies_to
                    else 1
                    if group is not None and group in limit.applies_to
                    else 2
                    if "any" in limit.applies_to
                    else 9
                )
            if r < rank:
                best, rank = limit, r
        return best

    def reduced_payment_rule(
        self, on: date, offender: str, main: tuple = ("fine",), additional: tuple = ()
    ) -> ReducedPaymentRule | None:
        """The rule letting `offender` pay part of the fine, for a sanction whose main alternatives
        and additional punishments are of the kinds given; None where it is not offered (art.
        810(2)(1): not where the sanction provides any other kind of penalty, confiscation included)."""
        if tuple(main) != ("fine",) or additional:
            return None
        for rule in self.reduced_payment:
            if rule.covers(on) and offender in rule.applies_to:
                return rule
        return None

    def equivalence(self, on: date, of: str) -> EquivalenceRule | None:
        return next((rule for rule in self.equivalents if rule.of == of and rule.covers(on)), None)

    def time_rule(self, on: date) -> TimeRule | None:
        return next((rule for rule in self.time_rules if rule.covers(on)), None)

    def custody_credit_rule(self, on: date, custody: str) -> CustodyCreditRule | None:
        for rule in self.custody_credit:
            if rule.custody == custody and rule.covers(on):
                return rule
        return None

    def valuation_rule(self, on: date) -> ValuationRule | None:
        for rule in self.valuation:
            if rule.covers(on):
                return rule
        return None


__getattr__ = _moved.names(__name__, dict.fromkeys(("load_general_part", "general_part"), "data.general_part"))
