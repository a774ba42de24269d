"""The monthly calculation index (MCI, МРП), by date and purpose.

`mci(date, purpose="fine")` answers in whole tenge as a `Decimal`. The purposes differ from
2022-04-01 to 2022-12-31: 3,180 for social payments, 3,063 for fines and taxes. A date past the
last encoded value is an error, never a silent reuse of the last value.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from decimal import Decimal

import attrs

from ..data.paths import statutes_dir
from ..data.store import cached
from ..data.toml import read_toml
from ..errors import DataFileError, MissingIndexError, UserInputError
from ..law.provenance import Checker, Provenance, check_sequence

PURPOSES = ("fine", "tax", "social")


@attrs.frozen(cache_hash=True)
class MCIValue:
    """One dated MCI value and the law that set it."""

    kzt: Decimal
    valid_from: date
    valid_to: date
    purposes: tuple[str, ...]
    provenance: Provenance
    # the clause of the law that sets the value, verbatim; every `primary` value has one
    text_ru: str | None = None

    @property
    def act(self):
        return self.provenance.act

    @property
    def verification(self) -> str:
        return self.provenance.verification


class MCIIndex:
    """The MCI series of each purpose, looked up by bisection over start dates."""

    def __init__(self, values: list[MCIValue]):
        self.values = tuple(values)
        self._series: dict[str, tuple[list[date], list[MCIValue]]] = {}
        for purpose in PURPOSES:
            chosen = sorted((v for v in values if purpose in v.purposes), key=lambda v: v.valid_from)
            self._series[purpose] = ([v.valid_from for v in chosen], chosen)

    def series(self, purpose: str = "fine") -> tuple[MCIValue, ...]:
        """The values for `purpose`, in date order."""
        return tuple(self._series[purpose][1])

    def coverage(self, purpose: str = "fine") -> tuple[date, date]:
        _, values = self._series[purpose]
        return values[0].valid_from, values[-1].valid_to

    def record(self, on: date, purpose: str = "fine") -> MCIValue:
        try:
            starts, values = self._series[purpose]
        except KeyError:
            raise UserInputError(f"unknown MCI purpose {purpose!r}; use one of {', '.join(PURPOSES)}") from None
        i = bisect_right(starts, on) - 1
        if i < 0 or on > values[i].valid_to:
            first, last = self.coverage(purpose)
            raise MissingIndexError(f"MCI ({purpose})", on, first, last,
                                    "no MCI value is encoded for that date (statutes/kz/indices/mci.toml)")
        return values[i]

    def __call__(self, on: date, purpose: str = "fine") -> Decimal:
        return self.record(on, purpose).kzt


#: an MCI outside this band (whole tenge) is refused as a slip: the values since 2010 lie between
#: 1,413 and 4,325; the band leaves room for decades of growth, and none for 0, a negative or a value
#: in tiyn
PLAUSIBLE_KZT = (100, 1_000_000)


def load_mci(path=None) -> MCIIndex:
    path = path or statutes_dir() / "kz" / "indices" / "mci.toml"
    data, lines = read_toml(path)
    checker = Checker(path, lines)
    checker.keys(data, (), {"values"}, {"name", "unit"})
    values = []
    for i, row in enumerate(data.get("values", [])):
        where = ("values", i)
        checker.keys(row, where, {"valid_from", "valid_to", "kzt", "purposes", "act", "verification", "sources"},
                     {"verified_through", "entry_into_force", "notes", "text_ru"})
        start, end = checker.interval(row, where)
        kzt = checker.typed(row, "kzt", where, int)
        if kzt is not None and not PLAUSIBLE_KZT[0] <= kzt <= PLAUSIBLE_KZT[1]:
            checker.problem(where + ("kzt",), f"an MCI of {kzt} tenge is implausible "
                                              f"(outside {PLAUSIBLE_KZT[0]}..{PLAUSIBLE_KZT[1]})")
            kzt = None
        purposes = checker.typed(row, "purposes", where, list, [])
        bad = [p for p in purposes if p not in PURPOSES]
        if bad or not purposes:
            checker.problem(where + ("purposes",), f"purposes should be a non-empty subset of {PURPOSES}, got {purposes}")
        provenance = checker.provenance(row, where)
        text_ru = checker.typed(row, "text_ru", where, str)
        if provenance is not None and provenance.verification == "primary" and not text_ru:
            checker.problem(where, "a 'primary' MCI value quotes the clause that sets it in 'text_ru'")
        if start is not None and end is not None and kzt is not None and provenance is not None and not bad \
                and purposes:
            values.append(MCIValue(Decimal(kzt), start, end, tuple(purposes), provenance, text_ru))
    for purpose in PURPOSES:
        spans = sorted((r["valid_from"], r.get("valid_to"), ("values", i))
                       for i, r in enumerate(data.get("values", []))
                       if purpose in r.get("purposes", ()) and isinstance(r.get("valid_from"), date))
        check_sequence(checker, spans, f"MCI series {purpose!r}")
    if checker.problems:
        raise DataFileError(checker.problems)
    return MCIIndex(values)


@cached
def default_index() -> MCIIndex:
    return load_mci()


def mci(on: date, purpose: str = "fine") -> Decimal:
    """The MCI in tenge in force on `on` for `purpose` ("fine", "tax" or "social")."""
    from .. import inputs

    return default_index()(inputs.a_date(on, "on"), inputs.text(purpose, "purpose"))
