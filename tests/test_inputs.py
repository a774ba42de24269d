"""Bad arguments to the Python API give a documented `PenaltiesError`, never a traceback or a wrong number."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import penalties
from penalties.conversion import convert_with_basis
from penalties.errors import AmountError, DateError, PenaltiesError, UnknownOffenderError, UserInputError

D = date(2019, 6, 1)  # MCI 2525 (statutes/kz/indices/mci.toml, Law on the 2019-2021 budget)

BAD = {
    "str": "abc",
    "iso_str": "2019-06-01",
    "datetime": datetime(2019, 6, 1),
    "tz_datetime": datetime(2019, 6, 1, tzinfo=UTC),
    "none": None,
    "list": [1],
    "nan": Decimal("NaN"),
    "nan_str": "NaN",
    "inf": "Infinity",
    "negative": "-1000",
    "huge_exp": "1e999999",
    "digits_4301": 10**4300,
    "space_hundreds": "1 00",
    "ambiguous_comma": "1,500",
    "hex": "0x10",
    "float": 1.5,
}
NOT_DATES = ["str", "iso_str", "datetime", "tz_datetime", "none", "list", "nan", "digits_4301", "float"]
NOT_AMOUNTS = [
    "str",
    "iso_str",
    "datetime",
    "none",
    "list",
    "nan",
    "nan_str",
    "inf",
    "negative",
    "huge_exp",
    "digits_4301",
    "space_hundreds",
    "ambiguous_comma",
    "hex",
    "float",
]

DATE_CALLS = {
    "assess": lambda d: penalties.assess("CC 403(1)", d),
    "assess_committed": lambda d: penalties.assess("CC 403(1)", committed=d),
    "assess_decided": lambda d: (
        penalties.assess("CC 403(1)", D, decided=d) if d is not None else penalties.assess("CC 403(1)", None)
    ),
    "convert": lambda d: penalties.convert("5", "MCI", "KZT", on=d),
    "convert_same_unit": lambda d: penalties.convert("5", "KZT", "KZT", on=d),
    "mci": lambda d: penalties.mci(d),
    "usd_rate": lambda d: penalties.usd_rate(d),
    "diff": lambda d: penalties.diff("CC 403(1)", d, D),
    "explain_amount": lambda d: penalties.explain_amount("41670", "KZT", d),
    "custody_credit": lambda d: penalties.custody_credit(30, "arrest", d),
    "punishment_equivalent": lambda d: penalties.punishment_equivalent(30, "imprisonment", "fine", d),
}
AMOUNT_CALLS = {
    "assess_base": lambda a: penalties.assess("CC 366(1)", date(2016, 6, 1), base_amount=a),
    "convert": lambda a: penalties.convert(a, "MCI", "KZT", on=D),
    "convert_usd": lambda a: penalties.convert(a, "KZT", "USD", on=date(2015, 8, 21)),
    "explain_amount": lambda a: penalties.explain_amount(a, "KZT", D),
    "punishment_equivalent": lambda a: penalties.punishment_equivalent(a, "imprisonment", "fine", date(2023, 5, 2)),
}


@pytest.mark.parametrize("bad", NOT_DATES)
@pytest.mark.parametrize("call", sorted(DATE_CALLS))
def test_a_date_that_is_not_a_date_is_a_date_error(call, bad):
    with pytest.raises(UserInputError) as caught:
        DATE_CALLS[call](BAD[bad])
    assert isinstance(caught.value, DateError) or (bad == "none" and call.startswith("assess"))


@pytest.mark.parametrize("bad", NOT_AMOUNTS)
@pytest.mark.parametrize("call", sorted(AMOUNT_CALLS))
def test_an_amount_that_is_not_one_is_an_amount_error(call, bad):
    expected = penalties.MissingBaseError if (call, bad) == ("assess_base", "none") else AmountError  # None: not given
    with pytest.raises(expected):
        AMOUNT_CALLS[call](BAD[bad])


@pytest.mark.parametrize(
    "text, value",
    [
        ("500000", "500000"),
        ("500 000", "500000"),
        ("500\u00a0000", "500000"),
        ("500\u202f000", "500000"),
        ("1,000,000", "1000000"),
        ("1,500.50", "1500.50"),
        ("1,5", "1.5"),
        ("1 000,50", "1000.50"),
        ("0,125", "0.125"),
        (" 42 ", "42"),
        (12, "12"),
        (Decimal("3.10"), "3.10"),
        ("1.2E+7", "12000000"),
        ("-0", "0"),
    ],
)
def test_accepted_amount_forms(text, value):
    got = penalties.inputs.amount(text, places=4)
    assert got == Decimal(value) and not got.is_signed()


def test_base_amount_zero_is_refused_and_a_spaced_amount_is_read():
    with pytest.raises(AmountError):
        penalties.assess("CC 366(1)", date(2016, 6, 1), base_amount="0")
    spaced = penalties.assess("CC 366(1)", date(2016, 6, 1), base_amount="1 000 000")
    plain = penalties.assess("CC 366(1)", date(2016, 6, 1), base_amount=1000000)
    assert spaced.to_dict()["main"] == plain.to_dict()["main"]


def test_convert_is_exact_for_large_amounts():
    # 12345678901234567890123456789 × 2525 (the 2019 MCI), computed by hand as integers
    assert (
        penalties.convert("12345678901234567890123456789", "MCI", "KZT", on=D)
        == 12345678901234567890123456789 * 2525
        == Decimal("31172839225617283922561728392225")
    )
    assert penalties.convert("2525" + "0" * 26, "KZT", "MCI", on=D) == Decimal(10) ** 26
    with pytest.raises(AmountError):  # the documented cap of convert (penalties.inputs.MAX_CONVERT)
        penalties.convert("31172839225617283922561728392225", "KZT", "MCI", on=D)


@pytest.mark.parametrize(
    "call",
    [
        lambda: penalties.mci(D, purpose=["fine"]),
        lambda: penalties.custody_credit(3, ["arrest"], D),
        lambda: penalties.custody_credit(3, "arrest", D, regime=["x"]),
        lambda: penalties.provision(["CC 403(1)"]),
        lambda: penalties.assess(["CC 403(1)"], D),
        lambda: penalties.diff({"a": 1}, D, D),
        lambda: penalties.assess("CC 403(1)", D, offender=["individual"]),
        lambda: penalties.usd_rate(D, rates=5),
        lambda: penalties.punishment_equivalent(1, ["imprisonment"], "fine", D),
        lambda: penalties.custody_credit(10**4300, "arrest", D),
        lambda: penalties.convert("5", ["MCI"], "KZT", on=D),
    ],
)
def test_wrong_types_are_user_input_errors(call):
    with pytest.raises(UserInputError):
        call()


def test_abolished_version_checks_the_offender():
    # AC 518(4): abolished from a version of statutes/kz/ac/518.toml; it never covered legal entities
    abolished = next(v for v in penalties.provision("AC 518(4)").versions if v.abolished)
    with pytest.raises(UnknownOffenderError):
        penalties.assess("AC 518(4)", abolished.valid_from, offender="banana")
    assert penalties.assess("AC 518(4)", abolished.valid_from, offender="individual").abolished


def test_imprisonment_only_assesses_past_the_mci():
    # CC 99(1) (murder) has no fine; the MCI is encoded through 2026-12-31 (statutes/kz/indices/mci.toml)
    with pytest.raises(penalties.MissingIndexError):
        penalties.mci(date(2027, 1, 1))
    a = penalties.assess("CC 99(1)", date(2027, 1, 1))
    assert a.mci is None and a.to_dict()["mci_kzt"] is None
    assert any("no MCI value" in w for w in a.warnings)
    with pytest.raises(penalties.MissingIndexError):
        penalties.assess("CC 403(1)", date(2027, 1, 1))  # a fine still needs the MCI


ANY = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.integers(),
    st.floats(),
    st.decimals(),
    st.dates(),
    st.datetimes(),
    st.lists(st.integers(), max_size=3),
)


def _amounts(value):
    """Every Decimal amount reachable in a result's JSON document."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k in ("mci", "kzt", "usd", "amount", "amount_kzt", "mci_count", "value") and isinstance(v, str):
                yield Decimal(v)
            else:
                yield from _amounts(v)
    elif isinstance(value, list):
        for v in value:
            yield from _amounts(v)


def _check(result):
    doc = (
        result.to_dict()
        if hasattr(result, "to_dict")
        else {"amount": str(result)}
        if isinstance(result, Decimal)
        else {}
    )
    for a in _amounts(doc):
        assert a.is_finite() and a >= 0
    for item in doc.get("main", []) + doc.get("additional", []):
        lo, hi = item.get("min"), item.get("max")
        if isinstance(lo, dict) and isinstance(hi, dict) and lo.get("kzt") and hi.get("kzt"):
            assert Decimal(lo["kzt"]) <= Decimal(hi["kzt"])


FUZZED = {
    "assess": lambda a, b: penalties.assess("CC 366(1)", a, base_amount=b),
    "assess_dates": lambda a, b: penalties.assess("AC 434(3)", committed=a, decided=b),
    "assess_ref": lambda a, b: penalties.assess(a, D, offender=b),
    "convert": lambda a, b: penalties.convert(a, "MCI", "USD", on=b),
    "convert_units": lambda a, b: convert_with_basis("5", a, b, on=D),
    "mci": lambda a, b: penalties.mci(a, purpose=b),
    "usd_rate": lambda a, b: penalties.usd_rate(a, b),
    "diff": lambda a, b: penalties.diff("CC 403(1)", a, b),
    "explain_amount": lambda a, b: penalties.explain_amount(a, "KZT", b),
    "custody_credit": lambda a, b: penalties.custody_credit(a, "imprisonment", b, regime="medium"),
    "punishment_equivalent": lambda a, b: penalties.punishment_equivalent(a, "imprisonment", "fine", b),
    "provision": lambda a, b: penalties.provision(a),
}


@pytest.mark.parametrize("name", sorted(FUZZED))
def test_fuzz_only_documented_errors(name):
    @settings(max_examples=300, deadline=None, database=None)
    @given(ANY, st.one_of(ANY, st.just(D), st.just("1 000")))
    def run(a, b):
        try:
            result = FUZZED[name](a, b)
        except PenaltiesError:
            return
        _check(result)

    run()
