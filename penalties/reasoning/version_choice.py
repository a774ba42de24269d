"""The version to apply: the one in force when the offence was committed, or a milder (or abolishing) later one in force by the decision.

CC art. 6 / AC art. 5: the law in force when the act was committed applies; a later law that
abolishes the offence or softens its penalty applies retroactively, a harsher one does not. The
candidates are the versions in force from commission to decision that cover the offender (an
abolished one always counts; a gap, a wording not read, between them refuses the choice); `penalties.reasoning.mitior` ranks them, and versions it cannot rank
against the one chosen are returned with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from .. import inputs
from ..errors import PenaltiesError
from ..law.provisions import Provision, Version
from .mitior import mildest


class Choice(NamedTuple):
    """The version in force at commission, the version applied, and those it could not be ranked against."""

    at_commission: Version
    version: Version
    undecided: tuple[Version, ...]


def applicable(prov: Provision, committed: date, decided: date, offender: str) -> Choice:
    """The version of `prov` to apply to an offence committed on `committed` and decided on `decided`.
    `OutOfCoverageError` where no version is encoded on the day committed, `UnknownOffenderError` for
    an offender category the version in force then does not cover."""
    at_commission = prov.version_on(committed)
    inputs.offender(offender, prov, at_commission)  # UnknownOffenderError, also for an abolished version
    if decided > committed and at_commission.valid_to is not None and at_commission.valid_to < decided:
        in_force = tuple(
            v for v in prov.versions_between(committed, decided) if v.valid_from >= at_commission.valid_from
        )
        version, undecided = choose(in_force, offender)
    else:
        version, undecided = at_commission, ()
    return Choice(at_commission, version, undecided)


def choose(in_force: Sequence[Version], offender: str) -> tuple[Version, tuple[Version, ...]]:
    """Among the versions in force from commission to decision, in date order (the first is the one
    at commission), the one to apply for `offender`, and those it could not be ranked against."""
    return mildest(tuple(v for v in in_force if v.abolished or v.applies_to(offender)), offender)


def versions_from(prov: Provision, at_commission: Version, at_decision: Version) -> tuple[Version, ...]:
    """The versions of `prov` from `at_commission` to `at_decision`, in date order: the candidates when
    the offence was committed under the one and decided under the other. `UnreadWordingError` where a
    wording in force between them was not read: lex mitior cannot compare a wording it does not have."""
    return prov.versions_between(at_commission.valid_from, at_decision.valid_from)


def accepts(prov: Provision, version: Version, offender: str) -> bool:
    """Whether `offender` is a category `applicable` accepts when `version` is the one at commission."""
    if not version.abolished:
        return version.applies_to(offender)
    try:
        inputs.offender(offender, prov, version)
    except PenaltiesError:
        return False
    return True
