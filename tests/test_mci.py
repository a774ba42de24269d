"""MCI values pinned to their sources (shared/research/money_data.md §1.2), and properties."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import penalties
from penalties.errors import MissingIndexError, UserInputError

# (date, purpose, value, source)
PINNED = [
    (date(2015, 6, 1), "fine", 1982, "https://archive.wfin.kz/novosti/zakonodatelstvo/4224-mesjachnyj-raschetnyj-pokazatel-sostavljaet-1-tys-982-tenge.html"),
    (date(2016, 1, 1), "fine", 2121, "https://kazpravda.kz/n/v-kazahstane-izmenilis-mrp-i-velichina-prozhitochnogo-minimuma"),
    (date(2018, 12, 31), "fine", 2405, "https://tengrinews.kz/kazakhstan_news/kak-izmenilsya-mrp-v-2018-godu-334578/amp"),
    # "from January 1, 2020 – 2 651 tenge; from April 1, 2020 – 2 778 tenge" (KGD Karaganda), fines included
    (date(2020, 3, 31), "fine", 2651, "https://krg.kgd.gov.kz/en/news/application-monthly-calculation-index-mci-11-73664"),
    (date(2020, 4, 1), "fine", 2778, "https://krg.kgd.gov.kz/en/news/application-monthly-calculation-index-mci-11-73664"),
    # 2022: 3,180 from 1 April for social payments only; fines stay 3,063 (MinFin via atpress.kz)
    (date(2022, 3, 31), "social", 3063, "http://egov.kz/cms/en/articles/article_mci_2012"),
    (date(2022, 4, 1), "social", 3180, "https://atpress.kz/en/21036-in-kazakhstan-there-are-two-sizes-of-mci"),
    (date(2022, 6, 1), "fine", 3063, "https://atpress.kz/en/21036-in-kazakhstan-there-are-two-sizes-of-mci"),
    (date(2022, 12, 31), "tax", 3063, "https://atpress.kz/en/21036-in-kazakhstan-there-are-two-sizes-of-mci"),
    (date(2023, 7, 1), "fine", 3450, "https://kpmg.com/kz/en/home/insights/2023/01/legal-alert.html"),
    (date(2024, 7, 1), "fine", 3692, "https://www.gov.kz/article/17157?lang=en"),
    (date(2025, 7, 1), "fine", 3932, "https://en.tengrinews.kz/kazakhstan_news/minimum-salary-and-mci-updated-in-kazakhstan-266026/amp"),
    (date(2026, 1, 1), "fine", 4325, "https://www.zakon.kz/pravo/6500457-kakimi-budut-mrp-minimalnaya-zarplata-i-pensiya-v-2026-godu.html"),
]


@pytest.mark.parametrize("on, purpose, value, source", PINNED)
def test_pinned_values(on, purpose, value, source):
    assert penalties.mci(on, purpose=purpose) == Decimal(value)


def test_design_example():
    assert penalties.mci(date(2022, 6, 1), purpose="fine") == Decimal("3063")


def test_after_coverage_is_an_error_not_last_years_value():
    with pytest.raises(MissingIndexError) as info:
        penalties.mci(date(2027, 1, 1))
    assert info.value.last == date(2026, 12, 31)
    assert "2026-12-31" in str(info.value)


def test_before_coverage_is_an_error():
    with pytest.raises(MissingIndexError):
        penalties.mci(date(2009, 12, 31))


def test_unknown_purpose():
    with pytest.raises(UserInputError, match="purpose"):
        penalties.mci(date(2020, 1, 1), purpose="bribe")


def test_each_value_carries_act_and_sources():
    from penalties.law.mci import default_index

    for value in default_index().values:
        assert value.provenance.sources and value.act.number and value.act.date <= value.valid_to


covered = st.dates(min_value=date(2010, 1, 1), max_value=date(2026, 12, 31))
amounts = st.decimals(min_value=Decimal("0"), max_value=Decimal("1000000"), places=4, allow_nan=False)


@given(covered, amounts)
def test_mci_kzt_mci_round_trip_is_exact(on, amount):
    kzt = penalties.convert(amount, "MCI", "KZT", on=on)
    assert penalties.convert(kzt, "KZT", "MCI", on=on) == amount


@given(covered, amounts, amounts)
def test_conversion_is_linear(on, a, b):
    convert = penalties.convert
    assert convert(a + b, "MCI", "KZT", on=on) == convert(a, "MCI", "KZT", on=on) + convert(b, "MCI", "KZT", on=on)
    assert convert(a * 3, "MCI", "KZT", on=on) == 3 * convert(a, "MCI", "KZT", on=on)


@given(covered, st.integers(min_value=1, max_value=400))
def test_mci_for_fines_never_falls(on, days):
    later = min(on + timedelta(days=days), date(2026, 12, 31))
    assert penalties.mci(later) >= penalties.mci(on)


def test_convert_design_example():
    assert penalties.convert("5000", "MCI", "KZT", on=date(2019, 6, 1)) == Decimal("12625000")
