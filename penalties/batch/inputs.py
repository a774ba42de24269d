"""Reading a batch's input columns: references and offenders as integer codes, dates as day numbers, base amounts in tiyn.
"""

from __future__ import annotations

from decimal import Decimal

from ..errors import PenaltiesError
from ..law.provisions import OFFENDERS
from ..reasoning.case_dates import default_decided
from .keys import NO_DATE

def read_columns(arrow, n):
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    names = set(arrow.column_names)
    for required in ("provision", "committed"):
        if required not in names:
            raise PenaltiesError(f"assess_batch needs a column {required!r}")

    def encode(name, default):
        """Integer codes per row and the levels they index. A dictionary column (pandas categorical,
        Arrow dictionary) is used as it is; a string column is hashed once."""
        if name not in names:
            return np.zeros(n, dtype=np.int64), [default]
        column = arrow.column(name)
        if not pa.types.is_dictionary(column.type):
            if not pa.types.is_string(column.type):
                column = column.cast(pa.string())
            column = column.dictionary_encode()
        column = column.unify_dictionaries()
        chunks = column.chunks
        if not chunks:
            return np.zeros(0, dtype=np.int64), [default]
        levels = [default if v is None else str(v) for v in chunks[0].dictionary.to_pylist()]
        codes = np.concatenate([c.indices.fill_null(0).to_numpy() if c.null_count else c.indices.to_numpy()
                                for c in chunks]).astype(np.int64)
        if column.null_count:
            nulls = np.concatenate([c.is_null().to_numpy(zero_copy_only=False) for c in chunks])
            codes[nulls] = len(levels)
            levels.append(default)
        return codes, levels

    def days(name):
        if name not in names:
            return None
        column = arrow.column(name)
        if pa.types.is_timestamp(column.type):
            column = column.cast(pa.date32())
        if not pa.types.is_date(column.type):
            column = column.cast(pa.date32())
        column = column.cast(pa.date32()).cast(pa.int32())
        if column.null_count:
            column = pc.fill_null(column, NO_DATE)
        chunks = [c.to_numpy() for c in column.chunks] or [np.zeros(0, np.int32)]
        return (chunks[0] if len(chunks) == 1 else np.concatenate(chunks)).astype(np.int64)

    provision, provisions = encode("provision", "")
    offender = offenders = None
    if "offender" in names and pa.types.is_string(arrow.column("offender").type):
        # a handful of known categories: index_in is cheaper than a dictionary encoding
        known = list(OFFENDERS)
        codes = pc.index_in(arrow.column("offender"), value_set=pa.array(known))
        if codes.null_count == 0:
            offender, offenders = codes.to_numpy(), known  # int32: widened where it is combined
    if offender is None:
        offender, offenders = encode("offender", "individual")
    committed = days("committed")
    initiated = days("initiated")
    decided = days("decided")
    # absent columns share the committed array (read-only use), so that nothing is copied
    has_later_dates = initiated is not None or decided is not None
    has_null = lambda days: len(days) and days.min() == NO_DATE  # noqa: E731 - a null sorts first
    if initiated is None:
        initiated = committed
    elif has_null(initiated):
        initiated = np.where(initiated == NO_DATE, committed, initiated)
    if decided is None:
        decided = initiated if initiated is committed else default_decided(committed, initiated, np.maximum)
    elif has_null(decided):
        decided = np.where(decided == NO_DATE, default_decided(committed, initiated, np.maximum), decided)
    base_tiyn = None
    if "base_amount" in names:
        column = arrow.column("base_amount")
        if pa.types.is_floating(column.type):
            raise PenaltiesError("base_amount must be an integer or decimal column, not float (money is exact)")
        scaled = pc.multiply(column.cast(pa.decimal128(28, 2)), pa.scalar(Decimal(100), pa.decimal128(5, 0)))
        base_tiyn = pc.fill_null(scaled.cast(pa.int64()), -1).to_numpy()
    return {"provision": provision, "provisions": provisions, "offender": offender, "offenders": offenders,
            "committed": committed, "initiated": initiated, "decided": decided, "base_tiyn": base_tiyn, "n": n,
            "later_dates": has_later_dates}
