"""Reading a batch's input columns: references and offenders as integer codes, dates as day numbers, base amounts in tiyn."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from ..errors import PenaltiesError
from ..law.provisions import OFFENDERS
from ..reasoning.case_dates import default_decided
from .keys import NO_DATE, SPAN, day_number


def read_columns(arrow, n):
    """The columns as numpy arrays: provision and offender codes with their levels, day numbers
    (defaults filled in), base amounts in tiyn (-1: none), and `aside`, a mask of the rows the
    vectorised path cannot take (None when it takes them all): a null provision, a null or
    out-of-range date, a value
    that is not a date, a base amount that `assess()` refuses or that is too large for int64 tiyn.
    Those rows are assessed by `assess()` itself (`penalties.batch.rows`)."""
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
        codes = np.concatenate(
            [c.indices.fill_null(0).to_numpy() if c.null_count else c.indices.to_numpy() for c in chunks]
        ).astype(np.int64)
        if column.null_count:
            nulls = np.concatenate([c.is_null().to_numpy(zero_copy_only=False) for c in chunks])
            codes[nulls] = len(levels)
            levels.append(default)
        return codes, levels

    aside = np.zeros(n, dtype=bool)  # rows the vectorised path does not take (assess() does them)

    def days(name, required=False):
        """Day numbers (NO_DATE for a null); a value that is not a date, or a day outside the
        range the vectorised path handles (1970 to SPAN), puts its row aside."""
        if name not in names:
            return None
        column = arrow.column(name)
        try:
            if not pa.types.is_date32(column.type):
                column = column.cast(pa.date32())
            column = column.cast(pa.int32())
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
            raw = column.to_pylist()
            read = [_day_or_none(v) for v in raw]
            aside[[r for r, (v, d) in enumerate(zip(raw, read, strict=True)) if v is not None and d is None]] = True
            column = pa.chunked_array([pa.array(read, pa.int32())])  # what is not a date: assess() words it
        if column.null_count:
            column = pc.fill_null(column, NO_DATE)
        chunks = [c.to_numpy() for c in column.chunks] or [np.zeros(0, np.int32)]
        values = (chunks[0] if len(chunks) == 1 else np.concatenate(chunks)).astype(np.int64)
        if len(values) and (values.min() < 0 or values.max() >= SPAN):  # two reductions in the common case
            outside = (values < 0) | (values >= SPAN)
            if not required:
                outside &= values != NO_DATE  # a null means the default date
            aside[outside] = True
        return values

    provision, provisions = encode("provision", "")
    if arrow.column("provision").null_count:  # no reference: assess(None) words it
        aside |= arrow.column("provision").is_null().to_numpy()
    offender = offenders = None
    if "offender" in names and pa.types.is_string(arrow.column("offender").type):
        # a handful of known categories: index_in is cheaper than a dictionary encoding
        known = list(OFFENDERS)
        codes = pc.index_in(arrow.column("offender"), value_set=pa.array(known))
        if codes.null_count == 0:
            offender, offenders = codes.to_numpy(), known  # int32: widened where it is combined
    if offender is None:
        offender, offenders = encode("offender", "individual")
    committed = days("committed", required=True)
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
        base_tiyn = _tiyn(arrow.column("base_amount"), aside)
    return {
        "provision": provision,
        "provisions": provisions,
        "offender": offender,
        "offenders": offenders,
        "committed": committed,
        "initiated": initiated,
        "decided": decided,
        "base_tiyn": base_tiyn,
        "n": n,
        "later_dates": has_later_dates,
        "aside": aside if aside.any() else None,
    }


#: base amounts from this many tiyn up are assessed by assess() (exact in Decimal), not in int64
BIG_TIYN = 10**18


def _day_or_none(value):
    """A day number for a date or an ISO date string, else None."""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return day_number(value)
    return None


def _tiyn(column, aside):
    """Base amounts in tiyn (int64, -1 for a null). A value `assess()` would refuse (zero,
    negative, more than two decimals, 10^18 or more, not a number) or one of BIG_TIYN tiyn or
    more puts its row aside."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    if pa.types.is_floating(column.type):
        raise PenaltiesError("base_amount must be an integer or decimal column, not float (money is exact)")
    if pa.types.is_integer(column.type) or (
        pa.types.is_decimal(column.type) and column.type.scale <= 2 and column.type.precision - column.type.scale <= 34
    ):
        exact = column.cast(pa.decimal128(38, 2))
        bad = pc.or_(
            pc.less_equal(exact, pa.scalar(Decimal(0), pa.decimal128(38, 2))),
            pc.greater_equal(exact, pa.scalar(Decimal(BIG_TIYN) / 100, pa.decimal128(38, 2))),
        )
        bad = pc.fill_null(bad, False).to_numpy(zero_copy_only=False)
        if bad.any():
            aside[bad] = True
            exact = pc.if_else(pa.chunked_array([bad]), pa.scalar(Decimal(1), pa.decimal128(38, 2)), exact)
        # every value left is below 10^16 tenge: 16 digits and two decimals
        scaled = pc.multiply(exact.cast(pa.decimal128(20, 2)), pa.scalar(Decimal(100), pa.decimal128(5, 0)))
        return pc.fill_null(scaled.cast(pa.int64()), -1).to_numpy()
    # anything else (more decimals, strings, objects): each value as assess() reads it
    from .. import inputs

    values = column.to_pylist()
    tiyn = np.full(len(values), -1, dtype=np.int64)
    for row, value in enumerate(values):
        if value is None:
            continue
        try:
            amount = inputs.amount(value, "base_amount", zero=False)
        except PenaltiesError:
            aside[row] = True
            continue
        if amount * 100 >= BIG_TIYN:
            aside[row] = True
        else:
            tiyn[row] = int(amount * 100)
    return tiyn
