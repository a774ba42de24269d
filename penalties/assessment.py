"""`assess()`: the penalty the law provides for an offence, given the case's dates.

The steps, each recorded in the assessment's trace (`explain()`):
1. the version: the one in force when the offence was committed, unless a version in force later,
   up to the decision, is milder (lex mitior, `penalties.mitior`) or abolished the offence;
2. the sanction for the offender category;
3. the General Part's limits where the sanction is silent (a lower bound for "up to N");
4. the MCI, valued on the date the code's rule names (CC: committed; AC: initiated);
5. tenge and US dollars (the rate's basis is stated).
"""

from __future__ import annotations

import datetime as _dt
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import attrs

from .errors import MissingBaseError, MissingRateError, OutOfCoverageError, UserInputError
from .general_part import FALLBACK_VALUATION, general_part
from .kinds import KINDS, MONEY
from .lookup import provision as find_provision
from .mci_index import MCIValue, default_index
from .mitior import mildest
from .model import CODES_IN_FORCE, Item, Provision, Version
from .quantities import Measure
from .rates import UsdRate, usd_rate

CENT = Decimal("0.01")
#: a verification older than this, for a version still in force, earns a warning
STALE_AFTER_DAYS = 365


@attrs.frozen(slots=True)
class Money:
    """An amount in MCI, tenge and US dollars (None where it cannot be computed)."""

    mci: Decimal | None
    kzt: Decimal | None
    usd: Decimal | None

    def to_dict(self) -> dict:
        return {"mci": _s(self.mci), "kzt": _s(self.kzt), "usd": _s(self.usd)}


@attrs.frozen(slots=True)
class Bound:
    """A bound of an assessed item: its value and where it comes from ("sanction" or "general_part")."""

    value: Money | Decimal
    basis: str


@attrs.frozen(slots=True)
class AssessedItem:
    """A punishment with its computed range. `unit` is "money" for fines and corrective labour,
    else the term unit ("day", "month", "hour"), or None for a kind with no measure."""

    kind: str
    unit: str | None
    min: Bound | None
    max: Bound | None
    mandatory: bool | None = None
    lifelong: bool = False
    base: str | None = None

    def to_dict(self) -> dict:
        out: dict = {"kind": self.kind}
        if self.unit == MONEY:
            out["min"] = self.min.value.to_dict() if self.min else None
            out["max"] = self.max.value.to_dict() if self.max else None
        else:
            if self.unit is not None:
                out["unit"] = self.unit
            out["min"] = _term(self.min.value) if self.min else None
            out["max"] = _term(self.max.value) if self.max else None
        if self.lifelong:
            out["lifelong"] = True
        if self.base:
            out["base"] = self.base
        if self.mandatory is not None:
            out["mandatory"] = self.mandatory
        if self.min or self.max:
            out["bounds_from"] = {"min": self.min.basis if self.min else None,
                                  "max": self.max.basis if self.max else None}
        return out


@attrs.frozen(slots=True)
class CaseDates:
    committed: date
    initiated: date
    decided: date
    mci_valued_on: date

    def to_dict(self) -> dict:
        return {k: getattr(self, k).isoformat() for k in ("committed", "initiated", "decided", "mci_valued_on")}


@attrs.frozen(slots=True)
class Step:
    """One line of the reasoning: what was decided, and the sources behind it."""

    topic: str
    text: str
    sources: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"topic": self.topic, "text": self.text, "sources": list(self.sources)}


@attrs.frozen
class Assessment:
    provision: Provision
    version: Version
    offender: str
    dates: CaseDates
    mci: MCIValue | None
    rate: UsdRate | None
    main: tuple[AssessedItem, ...]
    additional: tuple[AssessedItem, ...]
    warnings: tuple[str, ...]
    steps: tuple[Step, ...]
    candidates: tuple[Version, ...] = ()

    @property
    def abolished(self) -> bool:
        return self.version.abolished

    def explain(self) -> str:
        """The reasoning, one numbered line per step, with warnings last."""
        lines = [f"{self.provision.label} ({self.provision.title.get('en') or self.provision.title.get('ru')})"]
        for i, step in enumerate(self.steps, start=1):
            lines.append(f"{i}. {step.topic}: {step.text}")
            lines.extend(f"   source: {s}" for s in step.sources)
        lines.extend(f"warning: {w}" for w in self.warnings)
        return "\n".join(lines)

    def to_dict(self) -> dict:
        v = self.version
        return {
            "provision": self.provision.id,
            "label": self.provision.label,
            "title": dict(self.provision.title),
            "offender": self.offender,
            "dates": self.dates.to_dict(),
            "version": _version_dict(v),
            "abolished": v.abolished,
            "moved_to": v.moved_to,
            "mci_kzt": _s(self.mci.kzt) if self.mci else None,
            "mci_act": self.mci.act.to_dict() if self.mci else None,
            "usd_kzt": _s(self.rate.kzt_per_usd) if self.rate else None,
            "usd_basis": self.rate.basis if self.rate else None,
            "main": [i.to_dict() for i in self.main],
            "additional": [i.to_dict() for i in self.additional],
            "warnings": list(self.warnings),
            "explain": [s.to_dict() for s in self.steps],
        }


def _version_dict(v: Version) -> dict:
    return {
        "valid_from": v.valid_from.isoformat(),
        "valid_to": v.valid_to.isoformat() if v.valid_to else None,
        "amended_by": str(v.act),
        "act": v.act.to_dict(),
        "sources": list(v.sources),
        "verification": v.verification,
        "verified_through": v.provenance.verified_through.isoformat() if v.provenance.verified_through else None,
    }


def assess(reference: str | Provision, on: date | None = None, *, committed: date | None = None,
           initiated: date | None = None, decided: date | None = None, offender: str = "individual",
           base_amount: Decimal | int | str | None = None, rates=None, today: date | None = None) -> Assessment:
    """The applicable penalty for `reference` (`"CC 403(1)"`, `"ч.1 ст.403 УК РК"`, …).

    `on` sets every case date at once; `committed`, `initiated` and `decided` override it.
    `base_amount` (tenge) is needed where the fine is a multiple of a base such as the bribe.
    `rates` is an extra USD rate source (a `RateTable`, a fetcher, or a list of them).
    """
    prov = find_provision(reference) if not isinstance(reference, Provision) else reference
    warnings: list[str] = []
    steps: list[Step] = []
    dates, valued_rule = _case_dates(prov, on, committed, initiated, decided, warnings)

    # 1. the version, with lex mitior between commission and decision
    at_commission = prov.version_on(dates.committed)
    if dates.decided > dates.committed:
        later = prov.versions_between(dates.committed, dates.decided)
        candidates = tuple(v for v in later if v.valid_from >= at_commission.valid_from)
    else:
        candidates = (at_commission,)
    if offender not in at_commission.offenders and not at_commission.abolished:
        at_commission.sanction_for(offender)  # raises UnknownOffenderError with what is covered
    usable = tuple(v for v in candidates if v.abolished or offender in v.offenders)
    version, undecided = mildest(usable, offender)
    steps.append(Step("version", _version_reason(prov, version, at_commission, dates), version.sources))
    if undecided:
        warnings.append("lex mitior: the version applied and "
                        + ", ".join(f"the version from {v.valid_from}" for v in undecided)
                        + " cannot be ranked (neither is milder in every respect); both are candidates")
    _verification_warnings(version, dates.committed, today, warnings)
    if version.abolished:
        where = f"; the offence moved to {version.moved_to}" if version.moved_to else ""
        steps.append(Step("abolished", f"the offence was abolished from {version.valid_from} by {version.act}"
                          f"{where}: no penalty under this provision", version.sources))
        return Assessment(prov, version, offender, dates, None, None, (), (), tuple(warnings), tuple(steps),
                          (version,) + undecided)

    # 2.-5. sanction, limits, money
    sanction = version.sanction_for(offender)
    mci_value = default_index().record(dates.mci_valued_on, "fine")
    steps.append(Step("MCI", f"{mci_value.kzt} KZT on {dates.mci_valued_on} ({valued_rule}), set by "
                      f"{mci_value.act}", mci_value.provenance.sources))
    if mci_value.verification != "primary":
        warnings.append(f"the MCI value {mci_value.kzt} ({mci_value.valid_from}..{mci_value.valid_to}) is "
                        f"{mci_value.verification}")
    try:
        rate = usd_rate(dates.mci_valued_on, rates)
        steps.append(Step("USD", f"{rate.kzt_per_usd} KZT per USD ({rate.basis}, "
                          f"{rate.period[0]}..{rate.period[1]})", rate.sources))
        if rate.basis != "daily_official":
            warnings.append(f"USD amounts use a {rate.basis.replace('_', ' ')} rate, not the official rate of the day")
    except MissingRateError as error:
        rate = None
        warnings.append(f"no USD amounts: {error}")
    gp = general_part(prov.code)
    limits_on = max(dates.committed, version.valid_from)
    base = Decimal(str(base_amount)) if base_amount is not None else None
    main = tuple(_assess_item(prov, version, item, gp, limits_on, mci_value.kzt, rate, base, warnings, steps)
                 for item in sanction.main)
    additional = tuple(_assess_item(prov, version, item, gp, limits_on, mci_value.kzt, rate, base, warnings, steps)
                       for item in sanction.additional)
    return Assessment(prov, version, offender, dates, mci_value, rate, main, additional, tuple(warnings),
                      tuple(steps), (version,) + undecided)


def _case_dates(prov: Provision, on, committed, initiated, decided, warnings) -> tuple[CaseDates, str]:
    committed = committed or on
    if committed is None:
        raise UserInputError("give the date: on=DATE, or committed=DATE")
    for name, value in (("committed", committed), ("initiated", initiated), ("decided", decided), ("on", on)):
        if value is not None and not (isinstance(value, date) and not isinstance(value, _dt.datetime)):
            raise UserInputError(f"{name} should be a datetime.date, got {value!r}")
    if committed < CODES_IN_FORCE:
        first, last = prov.coverage
        raise OutOfCoverageError(prov.label, committed, first, last, "both Codes are in force from 2015-01-01")
    if initiated is None:
        initiated = on or committed
        if prov.code == "ac" and on is None:
            warnings.append("no initiation date given: the MCI is valued on the date the offence was committed")
    decided = decided or on or max(committed, initiated)
    if not committed <= decided:
        raise UserInputError(f"decided ({decided}) is before committed ({committed})")
    if initiated < committed:
        raise UserInputError(f"initiated ({initiated}) is before committed ({committed})")
    rule = general_part(prov.code).valuation_rule(committed)
    valued = rule.date if rule else FALLBACK_VALUATION[prov.code]
    if rule is None:
        warnings.append(f"no dated MCI valuation rule is encoded for {prov.code.upper()} on {committed}; "
                        f"using the {valued} date")
        how = f"MCI valued on the {valued} date"
    else:
        how = f"{prov.code.upper()} art. {rule.article}: MCI valued on the {valued} date"
        if rule.provenance.verification != "primary":
            how += f" ({rule.provenance.verification})"
    mci_on = {"committed": committed, "initiated": initiated, "decided": decided}[valued]
    return CaseDates(committed, initiated, decided, mci_on), how


def _version_reason(prov: Provision, version: Version, at_commission: Version, dates: CaseDates) -> str:
    span = f"{version.valid_from}..{version.valid_to or 'in force'}"
    text = f"{span}, {version.act} ({version.verification})"
    if version is at_commission:
        return text + f"; in force on the date committed, {dates.committed}"
    return (text + f"; applied as milder than the version in force on {dates.committed} "
            f"(from {at_commission.valid_from}): lex mitior, CC art. 6 / AC art. 5")


def _verification_warnings(version: Version, committed: date, today: date | None, warnings: list[str]) -> None:
    if version.verification != "primary":
        warnings.append(f"the version from {version.valid_from} is {version.verification}: "
                        "not read in an official text")
    through = version.provenance.verified_through
    if version.valid_to is None:
        today = today or date.today()
        if through is None:
            warnings.append(f"the version from {version.valid_from} has no verified_through date")
        elif (today - through).days > STALE_AFTER_DAYS:
            warnings.append(f"the version from {version.valid_from} was last verified on {through}, "
                            "more than a year ago")
        if through is not None and committed > through:
            warnings.append(f"{committed} is after the last date this version was verified ({through})")


def _assess_item(prov, version, item: Item, gp, limits_on, mci_kzt, rate, base, warnings, steps) -> AssessedItem:
    kind = KINDS[item.kind]
    low = Bound(item.min, "sanction") if item.min else None
    high = Bound(item.max, "sanction") if item.max else None
    if kind.measure != "none" and not item.lifelong and (low is None or high is None):
        limit = gp.limit(item.kind, version.category, limits_on)
        if limit is not None:
            if low is None and limit.min is not None and (high is None or limit.min.unit == high.value.unit):
                low = Bound(limit.min, "general_part")
            if high is None and limit.max is not None:
                high = Bound(limit.max, "general_part")
            steps.append(Step("General Part", f"{item.kind}: art. {limit.article} sets "
                              f"{limit.min or '-'}..{limit.max or '-'} ({limit.provenance.verification})",
                              limit.provenance.sources))
        elif low is None and kind.name in ("fine", "corrective_labour", "community_service",
                                            "restriction_of_freedom", "arrest", "imprisonment"):
            why = "the provision's category is not encoded" if prov.code == "cc" and version.category is None \
                else "no General-Part limit is encoded for that date"
            warnings.append(f"{item.kind}: no statutory minimum given ({why})")
    if kind.measure == MONEY:
        low = Bound(_money(low.value, mci_kzt, rate, base, prov, item), low.basis) if low else None
        high = Bound(_money(high.value, mci_kzt, rate, base, prov, item), high.basis) if high else None
        unit = MONEY
    else:
        unit = None if kind.measure == "none" else ("month" if kind.measure == "month" else kind.measure)
        low = Bound(low.value.value, low.basis) if low else None
        high = Bound(high.value.value, high.basis) if high else None
    return AssessedItem(item.kind, unit, low, high, item.mandatory, item.lifelong, item.base)


def _money(measure: Measure, mci_kzt: Decimal, rate: UsdRate | None, base, prov, item) -> Money:
    unit = measure.unit
    if unit == "MCI":
        mci, kzt = measure.value, measure.value * mci_kzt
    elif unit == "KZT":
        kzt = measure.value
        mci = kzt / mci_kzt
    else:
        if base is None:
            raise MissingBaseError(prov.label, item.base or "base amount")
        kzt = measure.value * base if unit == "base" else measure.value * base / 100
        mci = kzt / mci_kzt
    usd = (kzt / rate.kzt_per_usd).quantize(CENT, ROUND_HALF_UP) if rate else None
    return Money(mci, kzt, usd)


def _s(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value.normalize() if value == value.to_integral() else value, "f")
    return str(value)


def _term(value):
    if isinstance(value, Decimal) and value == value.to_integral():
        return int(value)
    return str(value)
