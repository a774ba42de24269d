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
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from .assessment import _resolve
from .errors import PenaltiesError
from .general_part import FALLBACK_VALUATION, general_part
from .lookup import provision as find_provision
from .mci_index import default_index
from .mitior import mildest
from .model import CODES_IN_FORCE
from .rates import find_rate

EPOCH = date(1970, 1, 1)
OUTPUT_COLUMNS = ("fine_min_mci", "fine_max_mci", "fine_min_kzt", "fine_max_kzt", "fine_max_usd", "arrest_max_days",
                  "imprisonment_max_months", "version_from", "verification", "abolished", "error")
_NO_DATE = -(2 ** 31)


def _day(d: date) -> int:
    return (d - EPOCH).days


def _date(day: int) -> date:
    return EPOCH + timedelta(days=int(day))


def assess_batch(table, *, rates=None):
    """Assess every row of `table` (pyarrow.Table or pandas.DataFrame); see the module docstring."""
    import numpy as np
    import pyarrow as pa

    pandas_input = not isinstance(table, pa.Table)
    arrow = pa.Table.from_pandas(table, preserve_index=False) if pandas_input else table
    n = arrow.num_rows
    cols = _inputs(arrow, n)
    out = _Output(n)

    # one pass of legal reasoning per (provision, offender) group
    group_key = cols["provision"] * (len(cols["offenders"]) + 1) + cols["offender"]
    keys, which = np.unique(group_key, return_inverse=True)
    if len(keys) <= 32:  # few groups: one boolean pass each beats sorting a million rows
        groups = (np.flatnonzero(which == k) for k in range(len(keys)))
    else:
        order = np.argsort(which, kind="stable")
        groups = np.split(order, np.flatnonzero(np.diff(which[order])) + 1)
    for rows in groups:
        if len(rows):
            _assess_group(cols, rows, out, rates)

    # money, vectorised
    _money(cols, out, rates)
    result = out.to_arrow(arrow)
    return result.to_pandas() if pandas_input else result


def _inputs(arrow, n):
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    names = set(arrow.column_names)
    for required in ("provision", "committed"):
        if required not in names:
            raise PenaltiesError(f"assess_batch needs a column {required!r}")

    def encode(name, default):
        if name not in names:
            return np.zeros(n, dtype=np.int64), [default]
        column = pc.fill_null(arrow.column(name).cast(pa.string()), default).combine_chunks().dictionary_encode()
        return column.indices.to_numpy(zero_copy_only=False).astype(np.int64), column.dictionary.to_pylist()

    def days(name):
        if name not in names:
            return None
        column = arrow.column(name)
        if pa.types.is_timestamp(column.type):
            column = column.cast(pa.date32())
        if not pa.types.is_date(column.type):
            column = column.cast(pa.date32())
        column = pc.fill_null(column.cast(pa.date32()).cast(pa.int32()), _NO_DATE)
        return column.to_numpy().astype(np.int64)

    provision, provisions = encode("provision", "")
    offender, offenders = encode("offender", "individual")
    committed = days("committed")
    initiated = days("initiated")
    decided = days("decided")
    initiated = committed.copy() if initiated is None else np.where(initiated == _NO_DATE, committed, initiated)
    decided = np.maximum(committed, initiated) if decided is None else np.where(
        decided == _NO_DATE, np.maximum(committed, initiated), decided)
    base_tiyn = None
    if "base_amount" in names:
        column = arrow.column("base_amount")
        if pa.types.is_floating(column.type):
            raise PenaltiesError("base_amount must be an integer or decimal column, not float (money is exact)")
        scaled = pc.multiply(column.cast(pa.decimal128(28, 2)), pa.scalar(Decimal(100), pa.decimal128(5, 0)))
        base_tiyn = pc.fill_null(scaled.cast(pa.int64()), -1).to_numpy()
    return {"provision": provision, "provisions": provisions, "offender": offender, "offenders": offenders,
            "committed": committed, "initiated": initiated, "decided": decided, "base_tiyn": base_tiyn, "n": n}


class _Output:
    def __init__(self, n):
        import numpy as np

        self.n = n
        self.error = np.full(n, -1, dtype=np.int64)          # index into self.messages, -1 = none
        self.messages: dict[str, int] = {}
        self.verification = np.full(n, -1, dtype=np.int64)   # index into VERIFICATION
        self.version_from = np.full(n, _NO_DATE, dtype=np.int64)
        self.abolished = np.zeros(n, dtype=bool)
        self.arrest = np.full(n, -1, dtype=np.int64)
        self.prison = np.full(n, -1, dtype=np.int64)
        # fine bounds as (value × 10^4, unit code) per row; unit 0 none, 1 MCI, 2 KZT, 3 base multiple
        self.fine_unit = np.zeros((2, n), dtype=np.int8)
        self.fine_e4 = np.zeros((2, n), dtype=np.int64)
        self.valued_on = np.full(n, _NO_DATE, dtype=np.int64)
        self.mci_kzt = np.zeros(n, dtype=np.int64)
        self.kzt_tiyn = None
        self.mci_e4 = None
        self.usd_cents = None

    def fail(self, rows, message: str) -> None:
        self.error[rows] = self.messages.setdefault(message, len(self.messages))

    def to_arrow(self, arrow):
        import numpy as np
        import pyarrow as pa

        ok = self.error < 0
        has = [(self.fine_unit[i] > 0) & ok for i in (0, 1)]
        columns = {
            "fine_min_mci": _decimal(self.mci_e4[0], has[0], 24, 4),
            "fine_max_mci": _decimal(self.mci_e4[1], has[1], 24, 4),
            "fine_min_kzt": _decimal(self.kzt_tiyn[0], has[0], 22, 2),
            "fine_max_kzt": _decimal(self.kzt_tiyn[1], has[1], 22, 2),
            "fine_max_usd": _decimal(self.usd_cents, has[1] & (self.usd_cents >= 0), 22, 2),
            "arrest_max_days": pa.array(self.arrest, mask=(self.arrest < 0) | ~ok, type=pa.int32()),
            "imprisonment_max_months": pa.array(self.prison, mask=(self.prison < 0) | ~ok, type=pa.int32()),
            "version_from": pa.array(self.version_from.astype(np.int32), mask=self.version_from == _NO_DATE,
                                     type=pa.int32()).cast(pa.date32()),
            "verification": _strings(self.verification, VERIFICATION),
            "abolished": pa.array(self.abolished, mask=~ok, type=pa.bool_()),
            "error": _strings(self.error, list(self.messages)),
        }
        for name, column in columns.items():
            if name in arrow.column_names:
                arrow = arrow.drop_columns([name])
            arrow = arrow.append_column(name, column)
        return arrow


VERIFICATION = ["primary", "secondary", "unverified"]


def _strings(codes, levels):
    """A string array from integer codes into `levels` (-1 = null), built in Arrow, not Python."""
    import pyarrow as pa

    indices = pa.array(codes.astype("int32"), mask=codes < 0)
    dictionary = pa.array(levels or [""], type=pa.string())
    return pa.DictionaryArray.from_arrays(indices, dictionary)


def _decimal(unscaled, valid, precision, scale):
    """A decimal128 Arrow array from int64 unscaled values (exact, no Python objects)."""
    import numpy as np
    import pyarrow as pa

    words = np.empty((len(unscaled), 2), dtype=np.int64)
    words[:, 0] = unscaled
    np.right_shift(unscaled, 63, out=words[:, 1])  # sign extension into the high 64 bits
    validity = pa.py_buffer(np.packbits(valid, bitorder="little"))
    return pa.Array.from_buffers(pa.decimal128(precision, scale), len(unscaled),
                                 [validity, pa.py_buffer(words)], null_count=int(len(valid) - valid.sum()))


def _assess_group(cols, rows, out, rates):
    import numpy as np

    ref = cols["provisions"][cols["provision"][rows[0]]]
    offender = cols["offenders"][cols["offender"][rows[0]]]
    try:
        prov = find_provision(ref)
    except PenaltiesError as error:
        out.fail(rows, str(error))
        return
    committed, decided = cols["committed"][rows], cols["decided"][rows]
    starts = np.array([_day(v.valid_from) for v in prov.versions])
    ends = np.array([_day(v.valid_to) if v.valid_to else 2 ** 40 for v in prov.versions])
    vc = np.searchsorted(starts, committed, side="right") - 1
    vd = np.searchsorted(starts, decided, side="right") - 1
    bad = (committed == _NO_DATE) | (committed < _day(CODES_IN_FORCE)) | (vc < 0) | \
        (committed > ends[np.maximum(vc, 0)]) | (decided < committed) | (cols["initiated"][rows] < committed)
    if bad.any():  # the scalar path words the error; once per distinct triple of dates
        bad_rows = rows[bad]
        triples = np.stack([cols["committed"][bad_rows], cols["initiated"][bad_rows], cols["decided"][bad_rows]], 1)
        distinct, first, which = np.unique(triples, axis=0, return_index=True, return_inverse=True)
        for k in range(len(distinct)):
            out.fail(bad_rows[which.ravel() == k], _scalar_error(prov, offender, cols, bad_rows[first[k]]))
    rows, vc, vd, committed = rows[~bad], vc[~bad], vd[~bad], committed[~bad]
    vd = np.where(decided[~bad] > ends[vc], vd, vc)  # a later version only when the first has ended

    gp = general_part(prov.code)
    edges = np.array([_day(d) for d in gp._edges], dtype=np.int64)
    width = len(prov.versions) + 1
    pairs, which = np.unique(vc * width + vd, return_inverse=True)
    for k, key in enumerate(pairs):
        c_idx, d_idx = divmod(int(key), width)
        pair = which == k
        at_commission = prov.versions[c_idx]
        if not at_commission.abolished and offender not in at_commission.offenders:
            # the message names the provision, offender and categories, not the date: one for all
            out.fail(rows[pair], _scalar_error(prov, offender, cols, rows[pair][0]))
            continue
        usable = tuple(v for v in prov.versions[c_idx:d_idx + 1] if v.abolished or offender in v.offenders)
        version, _undecided = mildest(usable, offender)
        sel = rows[pair]
        out.version_from[sel] = _day(version.valid_from)
        out.verification[sel] = VERIFICATION.index(version.verification)
        if version.abolished:
            out.abolished[sel] = True
            continue
        limits_on = np.maximum(committed[pair], _day(version.valid_from))
        period = np.searchsorted(edges, limits_on, side="right")
        for p in np.unique(period):
            part = sel[period == p]
            resolved = _resolve(version, offender, prov.code, _date(limits_on[period == p][0]))
            _fill_items(resolved, part, out, cols, prov.label)
        _fill_valuation(prov, version, sel, cols, out, committed[pair])


def _fill_items(resolved, rows, out, cols, label):
    units = {"MCI": 1, "KZT": 2, "base": 3, "percent": 4}
    fine = next((r for r in resolved.main if r.kind == "fine"), None)
    if fine is not None:
        for i, m in enumerate((fine.min, fine.max)):
            if m is not None:
                out.fine_unit[i, rows] = units[m.unit]
                out.fine_e4[i, rows] = int(m.value * 10000)
        if fine.needs_base and (cols["base_tiyn"] is None or (cols["base_tiyn"][rows] < 0).any()):
            missing = rows if cols["base_tiyn"] is None else rows[cols["base_tiyn"][rows] < 0]
            out.fail(missing, f"{label}: the fine is a multiple of the {fine.base}; pass base_amount=")
    for kind, target in (("arrest", out.arrest), ("imprisonment", out.prison)):
        item = next((r for r in resolved.main if r.kind == kind), None)
        if item is not None and item.max is not None:
            target[rows] = int(item.max.value)


_VALUED = {"committed": 0, "initiated": 1, "decided": 2}


def _fill_valuation(prov, version, rows, cols, out, committed):
    """The MCI valuation date of each row, by the dated rule in force when it was committed."""
    import numpy as np

    gp = general_part(prov.code)
    fallback = _VALUED[FALLBACK_VALUATION[prov.code]]
    rules = sorted(gp.valuation, key=lambda r: r.valid_from)
    if len(rules) == 1 and rules[0].valid_from <= _date(committed.min()) and \
            (rules[0].valid_to is None or _date(committed.max()) <= rules[0].valid_to):
        chosen = np.full(len(rows), _VALUED[rules[0].date])  # one rule covers every row
    else:
        starts = np.array([_day(r.valid_from) for r in rules], dtype=np.int64)
        ends = np.array([_day(r.valid_to) if r.valid_to else 2 ** 40 for r in rules], dtype=np.int64)
        kinds = np.array([_VALUED[r.date] for r in rules] + [fallback])
        i = np.searchsorted(starts, committed, side="right") - 1
        inside = (i >= 0) & (committed <= ends[np.maximum(i, 0)]) if len(rules) else np.zeros(len(rows), bool)
        chosen = np.where(inside, kinds[np.maximum(i, 0)], fallback)
    if (chosen == 0).all():
        out.valued_on[rows] = committed
    else:
        out.valued_on[rows] = np.choose(chosen, [cols["committed"][rows], cols["initiated"][rows],
                                                 cols["decided"][rows]])


def _scalar_error(prov, offender, cols, row) -> str:
    """The message `assess()` gives for this row (only called for rows that fail)."""
    from .assessment import assess

    try:
        assess(prov, committed=_date(cols["committed"][row]) if cols["committed"][row] != _NO_DATE else None,
               initiated=_date(cols["initiated"][row]), decided=_date(cols["decided"][row]), offender=offender,
               base_amount=1)
    except PenaltiesError as error:
        return str(error)
    return "cannot assess this row"


def _money(cols, out, rates):
    import numpy as np

    n = cols["n"]
    ok = (out.error < 0) & ~out.abolished & (out.valued_on != _NO_DATE)
    # MCI on the valuation date (fines purpose)
    index = default_index()
    starts = np.array([_day(v.valid_from) for v in index._series["fine"][1]])
    ends = np.array([_day(v.valid_to) for v in index._series["fine"][1]])
    values = np.array([int(v.kzt) for v in index._series["fine"][1]], dtype=np.int64)
    i = np.searchsorted(starts, out.valued_on, side="right") - 1
    covered = ok & (i >= 0) & (out.valued_on <= ends[np.maximum(i, 0)])
    for row in np.flatnonzero(ok & ~covered):
        try:
            index.record(_date(out.valued_on[row]))
        except PenaltiesError as error:
            out.fail(row, str(error))
    mci = np.where(covered, values[np.maximum(i, 0)], 1)
    base = cols["base_tiyn"] if cols["base_tiyn"] is not None else np.zeros(n, dtype=np.int64)

    out.kzt_tiyn = np.zeros((2, n), dtype=np.int64)
    out.mci_e4 = np.zeros((2, n), dtype=np.int64)
    for b in (0, 1):
        unit, e4 = out.fine_unit[b], out.fine_e4[b]
        present = set(np.unique(unit).tolist())
        kzt = e4 * mci // 100                                                  # MCI × (KZT/MCI) → tiyn
        if 2 in present:
            kzt = np.where(unit == 2, e4 // 100, kzt)                          # KZT → tiyn
        if 3 in present:
            kzt = np.where(unit == 3, _div_half_up(e4 * base, 10000), kzt)     # multiple of the base
        if 4 in present:
            kzt = np.where(unit == 4, _div_half_up(e4 * base, 1000000), kzt)   # percent of the base
        out.kzt_tiyn[b] = kzt
        out.mci_e4[b] = e4 if present <= {0, 1} else np.where(unit <= 1, e4, _div_half_up(kzt * 100, mci))

    # USD: one lookup per distinct valuation date, through a dense table over the dates' range
    r = np.zeros(n, dtype=np.int64)
    if covered.any():
        first, last = out.valued_on[covered].min(), out.valued_on[covered].max()
        present = np.zeros(last - first + 1, dtype=bool)
        present[out.valued_on[covered] - first] = True
        table = np.zeros(len(present), dtype=np.int64)
        for offset in np.flatnonzero(present):
            found = find_rate(_date(first + offset), rates)
            table[offset] = int((found.kzt_per_usd * 10000).to_integral_value()) if found else 0
        r = np.where(covered, table[np.clip(out.valued_on - first, 0, len(table) - 1)], 0)
    out.usd_cents = np.where(r > 0, _div_half_up(out.kzt_tiyn[1] * 10000, np.maximum(r, 1)), -1)


def _div_half_up(num, den):
    """Integer division rounded half-up, elementwise, for non-negative numerators."""
    return (2 * num + den) // (2 * den)
