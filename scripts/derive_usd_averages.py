"""Derive monthly and annual average USD/KZT rates for statutes/kz/rates/usd_kzt.toml.

Input: the National Bank's official daily rates, one row per calendar day
(`../shared/data/nbk_usd_kzt_daily_2015-03-30_2020-03-30.csv`, a cross-check copy that the project
does not ship). Output: TOML tables on stdout. An average is the mean of the official rate of every
calendar day of the period (weekend days carry the Saturday rate, as the National Bank publishes
them), rounded half-up to 0.01. Only complete periods are emitted.

    python scripts/derive_usd_averages.py ../shared/data/nbk_usd_kzt_daily_2015-03-30_2020-03-30.csv
"""

import calendar
import csv
import sys
from collections import defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal


def main(path: str) -> None:
    daily: dict[date, Decimal] = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            assert row["USD_quant"] == "1"
            daily[date.fromisoformat(row["Date"])] = Decimal(row["USD"])
    months, years = defaultdict(list), defaultdict(list)
    for day, rate in daily.items():
        months[(day.year, day.month)].append(rate)
        years[day.year].append(rate)
    cent = Decimal("0.01")
    for (y, m), rates in sorted(months.items()):
        if len(rates) != calendar.monthrange(y, m)[1]:
            continue
        mean = (sum(rates) / len(rates)).quantize(cent, ROUND_HALF_UP)
        last = calendar.monthrange(y, m)[1]
        print(f'[[monthly_average]]\nvalid_from = {y}-{m:02d}-01\nvalid_to = {y}-{m:02d}-{last}\nrate = "{mean}"\n')
    for y, rates in sorted(years.items()):
        if len(rates) != (366 if calendar.isleap(y) else 365):
            continue
        mean = (sum(rates) / len(rates)).quantize(cent, ROUND_HALF_UP)
        print(f'[[annual_average]]\nvalid_from = {y}-01-01\nvalid_to = {y}-12-31\nrate = "{mean}"\n')


if __name__ == "__main__":
    main(sys.argv[1])
