"""The first day an act is in force, from the rule phrase of an official footnote (pure, no I/O).

    >>> from datetime import date
    >>> from penalties.law.provenance import Act
    >>> act = Act("327-VI", date(2020, 5, 13), published=date(2020, 5, 14))
    >>> first_day(act, "вводится в действие по истечении десяти календарных дней после дня его "
    ...                "первого официального опубликования").earliest
    datetime.date(2020, 5, 25)

The rules read, and the arithmetic (the project's convention, used by every statute file):

- "с 01.01.2020" (also "01.01.2020", "с 1 января 2020 года"): that day, exactly.
- "по истечении N календарных дней после дня его первого официального опубликования" (also
  without "календарных", without the words after "дней", and "N календарных дней" alone, as
  footnotes are quoted shortened, "(...шестидесяти календарных дней...)"):
  the period starts the day after first publication P and ends on P + N; the act is in force
  from the next day, **P + N + 1** (ten days: P + 11; statutes/kz/cc/174.toml, cc/403.toml).
- "по истечении N месяцев после дня …": the period ends on the day of the N-th month after P
  with P's number (or that month's last day, when it has no such day); first day: the next one,
  **P + N months + 1 day** (two months from 10.08.2016: 11.10.2016, statutes/kz/ac/460-1.toml).
- "со дня (его) первого официального опубликования": P itself.
- "порядок введения в действие см. ст. 2" (also "см. статью 2"): the footnote refers to an article
  of the amending act, which may set several rules (the footnotes of one act name several: 60 days,
  a fixed day, the day of publication); which one applies is not known from the footnote. No rule
  can make the act apply before it is published, nor be published before it is signed: `earliest`
  is P (the signing day when P is unknown), `latest` None, and `reason` says so.

When P is unknown (`act.published` is None), nothing is guessed: an act cannot be published
before it is signed, so `earliest` is the first day as if it had been published on the day it
was signed (ten days: signed + 11), `latest` is None (no upper bound is known), and `reason`
says so. A fixed date needs no P. Exceptions the phrase names ("за исключением …") are not
applied; `reason` names them. A phrase with none of these forms raises `EntryIntoForceError`.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

import attrs

from ..errors import EntryIntoForceError


@attrs.frozen
class FirstDay:
    """The first day in force: certainly not before `earliest`; on or before `latest` when that
    is known (None: unknown). Equal when the day is known. `reason` says how it was found."""

    earliest: date
    latest: date | None
    reason: str

    @property
    def exact(self) -> bool:
        return self.latest == self.earliest

    def __iter__(self):  # (earliest, latest, reason)
        return iter((self.earliest, self.latest, self.reason))


_UNITS = {
    "одного": 1,
    "одной": 1,
    "двух": 2,
    "трех": 3,
    "трёх": 3,
    "четырех": 4,
    "четырёх": 4,
    "пяти": 5,
    "шести": 6,
    "семи": 7,
    "восьми": 8,
    "девяти": 9,
}
_TEENS_AND_TENS = {
    "десяти": 10,
    "одиннадцати": 11,
    "двенадцати": 12,
    "тринадцати": 13,
    "четырнадцати": 14,
    "пятнадцати": 15,
    "шестнадцати": 16,
    "семнадцати": 17,
    "восемнадцати": 18,
    "девятнадцати": 19,
    "двадцати": 20,
    "тридцати": 30,
    "сорока": 40,
    "пятидесяти": 50,
    "шестидесяти": 60,
    "семидесяти": 70,
    "восьмидесяти": 80,
    "девяноста": 90,
}
_HUNDREDS = {
    "ста": 100,
    "двухсот": 200,
    "трехсот": 300,
    "трёхсот": 300,
    "четырехсот": 400,
    "четырёхсот": 400,
    "пятисот": 500,
    "шестисот": 600,
    "семисот": 700,
    "восьмисот": 800,
    "девятисот": 900,
}
_NUMBER_WORD = "|".join(sorted({**_UNITS, **_TEENS_AND_TENS, **_HUNDREDS}, key=len, reverse=True))
_NUMBER = rf"(?P<n>\b(?:\d+|(?:(?:{_NUMBER_WORD})\s+)*(?:{_NUMBER_WORD}))\b)"
_MONTH_NAMES = {
    "января": 1,
    "февраля": 2,
    "марта": 3,
    "апреля": 4,
    "мая": 5,
    "июня": 6,
    "июля": 7,
    "августа": 8,
    "сентября": 9,
    "октября": 10,
    "ноября": 11,
    "декабря": 12,
}
_PUBLICATION = r"(?:\s+после\s+дня\s+(?:его\s+|ее\s+|её\s+|их\s+)?первого\s+официального\s+опубликования)?"
_DAYS = re.compile(
    rf"(?:по\s+истечении\s+{_NUMBER}\s+(?:календарн\w+\s+)?|(?<!\w){_NUMBER.replace('<n>', '<m_>')}\s+календарн\w+\s+)"
    rf"(?:дн\w+|сут\w+){_PUBLICATION}"
)
_MONTHS = re.compile(rf"по\s+истечении\s+{_NUMBER}\s+месяц\w*{_PUBLICATION}")
_FROM_PUBLICATION = re.compile(r"со\s+дня\s+(?:его\s+|ее\s+|её\s+|их\s+)?первого\s+официального\s+опубликования")
_FIXED_NUMERIC = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{2})\.(?P<y>\d{4})(?![\d.])")
_FIXED_WORDS = re.compile(
    rf"(?<!\d)(?P<d>\d{{1,2}})\s+(?P<month>{'|'.join(_MONTH_NAMES)})\s+(?P<y>\d{{4}})(?:\s*года|\s*г\.)?"
)
_REFERENCE = re.compile(r"^порядок\s+введения\s+в\s+действие\s+см\.?\s*(?:ст\.|статью)\s*(?P<article>\d+)\.?$")
_EXCEPTION = re.compile(r"за\s+исключением\s+[^;)]*")


def number_of(words: str) -> int:
    """`"шестидесяти"` -> 60, `"двадцати одного"` -> 21, `"10"` -> 10 (numerals as rule phrases write them)."""
    words = words.strip().lower()
    if words.isdigit():
        return int(words)
    total = 0
    for word in words.split():
        for table in (_UNITS, _TEENS_AND_TENS, _HUNDREDS):
            if word in table:
                total += table[word]
                break
        else:
            raise ValueError(f"not a numeral: {word!r}")
    return total


def add_months(day: date, months: int) -> date:
    """The day with `day`'s number, `months` months later (the month's last day if it has none)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def first_day(act, phrase: str) -> FirstDay:
    """The first day in force of `act` (anything with `date`, the signing day, and `published`,
    the first official publication or None) under the rule `phrase` (Russian, as an official
    footnote words it). See the module's docstring for the arithmetic."""
    if not isinstance(phrase, str):
        raise EntryIntoForceError(repr(phrase), "entry-into-force rule (a Russian phrase)")
    text = " ".join(phrase.lower().replace("ё", "е").split())
    signed, published = act.date, getattr(act, "published", None)
    if reference := _REFERENCE.match(text):
        floor, what = (published, "the first official publication") if published else (signed, "the signing date")
        return FirstDay(
            floor,
            None,
            f"the footnote refers to art. {reference['article']} of the amending act, which was not read: "
            f"the rule for this provision is not known; earliest possible day = {what} "
            f"{floor.isoformat()} (no rule applies an act before its publication), no latest day",
        )
    candidates = []
    for pattern, kind in (
        (_DAYS, "days"),
        (_MONTHS, "months"),
        (_FROM_PUBLICATION, "publication"),
        (_FIXED_NUMERIC, "fixed"),
        (_FIXED_WORDS, "fixed"),
    ):
        match = pattern.search(text)
        if match:
            candidates.append((match.start(), kind, match))
    if not candidates:
        raise EntryIntoForceError(phrase, "entry-into-force rule")
    _, kind, match = min(candidates, key=lambda c: c[0])
    excepted = _EXCEPTION.search(text)
    tail = f"; the exception it names is not applied ('{excepted.group(0).strip()}')" if excepted else ""
    if kind == "fixed":
        month = int(match["m"]) if "m" in match.groupdict() else _MONTH_NAMES[match["month"]]
        try:
            day = date(int(match["y"]), month, int(match["d"]))
        except ValueError:
            raise EntryIntoForceError(phrase, "entry-into-force rule (no such date)") from None
        return FirstDay(day, day, f"the rule names the day: {day.isoformat()}{tail}")
    if kind == "publication":
        offset, what = (lambda p: p), "from the day of first official publication"
    elif kind == "days":
        n = number_of(match["n"] or match["m_"])
        offset, what = (lambda p: p + timedelta(days=n + 1)), f"{n} days after first official publication: P + {n + 1}"
    else:
        n = number_of(match["n"])
        offset = lambda p: add_months(p, n) + timedelta(days=1)  # noqa: E731
        what = f"{n} month(s) after first official publication: P + {n} month(s) + 1 day"
    if published is not None:
        day = offset(published)
        return FirstDay(day, day, f"{what}, P = {published.isoformat()} (first official publication){tail}")
    return FirstDay(
        offset(signed),
        None,
        f"{what}; the publication date P is not known: earliest possible with P = the signing date "
        f"{signed.isoformat()}, no latest day{tail}",
    )
