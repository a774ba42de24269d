"""Wording a failing batch row's error exactly as `assess()` does, once per distinct case.
"""

from __future__ import annotations

from ..errors import PenaltiesError
from .keys import NO_DATE, SPAN, day_date

def fail_rows(rows, provs, cols, out):
    """Word the error of each failing row as `assess()` does, once per distinct case."""
    import numpy as np

    if not len(rows):
        return
    clip = lambda a: np.clip(a, 0, SPAN - 1)  # noqa: E731 - NO_DATE sorts first
    major = (cols["provision"][rows] * 64 + cols["offender"][rows]) * SPAN + clip(cols["committed"][rows])
    minor = clip(cols["initiated"][rows]) * SPAN + clip(cols["decided"][rows])
    order = np.lexsort((minor, major))
    major, minor, rows = major[order], minor[order], rows[order]
    edges = np.flatnonzero((np.diff(major) != 0) | (np.diff(minor) != 0)) + 1
    for group in np.split(np.arange(len(rows)), edges):
        row = rows[group[0]]
        p = provs[cols["provision"][row]]
        who = cols["offenders"][cols["offender"][row]]
        out.fail(rows[group], str(p) if isinstance(p, Exception) else scalar_error(p, who, cols, row))


def scalar_error(prov, offender, cols, row) -> str:
    """The message `assess()` gives for this row (only called for rows that fail)."""
    from ..assessment import assess

    try:
        assess(prov, committed=day_date(cols["committed"][row]) if cols["committed"][row] != NO_DATE else None,
               initiated=day_date(cols["initiated"][row]), decided=day_date(cols["decided"][row]), offender=offender,
               base_amount=1)
    except PenaltiesError as error:
        return str(error)
    return "cannot assess this row"
