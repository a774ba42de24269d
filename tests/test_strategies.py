"""`penalties.strategies`: what each strategy draws is what it promises, and a fuzz of assess()
over whole cases raises nothing but the documented `PenaltiesError` subclasses."""

import inspect
import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import penalties
from penalties import errors
from penalties import strategies as ps
from penalties.law.provisions import Provision
from penalties.references import Reference

DOCUMENTED = tuple(
    cls for _, cls in inspect.getmembers(errors, inspect.isclass) if issubclass(cls, errors.PenaltiesError)
)
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("code", ["cc", "ac"])
def test_every_form_of_every_provision_reads_back(code):
    wrong = [
        (form, p.id)
        for p in penalties.provisions(code)
        for form in ps.reference_forms(p)
        if penalties.provision(form) is not p
    ]
    assert wrong == []


@given(ps.references())
def test_references_resolve(reference):
    assert isinstance(penalties.provision(reference), Provision)


@given(ps.provisions().flatmap(lambda p: st.tuples(st.just(p), ps.dates_in_coverage(p))))
def test_dates_in_coverage_have_a_version(drawn):
    p, on = drawn
    assert p.version_on(on) is not None
    penalties.mci(on)  # and the MCI is known


@settings(deadline=None)
@given(ps.provisions().flatmap(lambda p: st.tuples(st.just(p), ps.dates_outside_coverage(p), ps.offenders(p))))
def test_dates_outside_coverage_are_refused(drawn):
    p, on, offender = drawn
    if on < p.coverage[0]:
        with pytest.raises(penalties.OutOfCoverageError):
            penalties.assess(p, on=on, offender=offender)
        return
    try:  # after the MCI's last day: refused, unless no punishment is an amount
        result = penalties.assess(p, on=on, offender=offender, base_amount=1000, count=1)
    except penalties.OutOfCoverageError:
        return
    except (penalties.UnknownOffenderError, penalties.UnreadWordingError):
        return
    assert list(_amounts(result.to_dict())) == []


@given(ps.provisions().flatmap(lambda p: st.tuples(st.just(p), ps.case_dates(p))))
def test_case_dates_are_in_order(drawn):
    _, dates = drawn
    assert set(dates) == {"committed", "initiated", "decided"}
    assert dates["committed"] <= dates["initiated"] <= dates["decided"]


@given(ps.provisions().flatmap(lambda p: st.tuples(st.just(p), ps.offenders(p))))
def test_offenders_are_covered_by_some_version(drawn):
    p, offender = drawn
    assert any(v.abolished or v.applies_to(offender) for v in p.versions)


@given(ps.amounts())
def test_amounts_are_exact(amount):
    assert isinstance(amount, Decimal) and amount.is_finite() and amount > 0
    assert amount == amount.quantize(Decimal("0.01"))


def _amounts(tree):
    """Every money figure (mci, kzt, usd) anywhere in an assessment's JSON."""
    if isinstance(tree, dict):
        for key, value in tree.items():
            if key in ("mci", "kzt", "usd") and isinstance(value, str):
                yield Decimal(value)
            else:
                yield from _amounts(value)
    elif isinstance(tree, list):
        for value in tree:
            yield from _amounts(value)


@FUZZ
@given(ps.cases())
def test_fuzz_assess_raises_only_documented_errors(case):
    try:
        result = penalties.assess(**case, today=date(2026, 12, 2))
    except DOCUMENTED:
        return
    data = result.to_dict()
    json.dumps(data, ensure_ascii=False)
    result.format("ru", explain=True)
    for figure in _amounts(data):
        assert figure.is_finite() and figure >= 0
    for item in data["main"] + data["additional"]:
        low, high = item.get("min"), item.get("max")
        if isinstance(low, dict) and isinstance(high, dict):
            for unit in ("mci", "kzt", "usd"):
                if low.get(unit) is not None and high.get(unit) is not None:
                    assert Decimal(low[unit]) <= Decimal(high[unit])
        elif isinstance(low, (int, Decimal)) and isinstance(high, (int, Decimal)):
            assert 0 <= low <= high


@FUZZ
@given(ps.cases("ac"))
def test_fuzz_assess_ac(case):
    try:
        penalties.assess(**case, today=date(2026, 12, 2)).to_dict()
    except DOCUMENTED:
        pass


def test_plugin_hook_registers_types():
    ps._hypothesis_setup_hook()

    @given(st.from_type(Provision), st.from_type(Reference))
    def drawn(p, ref):
        assert penalties.provision(p.id) is p and penalties.provision(ref.id).id == ref.id

    drawn()


def test_documented_in_the_module():
    for name in ps.__all__:
        assert getattr(ps, name).__doc__, name


# the downstream examples of docs/strategies.md, run as written there


@given(ps.provisions())
def test_docs_example_russian_labels_round_trip(provision):
    assert penalties.provision(provision.label_ru) is provision


@settings(deadline=None)
@given(ps.dates_in_coverage(), ps.amounts(max_value=10**9))
def test_docs_example_mci_to_tenge_and_back(on, mci):
    kzt = penalties.convert(mci, "MCI", "KZT", on=on)
    assert penalties.convert(kzt, "KZT", "MCI", on=on) == mci


def test_plugin_entry_point_is_declared():
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())["project"]
    assert project["entry-points"]["hypothesis"]["_"] == "penalties.strategies:_hypothesis_setup_hook"
    assert any(req.startswith("hypothesis") for req in project["optional-dependencies"]["strategies"])
