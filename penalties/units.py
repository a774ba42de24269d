"""pint interoperability: MCI, KZT and USD as three separate dimensions of one small registry.

Importing pint costs more than 100 ms, so nothing here runs at `import penalties`; the registry
is built on first use. Dated conversions never go through pint contexts (they enable themselves on
the shared registry and gave wrong amounts under threads): the rate of the date is looked up and
multiplied in as a quantity such as `2525 KZT/MCI`, so pint checks the dimensions and Decimal
stays exact.

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from penalties.units import registry, to
    >>> amount = to(registry().Quantity(Decimal(5000), "MCI"), "KZT", on=date(2019, 6, 1))
    >>> amount.magnitude, str(amount.units)
    (Decimal('12625000'), 'KZT')

(The example prints the magnitude and the unit, not the quantity's repr, which pint words
differently across its releases: 0.26 on Python 3.12+ changed it.)
"""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal

from .data.mci import default_index
from .data.rates import usd_rate

_registry = None
_registry_lock = threading.Lock()


def registry():
    """The one pint registry of MCI, KZT and USD, built on first use.

    Quantities of two registries cannot be combined, so concurrent first calls must not build two:
    the registry is built under a lock (checked again inside it) and published once complete.
    """
    global _registry
    if _registry is None:
        with _registry_lock:
            if _registry is None:
                _registry = _build_registry()
    return _registry


def _build_registry():
    import pint

    reg: pint.UnitRegistry = pint.UnitRegistry(None, non_int_type=Decimal)
    reg.define("KZT = [currency_kzt] = ₸ = tenge")
    reg.define("USD = [currency_usd] = dollar")
    reg.define("MCI = [legal_index_mci] = МРП")
    return reg


def __getattr__(name):
    if name == "ureg":
        return registry()
    raise AttributeError(name)


def rate_quantity(frm: str, to_unit: str, on: date, purpose: str = "fine", rates=None):
    """The dated factor from `frm` to `to_unit` as a quantity, e.g. `2525 KZT/MCI` on 2019-06-01."""
    reg = registry()
    if (frm, to_unit) == ("MCI", "KZT"):
        return reg.Quantity(default_index()(on, purpose), "KZT/MCI")
    if (frm, to_unit) == ("KZT", "MCI"):
        return reg.Quantity(1 / default_index()(on, purpose), "MCI/KZT")
    if (frm, to_unit) == ("USD", "KZT"):
        return reg.Quantity(usd_rate(on, rates).kzt_per_usd, "KZT/USD")
    if (frm, to_unit) == ("KZT", "USD"):
        return reg.Quantity(1 / usd_rate(on, rates).kzt_per_usd, "USD/KZT")
    raise ValueError(f"no dated factor from {frm} to {to_unit}")


def to(quantity, unit: str, on: date, purpose: str = "fine", rates=None):
    """Convert a pint quantity of MCI, KZT or USD to `unit` at the rates of `on`."""
    source = str(quantity.units)
    if source == unit:
        return quantity
    if {source, unit} == {"MCI", "USD"}:
        quantity = (quantity * rate_quantity(source, "KZT", on, purpose, rates)).to("KZT")
        source = "KZT"
    return (quantity * rate_quantity(source, unit, on, purpose, rates)).to(unit)
