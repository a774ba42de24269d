"""USD/KZT rates: pinned official rates, derived averages cross-checked against the daily series,
user tables, and the error that says how to supply a rate."""

import csv
from collections import defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from conftest import SHARED_DATA

import penalties
from penalties.errors import DataFileError, MissingRateError, UnitError
from penalties.law.rates import RateTable, shipped_rates

DAILY_CSV = SHARED_DATA / "nbk_usd_kzt_daily_2015-03-30_2020-03-30.csv"


@pytest.mark.parametrize("on, rate, source", [
    # rus.azattyk.org/amp/27200584.html: the official rate before and after the free float
    (date(2015, 8, 20), "188.38", "https://rus.azattyk.org/amp/27200584.html"),
    (date(2015, 8, 21), "255.26", "https://rus.azattyk.org/amp/27200584.html"),
    (date(2023, 7, 1), "452.51", "https://bizmedia.kz/2023-07-01-tenge-za-polgoda-ukrepilsya-k-trem-osnovnym-valyutam"),
])
def test_daily_official_anchor(on, rate, source):
    found = penalties.usd_rate(on)
    assert found.kzt_per_usd == Decimal(rate)
    assert found.basis == "daily_official"
    assert source in found.sources


def test_monthly_average_where_no_daily_rate():
    # shared/research/money_data.md §3.6: June 2016 mean 336.79
    found = penalties.usd_rate(date(2016, 6, 1))
    assert (found.kzt_per_usd, found.basis) == (Decimal("336.79"), "monthly_average")
    assert found.period == (date(2016, 6, 1), date(2016, 6, 30))


def test_no_rate_error_says_how_to_supply_one():
    with pytest.raises(MissingRateError) as info:
        penalties.usd_rate(date(2021, 3, 1))
    message = str(info.value)
    assert "2021-03-01" in message and "--rates" in message and "nbk" in message


@pytest.mark.skipif(not DAILY_CSV.exists(), reason="shared/data cross-check series not present")
def test_shipped_averages_equal_the_official_daily_series():
    months = defaultdict(list)
    with DAILY_CSV.open() as f:
        for row in csv.DictReader(f):
            day = date.fromisoformat(row["Date"])
            months[(day.year, day.month)].append(Decimal(row["USD"]))
    table = shipped_rates()
    checked = 0
    for (year, month), rates in months.items():
        found = table.lookup(date(year, month, 15))
        if found is None or found.basis != "monthly_average":
            continue
        expected = (sum(rates) / len(rates)).quantize(Decimal("0.01"), ROUND_HALF_UP)
        assert found.kzt_per_usd == expected, (year, month)
        checked += 1
    assert checked >= 55


@pytest.mark.skipif(not DAILY_CSV.exists(), reason="shared/data cross-check series not present")
def test_daily_anchors_match_the_official_daily_series():
    with DAILY_CSV.open() as f:
        series = {date.fromisoformat(r["Date"]): Decimal(r["USD"]) for r in csv.DictReader(f)}
    for on in (date(2015, 8, 20), date(2015, 8, 21), date(2015, 12, 30), date(2016, 6, 6), date(2019, 8, 23)):
        assert penalties.usd_rate(on).kzt_per_usd == series[on]


def test_user_table_takes_precedence_and_carries_over_weekends(tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text("date,rate\n2021-03-05,420.10\n2021-03-09,421.00\n")
    table = RateTable.from_csv(path)
    assert penalties.usd_rate(date(2021, 3, 5), rates=table).kzt_per_usd == Decimal("420.10")
    carried = penalties.usd_rate(date(2021, 3, 7), rates=table)
    assert carried.kzt_per_usd == Decimal("420.10") and carried.basis == "user_table" and carried.note
    with pytest.raises(MissingRateError):
        penalties.usd_rate(date(2021, 3, 20), rates=table)
    # the shipped table still answers behind a user table
    assert penalties.usd_rate(date(2015, 8, 21), rates=table).kzt_per_usd == Decimal("255.26")


def test_malformed_user_table_names_the_line(tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text("date,rate\n2021-03-05,420.10\n2021-03-06,abc\n")
    with pytest.raises(DataFileError) as info:
        RateTable.from_csv(path)
    assert f"{path}:3" in str(info.value)


def test_usd_conversion_rounds_to_the_cent_and_states_basis():
    from penalties.conversion import convert_with_basis

    result = convert_with_basis("100", "MCI", "USD", on=date(2015, 8, 21))
    # 100 × 1,982 KZT / 255.26 KZT per USD = 776.46...
    assert result.amount == Decimal("776.46")
    assert result.to_dict()["rate"]["usd_basis"] == "daily_official"


def test_float_amounts_are_refused():
    with pytest.raises(UnitError, match="float"):
        penalties.convert(1.5, "MCI", "KZT", on=date(2020, 1, 1))


def test_a_carried_over_user_rate_is_a_warning_naming_both_days(tmp_path):
    # 6-7 March 2021 are a Saturday and a Sunday: the table's Friday rate is used, and said so
    path = tmp_path / "rates.csv"
    path.write_text("date,rate\n2021-03-05,420.10\n2021-03-09,421.00\n")
    table = RateTable.from_csv(path)
    own = penalties.assess("CC 403(1)", on=date(2021, 3, 5), rates=table)
    assert not [n for n in own.notices if n.code == "rate_carried"]
    carried = penalties.assess("CC 403(1)", on=date(2021, 3, 7), rates=table)
    [notice] = [n for n in carried.notices if n.code == "rate_carried"]
    assert notice.params == (date(2021, 3, 5), date(2021, 3, 7))
    assert "2021-03-05" in notice.text("en") and "2021-03-07" in notice.text("en")
    assert "2021-03-05" in notice.text("ru") and "2021-03-07" in notice.text("kk")
    assert any("2021-03-05" in w for w in carried.warnings)
