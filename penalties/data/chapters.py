"""The chapters of each Code's Special Part: number, titles and article range (`chapters.toml`).

`statutes/kz/<code>/chapters.toml` records each chapter's heading as the official text of one
redaction gives it (Russian, and Kazakh where read; the English title is the project's own
translation and the file says so), the first and last article of the chapter in that redaction,
and the pinned corpus URLs the heading was read in. A chapter runs from the article after its
heading to the article before the next heading, so the ranges follow each other without overlap.
`penalties check` validates the file and that every encoded article falls in exactly one chapter.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import attrs

from ..data.paths import statutes_dir
from ..data.store import cached
from ..data.toml import read_toml
from ..errors import DataFileError
from .checker import Checker

CHAPTERS_FILE = "chapters.toml"
_NUMBER = re.compile(r"^[1-9][0-9]{0,2}(-[1-9][0-9]?)?$")
_ARTICLE = re.compile(r"^[1-9][0-9]{0,3}(-[1-9][0-9]?)?$")
_PINNED = re.compile(r"^https://github\.com/kazakhstan-law/codes/blob/[0-9a-f]{40}/\S+$")
_TITLE_LANGS = {"title_ru": "ru", "title_kk": "kk", "title_en": "en"}


def article_key(article: str) -> tuple[int, int]:
    """An article number in the Code's order: "188" < "188-1" < "189"."""
    head, _, tail = article.partition("-")
    return int(head), int(tail or 0)


@attrs.frozen
class Chapter:
    """One chapter of a Code's Special Part, as headed in the redaction read."""

    code: str
    number: str
    first: str  # the first article after the heading
    last: str  # the last article before the next heading (or the end of the Special Part)
    title: dict[str, str]  # ru and, where read, kk: official; en: the project's translation
    sources: tuple[str, ...]
    redaction: date

    def holds(self, article: str) -> bool:
        return article_key(self.first) <= article_key(article) <= article_key(self.last)

    @property
    def label(self) -> str:
        return f"{self.code.upper()} chapter {self.number}"


def load_chapters(path: Path) -> tuple[Chapter, ...]:
    """The chapters of one `chapters.toml`; `DataFileError` with file:line for any problem."""
    data, lines = read_toml(path)
    c = Checker(path, lines)
    c.keys(data, (), {"code", "redaction", "english", "chapters"}, {"look_ups"})
    code = c.typed(data, "code", (), str)
    redaction = c.typed(data, "redaction", (), date)
    c.typed(data, "english", (), str)
    if code is not None and code != path.parent.name:
        c.problem(("code",), f"code {code!r} does not match the folder {path.parent.name!r}")
    out: list[Chapter] = []
    for i, table in enumerate(c.typed(data, "chapters", (), list, [])):
        where = ("chapters", i)
        if not isinstance(table, dict):
            c.problem(where, "each [[chapters]] entry should be a table")
            continue
        c.keys(table, where, {"number", "first", "last", "title_ru", "title_en", "sources"}, {"title_kk"})
        number = c.typed(table, "number", where, str)
        first = c.typed(table, "first", where, str)
        last = c.typed(table, "last", where, str)
        titles = {lang: c.typed(table, key, where, str) for key, lang in _TITLE_LANGS.items()}
        sources = c.typed(table, "sources", where, list, [])
        if number is not None and not _NUMBER.match(number):
            c.problem(where + ("number",), f"chapter number {number!r} is not a number like '12' or '44-1'")
        for name, value in (("first", first), ("last", last)):
            if value is not None and not _ARTICLE.match(value):
                c.problem(where + (name,), f"{name} {value!r} is not an article number like '188' or '188-1'")
        for key, lang in _TITLE_LANGS.items():
            if key in table and not (titles[lang] or "").strip():
                c.problem(where + (key,), f"{key} should be a non-empty string")
        if not sources:
            c.problem(where + ("sources",), "a chapter needs the pinned corpus URL(s) its heading was read in")
        for k, url in enumerate(sources):
            if not isinstance(url, str) or not _PINNED.match(url):
                c.problem(
                    where + ("sources", k),
                    f"source {url!r} is not a pinned kazakhstan-law/codes URL "
                    "(https://github.com/kazakhstan-law/codes/blob/<40-hex commit>/…)",
                )
        if None in (code, redaction, number, first, last) or not all(
            isinstance(t, str) and t.strip() for lang, t in titles.items() if lang != "kk"
        ):
            continue
        if not (_ARTICLE.match(first) and _ARTICLE.match(last) and _NUMBER.match(number)):
            continue
        chapter = Chapter(
            code,
            number,
            first,
            last,
            {lang: t for lang, t in titles.items() if t},
            tuple(s for s in sources if isinstance(s, str)),
            redaction,
        )
        if article_key(first) > article_key(last):
            c.problem(where + ("first",), f"chapter {number}: first article {first} comes after the last, {last}")
        elif out:
            before = out[-1]
            if article_key(number) <= article_key(before.number):
                c.problem(
                    where + ("number",),
                    f"chapter {number} follows chapter {before.number}: chapters are listed in the Code's order",
                )
            if article_key(first) <= article_key(before.last):
                c.problem(
                    where + ("first",),
                    f"chapter {number} starts at article {first}, inside chapter "
                    f"{before.number} ({before.first}-{before.last})",
                )
        out.append(chapter)
    if c.problems:
        raise DataFileError(c.problems)
    return tuple(out)


@cached
def chapters(code: str) -> tuple[Chapter, ...]:
    """The chapters of `code` ("cc" or "ac"), in order; empty when the Code has no chapters file."""
    path = statutes_dir() / "kz" / code / CHAPTERS_FILE
    return load_chapters(path) if path.is_file() else ()


def chapter_of(code: str, article: str) -> Chapter | None:
    """The chapter holding `article` of `code`, or None (no chapters file, or not in any range)."""
    return next((ch for ch in chapters(code) if ch.holds(article)), None)


def unplaced(found: tuple[Chapter, ...], articles: set[str]) -> list[str]:
    """The articles of `articles` that no chapter of `found` holds (the ranges cannot overlap)."""
    return sorted((a for a in articles if _ARTICLE.match(a) and not any(ch.holds(a) for ch in found)), key=article_key)
