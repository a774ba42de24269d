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
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import attrs

from ..data.paths import statutes_dir
from ..data.store import cached
from ..data.toml import read_toml
from ..errors import DataFileError
from ..law.kinds import DAY, HOUR, KINDS, MONEY
from ..law.provenance import Checker, Provenance
from ..law.provisions import CATEGORIES, OFFENDERS
from ..law.quantities import Measure, implausible, parse_measure

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

    def limit(self, kind: str, category: str | None, on: date, offender: str = "individual",
              article: str | None = None) -> Limit | None:
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
                r = (0 if category is not None and category in limit.applies_to
                     else 1 if group is not None and group in limit.applies_to
                     else 2 if "any" in limit.applies_to else 9)
            if r < rank:
                best, rank = limit, r
        return best

    def reduced_payment_rule(self, on: date, offender: str, main: tuple = ("fine",),
                             additional: tuple = ()) -> ReducedPaymentRule | None:
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


_COMMON = {"valid_from", "act", "verification", "sources"}
_OPTIONAL = {"valid_to", "verified_through", "entry_into_force", "notes", "text_ru", "text_kk", "text_en"}


def load_general_part(path: Path) -> GeneralPart:
    data, lines = read_toml(path)
    c = Checker(path, lines)
    c.keys(data, (), {"code"}, {"limits", "mci_valuation", "reduced_payment", "custody_credit",
                                 "time_rules", "equivalents", "notes"})
    code = data.get("code")
    if code not in APPLIES_TO:
        c.problem(("code",), f"code should be cc or ac, got {code!r}")
        raise DataFileError(c.problems)

    limits, limit_rows = [], []
    for where, row, dated in _dated_rows(c, data, "limits", {"kind", "applies_to", "article"},
                                         {"min", "max", "available", "articles"}):
        kind = KINDS.get(row.get("kind", ""))
        if kind is None:
            c.problem(where + ("kind",), f"unknown kind {row.get('kind')!r}")
            continue
        applies = _one_or_list(row.get("applies_to"))
        if not applies or any(a not in APPLIES_TO[code] for a in applies):
            c.problem(where + ("applies_to",), f"applies_to should be one or a list of {APPLIES_TO[code]}, "
                      f"got {row.get('applies_to')!r}")
        available = c.typed(row, "available", where, bool, True)
        articles = c.typed(row, "articles", where, list, [])
        if not all(isinstance(a, str) for a in articles):
            c.problem(where + ("articles",), "articles should be a list of article numbers as strings (\"476\")")
        bounds = {}
        for key in ("min", "max"):
            if key in row:
                try:
                    bounds[key] = parse_measure(row[key], kind.measure)
                except ValueError as error:
                    c.problem(where + (key,), str(error))
        if "min" in bounds and "max" in bounds and bounds["min"].unit == bounds["max"].unit \
                and bounds["min"].value > bounds["max"].value:
            c.problem(where + ("min",), f"min {bounds['min']} is greater than max {bounds['max']}")
        for key, bound in bounds.items():
            wrong = implausible(bound)
            if wrong:
                c.problem(where + (key,), wrong)
        if dated:
            limits.append(Limit(kind.name, applies, str(row.get("article")), bounds.get("min"), bounds.get("max"),
                                *dated, available, tuple(map(str, articles))))
            limit_rows.append(where)
    _check_limits_do_not_overlap(c, limits, limit_rows)

    valuation = []
    for where, row, dated in _dated_rows(c, data, "mci_valuation", {"date", "article"}):
        if row.get("date") not in VALUATION_DATES:
            c.problem(where + ("date",), f"date should be one of {VALUATION_DATES}, got {row.get('date')!r}")
        elif dated:
            valuation.append(ValuationRule(row["date"], str(row.get("article")), *dated))

    payments = []
    for where, row, dated in _dated_rows(c, data, "reduced_payment",
                                         {"article", "percent", "within_days", "applies_to", "sanction"}):
        percent = c.typed(row, "percent", where, int, 0)
        days = c.typed(row, "within_days", where, int, 0)
        if not 0 < percent < 100 or days <= 0:
            c.problem(where + ("percent",), "percent should be between 0 and 100 and within_days positive")
        if row.get("sanction") != "fine_only":
            c.problem(where + ("sanction",), "sanction should be \"fine_only\" (the only condition encoded so far)")
        applies = _one_or_list(row.get("applies_to"))
        if code != "ac" or not applies or any(a not in OFFENDERS for a in applies):
            c.problem(where + ("applies_to",), f"applies_to should be one or a list of {OFFENDERS} (AC only)")
        if dated:
            payments.append(ReducedPaymentRule(str(row.get("article")), Decimal(percent), days, applies, *dated))

    credits = []
    for where, row, dated in _dated_rows(c, data, "custody_credit", {"custody", "article", "per_day"},
                                         {"valid_from_latest"}):
        if row.get("custody") not in CUSTODY:
            c.problem(where + ("custody",), f"custody should be one of {CUSTODY}, got {row.get('custody')!r}")
        per_day = {}
        for key, text in c.typed(row, "per_day", where, dict, {}).items():
            kind_name, _, regime = key.partition(":")
            if kind_name not in KINDS or (regime and (kind_name != "imprisonment" or regime not in REGIMES)):
                c.problem(where + ("per_day",), f"{key!r}: a kind of punishment, or imprisonment:<{'|'.join(REGIMES)}>")
                continue
            measure = _term(c, text, where + ("per_day",))
            if measure is not None:
                per_day[key] = measure
        latest = c.typed(row, "valid_from_latest", where, date, None)
        if dated:
            credits.append(CustodyCreditRule(row.get("custody", ""), str(row.get("article")), per_day, *dated, latest))

    times = [TimeRule(str(row.get("article")), str(row.get("text_ru")), *dated)
             for _, row, dated in _dated_rows(c, data, "time_rules", {"article", "text_ru"}) if dated]

    equivalents = []
    for where, row, dated in _dated_rows(c, data, "equivalents", {"article", "rules"}):
        for j, rule in enumerate(c.typed(row, "rules", where, list, [])):
            of, per, equals = rule.get("of"), _term(c, rule.get("per"), where), {}
            if per is not None and per.value <= 0:
                c.problem(where + ("rules", j), f"per = {rule.get('per')!r}: an equivalence is per a positive term")
                per = None
            for kind in [of, *(rule.get("equals") or {})]:
                if kind not in KINDS:
                    c.problem(where + ("rules",), f"unknown kind {kind!r}")
            for kind, text in (rule.get("equals") or {}).items():
                equals[kind] = worth = _term(c, text, where)
                if worth is not None and worth.value <= 0:
                    c.problem(where + ("rules", j), f"{kind} = {text!r}: an equivalent is a positive amount or term")
            if dated and per is not None:
                equivalents.append(EquivalenceRule(str(row.get("article")), of, per, equals, *dated))

    if c.problems:
        raise DataFileError(c.problems)
    return GeneralPart(code, tuple(limits), tuple(valuation), tuple(payments), tuple(credits), tuple(times),
                       tuple(equivalents))


def _check_limits_do_not_overlap(c: Checker, limits: list[Limit], rows: list[tuple]) -> None:
    """Two limits of one kind for the same offences on the same day: the library would take one and
    drop the other without a word, so the data must say which wording held when."""
    for i, a in enumerate(limits):
        for b, where in zip(limits[i + 1:], rows[i + 1:], strict=True):
            if a.kind != b.kind or a.articles != b.articles or not set(a.applies_to) & set(b.applies_to):
                continue
            if a.valid_from <= (b.valid_to or date.max) and b.valid_from <= (a.valid_to or date.max):
                c.problem(where, f"the {b.kind} limit for {', '.join(sorted(set(a.applies_to) & set(b.applies_to)))} "
                                 f"from {b.valid_from} overlaps the one of art. {a.article} from {a.valid_from} "
                                 f"(line {c.lines.line_of(rows[i])})")


def _dated_rows(c: Checker, data: dict, table: str, required: AbstractSet[str], extra: AbstractSet[str] = frozenset(),
                ) -> Iterator[tuple[tuple, dict, tuple[date, date | None, Provenance] | None]]:
    """Each row of `table` with its location, its keys checked, and (valid_from, valid_to,
    provenance), or None when those are not readable (the problem is recorded)."""
    for i, row in enumerate(c.typed(data, table, (), list, [])):
        where = (table, i)
        c.keys(row, where, _COMMON | required, _OPTIONAL | extra)
        start, end = c.interval(row, where)
        provenance = c.provenance(row, where)
        yield where, row, ((start, end, provenance) if start and provenance else None)


def _one_or_list(value) -> tuple:
    """`applies_to` may be one name or a list of names."""
    return (value,) if isinstance(value, str) else tuple(value) if isinstance(value, list) else ()


def _term(c: Checker, text, where) -> Measure | None:
    """A measure in days, hours or MCI ("1.5 day", "4 hour", "4 MCI"), or a problem recorded."""
    unit_kind = {"hour": HOUR, "MCI": MONEY}.get(str(text).split()[-1] if text else "", DAY)
    try:
        return parse_measure(text, unit_kind)
    except ValueError as error:
        c.problem(where, str(error))
        return None


@cached
def general_part(code: str) -> GeneralPart:
    # a missing file is a DataFileError (read_toml), never an empty General Part: without it CC 403(1)
    # would offer arrest in 2016, when art. 45 was not yet in effect
    return load_general_part(statutes_dir() / "kz" / code / "general.toml")
