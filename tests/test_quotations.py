"""explain-amount for real quotations: rounded figures, the tolerance they imply, filters.

The MCI values are statutes/kz/indices/mci.toml's: 2,525 KZT in 2019 (Law 197-VI), 3,692 KZT in
2024; 2,778 KZT from 2020-04-01. The sums are done here by hand.
"""

import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from penalties.changes import explain_amount
from penalties.cli import main
from penalties.errors import AmountError, UnknownOffenderError, UserInputError
from penalties.quotations import quoted_amount


@pytest.mark.parametrize(
    "text, value, tolerance, about",
    [
        ("12.63 million", "12630000", "5000", False),  # the last digit is 0.01 million
        ("12,6 млн", "12600000", "50000", False),  # a decimal comma, 0.1 million
        ("about 54,000", "54000", "500", True),  # "about": the last non-zero digit, thousands
        ("около 54 000 тенге", "54000", "500", True),
        ("шамамен 100 мың теңге", "100000", "50000", True),
        ("54 тыс.", "54000", "500", False),
        ("41670", "41670", "0", False),  # written in full: exact
        ("41 670 KZT", "41670", "0", False),
    ],
)
def test_quotations_are_read_with_their_tolerance(text, value, tolerance, about):
    q = quoted_amount(text)
    assert (q.value, q.tolerance, q.approximate) == (Decimal(value), Decimal(tolerance), about)


@pytest.mark.parametrize("text", ["million", "12 million 3 billion", "54,000", "about", "twelve million", "-5 млн"])
def test_what_is_not_a_quotation_is_refused(text):
    with pytest.raises(AmountError):
        quoted_amount(text)


def test_a_rounded_figure_finds_the_nearest_half_counts_within_its_tolerance():
    result = explain_amount("12.63 million", "KZT", date(2024, 6, 1))
    # 12,630,000 ± 5,000 at 3,692: 3421 (12,630,332), 3420.5 (12,628,486), 3421.5 (12,632,178),
    # 3420 (12,626,640), 3422 (12,634,024); 3419.5 (12,624,794) and 3422.5 (12,635,870) are outside
    assert result.candidates == tuple(Decimal(c) for c in ("3421", "3420.5", "3421.5", "3420", "3422"))
    assert result.tolerance_kzt == 5000 and result.whole_or_half


def test_about_54000_in_2019():
    result = explain_amount("about 54,000", "KZT", date(2019, 6, 1), offender="individual")
    # 53,500 .. 54,500 at 2,525: only 21.5 MCI (54,287.50); 21 (53,025) and 22 (55,550) are outside
    assert result.candidates == (Decimal("21.5"),)
    assert result.matches and all(m.mci_count == Decimal("21.5") for m in result.matches)
    assert all(m.offender in ("individual", "unnamed") for m in result.matches)


def test_filters_by_code_and_offender():
    every = explain_amount("41670", "KZT", date(2020, 4, 30))  # 15 MCI at 2,778
    only_ac = explain_amount("41670", "KZT", date(2020, 4, 30), code="ac")
    assert only_ac.matches == tuple(m for m in every.matches if m.provision.startswith("kz.ac."))
    officials = explain_amount("41670", "KZT", date(2020, 4, 30), offender="official")
    assert officials.matches == tuple(m for m in every.matches if m.offender in ("official", "unnamed"))
    with pytest.raises(UnknownOffenderError):
        explain_amount("41670", "KZT", date(2020, 4, 30), offender="robot")
    with pytest.raises(UserInputError):
        explain_amount("41670", "KZT", date(2020, 4, 30), code="xx")


def test_an_exact_figure_is_read_as_before():
    result = explain_amount("41670", "KZT", date(2020, 4, 30))
    assert result.candidates == (Decimal(15),) and all(m.mci_count is None for m in result.matches)
    assert "mci_count" not in result.to_dict()["matches"][0]


@given(st.integers(min_value=1, max_value=10**9), st.integers(min_value=0, max_value=10**6))
def test_every_candidate_lies_within_the_tolerance(kzt, tolerance):
    result = explain_amount(kzt, "KZT", date(2019, 6, 1), tolerance=tolerance, code="cc")
    mci = Decimal(2525)
    for c in result.candidates:
        assert (c * 2) == (c * 2).to_integral() and abs(c * mci - kzt) <= tolerance
    distances = [abs(c * mci - kzt) for c in result.candidates]
    assert distances == sorted(distances)


@pytest.mark.parametrize("lang, fragment", [("ru", "± 5 000,00"), ("kk", "АЕК"), ("en", "± 5,000.00 KZT")])
def test_command_line(capsys, lang, fragment):
    assert main(["explain-amount", "12.63 million", "KZT", "--on", "2024-06-01", "--lang", lang]) == 0
    out = capsys.readouterr().out
    assert fragment in out.replace("\xa0", " ") and "_" not in out
    assert main(["explain-amount", "about 54,000", "KZT", "--on", "2019-06-01", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["tolerance_kzt"] == "500" and data["candidates"] == [{"mci_count": "21.5", "kzt": "54287.5"}]
