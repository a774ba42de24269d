"""The batch's plan: the distinct keys (provision, offender, versions, rule periods) of a table, the legal reasoning once per key through `penalties.reasoning`, and each row's key.

Nothing legal is decided here: the version with lex mitior is `reasoning.version_choice.choose`,
the sanction with the General Part's limits `reasoning.sanction.resolve` on its `limits_day`, the
valuation date `reasoning.case_dates.valuation`. What is vectorised is finding each row's key.
"""

from __future__ import annotations

from typing import Any

from ..data.mci import default_index
from ..data.store import cached
from ..errors import MissingBaseError, PenaltiesError, UnreadWordingError
from ..law.provisions import CODES_IN_FORCE
from ..lookup import provision as find_provision
from ..reasoning.case_dates import valuation, valued_on
from ..reasoning.sanction import limits_day, resolve
from ..reasoning.version_choice import accepts, choose, versions_from
from . import keys
from .amounts import columns_by_cell, columns_by_valuation_day
from .arrow import VERIFICATION
from .keys import NO_DATE, SPAN, bisect_days_by_code, day_date, day_number, lookup_days, rule_edges, unique
from .refusals import add_redo, fail_rows, scalar_error


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
    if low < 0 or span * len(provs) * n_off * width > 4 * n + keys.DENSE_LIMIT:
        return False
    if later:
        decided = cols["decided"]
        high_d = max(high, int(decided.max()))
        span_d = high_d - low + 1
        if int(decided.min()) < 0 or span_d * len(provs) > 4 * n + keys.DENSE_LIMIT:
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
    specs: list[tuple] = []
    index: dict[tuple, int] = {}
    for s, pair in enumerate(pairs.tolist()):
        p_idx, o_idx = divmod(pair, n_off)
        p, who = provs[p_idx], cols["offenders"][o_idx]
        if isinstance(p, Exception):
            continue
        edges, vedges = rule_edges(p.code)
        starts = np.array([day_number(v.valid_from) for v in p.versions])
        ends = np.array([day_number(v.valid_to) if v.valid_to else SPAN for v in p.versions])
        vi = np.searchsorted(starts, days, side="right") - 1
        valid = (vi >= 0) & (days <= ends[np.maximum(vi, 0)]) & (days >= day_number(CODES_IN_FORCE))
        for k in np.unique(vi[valid]).tolist():
            if not accepts(p, p.versions[k], who):
                continue  # an unknown offender category: left to the error path
            sel = np.flatnonzero(valid & (vi == k))
            for d in range(k, len(p.versions)) if later else (k,):
                # the version applied: the mildest from commission to decision (the same code as assess())
                if d == k:
                    chosen = p.versions[k]
                else:
                    try:
                        in_force = versions_from(p, p.versions[k], p.versions[d])
                    except UnreadWordingError:
                        continue  # a wording in between was not read: the error path words it as assess() does
                    chosen = choose(in_force, who)[0]
                on = limits_day(day_number(chosen.valid_from), days[sel], np.maximum)
                period = np.searchsorted(edges, on, side="right")
                vperiod = np.searchsorted(vedges, days[sel], side="right")
                for a, b in set(zip(period.tolist(), vperiod.tolist(), strict=True)):
                    j = index.setdefault((pair, id(chosen), a, b), len(specs))
                    if j == len(specs):
                        day_on = max(int(edges[a - 1]) if a > 0 else 0, day_number(chosen.valid_from))
                        rule_day = int(vedges[b - 1]) if b > 0 else day_number(CODES_IN_FORCE)
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
        unread = np.zeros(len(provs) * span_d, dtype=bool)  # decided on a day whose wording was not read
        days_d = np.arange(low, high_d + 1)
        for p_idx, p in enumerate(provs):
            if not isinstance(p, Exception):
                starts = np.array([day_number(v.valid_from) for v in p.versions])
                table[p_idx * span_d : (p_idx + 1) * span_d] = np.maximum(
                    np.searchsorted(starts, days_d, "right") - 1, 0
                )
                for g in p.gaps:
                    unread[p_idx * span_d : (p_idx + 1) * span_d] |= (days_d >= day_number(g.valid_from)) & (
                        days_d <= day_number(g.valid_to)
                    )
        at_decision = decided - low
        if at_decision.min() < 0:  # only rows decided before they were committed (refused below)
            np.maximum(at_decision, 0, out=at_decision)
        at_decision += provision * span_d
        grid *= width
        grid += table[at_decision]
        refused = (decided < committed) | unread[at_decision]
        if cols["initiated"] is not committed:
            refused |= cols["initiated"] < committed
        grid[refused] = len(cell) - 1
    # each row's cell fixes its provision, offender, day committed and version applied: the
    # limitation and compulsory-payment columns are worked out once per cell (batch/__init__.py)
    out.row_cell = grid
    sources = [cols["committed"], cols["initiated"], cols["decided"]]  # absent columns are the committed array
    if not _per_row(t) and all(sources[k] is committed for k in np.unique(t["valued"][: len(specs)]).tolist()):
        # every valuation rule reads the day committed, which the cell knows: one gather a column
        columns_by_cell(t, len(specs), cell, grid, low, span, rates, provs, cols, out, width=width)
        return True
    combination = cell[grid]
    failed = combination < 0
    fail_rows(np.flatnonzero(failed), provs, cols, out)
    if not _per_row(t):
        good = np.flatnonzero(~failed) if failed.any() else slice(None)
        pick = (lambda a: a[good]) if failed.any() else (lambda a: a)
        if columns_by_valuation_day(t, len(specs), pick(combination), good, pick, cols, out, provs, rates):
            return True
    # money that depends on a per-row base amount (or dates too far apart for a dense table): row by row
    combination[failed] = len(specs)  # the defaults entry
    _scatter(t, base_names, combination, slice(None), lambda a: a, lambda i: i, cols, out, provs)
    return True


def reason(cols, out, rates=None):
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
    starts: list[int] = []
    end_days: list[int] = []
    first: list[int] = []
    versions: list = []
    for k, p in enumerate(provs):
        first.append(len(starts))
        if isinstance(p, Exception):
            continue
        for v in p.versions:
            starts.append(k * SPAN + day_number(v.valid_from))
            end_days.append(day_number(v.valid_to) if v.valid_to else SPAN)
            versions.append((k, v))
    starts_a = np.array(starts + [2**62], dtype=np.int64)
    end_day = np.array(end_days + [-1], dtype=np.int64)
    first_a = np.array(first, dtype=np.int64)

    vc = lookup_days(starts_a, provision, committed, len(provs))
    vc_safe = np.maximum(vc, 0)
    bad = (committed < day_number(CODES_IN_FORCE)) | (vc < first_a[provision]) | (committed > end_day[vc_safe])
    unknown = np.array([isinstance(p, Exception) for p in provs])
    if unknown.any():
        bad |= unknown[provision]
    if cols["later_dates"]:
        bad |= (decided < committed) | (initiated < committed)
        for k, p in enumerate(provs):  # decided on a day whose wording was not read (assess() refuses it)
            if not isinstance(p, Exception) and p.gaps:
                rows = provision == k
                for g in p.gaps:
                    bad |= rows & (decided >= day_number(g.valid_from)) & (decided <= day_number(g.valid_to))
        vd = lookup_days(starts_a, provision, decided, len(provs))
        vd = np.where(decided > end_day[vc_safe], vd, vc)  # a later version only once the first has ended
    else:
        vd = vc
    fail_rows(np.flatnonzero(bad), provs, cols, out)
    good: Any  # the rows kept: an index array, or every row as a slice
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
    row_of = (lambda i: good[i]) if not isinstance(good, slice) else (lambda i: i)

    # stage 1: (provision, offender, version at commission, version at decision)
    width = len(versions) + 1
    key1 = (provision_g * n_off + offender_g) * width + vc_g
    if vd_g is not vc_g:
        key1 = key1 * width + vd_g
    u1, inv1 = unique(key1, len(provs) * n_off * width * (width if vd_g is not vc_g else 1))
    chosen_start = np.zeros(len(u1), dtype=np.int64)
    code_ac = np.zeros(len(u1), dtype=np.int64)
    chosen: list = []
    combos: list = []
    for k, key in enumerate(u1.tolist()):
        if vd_g is not vc_g:
            inner, d_idx = divmod(key, width)
            rest, c_idx = divmod(inner, width)
        else:
            rest, c_idx = divmod(key, width)
            d_idx = c_idx
        p_idx, o_idx = divmod(rest, n_off)
        p, who = provs[p_idx], cols["offenders"][o_idx]
        at_commission = versions[c_idx][1]
        code_ac[k] = p.code == "ac"
        combos.append((p, who))
        if not accepts(p, at_commission, who):
            chosen.append(None)  # an unknown offender category: the error is worded below
            continue
        try:
            in_force = versions_from(p, at_commission, versions[d_idx][1])
        except UnreadWordingError:
            chosen.append(None)  # a wording in between was not read: worded below, as assess() does
            continue
        version, _undecided = choose(in_force, who)
        chosen.append(version)
        chosen_start[k] = day_number(version.valid_from)
    for k in (k for k, v in enumerate(chosen) if v is None):  # the message names no date: one per combination
        rows = row_of(np.flatnonzero(inv1 == k))
        message = scalar_error(combos[k][0], combos[k][1], cols, rows[0])
        if message is None:  # assess() does not refuse it after all: it gives the figures
            add_redo(out, rows)
        else:
            out.fail(rows, message)

    # stage 2: the General-Part period (of the later of committed and the version's start) and the
    # valuation-rule period (of committed), through one dense table per kind of rule
    gp_edges = [rule_edges(c)[0] for c in ("cc", "ac")]
    val_edges = [rule_edges(c)[1] for c in ("cc", "ac")]
    pw = max(len(e) for e in gp_edges) + 2
    vw = max(len(e) for e in val_edges) + 2
    low, high = int(committed_g.min()), int(committed_g.max())
    span = high - low + 1
    if len(u1) * span <= 4 * len(committed_g) + keys.DENSE_LIMIT:
        # per cell (stage-1 combination, day committed): the periods are worked out once per cell,
        # and each row gets its stage-2 combination with one gather
        cells = np.arange(len(u1) * span)
        k_of, day_of = np.divmod(cells, span)
        day_of += low
        is_ac = code_ac[k_of]
        period = bisect_days_by_code(gp_edges, is_ac, limits_day(chosen_start[k_of], day_of, np.maximum))
        vperiod = bisect_days_by_code(val_edges, is_ac, day_of)
        u2, inv2_of_cell = unique((k_of * pw + period) * vw + vperiod, len(u1) * pw * vw)
        row_cell = inv1 * span
        row_cell += committed_g
        row_cell -= low
        inv2 = inv2_of_cell[row_cell]
    else:
        is_ac = code_ac[inv1]
        limits_on = limits_day(chosen_start[inv1], committed_g, np.maximum)
        period = bisect_days_by_code(gp_edges, is_ac, limits_on)
        vperiod = bisect_days_by_code(val_edges, is_ac, committed_g)
        u2, inv2 = unique((inv1 * pw + period) * vw + vperiod, len(u1) * pw * vw)
    specs = []
    for key in u2.tolist():
        rest, vp = divmod(key, vw)
        k, gp_period = divmod(rest, pw)
        version = chosen[k]
        p, who = combos[k]
        edges, vedges = gp_edges[code_ac[k]], val_edges[code_ac[k]]
        # a day inside both periods: the same rules are in force on every day of a period
        on = max(int(edges[gp_period - 1]) if gp_period > 0 else 0, int(chosen_start[k]))
        rule_day = int(vedges[vp - 1]) if vp > 0 else day_number(CODES_IN_FORCE)
        specs.append((p, who, version, on, rule_day))
    t, base_names = _combination_tables(specs)
    if not _per_row(t) and columns_by_valuation_day(t, len(specs), inv2, good, pick, cols, out, provs, rates):
        return
    _scatter(t, base_names, inv2, good, pick, row_of, cols, out, provs)


def _combination_tables(specs):
    """For each (provision, offender, version, a day for the General-Part rules, a day for the
    valuation rule), what every row of that combination gets: the fine's bounds, arrest and
    imprisonment maxima, version start, verification, abolition, valuation date kind. One extra
    entry at the end holds the defaults (for rows that failed)."""
    import numpy as np

    m = len(specs)
    t: dict[str, Any] = {
        "unit": np.zeros((2, m + 1), np.int8),
        "e4": np.zeros((2, m + 1), np.int64),
        "arrest": np.full(m + 1, -1, np.int64),
        "prison": np.full(m + 1, -1, np.int64),
        "from": np.full(m + 1, NO_DATE, np.int64),
        "verif": np.full(m + 1, -1, np.int64),
        "abolished": np.zeros(m + 1, bool),
        "needs_base": np.zeros(m + 1, bool),
        "valued": np.zeros(m + 1, np.int64),
        "has_money": np.zeros(m + 1, bool),
        "big": np.zeros(m + 1, bool),
        "base_cap": np.full(m + 1, _INT_LIMIT, np.int64),
    }
    base_names: dict[int, str] = {}
    units = {"MCI": 1, "KZT": 2, "base": 3, "percent": 4}
    for j, (p, who, version, on, rule_day) in enumerate(specs):
        if version is None:
            continue
        t["from"][j] = day_number(version.valid_from)
        t["verif"][j] = VERIFICATION.index(version.verification)
        t["valued"][j] = valuation(p.code, day_date(rule_day)).index
        if version.abolished:
            t["abolished"][j] = True
            continue
        resolved = resolve(version, who, p.code, day_date(on))
        t["has_money"][j] = resolved.has_money  # else the row needs no MCI (reasoning.money.mci_on)
        fine = next((r for r in resolved.main if r.kind == "fine"), None)
        if fine is not None and (fine.bounded or fine.per or resolved.needs_count):
            # a percentage bounded in MCI, or an amount per unit of a count: assess() does the rows (with
            # their base_amount and count columns; without a count, its MissingCountError is the row's error)
            t["big"][j] = True
            fine = None
        if fine is not None:
            for b, measure in enumerate((fine.min, fine.max)):
                if measure is not None:
                    t["unit"][b, j] = units[measure.unit]
                    e4 = int(measure.value * 10000)
                    if measure.unit in ("base", "percent"):
                        # e4 × base (in tiyn), doubled for the rounding, stays within int64 up to this base
                        t["base_cap"][j] = min(int(t["base_cap"][j]), _INT_LIMIT // max(e4, 1))
                    elif e4 * _mci_ceiling() * 200 >= _INT_LIMIT:
                        # tiyn × 10^4 for the dollars would not fit int64: assess() does the rows
                        t["big"][j], e4 = True, 0
                    t["e4"][b, j] = e4
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
    for target, source in (
        (out.fine_unit[0], t["unit"][0]),
        (out.fine_unit[1], t["unit"][1]),
        (out.fine_e4[0], t["e4"][0]),
        (out.fine_e4[1], t["e4"][1]),
        (out.arrest, t["arrest"]),
        (out.prison, t["prison"]),
        (out.version_from, t["from"]),
        (out.verification, t["verif"]),
        (out.abolished, t["abolished"]),
        (out.has_money, t["has_money"]),
    ):
        if isinstance(good, slice):
            np.take(source, inv, out=target)
        else:
            target[good] = source[inv]
    out.units_present = set(t["unit"].ravel().tolist())
    committed = pick(cols["committed"])
    valued = t["valued"][inv] if t["valued"].any() else None
    out.valued_on[good] = (
        committed
        if valued is None
        else valued_on(valued, committed, pick(cols["initiated"]), pick(cols["decided"]), np.choose)
    )
    if t["big"].any():
        add_redo(out, row_of(np.flatnonzero(t["big"][inv])))
    if t["needs_base"].any():
        needs = t["needs_base"][inv]
        base = cols["base_tiyn"]
        if base is not None:  # bases so large that e4 × base would overflow int64: assess() does the rows
            over = row_of(np.flatnonzero(pick(base) > t["base_cap"][inv]))
            if len(over):
                add_redo(out, over)
        local = np.flatnonzero(needs if base is None else needs & (pick(base) < 0))
        missing, combination = row_of(local), inv[local]
        for j in np.unique(combination):
            rows = missing[combination == j]
            label = provs[cols["provision"][rows[0]]].label
            out.fail(rows, str(MissingBaseError(label, base_names[int(j)])))


#: the integer arithmetic's products stay below this (int64 holds 2^63; the rounding doubles)
_INT_LIMIT = 2**61


@cached(maxsize=1)
def _mci_ceiling() -> int:
    """The largest MCI encoded (whole tenge), at least 1."""
    return max([int(v.kzt) for v in default_index().series("fine")] + [1])


def _per_row(t) -> bool:
    """Whether the money must be worked out row by row: a base amount per row, or amounts too
    large for the per-cell integers."""
    return bool(t["needs_base"].any() or t["big"].any())
