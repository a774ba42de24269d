"""Batch benchmarks: assess_batch on 1,000,000 rows against a hand-written numpy baseline doing the
same arithmetic, the scalar assess() loop, and openfisca-core's parameter-at-date lookup as the
peer for point-in-time lookups. Figures: docs/performance.md.

    python -m pytest tests/benchmarks/test_batch_benchmarks.py --benchmark-enable --benchmark-only

With benchmarks disabled (the ordinary test run) the sizes shrink so each runs once quickly.
"""

from datetime import date
from decimal import Decimal

import pytest

import penalties

np = pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")

from penalties.batch import assess_batch  # noqa: E402

REFS = ["CC 403(1)", "CC 403(2)", "AC 488(1)", "AC 434(1)", "CC 274(2)", "AC 87(1)"]
EPOCH = date(1970, 1, 1)


@pytest.fixture(scope="module")
def rows(request):
    enabled = request.config.getoption("benchmark_enable", default=False)
    n = 1_000_000 if enabled else 2_000
    rng = np.random.default_rng(0)
    provision = np.array(REFS)[rng.integers(0, len(REFS), n)]
    days = rng.integers((date(2019, 1, 1) - EPOCH).days, (date(2026, 6, 1) - EPOCH).days, n)
    offender = np.where(provision == "AC 87(1)", "official", "individual")
    return pa.table(
        {"provision": provision, "committed": pa.array(days.astype(np.int32)).cast(pa.date32()), "offender": offender}
    )


def numpy_baseline(provision_codes, days, version_starts, fine_caps, mci_starts, mci_values):
    """The same arithmetic by hand: version by searchsorted, cap × MCI by searchsorted, in tiyn."""
    flat = provision_codes * 100_000 + days
    version = np.searchsorted(version_starts, flat, side="right") - 1
    mci = mci_values[np.searchsorted(mci_starts, days, side="right") - 1]
    return fine_caps[version] * mci * 100


def test_numpy_baseline(benchmark, rows):
    codes = pa.compute.index_in(rows["provision"], pa.array(REFS)).to_numpy()
    days = rows["committed"].cast(pa.int32()).to_numpy().astype(np.int64)
    starts, caps = [], []
    for k, ref in enumerate(REFS):
        for v in penalties.provision(ref).versions:
            starts.append(k * 100_000 + (v.valid_from - EPOCH).days)
            s = v.sanctions[0]
            fine = next((i for i in s.main if i.kind == "fine"), None)
            caps.append(int(fine.max.value) if fine and fine.max else 0)
    from penalties.data.mci import default_index

    series = default_index().series("fine")
    mci_starts = np.array([(v.valid_from - EPOCH).days for v in series])
    mci_values = np.array([int(v.kzt) for v in series])
    result = benchmark(numpy_baseline, codes, days, np.array(starts), np.array(caps), mci_starts, mci_values)
    assert len(result) == len(rows)


def test_assess_batch(benchmark, rows):
    result = benchmark(assess_batch, rows)
    assert result.num_rows == rows.num_rows


def test_assess_batch_dictionary_input(benchmark, rows):
    # provision and offender as dictionary columns (what a pandas categorical gives): the rows come
    # pre-encoded, as the baseline's provision codes do, so this is the like-for-like comparison
    table = rows.set_column(0, "provision", rows["provision"].dictionary_encode())
    table = table.set_column(2, "offender", table["offender"].dictionary_encode())
    result = benchmark(assess_batch, table)
    assert result.num_rows == rows.num_rows
    assert result.column("fine_max_kzt").equals(assess_batch(rows).column("fine_max_kzt"))


def test_assess_batch_with_case_dates(benchmark, rows):
    # with `decided` present the per-row path runs (lex mitior between commission and decision)
    committed = rows["committed"].cast(pa.int32()).to_numpy()
    decided = pa.array((committed + 200).astype(np.int32)).cast(pa.date32())
    table = rows.append_column("decided", decided)
    result = benchmark(assess_batch, table)
    assert result.num_rows == rows.num_rows


def test_scalar_assess_loop_10k(benchmark, rows):
    sample = rows.slice(0, 10_000).to_pylist()

    def loop():
        return [penalties.assess(r["provision"], on=r["committed"], offender=r["offender"]) for r in sample]

    assert len(benchmark.pedantic(loop, rounds=3, iterations=1)) == len(sample)


def test_peer_openfisca_parameter_at_date(benchmark):
    parameters = pytest.importorskip("openfisca_core.parameters")
    values = {
        v.valid_from.isoformat(): {"value": int(v.kzt)}
        for v in __import__("penalties.data.mci").data.mci.default_index().series("fine")
    }
    mci = parameters.Parameter("mci", data={"values": values})
    assert benchmark(mci, "2019-06-01") == 2525


def test_ours_mci_at_date(benchmark):
    assert benchmark(penalties.mci, date(2019, 6, 1)) == Decimal(2525)


@pytest.fixture(scope="module")
def frame(rows):
    # what a pandas user has: str columns (pandas' default string dtype) and datetime64 dates
    return rows.to_pandas(date_as_object=False)


def test_assess_batch_pandas(benchmark, frame):
    # pandas in, pandas out: the result columns are Arrow-backed (pd.ArrowDtype), decimals exact
    result = benchmark(assess_batch, frame)
    assert len(result) == len(frame)


def test_assess_batch_pandas_categorical(benchmark, frame):
    frame = frame.astype({"provision": "category", "offender": "category"})
    result = benchmark(assess_batch, frame)
    assert len(result) == len(frame)
