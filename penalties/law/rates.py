"""USD/KZT exchange rates: which rate applies on a date, and on what basis.

A lookup returns a `UsdRate` that states its basis: `daily_official` (the National Bank's official
rate of that day), `monthly_average` or `annual_average` (derived from official daily rates), or
`user_table` (a CSV the caller supplied). Rate sources are tried in order: what the caller passes,
then the shipped table. A date with no rate raises `MissingRateError`, which says how to supply one.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
from bisect import bisect_right
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Protocol

import attrs

from ..data.paths import statutes_dir
from ..data.store import cached
from ..data.toml import Problem, read_toml
from ..errors import DataFileError, MissingRateError, RateFileError
from ..law.provenance import VERIFICATION_LEVELS, Checker

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
            "usd_kzt": str(self.kzt_per_usd), "basis": self.basis,
            "period": [self.period[0].isoformat(), self.period[1].isoformat()],
            "sources": list(self.sources), "verification": self.verification,
        }


class RateSource(Protocol):
    def lookup(self, on: date) -> UsdRate | None: ...


@attrs.frozen
class _Span:
    start: date
    end: date
    rate: Decimal
    basis: str
    sources: tuple[str, ...]
    verification: str
    usd_rate: UsdRate = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self):
        object.__setattr__(self, "usd_rate", UsdRate(self.rate, self.basis, (self.start, self.end), self.sources,
                                                     self.verification))


class RateTable:
    """Dated rates on one or more bases; `lookup` prefers daily, then monthly, then annual."""

    def __init__(self, spans: Iterable[_Span], name: str = "rates", carry_days: int = 0):
        self.name = name
        self.carry_days = carry_days
        self._by_basis: dict[str, tuple[list[date], list[_Span]]] = {}
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
                return attrs.evolve(span.usd_rate, note=f"carried over from {span.start.isoformat()} to {on}",
                                    carried_from=span.start)
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
        path = Path(path)
        text = _read_rate_file(path)
        spans, problems = [], []
        seen: dict[date, int] = {}
        origin = source or path.absolute().as_uri()
        try:
            reader = csv.DictReader(io.StringIO(text, newline=""))
            fields = {name.strip().lower(): name for name in (reader.fieldnames or []) if name is not None}
            if "date" not in fields or "rate" not in fields:
                raise RateFileError([Problem(str(path), 1, "a rate table needs the columns 'date' and 'rate'"
                                             + (" (the file is empty)" if not text.strip() else ""))])
            for row in reader:
                here = reader.line_num
                try:
                    day = date.fromisoformat(row[fields["date"]].strip())
                    rate = Decimal(row[fields["rate"]].strip())
                except (ValueError, InvalidOperation, AttributeError, TypeError):
                    problems.append(Problem(str(path), here, f"cannot read date/rate from {_row(row)}"))
                    continue
                wrong = implausible_rate(rate)
                if wrong:
                    problems.append(Problem(str(path), here, f"{day.isoformat()}: {wrong}"))
                    continue
                if day in seen:
                    problems.append(Problem(str(path), here, f"{day.isoformat()} is given twice (first on line "
                                                               f"{seen[day]}); keep one rate per day"))
                    continue
                seen[day] = here
                spans.append(_Span(day, day, rate, "user_table", (origin,), "unverified"))
        except csv.Error as error:
            raise RateFileError([Problem(str(path), reader.line_num or None, f"not a CSV table: {error}")]) from None
        if problems:
            raise RateFileError(problems)
        return cls(spans, name=str(path), carry_days=CARRY_DAYS)


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


#: a rate table larger than this is refused unread (a daily table since 1993 is under 1 MB)
MAX_RATE_FILE_BYTES = 64 * 1024 * 1024


def _read_rate_file(path: Path) -> str:
    """The text of a user's rate table, or `RateFileError` saying why it cannot be read."""
    def refuse(message: str, line: int | None = None):
        return RateFileError([Problem(str(path), line, message)])

    try:
        if path.is_dir():
            raise refuse("is a directory, not a CSV file")
        with path.open("rb") as f:
            data = f.read(MAX_RATE_FILE_BYTES + 1)
    except FileNotFoundError:
        raise refuse("no such rate file") from None
    except OSError as error:
        raise refuse(f"cannot read the rate file: {error.strerror or error}") from None
    if len(data) > MAX_RATE_FILE_BYTES:
        raise refuse(f"larger than {MAX_RATE_FILE_BYTES // 1024 // 1024} MB; not a rate table")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise refuse("not UTF-8 text (a binary file, or a spreadsheet not saved as CSV UTF-8)",
                     data.count(b"\n", 0, error.start) + 1) from None
    if "\x00" in text:
        raise refuse("not a CSV table (it contains NUL bytes: a binary file?)", text.count("\n", 0, text.index("\x00")) + 1)
    return text


def _row(row: dict) -> str:
    text = repr({k: v for k, v in row.items() if k is not None})
    return text if len(text) <= 80 else text[:77] + "..."


def load_shipped_rates(path=None) -> RateTable:
    path = path or statutes_dir() / "kz" / "rates" / "usd_kzt.toml"
    data, lines = read_toml(path)
    checker = Checker(path, lines)
    checker.keys(data, (), {"derivation"}, {"daily_official", "monthly_average", "annual_average"})
    derivation = data.get("derivation", {})
    checker.keys(derivation, ("derivation",), {"method", "input", "verification", "sources"}, set())
    derived_sources = tuple(derivation.get("sources", ()))
    spans = []
    periods: dict[str, list[tuple[date, date, tuple]]] = {}
    for basis in ("daily_official", "monthly_average", "annual_average"):
        for i, row in enumerate(data.get(basis, [])):
            where = (basis, i)
            rate_text = checker.typed(row, "rate", where, str)
            try:
                rate = Decimal(rate_text) if rate_text and rate_text.strip() else None
            except InvalidOperation:
                checker.problem(where + ("rate",), f"not a decimal: {rate_text!r}")
                rate = None
            if basis == "daily_official":
                checker.keys(row, where, {"date", "rate", "verification", "sources"}, {"notes"})
                start = end = checker.typed(row, "date", where, date)
                sources = tuple(row.get("sources", ()))
                verification = row.get("verification", "secondary")
            else:
                # an average derived by scripts/derive_usd_averages.py carries the file's [derivation];
                # one stated by a source (a statistical release, a data service) names it itself
                checker.keys(row, where, {"valid_from", "valid_to", "rate"}, {"notes", "sources", "verification"})
                start, end = checker.interval(row, where)
                if "sources" in row or "verification" in row:
                    sources, verification = _stated(checker, row, where)
                else:
                    sources, verification = derived_sources, derivation.get("verification", "secondary")
            wrong = implausible_rate(rate) if rate is not None else None
            if wrong:
                checker.problem(where + ("rate",), wrong)
            elif rate_text is not None and not rate_text.strip():
                checker.problem(where + ("rate",), "the rate is empty")
            if start is not None and end is not None and rate is not None and not wrong:
                spans.append(_Span(start, end, rate, basis, sources, verification))
                periods.setdefault(basis, []).append((start, end, where))
    for basis, dated in periods.items():  # one rate per day and basis: a second one would win or lose silently
        dated.sort(key=lambda p: p[0])
        for (_, end, first), (start, _, where) in itertools.pairwise(dated):
            if start <= end:
                checker.problem(where, f"{basis} from {start} overlaps the one at line "
                                       f"{checker.lines.line_of(first)} (to {end}); one rate per day")
    if checker.problems:
        raise DataFileError(checker.problems)
    return RateTable(spans, name=str(path))


def _stated(checker: Checker, row: dict, where: tuple) -> tuple[tuple[str, ...], str]:
    """The sources and verification of an average a source states (not one the script derived)."""
    sources = checker.typed(row, "sources", where, list, [])
    if not sources or not all(isinstance(s, str) and s.startswith(("http://", "https://")) for s in sources):
        checker.problem(where + ("sources",), "a stated average names its sources as a list of http(s) URLs")
    verification = checker.typed(row, "verification", where, str)
    if verification not in VERIFICATION_LEVELS:
        checker.problem(where + ("verification",),
                        f"'verification' should be one of {', '.join(VERIFICATION_LEVELS)}, got {verification!r}")
    return tuple(sources), verification or "unverified"


@cached
def shipped_rates() -> RateTable:
    return load_shipped_rates()


#: what a `rates=` parameter takes: a rate source, several (tried in order), or None (the shipped table)
Rates = RateSource | Iterable[RateSource] | None


def find_rate(on: date, rates: RateSource | Iterable[RateSource] | None = None) -> UsdRate | None:
    """Like `usd_rate`, but None where no source has a rate."""
    for source in _sources(rates):
        found = source.lookup(on)
        if found is not None:
            return found
    return None


def usd_rate(on: date, rates: RateSource | Iterable[RateSource] | None = None) -> UsdRate:
    """The USD/KZT rate that applies on `on`: from `rates` first (a table, a fetcher, or a list of
    them), then from the shipped table."""
    from .. import inputs

    on, rates = inputs.a_date(on, "on"), inputs.rate_sources(rates)
    for source in _sources(rates):
        found = source.lookup(on)
        if found is not None:
            return found
    raise MissingRateError(on, shipped_rates().coverage())


def _sources(rates) -> tuple:
    if rates is None:
        return (shipped_rates(),)
    if hasattr(rates, "lookup"):
        return (rates, shipped_rates())
    return (*rates, shipped_rates())
