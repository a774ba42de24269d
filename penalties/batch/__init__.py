"""Assessing many cases at once: `assess_batch(table)` on a pyarrow Table or a pandas DataFrame.

Install the extra: `pip install "penalties[batch]"` (numpy, pyarrow, pandas). Nothing here is
imported by `import penalties`.

Input columns: `provision` (any reference form), `committed` (date), and optionally `initiated`,
`decided`, `offender`, `base_amount` (tenge, integer or decimal), `count` (a whole number: the units a
fine "за каждый платежный документ" is for; a row of such a fine without it gets `MissingCountError`'s
message as its error). A fine in percent of a base bounded in MCI ("…, но не менее пяти месячных
расчетных показателей") without `base_amount` gets the bounds alone (fine_min = the floor, fine_max = the
ceiling, null where the sanction sets none), as `assess()` states them. The output is the same kind of
table: the input columns plus

    fine_min_mci, fine_max_mci      decimal128(24, 4)   bounds of the "fine" alternative, in MCI
    fine_min_kzt, fine_max_kzt      decimal128(22, 2)   the same in tenge (exact)
    fine_max_usd                    decimal128(22, 2)   rounded half-up to the cent; null without a rate
    arrest_max_days                 int32
    imprisonment_max_months         int32
    version_from                    date32              start of the version applied
    verification                    dictionary<string>  primary / secondary / unverified
    abolished                       bool
    limitation_date                 date32              the last day a case can be brought (Assessment.limitation);
                                                        null where it cannot be given
    compulsory_payment_mci          int32               CC arts 98-1, 98-2 for the category (Assessment.compulsory_payment);
                                                        null where it does not apply or is not encoded
    compulsory_payment_kzt          decimal128(22, 2)   the same in tenge at the MCI of the valuation day
    error                           dictionary<string>  why the row could not be assessed, else null

A pandas DataFrame comes back with its own columns and index and these columns Arrow-backed
(`pd.ArrowDtype`: exact decimals, no Python objects), `verification` and `error` as categoricals.

A bad row gets `error` (worded as `assess()` words it) and nulls; the rest of the batch is
computed, and no row ever fails the table. The results equal `penalties.assess()` row by row
(tests/test_batch.py checks it on random and hostile rows): the legal reasoning (version choice
with lex mitior, General-Part limits, the MCI valuation rule) runs once per distinct combination
of provision, offender, versions and rule periods, through the functions of `penalties.reasoning`
that `assess()` calls; the per-row work is vectorised (binary searches over dates, integer
arithmetic in tiyn and cents). Rows it cannot take (null or far-off dates, values that are not
dates or amounts, base amounts `assess()` refuses or whose integers could overflow) are assessed
by `assess()` itself. An empty table gives an empty result with these columns; anything but a
table is a `UserInputError`. It is stateless and thread-safe.

The package, in the order a table goes through it:

    inputs    the input columns as integer codes, day numbers and tiyn
    keys      day numbers, keys, dense tables or binary searches
    plan      the distinct keys and the legal reasoning once per key (`penalties.reasoning`)
    refusals  a failing row's error, worded by `assess()`
    amounts   MCI, tenge and dollars per row, in integers
    limitation  the limitation date per row, by reasoning.limitation once per distinct term
    compulsory_payment  the compulsory payment per row, by reasoning.compulsory_payment once per key
    rows      the rows the vectorised path does not take, assessed by `assess()`
    arrow     the output columns as Arrow arrays, in one order whichever path made them
"""

from __future__ import annotations

from typing import TYPE_CHECKING, overload

from ..errors import UserInputError, shown
from ..inputs import rate_sources
from ..law.rates import Rates
from .amounts import row_money
from .arrow import COLUMNS, Output, append_columns, merged
from .compulsory_payment import payment_columns, payment_counts
from .inputs import read_columns
from .keys import NO_DATE, distinct_rows, periods, sentencing_edges
from .limitation import date_array, limitation_days
from .plan import reason
from .rows import assessed_rows

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = ["assess_batch"]


@overload
def assess_batch(table: pd.DataFrame, *, rates: Rates = None) -> pd.DataFrame: ...
@overload
def assess_batch(table: pa.Table | pa.RecordBatch, *, rates: Rates = None) -> pa.Table: ...
def assess_batch(table, *, rates=None):
    """Assess every row of `table` (a pyarrow Table or RecordBatch, or a pandas DataFrame); see the
    module docstring. `UserInputError` for anything else, or a table without the required columns."""
    import numpy as np

    arrow, pandas_input = _as_arrow(table)
    rates = rate_sources(rates)
    n = arrow.num_rows
    cols = read_columns(arrow, n)
    aside = cols["aside"]
    if n == 0:
        columns = assessed_rows(arrow, [], rates)
    elif aside is None:  # the common case: every row vectorised
        columns, redo = _vectorised(cols, rates)
        if len(redo):
            columns = merged(columns, n, np.arange(n), assessed_rows(arrow, redo, rates), redo)
    else:  # rows aside: assess() does them, the rest is vectorised
        vector_rows = np.flatnonzero(~aside)
        if len(vector_rows):
            columns, redo = _vectorised(read_columns(arrow.take(vector_rows), len(vector_rows)), rates)
            redo = vector_rows[redo]
        else:
            columns, redo = assessed_rows(arrow, [], rates), vector_rows
        other_rows = np.union1d(np.flatnonzero(aside), redo)
        columns = merged(columns, n, vector_rows, assessed_rows(arrow, other_rows, rates), other_rows)
    if pandas_input:
        return _pandas_result(table, columns)
    return append_columns(arrow, columns)


def _pandas_result(frame, columns):
    """`frame` (its own columns and index, not copied) with the result columns added in the order
    of COLUMNS: Arrow-backed (`pd.ArrowDtype`, the decimals exact, no Python objects), the two
    dictionary columns as pandas categoricals (their codes and levels, no Python loop)."""
    import pandas as pd
    import pyarrow as pa

    added = {}
    for name in COLUMNS:
        column = columns[name]
        if pa.types.is_dictionary(column.type):
            added[name] = pd.Series(column.to_pandas().array, index=frame.index, name=name, copy=False)
        else:
            added[name] = pd.Series(pd.arrays.ArrowExtensionArray(column), index=frame.index, name=name, copy=False)
    kept = frame.drop(columns=[name for name in COLUMNS if name in frame.columns])
    return pd.concat([kept, pd.DataFrame(added, index=frame.index, copy=False)], axis=1)


def _as_arrow(table):
    import sys

    import pyarrow as pa

    if isinstance(table, pa.Table):
        return table, False
    if isinstance(table, pa.RecordBatch):
        return pa.Table.from_batches([table]), False
    pd = sys.modules.get("pandas")
    if pd is not None and isinstance(table, pd.DataFrame):
        try:
            return pa.Table.from_pandas(table, preserve_index=False), True
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError) as error:
            raise UserInputError(f"assess_batch cannot read the DataFrame as a table: {error}") from None
    raise UserInputError(f"assess_batch takes a pyarrow.Table or a pandas.DataFrame, got {shown(table)}")


def _by_cell(cols, row_cell, days, failed):
    """The limitation days and compulsory-payment counts of every row, worked out for one row of each
    distinct (plan cell, period of the two rules' wordings on the day decided) and gathered: the cell
    fixes the provision, offender, day committed and version applied, and the rules read nothing
    else of a row (`limitation_days` and `payment_counts` are asked exactly as for the whole table)."""
    import numpy as np

    n = cols["n"]
    limitation = np.full(n, NO_DATE, dtype=np.int64)
    payment = np.full(n, -1, dtype=np.int64)
    rows = np.flatnonzero(~failed & (days != NO_DATE))
    if not len(rows):
        return limitation, payment
    edges = np.array(
        sorted(
            set().union(
                *(
                    sentencing_edges(code, rule)
                    for code, rule in (("cc", "limitation"), ("ac", "limitation"), ("cc", "compulsory_payment"))
                )
            )
        ),
        dtype=np.int64,
    )
    count, key_of_row, first = distinct_rows([row_cell[rows], periods(edges, cols["decided"][rows])])
    one = rows[first]  # one row per key
    sample = {
        "n": count,
        "provisions": cols["provisions"],
        "offenders": cols["offenders"],
        **{name: cols[name][one] for name in ("provision", "offender", "committed", "decided")},
    }
    limitation[rows] = limitation_days(sample, days[one], failed[one])[key_of_row]
    payment[rows] = payment_counts(sample, days[one], failed[one])[key_of_row]
    return limitation, payment


def _vectorised(cols, rates):
    """The result columns of the rows `cols` holds, and the rows among them whose figures would
    overflow the integer arithmetic (assess() does those)."""
    import numpy as np
    import pyarrow as pa

    out = Output(cols["n"])
    # the legal reasoning runs once per distinct combination; rows get its results by gathers
    reason(cols, out, rates)
    if out.columns is None:  # the paths through cells build their columns themselves
        out.allocate()  # (a no-op after _scatter; needed when every row failed)
        row_money(cols, out, rates)
    columns = out.to_columns()
    failed = columns["error"].is_valid().to_numpy(zero_copy_only=False)
    days = columns["version_from"].cast(pa.int32()).fill_null(NO_DATE).to_numpy().astype(np.int64)
    if out.row_cell is None:
        limitation, payment = limitation_days(cols, days, failed), payment_counts(cols, days, failed)
    else:
        limitation, payment = _by_cell(cols, out.row_cell, days, failed)
    columns["limitation_date"] = date_array(limitation)
    columns.update(payment_columns(cols, payment))
    return columns, out.redo if out.redo is not None else np.zeros(0, dtype=np.int64)
