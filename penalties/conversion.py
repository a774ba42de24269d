"""Converting amounts between MCI, tenge and US dollars on a date, exactly.

MCI ⇄ KZT multiplies or divides by the MCI in force on the date (for fines by default); KZT ⇄ USD
divides or multiplies by the USD rate that applies on the date, whose basis the result states.
US dollar results are rounded half-up to the cent; MCI and tenge results are exact for every
accepted amount (below 10^30 with at most 20 decimal places, `penalties.inputs`): the arithmetic runs
in a local decimal context wide enough for them. A division that does not terminate keeps 28
significant digits, and more where the integer part is longer, so no whole unit is ever rounded.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal, Inexact, localcontext

import attrs

from . import inputs
from .data.mci import default_index
from .data.rates import usd_rate
from .errors import UnitError, shown
from .inputs import Amount
from .law.quantities import decimal_text
from .law.rates import Rates, UsdRate

UNITS = {"MCI": "MCI", "МРП": "MCI", "АЕК": "MCI", "KZT": "KZT", "TENGE": "KZT", "₸": "KZT", "USD": "USD", "$": "USD"}
CENT = Decimal("0.01")
#: wide enough for an accepted amount (30 + 20 digits) times a rate, with no rounding
_EXACT = Context(prec=100, traps=[Inexact])


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
        return {
            "amount": decimal_text(self.amount),
            "unit": self.unit,
            "from": {"amount": decimal_text(self.from_amount), "unit": self.from_unit},
            "on": self.on.isoformat(),
            "rate": rate,
        }


def unit_name(unit: str) -> str:
    try:
        return UNITS[unit.strip().upper()] if unit.strip().upper() in UNITS else UNITS[unit.strip()]
    except (KeyError, AttributeError):
        raise UnitError(f"unknown unit {shown(unit)}; use MCI, KZT or USD") from None


def to_decimal(amount) -> Decimal:
    """An amount argument of `convert` as an exact Decimal (`AmountError` otherwise)."""
    return inputs.amount(amount, "amount", limit=inputs.MAX_CONVERT, places=inputs.CONVERT_PLACES)


def _multiply(a: Decimal, b: Decimal) -> Decimal:
    with localcontext(_EXACT):
        return a * b


def _divide(a: Decimal, b: Decimal) -> Decimal:
    """a / b exactly where the quotient terminates, else to 28 significant digits, or to 10
    decimal places where the integer part is longer than 18 digits."""
    try:
        with localcontext(_EXACT):
            return a / b
    except Inexact:
        pass
    with localcontext() as ctx:
        ctx.prec = max(28, a.adjusted() - b.adjusted() + 12)
        return a / b


def convert_with_basis(
    amount: Amount, unit: str, to: str, on: date, purpose: str = "fine", rates: Rates = None
) -> Conversion:
    """Like `convert`, with the rates used (a `Conversion`)."""
    source, target = unit_name(unit), unit_name(to)
    value = to_decimal(amount)
    on = inputs.a_date(on, "on")
    purpose, rates = inputs.text(purpose, "purpose"), inputs.rate_sources(rates)
    if source == target:
        return Conversion(value, target, value, source, on)
    mci_kzt = default_index()(on, purpose) if "MCI" in (source, target) else None
    usd = usd_rate(on, rates) if "USD" in (source, target) else None
    # to tenge
    # (the ignores: mci_kzt and usd are read above exactly when a side is MCI or USD)
    if source == "MCI":
        kzt = _multiply(value, mci_kzt)  # type: ignore[arg-type]
    elif source == "USD":
        kzt = _multiply(value, usd.kzt_per_usd)  # type: ignore[union-attr]
    else:
        kzt = value
    # from tenge
    if target == "KZT":
        result = kzt
    elif target == "MCI":
        result = _divide(kzt, mci_kzt)  # type: ignore[arg-type]
    else:
        with localcontext(_EXACT) as ctx:
            ctx.traps[Inexact] = False  # the cent rounding is the one rounding wanted
            result = (kzt / usd.kzt_per_usd).quantize(CENT, ROUND_HALF_UP)  # type: ignore[union-attr]
    return Conversion(result, target, value, source, on, mci_kzt, usd)


def convert(amount: Amount, unit: str, to: str, on: date, purpose: str = "fine", rates: Rates = None) -> Decimal:
    """`amount` in `unit` expressed in `to` on `on`: `convert("5000", "MCI", "KZT", on=date(2019, 6, 1))`
    is `Decimal("12625000")`. Units: MCI, KZT, USD. Pass amounts as str, int or Decimal."""
    source, target = unit_name(unit), unit_name(to)
    if source == "MCI" and target == "KZT" and type(on) is date and type(purpose) is str:  # the common case
        return _multiply(to_decimal(amount), default_index()(on, purpose))
    return convert_with_basis(amount, source, target, on, purpose, rates).amount
