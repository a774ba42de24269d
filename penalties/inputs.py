"""Validating what callers pass: dates, amounts, units, offender categories, references' types.

Every public function checks its arguments here first, so that a bad argument is a
`UserInputError` saying what to pass, never a `TypeError` from deep inside or a wrong number.

- A date is a `datetime.date` and not a `datetime` (a time of day or a time zone would be
  silently dropped). Strings are not read as dates in the Python API, not even ISO ones: a
  reader of `assess(ref, on="01.06.2016")` could not tell which day was meant, and one rule
  for every function is easier to remember than a list of accepted formats. The command line
  reads ISO dates (YYYY-MM-DD).
- An amount is a `Decimal`, an `int` or a string as people write it: `"500000"`, `"500 000"`
  (spaces, no-break or narrow no-break spaces between groups of three digits), `"1,000,000"` or
  `"1,500.50"` (commas between groups of three, where nothing else can be meant), `"1,5"` or
  `"1 000,50"` (a decimal comma), `"1.5"`, `"1.2E+7"`. A single comma before exactly three
  digits (`"500,000"`) is refused as ambiguous: in Kazakhstan it is a decimal comma (500.000),
  in English texts a thousands separator (500000). Floats are refused (they are inexact), and so
  are NaN, infinities, negative amounts, zero where it means nothing, and amounts above the caps
  below: no real amount comes near them, and a bound keeps every result exact.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from .errors import AmountError, DateError, UnknownOffenderError, UserInputError
from .errors import shown as _shown

#: a case amount (a base such as the bribe, a quoted fine) is below this in tenge: 10^18 KZT is
#: some 50,000 times Kazakhstan's annual state budget
MAX_KZT = Decimal(10) ** 18
#: a case quantity in MCI, days or hours (art. 61 equivalents) is below this
MAX_QUANTITY = Decimal(10) ** 15
#: tenge and dollars have two decimals (tiyn, cents); an MCI count or a term a few more
KZT_PLACES = 2
QUANTITY_PLACES = 4
#: `convert` is arithmetic on figures of any provenance: it takes larger amounts, in any unit,
#: and computes them exactly (penalties.conversion)
MAX_CONVERT = Decimal(10) ** 30
CONVERT_PLACES = 20
#: days of pre-trial custody: 100,000 days is over 270 years
MAX_DAYS = 100_000

_SPACES = " \u00a0\u202f\u2009"  # space, no-break space, narrow no-break space, thin space
_SP = f"[{_SPACES}]"
_LONGEST = 120  # characters: longer strings are not amounts anyone writes
_PLAIN = re.compile(r"(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_SPACE_GROUPED = re.compile(rf"(\d{{1,3}}(?:{_SP}\d{{3}})+)(?:[.,](\d+))?")
_COMMA_GROUPED = re.compile(r"(\d{1,3}(?:,\d{3}){2,})(?:\.(\d+))?|(\d{1,3}(?:,\d{3})+)\.(\d+)")
_DECIMAL_COMMA = re.compile(r"(\d+),(\d+)")
_AMBIGUOUS_COMMA = re.compile(r"[1-9]\d{0,2},\d{3}")


def a_date(value, name: str = "on") -> date:
    """`value` if it is a `datetime.date` (not a `datetime`), else `DateError`."""
    if type(value) is date:
        return value
    if isinstance(value, datetime):
        how = f"{name}.date()" if value.tzinfo is None else f"{name} converted to Kazakhstan time, then .date()"
        raise DateError(
            name, value, f"a datetime carries a time of day{' and a time zone' if value.tzinfo else ''}; pass {how}"
        )
    if isinstance(value, date):  # a date subclass: take the plain date it stands for
        return date(value.year, value.month, value.day)
    if isinstance(value, str) and _looks_iso(value):
        raise DateError(name, value, f"strings are not read as dates; pass date.fromisoformat({value.strip()!r})")
    raise DateError(name, value)


def optional_date(value, name: str) -> date | None:
    return None if value is None else a_date(value, name)


def _looks_iso(text: str) -> bool:
    try:
        date.fromisoformat(text.strip())
    except ValueError:
        return False
    return True


def text(value, name: str) -> str:
    """`value` if it is a string, else `UserInputError` (a list or a dict would otherwise fail as
    `TypeError: unhashable type` in a lookup)."""
    if isinstance(value, str):
        return value
    raise UserInputError(f"{name} should be a string, got {_shown(value)}")


def optional_text(value, name: str) -> str | None:
    return None if value is None else text(value, name)


#: what an amount parameter takes: exact numbers only (a float is refused, see `amount`)
Amount = Decimal | int | str


def amount(
    value, name: str = "amount", *, limit: Decimal = MAX_KZT, places: int = KZT_PLACES, zero: bool = True
) -> Decimal:
    """The exact `Decimal` an amount argument stands for (the forms are in the module docstring).

    `AmountError` for anything else: a float, a non-number, NaN or an infinity, a negative amount,
    zero unless `zero`, `limit` or more, more than `places` decimal places.
    """
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, str)):
        if isinstance(value, float):
            raise AmountError(
                name,
                value,
                "pass a str, int or Decimal, not a float (floats are inexact): "
                f'{name}="{value!r}" if that is the figure meant',
            )
        raise AmountError(name, value, "pass a str, int or Decimal")
    if isinstance(value, int):
        if abs(value) >= limit:  # before Decimal(): a 5,000-digit int is refused, not converted
            raise AmountError(name, value, f"at most {_limit_text(limit)}")
        number = Decimal(value)
    elif isinstance(value, str):
        number = _parse(value, name)
    else:
        number = value
    if not number.is_finite():
        raise AmountError(name, value, "not a finite number")
    if number < 0:
        raise AmountError(name, value, "an amount is 0 or more")
    if number == 0:
        if not zero:
            raise AmountError(name, value, "an amount of 0 means nothing here")
        number = abs(number)  # -0 is 0
    if number >= limit:
        raise AmountError(name, value, f"at most {_limit_text(limit)}")
    if _places(number) > places:
        raise AmountError(name, value, f"at most {places} decimal places")
    return number


def _parse(raw: str, name: str) -> Decimal:
    s = raw.strip(_SPACES + "\t\n")
    if len(s) > _LONGEST:
        raise AmountError(name, raw, "not a number (too long)")
    sign = ""
    if s[:1] in ("+", "-"):
        sign, s = ("-" if s[0] == "-" else ""), s[1:].lstrip(_SPACES)
    if _PLAIN.fullmatch(s):
        canonical = s
    elif m := _SPACE_GROUPED.fullmatch(s):
        canonical = re.sub(_SP, "", m[1]) + (f".{m[2]}" if m[2] else "")
    elif m := _COMMA_GROUPED.fullmatch(s):
        whole, fraction = (m[1], m[2]) if m[1] else (m[3], m[4])
        canonical = whole.replace(",", "") + (f".{fraction}" if fraction else "")
    elif _AMBIGUOUS_COMMA.fullmatch(s):
        head, tail = s.split(",")
        raise AmountError(name, raw, f"ambiguous: write {head}{tail} or {head}.{tail}")
    elif m := _DECIMAL_COMMA.fullmatch(s):
        canonical = f"{m[1]}.{m[2]}"
    else:
        raise AmountError(name, raw, "not a number; write e.g. 500000, 500 000 or 1,5")
    try:
        return Decimal(sign + canonical)
    except InvalidOperation:  # the patterns let only Decimal syntax through: the exponent is out of range
        raise AmountError(name, raw, "out of range") from None


def _places(number: Decimal) -> int:
    """Decimal places, not counting trailing zeros (1.50 has one)."""
    _, digits, exponent = number.as_tuple()
    if not isinstance(exponent, int) or exponent >= 0:  # a str exponent is NaN or infinity: no places
        return 0
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -exponent - trailing)


def _limit_text(limit: Decimal) -> str:
    return f"10^{len(str(int(limit))) - 1} (exclusive)"


def days(value, name: str = "days") -> int:
    """A whole number of days, 0 to `MAX_DAYS`."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_DAYS:
        raise UserInputError(f"{name} should be a whole number of days from 0 to {MAX_DAYS}, got {_shown(value)}")
    return value


def reference(value):
    """A reference is a string or a `Provision`; anything else is refused before any lookup
    (an unhashable value would otherwise fail in the lookup's cache)."""
    from .errors import ReferenceSyntaxError
    from .law.provisions import Provision

    if isinstance(value, (str, Provision)):
        return value
    raise ReferenceSyntaxError(_shown(value), reason="a reference is a string such as 'CC 403(1)'")


def rate_sources(rates):
    """`rates` is None, a rate source (with `lookup(date)`), or a list or tuple of them."""
    if rates is None or hasattr(rates, "lookup"):
        return rates
    if isinstance(rates, (list, tuple)) and all(hasattr(r, "lookup") for r in rates):
        return rates
    raise UserInputError(
        f"rates should be a RateTable (or another source with lookup(date)), or a list of them, got {_shown(rates)}"
    )


def offender(value, provision, version) -> str:
    """The offender category, checked against what `provision` covers. For an abolished
    version, which has no sanctions, the categories are those of the provision's other versions."""
    name = text(value, "offender")
    if not version.abolished:
        if not version.applies_to(name):
            version.sanction_for(name)  # raises UnknownOffenderError naming what is covered
        return name
    covered = tuple(dict.fromkeys(o for v in provision.versions for o in v.offenders))
    if "unnamed" in covered:
        from .law.provisions import OFFENDERS

        covered = OFFENDERS
    if not covered:
        from .law.provisions import OFFENDERS

        covered = OFFENDERS
    if name not in covered:
        raise UnknownOffenderError(provision.label, name, covered)
    return name
