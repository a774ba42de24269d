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
    (
        date(2015, 6, 1),
        "fine",
        1982,
        "https://archive.wfin.kz/novosti/zakonodatelstvo/4224-mesjachnyj-raschetnyj-pokazatel-sostavljaet-1-tys-982-tenge.html",
    ),
    (
        date(2016, 1, 1),
        "fine",
        2121,
        "https://kazpravda.kz/n/v-kazahstane-izmenilis-mrp-i-velichina-prozhitochnogo-minimuma",
    ),
    (
        date(2018, 12, 31),
        "fine",
        2405,
        "https://tengrinews.kz/kazakhstan_news/kak-izmenilsya-mrp-v-2018-godu-334578/amp",
    ),
    # "from January 1, 2020 – 2 651 tenge; from April 1, 2020 – 2 778 tenge" (KGD Karaganda), fines included
    (
        date(2020, 3, 31),
        "fine",
        2651,
        "https://krg.kgd.gov.kz/en/news/application-monthly-calculation-index-mci-11-73664",
    ),
    (
        date(2020, 4, 1),
        "fine",
        2778,
        "https://krg.kgd.gov.kz/en/news/application-monthly-calculation-index-mci-11-73664",
    ),
    # 2022: 3,180 from 1 April for social payments only; fines stay 3,063 (MinFin via atpress.kz)
    (date(2022, 3, 31), "social", 3063, "http://egov.kz/cms/en/articles/article_mci_2012"),
    (date(2022, 4, 1), "social", 3180, "https://atpress.kz/en/21036-in-kazakhstan-there-are-two-sizes-of-mci"),
    (date(2022, 6, 1), "fine", 3063, "https://atpress.kz/en/21036-in-kazakhstan-there-are-two-sizes-of-mci"),
    (date(2022, 12, 31), "tax", 3063, "https://atpress.kz/en/21036-in-kazakhstan-there-are-two-sizes-of-mci"),
    (date(2023, 7, 1), "fine", 3450, "https://kpmg.com/kz/en/home/insights/2023/01/legal-alert.html"),
    (date(2024, 7, 1), "fine", 3692, "https://www.gov.kz/article/17157?lang=en"),
    (
        date(2025, 7, 1),
        "fine",
        3932,
        "https://en.tengrinews.kz/kazakhstan_news/minimum-salary-and-mci-updated-in-kazakhstan-266026/amp",
    ),
    (
        date(2026, 1, 1),
        "fine",
        4325,
        "https://www.zakon.kz/pravo/6500457-kakimi-budut-mrp-minimalnaya-zarplata-i-pensiya-v-2026-godu.html",
    ),
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
    from penalties.data.mci import default_index

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


# The values read in the budget laws themselves (the file at the commit named in the row's first
# source: quyse/kz-laws for 2010-2022, kazakhstan-law/codes for 2023-2026): (first day, purpose,
# tenge, act, article(item), file read). Each was read by hand in the clause "месячный расчетный
# показатель для исчисления пособий и иных социальных выплат, а также [для] применения штрафных
# санкций, налогов и других платежей … – N тенге" (to 2022) or "месячный расчетный показатель – N
# тенге" (from 2023, no purposes named).
READ_IN_THE_LAW = [
    (
        date(2010, 1, 1),
        "fine",
        1413,
        "96-IV",
        "9(4)",
        "quyse/kz-laws/blob/403d3e6b11fbb645b28c46e02aecb4d042ec615f/rus/49293.md",
    ),
    (
        date(2011, 1, 1),
        "fine",
        1512,
        "357-IV",
        "8(4)",
        "quyse/kz-laws/blob/83588fc53812ccea8225d83617f120c2e356e856/rus/55722.md",
    ),
    (
        date(2012, 1, 1),
        "fine",
        1618,
        "496-IV",
        "9(4)",
        "quyse/kz-laws/blob/4483069c6425a2f264c503a21e39b253d3c6fd1c/rus/61643.md",
    ),
    (
        date(2013, 1, 1),
        "fine",
        1731,
        "54-V",
        "9(4)",
        "quyse/kz-laws/blob/5c38ccc1df9b1270f78120c236f7fe467d953628/rus/68722.md",
    ),
    (
        date(2014, 1, 1),
        "fine",
        1852,
        "148-V",
        "10(4)",
        "quyse/kz-laws/blob/a0c6669e4fbbcd8250994271490b71a730133bee/rus/75657.md",
    ),
    (
        date(2015, 1, 1),
        "fine",
        1982,
        "259-V",
        "11(4)",
        "quyse/kz-laws/blob/3364728ebc607ffc579bf4e679058fbe3d9b774d/rus/84612.md",
    ),
    (
        date(2016, 1, 1),
        "fine",
        2121,
        "426-V",
        "11(4)",
        "quyse/kz-laws/blob/476233837bd400b136db7b3170aece23bed0950e/rus/95833.md",
    ),
    (
        date(2017, 1, 1),
        "fine",
        2269,
        "25-VI",
        "7(4)",
        "quyse/kz-laws/blob/1c6469e617cb2c6e47ed7030dcb0f675fc7bcb3d/rus/107850.md",
    ),
    (
        date(2018, 1, 1),
        "fine",
        2405,
        "113-VI",
        "8(4)",
        "quyse/kz-laws/blob/7d4466dc017a81f7110cf974cdfff8123667ecd2/rus/116433.md",
    ),
    (
        date(2019, 1, 1),
        "fine",
        2525,
        "197-VI",
        "8(4)",
        "quyse/kz-laws/blob/4f55796e95f8428322209cc4f331066dbc066d0e/rus/126298.md",
    ),
    (
        date(2020, 1, 1),
        "fine",
        2651,
        "276-VI",
        "7(4)",
        "quyse/kz-laws/blob/65984871c4ce7cffc64e6527404b8a1cb3411093/rus/136747.md",
    ),
    # "Установить с 1 апреля 2020 года: … 3) месячный расчетный показатель … – 2 778 тенге" (art. 7 as
    # amended by 372-VI of 03.11.2020)
    (
        date(2020, 4, 1),
        "fine",
        2778,
        "372-VI",
        "7 of 276-VI, second part (3)",
        "quyse/kz-laws/blob/65984871c4ce7cffc64e6527404b8a1cb3411093/rus/136747.md",
    ),
    (
        date(2021, 1, 1),
        "fine",
        2917,
        "379-VI",
        "9(4)",
        "quyse/kz-laws/blob/64a0c012b402b476f4c4544f8d143c6b8ca3e332/rus/149364.md",
    ),
    (
        date(2022, 1, 1),
        "fine",
        3063,
        "77-VII",
        "9(4)",
        "quyse/kz-laws/blob/7974a33bcaa2ad7508588e375be00dab58c19251/rus/161088.md",
    ),
    (
        date(2022, 1, 1),
        "social",
        3063,
        "77-VII",
        "9(4)",
        "quyse/kz-laws/blob/7974a33bcaa2ad7508588e375be00dab58c19251/rus/161088.md",
    ),
    # the April 2022 clause names benefits and social payments only
    (
        date(2022, 4, 1),
        "social",
        3180,
        "121-VII",
        "9 of 77-VII, second part (3)",
        "quyse/kz-laws/blob/7974a33bcaa2ad7508588e375be00dab58c19251/rus/161088.md",
    ),
    (
        date(2023, 1, 1),
        "fine",
        3450,
        "163-VII",
        "8(4)",
        "kazakhstan-law/codes/blob/f76618e53c10e5923a89ee9f09b4dd8631093c9b/03-laws/2022/1201-o-respublikanskom-biudzhete-na-2023-2025-gody-174721/rus.md",
    ),
    (
        date(2024, 1, 1),
        "fine",
        3692,
        "43-VIII",
        "9(4)",
        "kazakhstan-law/codes/blob/e0e282296ad0fa8709af539135cd624908ca7fbe/03-laws/2023/1205-o-respublikanskom-biudzhete-na-2024-2026-gody-189612/rus.md",
    ),
    (
        date(2025, 1, 1),
        "fine",
        3932,
        "141-VIII",
        "9(4)",
        "kazakhstan-law/codes/blob/30501c511f1970bb9d22953a84cfd309776551d4/03-laws/2024/1204-o-respublikanskom-biudzhete-na-2025-2027-gody-203645/rus.md",
    ),
    (
        date(2026, 1, 1),
        "fine",
        4325,
        "239-VIII",
        "7(4)",
        "kazakhstan-law/codes/blob/20f09aa90f53e87f3507836561974d9e4b2c6dbf/03-laws/2025/1208-o-respublikanskom-biudzhete-na-2026-2028-gody-218360/rus.md",
    ),
]


@pytest.mark.parametrize("first_day, purpose, kzt, act, article, file", READ_IN_THE_LAW)
def test_values_read_in_the_budget_law(first_day, purpose, kzt, act, article, file):
    from penalties.data.mci import default_index

    value = default_index().record(first_day, purpose)
    assert (value.valid_from, value.kzt) == (first_day, Decimal(kzt))
    assert value.verification == "primary"
    assert (value.act.number, value.act.article) == (act, article)
    assert value.provenance.sources[0] == f"https://github.com/{file}"


_MONTHS = {"января": 1, "апреля": 4}


def test_every_primary_value_is_its_quote():
    """A primary value's clause names the value's first day and its amount in tenge."""
    import re

    from penalties.data.mci import default_index

    primary = [v for v in default_index().values if v.verification == "primary"]
    assert len(primary) == len(READ_IN_THE_LAW)
    for value in primary:
        quote = value.text_ru
        # to 2022 the clause names its purposes; from 2023 it names none and serves them all
        unqualified = re.search(r"\d\) месячный расчетный показатель – ", quote) is not None
        assert quote and (unqualified or "месячный расчетный показатель для исчисления пособий" in quote)
        day, month, year = re.match(r"Установить с (\d+) (\S+) (\d{4}) года:", quote).groups()
        assert date(int(year), _MONTHS[month], int(day)) == value.valid_from
        amount = re.search(r"[-–] (\d{1,3}(?: \d{3})*) тенге;$", quote).group(1)
        assert Decimal(amount.replace(" ", "")) == value.kzt
        # a value for fines comes from a clause that names fines; one that names none is social only
        if unqualified:
            assert value.purposes == ("fine", "tax", "social")
            continue
        if "fine" in value.purposes:
            assert "штрафных санкций" in quote
        if "штрафных санкций" not in quote:
            assert value.purposes == ("social",)


def test_a_primary_value_without_its_quote_is_refused(tmp_path):
    from penalties.data.mci import load_mci
    from penalties.errors import DataFileError

    path = tmp_path / "mci.toml"
    path.write_text(
        "[[values]]\nvalid_from = 2010-01-01\nvalid_to = 2010-12-31\nkzt = 1413\n"
        'purposes = ["fine", "tax", "social"]\nact = { number = "96-IV", date = 2009-12-07 }\n'
        'verification = "primary"\nsources = ["https://example.org/law"]\n',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="text_ru"):
        load_mci(path)
