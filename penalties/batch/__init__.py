"""Assessing many cases at once: `assess_batch(table)` on a pyarrow Table or a pandas DataFrame.

Install the extra: `pip install "penalties[batch]"` (numpy, pyarrow, pandas). Nothing here is
imported by `import penalties`.

Input columns: `provision` (any reference form), `committed` (date), and optionally `initiated`,
`decided`, `offender`, `base_amount` (tenge, integer or decimal). The output is the same kind of
table: the input columns plus

    fine_min_mci, fine_max_mci      decimal128(24, 4)   bounds of the "fine" alternative, in MCI
    fine_min_kzt, fine_max_kzt      decimal128(22, 2)   the same in tenge (exact)
    fine_max_usd                    decimal128(22, 2)   rounded half-up to the cent; null without a rate
    arrest_max_days                 int32
    imprisonment_max_months         int32
    version_from                    date32              start of the version applied
    verification                    dictionary<string>  primary / secondary / unverified
    abolished                       bool
    error                           dictionary<string>  why the row could not be assessed, else null

A bad row gets `error` and nulls; the rest of the batch is computed. The results equal
`penalties.assess()` row by row (tests/test_batch.py checks it on random rows): the legal
reasoning (version choice with lex mitior, General-Part limits, the MCI valuation rule) runs once
per distinct combination of provision, offender, versions and rule periods, through the same
code as `assess()`; the per-row work is vectorised (binary searches over dates, integer
arithmetic in tiyn and cents). It is stateless and thread-safe.

The package, in the order a table goes through it:

    inputs    the input columns as integer codes, day numbers and tiyn
    keys      day numbers, keys, dense tables or binary searches
    plan      the distinct keys and the legal reasoning once per key (`penalties.reasoning`)
    refusals  a failing row's error, worded by `assess()`
    amounts   MCI, tenge and dollars per row, in integers
    arrow     the output columns as Arrow arrays
"""

from __future__ import annotations

from .amounts import row_money
from .arrow import Output
from .inputs import read_columns
from .plan import reason

__all__ = ["assess_batch"]


def assess_batch(table, *, rates=None):
    """Assess every row of `table` (pyarrow.Table or pandas.DataFrame); see the module docstring."""
    import pyarrow as pa

    pandas_input = not isinstance(table, pa.Table)
    arrow = pa.Table.from_pandas(table, preserve_index=False) if pandas_input else table
    n = arrow.num_rows
    cols = read_columns(arrow, n)
    out = Output(n)

    # the legal reasoning runs once per distinct combination; rows get its results by gathers
    reason(cols, out, rates)
    if out.columns is None:  # the paths through cells build their columns themselves
        out.allocate()  # (a no-op after _scatter; needed when every row failed)
        row_money(cols, out, rates)
    result = out.to_arrow(arrow)
    return result.to_pandas() if pandas_input else result
