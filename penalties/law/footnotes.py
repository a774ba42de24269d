"""Reading official amendment footnotes: which acts changed a provision, when signed, under which rule (pure).

The footnotes of the official texts (zan.gov.kz, adilet) read "Сноска. Статья 174 с изменениями,
внесенными законами РК от 26.07.2016 № 12-VІ (вводится в действие …); от …".

    >>> parse_footnote("Сноска. Статья 130 исключена Законом РК от 26.06.2020 № 349-VI (вводится в "
    ...                "действие по истечении десяти календарных дней после дня его первого официального "
    ...                "опубликования).")
    [('349-VI', datetime.date(2020, 6, 26), 'вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования')]

`parse_footnote(text)` gives `(number, signed, rule)` for each act the footnote names, in order:
the number as printed (often with a Cyrillic "І": look it up with `penalties.data.acts`, which
normalises it), the signing date, and the rule phrase in the parentheses after it (None when
there is none, or when the quote elides it as "(...)"); `first_day()` in
`penalties.law.entry_into_force` reads the rule. `read_footnote(text)` gives the same with the
subject ("Статья 174", "Заголовок статьи 400", "Кодекс") and, for each act, the kind of change:

    amended                   "с изменениями, внесенными", "с изменением, внесенным"
    amended_and_supplemented  "с изменениями и дополнениями, внесенными"
    supplemented              "с дополнениями, внесенными", "с дополнением, внесенным"
    restated                  "в редакции Закона …"
    repealed                  "исключена Законом …"
    added                     "дополнен(а) статьей … в соответствии с Законом …"

A footnote may list several kinds ("Статья 86 в редакции Закона РК от … № 415-V (…); с изменениями,
внесенными Законом РК от … № 300-VІ (…)"): each act has the kind last named before it. A text
naming no act ("от DD.MM.YYYY № N") raises `FootnoteError`.
"""

from __future__ import annotations

import re
from datetime import date

import attrs

from ..errors import EntryIntoForceError, FootnoteError
from .entry_into_force import FirstDay, first_day
from .provenance import Act

CHANGES = ("amended", "amended_and_supplemented", "supplemented", "restated", "repealed", "added")

# longest first: "с изменениями и дополнениями" before "с изменениями"
_CHANGE_PHRASES = (
    (r"с\s+изменениями\s+и\s+дополнениями", "amended_and_supplemented"),
    (r"с\s+изменени(?:ем|ями)", "amended"),
    (r"с\s+дополнени(?:ем|ями)", "supplemented"),
    (r"в\s+редакции", "restated"),
    (r"исключен[аоы]?", "repealed"),
    (r"дополнен[аоы]?\s+(?:стать[а-я]+|част[а-я]+|пункт[а-я]*|подпункт[а-я]*|глав[а-я]+)", "added"),
)
_CHANGE = re.compile("|".join(f"(?P<c{i}>(?<!\\w){p}\\b)" for i, (p, _) in enumerate(_CHANGE_PHRASES)), re.IGNORECASE)
# "№ 95-VIII ЗРК (вводится …)": a few footnotes add the act's form, "ЗРК" (закон Республики Казахстан),
# after its number; the rule's parenthesis follows it
_ACT = re.compile(
    r"от\s+(?P<d>\d{2})\.(?P<m>\d{2})\.(?P<y>\d{4})\s*(?:года\s*)?№\s*(?P<number>[0-9]+(?:\s*-\s*[A-Za-zА-Яа-яІі]+)?)(?:\s+ЗРК\b)?"
)
_RULE_AHEAD = re.compile(
    r"^(?P<rule>вводится\s+в\s+действие\s+с\s+\d{2}\.\d{2}\.\d{4})\s+в\s+соответствии\s+с\s+закон", re.I
)
_PREFIX = re.compile(r"^\s*Сноска\.\s*", re.IGNORECASE)
_ELIDED = re.compile(r"^\s*(?:\.\.\.|…)\s*$")


@attrs.frozen
class Entry:
    """One act a footnote names: its number (as printed), signing date, rule phrase, kind of change."""

    number: str
    signed: date
    rule: str | None
    change: str | None

    def first_day(self, published: date | None = None) -> FirstDay:
        """The first day this act's change applied, by the rule the footnote states (with the act's
        first publication when known); `EntryIntoForceError` for a rule that cannot be read, or none."""
        if self.rule is None:
            raise EntryIntoForceError(self.number, "entry-into-force rule (the footnote gives none)")
        return first_day(Act(self.number, self.signed, published=published), self.rule)


@attrs.frozen
class Footnote:
    subject: str
    entries: tuple[Entry, ...]

    def acts(self) -> list[tuple[str, date, str | None]]:
        return [(e.number, e.signed, e.rule) for e in self.entries]


def read_footnote(text: str) -> Footnote:
    """The subject of `text` and every act it names, with the kind of change and the rule."""
    if not isinstance(text, str):
        raise FootnoteError(repr(text), "amendment footnote (a Russian text)")
    body = _PREFIX.sub("", " ".join(text.split()))
    changes = [
        (m.start(), next(kind for i, (_, kind) in enumerate(_CHANGE_PHRASES) if m.group(f"c{i}")))
        for m in _CHANGE.finditer(body)
    ]
    entries: list[Entry] = []
    # "Вводится в действие с 01.01.2027 в соответствии с Законом РК от 30.12.2025 № 247-VIII." (AC 411-1 of
    # 12.07.2026): the rule stands before the act it follows from, not in a parenthesis after it
    ahead = _RULE_AHEAD.match(body)
    for match in _ACT.finditer(body):
        before = [kind for start, kind in changes if start < match.start()]
        rule = _parenthesis(body, match.end())
        if rule is None and ahead is not None and not entries:
            rule = ahead["rule"]
        entries.append(
            Entry(
                number=re.sub(r"\s+", "", match["number"]),
                signed=_date(match, text),
                rule=None if rule is None or _ELIDED.match(rule) else rule,
                change=before[-1] if before else None,
            )
        )
    if not entries:
        raise FootnoteError(text, "amendment footnote (no act 'от DD.MM.YYYY № N' in it)")
    first_change = changes[0][0] if changes else _ACT.search(body).start()  # type: ignore[union-attr]  # entries came from _ACT matches in body
    subject = body[:first_change].strip(" .,;")
    return Footnote(subject, tuple(entries))


def parse_footnote(text: str) -> list[tuple[str, date, str | None]]:
    """`(number, signed, rule_phrase)` for each act the footnote names, in order."""
    return read_footnote(text).acts()


def _date(match: re.Match, text: str) -> date:
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        raise FootnoteError(text, f"amendment footnote (no such date {match.group(0)!r})") from None


def _parenthesis(body: str, end: int) -> str | None:
    """The text of a parenthesis opening right after `end` (spaces allowed), balanced; else None."""
    i = end
    while i < len(body) and body[i] == " ":
        i += 1
    # "от 29.12.2014№ 272-V. (вводится в действие 01.01.2015)" (AC 618 of 11.07.2017): a stray period before it
    if body[i : i + 3] == ". (":
        i += 2
    if i >= len(body) or body[i] != "(":
        return None
    depth, start = 0, i + 1
    for j in range(i, len(body)):
        if body[j] == "(":
            depth += 1
        elif body[j] == ")":
            depth -= 1
            if depth == 0:
                return body[start:j].strip()
    return body[start:].strip()  # unclosed: the rest (quotes are often cut short)
