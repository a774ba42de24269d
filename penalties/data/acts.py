"""The acts registry: every act the statute data cites, once, read from `statutes/kz/acts.toml`.

Versions, General-Part rules and MCI values name their act by number (`act = "180-VI"`);
`registry()` reads the shipped file once, on first use, and `Registry.get()` finds an act by its
number as written in any usual way: Cyrillic look-alike letters (`"12-VІ"` with a Cyrillic І, as
official footnotes often print it), spaces and dashes are normalised for the lookup only. A data
tree other than the shipped one (`penalties check DIR`) uses its own `kz/acts.toml` when it has
one (`registry_for()`).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ..errors import DataFileError
from ..law.provenance import ACT_KINDS, Act
from .checker import Checker
from .paths import statutes_dir
from .store import cached
from .toml import Problem, read_toml

_REQUIRED = {"number", "date", "kind", "entry_into_force"}
_OPTIONAL = {"title", "in_force", "published", "published_source", "url", "sources", "notes"}

# Cyrillic letters that look like the Latin letters of Roman numerals (and of the Latin
# letters used in act numbers), and the dashes people type for a hyphen
_LOOK_ALIKES = str.maketrans(
    {
        "І": "I",
        "і": "I",
        "Ӏ": "I",
        "Х": "X",
        "х": "X",
        "С": "C",
        "с": "C",
        "М": "M",
        "м": "M",
        "Ѵ": "V",
        "ѵ": "V",
        "–": "-",
        "—": "-",
        "‑": "-",
        "‐": "-",
        "−": "-",
    }
)
_SPACES = re.compile(r"\s+")


def normalise_number(number: str) -> str:
    """The lookup key of an act number: `"12 - VІ"` (Cyrillic І) and `"12-vi"` are `"12-VI"`."""
    return _SPACES.sub("", number.translate(_LOOK_ALIKES)).upper()


class Registry:
    """The acts of one registry file, by normalised number."""

    def __init__(self, acts: list[Act], path: Path | None):
        self.path = path
        self.by_number = {normalise_number(a.number): a for a in acts}

    def get(self, number: str) -> Act | None:
        return self.by_number.get(normalise_number(number))

    def __contains__(self, number: str) -> bool:
        return self.get(number) is not None

    def __iter__(self):
        return iter(self.by_number.values())

    def __len__(self) -> int:
        return len(self.by_number)


def load_acts(path: Path) -> Registry:
    """Read and validate one `acts.toml`; `DataFileError` lists every problem with its line."""
    data, lines = read_toml(path)
    c = Checker(path, lines)
    c.keys(data, (), {"acts"}, {"notes"})
    acts: list[Act] = []
    seen: dict[str, int] = {}
    for i, row in enumerate(c.typed(data, "acts", (), list, [])):
        where = ("acts", i)
        if not isinstance(row, dict):
            c.problem(where, "each [[acts]] entry should be a table")
            continue
        act = _read_act(c, row, where)
        if act is None:
            continue
        key = normalise_number(act.number)
        if key in seen:
            c.problem(where + ("number",), f"act {act.number!r} is already registered (entry {seen[key] + 1})")
            continue
        seen[key] = i
        acts.append(act)
    if c.problems:
        raise DataFileError(c.problems)
    return Registry(acts, path)


def _read_act(c: Checker, row: dict, where: tuple) -> Act | None:
    c.keys(row, where, _REQUIRED, _OPTIONAL)
    number = c.typed(row, "number", where, str)
    signed = c.typed(row, "date", where, date)
    kind = c.typed(row, "kind", where, str)
    if kind is not None and kind not in ACT_KINDS:
        c.problem(where + ("kind",), f"kind should be one of {', '.join(ACT_KINDS)}, got {kind!r}")
    text = {k: c.typed(row, k, where, str) for k in ("title", "entry_into_force", "published_source", "url", "notes")}
    in_force = c.typed(row, "in_force", where, date)
    published = c.typed(row, "published", where, date)
    if published is not None and text["published_source"] is None:
        c.problem(where + ("published",), "'published' needs 'published_source' (where the date was read)")
    if text["published_source"] is not None and published is None:
        c.problem(where + ("published_source",), "'published_source' goes with 'published'")
    if signed is not None:
        for key, day in (("published", published), ("in_force", in_force)):
            if day is not None and day < signed:
                c.problem(where + (key,), f"{key} {day} is before the act was signed ({signed})")
    sources = c.typed(row, "sources", where, list, [])
    if not all(isinstance(s, str) and s.startswith(("http://", "https://")) for s in sources):
        c.problem(where + ("sources",), "'sources' should be a list of http(s) URLs")
    url = text["url"]
    if url is not None and not url.startswith(("http://", "https://")):
        c.problem(where + ("url",), f"'url' should be an http(s) URL, got {url!r}")
    if number is not None and not normalise_number(number):
        c.problem(where + ("number",), "an act number cannot be empty")
    if number is None or signed is None or kind not in ACT_KINDS:
        return None
    return Act(
        number=number,
        date=signed,
        title=text["title"],
        entry_into_force=text["entry_into_force"],
        url=url,
        kind=kind,
        in_force=in_force,
        published=published,
        published_source=text["published_source"],
        sources=tuple(sources),
        notes=text["notes"],
    )


def shipped_path() -> Path:
    return (statutes_dir() / "kz" / "acts.toml").resolve()


@cached
def registry() -> Registry:
    """The shipped registry, read once on first use."""
    return _registry_at(shipped_path())


#: beside `acts.toml`: the acts named only in the official footnotes of the readings, written by
#: scripts/build_articles.py (number, signing day and rule as the footnotes give them)
FROM_FOOTNOTES = "acts-footnotes.toml"


@cached
def _registry_at(path: Path) -> Registry:
    if path == shipped_path() and not path.is_file():
        return Registry([], path)
    registry_ = load_acts(path)
    extra = path.with_name(FROM_FOOTNOTES)
    if not extra.is_file():
        return registry_
    more = load_acts(extra)
    twice = [a.number for a in more if a.number in registry_]
    if twice:
        raise DataFileError([Problem(str(extra), None, f"act {n!r} is also in {path.name}") for n in twice])
    return Registry(list(registry_) + list(more), path)


def registry_for(data_file: Path | str) -> Registry:
    """The registry a data file's act numbers refer to: `kz/acts.toml` of its own tree
    (`<tree>/kz/<code>/<file>.toml`, `<tree>/kz/indices/mci.toml`) when it has one, else the shipped one."""
    found = _registry_path_for(str(Path(data_file).parent))
    return _registry_at(found) if found is not None else registry()


@cached
def _registry_path_for(directory: str) -> Path | None:
    # once per folder: resolving the path and asking the file system cost more than reading the
    # version's act (0.2 ms a call, 1,940 calls for `penalties list --code cc`)
    candidate = Path(directory).resolve().parent / "acts.toml"
    return candidate if candidate.is_file() and candidate.parent.name == "kz" else None


def registry_file(path: Path) -> bool:
    """Whether `path` is a registry file (for `penalties check`)."""
    return path.name in ("acts.toml", FROM_FOOTNOTES) and path.parent.name == "kz"


def inline_duplicates(path: Path, registry_: Registry | None = None) -> list[Problem]:
    """Inline `act = { number = … }` tables in one data file for acts the registry holds.

    They still load (old data), but each is a second copy of what the registry says once, so
    `penalties check` reports them (as warnings: the exit status stays 0).
    """
    if registry_file(path):
        return []
    try:
        data, lines = read_toml(path)
    except DataFileError:
        return []  # the file's own check reports it
    try:
        found = registry_ if registry_ is not None else registry_for(path)
    except DataFileError:
        return []  # the registry's own check reports it
    out: list[Problem] = []
    for where, table in _act_tables(data, ()):
        number = table.get("number")
        act = found.get(number) if isinstance(number, str) else None
        if act is not None:
            out.append(
                Problem(
                    str(path),
                    lines.line_of(where),
                    f"inline act table for {number!r}, which the acts registry holds: "
                    f'write act = "{act.number}"'
                    " (and 'entry_into_force' beside it if this version states its own rule)",
                )
            )
    return out


def _act_tables(value, where: tuple):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "act" and isinstance(item, dict):
                yield where + (key,), item
            else:
                yield from _act_tables(item, where + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _act_tables(item, where + (i,))
