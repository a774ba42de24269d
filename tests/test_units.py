"""pint interoperability: three separate dimensions, dated factors multiplied in, thread-safe."""

from concurrent.futures import ThreadPoolExecutor
from datetime import date
from decimal import Decimal

import pint
import pytest

from penalties.units import registry, to


def test_dimensions_are_separate():
    ureg = registry()
    with pytest.raises(pint.DimensionalityError):
        ureg.Quantity(Decimal(1), "MCI").to("KZT")  # no silent rate: a date is needed


def test_dated_conversion_is_exact():
    ureg = registry()
    q = to(ureg.Quantity(Decimal(5000), "MCI"), "KZT", on=date(2019, 6, 1))
    assert q.magnitude == Decimal("12625000") and str(q.units) == "KZT"
    back = to(q, "MCI", on=date(2019, 6, 1))
    assert back.magnitude == Decimal(5000)


def test_mci_to_usd_goes_through_tenge():
    ureg = registry()
    q = to(ureg.Quantity(Decimal(100), "MCI"), "USD", on=date(2015, 8, 21))
    # 100 × 1,982 / 255.26 (official rate of 2015-08-21)
    assert abs(q.magnitude - Decimal(198200) / Decimal("255.26")) < Decimal("1e-20")


def test_concurrent_conversions_at_different_dates_do_not_interfere():
    ureg = registry()
    cases = [
        (date(2019, 6, 1), Decimal(2525)),
        (date(2020, 4, 1), Decimal(2778)),
        (date(2022, 6, 1), Decimal(3063)),
        (date(2026, 2, 1), Decimal(4325)),
    ] * 500

    def work(case):
        on, mci = case
        return to(ureg.Quantity(Decimal(7), "MCI"), "KZT", on=on).magnitude == 7 * mci

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert all(pool.map(work, cases))
