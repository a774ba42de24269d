"""Search: articles and their parts by words of their titles and summaries, in Russian, Kazakh and English.

`search("кража")` finds CC 188; `search("insult", code="cc")` the insult articles; filters keep
the parts in force on a date (`on`), whose fine can exceed a number of MCI (`fine_above_mci`), or
whose sanction names arrest (`arrest=True`).

Word forms. Russian and English words are reduced to their stems by the Snowball stemmers
(`snowballstemmer`: "кражи" and "кража" are both "краж", "insulting" is "insult"). PyPI has no
maintained Kazakh stemmer that installs from the registry alone (`kazstem` needs a separately
built HFST toolchain and lexicon; snowballstemmer has no Kazakh), so Kazakh words are matched by a
documented fallback, not a hand-written stemmer: two words match when they are equal, or share a
prefix of at least four letters that covers all of the shorter word but at most its last letter
(Kazakh adds suffixes at the end and may voice the stem's last consonant before them: "ұрлық",
"ұрлығы"). The Latin "i" that some official Kazakh texts print for "і" is read as "і".

Ranking. Each query word scores, in each article, its best match: 3 in the title, 1 in a part's
summary (a Kazakh prefix match counts two thirds of that); a word's score is weighted by its
rarity across the articles (inverse document frequency, log(1 + N / n)). An article's score is the
sum over the query's words; the articles are ordered by score, then by code and article number.
An article matching no query word is not a result.

The index is built on the first search (never at import) from the catalogue of encoded
provisions, and kept by the store (`penalties.data.store`: `store.clear()` forgets it).
"""

from __future__ import annotations

import functools
import math
import re
from datetime import date
from decimal import Decimal

import attrs

from . import inputs
from .data import store
from .errors import OutOfCoverageError, UserInputError
from .law.provisions import CODES, Provision, Version

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# words too common to search by (articles, conjunctions, prepositions)
_STOP = frozenset(
    """
    a an and or of the to in on by for with from at as its their is be
    и в во на с со по или за от для из к о об при без не а также
    және мен немесе үшін бойынша
""".split()
)
TITLE_WEIGHT, SUMMARY_WEIGHT = 3.0, 1.0
KAZAKH_PREFIX_FACTOR = 2 / 3
KAZAKH_MIN_PREFIX = 4


@functools.cache
def _stemmer(language: str):
    import snowballstemmer

    return snowballstemmer.stemmer(language)


def words_of(text: str) -> list[str]:
    """The words of `text`, lower-case, ё as е, a Latin i inside a Cyrillic word as Kazakh і."""
    out = []
    for found in _WORD.findall(text.lower().replace("ё", "е")):
        word = found.replace("i", "і") if _CYRILLIC.search(found) else found
        if word not in _STOP:
            out.append(word)
    return out


def stems(text: str, lang: str) -> list[str]:
    """The index terms of `text` in `lang`: Snowball stems (ru, en) or the words themselves (kk)."""
    found = words_of(text)
    if lang == "ru":
        return _stemmer("russian").stemWords(found)
    if lang == "en":
        return _stemmer("english").stemWords(found)
    return found


def kazakh_match(a: str, b: str) -> bool:
    """The Kazakh fallback: equal, or a common prefix of ≥ 4 letters covering the shorter word but its last letter."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    common = 0
    while common < shorter and a[common] == b[common]:
        common += 1
    return common >= KAZAKH_MIN_PREFIX and common >= shorter - 1


@attrs.frozen
class _Entry:
    code: str
    number: str
    parts: tuple[Provision, ...]
    title: dict[str, frozenset[str]]  # lang -> terms of the title
    summary: dict[str, frozenset[str]]  # lang -> terms of the parts' summaries


@attrs.frozen
class _Index:
    entries: tuple[_Entry, ...]
    kazakh_words: frozenset[str]

    def document_frequency(self, matches) -> int:
        return sum(1 for e in self.entries if matches(e))


@store.cached  # forgotten by store.clear(), with the catalogue it is built from
def _index() -> _Index:
    from .data.articles import catalogue

    by_article: dict[tuple[str, str], list[Provision]] = {}
    for p in catalogue():
        by_article.setdefault((p.code, p.article), []).append(p)
    entries = []
    for (code, number), parts in by_article.items():
        title = parts[0].title
        summaries = " ".join(p.summary for p in parts if p.summary)
        entries.append(
            _Entry(
                code,
                number,
                tuple(parts),
                {lang: frozenset(stems(title.get(lang) or "", lang)) for lang in ("ru", "kk", "en")},
                {"en": frozenset(stems(summaries, "en"))},
            )
        )
    return _Index(tuple(entries), frozenset(w for e in entries for w in e.title["kk"]))


@attrs.frozen
class SearchHit:
    """An article that matches: its label, title, `score` (see the module's ranking), the query
    `words` it matched, and `parts`: the ids of its provisions that pass the filters."""

    article: str
    label: str
    code: str
    number: str
    title: dict
    score: float
    words: tuple[str, ...]
    parts: tuple[str, ...]

    def to_dict(self) -> dict:
        return {
            "article": self.article,
            "label": self.label,
            "code": self.code,
            "number": self.number,
            "title": dict(self.title),
            "score": self.score,
            "words": list(self.words),
            "parts": list(self.parts),
        }


def _query_terms(word: str, lang: str | None) -> dict[str, str]:
    """The terms one query word is looked up as, by language (only `lang`'s if given)."""
    latin = not _CYRILLIC.search(word)
    terms = {}
    if lang in (None, "en") and latin:
        terms["en"] = _stemmer("english").stemWord(word)
    if lang in (None, "ru") and not latin:
        terms["ru"] = _stemmer("russian").stemWord(word)
    if lang in (None, "kk") and not latin:
        terms["kk"] = word
    return terms


def _word_score(entry: _Entry, terms: dict[str, str]) -> float:
    best = 0.0
    for lang, term in terms.items():
        if lang == "kk":
            if term in entry.title["kk"]:
                best = max(best, TITLE_WEIGHT)
            elif any(kazakh_match(term, w) for w in entry.title["kk"]):
                best = max(best, TITLE_WEIGHT * KAZAKH_PREFIX_FACTOR)
            continue
        if term in entry.title[lang]:
            best = max(best, TITLE_WEIGHT)
        elif term in entry.summary.get(lang, ()):
            best = max(best, SUMMARY_WEIGHT)
    return best


def _fine_max_mci(version: Version) -> Decimal | None:
    """The largest fine in MCI any sanction of the version names (main or additional), if any."""
    highs = [
        i.max.value
        for s in version.sanctions
        for i in s.main + s.additional
        if i.kind == "fine" and i.max is not None and i.max.unit == "MCI"
    ]
    return max(highs) if highs else None


def _passes(p: Provision, on: date | None, fine_above: Decimal | None, arrest: bool | None) -> bool:
    if on is None:
        version = p.versions[-1]  # without a date: the newest wording encoded
    else:
        try:
            version = p.version_on(on)
        except OutOfCoverageError:  # not in force then, or its wording not read
            return False
    if on is not None and version.abolished:
        return False
    if fine_above is not None:
        high = _fine_max_mci(version)
        if high is None or high <= fine_above:
            return False
    if arrest is not None:
        names_arrest = any(i.kind == "arrest" for s in version.sanctions for i in s.main)
        if names_arrest != arrest:
            return False
    return True


def search(
    words: str,
    code: str | None = None,
    on: date | None = None,
    fine_above_mci=None,
    arrest: bool | None = None,
    lang: str | None = None,
    limit: int | None = None,
) -> tuple[SearchHit, ...]:
    """Articles whose titles (or parts' summaries) have `words`, best first (see the module's ranking).

    `code` ("cc"/"ac") keeps one Code; `on` keeps the parts in force on that date; `fine_above_mci`
    keeps the parts whose fine can exceed that many MCI (in the wording on `on`, or the newest);
    `arrest=True` the parts whose sanction names arrest among its main punishments (`False`: those
    that do not; the General Part's availability of arrest is not applied here, `assess()` does
    that); `lang` ("ru", "kk", "en") matches only that language's titles. An article is a result
    when some part passes the filters. `limit` caps the number of results.
    """
    text = inputs.text(words, "words")
    if code is not None and code not in CODES:
        raise UserInputError(f"unknown code {code!r}; use cc or ac")
    on = inputs.optional_date(on, "on")
    fine_above = None if fine_above_mci is None else inputs.amount(fine_above_mci, "fine_above_mci")
    if arrest is not None and not isinstance(arrest, bool):
        raise UserInputError(f"arrest is True, False or None, not {arrest!r}")
    if lang is not None:
        from .output.formatting import check_lang

        check_lang(lang)
    if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or limit < 1):
        raise UserInputError(f"limit is a positive whole number, not {limit!r}")
    query = list(dict.fromkeys(words_of(text)))
    if not query:
        raise UserInputError(f"no word to search for in {text!r}")

    index = _index()
    total = len(index.entries)
    weighted = []
    for word in query:
        terms = _query_terms(word, lang)
        frequency = index.document_frequency(lambda e, t=terms: _word_score(e, t) > 0)
        weighted.append((word, terms, math.log(1 + total / frequency) if frequency else 0.0))
    hits = []
    for entry in index.entries:
        if code is not None and entry.code != code:
            continue
        score, matched = 0.0, []
        for word, terms, idf in weighted:
            s = _word_score(entry, terms)
            if s:
                score += s * idf
                matched.append(word)
        if not matched:
            continue
        parts = tuple(p.id for p in entry.parts if _passes(p, on, fine_above, arrest))
        if not parts:
            continue
        hits.append(
            SearchHit(
                f"kz.{entry.code}.{entry.number}",
                f"{CODES[entry.code]} {entry.number}",
                entry.code,
                entry.number,
                dict(entry.parts[0].title),
                round(score, 3),
                tuple(matched),
                parts,
            )
        )
    hits.sort(key=lambda h: (-h.score, h.code, _number_key(h.number)))
    return tuple(hits[:limit] if limit else hits)


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(n) for n in number.split("-"))
