"""`assess()`: the penalty the law provides for an offence, given the case's dates.

The steps, each recorded in the assessment's trace (`explain()`), each a function of
`penalties.reasoning` that `assess_batch()` calls too:
1. the case's dates and the day the MCI is valued on (`reasoning.case_dates`: CC committed, AC initiated);
2. the version: the one in force when the offence was committed, unless a version in force later,
   up to the decision, is milder (lex mitior) or abolished the offence (`reasoning.version_choice`);
3. the sanction for the offender category, with the General Part's limits where it is silent
   (`reasoning.sanction.resolve`);
4. the MCI, tenge and US dollars, the rate's basis stated (`reasoning.money`).
"""

from __future__ import annotations

import time
from datetime import date
from decimal import Decimal
from typing import NamedTuple, cast

import attrs

from . import inputs
from .data.general_part import general_part
from .data.rates import find_rate
from .data.store import cached
from .errors import MissingBaseError, MissingCountError, MissingRateError
from .inputs import Amount
from .law.general_part import ReducedPaymentRule
from .law.kinds import MONEY
from .law.mci import MCIValue
from .law.provisions import Offender, Provision, Version
from .law.quantities import Measure, decimal_text
from .law.rates import Rates, UsdRate
from .lookup import provision as find_provision
from .output.notices import Notice
from .output.render import item_flags, version_dict

# the legal steps (and the values they produce, importable from here as before)
from .reasoning.case_dates import CaseDates, case_dates
from .reasoning.compulsory_payment import CompulsoryPayment, compulsory_payment
from .reasoning.limitation import Limitation, Unavailable, case_limitation
from .reasoning.money import CENT, Money, mci_on, money, usd  # noqa: F401 - CENT, ResolvedSanction: public here before
from .reasoning.narrowing import AppliedCap, caps_for, check_agreement, check_stage, narrow
from .reasoning.sanction import ResolvedItem, ResolvedSanction, limits_day, resolve  # noqa: F401
from .reasoning.version_choice import applicable

#: a verification older than this, for a version still in force, earns a warning
STALE_AFTER_DAYS = 365


@attrs.frozen(slots=True)
class Bound:
    """A bound of an assessed item: its value (a `Money` for fines, a number of the item's unit
    for terms) and where it comes from: "sanction" or "general_part"."""

    value: Money | Decimal
    basis: str


class AssessedItem(NamedTuple):
    """A punishment with its range on the case's dates. `unit` is "money" for fines and corrective
    labour (bounds are `Money` in MCI, KZT and USD), else the term unit ("day", "month", "hour"),
    or None for a kind with no measure. Bounds are computed on access from exact inputs.

    (A named tuple rather than an attrs class: one is built per item per assessment, and this is
    the cheapest immutable object to build.)"""

    resolved: ResolvedItem
    mci_kzt: Decimal | None = None
    usd_kzt: Decimal | None = None
    base_amount: Decimal | None = None
    #: the count an amount "за каждый …" is for each unit of (`ResolvedItem.per`)
    per_count: Decimal | None = None

    @property
    def kind(self) -> str:
        return self.resolved.kind

    @property
    def unit(self) -> str | None:
        return self.resolved.unit

    @property
    def mandatory(self) -> bool | None:
        return self.resolved.mandatory

    @property
    def lifelong(self) -> bool:
        return self.resolved.lifelong

    @property
    def base(self) -> str | None:
        return self.resolved.base

    @property
    def min(self) -> Bound | None:
        r = self.resolved
        if r.bounded and (r.min is None or (r.needs_base and self.base_amount is None)):
            # "в размере до пяти процентов …, но не менее ста …": the floor is the least; without the base,
            # the floor is all that is known of the least (none: no least amount is known)
            return self._bound(r.floor, "sanction", bounds=False)
        return self._bound(r.min, r.min_basis)

    @property
    def max(self) -> Bound | None:
        r = self.resolved
        if r.bounded and r.needs_base and self.base_amount is None:
            # without the base, the ceiling is the most (none: the fine grows with the base)
            return self._bound(r.ceiling, "sanction", bounds=False)
        return self._bound(r.max, r.max_basis)

    @property
    def floor(self) -> Money | None:
        """The least amount of a percentage bounded in MCI ("но не менее …"), at the MCI of the day."""
        return self._limit(self.resolved.floor)

    @property
    def ceiling(self) -> Money | None:
        """The greatest amount of a percentage bounded in MCI ("но не более …"), at the MCI of the day."""
        return self._limit(self.resolved.ceiling)

    @property
    def per(self) -> str | None:
        return self.resolved.per

    def _limit(self, measure: Measure | None) -> Money | None:
        if measure is None or self.mci_kzt is None:
            return None
        return money(measure, self.mci_kzt, self.usd_kzt, None)

    def _bound(self, measure: Measure | None, basis: str | None, bounds: bool = True) -> Bound | None:
        r = self.resolved
        if measure is None:
            return None
        assert basis is not None  # the resolver names the basis of every bound it gives
        if r.unit != MONEY:
            return Bound(measure.value, basis)
        assert self.mci_kzt is not None  # assess() finds the MCI (or refuses) when an item is money
        if not bounds:  # a floor or ceiling itself, in MCI
            return Bound(money(measure, self.mci_kzt, self.usd_kzt, None), basis)
        return Bound(
            money(
                measure,
                self.mci_kzt,
                self.usd_kzt,
                self.base_amount,
                r.floor,
                r.ceiling,
                self.per_count if r.per else None,
            ),
            basis,
        )

    def to_dict(self) -> dict:
        out: dict = {"kind": self.kind}
        low, high = self.min, self.max
        if self.unit == MONEY:
            out["min"] = low.value.to_dict() if low else None  # type: ignore[union-attr]  # money: a Money
            out["max"] = high.value.to_dict() if high else None  # type: ignore[union-attr]
        else:
            if self.unit is not None:
                out["unit"] = self.unit
            out["min"] = _term(low.value) if low else None
            out["max"] = _term(high.value) if high else None
        item_flags(self, out)
        r = self.resolved
        if r.bounded:
            out["floor"] = self.floor.to_dict() if self.floor else None
            out["ceiling"] = self.ceiling.to_dict() if self.ceiling else None
        if r.per:
            out["per"] = r.per
            out["count"] = decimal_text(self.per_count)
        if low or high:
            out["bounds_from"] = {"min": low.basis if low else None, "max": high.basis if high else None}
        return out


@attrs.frozen
class ReducedPayment:
    """AC arts 810-811 (summary procedure): the offender may pay `percent` of the fine within
    `within_days` days, which closes the case. Whether a case qualifies depends on facts the library
    does not see (the offender admits the offence; no exclusion of art. 810(2) applies), so this is
    what the law offers, not a finding."""

    rule: ReducedPaymentRule
    fine: AssessedItem

    percent = property(lambda self: self.rule.percent)
    within_days = property(lambda self: self.rule.within_days)
    article = property(lambda self: self.rule.article)

    def _scaled(self, measure: Measure | None) -> Money | None:
        if measure is None:
            return None
        f = self.fine
        assert f.mci_kzt is not None  # a fine was assessed, so the MCI was found
        return money(Measure(measure.value * self.percent / 100, measure.unit), f.mci_kzt, f.usd_kzt, f.base_amount)

    def _part_of(self, bound: Bound | None) -> Money | None:
        """`percent` of a fine's bound that is bounded in MCI or counted (the bound is a `Money` already)."""
        if bound is None:
            return None
        whole = cast(Money, bound.value)
        f = self.fine
        assert f.mci_kzt is not None and whole.kzt is not None  # a fine was assessed, so the MCI was found
        kzt = whole.kzt * self.percent / 100
        return Money(kzt / f.mci_kzt, kzt, usd(kzt, f.usd_kzt))

    @property
    def min(self) -> Money | None:
        if self.fine.resolved.bounded or self.fine.resolved.per:
            return self._part_of(self.fine.min)
        return self._scaled(self.fine.resolved.min)

    @property
    def max(self) -> Money | None:
        if self.fine.resolved.bounded or self.fine.resolved.per:
            return self._part_of(self.fine.max)
        return self._scaled(self.fine.resolved.max)

    def to_dict(self) -> dict:
        low, high = self.min, self.max
        return {
            "article": self.article,
            "percent": int(self.percent),
            "within_days": self.within_days,
            "min": low.to_dict() if low else None,
            "max": high.to_dict() if high else None,
            "verification": self.rule.provenance.verification,
            "sources": list(self.rule.provenance.sources),
        }


@attrs.frozen(slots=True)
class Step:
    """One line of the reasoning: what was decided, and the sources behind it."""

    topic: str
    text: str
    sources: tuple[str, ...] = ()
    #: the step's sentence as a catalog key (context "explanation") and its parameters, for wording
    #: it in Russian or Kazakh (`penalties.output.render.step_text`); `text` is the English
    key: str | None = attrs.field(default=None, kw_only=True, eq=False)
    params: tuple = attrs.field(default=(), kw_only=True, eq=False)

    def to_dict(self) -> dict:
        return {"topic": self.topic, "text": self.text, "sources": list(self.sources)}


@attrs.frozen
class Assessment:
    """The applicable penalty: the version applied, the case's dates, the MCI and USD rate used,
    the main alternatives and additional punishments with their ranges, and warnings.

    `explain()` and `steps` give the reasoning with its sources; `to_dict()` is the JSON contract.
    """

    provision: Provision
    version: Version
    offender: str
    dates: CaseDates
    mci: MCIValue | None
    rate: UsdRate | None
    main: tuple[AssessedItem, ...]
    additional: tuple[AssessedItem, ...]
    notices: tuple[Notice, ...]
    at_commission: Version = attrs.field(default=None, repr=False)
    undecided: tuple[Version, ...] = ()
    valuation: str = ""
    limits: tuple = attrs.field(default=(), repr=False)
    #: AC arts 810-811: paying part of the fine early, where the law offers it (else None)
    reduced_payment: ReducedPayment | None = None
    #: the stage of an unfinished offence and the procedural agreement the range was narrowed for
    stage: str | None = None
    plea_agreement: str | None = None
    #: the General-Part caps applied for them (CC arts on preparation, attempt, plea agreements)
    caps: tuple[AppliedCap, ...] = ()

    @property
    def abolished(self) -> bool:
        return self.version.abolished

    @property
    def warnings(self) -> tuple[str, ...]:
        """Everything that makes the answer less certain, in English (`notices` has them as data)."""
        return tuple(n.text("en") for n in self.notices)

    @property
    def candidates(self) -> tuple[Version, ...]:
        """The version applied and any it could not be ranked against (lex mitior)."""
        return (self.version,) + self.undecided

    @property
    def limitation(self) -> Limitation | None:
        """The limitation period (CC art. 71, AC art. 62): the last day a prosecution or an
        administrative case can be brought, with the rule's citation; None where it cannot be given
        (`limitation_unavailable` says why)."""
        found = self._limitation_or_reason()
        return found if isinstance(found, Limitation) else None

    @property
    def limitation_unavailable(self) -> Unavailable | None:
        """Why `limitation` is None: the wording was not read, is not encoded, the CC category is
        unknown, or the offence was abolished."""
        found = self._limitation_or_reason()
        return found if isinstance(found, Unavailable) else None

    @property
    def compulsory_payment(self) -> CompulsoryPayment | None:
        """The compulsory payment to the victims' compensation fund (CC arts 98-1, 98-2) for the
        offence's category: MCI, and tenge at the MCI of the valuation day; None where it does not
        apply or is not encoded (`reasoning.compulsory_payment`)."""
        v = self.version
        return compulsory_payment(
            self.provision.code,
            v.category,
            self.dates.committed,
            self.dates.decided,
            self.dates.mci_valued_on,
            v.abolished,
        )

    def _limitation_or_reason(self) -> Limitation | Unavailable:
        # computed on access, not in assess(): most callers do not ask for it
        v = self.version
        return case_limitation(
            self.provision.code, v.category, self.dates.committed, self.dates.decided, self.offender, v.abolished
        )

    @property
    def steps(self) -> tuple[Step, ...]:
        """The reasoning, in order, each step with its sources."""
        v = self.version
        earlier = self.at_commission or v
        steps = [
            Step(
                "version",
                _version_reason(v, earlier, self.dates),
                v.sources,
                key="version_in_force" if v is earlier else "version_milder",
                params=(v.valid_from, v.valid_to, v.act, v.verification, self.dates.committed, earlier.valid_from),
            )
        ]
        time_rule = general_part(self.provision.code).time_rule(self.dates.committed)
        if time_rule is not None:
            steps.append(
                Step(
                    "time",
                    f"art. {time_rule.article}: the law in force when the act was committed "
                    "applies; a later law that abolishes or softens the penalty applies retroactively, "
                    "a harsher one does not",
                    time_rule.provenance.sources,
                    key="time_rule",
                    params=(time_rule.article,),
                )
            )
        if v.abolished:
            moved = f"; the offence moved to {v.moved_to}" if v.moved_to else ""
            steps.append(
                Step(
                    "abolished",
                    f"the offence was abolished from {v.valid_from} by {v.act}{moved}: no penalty under this provision",
                    v.sources,
                    key="abolished_moved" if v.moved_to else "abolished",
                    params=(v.valid_from, v.act, v.moved_to),
                )
            )
            return tuple(steps)
        if self.mci:
            rule = general_part(self.provision.code).valuation_rule(self.dates.committed)
            steps.append(
                Step(
                    "MCI",
                    f"{self.mci.kzt} KZT on {self.dates.mci_valued_on} ({self.valuation}), set by {self.mci.act}",
                    self.mci.provenance.sources,
                    key="mci" if rule is not None else "mci_fallback",
                    params=(
                        self.mci.kzt,
                        self.dates.mci_valued_on,
                        self.mci.act,
                        rule.article if rule is not None else None,
                        rule.date if rule is not None else None,
                    ),
                )
            )
        if self.rate:
            steps.append(
                Step(
                    "USD",
                    f"{self.rate.kzt_per_usd} KZT per USD ({self.rate.basis}, "
                    f"{self.rate.period[0]}..{self.rate.period[1]})",
                    self.rate.sources,
                    key="usd",
                    params=(self.rate.kzt_per_usd, self.rate.basis, self.rate.period[0], self.rate.period[1]),
                )
            )
        steps.append(_limitation_step(self._limitation_or_reason()))
        for cap in self.caps:
            kinds = ", ".join(cap.kinds) or "no item"
            steps.append(
                Step(
                    "General Part",
                    f"{cap.rule.citation}: {cap.reason.replace('_', ' ')}: the maximum of "
                    f"{kinds} is {cap.fraction.numerator}/{cap.fraction.denominator} of the sanction's "
                    f"({cap.rule.verification})",
                    cap.rule.sources,
                )
            )
        for kind, limit in self.limits:
            params: tuple
            if limit.available:
                text = f"{kind}: art. {limit.article} sets {limit.min or '-'}..{limit.max or '-'}"
                key, params = "limit", (kind, limit.article, limit.min, limit.max, limit.provenance.verification)
            else:
                text = (
                    f"{kind}: not in effect ({limit.valid_from}..{limit.valid_to}); the alternative cannot be imposed"
                )
                key, params = (
                    "limit_unavailable",
                    (kind, limit.valid_from, limit.valid_to, limit.provenance.verification),
                )
            steps.append(
                Step(
                    "General Part",
                    f"{text} ({limit.provenance.verification})",
                    limit.provenance.sources,
                    key=key,
                    params=params,
                )
            )
        return tuple(steps)

    def format(self, locale: str = "en", explain: bool = False) -> str:
        """The assessment for people, in English ("en"), Russian ("ru") or Kazakh ("kk")."""
        from .output.render import render_assessment

        return render_assessment(self, locale, explain=explain)

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
            "version": version_dict(v, sanctions=False),
            "abolished": v.abolished,
            "moved_to": v.moved_to,
            "mci_kzt": decimal_text(self.mci.kzt) if self.mci else None,
            "mci_act": self.mci.act.to_dict() if self.mci else None,
            "usd_kzt": decimal_text(self.rate.kzt_per_usd) if self.rate else None,
            "usd_basis": self.rate.basis if self.rate else None,
            "main": [i.to_dict() for i in self.main],
            "additional": [i.to_dict() for i in self.additional],
            "reduced_payment": self.reduced_payment.to_dict() if self.reduced_payment else None,
            "limitation": self._limitation_or_reason().to_dict(),
            "compulsory_payment": _payment_dict(self.compulsory_payment),
            "stage": self.stage,
            "plea_agreement": self.plea_agreement,
            "caps": [c.to_dict() for c in self.caps],
            "warnings": list(self.warnings),
            # the same warnings with their stable codes (Notice.code; the wording may improve, the code stays)
            "notices": [{"code": n.code, "text": n.text("en")} for n in self.notices],
            "explain": [s.to_dict() for s in self.steps],
        }


def _payment_dict(payment: CompulsoryPayment | None) -> dict | None:
    return payment.to_dict() if payment is not None else None


def assess(
    reference: str | Provision,
    on: date | None = None,
    *,
    committed: date | None = None,
    initiated: date | None = None,
    decided: date | None = None,
    offender: Offender = "individual",
    base_amount: Amount | None = None,
    rates: Rates = None,
    today: date | None = None,
    stage: str | None = None,
    plea_agreement: bool | str | None = None,
    count: Amount | None = None,
) -> Assessment:
    """The applicable penalty for `reference` (`"CC 403(1)"`, `"ч.1 ст.403 УК РК"`, …).

    `on` sets every case date at once; `committed`, `initiated` and `decided` override it.
    `base_amount` (tenge) is needed where the fine is a multiple of a base such as the bribe; where it
    is a percentage bounded in MCI ("…, но не менее пяти месячных расчетных показателей"), the range the
    bounds give is stated without it (notice `base_needed`). `count` (a whole number) is needed where
    the fine is an amount for each unit of a count ("за каждый платежный документ").
    `rates` is an extra USD rate source (a `RateTable`, a fetcher, or a list of them).
    `today` (default: the system date) decides whether a verification is stale.
    `stage` ("preparation" or "attempt") and `plea_agreement` (True, or the kind: "plea",
    "cooperation") narrow the range by the General Part's caps in force on the day the limits are
    read (`reasoning.narrowing`); `MissingRuleError` where such a cap is not encoded.
    """
    prov = reference if isinstance(reference, Provision) else find_provision(reference)
    base = None if base_amount is None else inputs.amount(base_amount, "base_amount", zero=False)
    units = None if count is None else inputs.amount(count, "count", limit=Decimal(10) ** 9, places=0, zero=False)
    rates, today = inputs.rate_sources(rates), inputs.optional_date(today, "today")
    stage, agreement = check_stage(stage), check_agreement(plea_agreement)
    warnings: list[Notice] = []
    dates, valuation = case_dates(prov, on, committed, initiated, decided, warnings)

    # 1. the version, with lex mitior between commission and decision
    at_commission, version, undecided = applicable(prov, dates.committed, dates.decided, offender)
    if undecided:
        warnings.append(Notice("incomparable", (tuple(v.valid_from for v in undecided),)))
    warnings.extend(_version_warnings(version))
    # a start known only within a window: is a date that chose a version inside it?
    for v, when in ((at_commission, dates.committed), (version, dates.decided)):
        if v.valid_from_latest is not None and v.valid_from <= when < v.valid_from_latest:
            warnings.append(Notice("start_window", (v.valid_from, v.valid_from_latest, when)))
            break
    if version.valid_to is None:
        warnings.extend(_staleness_warnings(version, dates.committed, today or _today()))
    if version.abolished:
        return Assessment(
            prov,
            version,
            offender,
            dates,
            None,
            None,
            (),
            (),
            tuple(warnings),
            at_commission,
            undecided,
            valuation,
            stage=stage,
            plea_agreement=agreement,
        )

    # 2.-3. the sanction with the General Part's limits (cached per version, offender and period)
    day = limits_day(version.valid_from, dates.committed)
    resolved = resolve(version, offender, prov.code, day)
    caps: tuple[AppliedCap, ...] = ()
    if stage is not None or agreement is not None:
        resolved, caps = narrow(resolved, caps_for(prov.code, day, stage, agreement))
    warnings.extend(resolved.warnings)
    if base is None and resolved.needs_base:
        if not resolved.base_optional:
            raise MissingBaseError(prov.label, resolved.needs_base)
        warnings.append(Notice("base_needed", (resolved.needs_base,)))
    if units is None and resolved.needs_count:
        raise MissingCountError(prov.label, resolved.needs_count)

    # 4.-5. money
    mci_value, missing = mci_on(dates.mci_valued_on, resolved.has_money)
    if missing is not None:  # a sanction with no amount in it needs no MCI
        warnings.append(Notice("no_mci", (missing.when,)))
    rate = usd_kzt = None
    if resolved.has_money:  # MCI and dollar caveats matter only when something is an amount
        assert mci_value is not None  # mci_on raised when money needs an MCI and none is encoded
        if mci_value.verification != "primary":
            warnings.append(
                Notice("mci_level", (mci_value.kzt, mci_value.valid_from, mci_value.valid_to, mci_value.verification))
            )
        # find_rate, not usd_rate: a missing rate is common (most dates since 2020) and is a notice
        # here, so no MissingRateError is built, formatted and caught on every call
        try:
            rate = find_rate(dates.mci_valued_on, rates)
        except MissingRateError:  # a source that fails rather than answering None (the NBK fetcher)
            rate = None
        if rate is None:
            warnings.append(Notice("no_rate", (dates.mci_valued_on,)))
        else:
            if rate.basis != "daily_official":
                warnings.append(Notice("rate_basis", (rate.basis,)))
            if rate.carried_from is not None:  # a user table with no row for the day: say whose rate it is
                warnings.append(Notice("rate_carried", (rate.carried_from, dates.mci_valued_on)))
            usd_kzt = rate.kzt_per_usd
    kzt = mci_value.kzt if mci_value else None
    main = tuple(AssessedItem(r, kzt, usd_kzt, base, units) for r in resolved.main)
    additional = tuple(AssessedItem(r, kzt, usd_kzt, base, units) for r in resolved.additional)
    gp = general_part(prov.code)
    rule = gp.reduced_payment and gp.reduced_payment_rule(
        dates.initiated, offender, tuple(i.kind for i in main), tuple(i.kind for i in additional)
    )
    reduced = ReducedPayment(rule, main[0]) if rule else None
    return Assessment(
        prov,
        version,
        offender,
        dates,
        mci_value,
        rate,
        main,
        additional,
        tuple(warnings),
        at_commission,
        undecided,
        valuation,
        resolved.limits,
        reduced,
        stage,
        agreement,
        caps,
    )


def _limitation_step(found: Limitation | Unavailable) -> Step:
    if isinstance(found, Unavailable):
        return Step("limitation", f"not determined: {found.detail}")
    rule = found.rule
    text = (
        f"{rule.citation}: {found.term_text} from the day {found.runs_from} ({found.basis}), the last day "
        f"{found.last_day}" + ("; a later, shorter wording applies (lex mitior)" if found.lex_mitior else "")
    )
    if found.alternatives:
        text += "; otherwise where " + "; ".join(f"{a.condition}: {a.term_text}" for a in found.alternatives)
    if found.not_applicable:
        text += "; no limitation for " + ", ".join(found.not_applicable)
    return Step("limitation", f"{text} ({rule.verification})", rule.sources)


def _version_reason(version: Version, at_commission: Version, dates: CaseDates) -> str:
    span = f"{version.valid_from}..{version.valid_to or 'in force'}"
    text = f"{span}, {version.act} ({version.verification})"
    if version is at_commission:
        return text + f"; in force on the date committed, {dates.committed}"
    return (
        text + f"; applied as milder than the version in force on {dates.committed} "
        f"(from {at_commission.valid_from}): lex mitior, CC art. 6 / AC art. 5"
    )


@cached(maxsize=4096)
def _version_warnings(version: Version) -> tuple[Notice, ...]:
    if version.verification != "primary":
        return (Notice("version_level", (version.valid_from, version.verification)),)
    return ()


_TODAY: tuple[float, date] = (0.0, date.today())


def _today() -> date:
    """The system date, read at most once a minute (it is only used to age verifications)."""
    global _TODAY
    now = time.monotonic()
    if now - _TODAY[0] > 60:
        _TODAY = (now, date.today())
    return _TODAY[1]


def _staleness_warnings(version: Version, committed: date, today: date) -> list[Notice]:
    """For a version still in force: is its verification old, or older than the case?"""
    through = version.provenance.verified_through
    if through is None:
        return [Notice("no_verified_through", (version.valid_from,))]
    warnings = []
    if (today - through).days > STALE_AFTER_DAYS:
        warnings.append(Notice("stale", (version.valid_from, through)))
    if committed > through:
        warnings.append(Notice("after_verified", (committed, through)))
    return warnings


def _term(value):
    if isinstance(value, Decimal) and value == value.to_integral():
        return int(value)
    return str(value)
