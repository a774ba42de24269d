"""Reading the General-Part sentencing and limitation rules (`statutes/kz/cc/sentencing.toml`,
`statutes/kz/ac/limitation.toml`) into `penalties.law.sentencing` values, checked with file:line.

`load_sentencing(path)` raises `DataFileError` listing every problem: an unknown rule id or key,
a fraction or a term that cannot be read, a category or kind that does not exist, a rule without
the parameters the engine needs, a missing source or verification, two wordings of one rule (same
article) whose intervals overlap. `sentencing_rules(code)` loads the shipped file once; where the
file is missing it gives an empty `SentencingRules` with `present = False`.
"""

from __future__ import annotations

import itertools
import re
from datetime import date
from fractions import Fraction
from pathlib import Path
from types import MappingProxyType

from ..data.paths import statutes_dir
from ..data.store import cached
from ..data.toml import read_toml
from ..errors import DataFileError
from ..law.kinds import KINDS, MONEY, MONTH
from ..law.quantities import parse_measure
from ..law.sentencing import RULE_CATEGORIES, RULE_IDS, RuleGap, SentencingRule, SentencingRules
from .checker import Checker

#: the file of each Code's rules, under statutes/kz/<code>/
FILES = {"cc": "sentencing.toml", "ac": "limitation.toml"}
SENTENCING_FILES = frozenset(FILES.values())

_RULE_REQUIRED = {"rule", "article", "valid_from", "act", "verification", "sources", "text_ru"}
#: `topic`: which of several rules of one id in one article this is (CC art. 50(2) sets four lifelong bans)
_RULE_OPTIONAL = {"valid_to", "verified_through", "entry_into_force", "text_kk", "notes", "params", "topic"}
_GAP_KEYS = {"rule", "article", "gap", "valid_from", "valid_to", "reason"}
_FRACTION = re.compile(r"^\s*([0-9]+)\s*/\s*([0-9]+)\s*$")
_TERM = re.compile(r"^\s*[0-9]+(?:\.[0-9]+)?\s+(year|years|month|months|day|days|hour|hours)\s*$")
_ARTICLE = re.compile(r"^[0-9]{1,3}(-[0-9]{1,2})?(\([0-9]{1,2}(-[0-9]{1,2})?\))*$")
#: params that must be fractions, and tables whose every value must be one
_FRACTION_KEYS = {"max_fraction", "min_fraction"}
_FRACTION_TABLES = {"by_kind", "by_agreement"}
#: params that must be terms ("20 year"); any other key starting max_/min_ holding a string is one too
_TERM_KEYS = {"term", "max_term", "detected_cap"}
#: what each rule the engine uses needs in its params (one of the alternatives)
_NEEDED = {
    "limitation": ({"by_category"}, {"term"}),
    "compulsory_payment": ({"by_category"},),
    "preparation_cap": ({"max_fraction"},),
    "attempt_cap": ({"max_fraction"},),
    "plea_agreement_cap": ({"max_fraction"}, {"by_agreement"}, {"by_kind"}),
    "mitigating_cap": ({"max_fraction"}, {"by_category"}),
    "jury_leniency": ({"max_fraction"},),
}


def load_sentencing(path: Path) -> SentencingRules:
    """One Code's rules from `path`; `DataFileError` with every problem's file and line."""
    path = Path(path)
    data, lines = read_toml(path)
    c = Checker(path, lines)
    c.keys(data, (), {"schema", "rules"}, set())
    if data.get("schema") != 1:
        c.problem(("schema",), f"schema should be 1, got {data.get('schema')!r}")
    code = path.parent.name
    if code not in FILES:
        c.problem((), f"a rules file belongs in statutes/kz/cc or statutes/kz/ac, not in {code!r}")
    rules: list[SentencingRule] = []
    gaps: list[RuleGap] = []
    spans: dict[tuple[str, str, str | None], list[tuple[date, date | None, tuple]]] = {}
    for i, row in enumerate(c.typed(data, "rules", (), list, [])):
        where = ("rules", i)
        if not isinstance(row, dict):
            c.problem(where, "each [[rules]] entry should be a table")
            continue
        rule_id = row.get("rule")
        if rule_id not in RULE_IDS:
            c.problem(where + ("rule",), f"unknown rule {rule_id!r} (known: {', '.join(RULE_IDS)})")
            continue
        article = c.typed(row, "article", where, str, "")
        if not _ARTICLE.match(article):
            c.problem(
                where + ("article",),
                f'article should be a number with its part, e.g. "55" or "59(2)", got {row.get("article")!r}',
            )
        if row.get("gap") is not None:
            gap = _read_gap(c, row, where, rule_id, code, article)
            if gap is not None:
                gaps.append(gap)
                spans.setdefault((rule_id, article, row.get("topic")), []).append((gap.valid_from, gap.valid_to, where))
            continue
        c.keys(row, where, _RULE_REQUIRED, _RULE_OPTIONAL)
        start, end = c.interval(row, where)
        provenance = c.provenance(row, where)
        if provenance is not None and provenance.verification == "primary" and provenance.verified_through is None:
            c.problem(
                where + ("verification",),
                "a primary wording needs 'verified_through' (the newest redaction in which it was read unchanged)",
            )
        text_ru = c.typed(row, "text_ru", where, str, "")
        if "text_ru" in row and not text_ru.strip():
            c.problem(where + ("text_ru",), "text_ru should quote the wording the rule rests on")
        params = _read_params(c, c.typed(row, "params", where, dict, {}), where + ("params",))
        for alternatives in _NEEDED.get(rule_id, ()):
            if alternatives <= params.keys():
                break
        else:
            if rule_id in _NEEDED:
                wanted = " or ".join("+".join(sorted(a)) for a in _NEEDED[rule_id])
                c.problem(where + ("params",), f"{rule_id} needs params {wanted}")
        if start is None or provenance is None:
            continue
        spans.setdefault((rule_id, article, row.get("topic")), []).append((start, end, where))
        rules.append(
            SentencingRule(
                rule_id,
                code,
                article,
                start,
                end,
                provenance,
                text_ru,
                MappingProxyType(params),
                c.typed(row, "text_kk", where, str),
                c.typed(row, "notes", where, str),
            )
        )
    for (rule_id, article, topic), known in spans.items():
        known.sort(key=lambda s: s[0])
        for (s1, e1, _), (s2, _, w2) in itertools.pairwise(known):
            if e1 is None or s2 <= e1:
                c.problem(
                    w2 + ("valid_from",),
                    f"{rule_id} art. {article}{f' ({topic})' if topic else ''}: this wording from {s2} overlaps the "
                    f"previous one ({s1} to {e1 or 'open-ended'})",
                )
    if c.problems:
        raise DataFileError(c.problems)
    return SentencingRules(code, tuple(rules), tuple(gaps), str(path))


def _read_gap(c: Checker, row: dict, where: tuple, rule_id: str, code: str, article: str) -> RuleGap | None:
    c.keys(row, where, _GAP_KEYS, {"topic"})
    if row.get("gap") is not True:
        c.problem(where + ("gap",), "gap should be true (a span whose wording was not read), or left out")
    start, end = c.interval(row, where)
    if start is not None and end is None and "valid_to" in row:
        return None
    reason = c.typed(row, "reason", where, str, "")
    if "reason" in row and not reason.strip():
        c.problem(where + ("reason",), "a gap needs its reason: which wording is missing, and why")
    if start is None or end is None or not reason:
        return None
    return RuleGap(rule_id, code, article, start, end, reason)


def _read_params(c: Checker, params: dict, where: tuple) -> dict:
    return {key: _param(c, key, value, where + (key,), None) for key, value in params.items()}


def _param(c: Checker, key: str, value, where: tuple, table: str | None):
    """A parameter's value as the engine uses it; a problem recorded where it does not fit its key."""
    if isinstance(value, dict):
        if key in ("by_category", "evasion_long_stop_by_category", "by_category_legal_entity") or key.endswith(
            "_by_category"
        ):
            for category in value:
                if category not in RULE_CATEGORIES:
                    c.problem(where, f"{key}: unknown category {category!r} (known: {', '.join(RULE_CATEGORIES)})")
        return MappingProxyType({k: _param(c, k, v, where, key) for k, v in value.items()})
    if isinstance(value, list):
        if key in ("applies_to_kinds",):
            for kind in value:
                if kind not in KINDS:
                    c.problem(where, f"{key}: unknown kind of punishment {kind!r}")
        return tuple(_param(c, key, v, where, table) for v in value)
    if isinstance(value, bool) or not isinstance(value, str):
        if key in _FRACTION_KEYS or table in _FRACTION_TABLES:
            c.problem(where, f'{key}: a fraction is written as a string "a/b", got {value!r}')
        return value
    wants_fraction = key in _FRACTION_KEYS or key.endswith("_fraction") or table in _FRACTION_TABLES
    match = _FRACTION.match(value)
    if match or wants_fraction:
        if not match:
            c.problem(where, f'{key}: cannot read the fraction {value!r} (expected "a/b", e.g. "2/3")')
            return value
        numerator, denominator = int(match.group(1)), int(match.group(2))
        if denominator == 0 or numerator == 0:
            c.problem(where, f"{key}: the fraction {value!r} should have a non-zero numerator and denominator")
            return value
        fraction = Fraction(numerator, denominator)
        if fraction > 1 and (key in _FRACTION_KEYS or table in _FRACTION_TABLES):
            c.problem(where, f"{key}: the fraction {value!r} is above 1; a cap or floor is a share of the maximum")
        return fraction
    wants_term = (
        key in _TERM_KEYS
        or key.startswith(("max_", "min_"))
        or key.endswith("_term")
        or (table is not None and table.endswith("by_category") and not value.isdigit())
    )
    if _TERM.match(value) or wants_term:
        try:
            return parse_measure(value, _unit_kind(value))
        except ValueError as error:
            c.problem(where, f"{key}: {error}")
            return value
    return value


def _unit_kind(text: str) -> str:
    unit = text.split()[-1].rstrip("s") if text.split() else ""
    return {"day": "day", "hour": "hour", "MCI": MONEY}.get(unit, MONTH)


def rules_file(code: str) -> Path:
    return statutes_dir() / "kz" / code / FILES[code]


@cached
def sentencing_rules(code: str) -> SentencingRules:
    """The shipped rules of `code` ("cc" or "ac"), loaded once; empty (`present` False) where the
    file is missing."""
    path = rules_file(code)
    if not path.is_file():
        return SentencingRules(code, path=str(path), present=False)
    return load_sentencing(path)
