"""The batch's `compulsory_payment_mci` and `compulsory_payment_kzt` columns: the compulsory payment
(CC arts 98-1, 98-2) per row, by the same rule `Assessment.compulsory_payment` gives
(`penalties.reasoning.compulsory_payment.payment_rule`).

The MCI count depends on the version's category and on the wordings in force from the day committed
to the day decided: `payment_rule()` is called once per distinct (provision, version, period of
wordings on the day committed, period on the day decided); the tenge
are the count times the MCI of each row's valuation day (`reasoning.case_dates.valuation`, once
per distinct day committed), from the dense per-day MCI table the money columns use. Null where
the payment does not apply or is not encoded (an AC row, a category the data lacks, before
2018-07-01, an abolished offence, a failed row); the tenge alone null where the MCI is not encoded.
"""

from __future__ import annotations

from datetime import timedelta

from ..errors import PenaltiesError
from ..lookup import provision as find_provision
from ..reasoning.case_dates import valuation, valued_on
from ..reasoning.compulsory_payment import payment_rule
from .amounts import mci_by_day
from .arrow import decimal_array, int32_array
from .keys import EPOCH, NO_DATE, distinct_rows, periods, rule_edges, sentencing_edges, unique


def compulsory_payment_columns(cols, version_from, failed) -> dict:
    """{"compulsory_payment_mci": int32, "compulsory_payment_kzt": decimal128(22, 2)} for the rows of
    `cols`; `version_from` (day numbers, NO_DATE for none) and `failed` (bool) are the rows' results."""
    return payment_columns(cols, payment_counts(cols, version_from, failed))


def payment_counts(cols, version_from, failed):
    """Each row's compulsory payment in MCI (-1 for none); arguments as `compulsory_payment_columns`."""
    import numpy as np

    n = cols["n"]
    count = np.full(n, -1, dtype=np.int64)
    ok = ~failed & (version_from != NO_DATE)
    rows = np.flatnonzero(ok)
    if len(rows):
        decided = cols["decided"][rows]
        provision, version = cols["provision"][rows], version_from[rows]
        _, pair_of_row, first_of_pair = distinct_rows([provision, version])
        facts: list[tuple[str | None, str | None]] = []  # (code, category) per pair; None: no payment
        for p, v in zip(provision[first_of_pair].tolist(), version[first_of_pair].tolist(), strict=True):
            try:
                prov = find_provision(cols["provisions"][p])
                version = prov.version_on(EPOCH + timedelta(days=int(v)))
                facts.append((None, None) if version.abolished else (prov.code, version.category))
            except PenaltiesError:
                facts.append((None, None))
        live = np.array([code == "cc" for code, _ in facts], dtype=bool)[pair_of_row]
        if live.any():
            edges = np.array(sorted(sentencing_edges("cc", "compulsory_payment")), dtype=np.int64)
            # the wording applied depends on the wordings from the day committed to the day decided
            committed_ = cols["committed"][rows]
            period_c = np.searchsorted(edges, committed_, side="right")
            period = np.searchsorted(edges, decided, side="right")
            at = np.flatnonzero(live)
            distinct, key_of_row, first = distinct_rows([pair_of_row[at], period_c[at], period[at]])
            counts = np.full(distinct, -1, dtype=np.int64)
            for k in range(distinct):
                row = at[first[k]]
                code, category = facts[pair_of_row[row]]
                found = payment_rule(
                    code or "",
                    category,
                    EPOCH + timedelta(days=int(committed_[row])),
                    EPOCH + timedelta(days=int(decided[row])),
                )
                if found is not None:
                    counts[k] = found[1]
            count[rows[at]] = counts[key_of_row]
    return count


def payment_columns(cols, count) -> dict:
    """The two columns from each row's MCI count (`payment_counts`): the tenge at the MCI of the row's
    valuation day."""
    import numpy as np

    n = cols["n"]
    has = count >= 0
    kzt_tiyn = np.zeros(n, dtype=np.int64)
    has_kzt = np.zeros(n, dtype=bool)
    if has.any():
        paid = np.flatnonzero(has)
        committed = cols["committed"][paid]
        low = int(committed.min())
        days, day_of_row = unique(committed - low, int(committed.max()) - low + 1)
        # the valuation rule is the same on every day of a period of its wordings: asked once per period
        _, period_of_day, first_day = distinct_rows([periods(rule_edges("cc")[1], days + low)])
        index = np.array(
            [valuation("cc", EPOCH + timedelta(days=int(d) + low)).index for d in days[first_day]], dtype=np.int64
        )[period_of_day][day_of_row]
        day = valued_on(index, committed, cols["initiated"][paid], cols["decided"][paid], choose=np.choose)
        low, high = int(day.min()), int(day.max())
        kzt = mci_by_day(low, high)[day - low]
        has_kzt[paid] = kzt > 0
        kzt_tiyn[paid] = count[paid] * kzt * 100
    return {
        "compulsory_payment_mci": int32_array(count, has),
        "compulsory_payment_kzt": decimal_array(kzt_tiyn, has_kzt, 22, 2),
    }
