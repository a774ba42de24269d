"""The batch's `limitation_date` column: the last day a case can be brought, per row, by the same
rule `Assessment.limitation` gives (`penalties.reasoning.limitation.limitation`).

The rule's term depends on the Code, the version's category, the offender and which wordings are in
force on the days committed and decided: `limitation()` is called once per distinct combination
(with the dates of one of its rows), and each row's last day is its own day committed plus that
term, counted in numpy by the same convention (`reasoning.limitation.add_months_days`). A row whose
limitation cannot be given (an unread wording, no category, abolished, a last day after 9999-12-31,
an error) gets null.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..errors import PenaltiesError
from ..lookup import provision as find_provision
from ..reasoning.limitation import add_months_days, limitation
from .keys import EPOCH, NO_DATE, distinct_rows, periods, sentencing_edges

LAST_DAY = (date.max - EPOCH).days


def limitation_column(cols, version_from, failed):
    """A date32 array: each row's limitation date; `version_from` (day numbers, NO_DATE for none)
    and `failed` (bool) are the rows' results of the vectorised path."""
    return date_array(limitation_days(cols, version_from, failed))


def date_array(days):
    """A date32 Arrow array of day numbers, null where NO_DATE."""
    import numpy as np
    import pyarrow as pa

    return pa.array(days.astype(np.int32), mask=days == NO_DATE, type=pa.int32()).cast(pa.date32())


def limitation_days(cols, version_from, failed):
    """Each row's limitation date as a day number (NO_DATE for none); arguments as `limitation_column`."""
    import numpy as np

    n = cols["n"]
    out = np.full(n, NO_DATE, dtype=np.int64)
    ok = ~failed & (version_from != NO_DATE)
    if ok.any():
        rows = np.flatnonzero(ok)
        committed, decided = cols["committed"][rows], cols["decided"][rows]
        provision, offender = cols["provision"][rows], cols["offender"][rows]
        _, pair_of_row, first_of_pair = distinct_rows([provision, version_from[rows]])
        code_cat: list[tuple[str | None, str | None, bool]] = []  # (code, category, abolished) per pair
        for p, v in zip(provision[first_of_pair].tolist(), version_from[rows][first_of_pair].tolist(), strict=True):
            try:
                prov = find_provision(cols["provisions"][p])
                version = prov.version_on(EPOCH + timedelta(days=int(v)))
                code_cat.append((prov.code, version.category, version.abolished))
            except PenaltiesError:
                code_cat.append((None, None, True))
        months = np.full(len(rows), -1, dtype=np.int64)
        codes = sorted({c for c, _, _ in code_cat if c})
        for code in codes:
            edges = np.array(sorted(sentencing_edges(code, "limitation")), dtype=np.int64)
            period_c, period_d = periods(edges, committed), periods(edges, decided)
            # each row's (provision, version) pair where it is of this Code and not abolished, else -1
            group = np.array(
                [j if c == code and not abolished else -1 for j, (c, _, abolished) in enumerate(code_cat)],
                dtype=np.int64,
            )[pair_of_row]
            mine = group >= 0
            if not mine.any():
                continue
            # the rows in order of the day committed, so that each key's first row (whose dates the
            # rule is asked with) is its earliest: a far-future row cannot stand for the others
            at = np.flatnonzero(mine)
            count, key_of_row, first_row = distinct_rows(
                [group[at], offender[at], period_c[at], period_d[at]], earliest=committed[at]
            )
            terms = np.full(count, -1, dtype=np.int64)
            for k in range(count):
                row = at[first_row[k]]
                _, category, _ = code_cat[pair_of_row[row]]
                try:
                    found = limitation(
                        code,
                        category,
                        EPOCH + timedelta(days=int(committed[row])),
                        EPOCH + timedelta(days=int(decided[row])),
                        cols["offenders"][offender[row]],
                    )
                except PenaltiesError:
                    continue
                if found.term.unit == "month" and found.term.value == int(found.term.value):
                    terms[k] = int(found.term.value)
            months[at] = terms[key_of_row]
        has = months >= 0
        # the same day plus the same term gives the same last day: count each distinct pair once
        _, pair_of_day, first = distinct_rows([committed[has], months[has]])
        last = add_months_days(committed[has][first], months[has][first])[pair_of_day]
        # a last day after 9999-12-31 is no date (Assessment.limitation: "beyond_calendar")
        out[rows[has]] = np.where(last <= LAST_DAY, last, NO_DATE)
    return out
