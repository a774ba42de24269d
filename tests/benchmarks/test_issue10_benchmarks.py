"""Batch benchmarks of issue 10: 1,000,000 rows over 20 provisions, pandas and Arrow in and out,
against the numpy baseline measured in the same run; the cost of rows out of coverage, of unknown
provisions and of dates without a USD rate; Dask's `map_partitions` on 4,000,000 rows with two
local workers against the same table in-process. Figures: docs/performance.md.

    python -m pytest tests/benchmarks/test_issue10_benchmarks.py --benchmark-enable --benchmark-only

With benchmarks disabled (the ordinary test run) the sizes shrink so each runs once quickly, and
the Dask comparison (it starts a cluster) is skipped.
"""

import time
from datetime import date, timedelta

import pytest

import penalties

np = pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")

from penalties.batch import assess_batch  # noqa: E402

EPOCH = date(1970, 1, 1)


def numpy_baseline(provision_codes, days, version_starts, fine_caps, mci_starts, mci_values):
    """The same arithmetic by hand (as in test_batch_benchmarks.py): version by searchsorted, cap ×
    MCI by searchsorted, in tiyn."""
    flat = provision_codes * 100_000 + days
    version = np.searchsorted(version_starts, flat, side="right") - 1
    mci = mci_values[np.searchsorted(mci_starts, days, side="right") - 1]
    return fine_caps[version] * mci * 100


#: 20 provisions in force over the whole period, ten of each Code, each with a fine for the offender used
REFS = [
    "CC 403(1)",
    "CC 403(2)",
    "CC 274(2)",
    "CC 107(1)",
    "CC 110(1)",
    "CC 133(1)",
    "CC 143(1)",
    "CC 144(1)",
    "CC 147(1)",
    "CC 149(1)",
    "AC 488(1)",
    "AC 434(1)",
    "AC 87(1)",
    "AC 79(1)",
    "AC 81(1)",
    "AC 82(2)",
    "AC 120(1)",
    "AC 133(1)",
    "AC 112(1)",
    "AC 134(2)",
]
FIRST, LAST = date(2019, 1, 1), date(2026, 6, 1)


def _enabled(request) -> bool:
    return bool(request.config.getoption("benchmark_enable", default=False))


def _table(n: int, seed: int = 0, first: date = FIRST, last: date = LAST):
    rng = np.random.default_rng(seed)
    provision = np.array(REFS)[rng.integers(0, len(REFS), n)]
    days = rng.integers((first - EPOCH).days, (last - EPOCH).days, n)
    offender = np.where(provision == "AC 87(1)", "official", "individual")
    return pa.table(
        {"provision": provision, "committed": pa.array(days.astype(np.int32)).cast(pa.date32()), "offender": offender}
    )


@pytest.fixture(scope="module")
def rows(request):
    return _table(1_000_000 if _enabled(request) else 2_000)


@pytest.fixture(scope="module")
def frame(rows):
    # what a pandas user has: str columns and datetime64 dates
    return rows.to_pandas(date_as_object=False)


def test_numpy_baseline_20(benchmark, rows):
    codes = pa.compute.index_in(rows["provision"], pa.array(REFS)).to_numpy()
    days = rows["committed"].cast(pa.int32()).to_numpy().astype(np.int64)
    starts, caps = [], []
    for k, ref in enumerate(REFS):
        for v in penalties.provision(ref).versions:
            starts.append(k * 100_000 + (v.valid_from - EPOCH).days)
            fine = next((i for s in v.sanctions for i in s.main if i.kind == "fine"), None)
            caps.append(int(fine.max.value) if fine and fine.max and fine.max.unit == "MCI" else 0)
    from penalties.data.mci import default_index

    series = default_index().series("fine")
    mci_starts = np.array([(v.valid_from - EPOCH).days for v in series])
    mci_values = np.array([int(v.kzt) for v in series])
    result = benchmark(numpy_baseline, codes, days, np.array(starts), np.array(caps), mci_starts, mci_values)
    assert len(result) == len(rows)


def test_assess_batch_pandas_20(benchmark, frame):
    result = benchmark(assess_batch, frame)
    assert len(result) == len(frame)
    assert result["error"].isna().all()


def test_assess_batch_arrow_strings_20(benchmark, rows):
    result = benchmark(assess_batch, rows)
    assert result.num_rows == rows.num_rows


def test_assess_batch_arrow_dictionary_20(benchmark, rows):
    table = rows.set_column(0, "provision", rows["provision"].dictionary_encode())
    table = table.set_column(2, "offender", table["offender"].dictionary_encode())
    result = benchmark(assess_batch, table)
    assert result.num_rows == rows.num_rows


def _spoil(rows, every: int, column: str, value):
    """`rows` with one row in `every` given `value` in `column` (1 % for every=100)."""
    values = rows[column].to_pylist()
    for i in range(0, len(values), every):
        values[i] = value
    return rows.set_column(
        rows.schema.get_field_index(column), column, pa.array(values, rows.schema.field(column).type)
    )


def test_assess_batch_1pct_out_of_coverage(benchmark, rows):
    # a date before the 2014 Codes came into force: each distinct cause is worded once
    table = _spoil(rows, 100, "committed", date(2010, 6, 1))
    result = benchmark(assess_batch, table)
    errors = result.column("error").to_pylist()
    assert sum(e is not None for e in errors) == len(range(0, rows.num_rows, 100))


def test_assess_batch_1pct_out_of_coverage_distinct_days(benchmark, rows):
    # the same share of rows, each on its own day before coverage (no two rows share a cause)
    values = rows["committed"].to_pylist()
    for k, i in enumerate(range(0, len(values), 100)):
        values[i] = date(2000, 1, 1) + timedelta(days=k % 3650)
    table = rows.set_column(1, "committed", pa.array(values, pa.date32()))
    result = benchmark(assess_batch, table)
    assert result.column("error").null_count < rows.num_rows


def test_assess_batch_1pct_unknown_provision(benchmark, rows):
    # an unknown reference: the close-match search runs once per distinct reference and batch
    table = _spoil(rows, 100, "provision", "CC 999(9)")
    result = benchmark(assess_batch, table)
    assert result.column("error").null_count == rows.num_rows - len(range(0, rows.num_rows, 100))


def test_assess_batch_with_usd_rates(benchmark, request):
    # dates of 2023-2024, where the shipped table has a rate (a monthly or annual average) for every day
    table = _table(1_000_000 if _enabled(request) else 2_000, 1, date(2023, 1, 1), date(2025, 1, 1))
    result = benchmark(assess_batch, table)
    assert result.column("fine_max_usd").null_count < table.num_rows


def test_assess_batch_without_usd_rates(benchmark, request):
    # dates from April 2025, for which the shipped table has (almost) no rate: fine_max_usd is null
    table = _table(1_000_000 if _enabled(request) else 2_000, 1, date(2025, 4, 1), date(2026, 6, 1))
    result = benchmark(assess_batch, table)
    assert result.column("fine_max_usd").null_count > table.num_rows // 2


def test_dask_map_partitions_4m(benchmark, request):
    # the pattern of docs/batch.md with two local worker processes, against the same 4 M rows
    # in-process, both timed in this test (the ratio is what to compare: the machine is shared)
    if not _enabled(request):
        pytest.skip("starts a Dask cluster: run with --benchmark-enable")
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    frame = _table(4_000_000, 2).to_pandas(date_as_object=False)
    meta = assess_batch(frame.head(4))
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster),
    ):

        def through_dask():
            return dd.from_pandas(frame, npartitions=8).map_partitions(assess_batch, meta=meta).compute()

        through_dask()  # warm: the workers import the library and read the data once
        in_process = []
        for _ in range(3):
            start = time.perf_counter()
            assess_batch(frame)
            in_process.append(time.perf_counter() - start)
        result = benchmark.pedantic(through_dask, rounds=3, iterations=1)
        benchmark.extra_info["in_process_min_s"] = min(in_process)
        benchmark.extra_info["ratio_min"] = benchmark.stats.stats.min / min(in_process)
        print(
            f"\nin-process min {min(in_process):.3f} s; dask min {benchmark.stats.stats.min:.3f} s; "
            f"ratio {benchmark.stats.stats.min / min(in_process):.2f}"
        )
    assert len(result) == len(frame)
