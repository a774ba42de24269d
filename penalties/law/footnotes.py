"""The official footnotes of an article ("Сноска. …"): which acts amended it, and from when.

Every article of the reference bank ends with footnotes such as
"Сноска. Статья 174 с изменениями, внесенными законами РК от 26.07.2016 № 12-VІ (вводится в действие
по истечении двух месяцев после дня его первого официального опубликования); от 26.06.2020 № 349-VI
(вводится в действие по истечении десяти календарных дней …)." `amendments()` lists the acts they
name with each act's entry-into-force rule as the footnote words it; `first_day()` turns a rule into
the first day the change applied, exactly or as the earliest possible day when the act's
publication date is unknown.

Conventions (as in the hand-encoded files, e.g. statutes/kz/cc/174.toml): "по истечении N
календарных дней после дня первого официального опубликования" on publication day P gives P + N + 1;
"по истечении N месяцев" gives P + N months + 1 day; "со дня первого официального опубликования"
gives P; "с DD.MM.YYYY" gives that day. With P unknown, the earliest possible day takes P = the
signing day (an act is published on or after the day it is signed).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import attrs

from ..errors import FootnoteError


@attrs.frozen
class Amendment:
    """One act a footnote names: its number as written, the day it was signed, and its rule."""

    number: str
    signed: date
    rule: str            # the words in the brackets after the act, e.g. "вводится в действие с 01.01.2015"
    change: str          # "amended", "repealed", "added", "reworded" (what the footnote says it did)
    subject: str         # what the footnote is about: "Статья 174", "Часть 2 статьи 188", "Заголовок статьи 174"


@attrs.frozen
class FirstDay:
    """The first day a change applied: `earliest` always; `latest` equal to it when exact, or None
    when it depends on a publication date not known."""

    earliest: date
    latest: date | None
    reason: str

    @property
    def exact(self) -> bool:
        return self.latest == self.earliest


_ACT = re.compile(r"от\s+(\d{2})\.(\d{2})\.(\d{4})\s*(?:года\s*)?№\s*([0-9]+\s*[-–]\s*[IVXІ]+|[0-9]+)")
_CHANGE = (("исключен", "repealed"), ("дополнен", "added"), ("в редакции", "reworded"), ("изменени", "amended"))
_LOOKALIKE = str.maketrans({"І": "I", "і": "i", "–": "-", " ": ""})


def normal_number(number: str) -> str:
    """An act number with Cyrillic look-alike letters and dashes made plain: "292-VІ" → "292-VI"."""
    return number.translate(_LOOKALIKE)


def _brackets_after(text: str, start: int) -> str:
    """The balanced (…) group right after `start` (spaces allowed), without its brackets; "" if none."""
    i = start
    while i < len(text) and text[i] in " \u00a0":
        i += 1
    if i >= len(text) or text[i] != "(":
        return ""
    depth = 0
    for j in range(i, len(text)):
        depth += {"(": 1, ")": -1}.get(text[j], 0)
        if depth == 0:
            return text[i + 1:j].strip()
    raise FootnoteError(text, "unbalanced brackets in a footnote")


def amendments(footnote: str) -> list[Amendment]:
    """Every act named in one footnote, in the order written."""
    text = re.sub(r"\s+", " ", footnote.replace("\u00a0", " ")).strip()
    head = re.match(r"^(?:Сноска|Примечание ИЗПИ)\.\s*(.*?)(?=\s+(?:с изменени|исключен|дополнен|в редакции|изложен))", text)
    subject = head.group(1) if head else ""
    lowered = text.lower()
    change = next((name for stem, name in _CHANGE if stem in lowered), "amended")
    out = []
    for match in _ACT.finditer(text):
        day, month, year, number = match.groups()
        try:
            signed = date(int(year), int(month), int(day))
        except ValueError:
            raise FootnoteError(text, f"not a date: {day}.{month}.{year}") from None
        out.append(Amendment(re.sub(r"\s+", "", number), signed, _brackets_after(text, match.end()), change, subject))
    return out


# ------------------------------------------------------------------ entry into force

_COUNT = {
    "одного": 1, "двух": 2, "трех": 3, "четырех": 4, "пяти": 5, "шести": 6, "семи": 7, "восьми": 8,
    "девяти": 9, "десяти": 10, "пятнадцати": 15, "двадцати": 20, "тридцати": 30, "сорока": 40,
    "сорока пяти": 45, "шестидесяти": 60, "девяноста": 90, "двадцати одного": 21,
}
_DAYS = re.compile(r"по истечении ([а-я ]+?) календарн[а-я]+ дн[а-я]+ после дня (?:его )?первого официального опубликования")
_MONTHS = re.compile(r"по истечении ([а-я ]+?) (?:месяцев|месяца) после дня (?:его )?первого официального опубликования")
_ON_PUBLICATION = re.compile(r"со дня (?:его )?первого официального опубликования")
_FROM_DATE = re.compile(r"^вводится в действие с (\d{2})\.(\d{2})\.(\d{4})")


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last = [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return date(year, month, min(day.day, last[month - 1]))


def first_day(amendment: Amendment, published: date | None = None) -> FirstDay:
    """The first day `amendment`'s change applied, by the rule its footnote states.

    Only the main rule is read: where the rule continues "за исключением …", the exceptions are
    left to the reader of `reason`, which quotes them.
    """
    rule = re.sub(r"\s+", " ", amendment.rule).strip()
    main = rule.split(", за исключением")[0].split("; ")[0]
    base = published or amendment.signed
    known = published is not None
    note = f" (rule: {rule!r})" if "за исключением" in rule or "кроме" in rule else ""
    if m := _FROM_DATE.match(main):
        day = date(int(m[3]), int(m[2]), int(m[1]))
        return FirstDay(day, day, f"in force from {day.isoformat()} by the footnote" + note)
    if m := _DAYS.search(main):
        n = _count(m[1], rule)
        day = base + timedelta(days=n + 1)
        return _dated(day, known, f"{n} calendar days after first official publication", amendment, note)
    if m := _MONTHS.search(main):
        n = _count(m[1], rule)
        day = _add_months(base, n) + timedelta(days=1)
        return _dated(day, known, f"{n} months after first official publication", amendment, note)
    if _ON_PUBLICATION.search(main):
        return _dated(base, known, "from the day of first official publication", amendment, note)
    raise FootnoteError(rule or amendment.number, "an entry-into-force rule this module cannot read")


def _count(words: str, rule: str) -> int:
    words = words.strip()
    if words not in _COUNT:
        raise FootnoteError(rule, f"unknown number {words!r}")
    return _COUNT[words]


def _dated(day: date, known: bool, what: str, amendment: Amendment, note: str) -> FirstDay:
    if known:
        return FirstDay(day, day, f"{what}; publication date known" + note)
    return FirstDay(day, None, f"{what}; publication date not known: {day.isoformat()} is the earliest possible "
                               f"day (signed {amendment.signed.isoformat()})" + note)
