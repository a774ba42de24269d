"""The General Part's rules that a special-part sanction does not repeat.

Two kinds of rule are data (`statutes/kz/<code>/general.toml`), each dated and sourced:
- `limits`: the lower and upper bounds of a kind of punishment (CC art. 41(2): a fine for a
  criminal misdemeanour is 25–500 MCI in the 2014 wording);
- `mci_valuation`: on which case date the MCI is valued (CC art. 41(1): the day the offence was
  committed; AC art. 44(1): the day the case was initiated).

Where the data has no rule for a date, the fallback valuation rule below applies and the
assessment says so in a warning.
"""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path

import attrs

from .data_paths import statutes_dir
from .errors import DataFileError
from .kinds import KINDS
from .model import CATEGORIES
from .provenance import Checker, Provenance
from .quantities import Measure, parse_measure
from .tomlfile import read_toml

VALUATION_DATES = ("committed", "initiated", "decided")
#: used only where no dated rule is encoded; DESIGN.md "Dates"
FALLBACK_VALUATION = {"cc": "committed", "ac": "initiated"}
APPLIES_TO = {"cc": ("criminal_misdemeanour", "crime", "any"), "ac": ("any",)}


@attrs.frozen
class Limit:
    kind: str
    applies_to: str
    article: str
    min: Measure | None
    max: Measure | None
    valid_from: date
    valid_to: date | None
    provenance: Provenance

    def covers(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


@attrs.frozen
class ValuationRule:
    date: str
    article: str
    valid_from: date
    valid_to: date | None
    provenance: Provenance

    def covers(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


@attrs.frozen
class GeneralPart:
    code: str
    limits: tuple[Limit, ...] = ()
    valuation: tuple[ValuationRule, ...] = ()

    def limit(self, kind: str, category: str | None, on: date) -> Limit | None:
        """The limit on `kind` for a provision of `category` in force on `on`, if encoded."""
        group = "crime" if category in CATEGORIES[1:] else category
        for limit in self.limits:
            if limit.kind == kind and limit.covers(on) and limit.applies_to in ("any", group):
                return limit
        return None

    def valuation_rule(self, on: date) -> ValuationRule | None:
        for rule in self.valuation:
            if rule.covers(on):
                return rule
        return None


def load_general_part(path: Path) -> GeneralPart:
    data, lines = read_toml(path)
    c = Checker(path, lines)
    c.keys(data, (), {"code"}, {"limits", "mci_valuation", "notes"})
    code = data.get("code")
    if code not in APPLIES_TO:
        c.problem(("code",), f"code should be cc or ac, got {code!r}")
        raise DataFileError(c.problems)
    common = {"valid_from", "act", "verification", "sources"}
    optional = {"valid_to", "verified_through", "notes", "text_ru", "text_kk", "text_en"}
    limits = []
    for i, row in enumerate(c.typed(data, "limits", (), list, [])):
        where = ("limits", i)
        c.keys(row, where, common | {"kind", "applies_to", "article"}, optional | {"min", "max"})
        kind = KINDS.get(row.get("kind"))
        if kind is None:
            c.problem(where + ("kind",), f"unknown kind {row.get('kind')!r}")
            continue
        if row.get("applies_to") not in APPLIES_TO[code]:
            c.problem(where + ("applies_to",), f"applies_to should be one of {APPLIES_TO[code]}, got {row.get('applies_to')!r}")
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
        start, end = c.interval(row, where)
        provenance = c.provenance(row, where)
        if start and provenance:
            limits.append(Limit(kind.name, row.get("applies_to"), str(row.get("article")), bounds.get("min"),
                                bounds.get("max"), start, end, provenance))
    rules = []
    for i, row in enumerate(c.typed(data, "mci_valuation", (), list, [])):
        where = ("mci_valuation", i)
        c.keys(row, where, common | {"date", "article"}, optional)
        if row.get("date") not in VALUATION_DATES:
            c.problem(where + ("date",), f"date should be one of {VALUATION_DATES}, got {row.get('date')!r}")
        start, end = c.interval(row, where)
        provenance = c.provenance(row, where)
        if start and provenance:
            rules.append(ValuationRule(row["date"], str(row.get("article")), start, end, provenance))
    if c.problems:
        raise DataFileError(c.problems)
    return GeneralPart(code, tuple(limits), tuple(rules))


@functools.cache
def general_part(code: str) -> GeneralPart:
    path = statutes_dir() / "kz" / code / "general.toml"
    if not path.exists():
        return GeneralPart(code)
    return load_general_part(path)
