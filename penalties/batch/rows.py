"""Rows the vectorised path does not take, assessed by `assess()` itself, one distinct case at a time.

Those are rows with a null, unreadable or far-off date, a base amount `assess()` refuses, rows of a
fine in percent of a base bounded in MCI or of an amount per unit of a count (their `base_amount` and
`count` columns go to `assess()`), and
rows whose amounts would not fit the integers of the vectorised arithmetic (`amounts`). Each gets
exactly what `assess()` says: its error, or its figures in the batch's columns. A figure the
batch's exact columns cannot hold (a fraction of a tiyn; 10^20 tenge or more) is a row error.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, cast

from ..errors import PenaltiesError
from ..reasoning.money import CENT, Money
from .arrow import DECIMALS

E4 = Decimal("0.0001")
_COLUMNS = ("provision", "committed", "initiated", "decided", "offender", "base_amount", "count")


def assessed_rows(arrow, rows, rates) -> dict:
    """The result columns (name -> pyarrow array) for the rows `rows` (indices) of `arrow`."""
    import pyarrow as pa

    names = [c for c in _COLUMNS if c in arrow.column_names]
    records = arrow.select(names).take(pa.array(rows, type=pa.int64())).to_pylist() if len(rows) else []
    cache: dict = {}
    values = []
    for record in records:
        key = tuple((k, repr(v)) for k, v in record.items())
        found = cache.get(key)
        if found is None:
            found = cache[key] = _row(record, rates)
        values.append(found)
    columns = {}
    for name, type_ in _TYPES().items():
        columns[name] = pa.array([v.get(name) for v in values], type=type_)
    columns["verification"] = columns["verification"].dictionary_encode()
    columns["error"] = columns["error"].dictionary_encode()
    return columns


def _TYPES():
    import pyarrow as pa

    types = {name: pa.decimal128(p, s) for name, (p, s) in DECIMALS.items()}
    types.update(
        {
            "arrest_max_days": pa.int32(),
            "imprisonment_max_months": pa.int32(),
            "version_from": pa.date32(),
            "verification": pa.string(),
            "abolished": pa.bool_(),
            "limitation_date": pa.date32(),
            "compulsory_payment_mci": pa.int32(),
            "compulsory_payment_kzt": pa.decimal128(22, 2),
            "error": pa.string(),
        }
    )
    return types


def _date(value):
    """A case date as the vectorised path reads it: ISO strings and datetimes as their day."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return value  # assess() words the error
    if isinstance(value, datetime):
        return value.date()
    return value


def _row(record: dict, rates) -> dict:
    from ..assessment import assess

    offender = record.get("offender")
    try:
        a = assess(
            record["provision"],
            committed=_date(record["committed"]),
            initiated=_date(record.get("initiated")),
            decided=_date(record.get("decided")),
            offender="individual" if offender is None else offender,
            base_amount=record.get("base_amount"),
            rates=rates,
            count=record.get("count"),
        )
    except PenaltiesError as error:
        return {"error": str(error)}
    out: dict[str, Any] = {
        "abolished": a.abolished,
        "version_from": a.version.valid_from,
        "verification": a.version.verification,
        "limitation_date": a.limitation.last_day if a.limitation else None,
    }
    payment = a.compulsory_payment
    if payment is not None:
        out["compulsory_payment_mci"] = payment.mci
        out["compulsory_payment_kzt"] = payment.kzt
    fine = next((i for i in a.main if i.kind == "fine"), None)
    arrest = next((i for i in a.main if i.kind == "arrest"), None)
    prison = next((i for i in a.main if i.kind == "imprisonment"), None)
    if fine is not None:
        for side, bound in (("min", fine.min), ("max", fine.max)):
            if bound is None:
                continue
            money = cast(Money, bound.value)  # a fine's bounds are Money
            assert money.mci is not None  # the batch assesses a fine only with the MCI
            out[f"fine_{side}_mci"] = money.mci.quantize(E4, ROUND_HALF_UP)
            out[f"fine_{side}_kzt"] = money.kzt
            if side == "max" and money.usd is not None:
                out["fine_max_usd"] = money.usd
        for name, (precision, scale) in DECIMALS.items():
            value = out.get(name)
            if value is None:
                continue
            # to the tiyn, half-up, as the vectorised path rounds a percent of a base
            value = out[name] = value.quantize(CENT if scale == 2 else E4, ROUND_HALF_UP)
            if value >= Decimal(10) ** (precision - scale):
                return {
                    "error": f"{name} {value} does not fit the batch's decimal128({precision}, {scale}) column; "
                    "assess() gives the figure"
                }
    if arrest is not None and arrest.max is not None:
        out["arrest_max_days"] = int(cast(Decimal, arrest.max.value))  # a term's bounds are numbers
    if prison is not None and prison.max is not None:
        out["imprisonment_max_months"] = int(cast(Decimal, prison.max.value))
    return out
