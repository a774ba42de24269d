"""The batch's money columns: MCI, tenge and US dollars per row, in integers (10^-4 MCI, tiyn, cents) from dense per-day tables of the MCI and the rate.

The arithmetic is `penalties.reasoning.money` in integers: an MCI amount times the MCI, a tenge
amount or a multiple of the base read back in MCI, dollars rounded half-up to the cent.
"""

from __future__ import annotations

from ..data.mci import default_index
from ..data.rates import find_rate
from ..data.store import cached
from ..errors import PenaltiesError
from ..reasoning.case_dates import valued_on
from ..reasoning.money import div_half_up
from . import keys
from .arrow import VERIFICATION, Gathered, decimal_array, int32_array
from .keys import NO_DATE, day_date, day_number
from .refusals import fail_rows


def columns_by_cell(t, m, cell, grid, low, span, rates, provs, cols, out, failed_already=False, width=1):
    """Every result column as one gather from a table over the cells (a combination's block of
    days): the version and limits come from the cell's combination, the money from the combination
    and the day the MCI is valued on. A cell of -1 holds rows without a combination: their error is
    worded here, or was already (`failed_already`)."""
    import numpy as np
    import pyarrow as pa

    mci_table = mci_by_day(low, low + span - 1)
    rate_table = rate_by_day(low, low + span - 1, rates)
    combination = np.where(cell >= 0, cell, m)  # per cell; m = the defaults entry
    day = np.arange(len(cell)) // width % span  # per cell: blocks of days, `width` cells a day
    # a combination whose sanction has an amount in it needs the MCI (reasoning.money.mci_on)
    live = np.append(~t["abolished"][:m] & (t["from"][:m] != NO_DATE) & t["has_money"][:m], False)
    no_mci = (mci_table == 0)[day] & live[combination]  # assess() fails there too
    status = np.where(cell < 0, 1, np.where(no_mci, 2, 0)).astype(np.int8)
    row_status = status[grid]
    failing = np.flatnonzero(row_status)
    if len(failing):
        if not failed_already:
            fail_rows(failing[row_status[failing] == 1], provs, cols, out)
        failing_day = day[grid[failing]]
        for d in np.unique(failing_day[row_status[failing] == 2]).tolist():
            rows = failing[(row_status[failing] == 2) & (failing_day == d)]
            try:
                default_index().record(day_date(low + d))
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
        mci_e4 = np.where(unit == 2, div_half_up(kzt * 100, mci), e4)
        valid = Gathered((unit > 0) & ok, grid, used)
        columns[mci_name] = decimal_array(mci_e4, valid, 24, 4, grid)
        columns[kzt_name] = decimal_array(kzt, valid, 22, 2, grid)
        if b == 1:
            rate = rate_table[day]
            usd = div_half_up(kzt * 10000, np.maximum(rate, 1))
            columns["fine_max_usd"] = decimal_array(
                usd, Gathered((unit > 0) & ok & (rate > 0), grid, used), 22, 2, grid
            )
    from_day = t["from"][combination]
    known = from_day != NO_DATE
    arrest, prison, verif = t["arrest"][combination], t["prison"][combination], t["verif"][combination]
    known_rows = Gathered(known, grid, used)
    columns["arrest_max_days"] = int32_array(arrest, Gathered((arrest >= 0) & known, grid, used), grid)
    columns["imprisonment_max_months"] = int32_array(prison, Gathered((prison >= 0) & known, grid, used), grid)
    columns["version_from"] = int32_array(from_day, known_rows, grid, pa.date32())
    columns["verification"] = pa.DictionaryArray.from_arrays(
        int32_array(verif, Gathered((verif >= 0) & known, grid, used), grid), pa.array(VERIFICATION, type=pa.string())
    )
    abolished = np.take(t["abolished"][combination], grid)
    if known_rows.values is None and known_rows.null_count == 0:
        columns["abolished"] = pa.array(abolished, type=pa.bool_())
    else:
        mask = ~known_rows.values if known_rows.values is not None else np.ones(len(grid), dtype=bool)
        columns["abolished"] = pa.array(abolished, mask=mask, type=pa.bool_())
    out.columns = columns


def columns_by_valuation_day(t, m, inv, good, pick, cols, out, provs, rates) -> bool:
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
        day = valued_on(t["valued"][inv], pick(sources[0]), pick(sources[1]), pick(sources[2]), choose=np.choose)
    if not len(day):
        return False
    low, high = int(day.min()), int(day.max())
    span = high - low + 1
    if low < 0 or (m + 1) * span > 4 * n + keys.DENSE_LIMIT:
        return False
    cell = np.repeat(np.arange(m + 1), span)
    cell[m * span :] = -1  # the last block: rows that failed in the reasoning (their error is set)
    if isinstance(good, slice):
        grid = inv * span + (day - low)
    else:
        grid = np.full(n, m * span, dtype=np.int64)
        grid[good] = inv * span + (day - low)
    columns_by_cell(t, m, cell, grid, low, span, rates, provs, cols, out, failed_already=True)
    return True


def row_money(cols, out, rates):
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
    low = int(np.where(ok, valued, 2**40).min())
    high = int(np.where(ok, valued, -1).max())
    idx = valued - low
    np.clip(idx, 0, high - low, out=idx)
    mci_table = mci_by_day(low, high)
    mci = mci_table[idx]
    covered = ok & (mci > 0)
    for row in np.flatnonzero(ok & (mci == 0) & out.has_money):  # no MCI for the date: word it as mci() does
        try:
            default_index().record(day_date(valued[row]))
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
        np.floor_divide(kzt, 100, out=kzt)  # MCI × (KZT/MCI) → tiyn
        if 2 in present:
            kzt[:] = np.where(unit == 2, e4 // 100, kzt)  # KZT → tiyn
        if 3 in present:
            kzt[:] = np.where(unit == 3, div_half_up(e4 * base, 10000), kzt)  # multiple of the base
        if 4 in present:
            kzt[:] = np.where(unit == 4, div_half_up(e4 * base, 1000000), kzt)  # percent of the base
        out.mci_e4[b] = e4 if present <= {0, 1} else np.where(unit <= 1, e4, div_half_up(kzt * 100, mci))

    rate = rate_by_day(low, high, rates)[idx]
    rate[~covered] = 0
    usd = div_half_up(out.kzt_tiyn[1] * 10000, np.maximum(rate, 1))
    usd[rate == 0] = -1
    out.usd_cents = usd


@cached(maxsize=8)
def mci_by_day(low: int, high: int):
    """The MCI for fines (whole tenge) on every day from `low` to `high`; 0 where none is encoded."""
    import numpy as np

    series = default_index().series("fine")
    days = np.arange(low, high + 1)
    table = np.zeros(len(days), dtype=np.int64)
    for value in series:
        inside = (days >= day_number(value.valid_from)) & (days <= day_number(value.valid_to))
        table[inside] = int(value.kzt)
    table.setflags(write=False)
    return table


def rate_by_day(first: int, last: int, rates):
    """Rate × 10^4 for every day from `first` to `last` (0 where none); the shipped table's is cached."""
    import numpy as np

    if rates is None:
        return _shipped_rate_table(first, last)
    table = np.zeros(last - first + 1, dtype=np.int64)
    for offset in range(len(table)):
        found = find_rate(day_date(first + offset), rates)
        table[offset] = int((found.kzt_per_usd * 10000).to_integral_value()) if found else 0
    return table


@cached(maxsize=8)
def _shipped_rate_table(first: int, last: int):
    table = rate_by_day(first, last, ())  # an empty tuple of extra sources: the shipped table only
    table.setflags(write=False)
    return table
