"""Filling the National Bank fetcher's cache with the official rates of a range of days.

`update_cache(first, last, cache_dir)` is what `penalties rates update --from D --to D` runs: for
every calendar day of the range it asks the cache (`NBKRates(offline=True)`), and fetches only the
days the cache does not have. Each fetched day is written to the cache at once (atomically, by
`penalties.nbk.NBKRates`), so an interrupted run keeps every day it fetched and the next run with
the same range starts where it stopped. A day the bank cannot answer is reported, not fatal: the
run goes on, and a later run tries it again.

The cache is the one `--nbk-cache` (and `penalties.nbk.NBKRates(cache_dir=…)`) reads; by default
`default_cache_dir()`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import attrs

from .errors import UserInputError
from .nbk import DEFAULT_URL, NBKRates, RateFetchError, default_cache_dir

#: a longer range is refused as a likely mistake (a day is one request to the bank)
MAX_DAYS = 20_000
#: what `progress` is told about each day
STATUSES = ("cached", "fetched", "failed")


@attrs.frozen
class UpdateReport:
    """What a run did: the range, the days already cached, the days fetched, the days that failed."""

    first: date
    last: date
    cache_dir: Path
    cached: int = 0
    fetched: int = 0
    failed: tuple[tuple[date, str], ...] = ()

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


Progress = Callable[[int, int, date, str], None]


def check_range(first: date, last: date, today: date) -> None:
    """`UserInputError` unless `first..last` is a range the bank can have rates for."""
    if last < first:
        raise UserInputError(f"--to {last.isoformat()} is before --from {first.isoformat()}")
    # the official rate of a day is set on the business day before it, so tomorrow's may exist
    if last > today + timedelta(days=1):
        raise UserInputError(f"--to {last.isoformat()} is in the future: the National Bank has no rate for it yet")
    if (last - first).days + 1 > MAX_DAYS:
        raise UserInputError(
            f"{first.isoformat()}..{last.isoformat()} is more than {MAX_DAYS} days; update a shorter range"
        )


def update_cache(
    first: date,
    last: date,
    cache_dir: str | Path | None = None,
    *,
    base_url: str = DEFAULT_URL,
    progress: Progress | None = None,
    delay: float = 0.0,
    timeout: float = 10.0,
    deadline: float = 30.0,
    today: date | None = None,
) -> UpdateReport:
    """Fetch into the cache every day of `first..last` (inclusive) that it does not have yet.

    `progress(done, total, day, status)` is called after each day (`status` one of `STATUSES`);
    `delay` seconds pass between two requests to the bank (none before a day the cache answers).
    An exception raised by `progress` (a KeyboardInterrupt) stops the run; the days fetched so far
    stay cached. `UserInputError` for a range that is reversed, in the future or too long.
    """
    check_range(first, last, today or date.today())
    folder = Path(cache_dir).expanduser() if cache_dir is not None else default_cache_dir()
    cache = NBKRates(folder, offline=True)
    bank = NBKRates(folder, base_url=base_url, timeout=timeout, deadline=deadline)
    total = (last - first).days + 1
    cached = fetched = 0
    failed: list[tuple[date, str]] = []
    asked = False
    for i in range(total):
        day = first + timedelta(days=i)
        if cache.lookup(day) is not None:
            cached += 1
            status = "cached"
        else:
            if asked and delay > 0:
                time.sleep(delay)
            asked = True
            try:
                bank.lookup(day)
                fetched += 1
                status = "fetched"
            except RateFetchError as error:
                failed.append((day, error.reason))
                status = "failed"
        if progress is not None:
            progress(i + 1, total, day, status)
    return UpdateReport(first, last, folder, cached, fetched, tuple(failed))
