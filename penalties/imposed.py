"""Reading a punishment as a judgment states it: "18 months imprisonment", "1 год 6 месяцев лишения
свободы", "1 year restriction of freedom + 3 years ban", "27,000 KZT", "27 000 тенге", "10 МРП".

`read_imposed(text)` gives one `ImposedItem` per punishment (joined by "+", ";", " and ", " и ",
", "), each a kind of `penalties.law.kinds` with its term (months, days or hours, as the kind is
measured) or amount (tenge or MCI). Every word is read or the text is refused with
`ImposedPunishmentError` naming what was not understood: a punishment is never guessed.

Amounts: "27 000", "27,000" and "27 000,50" are read as the library reads amounts, except that a
comma before exactly three digits in a tenge amount is a thousands separator ("27,000 KZT" is
27000 tenge): tenge have two decimal places (tiyn), so three digits after a comma cannot be a
fraction of a tenge. An amount without a kind is a fine (the review also checks it against the
compulsory payment). Terms are calendar quantities: years are twelve months.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import attrs

from .errors import ImposedPunishmentError
from .law.kinds import DAY, HOUR, KINDS, MONEY, MONTH, NONE
from .law.quantities import Measure

#: unit words (en, ru, kk) -> (unit, months or days per unit)
_UNITS = {}
for _words, _unit, _factor in (
    ("year years yr yrs год года лет годa жыл жылға жылдан", MONTH, 12),
    ("month months мес месяц месяца месяцев ай айға айдан", MONTH, 1),
    ("day days день дня дней сутки суток күн тәулік тәулікке", DAY, 1),
    ("hour hours час часа часов сағат сағатқа", HOUR, 1),
):
    for _w in _words.split():
        _UNITS[_w] = (_unit, _factor)

#: currency words -> unit of a Measure
_CURRENCIES = {
    "kzt": "KZT",
    "тенге": "KZT",
    "теңге": "KZT",
    "₸": "KZT",
    "tenge": "KZT",
    "mci": "MCI",
    "мрп": "MCI",
    "аек": "MCI",
    "мрп.": "MCI",
}

#: the kinds' names as judgments write them, longest first when matched; regexes over lower-case words
_KIND_PHRASES = (
    # the AC's kinds a punishment with a choice is imposed as ("приостановление или запрещение деятельности")
    ("suspension_of_activity", r"suspension of (?:the )?activity|приостановлени\w* деятельности|қызметін тоқтата тұру"),
    ("prohibition_of_activity", r"prohibition of (?:the )?activity|запрещени\w* деятельности|қызметіне тыйым салу"),
    (
        "deprivation_of_licence",
        r"deprivation of (?:a |the )?(?:licence|license|accreditation certificate|certificate)"
        r"|лишени\w* (?:лицензии|свидетельства об аккредитации|свидетельства|сертификата)"
        r"|лицензиядан айыру",
    ),
    (
        "life_imprisonment",
        r"life imprisonment|life sentence|пожизненн\w* лишени\w* свободы|өмір бойы бас бостандығынан айыру",
    ),
    ("restriction_of_freedom", r"restriction of (?:freedom|liberty)|ограничени\w* свободы|бас бостандығын шектеу"),
    (
        "imprisonment",
        r"imprisonment|deprivation of (?:freedom|liberty)|prison|лишени\w* свободы|бас бостандығынан айыру",
    ),
    (
        "deprivation_of_right",
        r"(?:a )?ban(?: on [a-z ]+)?|deprivation of the right(?: to [a-z ,]+)?|лишени\w* права"
        r"(?: занимать [а-яё ]+?должности)?(?: или)?(?: заниматься [а-яё ]+?деятельностью)?"
        r"|белгілі бір лауазымдарды атқару құқығынан айыру",
    ),
    ("community_service", r"community service|public works|общественн\w* работ\w*|қоғамдық жұмыстар\w*"),
    ("corrective_labour", r"corrective (?:labour|labor|work)|исправительн\w* работ\w*|түзеу жұмыстары"),
    ("arrest", r"arrest|арест\w*|қамаққа алу"),
    ("fine", r"fine|штраф\w*|айыппұл\w*"),
    ("confiscation", r"confiscation of property|confiscation|конфискаци\w* имущества|конфискаци\w*|мүлікті тәркілеу"),
    ("warning", r"warning|предупреждени\w*|ескерту"),
    ("expulsion", r"expulsion|выдворени\w*(?: за пределы республики казахстан)?|шығарып жіберу"),
)
_KIND_RE = [(kind, re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])")) for kind, pattern in _KIND_PHRASES]
#: words that join or introduce, read and dropped
_FILLER = frozenset(
    """for of a an to the with in and or term period years' сроком срок на в виде размере размер с
сумме суммы до мерзімге мөлшерінде түрінде""".split()
)
_SPLIT = re.compile(r"\s*(?:\+|;|\band\b|\bи\b|\bплюс\b|\bплюс\b|,\s+(?=\D))\s*")
_TERM = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s*([^\W\d]+\.?)", re.UNICODE)
_AMOUNT = re.compile(
    r"(?<![\w.,])(\d[\d\s\u00a0\u202f.,]*\d|\d)\s*(kzt|тенге|теңге|tenge|₸|mci|мрп|аек)(?!\w)", re.IGNORECASE
)


@attrs.frozen
class ImposedItem:
    """One punishment imposed: its `kind`, and its term or amount (`measure`: months, days or hours for
    a term; KZT or MCI for an amount; None for a kind with no measure). `text` is the words read."""

    kind: str
    measure: Measure | None
    text: str

    def to_dict(self) -> dict:
        from .law.quantities import decimal_text

        out: dict = {"kind": self.kind, "text": self.text}
        if self.measure is not None:
            out["value"] = decimal_text(self.measure.value)
            out["unit"] = self.measure.unit
        return out


def read_imposed(text) -> tuple[ImposedItem, ...]:
    """The punishments of `text`; `ImposedPunishmentError` for anything not read."""
    if not isinstance(text, str) or not text.strip():
        raise ImposedPunishmentError(
            str(text), str(text), 'give the punishment as text, e.g. "18 months imprisonment" or "27 000 тенге"'
        )
    if len(text) > 500:
        raise ImposedPunishmentError(text[:60] + "...", text[:60], "at most 500 characters")
    items = []
    for piece in _pieces(text):
        items.append(_item(text, piece))
    return tuple(items)


def _pieces(text: str) -> list[str]:
    # a comma inside a number ("27,000") is not a separator: split only at ", " before a non-digit
    return [p for p in _SPLIT.split(text.strip().rstrip(".")) if p and p.strip()]


def _item(whole: str, piece: str) -> ImposedItem:
    low = " ".join(piece.lower().split())
    amount = None
    match = _AMOUNT.search(low)
    if match:
        amount = _amount(whole, match.group(1), _CURRENCIES[match.group(2).lower()])
        low = (low[: match.start()] + " " + low[match.end() :]).strip()
    kind = None
    for name, pattern in _KIND_RE:
        found = pattern.search(low)
        if found:
            kind = name
            low = (low[: found.start()] + " " + low[found.end() :]).strip()
            break
    months = days = hours = Decimal(0)
    seen_term = False
    rest = []
    position = 0
    for term in _TERM.finditer(low):
        unit = _UNITS.get(term.group(2).rstrip("."))
        if unit is None:
            continue
        rest.append(low[position : term.start()])
        position = term.end()
        value = _number(whole, term.group(1))
        seen_term = True
        if unit[0] == MONTH:
            months += value * unit[1]
        elif unit[0] == DAY:
            days += value
        else:
            hours += value
    rest.append(low[position:])
    leftover = [w for w in " ".join(rest).replace(",", " ").split() if w not in _FILLER]
    if leftover:
        raise ImposedPunishmentError(
            whole, " ".join(leftover), "these words are not a kind of punishment, a term or an amount the reader knows"
        )
    if amount is not None:
        if seen_term:
            raise ImposedPunishmentError(whole, piece, "an amount and a term in one punishment")
        kind = kind or "fine"
        if KINDS[kind].measure != MONEY:
            raise ImposedPunishmentError(whole, piece, f"{kind} is not measured in money")
        return ImposedItem(kind, amount, piece.strip())
    if kind is None:
        raise ImposedPunishmentError(
            whole, piece, "no kind of punishment named (imprisonment, fine, лишение свободы, штраф …)"
        )
    measure_kind = KINDS[kind].measure
    if not seen_term:
        if measure_kind not in (NONE,) and kind not in (
            "life_imprisonment",
            "expulsion",
            "confiscation",
            "prohibition_of_activity",
            "suspension_of_activity",
            "deprivation_of_licence",
        ):
            raise ImposedPunishmentError(whole, piece, f"{kind} needs its term or amount")
        return ImposedItem(kind, None, piece.strip())
    units = [(MONTH, months), (DAY, days), (HOUR, hours)]
    given = [(u, v) for u, v in units if v]
    if len(given) != 1 or given[0][0] != measure_kind:
        expected = {MONTH: "months or years", DAY: "days", HOUR: "hours", MONEY: "tenge or MCI"}.get(
            measure_kind, "nothing: it takes no term"
        )
        raise ImposedPunishmentError(whole, piece, f"{kind} is measured in {expected}")
    return ImposedItem(kind, Measure(given[0][1], measure_kind), piece.strip())


def _number(whole: str, text: str) -> Decimal:
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern admits digits only
        raise ImposedPunishmentError(whole, text, "not a number") from None


def _amount(whole: str, digits: str, unit: str) -> Measure:
    from .errors import AmountError
    from .inputs import amount

    compact = re.sub(r"[\s\u00a0\u202f]", "", digits)
    if unit == "KZT" and re.fullmatch(r"\d{1,3}(,\d{3})+", compact):
        compact = compact.replace(",", "")  # tenge have two decimals: ",000" is a thousands separator
    try:
        value = amount(compact, "imposed", zero=False)
    except AmountError as error:
        raise ImposedPunishmentError(whole, digits, error.problem) from None
    return Measure(value, unit)
