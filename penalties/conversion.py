"""Converting amounts between MCI, tenge and US dollars on a date, exactly.

MCI ⇄ KZT multiplies or divides by the MCI in force on the date (for fines by default); KZT ⇄ USD
divides or multiplies by the USD rate that applies on the date, whose basis the result states.
US dollar results are rounded half-up to the cent; MCI and tenge results are exact (a division
that does not terminate keeps 28 significant digits).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import attrs

from .errors import UnitError
from .law.mci import default_index
from .law.quantities import decimal_text
from .law.rates import UsdRate, usd_rate

UNITS = {"MCI": "MCI", "МРП": "MCI", "АЕК": "MCI", "KZT": "KZT", "TENGE": "KZT", "₸": "KZT", "USD": "USD", "$": "USD"}
CENT = Decimal("0.01")


@attrs.frozen(slots=True)
class Conversion:
    """The result of `convert_with_basis`: the amount, and the rates used on the way."""

    amount: Decimal
    unit: str
    from_amount: Decimal
    from_unit: str
    on: date
    mci_kzt: Decimal | None = None
    usd: UsdRate | None = None

    def to_dict(self) -> dict:
        rate: dict = {}
        if self.mci_kzt is not None:
            rate["mci_kzt"] = str(self.mci_kzt)
        if self.usd is not None:
            rate["usd_kzt"] = str(self.usd.kzt_per_usd)
            rate["usd_basis"] = self.usd.basis
            rate["usd_period"] = [self.usd.period[0].isoformat(), self.usd.period[1].isoformat()]
        return {"amount": decimal_text(self.amount), "unit": self.unit,
                "from": {"amount": decimal_text(self.from_amount), "unit": self.from_unit},
                "on": self.on.isoformat(), "rate": rate}


def unit_name(unit: str) -> str:
    try:
        return UNITS[unit.strip().upper()] if unit.strip().upper() in UNITS else UNITS[unit.strip()]
    except (KeyError, AttributeError):
        raise UnitError(f"unknown unit {unit!r}; use MCI, KZT or USD") from None


def to_decimal(amount) -> Decimal:
    if isinstance(amount, float):
        raise UnitError("pass amounts as str, int or Decimal, not float (floats are inexact)")
    try:
        value = amount if isinstance(amount, Decimal) else Decimal(str(amount).replace(" ", "").replace("\u00a0", ""))
    except InvalidOperation:
        raise UnitError(f"not a number: {amount!r}") from None
    if not value.is_finite():
        raise UnitError(f"not a finite number: {amount!r}")
    return value


def convert_with_basis(amount, unit: str, to: str, on: date, purpose: str = "fine", rates=None) -> Conversion:
    source, target = unit_name(unit), unit_name(to)
    value = to_decimal(amount)
    if source == target:
        return Conversion(value, target, value, source, on)
    mci_kzt = default_index()(on, purpose) if "MCI" in (source, target) else None
    usd = usd_rate(on, rates) if "USD" in (source, target) else None
    # to tenge
    kzt = value * mci_kzt if source == "MCI" else value * usd.kzt_per_usd if source == "USD" else value
    # from tenge
    if target == "KZT":
        result = kzt
    elif target == "MCI":
        result = kzt / mci_kzt
    else:
        result = (kzt / usd.kzt_per_usd).quantize(CENT, ROUND_HALF_UP)
    return Conversion(result, target, value, source, on, mci_kzt, usd)


def convert(amount, unit: str, to: str, on: date, purpose: str = "fine", rates=None) -> Decimal:
    """`amount` in `unit` expressed in `to` on `on`: `convert("5000", "MCI", "KZT", on=date(2019, 6, 1))`
    is `Decimal("12625000")`. Units: MCI, KZT, USD. Pass amounts as str, int or Decimal."""
    source, target = unit_name(unit), unit_name(to)
    if source == "MCI" and target == "KZT":  # the common case, kept short
        return to_decimal(amount) * default_index()(on, purpose)
    return convert_with_basis(amount, source, target, on, purpose, rates).amount
