"""Checking the records of one TOML file of `statutes/`: keys, types, dates, provenance, problems with lines.

`Checker` reads the provenance keys shared by every dated record (an MCI value, a rate, a version
of a provision, a General-Part rule) and collects `Problem`s with file and line; `check_sequence`
checks that a series of dated intervals neither overlaps nor leaves a gap.
"""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import attrs

from ..law.provenance import VERIFICATION_LEVELS, Act, Provenance
from .toml import LineMap, Problem


class Checker:
    """Collects problems found in one parsed TOML file."""

    def __init__(self, path: Path | str, lines: LineMap):
        self.path = str(path)
        self.lines = lines
        self.problems: list[Problem] = []

    def problem(self, where: tuple, message: str) -> None:
        self.problems.append(Problem(self.path, self.lines.line_of(where), message))

    def keys(self, table: dict, where: tuple, required: set[str], optional: set[str]) -> bool:
        ok = True
        for key in sorted(required - table.keys()):
            self.problem(where, f"missing key {key!r}")
            ok = False
        for key in sorted(table.keys() - required - optional):
            self.problem(where + (key,), f"unknown key {key!r} (allowed: {', '.join(sorted(required | optional))})")
            ok = False
        return ok

    def typed(self, table: dict, key: str, where: tuple, kind, default=None):
        """`table[key]` if it has type `kind` (a type or tuple of types), else record a problem."""
        if key not in table:
            return default
        value = table[key]
        # bool is an int, and a datetime is a date: keep them apart
        if (isinstance(value, bool) and kind is not bool) or (kind is date and type(value) is not date):
            self.problem(where + (key,), f"{key!r} should be {_describe(kind)}, got {value!r}")
            return default
        if not isinstance(value, kind):
            self.problem(where + (key,), f"{key!r} should be {_describe(kind)}, got {value!r}")
            return default
        return value

    def act(self, value, where: tuple) -> Act | None:
        """The act of a record: a number the registry holds (`act = "180-VI"`) or, as in old data,
        an inline table `{ number = …, date = … }`."""
        if isinstance(value, str):
            from ..data.acts import registry_for
            from ..errors import DataFileError

            try:
                registry = registry_for(self.path)
            except DataFileError:
                self.problem(
                    where, f"act {value!r}: the acts registry is malformed (penalties check names its problems)"
                )
                return None
            found = registry.get(value)
            if found is None:
                self.problem(
                    where,
                    f"unknown act {value!r}: not in the acts registry ({registry.path}); "
                    "add it there or check the number",
                )
            return found
        if not isinstance(value, dict):
            self.problem(
                where,
                "'act' should be an act number (\"180-VI\", from statutes/kz/acts.toml) "
                "or a table { number = …, date = … }",
            )
            return None
        if not self.keys(value, where, {"number", "date"}, {"title", "entry_into_force", "url", "article"}):
            return None
        number = self.typed(value, "number", where, str)
        when = self.typed(value, "date", where, date)
        fields = {k: self.typed(value, k, where, str) for k in ("title", "entry_into_force", "url", "article")}
        if number is None or when is None:
            return None
        return Act(number=number, date=when, **fields)

    def provenance(self, table: dict, where: tuple) -> Provenance | None:
        act = self.act(table.get("act"), where + ("act",)) if "act" in table else None
        rule = self.typed(table, "entry_into_force", where, str)
        if rule is not None and isinstance(table.get("act"), dict):
            self.problem(
                where + ("entry_into_force",),
                "'entry_into_force' beside 'act' goes with an act number (act = \"180-VI\"); "
                "an inline act table has its own",
            )
        elif rule is not None and act is not None:
            act = attrs.evolve(act, entry_into_force=rule)
        sources = self.typed(table, "sources", where, list, [])
        if not sources:
            self.problem(where + ("sources",), "every value needs at least one source URL in 'sources'")
        elif not all(isinstance(s, str) and s.startswith(("http://", "https://")) for s in sources):
            self.problem(where + ("sources",), "'sources' should be a list of http(s) URLs")
        elif not all(urlsplit(s).hostname for s in sources):
            self.problem(where + ("sources",), 'a source URL needs a host ("https://" alone names no source)')
        verification = self.typed(table, "verification", where, str)
        if verification not in VERIFICATION_LEVELS:
            self.problem(
                where + ("verification",),
                f"'verification' should be one of {', '.join(VERIFICATION_LEVELS)}, got {verification!r}",
            )
        verified_through = self.typed(table, "verified_through", where, date)
        if verified_through is not None:
            # read in a redaction: never one of the future, nor one older than the act that gave the
            # wording (a redaction between the act and its entry into force is possible: the Codes'
            # 07.11.2014 text shows wordings in force from 2015-01-01)
            if verified_through > date.today():
                self.problem(where + ("verified_through",), f"verified_through {verified_through} is in the future")
            elif act is not None and verified_through < act.date:
                self.problem(
                    where + ("verified_through",),
                    f"verified_through {verified_through} is before act {act.number} of {act.date}",
                )
        notes = self.typed(table, "notes", where, str)
        if act is None or not sources or verification not in VERIFICATION_LEVELS:
            return None
        return Provenance(act, tuple(sources), verification, verified_through, notes)

    def interval(self, table: dict, where: tuple) -> tuple[date | None, date | None]:
        start = self.typed(table, "valid_from", where, date)
        end = self.typed(table, "valid_to", where, date)
        if start is not None and end is not None and end < start:
            self.problem(where + ("valid_to",), f"valid_to {end} is before valid_from {start}")
        return start, end


def check_sequence(checker: Checker, spans: list[tuple[date | None, date | None, tuple]], what: str) -> None:
    """Consecutive inclusive intervals must neither overlap nor leave a gap; only the last may be open."""
    known = [(s, e, w) for s, e, w in spans if s is not None]
    for (_, e1, w1), (s2, _, w2) in itertools.pairwise(known):
        if e1 is None:
            checker.problem(w1 + ("valid_to",), f"{what}: only the last version may be open-ended (next starts {s2})")
        elif s2 <= e1:
            checker.problem(w2 + ("valid_from",), f"{what}: starts {s2}, overlapping the previous one (to {e1})")
        elif (s2 - e1).days != 1:
            checker.problem(w2 + ("valid_from",), f"{what}: gap between {e1} and {s2}")


def _describe(kind) -> str:
    names = {str: "a string", int: "an integer", bool: "true or false", list: "a list", dict: "a table", date: "a date"}
    if isinstance(kind, tuple):
        return " or ".join(names.get(k, k.__name__) for k in kind)
    return names.get(kind, kind.__name__)
