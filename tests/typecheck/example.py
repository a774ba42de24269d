"""A user's script, checked by mypy in CI (`mypy` reads tests/typecheck from pyproject.toml): what a
type checker sees of the public API. tests/test_typing.py runs `main()` too, so the example stays true.

`_misuse()` is never called: each of its lines is an error a checker must report. The `type: ignore`
comments say which, and `warn_unused_ignores` makes mypy fail if one stops being an error (say,
because `penalties.assess` became `Any` again).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import penalties


def fine_ceiling(reference: str, on: date, offender: penalties.Offender = "individual") -> Decimal | None:
    """The largest fine in tenge that `reference` allows on `on`, or None when it has no fine."""
    assessment: penalties.Assessment = penalties.assess(reference, on, offender=offender)
    for item in assessment.main:
        if item.kind == "fine" and item.max is not None:
            value = item.max.value  # a fine's bound: Money (MCI, tenge, dollars); a term's: a Decimal
            return None if isinstance(value, Decimal) else value.kzt
    return None


def main() -> dict[str, object]:
    codes: tuple[penalties.Code, ...] = ("cc", "ac")
    counts = {code: len(penalties.provisions(code)) for code in codes}
    mci: Decimal = penalties.mci(date(2022, 6, 1))
    tenge: Decimal = penalties.convert("5000", "MCI", "KZT", on=date(2019, 6, 1))
    try:
        penalties.provision("CC 9999(1)")
    except penalties.UnknownProvisionError as error:
        unknown = str(error)
    return {
        "counts": counts,
        "mci": mci,
        "tenge": tenge,
        "unknown": unknown,
        "ceiling": fine_ceiling("CC 403(1)", date(2017, 6, 1)),
    }


def _misuse() -> None:
    penalties.assess("CC 403(1)", on="2021-06-01")  # type: ignore[arg-type]  # a str is not a date
    penalties.assess("CC 403(1)", date(2021, 6, 1), offender="company")  # type: ignore[arg-type]  # no such category
    penalties.provisions("criminal")  # type: ignore[arg-type]  # the codes are "cc" and "ac"
    penalties.convert(1.5, "MCI", "KZT", on=date(2021, 6, 1))  # type: ignore[arg-type]  # floats are refused
    penalties.assess("CC 403(1)").version.valid_from.isoformat(1)  # type: ignore[call-arg]  # a real date


if __name__ == "__main__":
    print(main())
