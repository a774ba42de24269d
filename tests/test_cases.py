"""The test cases lawyers write as data (tests/cases/*.toml, format in docs/contributing-data.md):
each expected figure is checked against the words it is quoted from, then against `assess()`.

The statute and MCI files are read here with `tomllib` directly, not through the library, so a case
checks the library against the text and not against itself.
"""

import re
import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import penalties

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((Path(__file__).parent / "cases").glob("*.toml"))
REFERENCE = re.compile(r"(CC|AC) (\d+(?:-\d+)?)(?:\((\d+(?:-\d+)?)\))?")
#: a bound's key suffix -> the item's unit in an assessment, and how the figure is read from a bound
UNITS = {
    "mci": ("money", lambda v: v.mci),
    "kzt": ("money", lambda v: v.kzt),
    "days": ("day", None),
    "months": ("month", None),
    "hours": ("hour", None),
}
CASE_KEYS = {"name", "reference", "on", "offender", "version_from", "mci", "base_amount", "expect"}
EXPECT_KEYS = {"kind", "group", "quote", "absent"} | {f"{side}_{unit}" for side in ("min", "max") for unit in UNITS}


def _cases():
    for path in CASES:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for i, case in enumerate(data["cases"]):
            yield pytest.param(data["statute"], case, id=f"{path.stem}[{i}] {case['name']}")


def _words(text: str) -> str:
    return " ".join(text.split())


def _version(statute: str, reference: str, valid_from: date) -> dict:
    """The version of `reference` starting on `valid_from`, as the statute file writes it."""
    _, article, part = REFERENCE.fullmatch(reference).groups()
    data = tomllib.loads((ROOT / statute).read_text(encoding="utf-8"))
    assert Path(statute).stem == article, f"{reference} is not in {statute}"
    parts = [p for p in data["parts"] if p.get("part") == part]
    assert len(parts) == 1, f"{statute} has no part {part!r}"
    found = [v for v in parts[0]["versions"] if v["valid_from"] == valid_from]
    assert len(found) == 1, f"{statute} part {part}: no version from {valid_from}"
    return found[0]


def _mci_kzt(on: date) -> Decimal:
    """Tenge per MCI for fines on `on`, from statutes/kz/indices/mci.toml."""
    data = tomllib.loads((ROOT / "statutes/kz/indices/mci.toml").read_text(encoding="utf-8"))
    rows = [r for r in data["values"] if "fine" in r["purposes"] and r["valid_from"] <= on <= r["valid_to"]]
    assert len(rows) == 1
    return Decimal(rows[0]["kzt"])


def test_there_are_cases_for_every_file():
    assert len(CASES) >= 5 and sum(1 for _ in _cases()) >= 8


@pytest.mark.parametrize("statute, case", list(_cases()))
def test_case(statute, case):
    assert set(case) <= CASE_KEYS, f"unknown keys {set(case) - CASE_KEYS}"
    on = case["on"]
    version = _version(statute, case["reference"], case["version_from"])
    text = _words(version["text_ru"])
    assert version["valid_from"] <= on and ("valid_to" not in version or on <= version["valid_to"]), (
        f"{on} is outside the version from {case['version_from']}"
    )
    if "mci" in case:
        assert _mci_kzt(on) == case["mci"], "`mci` is not the figure statutes/kz/indices/mci.toml gives for the day"

    assessment = penalties.assess(
        case["reference"], on, offender=case.get("offender", "individual"), base_amount=case.get("base_amount")
    )
    assert assessment.version.valid_from == case["version_from"]
    for expect in case["expect"]:
        assert set(expect) <= EXPECT_KEYS, f"unknown keys {set(expect) - EXPECT_KEYS}"
        kind, group = expect["kind"], expect.get("group", "main")
        items = [i for i in getattr(assessment, group) if i.kind == kind]
        if expect.get("absent"):
            # that a punishment is missing rests on the whole sentence: the quote must be all of it
            assert _words(expect["quote"]) == text, "an `absent` expectation quotes the whole text_ru"
            assert items == [], f"{kind} is not in the text, but the assessment has it"
            continue
        assert _words(expect["quote"]) in text, f"the quote is not in the text_ru of {statute}"
        assert len(items) == 1, f"the assessment has {len(items)} {group} items of kind {kind}"
        item = items[0]
        for key, figure in expect.items():
            side, _, unit = key.partition("_")
            if side not in ("min", "max"):
                continue
            if unit == "kzt" and f"{side}_mci" in expect:  # the lawyer's sum: the figure in MCI × `mci`
                assert Decimal(figure) == Decimal(expect[f"{side}_mci"]) * case["mci"], f"{key}: not {side}_mci × mci"
            want_unit, read = UNITS[unit]
            assert item.unit == want_unit, f"{kind} is counted in {item.unit}, the case in {unit}"
            bound = getattr(item, side)
            assert bound is not None, f"the assessment has no {side} for {kind}"
            got = read(bound.value) if read else bound.value
            assert got == Decimal(figure), f"{kind} {side}: {got} {unit}, the case says {figure}"
