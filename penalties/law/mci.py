"""The monthly calculation index (MCI, МРП), by date and purpose.

An `MCIIndex` answers in whole tenge as a `Decimal`. The purposes differ from 2022-04-01 to
2022-12-31: 3,180 for social payments, 3,063 for fines and taxes. A date past the last encoded
value is an error, never a silent reuse of the last value. The shipped series is read by
`penalties.data.mci` (`mci(date, purpose="fine")`, `default_index()`).
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from decimal import Decimal

import attrs

from .. import _moved
from ..errors import MissingIndexError, UserInputError
from .provenance import Provenance

PURPOSES = ("fine", "tax", "social")


@attrs.frozen(cache_hash=True)
class MCIValue:
    """One dated MCI value and the law that set it."""

    kzt: Decimal
    valid_from: date
    valid_to: date
    purposes: tuple[str, ...]
    provenance: Provenance
    # the clause of the law that sets the value, verbatim; every `primary` value has one
    text_ru: str | None = None

    @property
    def act(self):
        return self.provenance.act

    @property
    def verification(self) -> str:
        return self.provenance.verification


class MCIIndex:
    """The MCI series of each purpose, looked up by bisection over start dates."""

    def __init__(self, values: list[MCIValue]):
        self.values = tuple(values)
        self._series: dict[str, tuple[list[date], list[MCIValue]]] = {}
        for purpose in PURPOSES:
            chosen = sorted((v for v in values if purpose in v.purposes), key=lambda v: v.valid_from)
            self._series[purpose] = ([v.valid_from for v in chosen], chosen)

    def series(self, purpose: str = "fine") -> tuple[MCIValue, ...]:
        """The values for `purpose`, in date order."""
        return tuple(self._series[purpose][1])

    def coverage(self, purpose: str = "fine") -> tuple[date, date]:
        _, values = self._series[purpose]
        return values[0].valid_from, values[-1].valid_to

    def record(self, on: date, purpose: str = "fine") -> MCIValue:
        try:
            starts, values = self._series[purpose]
        except KeyError:
            raise UserInputError(f"unknown MCI purpose {purpose!r}; use one of {', '.join(PURPOSES)}") from None
        i = bisect_right(starts, on) - 1
        if i < 0 or on > values[i].valid_to:
            first, last = self.coverage(purpose)
            raise MissingIndexError(
                f"MCI ({purpose})",
                on,
                first,
                last,
                "no MCI value is encoded for that date (statutes/kz/indices/mci.toml)",
            )
        return values[i]

    def __call__(self, on: date, purpose: str = "fine") -> Decimal:
        return self.record(on, purpose).kzt


__getattr__ = _moved.names(__name__, dict.fromkeys(("PLAUSIBLE_KZT", "load_mci", "default_index", "mci"), "data.mci"))
