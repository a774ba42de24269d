"""Wording a failing batch row's error exactly as `assess()` does, once per distinct case."""

from __future__ import annotations

from ..errors import PenaltiesError
from .keys import NO_DATE, day_date


def fail_rows(rows, provs, cols, out):
    """Word the error of each failing row as `assess()` does, once per distinct case. A row that
    `assess()` does not refuse after all is added to `out.redo`, so that it gets `assess()`'s figures:
    the vectorised checks can only send a row to `assess()`, never give it an error of their own."""
    import numpy as np

    if not len(rows):
        return
    keys = [cols[k][rows] for k in ("decided", "initiated", "committed", "offender", "provision")]
    order = np.lexsort(keys)
    rows = rows[order]
    keys = [k[order] for k in keys]
    changes = np.zeros(max(len(rows) - 1, 0), dtype=bool)
    for k in keys:
        changes |= np.diff(k) != 0
    redo = []
    for group in np.split(np.arange(len(rows)), np.flatnonzero(changes) + 1):
        row = rows[group[0]]
        p = provs[cols["provision"][row]]
        who = cols["offenders"][cols["offender"][row]]
        message = str(p) if isinstance(p, Exception) else scalar_error(p, who, cols, row)
        if message is None:
            redo.append(rows[group])
        else:
            out.fail(rows[group], message)
    if redo:
        add_redo(out, np.concatenate(redo))


def add_redo(out, rows) -> None:
    """Mark `rows` for `assess()` itself (`penalties.batch.rows`)."""
    import numpy as np

    out.redo = np.asarray(rows) if out.redo is None else np.union1d(out.redo, rows)


def scalar_error(prov, offender, cols, row) -> str | None:
    """The message `assess()` gives for this row, or None if it gives none (then the row is redone by
    `assess()`, see `fail_rows`)."""
    from ..assessment import assess

    try:
        assess(
            prov,
            committed=day_date(cols["committed"][row]) if cols["committed"][row] != NO_DATE else None,
            initiated=day_date(cols["initiated"][row]),
            decided=day_date(cols["decided"][row]),
            offender=offender,
            base_amount=1,
        )
    except PenaltiesError as error:
        return str(error)
    return None
