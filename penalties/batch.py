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

import functools
from datetime import date, timedelta
from decimal import Decimal

from . import inputs
from .reasoning.sanction import resolve as _resolve
from .errors import MissingBaseError, PenaltiesError
from .law.general_part import FALLBACK_VALUATION, general_part
from .lookup import provision as find_provision
from .law.mci import default_index
from .reasoning.mitior import mildest
from .law.provisions import CODES_IN_FORCE, OFFENDERS
from .law.rates import find_rate

EPOCH = date(1970, 1, 1)
_NO_DATE = -(2 ** 31)


def _day(d: date) -> int:
    return (d - EPOCH).days


def _date(day: int) -> date:
    return EPOCH + timedelta(days=int(day))


def assess_batch(table, *, rates=None):
    """Assess every row of `table` (pyarrow.Table or pandas.DataFrame); see the module docstring."""
    import pyarrow as pa

    pandas_input = not isinstance(table, pa.Table)
    arrow = pa.Table.from_pandas(table, preserve_index=False) if pandas_input else table
    n = arrow.num_rows
    cols = _inputs(arrow, n)
    out = _Output(n)

    # the legal reasoning runs once per distinct combination; rows get its results by gathers
    _reason(cols, out, rates)
    if out.columns is None:  # the paths through cells build their columns themselves
        out.allocate()  # (a no-op after _scatter; needed when every row failed)
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
            column = pc.fill_null(column, _NO_DATE)
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
    has_null = lambda days: len(days) and days.min() == _NO_DATE  # noqa: E731 - a null sorts first
    if initiated is None:
        initiated = committed
    elif has_null(initiated):
        initiated = np.where(initiated == _NO_DATE, committed, initiated)
    if decided is None:
        decided = initiated if initiated is committed else np.maximum(committed, initiated)
    elif has_null(decided):
        decided = np.where(decided == _NO_DATE, np.maximum(committed, initiated), decided)
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


class _Output:
    def __init__(self, n):
        self.n = n
        self._error = None  # index into self.messages per row, -1 = none; allocated on the first error
        self.messages: dict[str, int] = {}
        self.columns = None  # result columns, when a path builds them directly
        self.allocated = False

    def allocate(self) -> None:
        """The per-row arrays of the general path (the by-day path does without them)."""
        import numpy as np

        if self.allocated:
            return
        self.allocated = True
        n = self.n
        self.verification = np.full(n, -1, dtype=np.int64)   # index into VERIFICATION
        self.version_from = np.full(n, _NO_DATE, dtype=np.int64)
        self.abolished = np.zeros(n, dtype=bool)
        self.arrest = np.full(n, -1, dtype=np.int64)
        self.prison = np.full(n, -1, dtype=np.int64)
        # fine bounds as (value × 10^4, unit code) per row; unit 0 none, 1 MCI, 2 KZT, 3 base multiple
        self.fine_unit = np.zeros((2, n), dtype=np.int8)
        self.fine_e4 = np.zeros((2, n), dtype=np.int64)
        self.valued_on = np.full(n, _NO_DATE, dtype=np.int64)
        self.units_present: set = {0}
        self.kzt_tiyn = None
        self.mci_e4 = None
        self.usd_cents = None

    @property
    def error(self):
        import numpy as np

        if self._error is None:
            self._error = np.full(self.n, -1, dtype=np.int64)
        return self._error

    def fail(self, rows, message: str) -> None:
        self.error[rows] = self.messages.setdefault(message, len(self.messages))

    def to_arrow(self, arrow):
        import numpy as np
        import pyarrow as pa

        if self.columns is not None:
            errors = self._error if self._error is not None else np.zeros(0, dtype=np.int64)
            columns = dict(self.columns, error=_strings(errors, list(self.messages), self.n))
            return _append(arrow, columns)
        ok = self.error < 0
        has = [(self.fine_unit[i] > 0) & ok for i in (0, 1)]
        columns = {
            "fine_min_mci": _decimal(self.mci_e4[0], has[0], 24, 4),
            "fine_max_mci": _decimal(self.mci_e4[1], has[1], 24, 4),
            "fine_min_kzt": _decimal(self.kzt_tiyn[0], has[0], 22, 2),
            "fine_max_kzt": _decimal(self.kzt_tiyn[1], has[1], 22, 2),
            "fine_max_usd": _decimal(self.usd_cents, has[1] & (self.usd_cents >= 0), 22, 2),
            "arrest_max_days": _int32(self.arrest, (self.arrest >= 0) & ok),
            "imprisonment_max_months": _int32(self.prison, (self.prison >= 0) & ok),
            "version_from": pa.array(self.version_from.astype(np.int32), mask=self.version_from == _NO_DATE,
                                     type=pa.int32()).cast(pa.date32()),
            "verification": _strings(self.verification, VERIFICATION),
            "abolished": pa.array(self.abolished, mask=~ok, type=pa.bool_()),
            "error": _strings(self.error, list(self.messages)),
        }
        return _append(arrow, columns)


def _append(arrow, columns):
    for name, column in columns.items():
        if name in arrow.column_names:
            arrow = arrow.drop_columns([name])
        arrow = arrow.append_column(name, column)
    return arrow


VERIFICATION = ["primary", "secondary", "unverified"]


def _strings(codes, levels, n=None):
    """A string array from integer codes into `levels` (-1 = null), built in Arrow, not Python."""
    import pyarrow as pa

    if not levels:  # no row has a value (e.g. no errors): nothing to read
        indices = pa.nulls(len(codes) if n is None else n, pa.int32())
    else:
        indices = pa.array(codes.astype("int32"), mask=codes < 0)
    dictionary = pa.array(levels or [""], type=pa.string())
    return pa.DictionaryArray.from_arrays(indices, dictionary)


class _Gathered:
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
    """(bitmap buffer or None, null count) for a boolean mask or a _Gathered mask."""
    import numpy as np
    import pyarrow as pa

    if isinstance(valid, _Gathered):
        if valid.values is None:
            return (None, 0) if valid.null_count == 0 else (pa.py_buffer(bytes((valid.length + 7) // 8)), valid.length)
        mask, nulls = valid.values, valid.null_count
    else:
        mask, nulls = valid, int(len(valid) - np.count_nonzero(valid))
    if nulls == 0:
        return None, 0
    return pa.py_buffer(np.packbits(mask, bitorder="little")), nulls


def _int32(values, valid, rows=None, type=None):
    """An int32 (or date32) Arrow array with nulls where not `valid`, built from buffers; `rows`, if
    given, gathers `values` first (`valid` is then already per row)."""
    import numpy as np
    import pyarrow as pa

    if isinstance(valid, _Gathered) and valid.all_null:
        return pa.nulls(valid.length, type or pa.int32())
    data = values.astype(np.int32)
    if rows is not None:
        data = np.take(data, rows)
    validity, nulls = _validity(valid)
    return pa.Array.from_buffers(type or pa.int32(), len(data), [validity, pa.py_buffer(data)], null_count=nulls)


def _decimal(unscaled, valid, precision, scale, rows=None):
    """A decimal128 Arrow array from int64 unscaled values (exact, no Python objects); `rows`, if
    given, gathers the values first (`valid` is then already per row)."""
    import numpy as np
    import pyarrow as pa

    if isinstance(valid, _Gathered) and valid.all_null:
        return pa.nulls(valid.length, pa.decimal128(precision, scale))
    words = np.empty((len(unscaled), 2), dtype=np.int64)
    words[:, 0] = unscaled
    np.right_shift(unscaled, 63, out=words[:, 1])  # sign extension into the high 64 bits
    if rows is not None:
        words = np.take(words, rows, axis=0)
    validity, nulls = _validity(valid)
    return pa.Array.from_buffers(pa.decimal128(precision, scale), len(words),
                                 [validity, pa.py_buffer(words)], null_count=nulls)


#: how many entries a dense per-cell or per-day table may have beyond 4 per row; past it the
#: general (sorting, row-by-row) code runs instead. Tests set it to 0 to exercise that code.
_DENSE_LIMIT = 2_000_000
_SPAN = 1 << 20  # days: every date (1970 + 2,870 years) fits below it, so provision × _SPAN + day is a key
_VALUED = {"committed": 0, "initiated": 1, "decided": 2}


def _reason_by_day(cols, out, provs, rates) -> bool:
    """The common case: every row's version, limits and valuation rule are a function of
    (provision, offender, day committed) and, with case dates, of the version in force on the day
    decided (lex mitior chooses between the two and any in between). Work the reasoning out once
    for each cell of that small dense grid, then give each row its cell's combination with one
    gather. False when the grid would be too large (the caller then sorts instead)."""
    import numpy as np

    provision, offender, committed = cols["provision"], cols["offender"], cols["committed"]
    later = cols["later_dates"]
    n, n_off = len(committed), len(cols["offenders"])
    known = [p for p in provs if not isinstance(p, Exception)]
    width = max((len(p.versions) for p in known), default=1) if later else 1  # versions at decision
    low, high = int(committed.min()), int(committed.max())
    span = high - low + 1
    if low < 0 or span * len(provs) * n_off * width > 4 * n + _DENSE_LIMIT:
        return False
    if later:
        decided = cols["decided"]
        high_d = max(high, int(decided.max()))
        span_d = high_d - low + 1
        if int(decided.min()) < 0 or span_d * len(provs) > 4 * n + _DENSE_LIMIT:
            return False
    days = np.arange(low, high + 1)
    pair_of_row = provision * n_off
    pair_of_row += offender
    pairs = np.flatnonzero(np.bincount(pair_of_row, minlength=len(provs) * n_off))
    if len(pairs) < len(provs) * n_off:
        # number only the (provision, offender) pairs present: a smaller table gathers faster
        slot = np.zeros(len(provs) * n_off, dtype=np.int64)
        slot[pairs] = np.arange(len(pairs))
        slot_of_row = slot[pair_of_row]
    else:
        slot_of_row = pair_of_row
    cell = np.full(len(pairs) * span * width + 1, -1, dtype=np.int64)  # the last cell: rows refused outright
    specs, index = [], {}
    for s, pair in enumerate(pairs.tolist()):
        p_idx, o_idx = divmod(pair, n_off)
        p, who = provs[p_idx], cols["offenders"][o_idx]
        if isinstance(p, Exception):
            continue
        edges, vedges = _rule_edges(p.code)
        starts = np.array([_day(v.valid_from) for v in p.versions])
        ends = np.array([_day(v.valid_to) if v.valid_to else _SPAN for v in p.versions])
        vi = np.searchsorted(starts, days, side="right") - 1
        valid = (vi >= 0) & (days <= ends[np.maximum(vi, 0)]) & (days >= _day(CODES_IN_FORCE))
        for k in np.unique(vi[valid]).tolist():
            if not _accepts(p, p.versions[k], who):
                continue  # an unknown offender category: left to the error path
            sel = np.flatnonzero(valid & (vi == k))
            for d in range(k, len(p.versions)) if later else (k,):
                # the version applied: the mildest from commission to decision (the same code as assess())
                chosen = p.versions[k] if d == k else mildest(
                    tuple(v for v in p.versions[k:d + 1] if v.abolished or who in v.offenders), who)[0]
                on = np.maximum(days[sel], _day(chosen.valid_from))
                period = np.searchsorted(edges, on, side="right")
                vperiod = np.searchsorted(vedges, days[sel], side="right")
                for a, b in set(zip(period.tolist(), vperiod.tolist())):
                    j = index.setdefault((pair, id(chosen), a, b), len(specs))
                    if j == len(specs):
                        day_on = max(int(edges[a - 1]) if a > 0 else 0, _day(chosen.valid_from))
                        rule_day = int(vedges[b - 1]) if b > 0 else _day(CODES_IN_FORCE)
                        specs.append((p, who, chosen, day_on, rule_day))
                    cell[(s * span + sel[(period == a) & (vperiod == b)]) * width + (d if later else 0)] = j
    t, base_names = _combination_tables(specs)
    grid = slot_of_row  # each row's cell, computed in place
    grid *= span
    grid += committed
    grid -= low
    if later:
        # the version in force on the day decided (it is the one at commission until that ends)
        table = np.zeros(len(provs) * span_d, dtype=np.int64)
        days_d = np.arange(low, high_d + 1)
        for p_idx, p in enumerate(provs):
            if not isinstance(p, Exception):
                starts = np.array([_day(v.valid_from) for v in p.versions])
                table[p_idx * span_d:(p_idx + 1) * span_d] = np.maximum(np.searchsorted(starts, days_d, "right") - 1, 0)
        at_decision = decided - low
        if at_decision.min() < 0:  # only rows decided before they were committed (refused below)
            np.maximum(at_decision, 0, out=at_decision)
        at_decision += provision * span_d
        grid *= width
        grid += table[at_decision]
        refused = decided < committed
        if cols["initiated"] is not committed:
            refused |= cols["initiated"] < committed
        grid[refused] = len(cell) - 1
    sources = [cols["committed"], cols["initiated"], cols["decided"]]  # absent columns are the committed array
    if not t["needs_base"].any() and all(sources[k] is committed for k in np.unique(t["valued"][:len(specs)]).tolist()):
        # every valuation rule reads the day committed, which the cell knows: one gather a column
        _columns_by_cell(t, len(specs), cell, grid, low, span, rates, provs, cols, out, width=width)
        return True
    combination = cell[grid]
    failed = combination < 0
    _fail_rows(np.flatnonzero(failed), provs, cols, out)
    if not t["needs_base"].any():
        good = np.flatnonzero(~failed) if failed.any() else slice(None)
        pick = (lambda a: a[good]) if failed.any() else (lambda a: a)  # noqa: E731
        if _columns_by_valuation_day(t, len(specs), pick(combination), good, pick, cols, out, provs, rates):
            return True
    # money that depends on a per-row base amount (or dates too far apart for a dense table): row by row
    combination[failed] = len(specs)  # the defaults entry
    _scatter(t, base_names, combination, slice(None), lambda a: a, lambda i: i, cols, out, provs)
    return True


def _columns_by_cell(t, m, cell, grid, low, span, rates, provs, cols, out, failed_already=False, width=1):
    """Every result column as one gather from a table over the cells (a combination's block of
    days): the version and limits come from the cell's combination, the money from the combination
    and the day the MCI is valued on. A cell of -1 holds rows without a combination: their error is
    worded here, or was already (`failed_already`)."""
    import numpy as np
    import pyarrow as pa

    mci_table = _mci_table(low, low + span - 1)
    rate_table = _rate_table(low, low + span - 1, rates)
    combination = np.where(cell >= 0, cell, m)                 # per cell; m = the defaults entry
    day = np.arange(len(cell)) // width % span                 # per cell: blocks of days, `width` cells a day
    live = np.append(~t["abolished"][:m] & (t["from"][:m] != _NO_DATE), False)
    no_mci = (mci_table == 0)[day] & live[combination]         # assess() fails there too
    status = np.where(cell < 0, 1, np.where(no_mci, 2, 0)).astype(np.int8)
    row_status = status[grid]
    failing = np.flatnonzero(row_status)
    if len(failing):
        if not failed_already:
            _fail_rows(failing[row_status[failing] == 1], provs, cols, out)
        failing_day = day[grid[failing]]
        for d in np.unique(failing_day[row_status[failing] == 2]).tolist():
            rows = failing[(row_status[failing] == 2) & (failing_day == d)]
            try:
                default_index().record(_date(low + d))
            except PenaltiesError as error:
                out.fail(rows, str(error))
    ok = status == 0
    combination = np.where(ok, combination, m)

    # money per cell: integers in 10^-4 MCI, tiyn and cents; each column is then one gather over
    # the cells (numpy takes on the raw values and validity, assembled into Arrow from buffers)
    mci = np.maximum(mci_table, 1)[day]
    used = np.bincount(grid, minlength=len(cell)) > 0  # the cells some row falls in
    columns = {}
    for b, (mci_name, kzt_name) in enumerate((("fine_min_mci", "fine_min_kzt"), ("fine_max_mci", "fine_max_kzt"))):
        unit, e4 = t["unit"][b][combination], t["e4"][b][combination]
        kzt = np.where(unit == 2, e4 // 100, e4 * mci // 100)
        mci_e4 = np.where(unit == 2, _div_half_up(kzt * 100, mci), e4)
        valid = _Gathered((unit > 0) & ok, grid, used)
        columns[mci_name] = _decimal(mci_e4, valid, 24, 4, grid)
        columns[kzt_name] = _decimal(kzt, valid, 22, 2, grid)
        if b == 1:
            rate = rate_table[day]
            usd = _div_half_up(kzt * 10000, np.maximum(rate, 1))
            columns["fine_max_usd"] = _decimal(usd, _Gathered((unit > 0) & ok & (rate > 0), grid, used), 22, 2, grid)
    from_day = t["from"][combination]
    known = from_day != _NO_DATE
    arrest, prison, verif = t["arrest"][combination], t["prison"][combination], t["verif"][combination]
    known_rows = _Gathered(known, grid, used)
    columns["arrest_max_days"] = _int32(arrest, _Gathered((arrest >= 0) & known, grid, used), grid)
    columns["imprisonment_max_months"] = _int32(prison, _Gathered((prison >= 0) & known, grid, used), grid)
    columns["version_from"] = _int32(from_day, known_rows, grid, pa.date32())
    columns["verification"] = pa.DictionaryArray.from_arrays(
        _int32(verif, _Gathered((verif >= 0) & known, grid, used), grid), pa.array(VERIFICATION, type=pa.string()))
    abolished = np.take(t["abolished"][combination], grid)
    if known_rows.values is None and known_rows.null_count == 0:
        columns["abolished"] = pa.array(abolished, type=pa.bool_())
    else:
        mask = ~known_rows.values if known_rows.values is not None else np.ones(len(grid), dtype=bool)
        columns["abolished"] = pa.array(abolished, mask=mask, type=pa.bool_())
    out.columns = columns


def _reason(cols, out, rates=None):
    """Version choice (with lex mitior), General-Part limits and the valuation rule, vectorised.

    The dense grid of `_reason_by_day` answers almost every table; what follows is for dates so far
    apart that the grid would be too large.

    Stage 1 finds each row's version at commission and at decision through a dense table of
    version indices per provision and day; stage 2 runs the scalar reasoning once per distinct
    (provision, offender, versions, General-Part period, valuation-rule period) and gathers the
    results back to the rows. Everything a combination needs is decoded from its key, so no row
    is read back.
    """
    import numpy as np

    provision, offender = cols["provision"], cols["offender"]
    committed, initiated, decided = cols["committed"], cols["initiated"], cols["decided"]
    n_off = len(cols["offenders"])
    provs: list = []
    for ref in cols["provisions"]:
        try:
            provs.append(find_provision(ref))
        except PenaltiesError as error:
            provs.append(error)
    if _reason_by_day(cols, out, provs, rates):
        return
    starts, end_days, first, versions = [], [], [], []
    for k, p in enumerate(provs):
        first.append(len(starts))
        if isinstance(p, Exception):
            continue
        for v in p.versions:
            starts.append(k * _SPAN + _day(v.valid_from))
            end_days.append(_day(v.valid_to) if v.valid_to else _SPAN)
            versions.append((k, v))
    starts_a = np.array(starts + [2 ** 62], dtype=np.int64)
    end_day = np.array(end_days + [-1], dtype=np.int64)
    first_a = np.array(first, dtype=np.int64)

    vc = _lookup_days(starts_a, provision, committed, len(provs))
    vc_safe = np.maximum(vc, 0)
    bad = (committed < _day(CODES_IN_FORCE)) | (vc < first_a[provision]) | (committed > end_day[vc_safe])
    unknown = np.array([isinstance(p, Exception) for p in provs])
    if unknown.any():
        bad |= unknown[provision]
    if cols["later_dates"]:
        bad |= (decided < committed) | (initiated < committed)
        vd = _lookup_days(starts_a, provision, decided, len(provs))
        vd = np.where(decided > end_day[vc_safe], vd, vc)  # a later version only once the first has ended
    else:
        vd = vc
    _fail_rows(np.flatnonzero(bad), provs, cols, out)
    if bad.any():
        good = np.flatnonzero(~bad)
        if not len(good):
            return
        pick = lambda a: a[good]  # noqa: E731
    else:  # the common case: views, no gathers
        good = slice(None)
        pick = lambda a: a  # noqa: E731
    provision_g, offender_g, committed_g = pick(provision), pick(offender), pick(committed)
    vc_g = pick(vc)
    vd_g = vc_g if vd is vc else pick(vd)
    row_of = (lambda i: good[i]) if not isinstance(good, slice) else (lambda i: i)  # noqa: E731

    # stage 1: (provision, offender, version at commission, version at decision)
    width = len(versions) + 1
    key1 = (provision_g * n_off + offender_g) * width + vc_g
    if vd_g is not vc_g:
        key1 = key1 * width + vd_g
    u1, inv1 = _unique(key1, len(provs) * n_off * width * (width if vd_g is not vc_g else 1))
    chosen_start = np.zeros(len(u1), dtype=np.int64)
    code_ac = np.zeros(len(u1), dtype=np.int64)
    chosen: list = []
    combos: list = []
    for k, key in enumerate(u1.tolist()):
        if vd_g is not vc_g:
            key, d_idx = divmod(key, width)
            rest, c_idx = divmod(key, width)
        else:
            rest, c_idx = divmod(key, width)
            d_idx = c_idx
        p_idx, o_idx = divmod(rest, n_off)
        p, who = provs[p_idx], cols["offenders"][o_idx]
        at_commission = versions[c_idx][1]
        code_ac[k] = p.code == "ac"
        combos.append((p, who))
        if not _accepts(p, at_commission, who):
            chosen.append(None)  # an unknown offender category: the error is worded below
            continue
        span = [v for _, v in versions[c_idx:d_idx + 1]]
        version, _undecided = mildest(tuple(v for v in span if v.abolished or who in v.offenders), who)
        chosen.append(version)
        chosen_start[k] = _day(version.valid_from)
    for k in (k for k, v in enumerate(chosen) if v is None):  # the message names no date: one per combination
        rows = row_of(np.flatnonzero(inv1 == k))
        out.fail(rows, _scalar_error(combos[k][0], combos[k][1], cols, rows[0]))

    # stage 2: the General-Part period (of the later of committed and the version's start) and the
    # valuation-rule period (of committed), through one dense table per kind of rule
    gp_edges = [_rule_edges(c)[0] for c in ("cc", "ac")]
    val_edges = [_rule_edges(c)[1] for c in ("cc", "ac")]
    pw = max(len(e) for e in gp_edges) + 2
    vw = max(len(e) for e in val_edges) + 2
    low, high = int(committed_g.min()), int(committed_g.max())
    span = high - low + 1
    if len(u1) * span <= 4 * len(committed_g) + _DENSE_LIMIT:
        # per cell (stage-1 combination, day committed): the periods are worked out once per cell,
        # and each row gets its stage-2 combination with one gather
        cells = np.arange(len(u1) * span)
        k_of, day_of = np.divmod(cells, span)
        day_of += low
        is_ac = code_ac[k_of]
        period = _bisect_days_by_code(gp_edges, is_ac, np.maximum(day_of, chosen_start[k_of]))
        vperiod = _bisect_days_by_code(val_edges, is_ac, day_of)
        u2, inv2_of_cell = _unique((k_of * pw + period) * vw + vperiod, len(u1) * pw * vw)
        row_cell = inv1 * span
        row_cell += committed_g
        row_cell -= low
        inv2 = inv2_of_cell[row_cell]
    else:
        is_ac = code_ac[inv1]
        limits_on = np.maximum(committed_g, chosen_start[inv1])
        period = _bisect_days_by_code(gp_edges, is_ac, limits_on)
        vperiod = _bisect_days_by_code(val_edges, is_ac, committed_g)
        u2, inv2 = _unique((inv1 * pw + period) * vw + vperiod, len(u1) * pw * vw)
    specs = []
    for key in u2.tolist():
        rest, vp = divmod(key, vw)
        k, gp_period = divmod(rest, pw)
        version = chosen[k]
        p, who = combos[k]
        edges, vedges = gp_edges[code_ac[k]], val_edges[code_ac[k]]
        # a day inside both periods: the same rules are in force on every day of a period
        on = max(int(edges[gp_period - 1]) if gp_period > 0 else 0, int(chosen_start[k]))
        rule_day = int(vedges[vp - 1]) if vp > 0 else _day(CODES_IN_FORCE)
        specs.append((p, who, version, on, rule_day))
    t, base_names = _combination_tables(specs)
    if not t["needs_base"].any() and _columns_by_valuation_day(t, len(specs), inv2, good, pick, cols, out, provs,
                                                                rates):
        return
    _scatter(t, base_names, inv2, good, pick, row_of, cols, out, provs)


def _columns_by_valuation_day(t, m, inv, good, pick, cols, out, provs, rates) -> bool:
    """The per-row path's columns through cells (combination, day the MCI is valued on): the
    money of a row is a function of exactly these two, so each column is one gather, as on the
    by-day path. False when that table would be too large (the caller then works row by row)."""
    import numpy as np

    n = cols["n"]
    # the day each row's MCI is valued on: one of its dates, by the combination's valuation rule
    # (absent date columns share the committed array, so often every rule reads the same one)
    sources = [cols["committed"], cols["initiated"], cols["decided"]]
    used_kinds = np.unique(t["valued"][:m]).tolist() or [0]
    if all(sources[k] is sources[used_kinds[0]] for k in used_kinds):
        day = pick(sources[used_kinds[0]])
    else:
        day = np.choose(t["valued"][inv], [pick(a) for a in sources])
    if not len(day):
        return False
    low, high = int(day.min()), int(day.max())
    span = high - low + 1
    if low < 0 or (m + 1) * span > 4 * n + _DENSE_LIMIT:
        return False
    cell = np.repeat(np.arange(m + 1), span)
    cell[m * span:] = -1  # the last block: rows that failed in the reasoning (their error is set)
    if isinstance(good, slice):
        grid = inv * span + (day - low)
    else:
        grid = np.full(n, m * span, dtype=np.int64)
        grid[good] = inv * span + (day - low)
    _columns_by_cell(t, m, cell, grid, low, span, rates, provs, cols, out, failed_already=True)
    return True


def _combination_tables(specs):
    """For each (provision, offender, version, a day for the General-Part rules, a day for the
    valuation rule), what every row of that combination gets: the fine's bounds, arrest and
    imprisonment maxima, version start, verification, abolition, valuation date kind. One extra
    entry at the end holds the defaults (for rows that failed)."""
    import numpy as np

    m = len(specs)
    t = {"unit": np.zeros((2, m + 1), np.int8), "e4": np.zeros((2, m + 1), np.int64),
         "arrest": np.full(m + 1, -1, np.int64), "prison": np.full(m + 1, -1, np.int64),
         "from": np.full(m + 1, _NO_DATE, np.int64), "verif": np.full(m + 1, -1, np.int64),
         "abolished": np.zeros(m + 1, bool), "needs_base": np.zeros(m + 1, bool), "valued": np.zeros(m + 1, np.int64)}
    base_names: dict[int, str] = {}
    units = {"MCI": 1, "KZT": 2, "base": 3, "percent": 4}
    for j, (p, who, version, on, rule_day) in enumerate(specs):
        if version is None:
            continue
        t["from"][j] = _day(version.valid_from)
        t["verif"][j] = VERIFICATION.index(version.verification)
        rule = general_part(p.code).valuation_rule(_date(rule_day))
        t["valued"][j] = _VALUED[rule.date if rule else FALLBACK_VALUATION[p.code]]
        if version.abolished:
            t["abolished"][j] = True
            continue
        resolved = _resolve(version, who, p.code, _date(on))
        fine = next((r for r in resolved.main if r.kind == "fine"), None)
        if fine is not None:
            for b, measure in enumerate((fine.min, fine.max)):
                if measure is not None:
                    t["unit"][b, j] = units[measure.unit]
                    t["e4"][b, j] = int(measure.value * 10000)
            t["needs_base"][j] = fine.needs_base
            if fine.needs_base:
                base_names[j] = fine.base or "base amount"
        for kind, name in (("arrest", "arrest"), ("imprisonment", "prison")):
            item = next((r for r in resolved.main if r.kind == kind), None)
            if item is not None and item.max is not None:
                t[name][j] = int(item.max.value)
    return t, base_names


def _scatter(t, base_names, inv, good, pick, row_of, cols, out, provs):
    """Give every row its combination's results (one gather per output column)."""
    import numpy as np

    out.allocate()
    for target, source in ((out.fine_unit[0], t["unit"][0]), (out.fine_unit[1], t["unit"][1]),
                           (out.fine_e4[0], t["e4"][0]), (out.fine_e4[1], t["e4"][1]), (out.arrest, t["arrest"]),
                           (out.prison, t["prison"]), (out.version_from, t["from"]),
                           (out.verification, t["verif"]), (out.abolished, t["abolished"])):
        if isinstance(good, slice):
            np.take(source, inv, out=target)
        else:
            target[good] = source[inv]
    out.units_present = set(t["unit"].ravel().tolist())
    committed = pick(cols["committed"])
    valued = t["valued"][inv] if t["valued"].any() else None
    out.valued_on[good] = committed if valued is None else np.choose(
        valued, [committed, pick(cols["initiated"]), pick(cols["decided"])])
    if t["needs_base"].any():
        needs = t["needs_base"][inv]
        base = cols["base_tiyn"]
        local = np.flatnonzero(needs if base is None else needs & (pick(base) < 0))
        missing, combination = row_of(local), inv[local]
        for j in np.unique(combination):
            rows = missing[combination == j]
            label = provs[cols["provision"][rows[0]]].label
            out.fail(rows, str(MissingBaseError(label, base_names[int(j)])))


@functools.lru_cache(maxsize=4)
def _rule_edges(code: str):
    """The days on which the General Part's limits, and its valuation rules, change (as day numbers)."""
    import numpy as np

    gp = general_part(code)
    limits = np.array([_day(d) for d in gp.edges], dtype=np.int64)
    valuation = np.array(sorted({_day(r.valid_from) for r in gp.valuation}
                                | {_day(r.valid_to) + 1 for r in gp.valuation if r.valid_to}), dtype=np.int64)
    return limits, valuation


def _bisect_days_by_code(edges_by_code, is_ac, days):
    """searchsorted(edges of the row's code, day, "right") for every row, through one dense table."""
    import numpy as np

    low, high = int(days.min()), int(days.max())
    if high - low > 4 * len(days) + _DENSE_LIMIT // 20:
        return np.where(is_ac, np.searchsorted(edges_by_code[1], days, side="right"),
                        np.searchsorted(edges_by_code[0], days, side="right"))
    grid = np.arange(low, high + 1)
    table = np.concatenate([np.searchsorted(e, grid, side="right") for e in edges_by_code])
    return table[is_ac * len(grid) + (days - low)]


def _lookup_days(starts, provision, days, n_provisions):
    """Index of the last start ≤ provision × _SPAN + day, per row, via a dense table per provision."""
    import numpy as np

    low, high = int(days.min()), int(days.max())
    clipped = days if low >= 0 and high < _SPAN else np.clip(days, 0, _SPAN - 1)
    low, high = max(low, 0), min(high, _SPAN - 1)
    span = high - low + 1
    if span * n_provisions > 4 * len(days) + _DENSE_LIMIT // 2:
        return np.searchsorted(starts, provision * _SPAN + clipped, side="right") - 1
    grid = (np.arange(n_provisions)[:, None] * _SPAN + np.arange(low, high + 1)[None, :]).ravel()
    table = np.searchsorted(starts, grid, side="right") - 1
    return table[provision * span + (clipped - low)]


def _unique(keys, size):
    """np.unique(keys, return_inverse=True) for non-negative keys below `size`, without sorting
    when the key space is small (it is: a few provisions × offenders × versions)."""
    import numpy as np

    if size > 4 * len(keys) + _DENSE_LIMIT // 2:
        return np.unique(keys, return_inverse=True)
    present = np.zeros(size, dtype=bool)
    present[keys] = True
    uniques = np.flatnonzero(present)
    rank = np.zeros(size, dtype=np.int64)
    rank[uniques] = np.arange(len(uniques))
    return uniques, rank[keys]


def _fail_rows(rows, provs, cols, out):
    """Word the error of each failing row as `assess()` does, once per distinct case."""
    import numpy as np

    if not len(rows):
        return
    clip = lambda a: np.clip(a, 0, _SPAN - 1)  # noqa: E731 - _NO_DATE sorts first
    major = (cols["provision"][rows] * 64 + cols["offender"][rows]) * _SPAN + clip(cols["committed"][rows])
    minor = clip(cols["initiated"][rows]) * _SPAN + clip(cols["decided"][rows])
    order = np.lexsort((minor, major))
    major, minor, rows = major[order], minor[order], rows[order]
    edges = np.flatnonzero((np.diff(major) != 0) | (np.diff(minor) != 0)) + 1
    for group in np.split(np.arange(len(rows)), edges):
        row = rows[group[0]]
        p = provs[cols["provision"][row]]
        who = cols["offenders"][cols["offender"][row]]
        out.fail(rows[group], str(p) if isinstance(p, Exception) else _scalar_error(p, who, cols, row))


def _accepts(prov, version, offender) -> bool:
    """Whether `assess()` accepts the offender category for this version (`inputs.offender`)."""
    if not version.abolished:
        return offender in version.offenders
    try:
        inputs.offender(offender, prov, version)
    except PenaltiesError:
        return False
    return True


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
    """MCI, tenge and dollars per row: dense per-day tables of the MCI and the rate over the range of
    valuation dates, then integer arithmetic in tiyn (×100) and cents, rounded half-up."""
    import numpy as np

    n = cols["n"]
    ok = (out.error < 0) & ~out.abolished
    valued = out.valued_on
    if not ok.any():
        out.kzt_tiyn = np.zeros((2, n), dtype=np.int64)
        out.mci_e4 = np.zeros((2, n), dtype=np.int64)
        out.usd_cents = np.full(n, -1, dtype=np.int64)
        return
    low = int(np.where(ok, valued, 2 ** 40).min())
    high = int(np.where(ok, valued, -1).max())
    idx = valued - low
    np.clip(idx, 0, high - low, out=idx)
    mci_table = _mci_table(low, high)
    mci = mci_table[idx]
    covered = ok & (mci > 0)
    for row in np.flatnonzero(ok & (mci == 0)):  # no MCI for the date: word the error as mci() does
        try:
            default_index().record(_date(valued[row]))
        except PenaltiesError as error:
            out.fail(row, str(error))
    np.maximum(mci, 1, out=mci)
    base = cols["base_tiyn"] if cols["base_tiyn"] is not None else np.zeros(n, dtype=np.int64)
    present = out.units_present

    out.kzt_tiyn = np.empty((2, n), dtype=np.int64)
    out.mci_e4 = np.empty((2, n), dtype=np.int64)
    for b in (0, 1):
        unit, e4 = out.fine_unit[b], out.fine_e4[b]
        kzt = out.kzt_tiyn[b]
        np.multiply(e4, mci, out=kzt)
        np.floor_divide(kzt, 100, out=kzt)                                     # MCI × (KZT/MCI) → tiyn
        if 2 in present:
            kzt[:] = np.where(unit == 2, e4 // 100, kzt)                       # KZT → tiyn
        if 3 in present:
            kzt[:] = np.where(unit == 3, _div_half_up(e4 * base, 10000), kzt)  # multiple of the base
        if 4 in present:
            kzt[:] = np.where(unit == 4, _div_half_up(e4 * base, 1000000), kzt)  # percent of the base
        out.mci_e4[b] = e4 if present <= {0, 1} else np.where(unit <= 1, e4, _div_half_up(kzt * 100, mci))

    rate = _rate_table(low, high, rates)[idx]
    rate[~covered] = 0
    usd = _div_half_up(out.kzt_tiyn[1] * 10000, np.maximum(rate, 1))
    usd[rate == 0] = -1
    out.usd_cents = usd


@functools.lru_cache(maxsize=8)
def _mci_table(low: int, high: int):
    """The MCI for fines (whole tenge) on every day from `low` to `high`; 0 where none is encoded."""
    import numpy as np

    series = default_index().series("fine")
    days = np.arange(low, high + 1)
    table = np.zeros(len(days), dtype=np.int64)
    for value in series:
        inside = (days >= _day(value.valid_from)) & (days <= _day(value.valid_to))
        table[inside] = int(value.kzt)
    table.setflags(write=False)
    return table


def _rate_table(first: int, last: int, rates):
    """Rate × 10^4 for every day from `first` to `last` (0 where none); the shipped table's is cached."""
    import numpy as np

    if rates is None:
        return _shipped_rate_table(first, last)
    table = np.zeros(last - first + 1, dtype=np.int64)
    for offset in range(len(table)):
        found = find_rate(_date(first + offset), rates)
        table[offset] = int((found.kzt_per_usd * 10000).to_integral_value()) if found else 0
    return table


@functools.lru_cache(maxsize=8)
def _shipped_rate_table(first: int, last: int):
    table = _rate_table(first, last, ())  # an empty tuple of extra sources: the shipped table only
    table.setflags(write=False)
    return table


def _div_half_up(num, den):
    """Integer division rounded half-up, elementwise, for non-negative numerators."""
    return (2 * num + den) // (2 * den)
