"""Quantities written in statute files: `"160 MCI"`, `"40 day"`, `"2 year"`, `"20 base"`.

A `Measure` is an exact decimal with a unit. Money units are `MCI`, `KZT`, `base` (a multiple of
a base amount such as the bribe) and `percent` (of a base amount). Term units are calendar:
`day`, `month` (a year is stored as twelve months, exactly) and `hour`.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import attrs

from ..law.kinds import DAY, HOUR, MONEY, MONTH, NONE

MONEY_UNITS = frozenset({"MCI", "KZT", "base", "percent"})
_UNIT_ALIASES = {
    "mci": "MCI",
    "мрп": "MCI",
    "аек": "MCI",
    "kzt": "KZT",
    "tenge": "KZT",
    "₸": "KZT",
    "base": "base",
    "x": "base",
    "times": "base",
    "percent": "percent",
    "%": "percent",
    "day": "day",
    "days": "day",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "hour": "hour",
    "hours": "hour",
}
_MEASURE_UNITS = {MONEY: MONEY_UNITS, DAY: {"day"}, MONTH: {"month", "year"}, HOUR: {"hour"}}
_PATTERN = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*([^\s0-9]+)\s*$")


@attrs.frozen(slots=True)
class Measure:
    """An exact amount or term: `value` in `unit`."""

    value: Decimal
    unit: str

    def __str__(self) -> str:
        return f"{self.value} {self.unit}"


def parse_measure(text: str, measure: str) -> Measure:
    """Read `"<number> <unit>"` for a kind measured in `measure`; years become months.

    Raises ValueError with a message fit for a data-file error.
    """
    if not isinstance(text, str):
        raise ValueError(f"expected a string like '160 MCI', got {text!r}")
    if measure == NONE:
        raise ValueError("this kind takes no amount or term")
    match = _PATTERN.match(text)
    if not match:
        raise ValueError(f"cannot read {text!r}: expected '<number> <unit>', e.g. '160 MCI' or '40 day'")
    number, unit_text = match.groups()
    unit = _UNIT_ALIASES.get(unit_text.lower(), _UNIT_ALIASES.get(unit_text))
    if unit is None:
        raise ValueError(
            f"unknown unit {unit_text!r} in {text!r}; known: MCI, KZT, base, percent, day, month, year, hour"
        )
    if unit not in _MEASURE_UNITS[measure]:
        raise ValueError(
            f"{text!r}: unit {unit!r} does not fit this kind (expected one of {sorted(_MEASURE_UNITS[measure])})"
        )
    try:
        value = Decimal(number)
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        raise ValueError(f"cannot read the number in {text!r}") from None
    if unit == "year":
        value, unit = value * 12, "month"
    return Measure(value, unit)


#: the largest amount or term a statute file may state, per unit: far above anything either Code
#: provides (the largest today: fines of 8,000 MCI, bans of 10 years, imprisonment of 20 years, 90 days
#: of arrest, 1,200 hours of community service; percentages up to "двадцати тысяч процентов" of a fee rate,
#: AC 328), so that a slip of the keyboard (10^32 MCI, a
#: 500-year ban, 10^9 days of arrest) is refused by `penalties check` instead of computed
PLAUSIBLE_MAXIMUM = {
    "MCI": Decimal(100_000),
    "KZT": Decimal(10) ** 12,
    "base": Decimal(1000),
    "percent": Decimal(20_000),
    "day": Decimal(366),
    "month": Decimal(360),
    "hour": Decimal(5000),
}


def implausible(m: Measure) -> str | None:
    """Why `m` cannot be an amount or term a statute gives (zero, or beyond `PLAUSIBLE_MAXIMUM`), or None."""
    if m.value <= 0:
        return f"{measure_text(m)} is not a positive amount or term"
    limit = PLAUSIBLE_MAXIMUM.get(m.unit)
    if limit is not None and m.value > limit:
        return f"{measure_text(m)} is implausible (more than {measure_text(Measure(limit, m.unit))})"
    return None


def measure_text(m: Measure | None, number=None) -> str | None:
    """'300 MCI', '40 day', '3 year' (months stored for a whole number of years read as years);
    `number` formats the value (default: plain digits)."""
    if m is None:
        return None
    number = number or decimal_text
    if m.unit == "month" and m.value >= 12 and m.value % 12 == 0:
        return f"{number(m.value / 12)} year"
    return f"{number(m.value)} {m.unit}"


def decimal_text(value: Decimal | None) -> str | None:
    """An exact decimal as plain text for JSON: '636300', '1889.31', never '6.363E+5'."""
    if value is None:
        return None
    return format(value.normalize() if value == value.to_integral() else value, "f")
