"""scripts/load_test.py still runs: a few clients for a moment against a server it starts (no timing
is asserted: the figures are recorded by hand in docs/performance.md)."""

import importlib.util
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")
SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "load_test.py"


def test_the_load_test_runs_and_counts_no_errors(capsys):
    spec = importlib.util.spec_from_file_location("load_test", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--clients", "3", "--seconds", "1"]) == 0
    out = capsys.readouterr().out
    assert "0 errors" in out and "| all |" in out
    assert module.percentile([1.0, 2.0, 3.0, 4.0, 100.0], 50) == 3.0
