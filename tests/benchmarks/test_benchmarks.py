"""Benchmarks (pytest-benchmark). Run and compare:

    python -m pytest tests/benchmarks --benchmark-enable --benchmark-only

Each figure is read against a baseline measured in the same run: `baseline_*` does the bare
arithmetic (a bisect over dates and one Decimal multiplication) with no library around it, and
`python -c pass` is the baseline for the cold import. docs/performance.md records the figures.
In the ordinary test run (benchmarks disabled) each of these runs once, as a smoke test.
"""

import subprocess
import sys
from bisect import bisect_right
from datetime import date
from decimal import Decimal

import penalties

ON = date(2019, 6, 1)
STARTS = [date(y, 1, 1) for y in range(2010, 2027)]
VALUES = [
    Decimal(v)
    for v in (1413, 1512, 1618, 1731, 1852, 1982, 2121, 2269, 2405, 2525, 2651, 2917, 3063, 3450, 3692, 3932, 4325)
]


def baseline_lookup_multiply(amount=Decimal(5000), on=ON):
    return amount * VALUES[bisect_right(STARTS, on) - 1]


def test_baseline_lookup_multiply(benchmark):
    assert benchmark(baseline_lookup_multiply) == Decimal("12625000")


def test_convert(benchmark):
    assert benchmark(penalties.convert, "5000", "MCI", "KZT", on=ON) == Decimal("12625000")


def test_assess_warm(benchmark):
    penalties.assess("CC 403(1)", on=ON)
    result = benchmark(penalties.assess, "CC 403(1)", on=ON)
    assert result.main[0].max.value.kzt == Decimal("404000")


def test_assess_warm_without_a_usd_rate(benchmark):
    # no shipped rate for December 2026 (the table ends before the current month): the common case for
    # recent dates must cost about what an assessment with a rate costs (a notice, no exception)
    day = date(2026, 12, 15)
    penalties.assess("CC 403(1)", on=day)
    result = benchmark(penalties.assess, "CC 403(1)", on=day)
    assert result.main[0].max.value.usd is None and "no_rate" in {n.code for n in result.notices}


def test_assess_warm_to_dict(benchmark):
    penalties.assess("CC 403(1)", on=ON)
    assert benchmark(lambda: penalties.assess("CC 403(1)", on=ON).to_dict())["mci_kzt"] == "2525"


def test_version_on(benchmark):
    p = penalties.provision("CC 403(1)")
    assert benchmark(p.version_on, ON).act.number == "180-VI"


def _run(code):
    subprocess.run([sys.executable, "-c", code], check=True)


def test_process_baseline_python_pass(benchmark):
    benchmark.pedantic(_run, args=("pass",), rounds=15, iterations=1)


def test_cold_import(benchmark):
    benchmark.pedantic(_run, args=("import penalties",), rounds=15, iterations=1)


def test_cold_first_assessment(benchmark):
    code = "import penalties, datetime; penalties.assess('CC 403(1)', on=datetime.date(2019, 6, 1))"
    benchmark.pedantic(_run, args=(code,), rounds=8, iterations=1)


def test_cold_whole_catalogue(benchmark):
    # every article file of both Codes (what `penalties list` needs; issue 11's target: at most 1.5 s),
    # against test_process_baseline_python_pass
    benchmark.pedantic(_run, args=("import penalties; list(penalties.provisions())",), rounds=3, iterations=1)
