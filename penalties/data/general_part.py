"""Reading the General Parts' rules (`statutes/kz/<code>/general.toml`), checked, into `law.general_part` values.

`general_part(code)` is the shipped General Part of "cc" or "ac", kept by the store.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from datetime import date
from decimal import Decimal
from pathlib import Path

from ..errors import DataFileError
from ..law.general_part import (
    APPLIES_TO,
    CUSTODY,
    REGIMES,
    VALUATION_DATES,
    CustodyCreditRule,
    EquivalenceRule,
    GeneralPart,
    Limit,
    ReducedPaymentRule,
    TimeRule,
    ValuationRule,
)
from ..law.kinds import DAY, HOUR, KINDS, MONEY
from ..law.provenance import Provenance
from ..law.provisions import OFFENDERS
from ..law.quantities import Measure, implausible, parse_measure
from .checker import Checker
from .paths import statutes_dir
from .store import cached
from .toml import read_toml

_COMMON = {"valid_from", "act", "verification", "sources"}
_OPTIONAL = {"valid_to", "verified_through", "entry_into_force", "notes", "text_ru", "text_kk", "text_en"}


def load_general_part(path: Path) -> GeneralPart:
    data, lines = read_toml(path)
    c = Checker(path, lines)
    c.keys(
        data,
        (),
        {"code"},
        {"limits", "mci_valuation", "reduced_payment", "custody_credit", "time_rules", "equivalents", "notes"},
    )
    code = data.get("code")
    if code not in APPLIES_TO:
        c.problem(("code",), f"code should be cc or ac, got {code!r}")
        raise DataFileError(c.problems)

    limits, limit_rows = [], []
    for where, row, dated in _dated_rows(
        c, data, "limits", {"kind", "applies_to", "article"}, {"min", "max", "available", "articles"}
    ):
        kind = KINDS.get(row.get("kind", ""))
        if kind is None:
            c.problem(where + ("kind",), f"unknown kind {row.get('kind')!r}")
            continue
        applies = _one_or_list(row.get("applies_to"))
        if not applies or any(a not in APPLIES_TO[code] for a in applies):
            c.problem(
                where + ("applies_to",),
                f"applies_to should be one or a list of {APPLIES_TO[code]}, got {row.get('applies_to')!r}",
            )
        available = c.typed(row, "available", where, bool, True)
        articles = c.typed(row, "articles", where, list, [])
        if not all(isinstance(a, str) for a in articles):
            c.problem(where + ("articles",), 'articles should be a list of article numbers as strings ("476")')
        bounds = {}
        for key in ("min", "max"):
            if key in row:
                try:
                    bounds[key] = parse_measure(row[key], kind.measure)
                except ValueError as error:
                    c.problem(where + (key,), str(error))
        if (
            "min" in bounds
            and "max" in bounds
            and bounds["min"].unit == bounds["max"].unit
            and bounds["min"].value > bounds["max"].value
        ):
            c.problem(where + ("min",), f"min {bounds['min']} is greater than max {bounds['max']}")
        for key, bound in bounds.items():
            wrong = implausible(bound)
            if wrong:
                c.problem(where + (key,), wrong)
        if dated:
            limits.append(
                Limit(
                    kind.name,
                    applies,
                    str(row.get("article")),
                    bounds.get("min"),
                    bounds.get("max"),
                    *dated,
                    available,
                    tuple(map(str, articles)),
                )
            )
            limit_rows.append(where)
    _check_limits_do_not_overlap(c, limits, limit_rows)

    valuation = []
    for where, row, dated in _dated_rows(c, data, "mci_valuation", {"date", "article"}):
        if row.get("date") not in VALUATION_DATES:
            c.problem(where + ("date",), f"date should be one of {VALUATION_DATES}, got {row.get('date')!r}")
        elif dated:
            valuation.append(ValuationRule(row["date"], str(row.get("article")), *dated))

    payments = []
    for where, row, dated in _dated_rows(
        c, data, "reduced_payment", {"article", "percent", "within_days", "applies_to", "sanction"}
    ):
        percent = c.typed(row, "percent", where, int, 0)
        days = c.typed(row, "within_days", where, int, 0)
        if not 0 < percent < 100 or days <= 0:
            c.problem(where + ("percent",), "percent should be between 0 and 100 and within_days positive")
        if row.get("sanction") != "fine_only":
            c.problem(where + ("sanction",), 'sanction should be "fine_only" (the only condition encoded so far)')
        applies = _one_or_list(row.get("applies_to"))
        if code != "ac" or not applies or any(a not in OFFENDERS for a in applies):
            c.problem(where + ("applies_to",), f"applies_to should be one or a list of {OFFENDERS} (AC only)")
        if dated:
            payments.append(ReducedPaymentRule(str(row.get("article")), Decimal(percent), days, applies, *dated))

    credits = []
    for where, row, dated in _dated_rows(
        c, data, "custody_credit", {"custody", "article", "per_day"}, {"valid_from_latest"}
    ):
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

    times = [
        TimeRule(str(row.get("article")), str(row.get("text_ru")), *dated)
        for _, row, dated in _dated_rows(c, data, "time_rules", {"article", "text_ru"})
        if dated
    ]

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
    return GeneralPart(
        code, tuple(limits), tuple(valuation), tuple(payments), tuple(credits), tuple(times), tuple(equivalents)
    )


def _check_limits_do_not_overlap(c: Checker, limits: list[Limit], rows: list[tuple]) -> None:
    """Two limits of one kind for the same offences on the same day: the library would take one and
    drop the other without a word, so the data must say which wording held when."""
    for i, a in enumerate(limits):
        for b, where in zip(limits[i + 1 :], rows[i + 1 :], strict=True):
            if a.kind != b.kind or a.articles != b.articles or not set(a.applies_to) & set(b.applies_to):
                continue
            if a.valid_from <= (b.valid_to or date.max) and b.valid_from <= (a.valid_to or date.max):
                c.problem(
                    where,
                    f"the {b.kind} limit for {', '.join(sorted(set(a.applies_to) & set(b.applies_to)))} "
                    f"from {b.valid_from} overlaps the one of art. {a.article} from {a.valid_from} "
                    f"(line {c.lines.line_of(rows[i])})",
                )


def _dated_rows(
    c: Checker,
    data: dict,
    table: str,
    required: AbstractSet[str],
    extra: AbstractSet[str] = frozenset(),
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
