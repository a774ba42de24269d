"""The batch's output columns as Arrow arrays, built from numpy buffers without Python objects (exact decimals, dictionary strings)."""

from __future__ import annotations

from typing import Any

from .keys import NO_DATE


class Output:
    """The result of the vectorised path, per row: built in numpy, then `to_columns()` as Arrow arrays."""

    def __init__(self, n):
        self.n = n
        self._error = None  # index into self.messages per row, -1 = none; allocated on the first error
        self.messages: dict[str, int] = {}
        self.columns = None  # result columns, when a path builds them directly
        self.allocated = False
        self.redo = None  # rows whose figures would overflow the integers: assess() does them (rows.py)
        self.row_cell = None  # each row's cell of the plan's grid (plan._reason_by_day), when it made one

    def allocate(self) -> None:
        """The per-row arrays of the general path (the by-day path does without them)."""
        import numpy as np

        if self.allocated:
            return
        self.allocated = True
        n = self.n
        self.verification = np.full(n, -1, dtype=np.int64)  # index into VERIFICATION
        self.version_from = np.full(n, NO_DATE, dtype=np.int64)
        self.abolished = np.zeros(n, dtype=bool)
        self.arrest = np.full(n, -1, dtype=np.int64)
        self.prison = np.full(n, -1, dtype=np.int64)
        # fine bounds as (value × 10^4, unit code) per row; unit 0 none, 1 MCI, 2 KZT, 3 base multiple
        self.fine_unit = np.zeros((2, n), dtype=np.int8)
        self.fine_e4 = np.zeros((2, n), dtype=np.int64)
        self.valued_on = np.full(n, NO_DATE, dtype=np.int64)
        self.has_money = np.zeros(n, dtype=bool)  # some item of the sanction is an amount (the MCI is needed)
        self.units_present: set = {0}
        # numpy integer arrays, set by batch.amounts (Any: numpy is imported lazily and untyped here)
        self.kzt_tiyn: Any = None
        self.mci_e4: Any = None
        self.usd_cents: Any = None

    @property
    def error(self):
        import numpy as np

        if self._error is None:
            self._error = np.full(self.n, -1, dtype=np.int64)
        return self._error

    def fail(self, rows, message: str) -> None:
        self.error[rows] = self.messages.setdefault(message, len(self.messages))

    def to_columns(self) -> dict:
        """The result columns, name -> pyarrow array."""
        import numpy as np
        import pyarrow as pa

        if self.columns is not None:
            errors = self._error if self._error is not None else np.zeros(0, dtype=np.int64)
            return dict(self.columns, error=strings(errors, list(self.messages), self.n))
        ok = self.error < 0
        has = [(self.fine_unit[i] > 0) & ok for i in (0, 1)]
        return {
            "fine_min_mci": decimal_array(self.mci_e4[0], has[0], 24, 4),
            "fine_max_mci": decimal_array(self.mci_e4[1], has[1], 24, 4),
            "fine_min_kzt": decimal_array(self.kzt_tiyn[0], has[0], 22, 2),
            "fine_max_kzt": decimal_array(self.kzt_tiyn[1], has[1], 22, 2),
            "fine_max_usd": decimal_array(self.usd_cents, has[1] & (self.usd_cents >= 0), 22, 2),
            "arrest_max_days": int32_array(self.arrest, (self.arrest >= 0) & ok),
            "imprisonment_max_months": int32_array(self.prison, (self.prison >= 0) & ok),
            "version_from": pa.array(
                self.version_from.astype(np.int32), mask=self.version_from == NO_DATE, type=pa.int32()
            ).cast(pa.date32()),
            "verification": strings(self.verification, VERIFICATION),
            "abolished": pa.array(self.abolished, mask=~ok, type=pa.bool_()),
            "error": strings(self.error, list(self.messages)),
        }


#: the result columns, in the order they are appended (the module docstring of penalties.batch)
COLUMNS = (
    "fine_min_mci",
    "fine_max_mci",
    "fine_min_kzt",
    "fine_max_kzt",
    "fine_max_usd",
    "arrest_max_days",
    "imprisonment_max_months",
    "version_from",
    "verification",
    "abolished",
    "limitation_date",
    "compulsory_payment_mci",
    "compulsory_payment_kzt",
    "error",
)


def append_columns(arrow, columns):
    """`arrow` with `columns` added at the end in the order of COLUMNS (replacing input columns of
    the same name), whichever path computed them."""
    for name in COLUMNS:
        column = columns[name]
        if name in arrow.column_names:
            arrow = arrow.drop_columns([name])
        arrow = arrow.append_column(name, column)
    return arrow


VERIFICATION = ["primary", "secondary", "unverified"]
#: the decimal columns: (precision, scale)
DECIMALS = {
    "fine_min_mci": (24, 4),
    "fine_max_mci": (24, 4),
    "fine_min_kzt": (22, 2),
    "fine_max_kzt": (22, 2),
    "fine_max_usd": (22, 2),
}


def strings(codes, levels, n=None):
    """A string array from integer codes into `levels` (-1 = null), built in Arrow, not Python."""
    import pyarrow as pa

    if not levels:  # no row has a value (e.g. no errors): nothing to read
        indices = pa.nulls(len(codes) if n is None else n, pa.int32())
    else:
        indices = pa.array(codes.astype("int32"), mask=codes < 0)
    dictionary = pa.array(levels or [""], type=pa.string())
    return pa.DictionaryArray.from_arrays(indices, dictionary)


class Gathered:
    """A validity mask per row, from a mask per cell: gathered once and shared by the columns that
    use it, and not gathered at all when every cell the rows use agrees (all valid, or all null)."""

    def __init__(self, per_cell, rows, used=None):
        import numpy as np

        self.length = len(rows)
        if used is not None and per_cell[used].all():
            self.values, self.null_count = None, 0
        elif used is not None and not per_cell[used].any():
            self.values, self.null_count = None, self.length
        else:
            self.values = np.take(per_cell, rows)
            self.null_count = int(self.length - np.count_nonzero(self.values))

    @property
    def all_null(self) -> bool:
        return self.null_count == self.length > 0


def _validity(valid):
    """(bitmap buffer or None, null count) for a boolean mask or a Gathered mask."""
    import numpy as np
    import pyarrow as pa

    if isinstance(valid, Gathered):
        if valid.values is None:
            return (None, 0) if valid.null_count == 0 else (pa.py_buffer(bytes((valid.length + 7) // 8)), valid.length)
        mask, nulls = valid.values, valid.null_count
    else:
        mask, nulls = valid, int(len(valid) - np.count_nonzero(valid))
    if nulls == 0:
        return None, 0
    return pa.py_buffer(np.packbits(mask, bitorder="little")), nulls


def int32_array(values, valid, rows=None, type=None):
    """An int32 (or date32) Arrow array with nulls where not `valid`, built from buffers; `rows`, if
    given, gathers `values` first (`valid` is then already per row)."""
    import numpy as np
    import pyarrow as pa

    if isinstance(valid, Gathered) and valid.all_null:
        return pa.nulls(valid.length, type or pa.int32())
    data = values.astype(np.int32)
    if rows is not None:
        data = np.take(data, rows)
    validity, nulls = _validity(valid)
    return pa.Array.from_buffers(type or pa.int32(), len(data), [validity, pa.py_buffer(data)], null_count=nulls)


def decimal_array(unscaled, valid, precision, scale, rows=None):
    """A decimal128 Arrow array from int64 unscaled values (exact, no Python objects); `rows`, if
    given, gathers the values first (`valid` is then already per row)."""
    import numpy as np
    import pyarrow as pa

    if isinstance(valid, Gathered) and valid.all_null:
        return pa.nulls(valid.length, pa.decimal128(precision, scale))
    words = np.empty((len(unscaled), 2), dtype=np.int64)
    words[:, 0] = unscaled
    np.right_shift(unscaled, 63, out=words[:, 1])  # sign extension into the high 64 bits
    if rows is not None:
        words = np.take(words, rows, axis=0)
    validity, nulls = _validity(valid)
    return pa.Array.from_buffers(
        pa.decimal128(precision, scale), len(words), [validity, pa.py_buffer(words)], null_count=nulls
    )


def merged(columns: dict, n: int, vector_rows, other: dict, other_rows) -> dict:
    """Columns for `n` rows from the vectorised path's `columns` (for the rows `vector_rows`, in
    order) and `other` columns for the rows `other_rows`, which win where a row is in both."""
    import numpy as np
    import pyarrow as pa

    position = np.zeros(n, dtype=np.int64)
    position[vector_rows] = np.arange(len(vector_rows))
    position[other_rows] = len(vector_rows) + np.arange(len(other_rows))
    take = pa.array(position)
    out = {}
    for name, column in columns.items():
        parts = [column, other[name]]
        dictionary = pa.types.is_dictionary(column.type)
        if dictionary:
            parts = [p.cast(pa.string()) if pa.types.is_dictionary(p.type) else p for p in parts]
        joined = pa.concat_arrays([p.cast(parts[0].type) for p in parts]).take(take)
        out[name] = joined.dictionary_encode() if dictionary else joined
    return out
