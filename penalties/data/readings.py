"""Readings: the official text of a Code's articles as transcribed from one redaction, verbatim.

A reading file (`statutes/kz/readings/<code>/<YYYY-MM-DD>/<lang>/<first>-<last>.toml`) holds, for
a range of articles, what one redaction of the official text says: each article's title, its
footnotes (the amending acts, "Сноска. …"), and each part's sanction sentence word for word. It
says nothing the text does not: no dates of versions, no structured sanctions. Those are derived
(by `penalties.data.reader` and the article builder) and the article files cite the reading.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import attrs

from ..data.paths import statutes_dir
from ..data.toml import read_toml
from ..errors import DataFileError
from .checker import Checker
from .store import cached

REPO = "https://github.com/kazakhstan-law/codes/blob"
#: the two path layouts of the corpus; readings name files relative to the language folder
CODE_FOLDERS = {
    ("cc", "new"): "02-codes/20140703-ugolovnyi-kodeks-respubliki-kazakhstan-81097",
    ("cc", "old"): "02-codes/2014/0703-ugolovnyi-kodeks-respubliki-kazakhstan-81097",
    ("ac", "new"): "02-codes/20140705-ob-administrativnykh-pravonarusheniiakh-81245",
    ("ac", "old"): "02-codes/2014/0705-ob-administrativnykh-pravonarusheniiakh-81245",
}
_LANG_FOLDERS = {"ru": "rus", "kk": "kaz"}


@attrs.frozen
class PartReading:
    part: str | None
    item: str | None
    sanction: str | None
    repealed: str | None


@attrs.frozen
class ArticleReading:
    """One article as one redaction's official text has it."""

    article: str
    title: str
    repealed: str | None
    footnotes: tuple[str, ...]
    parts: tuple[PartReading, ...]
    redaction: date
    lang: str
    url: str
    where: str  # file:line of the article in the reading file
    code: str = attrs.field(default="cc", kw_only=True)

    def part(self, part: str | None, item: str | None = None) -> PartReading | None:
        return next((p for p in self.parts if p.part == part and p.item == item), None)


def reading_files(code: str, root: Path | None = None) -> list[Path]:
    base = Path(root or statutes_dir()) / "kz" / "readings" / code
    return sorted(base.glob("*/*/*.toml"))


def load_reading_file(path: Path) -> list[ArticleReading]:
    """The articles of one reading file; `DataFileError` with file:line for any problem."""
    data, lines = read_toml(path)
    c = Checker(path, lines)
    c.keys(
        data,
        (),
        {"redaction", "lang", "commit", "articles"},
        {"articles_from", "articles_to", "look_ups", "unread", "source_line", "files", "notes", "layout"},
    )
    redaction = c.typed(data, "redaction", (), date)
    lang = c.typed(data, "lang", (), str)
    commit = c.typed(data, "commit", (), str)
    layout = c.typed(data, "layout", (), str, "new")
    if layout not in ("new", "old"):
        c.problem(("layout",), f"layout should be 'new' or 'old', got {layout!r}")
    if lang is not None and lang not in _LANG_FOLDERS:
        c.problem(("lang",), f"lang should be ru or kk, got {lang!r}")
    if commit is not None and (len(commit) != 40 or any(ch not in "0123456789abcdef" for ch in commit)):
        c.problem(("commit",), "commit should be the 40 hexadecimal digits of the corpus commit")
    if redaction is not None and path.parent.parent.name != redaction.isoformat():
        c.problem(("redaction",), f"redaction {redaction} does not match the folder {path.parent.parent.name!r}")
    if lang is not None and path.parent.name != lang:
        c.problem(("lang",), f"lang {lang!r} does not match the folder {path.parent.name!r}")
    code = path.parent.parent.parent.name
    articles: list[ArticleReading] = []
    seen: set[str] = set()
    for i, table in enumerate(c.typed(data, "articles", (), list, [])):
        where = ("articles", i)
        if not isinstance(table, dict):
            c.problem(where, "each [[articles]] entry should be a table")
            continue
        c.keys(table, where, {"article", "title"}, {"file", "repealed", "footnotes", "parts", "notes"})
        number = c.typed(table, "article", where, str)
        title = c.typed(table, "title", where, str)
        file = c.typed(table, "file", where, str)
        repealed = c.typed(table, "repealed", where, str) or None
        footnotes = c.typed(table, "footnotes", where, list, [])
        if any(not isinstance(f, str) for f in footnotes):
            c.problem(where + ("footnotes",), "footnotes should be a list of strings")
        if number in seen:
            c.problem(where + ("article",), f"article {number!r} appears twice")
        seen.add(number)
        parts = []
        for j, part in enumerate(c.typed(table, "parts", where, list, [])):
            pwhere = where + ("parts", j)
            if not isinstance(part, dict):
                c.problem(pwhere, "each [[articles.parts]] entry should be a table")
                continue
            c.keys(part, pwhere, {"part"}, {"item", "sanction", "repealed", "notes"})
            sanction = c.typed(part, "sanction", pwhere, str) or None
            part_repealed = c.typed(part, "repealed", pwhere, str) or None
            if not sanction and not part_repealed:
                c.problem(pwhere, "a part needs its 'sanction' (or 'repealed')")
            parts.append(
                PartReading(
                    c.typed(part, "part", pwhere, str) or None,
                    c.typed(part, "item", pwhere, str) or None,
                    sanction,
                    part_repealed,
                )
            )
        if None in (number, title, redaction, lang, commit):
            continue
        folder = _LANG_FOLDERS.get(lang, lang)
        relative = file if file is None or file.startswith(folder + "/") else f"{folder}/{file}"
        url = f"{REPO}/{commit}/{CODE_FOLDERS.get((code, layout), code)}/{relative}" if file else ""
        articles.append(
            ArticleReading(
                number,
                title,
                repealed,
                tuple(f for f in footnotes if isinstance(f, str)),
                tuple(parts),
                redaction,
                lang,
                url,
                f"{path}:{c.lines.line_of(where)}",
                code=code,
            )
        )
    if c.problems:
        raise DataFileError(c.problems)
    return articles


def load_titles_en(path: Path) -> dict[str, str]:
    """`titles_en.toml` beside the readings: {article: English title} (the project's translation)."""
    data, lines = read_toml(path)
    c = Checker(path, lines)
    c.keys(data, (), {"titles"}, set())
    titles = c.typed(data, "titles", (), dict, {})
    for number, title in titles.items():
        if not isinstance(title, str) or not title.strip():
            c.problem(("titles", number), "a title should be a non-empty string")
    if c.problems:
        raise DataFileError(c.problems)
    return dict(titles)


@attrs.frozen
class Correction:
    """An evident typo of the official text and how the sanction reader reads it instead.

    The quote (`text_ru`) stays verbatim; only the reader sees `read_as` in place of `wrong`, and the
    article file records both with the reason (`reader_correction`), so the correction is never silent.
    """

    wrong: str
    read_as: str
    reason: str

    def table(self) -> dict:
        return {"wrong": self.wrong, "read_as": self.read_as, "reason": self.reason}


def corrected(text: str, corrections) -> tuple[str, tuple[Correction, ...]]:
    """`text` with each correction whose `wrong` words it contains applied (once), and those applied."""
    applied = []
    for correction in corrections:
        if correction.wrong in text:
            text = text.replace(correction.wrong, correction.read_as, 1)
            applied.append(correction)
    return text, tuple(applied)


def load_corrections(path: Path) -> dict[tuple[str, str], tuple[Correction, ...]]:
    """`corrections.toml` beside the readings, validated (file:line errors): {(article, part): corrections}.

    Each entry names the article and part, the `wrong` words exactly as the official text has them,
    what the reader reads instead (`read_as`) and why that is evidently meant (`reason`)."""
    data, lines = read_toml(path)
    c = Checker(path, lines)
    c.keys(data, (), {"corrections"}, set())
    out: dict[tuple[str, str], tuple[Correction, ...]] = {}
    for i, table in enumerate(c.typed(data, "corrections", (), list, [])):
        where = ("corrections", i)
        if not isinstance(table, dict):
            c.problem(where, "each [[corrections]] entry should be a table")
            continue
        c.keys(table, where, {"article", "wrong", "read_as", "reason"}, {"part"})
        values = {name: c.typed(table, name, where, str) for name in ("article", "part", "wrong", "read_as", "reason")}
        for name in ("wrong", "read_as", "reason"):
            if name in table and not (values[name] or "").strip():
                c.problem(where + (name,), f"{name} should be a non-empty string")
        if values["wrong"] and values["wrong"] == values["read_as"]:
            c.problem(where + ("read_as",), "read_as is the same as wrong: nothing is corrected")
        if not all(values[name] for name in ("article", "wrong", "read_as", "reason")):
            continue
        key = (values["article"], values["part"] or "")
        out[key] = out.get(key, ()) + (Correction(values["wrong"], values["read_as"], values["reason"]),)
    if c.problems:
        raise DataFileError(c.problems)
    return out


def load_reader_notes(path: Path) -> dict:
    """`notes.toml` / `exceptions.toml` beside the readings, validated (file:line errors):
    {(article, part): table} for notes, {(article, part, redaction): table} for exceptions."""
    data, lines = read_toml(path)
    c = Checker(path, lines)
    key = "notes" if path.name == "notes.toml" else "exceptions"
    c.keys(data, (), {key}, set())
    out = {}
    for i, table in enumerate(c.typed(data, key, (), list, [])):
        where = (key, i)
        if not isinstance(table, dict):
            c.problem(where, f"each [[{key}]] entry should be a table")
            continue
        if key == "notes":
            c.keys(table, where, {"article", "note"}, {"part"})
        else:
            c.keys(table, where, {"article", "redaction", "reason"}, {"part"})
        for name in ("article", "part", "note", "reason"):
            c.typed(table, name, where, str)
        key_of = (table.get("article"), table.get("part", ""))
        out[key_of if key == "notes" else key_of + (table.get("redaction"),)] = table
    if c.problems:
        raise DataFileError(c.problems)
    return out


def _number_key(article: str) -> tuple[int, int]:
    head, _, tail = article.partition("-")
    return (int(head), int(tail or 0)) if head.isdigit() and (tail or "0").isdigit() else (10**6, 0)


@cached
def absences(code: str) -> dict[date, frozenset[str]]:
    """For each redaction read (Russian), the articles known NOT to be in it: those a reading says
    are "not in this redaction", and, in a reading of a whole range of articles ("99-160.toml"),
    every article of the range it does not hold (the range was read through)."""
    found = readings(code)
    out: dict[date, set[str]] = {}
    every = {a for (_, lang), articles in found.items() if lang == "ru" for a in articles}
    for path in reading_files(code):
        if path.parent.name != "ru":
            continue
        data, _ = read_toml(path)
        day = data.get("redaction")
        if not isinstance(day, date):
            continue
        held = {t.get("article") for t in data.get("articles", []) if isinstance(t, dict)}
        absent = out.setdefault(day, set())
        unread = [u for u in data.get("unread", []) if isinstance(u, str)]
        absent |= {u.split(":")[0].strip() for u in unread if "not in this redaction" in u}
        first, last = str(data.get("articles_from", "")), str(data.get("articles_to", ""))
        if path.stem != "articles" and first[:1].isdigit():
            low = _number_key(first)
            high = _number_key(last) if last[:1].isdigit() else (10**6, 0)
            not_read = {u.split(":")[0].strip() for u in unread}
            absent |= {a for a in every if low <= _number_key(a) <= high and a not in held and a not in not_read}
    return {day: frozenset(a) for day, a in out.items()}


@cached
def readings(code: str) -> dict[tuple[date, str], dict[str, ArticleReading]]:
    """Every reading of `code`: {(redaction, lang): {article: ArticleReading}}."""
    out: dict[tuple[date, str], dict[str, ArticleReading]] = {}
    for path in reading_files(code):
        for article in load_reading_file(path):
            out.setdefault((article.redaction, article.lang), {})[article.article] = article
    return out


def left_out(code: str) -> dict[str, list[str]]:
    """What the builder left out of each article (statutes/kz/readings/<code>/left-out.md, which it
    writes): {article number: ["part 1: the reason", …]}; empty where the file is missing."""
    import re

    path = statutes_dir() / "kz" / "readings" / code / "left-out.md"
    found: dict[str, list[str]] = {}
    if not path.exists():
        return found
    article = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"- \*\*(?:CC|AC) (\S+)\*\*$", line):
            article = m.group(1)
            found[article] = []
        elif article and line.startswith("  - "):
            found[article].append(line[4:])
    return found
