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
from .errors import MissingBaseError, PenaltiesError
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
    import pyarrow as pa

    pandas_input = not isinstance(table, pa.Table)
    arrow = pa.Table.from_pandas(table, preserve_index=False) if pandas_input else table
    n = arrow.num_rows
    cols = _inputs(arrow, n)
    out = _Output(n)

    # the legal reasoning runs once per distinct combination; rows get its results by gathers
    _reason(cols, out)

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


_SPAN = 1 << 20  # days: every date (1970 + 2,870 years) fits below it, so provision × _SPAN + day is a key
_VALUED = {"committed": 0, "initiated": 1, "decided": 2}


def _reason(cols, out):
    """Version choice (with lex mitior), General-Part limits and the valuation rule, vectorised.

    Stage 1 finds each row's version at commission and at decision with one binary search over
    the version starts of every provision laid end to end (provision × _SPAN + day); stage 2 runs
    the scalar reasoning once per distinct (provision, offender, versions, General-Part period,
    valuation-rule period) and gathers the results back to the rows.
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
    starts, ends, first, versions = [], [], [], []
    for k, p in enumerate(provs):
        first.append(len(starts))
        if isinstance(p, Exception):
            continue
        for v in p.versions:
            starts.append(k * _SPAN + _day(v.valid_from))
            ends.append(k * _SPAN + (_day(v.valid_to) if v.valid_to else _SPAN - 1))
            versions.append((k, v))
    starts_a, ends_a = np.array(starts + [2 ** 62], dtype=np.int64), np.array(ends + [0], dtype=np.int64)
    first_a = np.array(first, dtype=np.int64)

    unknown = np.array([isinstance(p, Exception) for p in provs])[provision]
    c_key = provision * _SPAN + np.clip(committed, 0, _SPAN - 1)
    d_key = provision * _SPAN + np.clip(decided, 0, _SPAN - 1)
    vc = _lookup_days(starts_a, provision, committed, len(provs))
    vd = _lookup_days(starts_a, provision, decided, len(provs))
    bad = unknown | (committed == _NO_DATE) | (committed < _day(CODES_IN_FORCE)) | (vc < first_a[provision]) | \
        (c_key > ends_a[np.maximum(vc, 0)]) | (decided < committed) | (initiated < committed)
    vd = np.where(d_key > ends_a[np.maximum(vc, 0)], vd, vc)  # a later version only once the first has ended
    _fail_rows(np.flatnonzero(bad), provs, cols, out)
    if bad.any():
        good = np.flatnonzero(~bad)
        if not len(good):
            return
        pick = lambda a: a[good]  # noqa: E731
    else:  # the common case: no gathers, just views
        good = slice(None)
        pick = lambda a: a  # noqa: E731
    provision_g, offender_g, committed_g = pick(provision), pick(offender), pick(committed)
    initiated_g, decided_g, vc_g, vd_g = pick(initiated), pick(decided), pick(vc), pick(vd)
    n_good = len(provision_g)
    row_of = (lambda i: good[i]) if not isinstance(good, slice) else (lambda i: i)  # noqa: E731

    # stage 1: (provision, offender, version at commission, version at decision)
    width = len(versions) + 1
    key1 = ((provision_g * n_off + offender_g) * width + vc_g) * width + vd_g
    u1, inv1 = _unique(key1, len(provs) * n_off * width * width)
    chosen_start = np.zeros(len(u1), dtype=np.int64)
    code_ac = np.zeros(len(u1), dtype=bool)
    chosen: list = []
    for k, key in enumerate(u1.tolist()):
        rest, d_idx = divmod(key, width)
        rest, c_idx = divmod(rest, width)
        p_idx, o_idx = divmod(rest, n_off)
        p, who = provs[p_idx], cols["offenders"][o_idx]
        at_commission = versions[c_idx][1]
        code_ac[k] = p.code == "ac"
        if not at_commission.abolished and who not in at_commission.offenders:
            chosen.append(None)  # an unknown offender category: the error is worded below
            continue
        span = [v for _, v in versions[c_idx:d_idx + 1]]
        version, _undecided = mildest(tuple(v for v in span if v.abolished or who in v.offenders), who)
        chosen.append(version)
        chosen_start[k] = _day(version.valid_from)
    missing_category = np.array([v is None for v in chosen])
    for k in np.flatnonzero(missing_category):  # the message names no date: one per combination
        rows = row_of(np.flatnonzero(inv1 == k))
        out.fail(rows, _scalar_error(provs[provision[rows[0]]], cols["offenders"][offender[rows[0]]], cols, rows[0]))

    # stage 2: add the General-Part period and the valuation-rule period
    limits_on = np.maximum(committed_g, chosen_start[inv1])
    is_ac = code_ac[inv1]
    gps = {code: general_part(code) for code in ("cc", "ac")}
    gp_edges = {c: np.array([_day(d) for d in g._edges], dtype=np.int64) for c, g in gps.items()}
    val_edges = {c: np.array(sorted({_day(r.valid_from) for r in g.valuation}
                                    | {_day(r.valid_to) + 1 for r in g.valuation if r.valid_to}), dtype=np.int64)
                 for c, g in gps.items()}
    period = np.where(is_ac, _bisect_days(gp_edges["ac"], limits_on), _bisect_days(gp_edges["cc"], limits_on))
    vperiod = np.where(is_ac, _bisect_days(val_edges["ac"], committed_g), _bisect_days(val_edges["cc"], committed_g))
    pw = max(len(gp_edges["cc"]), len(gp_edges["ac"])) + 2
    vw = max(len(val_edges["cc"]), len(val_edges["ac"])) + 2
    key2 = (inv1.astype(np.int64) * pw + period) * vw + vperiod
    u2, inv2 = _unique(key2, len(u1) * pw * vw)
    m = len(u2)
    t = {"unit": np.zeros((2, m), np.int8), "e4": np.zeros((2, m), np.int64), "arrest": np.full(m, -1, np.int64),
         "prison": np.full(m, -1, np.int64), "from": np.full(m, _NO_DATE, np.int64), "verif": np.full(m, -1, np.int64),
         "abolished": np.zeros(m, bool), "needs_base": np.zeros(m, bool), "valued": np.zeros(m, np.int64)}
    base_names: dict[int, str] = {}
    sample = np.zeros(m, dtype=np.int64)
    sample[inv2] = np.arange(n_good)  # any one row of each combination
    units = {"MCI": 1, "KZT": 2, "base": 3, "percent": 4}
    for j in range(m):
        row = int(sample[j])
        version = chosen[inv1[row]]
        if version is None:
            continue
        p = provs[provision_g[row]]
        who = cols["offenders"][offender_g[row]]
        t["from"][j] = _day(version.valid_from)
        t["verif"][j] = VERIFICATION.index(version.verification)
        rule = gps[p.code].valuation_rule(_date(committed_g[row]))
        t["valued"][j] = _VALUED[rule.date if rule else FALLBACK_VALUATION[p.code]]
        if version.abolished:
            t["abolished"][j] = True
            continue
        resolved = _resolve(version, who, p.code, _date(limits_on[row]))
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

    out.fine_unit[:, good] = t["unit"][:, inv2]
    out.fine_e4[:, good] = t["e4"][:, inv2]
    out.arrest[good] = t["arrest"][inv2]
    out.prison[good] = t["prison"][inv2]
    out.version_from[good] = t["from"][inv2]
    out.verification[good] = t["verif"][inv2]
    out.abolished[good] = t["abolished"][inv2]
    valued = t["valued"][inv2]
    out.valued_on[good] = committed_g if not valued.any() else np.choose(valued, [committed_g, initiated_g, decided_g])
    needs = t["needs_base"][inv2]
    if needs.any():
        base = cols["base_tiyn"]
        local = np.flatnonzero(needs if base is None else needs & (pick(base) < 0))
        missing, combination = row_of(local), inv2[local]
        for j in np.unique(combination):
            rows = missing[combination == j]
            label = provs[provision[rows[0]]].label
            out.fail(rows, str(MissingBaseError(label, base_names[int(j)])))


def _bisect_days(edges, days):
    """searchsorted(edges, days, "right") through a dense table over the days' range: a gather per
    row instead of a binary search (the range of case dates is a few thousand days)."""
    import numpy as np

    if not len(days):
        return np.zeros(0, dtype=np.int64)
    low, high = int(days.min()), int(days.max())
    if high - low > 4 * len(days) + 100_000:
        return np.searchsorted(edges, days, side="right")
    table = np.searchsorted(edges, np.arange(low, high + 1), side="right")
    return table[days - low]


def _lookup_days(starts, provision, days, n_provisions):
    """Index of the last start ≤ provision × _SPAN + day, per row, via a dense table per provision."""
    import numpy as np

    clipped = np.clip(days, 0, _SPAN - 1)
    low, high = int(clipped.min()), int(clipped.max())
    span = high - low + 1
    if span * n_provisions > 4 * len(days) + 1_000_000:
        return np.searchsorted(starts, provision * _SPAN + clipped, side="right") - 1
    grid = (np.arange(n_provisions)[:, None] * _SPAN + np.arange(low, high + 1)[None, :]).ravel()
    table = np.searchsorted(starts, grid, side="right") - 1
    return table[provision * span + (clipped - low)]


def _unique(keys, size):
    """np.unique(keys, return_inverse=True) for non-negative keys below `size`, without sorting
    when the key space is small (it is: a few provisions × offenders × versions)."""
    import numpy as np

    if size > 4 * len(keys) + 1_000_000:
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
    i = _bisect_days(starts, out.valued_on) - 1
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
