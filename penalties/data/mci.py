"""Reading the MCI series (`statutes/kz/indices/mci.toml`), checked, and the MCI in force on a date.

`mci(date, purpose="fine")` answers in whole tenge as a `Decimal`, from the shipped series
(`default_index()`, kept by the store).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ..errors import DataFileError
from ..law.mci import PURPOSES, MCIIndex, MCIValue
from .checker import Checker, check_sequence
from .paths import statutes_dir
from .store import cached
from .toml import read_toml

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
        checker.keys(
            row,
            where,
            {"valid_from", "valid_to", "kzt", "purposes", "act", "verification", "sources"},
            {"verified_through", "entry_into_force", "notes", "text_ru"},
        )
        start, end = checker.interval(row, where)
        kzt = checker.typed(row, "kzt", where, int)
        if kzt is not None and not PLAUSIBLE_KZT[0] <= kzt <= PLAUSIBLE_KZT[1]:
            checker.problem(
                where + ("kzt",),
                f"an MCI of {kzt} tenge is implausible (outside {PLAUSIBLE_KZT[0]}..{PLAUSIBLE_KZT[1]})",
            )
            kzt = None
        purposes = checker.typed(row, "purposes", where, list, [])
        bad = [p for p in purposes if p not in PURPOSES]
        if bad or not purposes:
            checker.problem(
                where + ("purposes",), f"purposes should be a non-empty subset of {PURPOSES}, got {purposes}"
            )
        provenance = checker.provenance(row, where)
        text_ru = checker.typed(row, "text_ru", where, str)
        if provenance is not None and provenance.verification == "primary" and not text_ru:
            checker.problem(where, "a 'primary' MCI value quotes the clause that sets it in 'text_ru'")
        if (
            start is not None
            and end is not None
            and kzt is not None
            and provenance is not None
            and not bad
            and purposes
        ):
            values.append(MCIValue(Decimal(kzt), start, end, tuple(purposes), provenance, text_ru))
    for purpose in PURPOSES:
        spans = sorted(
            (r["valid_from"], r.get("valid_to"), ("values", i))
            for i, r in enumerate(data.get("values", []))
            if purpose in r.get("purposes", ()) and isinstance(r.get("valid_from"), date)
        )
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
