"""Loading and validating the article files in `statutes/`, and the catalogue of provisions.

`load_article(path)` reads one `statutes/kz/<code>/<article>.toml` into `Provision`s and raises
`DataFileError` listing every problem with its file and line. `catalogue()` loads every article
once (on first use, not at import) and indexes the provisions by id.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TypeVar

from ..data.paths import statutes_dir
from ..data.toml import Problem, read_toml
from ..errors import DataFileError
from ..law.kinds import KINDS, NONE
from ..law.provisions import (
    CATEGORIES,
    CODES,
    CODES_IN_FORCE,
    OFFENDERS,
    UNNAMED,
    Gap,
    Item,
    Provision,
    Sanction,
    Version,
)
from ..law.quantities import Measure, implausible, parse_measure
from .checker import Checker, check_sequence
from .sentencing import SENTENCING_FILES, load_sentencing
from .store import cached

T = TypeVar("T")

_VERSION_REQUIRED = {"valid_from", "act", "verification", "sources"}
_VERSION_OPTIONAL = {
    "valid_to",
    "valid_from_latest",
    "entry_into_force",
    "verified_through",
    "category",
    "text_ru",
    "text_kk",
    "text_en",
    "notes",
    "abolished",
    "moved_to",
    "sanctions",
    "reader_exception",
    "reader_correction",
}
_ITEM_KEYS = {"kind", "min", "max", "amount", "mandatory", "lifelong", "base", "note", "floor", "ceiling", "per"}
GENERAL_FILES = {"general.toml"}
#: files beside the article files that are not articles: the General Part's rules (general.toml, the
#: sentencing and limitation rules, penalties.data.sentencing), the chapters
NOT_ARTICLES = GENERAL_FILES | SENTENCING_FILES | {"chapters.toml"}
_PART = re.compile(r"^[1-9][0-9]{0,2}(-[1-9][0-9]?)?$")  # "3", "1-1"; never "01" beside "1"


def article_files(root: Path | None = None) -> list[Path]:
    root = Path(root or statutes_dir())
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*.toml") if p.parent.name in CODES and p.name not in NOT_ARTICLES)


def load_article(path: Path, *, read_texts: bool = False) -> list[Provision]:
    """The provisions of one article file; `DataFileError` listing every problem with file:line.

    With `read_texts`, every Criminal Code version's quoted `text_ru` is also read by the sanction
    reader and must give the encoded sanction (what `penalties check` does; loading for use skips it).
    """
    data, lines = read_toml(path)
    checker = Checker(path, lines)
    provisions = _read_article(data, checker, path, read_texts)
    if checker.problems:
        raise DataFileError(checker.problems)
    return provisions


def _read_article(data: dict, c: Checker, path: Path, read_texts: bool = False) -> list[Provision]:
    c.keys(data, (), {"code", "article", "title", "parts"}, {"notes", "sources"})
    code = c.typed(data, "code", (), str)
    article = c.typed(data, "article", (), str)
    if code is not None and code not in CODES:
        c.problem(("code",), f"code should be one of {', '.join(CODES)}, got {code!r}")
    if code in CODES and path.parent.name in CODES and path.parent.name != code:
        c.problem(("code",), f"code {code!r} does not match the directory {path.parent.name!r}")
    if article is not None and path.stem != article:
        c.problem(("article",), f"article {article!r} does not match the file name {path.name!r}")
    title = c.typed(data, "title", (), dict, {})
    if title:
        c.keys(title, ("title",), {"ru"}, {"kk", "en"})
    parts = c.typed(data, "parts", (), list, [])
    if "parts" in data and not parts:
        c.problem(("parts",), "an article needs at least one [[parts]] table")
    provisions = []
    seen_parts: set = set()
    for p, part_table in enumerate(parts):
        where = ("parts", p)
        if not isinstance(part_table, dict):
            c.problem(where, "each [[parts]] entry should be a table")
            continue
        c.keys(
            part_table, where, {"versions"}, {"part", "item", "summary_en", "summary_ru", "summary_kk", "notes", "gaps"}
        )
        part = c.typed(part_table, "part", where, str)
        item = c.typed(part_table, "item", where, str)
        for key, value in (("part", part), ("item", item)):
            if value is not None and not _PART.match(value):
                c.problem(where + (key,), f"{key} should be a number such as '3' or '1-1', got {value!r}")
        if item is not None and part is None:
            c.problem(where + ("item",), "an 'item' (подпункт) needs its 'part'")
        if (part, item) in seen_parts:
            c.problem(where + ("part",), f"part {part!r}" + (f" item {item!r}" if item else "") + " appears twice")
        seen_parts.add((part, item))
        if part is None and len(parts) > 1:
            c.problem(where, "an article with several [[parts]] needs 'part' in each")
        if code not in CODES or article is None:
            continue
        pid = f"kz.{code}.{article}" + (f".{part}" if part else "") + (f".{item}" if item else "")
        versions: list = [
            _read_version(c, v, where + ("versions", i), pid, code, read_texts, item)
            for i, v in enumerate(c.typed(part_table, "versions", where, list, []))
        ]
        if not versions:
            c.problem(where + ("versions",), "a part needs at least one [[parts.versions]] table")
        gaps: list = [
            _read_gap(c, g, where + ("gaps", i)) for i, g in enumerate(c.typed(part_table, "gaps", where, list, []))
        ]
        spans = [
            (
                v.get("valid_from") if isinstance(v, dict) else None,
                v.get("valid_to") if isinstance(v, dict) else None,
                where + ("versions", i),
            )
            for i, v in enumerate(part_table.get("versions", []))
        ]
        spans += [(g.valid_from, g.valid_to, where + ("gaps", i)) for i, g in enumerate(gaps) if g]
        check_sequence(c, sorted(spans, key=lambda s: (s[0] is None, s[0] or date.min)), f"{pid} version")
        read, read_gaps = _every(versions), _every(gaps)
        if not read or read_gaps is None:
            continue
        versions, gaps = read, read_gaps
        first_day = min([versions[0].valid_from] + [g.valid_from for g in gaps])
        if first_day < CODES_IN_FORCE:
            c.problem(where + ("versions", 0, "valid_from"), "the Codes are in force from 2015-01-01")
        if gaps and gaps[-1].valid_from > versions[-1].valid_from:
            c.problem(where + ("gaps", len(gaps) - 1), "a gap cannot come after the last version")
        provisions.append(
            Provision(
                id=pid,
                code=code,
                article=article,
                part=part,
                item=item,
                title=dict(title),
                versions=tuple(versions),
                summary=part_table.get("summary_en"),
                source_file=str(path),
                gaps=tuple(sorted(gaps, key=lambda g: g.valid_from)),
            )
        )
    return provisions


def _read_gap(c: Checker, table, where: tuple) -> Gap | None:
    """A `[[parts.gaps]]` table: valid_from, valid_to and the reason the wording is unknown."""
    if not isinstance(table, dict):
        c.problem(where, "each gap should be a table")
        return None
    c.keys(table, where, {"valid_from", "valid_to", "reason"}, {"acts", "notes"})
    start, end = c.interval(table, where)
    reason = c.typed(table, "reason", where, str)
    if start is not None and "valid_to" in table and end is None:
        return None
    if end is None and start is not None:
        c.problem(where, "a gap needs 'valid_to' (a gap cannot be open-ended)")
    if start is None or end is None or not reason:
        return None
    return Gap(start, end, reason)


def _read_version(
    c: Checker, table, where: tuple, pid: str, code: str, read_texts: bool = False, item: str | None = None
) -> Version | None:
    if not isinstance(table, dict):
        c.problem(where, "each version should be a table")
        return None
    c.keys(table, where, _VERSION_REQUIRED, _VERSION_OPTIONAL)
    start, end = c.interval(table, where)
    latest = c.typed(table, "valid_from_latest", where, date)
    if latest is not None and start is not None and (latest < start or (end is not None and latest > end)):
        c.problem(where + ("valid_from_latest",), "valid_from_latest should lie between valid_from and valid_to")
    provenance = c.provenance(table, where)
    if provenance is not None and start is not None and provenance.act.date > start:
        # a law that worsens a penalty has no retroactive force (CC art. 6(3), AC art. 4), and a
        # milder one reaches back through lex mitior, not through an earlier valid_from
        c.problem(
            where + ("act",),
            f"act {provenance.act.number} of {provenance.act.date} is dated after "
            f"the day this version applies from ({start})",
        )
    category = c.typed(table, "category", where, str)
    if category is not None and (code != "cc" or category not in CATEGORIES):
        c.problem(
            where + ("category",), f"category should be one of {', '.join(CATEGORIES)} (CC only), got {category!r}"
        )
    abolished = c.typed(table, "abolished", where, bool, False)
    moved_to = c.typed(table, "moved_to", where, str)
    if moved_to is not None and not abolished:
        c.problem(where + ("moved_to",), "'moved_to' goes with 'abolished = true'")
    raw_sanctions = c.typed(table, "sanctions", where, list, [])
    if abolished and raw_sanctions:
        c.problem(where + ("sanctions",), "an abolished version has no sanctions")
    if not abolished and not raw_sanctions:
        c.problem(where, "a version needs [[parts.versions.sanctions]] (or 'abolished = true')")
    sanctions = [_read_sanction(c, s, where + ("sanctions", i), code) for i, s in enumerate(raw_sanctions)]
    offenders = [o for s in sanctions if s for o in s.offenders]
    for offender in {o for o in offenders if offenders.count(o) > 1}:
        c.problem(where + ("sanctions",), f"offender {offender!r} has more than one sanction in this version")
    read = _every(sanctions)
    if start is None or provenance is None or read is None:
        return None
    text = {lang: table[f"text_{lang}"] for lang in ("ru", "kk", "en") if isinstance(table.get(f"text_{lang}"), str)}
    exception = c.typed(table, "reader_exception", where, str)
    corrections = _corrections(c, table, where, text.get("ru"))
    if read_texts and code == "cc" and "ru" in text and not abolished and exception is None and corrections is not None:
        from .readings import corrected

        _compare_with_reading(c, where, corrected(text["ru"], corrections)[0], sanctions, item)
    return Version(
        pid, start, end, provenance, tuple(read), category, abolished, moved_to, text, valid_from_latest=latest
    )


def _corrections(c: Checker, table: dict, where: tuple, text_ru: str | None) -> list | None:
    """The version's `reader_correction` list (evident typos of the official text, each with the
    words it corrects, what the reader reads instead and why); None when malformed."""
    from .readings import Correction

    raw = c.typed(table, "reader_correction", where, list, [])
    out = []
    for k, entry in enumerate(raw):
        here = where + ("reader_correction", k)
        if not isinstance(entry, dict) or not c.keys(entry, here, {"wrong", "read_as", "reason"}, set()):
            if not isinstance(entry, dict):
                c.problem(here, "a reader_correction is a table { wrong = …, read_as = …, reason = … }")
            return None
        if not all(isinstance(entry[k2], str) and entry[k2].strip() for k2 in ("wrong", "read_as", "reason")):
            c.problem(here, "wrong, read_as and reason should be non-empty strings")
            return None
        if text_ru is None or entry["wrong"] not in text_ru:
            c.problem(here, f"reader_correction: {entry['wrong']!r} is not in the quoted text_ru")
            return None
        out.append(Correction(entry["wrong"], entry["read_as"], entry["reason"]))
    return out


def _compare_with_reading(c: Checker, where: tuple, text_ru: str, sanctions: list, item: str | None) -> None:
    """A problem unless the sanction reader reads `text_ru` (for sub-paragraph `item`, where the
    sentence gives it a sanction of its own) as the encoded sanction."""
    from .reader import SanctionTextError, read_sanction

    try:
        reading = read_sanction(text_ru).for_item(item)
    except SanctionTextError as error:
        c.problem(where + ("text_ru",), f'{error} (add reader_exception = "why" if the reader cannot read it)')
        return
    sanction = sanctions[0]
    for name, read, encoded in (
        ("main", reading.main, sanction.main),
        ("additional", reading.additional, sanction.additional),
    ):
        if tuple(read) != tuple(encoded):
            c.problem(
                where + ("text_ru",),
                f"the quoted text_ru reads as {name} = {_brief(read)}, the encoded sanction has {_brief(encoded)}",
            )


def _brief(items) -> str:
    def one(i):
        bounds = "-".join(str(m) for m in (i.min, i.max) if m is not None) if i.min != i.max else str(i.min)
        flags = (" lifelong" if i.lifelong else "") + (
            "" if i.mandatory is None else " mandatory" if i.mandatory else " optional"
        )
        return f"{i.kind} {bounds}".strip() + flags

    return "[" + "; ".join(one(i) for i in items) + "]"


def _read_sanction(c: Checker, table, where: tuple, code: str) -> Sanction | None:
    if not isinstance(table, dict):
        c.problem(where, "each sanction should be a table")
        return None
    c.keys(table, where, {"main"}, {"offender", "additional", "notes"})
    offender = table.get("offender", "individual")
    offenders = (offender,) if isinstance(offender, str) else tuple(offender) if isinstance(offender, list) else ()
    if not offenders or any(o not in OFFENDERS + (UNNAMED,) for o in offenders):
        c.problem(
            where + ("offender",),
            f"offender should be one or a list of {', '.join(OFFENDERS + (UNNAMED,))}, got {offender!r}",
        )
        return None
    if code == "cc" and offenders != ("individual",):
        c.problem(where + ("offender",), "the Criminal Code has only the offender 'individual'")
    main = [
        _read_item(c, item, where + ("main", i), code, additional=False)
        for i, item in enumerate(c.typed(table, "main", where, list, []))
    ]
    additional = [
        _read_item(c, item, where + ("additional", i), code, additional=True)
        for i, item in enumerate(c.typed(table, "additional", where, list, []))
    ]
    if not main:
        c.problem(where + ("main",), "a sanction needs at least one main alternative")
    _check_kinds_once(c, where + ("main",), [i for i in main if i is not None])
    read = [i for i in additional if i is not None]
    # the same punishment twice (a case restated it, CC 217(3)); two deprivations of different documents, each
    # named in its note, are two (AC 80(2-2))
    if len({(i, i.note) for i in read}) < len(read):
        c.problem(where + ("additional",), "the same additional punishment is listed twice")
    read_main, read_additional = _every(main), _every(additional)
    if read_main is None or read_additional is None:
        return None
    return Sanction(offenders, tuple(read_main), tuple(read_additional))


def _check_kinds_once(c: Checker, where: tuple, items: list[Item]) -> None:
    """A kind twice among one sanction's main alternatives is ambiguous (which amount applies?) unless
    each says in its `note` when it applies (e.g. the sub-paragraphs of AC 517(3), each a tier).
    Additional punishments may repeat a kind: two bans of different rights (CC 120(3))."""
    seen: dict[str, Item] = {}
    for item in items:
        first = seen.setdefault(item.kind, item)
        if first is not item and not (first.note and item.note and first.note != item.note):
            c.problem(where, f"kind {item.kind!r} appears twice; give each its condition in 'note', or keep one")


def _every(values: list[T | None]) -> list[T] | None:
    """`values` when each was read, else None (a problem was recorded for each one not read)."""
    out = [v for v in values if v is not None]
    return out if len(out) == len(values) else None


def _read_item(c: Checker, item, where: tuple, code: str, additional: bool) -> Item | None:
    if not isinstance(item, dict):
        c.problem(where, "a sanction item should be an inline table { kind = …, max = … }")
        return None
    c.keys(item, where, {"kind"}, _ITEM_KEYS - {"kind"})
    kind_name = item.get("kind")
    kind = KINDS.get(str(kind_name))
    if kind is None:
        c.problem(where, f"unknown kind {kind_name!r}; known: {', '.join(KINDS)}")
        return None
    if code not in kind.codes:
        c.problem(where, f"kind {kind_name!r} is not a {code.upper()} punishment")
    bounds = {}
    for key in ("min", "max", "amount"):
        if key in item:
            try:
                bounds[key] = parse_measure(item[key], kind.measure)
            except ValueError as error:
                c.problem(where, f"{key}: {error}")
                return None
            wrong = implausible(bounds[key])
            if wrong:
                c.problem(where, f"{key}: {wrong}")
    if "amount" in bounds and ("min" in bounds or "max" in bounds):
        c.problem(where, "use either 'amount' or 'min'/'max'")
    low, high = bounds.get("min", bounds.get("amount")), bounds.get("max", bounds.get("amount"))
    if low and high:
        if low.unit != high.unit:
            c.problem(where, f"min and max have different units ({low.unit}, {high.unit})")
        elif low.value > high.value:
            c.problem(where, f"min {low} is greater than max {high}")
    if any(m.unit in ("base", "percent") for m in (low, high) if m) and not isinstance(item.get("base"), str):
        c.problem(where, 'a multiple or percentage needs \'base\' (what it is a multiple of: "bribe", "damage", …)')
    limits = _read_floor_ceiling(c, item, where, kind.measure, (low, high))
    per = item.get("per")
    if per is not None and (not isinstance(per, str) or not per or kind.measure != "money" or high is None):
        c.problem(where, "'per' names what an amount is counted for (\"payment_document\"), on a money amount")
        per = None
    mandatory = item.get("mandatory")
    if additional and not isinstance(mandatory, bool):
        c.problem(where, "an additional punishment needs 'mandatory = true' or 'mandatory = false'")
    if not additional and mandatory is not None:
        c.problem(where, "'mandatory' belongs to additional punishments only")
    lifelong = item.get("lifelong", False)
    if lifelong is not False and (lifelong is not True or high is not None):
        c.problem(where, "'lifelong = true' stands instead of a maximum")
    if kind.measure == NONE and bounds:
        c.problem(where, f"kind {kind_name!r} takes no amount or term")
    return Item(
        str(kind_name),
        low,
        high,
        mandatory if additional else None,
        bool(lifelong),
        item.get("base"),
        item.get("note"),
        floor=limits[0],
        ceiling=limits[1],
        per=per,
    )


def _read_floor_ceiling(c: Checker, item: dict, where: tuple, measure: str, bounds: tuple) -> tuple:
    """`floor` and `ceiling` of a fine in percent (or a multiple) of a base: amounts in MCI, floor ≤ ceiling."""
    out: list[Measure | None] = []
    for key in ("floor", "ceiling"):
        if key not in item:
            out.append(None)
            continue
        try:
            m = parse_measure(item[key], measure)
        except ValueError as error:
            c.problem(where, f"{key}: {error}")
            out.append(None)
            continue
        wrong = implausible(m)
        if wrong:
            c.problem(where, f"{key}: {wrong}")
        if m.unit != "MCI":
            c.problem(where, f"{key}: a floor or ceiling is an amount in MCI, not {m.unit!r}")
        out.append(m)
    if any(out) and not any(b is not None and b.unit in ("base", "percent") for b in bounds):
        c.problem(where, "'floor' and 'ceiling' bound a fine in percent (or a multiple) of a base only")
    if out[0] is not None and out[1] is not None and out[0].unit == out[1].unit and out[0].value > out[1].value:
        c.problem(where, f"floor {out[0]} is greater than ceiling {out[1]}")
    return out[0], out[1]


def check(root: Path | str | None = None, *, whole_tree: bool = True) -> tuple[list[Problem], int]:
    """Validate every data file under `root` (or one file). Returns the problems and the file count.

    Beyond each file's own checks: a provision id defined twice, and a `moved_to` that names no
    encoded provision, are problems too; and a whole statutes tree (a folder holding `kz/`) must
    have the `REQUIRED_FILES`, unless `whole_tree=False` says it is a fragment (a few articles and
    their registry, as tests build). `check_report()` gives the warnings as well.
    """
    problems, _, count = check_report(root, whole_tree=whole_tree)
    return problems, count


def check_report(
    root: Path | str | None = None,
    *,
    whole_tree: bool = True,
) -> tuple[list[Problem], list[Problem], int]:
    """`check()`, plus the warnings: problems that do not make the data wrong, only worse to
    maintain (today: an inline act table for an act the acts registry holds)."""
    from .acts import inline_duplicates

    root = Path(root or statutes_dir())
    files = sorted(root.rglob("*.toml")) if root.is_dir() else [root]
    problems: list[Problem] = []
    warnings: list[Problem] = []
    defined: dict[str, str] = {}
    moves: list[tuple[str, str, str]] = []
    encoded: dict[str, set[str]] = {}  # code -> article numbers, for the chapters check
    for path in files:
        warnings.extend(inline_duplicates(path))
        try:
            loader = _loader_for(path)
            if loader is not None:
                loader(path)
                continue
            for provision in load_article(path, read_texts=True):
                if provision.id in defined:
                    problems.append(
                        Problem(str(path), None, f"{provision.id} is also defined in {defined[provision.id]}")
                    )
                defined[provision.id] = str(path)
                encoded.setdefault(provision.code, set()).add(provision.article)
                moves.extend((str(path), provision.id, v.moved_to) for v in provision.versions if v.moved_to)
        except DataFileError as error:
            problems.extend(error.problems)
    if whole_tree and root.is_dir() and (root / "kz").is_dir():  # the files every assessment reads
        problems.extend(
            Problem(str(root / name), None, "required file is missing")
            for name in REQUIRED_FILES
            if not (root / name).is_file()
        )
    if root.is_dir():
        for file, pid, target in moves:
            if target not in defined:
                problems.append(Problem(file, None, f"{pid}: moved_to {target!r} is not an encoded provision"))
        problems.extend(_chapter_problems([f for f in files if f.name == "chapters.toml"], encoded))
    return problems, warnings, len(files)


def _chapter_problems(chapter_files: list[Path], encoded: dict[str, set[str]]) -> list[Problem]:
    """Every encoded article of a Code that has a chapters file falls in one of its chapters."""
    from .chapters import load_chapters, unplaced

    problems: list[Problem] = []
    for path in chapter_files:
        numbers = encoded.get(path.parent.name, set())
        code = path.parent.name
        try:
            found = load_chapters(path)
        except DataFileError:
            continue  # its own problems are already listed
        problems.extend(
            Problem(str(path), None, f"{code.upper()} {a} is encoded but falls in no chapter")
            for a in unplaced(found, numbers)
        )
    return problems


#: the files of a statutes tree that every assessment of either Code needs, beside the articles
REQUIRED_FILES = (
    "kz/acts.toml",
    "kz/cc/general.toml",
    "kz/ac/general.toml",
    "kz/indices/mci.toml",
    "kz/rates/usd_kzt.toml",
)


def _loader_for(path: Path):
    """The loader of a non-article data file, or None for an article file."""
    from .acts import load_acts, registry_file
    from .general_part import load_general_part
    from .mci import load_mci
    from .rates import load_shipped_rates

    if "readings" in path.parts:
        from ..data.readings import load_corrections, load_reader_notes, load_reading_file, load_titles_en

        if path.name == "titles_en.toml":
            return load_titles_en
        if path.name == "corrections.toml":
            return load_corrections
        return load_reader_notes if path.name in ("notes.toml", "exceptions.toml") else load_reading_file
    if registry_file(path):
        return load_acts
    if path.name in GENERAL_FILES:
        return load_general_part
    if path.name == "chapters.toml" and path.parent.name in CODES:
        from .chapters import load_chapters

        return load_chapters
    if path.name in SENTENCING_FILES and path.parent.name in CODES:
        return load_sentencing
    if path.parent.name == "indices" and path.name == "mci.toml":
        return load_mci
    if path.parent.name == "rates":
        return load_shipped_rates
    return None


class Catalogue:
    """Every encoded provision, by id, with lookups by article."""

    def __init__(self, provisions: list[Provision]):
        self.by_id = {p.id: p for p in sorted(provisions, key=lambda p: _sort_key(p.id))}
        self.by_article: dict[tuple[str, str], list[Provision]] = {}
        for provision in self.by_id.values():
            self.by_article.setdefault((provision.code, provision.article), []).append(provision)

    def __iter__(self):
        return iter(self.by_id.values())

    def __len__(self):
        return len(self.by_id)


def _sort_key(pid: str):
    parts = pid.split(".")[1:]
    return [(0, int(n), "") if n.isdigit() else (1, 0, n) for piece in parts for n in piece.split("-")]


@cached
def article(code: str, number: str) -> tuple[Provision, ...]:
    """The provisions of one article, loading only its file (empty if it is not encoded)."""
    if "/" in number or "\\" in number or number.startswith("."):
        return ()
    path = statutes_dir() / "kz" / code / f"{number}.toml"
    if not path.is_file():
        return ()
    return tuple(load_article(path))


@cached
def catalogue(code: str | None = None) -> Catalogue:
    """Every encoded provision (of one Code, reading only its files, if `code` is given); the
    objects are the ones `article()` returns."""
    provisions: list[Provision] = []
    problems: list[Problem] = []
    for path in article_files():
        if code is not None and path.parent.name != code:
            continue
        try:
            provisions.extend(article(path.parent.name, path.stem))
        except DataFileError as error:
            problems.extend(error.problems)
    if problems:
        raise DataFileError(problems)
    return Catalogue(provisions)
