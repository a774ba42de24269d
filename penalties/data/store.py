"""The store: every cache of what was read from `statutes/`, registered in one place.

Data is read lazily and kept for the life of the process (the statute files do not change under a
running program). `clear()` forgets all of it at once, so that the next call reads the files again:
after `PENALTIES_STATUTES` names another tree, after the data was edited under a long-running server,
or between the broken trees of a test. A module that keeps something derived from the data declares
its cache here (`@cached` / `@cached(maxsize=…)`, or `register(clear)` for a hand-made one) instead of
`functools.cache`, so that no stale value can survive a `clear()`. The loaders of `penalties.data`
(articles, acts, General Parts, MCI, rates, sentencing rules, readings) and what is derived from
them (lookups, assessments, the batch's dense tables, the search index) are all kept here; the only
`functools` caches left hold what no statute file changes (the package's gettext catalogs and JSON
Schemas, CLDR's plural rules, a stemmer), and tests/test_layout.py checks that no other appears.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any, TypeVar, overload

F = TypeVar("F", bound=Callable[..., Any])

_clearers: list[Callable[[], None]] = []
_lock = threading.Lock()


@overload
def cached(function: F, /) -> F: ...
@overload
def cached(*, maxsize: int | None = None) -> Callable[[F], F]: ...
def cached(function=None, /, *, maxsize=None):
    """`functools.lru_cache` (unbounded by default) whose contents `clear()` forgets."""

    def decorate(f):
        wrapped = functools.lru_cache(maxsize=maxsize)(f)
        register(wrapped.cache_clear)
        return wrapped

    return decorate(function) if function is not None else decorate


def register(clear: Callable[[], None]) -> None:
    """Have `clear()` call `clear` too (e.g. a dict's `.clear` for a cache kept by hand)."""
    with _lock:
        _clearers.append(clear)


def clear() -> None:
    """Forget everything read from the statute files; the next use reads them again."""
    with _lock:
        clearers = list(_clearers)
    for each in clearers:
        each()
