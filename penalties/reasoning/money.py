"""Money: a sanction's measure (MCI, tenge, a multiple or a percent of a base) in MCI, tenge and US dollars, exactly.

The rules, shared by `assess()` and `assess_batch()`:
- an amount in MCI is that many times the MCI in force on the valuation day, in tenge, exactly;
- an amount in tenge, or a multiple or percent of a base amount (a bribe, damage), is read back
  in MCI as tenge / MCI, exactly where the quotient terminates (28 significant digits otherwise);
- a percentage bounded in MCI ("…, но не менее пяти и не более двухсот месячных расчетных показателей")
  is max(floor, min(ceiling, percent × base)), the floor and ceiling in tenge at the same MCI; an amount
  "за каждый …" is that amount times the count the case gives (then bounded);
- US dollars are tenge / rate, rounded half-up to the cent; none without a rate;
- a sanction with no amount in it needs no MCI at all (imprisonment only, past the MCI's coverage).

`assess_batch` computes the same in integers (tiyn, cents, 10^-4 MCI) with `div_half_up`, and
through `money()` itself wherever the integers could overflow.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import attrs

from ..data.mci import default_index
from ..errors import MissingIndexError
from ..law.mci import MCIValue
from ..law.quantities import Measure, decimal_text

CENT = Decimal("0.01")
#: the units of a money measure (`penalties.law.quantities`)
MONEY_UNITS = ("MCI", "KZT", "base", "percent")


@attrs.frozen(slots=True)
class Money:
    """An amount in MCI, tenge and US dollars (None where it cannot be computed)."""

    mci: Decimal | None
    kzt: Decimal | None
    usd: Decimal | None

    def to_dict(self) -> dict:
        return {"mci": decimal_text(self.mci), "kzt": decimal_text(self.kzt), "usd": decimal_text(self.usd)}


def money(
    measure: Measure,
    mci_kzt: Decimal,
    usd_kzt: Decimal | None,
    base: Decimal | None,
    floor: Measure | None = None,
    ceiling: Measure | None = None,
    count: Decimal | None = None,
) -> Money:
    """`measure` in MCI, tenge and dollars, given the MCI, the rate (None: no dollars) and the base amount;
    times `count` (an amount for each unit of a count), then within `floor` and `ceiling` (MCI) where given."""
    unit = measure.unit
    if unit == "MCI":
        mci = measure.value * count if count is not None else measure.value
        kzt = mci * mci_kzt
    else:
        kzt = tenge(measure, base) * (count if count is not None else 1)
        mci = kzt / mci_kzt
    if floor is not None and kzt < floor.value * mci_kzt:
        mci, kzt = floor.value, floor.value * mci_kzt
    if ceiling is not None and kzt > ceiling.value * mci_kzt:
        mci, kzt = ceiling.value, ceiling.value * mci_kzt
    return Money(mci, kzt, usd(kzt, usd_kzt))


def tenge(measure: Measure, base: Decimal | None) -> Decimal:
    """A measure in tenge, a multiple of the base, or a percent of it, in tenge (not for MCI)."""
    if measure.unit == "KZT":
        return measure.value
    assert base is not None  # assess() raises MissingBaseError for a sanction that needs the base
    if measure.unit == "base":
        return measure.value * base
    return measure.value * base / 100  # percent


def usd(kzt: Decimal, usd_kzt: Decimal | None) -> Decimal | None:
    """Tenge in US dollars at `usd_kzt` tenge per dollar, rounded half-up to the cent."""
    return (kzt / usd_kzt).quantize(CENT, ROUND_HALF_UP) if usd_kzt else None


def mci_on(on: date, needed: bool) -> tuple[MCIValue | None, MissingIndexError | None]:
    """The MCI for fines on the valuation day `on`, and the error where none is encoded. A sanction
    with an amount in it (`needed`) cannot be assessed without it (the error is raised); one with
    none is assessed without it (the error is returned, for a notice)."""
    try:
        return default_index().record(on, "fine"), None
    except MissingIndexError as error:
        if needed:
            raise
        return None, error


def div_half_up(num, den):
    """Integer division rounded half-up, for non-negative numerators: the rounding of `usd()` and
    of the MCI columns, in integers (Python ints or numpy arrays, elementwise)."""
    return (2 * num + den) // (2 * den)
