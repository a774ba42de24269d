"""The case's dates: their defaults and order, and the day the MCI is valued on under each Code's rule.

- `initiated` defaults to the day committed (for the AC with a notice: its MCI is valued then);
- `decided` defaults to the later of committed and initiated; neither may precede committed;
- nothing committed before both Codes came into force (2015-01-01) is assessed;
- the MCI is valued on the date the General Part's dated rule names for the day committed (CC art.
  41(1): committed; AC art. 44(1): initiated), or on the fallback date, with a notice, where the
  data has no rule for that day.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from .. import inputs
from ..data.general_part import general_part
from ..errors import OutOfCoverageError, UserInputError
from ..law.general_part import FALLBACK_VALUATION, VALUATION_DATES
from ..law.provisions import CODES_IN_FORCE, Provision
from ..output.notices import Notice


class CaseDates(NamedTuple):
    """The case's dates, and the one the MCI was valued on."""

    committed: date
    initiated: date
    decided: date
    mci_valued_on: date

    def to_dict(self) -> dict:
        return {k: getattr(self, k).isoformat() for k in ("committed", "initiated", "decided", "mci_valued_on")}


class Valuation(NamedTuple):
    """Which case date the MCI is valued on ("committed", "initiated" or "decided"), how the
    assessment words it, and whether a dated rule says so (False: the fallback applies)."""

    date: str
    description: str
    ruled: bool

    @property
    def index(self) -> int:  # type: ignore[override]  # shadows tuple.index, which no caller uses
        """The position of `date` among (committed, initiated, decided)."""
        return VALUATION_DATES.index(self.date)


def valuation(code: str, committed: date) -> Valuation:
    """The valuation rule of `code` ("cc" or "ac") for an offence committed on `committed`."""
    rule = general_part(code).valuation_rule(committed)
    if rule is None:
        valued = FALLBACK_VALUATION[code]
        return Valuation(valued, f"MCI valued on the {valued} date", False)
    return Valuation(rule.date, rule.description, True)


def default_decided(committed, initiated, later=max):
    """The day decided when none is given: the later of committed and initiated (`later`: the
    maximum to use, `numpy.maximum` for arrays of day numbers)."""
    return later(committed, initiated)


def valued_on(valuation_index, committed, initiated, decided, choose=None):
    """The day the MCI is valued on, by a `Valuation.index`; `choose` is `numpy.choose` for arrays."""
    if choose is not None:
        return choose(valuation_index, [committed, initiated, decided])
    return (committed, initiated, decided)[valuation_index]


def case_dates(prov: Provision, on, committed, initiated, decided, warnings: list) -> tuple[CaseDates, str]:
    """The case's dates from what the caller gave (`on` sets every date, the others override it), checked,
    and how the MCI's valuation day was chosen; notices are appended to `warnings`."""
    if committed is None and initiated is None and decided is None and type(on) is date and on >= CODES_IN_FORCE:
        rule = general_part(prov.code).valuation_rule(on)  # the common case: one date for everything
        if rule is not None:
            return CaseDates(on, on, on, on), rule.description
    on, initiated, decided = (
        inputs.optional_date(on, "on"),
        inputs.optional_date(initiated, "initiated"),
        inputs.optional_date(decided, "decided"),
    )
    committed = inputs.optional_date(committed, "committed") or on
    if committed is None:
        raise UserInputError("give the date: on=DATE, or committed=DATE")
    if committed < CODES_IN_FORCE:
        first, last = prov.coverage
        raise OutOfCoverageError(prov.label, committed, first, last, "both Codes are in force from 2015-01-01")
    if initiated is None:
        initiated = on or committed
        if prov.code == "ac" and on is None:
            warnings.append(Notice("no_initiated"))
    decided = decided or on or default_decided(committed, initiated)
    if decided < committed:
        raise UserInputError(f"decided ({decided}) is before committed ({committed})")
    if initiated < committed:
        raise UserInputError(f"initiated ({initiated}) is before committed ({committed})")
    chosen = valuation(prov.code, committed)
    if not chosen.ruled:
        warnings.append(Notice("no_valuation_rule", (prov.code.upper(), committed, chosen.date)))
    return CaseDates(
        committed, initiated, decided, valued_on(chosen.index, committed, initiated, decided)
    ), chosen.description
