"""Properties of the batch's key helpers (penalties.batch.keys): `distinct_rows` agrees with
np.unique over an axis, `periods` with np.searchsorted, through the dense tables and the sorting
fallbacks (DENSE_LIMIT set small)."""

from __future__ import annotations

from contextlib import contextmanager

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from penalties.batch import keys

columns = st.integers(1, 3).flatmap(
    lambda k: st.integers(0, 60).flatmap(
        lambda n: st.lists(st.lists(st.integers(-5, 40), min_size=n, max_size=n), min_size=k, max_size=k)
    )
)
wide = st.integers(-(2**20), 2**20)


def _expected(cols, earliest):
    stacked = np.stack(cols)
    uniques, first, inverse = np.unique(stacked, axis=1, return_index=True, return_inverse=True)
    inverse = inverse.ravel()
    if earliest is not None:
        # the first row among those of the key with the smallest `earliest`
        first = np.array(
            [min(np.flatnonzero(inverse == k), key=lambda r: (earliest[r], r)) for k in range(uniques.shape[1])],
            dtype=np.int64,
        )
    return uniques.shape[1], inverse, first


@contextmanager
def dense_limit(value):
    """keys.DENSE_LIMIT set to `value` (negative: every table is too large, the sorting code runs)."""
    saved = keys.DENSE_LIMIT
    keys.DENSE_LIMIT = value
    try:
        yield
    finally:
        keys.DENSE_LIMIT = saved


limits = pytest.mark.parametrize("limit", [keys.DENSE_LIMIT, -(10**9)], ids=["dense", "fallback"])


@limits
@settings(max_examples=150, deadline=None)
@given(cols=columns, with_earliest=st.booleans(), data=st.data())
def test_distinct_rows_is_unique_over_an_axis(limit, cols, with_earliest, data):
    arrays = [np.array(c, dtype=np.int64) for c in cols]
    n = len(arrays[0])
    if n == 0:
        with dense_limit(limit):
            count, key_of_row, _ = keys.distinct_rows(arrays)
        assert count == 0 and len(key_of_row) == 0
        return
    earliest = (
        np.array(data.draw(st.lists(st.integers(-3, 3), min_size=n, max_size=n)), dtype=np.int64)
        if with_earliest
        else None
    )
    with dense_limit(limit):
        count, key_of_row, first = keys.distinct_rows(arrays, earliest=earliest)
    want_count, want_inverse, want_first = _expected(arrays, earliest)
    assert count == want_count
    assert key_of_row.tolist() == want_inverse.tolist()
    assert first.tolist() == want_first.tolist()


@limits
@settings(max_examples=50, deadline=None)
@given(
    cols=st.lists(st.lists(wide, min_size=1, max_size=30), min_size=2, max_size=2).filter(
        lambda c: len(c[0]) == len(c[1])
    )
)
def test_distinct_rows_with_a_sparse_key_space(limit, cols):
    """Values far apart: the packed key's space is large, so `unique` sorts."""
    arrays = [np.array(c, dtype=np.int64) for c in cols]
    with dense_limit(limit):
        count, key_of_row, first = keys.distinct_rows(arrays)
    want_count, want_inverse, want_first = _expected(arrays, None)
    assert (count, key_of_row.tolist(), first.tolist()) == (want_count, want_inverse.tolist(), want_first.tolist())


@limits
@settings(max_examples=150, deadline=None)
@given(
    edges=st.lists(st.integers(-50, 3000), max_size=8).map(sorted),
    days=st.lists(st.one_of(st.integers(-100, 200), wide), max_size=50),
)
def test_periods_is_searchsorted(limit, edges, days):
    edges_a = np.array(edges, dtype=np.int64)
    days_a = np.array(days, dtype=np.int64)
    with dense_limit(limit):
        got = keys.periods(edges_a, days_a)
    assert got.tolist() == np.searchsorted(edges_a, days_a, side="right").tolist()


def test_distinct_rows_refuses_a_key_space_beyond_64_bits():
    big = np.array([0, 2**40], dtype=np.int64)
    with pytest.raises(OverflowError):
        keys.distinct_rows([big, big])
