"""USD/KZT exchange rates: which rate applies on a date, and on what basis.

A lookup returns a `UsdRate` that states its basis: `daily_official` (the National Bank's official
rate of that day), `monthly_average` or `annual_average` (derived from official daily rates), or
`user_table` (a CSV the caller supplied). Rate sources are tried in order: what the caller passes,
then the shipped table (`penalties.data.rates`: `usd_rate`, `find_rate`, `shipped_rates()`). A date
with no rate raises `MissingRateError`, which says how to supply one.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

import attrs

from .. import _moved
from ..errors import MissingRateError

if TYPE_CHECKING:
    from pathlib import Path

BASES = ("daily_official", "monthly_average", "annual_average", "user_table")
#: a user table's daily rate carries over this many days (weekends and holidays) at most
CARRY_DAYS = 4


@attrs.frozen
class UsdRate:
    """Tenge per US dollar over `period`, with its basis and where it comes from."""

    kzt_per_usd: Decimal
    basis: str
    period: tuple[date, date]
    sources: tuple[str, ...] = ()
    verification: str = "secondary"
    note: str | None = None
    #: a user table's rate of an earlier day used for this one (rows missing for a weekend or a
    #: holiday): the day it was given for; None when the rate is the day's own
    carried_from: date | None = None

    def to_dict(self) -> dict:
        return {
            "usd_kzt": str(self.kzt_per_usd),
            "basis": self.basis,
            "period": [self.period[0].isoformat(), self.period[1].isoformat()],
            "sources": list(self.sources),
            "verification": self.verification,
        }


class RateSource(Protocol):
    def lookup(self, on: date) -> UsdRate | None: ...


@attrs.frozen
class Span:
    """One rate over the days `start`..`end`, on one basis."""

    start: date
    end: date
    rate: Decimal
    basis: str
    sources: tuple[str, ...]
    verification: str
    usd_rate: UsdRate = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self):
        object.__setattr__(
            self, "usd_rate", UsdRate(self.rate, self.basis, (self.start, self.end), self.sources, self.verification)
        )


class RateTable:
    """Dated rates on one or more bases; `lookup` prefers daily, then monthly, then annual."""

    def __init__(self, spans: Iterable[Span], name: str = "rates", carry_days: int = 0):
        self.name = name
        self.carry_days = carry_days
        self._by_basis: dict[str, tuple[list[date], list[Span]]] = {}
        for basis in BASES:
            chosen = sorted((s for s in spans if s.basis == basis), key=lambda s: s.start)
            if chosen:
                self._by_basis[basis] = ([s.start for s in chosen], chosen)

    @functools.cached_property
    def _coverage(self) -> tuple[tuple[date, date], ...]:
        return self._merged_coverage()

    def coverage(self) -> tuple[tuple[date, date], ...]:
        """Merged date ranges that have some rate."""
        return self._coverage

    def _merged_coverage(self) -> tuple[tuple[date, date], ...]:
        spans = sorted((s.start, s.end) for _, ss in self._by_basis.values() for s in ss)
        merged: list[list[date]] = []
        for start, end in spans:
            if merged and start <= merged[-1][1] + timedelta(days=1):
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return tuple((a, b) for a, b in merged)

    def lookup(self, on: date) -> UsdRate | None:
        for basis, (starts, spans) in self._by_basis.items():
            i = bisect_right(starts, on) - 1
            if i < 0:
                continue
            span = spans[i]
            if on <= span.end:
                return span.usd_rate
            if basis == "user_table" and on <= span.end + timedelta(days=self.carry_days):
                return attrs.evolve(
                    span.usd_rate, note=f"carried over from {span.start.isoformat()} to {on}", carried_from=span.start
                )
        return None

    def __call__(self, on: date) -> UsdRate:
        found = self.lookup(on)
        if found is None:
            raise MissingRateError(on, self.coverage())
        return found

    @classmethod
    def from_csv(cls, path: str | Path, source: str | None = None) -> RateTable:
        """A table of official daily rates from a CSV with columns `date` and `rate` (tenge per USD).

        A rate carries over to the following days (at most `CARRY_DAYS`) when rows are missing for
        weekends or holidays; the result's basis is `user_table`. The file may start with a UTF-8
        byte-order mark (as spreadsheet programs write it). `RateFileError`, with file and line, for
        a file that is missing, a directory or not UTF-8 text, a table without the two columns, a date
        given twice, and a rate that is not a positive decimal within `PLAUSIBLE_KZT_PER_USD`.
        """
        from ..data.rates import read_rate_csv  # reading a file is data/'s; the table is the law's value

        return read_rate_csv(path, source, cls)


#: tenge per US dollar outside this band is refused as implausible, in a user's table and from the
#: National Bank fetcher. Not a legal limit but a guard against unit mistakes (a rate for 100 or
#: 1,000 dollars, a rate in tiyn) and corrupt data: the shipped table's rates, 2015 to 2020, lie
#: between 185.73 and 452.51; the band leaves room for a fall or a rise of several times that.
PLAUSIBLE_KZT_PER_USD = (Decimal(50), Decimal(5000))


def implausible_rate(rate: Decimal) -> str | None:
    """Why `rate` (tenge per dollar) cannot be a USD/KZT rate, or None when it can."""
    if not rate.is_finite():
        return f"the rate {rate} is not a finite number"
    if rate <= 0:
        return f"the rate {rate} is not positive"
    low, high = PLAUSIBLE_KZT_PER_USD
    if not low <= rate <= high:
        return f"the rate {rate} is implausible (outside {low}..{high} tenge per dollar)"
    return None


#: what a `rates=` parameter takes: a rate source, several (tried in order), or None (the shipped table)
Rates = RateSource | Iterable[RateSource] | None


__getattr__ = _moved.names(
    __name__,
    dict.fromkeys(
        ("MAX_RATE_FILE_BYTES", "load_shipped_rates", "shipped_rates", "find_rate", "usd_rate"), "data.rates"
    ),
)
