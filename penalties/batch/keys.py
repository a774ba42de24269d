"""Day numbers and keys for the batch: dense lookup tables or binary searches over dates, and the choice between them.

Dates are day numbers since 1970-01-01 (`NO_DATE` for a null). A key packs a provision and a day
(`provision × SPAN + day`); a lookup over a small range of days is a dense table (one gather per
row), over a large one a binary search; `DENSE_LIMIT` bounds the dense tables' size.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..data.general_part import general_part
from ..data.store import cached

EPOCH = date(1970, 1, 1)
NO_DATE = -(2**31)


def day_number(d: date) -> int:
    """Days since 1970-01-01."""
    return (d - EPOCH).days


def day_date(day: int) -> date:
    """The date of a day number."""
    return EPOCH + timedelta(days=int(day))


#: how many entries a dense per-cell or per-day table may have beyond 4 per row; past it the
#: general (sorting, row-by-row) code runs instead. Tests set it to 0 to exercise that code.
DENSE_LIMIT = 2_000_000
SPAN = 1 << 20  # days: every date (1970 + 2,870 years) fits below it, so provision × SPAN + day is a key


@cached(maxsize=4)
def rule_edges(code: str):
    """The days on which the General Part's limits, and its valuation rules, change (as day numbers)."""
    import numpy as np

    gp = general_part(code)
    limits = np.array([day_number(d) for d in gp.edges], dtype=np.int64)
    valuation = np.array(
        sorted(
            {day_number(r.valid_from) for r in gp.valuation}
            | {day_number(r.valid_to) + 1 for r in gp.valuation if r.valid_to}
        ),
        dtype=np.int64,
    )
    return limits, valuation


def sentencing_edges(code: str, rule: str) -> set[int]:
    """The day numbers on which a wording (or unread span) of the General-Part rule `rule`
    (`"limitation"`, `"compulsory_payment"`) of `code` starts or stops."""
    from ..data.sentencing import sentencing_rules

    return {(day - EPOCH).days for day in sentencing_rules(code).edges(rule)}


def bisect_days_by_code(edges_by_code, is_ac, days):
    """searchsorted(edges of the row's code, day, "right") for every row, through one dense table."""
    import numpy as np

    low, high = int(days.min()), int(days.max())
    if high - low > 4 * len(days) + DENSE_LIMIT // 20:
        return np.where(
            is_ac,
            np.searchsorted(edges_by_code[1], days, side="right"),
            np.searchsorted(edges_by_code[0], days, side="right"),
        )
    grid = np.arange(low, high + 1)
    table = np.concatenate([np.searchsorted(e, grid, side="right") for e in edges_by_code])
    return table[is_ac * len(grid) + (days - low)]


def lookup_days(starts, provision, days, n_provisions):
    """Index of the last start ≤ provision × SPAN + day, per row, via a dense table per provision."""
    import numpy as np

    low, high = int(days.min()), int(days.max())
    clipped = days if low >= 0 and high < SPAN else np.clip(days, 0, SPAN - 1)
    low, high = max(low, 0), min(high, SPAN - 1)
    span = high - low + 1
    if span * n_provisions > 4 * len(days) + DENSE_LIMIT // 2:
        return np.searchsorted(starts, provision * SPAN + clipped, side="right") - 1
    grid = (np.arange(n_provisions)[:, None] * SPAN + np.arange(low, high + 1)[None, :]).ravel()
    table = np.searchsorted(starts, grid, side="right") - 1
    return table[provision * span + (clipped - low)]


def unique(keys, size):
    """np.unique(keys, return_inverse=True) for non-negative keys below `size`, without sorting
    when the key space is small (it is: a few provisions × offenders × versions)."""
    import numpy as np

    if size > 4 * len(keys) + DENSE_LIMIT // 2:
        return np.unique(keys, return_inverse=True)
    present = np.zeros(size, dtype=bool)
    present[keys] = True
    uniques = np.flatnonzero(present)
    rank = np.zeros(size, dtype=np.int64)
    rank[uniques] = np.arange(len(uniques))
    return uniques, rank[keys]


def distinct_rows(columns, earliest=None):
    """The distinct rows of equal-length integer `columns`: (count, key_of_row, first_row).

    Like np.unique(np.stack(columns), axis=1, return_index=True, return_inverse=True), in the same
    (lexicographic) order of keys, but the columns are packed into one integer key and counted
    through `unique`'s dense table: np.unique with an axis sorts 1,000,000 rows as byte strings, which
    cost seconds. `first_row[k]` is the first row of key k, or, with `earliest` (an integer per row), the
    first of its rows with the smallest `earliest`.
    """
    import numpy as np

    n = len(columns[0])
    key = np.zeros(n, dtype=np.int64)
    size = 1
    for column in columns:
        low = int(column.min()) if n else 0
        width = (int(column.max()) - low + 1) if n else 1
        if size * width >= 2**62:
            raise OverflowError("the key space of the distinct rows does not fit in 64 bits")
        key = key * width + (column.astype(np.int64) - low)
        size *= width
    uniques, key_of_row = unique(key, size)
    order = np.arange(n, dtype=np.int64)
    if earliest is not None and n:
        rank = earliest.astype(np.int64) - int(earliest.min())
        order = rank * n + order
    best = np.full(len(uniques), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(best, key_of_row, order)
    return len(uniques), key_of_row, best % n if n else best


def periods(edges, days):
    """np.searchsorted(edges, days, side="right") for day numbers, through a dense per-day table
    when the days span a small range (one gather per row instead of a binary search)."""
    import numpy as np

    if not len(days):
        return np.zeros(0, dtype=np.int64)
    low, high = int(days.min()), int(days.max())
    if high - low > 4 * len(days) + DENSE_LIMIT // 20:
        return np.searchsorted(edges, days, side="right")
    table = np.searchsorted(edges, np.arange(low, high + 1, dtype=np.int64), side="right")
    return table[days - low]
