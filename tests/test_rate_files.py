"""A user's rate table (`RateTable.from_csv`, CLI `--rates FILE`): read as written, or refused with
file and line (`RateFileError`; one line on stderr and exit 2 on the command line), never a traceback."""

import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from penalties.cli import main
from penalties.errors import DataFileError, RateFileError, UserInputError
from penalties.law.rates import PLAUSIBLE_KZT_PER_USD, RateTable

ROOT = Path(__file__).resolve().parent.parent
GOOD = "date,rate\n2021-06-22,427.23\n"
CONVERT = ["convert", "100", "MCI", "--to", "USD", "--on", "2021-06-22"]


def _write(tmp_path, name, content):
    path = tmp_path / name
    (path.write_bytes if isinstance(content, bytes) else path.write_text)(content)
    return path


def test_the_error_is_a_data_file_error_and_a_user_input_error():
    assert issubclass(RateFileError, DataFileError) and issubclass(RateFileError, UserInputError)


def test_bom_as_excel_writes_it(tmp_path):
    plain = RateTable.from_csv(_write(tmp_path, "plain.csv", GOOD))
    bom = RateTable.from_csv(_write(tmp_path, "bom.csv", b"\xef\xbb\xbf" + GOOD.encode()))
    assert bom.lookup(date(2021, 6, 22)).kzt_per_usd == plain.lookup(date(2021, 6, 22)).kzt_per_usd == Decimal("427.23")


def test_relative_path(tmp_path, monkeypatch):
    _write(tmp_path, "rates.csv", GOOD)
    monkeypatch.chdir(tmp_path)
    found = RateTable.from_csv("rates.csv").lookup(date(2021, 6, 22))
    assert found.kzt_per_usd == Decimal("427.23") and found.sources == ((tmp_path / "rates.csv").as_uri(),)


# (file content or a maker, the line named, words of the message)
BAD = {
    "directory": (lambda p: (p.mkdir(), p)[1], None, "directory"),
    "missing": (lambda p: p, None, "no such rate file"),
    "binary": (lambda p: (p.write_bytes(b"date,rate\n\x89PNG\r\n\x1a\n\xff\xfe"), p)[1], 2, "not UTF-8"),
    "nul bytes": (lambda p: (p.write_bytes(b"date,rate\n2021-06-22,4\x0027\n"), p)[1], 2, "NUL"),
    "empty": (lambda p: (p.write_text(""), p)[1], 1, "empty"),
    "no columns": (lambda p: (p.write_text("day;usd\n2021-06-22;427\n"), p)[1], 1, "columns"),
    "duplicate date": (lambda p: (p.write_text(GOOD + "2021-06-23,428\n2021-06-22,426\n"), p)[1], 4, "twice"),
    "zero": (lambda p: (p.write_text("date,rate\n2021-06-22,0\n"), p)[1], 2, "not positive"),
    "negative": (lambda p: (p.write_text("date,rate\n2021-06-22,-427.23\n"), p)[1], 2, "not positive"),
    "nan": (lambda p: (p.write_text("date,rate\n2021-06-22,NaN\n"), p)[1], 2, "not a finite"),
    "infinity": (lambda p: (p.write_text("date,rate\n2021-06-22,Infinity\n"), p)[1], 2, "not a finite"),
    "huge": (lambda p: (p.write_text("date,rate\n2021-06-22,1e30\n"), p)[1], 2, "implausible"),
    "tiny": (lambda p: (p.write_text("date,rate\n2021-06-22,1e-30\n"), p)[1], 2, "implausible"),
    "per 1000 dollars": (lambda p: (p.write_text("date,rate\n2021-06-22,427230\n"), p)[1], 2, "implausible"),
    "not a number": (lambda p: (p.write_text("date,rate\n2021-06-22,abc\n"), p)[1], 2, "cannot read"),
    "not a date": (lambda p: (p.write_text("date,rate\n22.06.2021,427.23\n"), p)[1], 2, "cannot read"),
    "short row": (lambda p: (p.write_text("date,rate\n2021-06-22\n"), p)[1], 2, "cannot read"),
}
if hasattr(os, "symlink"):
    BAD["symlink loop"] = (lambda p: (os.symlink(p.name, p), p)[1], None, "cannot read")


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_table_api(tmp_path, case):
    make, line, words = BAD[case]
    path = make(tmp_path / "rates.csv")
    with pytest.raises(RateFileError) as info:
        RateTable.from_csv(path)
    problem = info.value.problems[0]
    assert problem.path == str(path) and problem.line == line and words in problem.message


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_table_cli(tmp_path, capsys, case):
    make, line, words = BAD[case]
    path = make(tmp_path / "rates.csv")
    assert main([*CONVERT, "--rates", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1 and err.startswith("penalties: error: ")
    assert str(path) + (f":{line}:" if line else ":") in err and words in err


def test_every_problem_is_listed(tmp_path):
    path = _write(tmp_path, "rates.csv", "date,rate\n2021-06-22,0\n2021-06-23,427\n2021-06-24,x\n2021-06-23,1\n")
    with pytest.raises(RateFileError) as info:
        RateTable.from_csv(path)
    assert [p.line for p in info.value.problems] == [2, 4, 5]


def test_band_edges_are_accepted(tmp_path):
    low, high = PLAUSIBLE_KZT_PER_USD
    table = RateTable.from_csv(_write(tmp_path, "r.csv", f"date,rate\n2021-06-22,{low}\n2021-06-29,{high}\n"))
    assert table.lookup(date(2021, 6, 22)).kzt_per_usd == low and table.lookup(date(2021, 6, 29)).kzt_per_usd == high


@pytest.mark.parametrize(
    "name, content",
    [("dir", None), ("binary.csv", b"\x00\xff" * 50), ("bom.csv", b"\xef\xbb\xbfdate,rate\n2021-06-22,0\n")],
)
def test_real_process_relative_path_no_traceback(tmp_path, name, content):
    """As the README writes it: a relative `--rates` path, in a real process."""
    if content is None:
        (tmp_path / name).mkdir()
    else:
        (tmp_path / name).write_bytes(content)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    run = subprocess.run(
        [sys.executable, "-m", "penalties", *CONVERT, "--rates", name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_real_process_relative_path_is_read(tmp_path):
    (tmp_path / "rates.csv").write_text(GOOD)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    run = subprocess.run(
        [sys.executable, "-m", "penalties", *CONVERT, "--rates", "rates.csv"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0 and "user_table" in run.stdout


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_read_or_refused(tmp_path_factory, content):
    path = tmp_path_factory.mktemp("rates") / "rates.csv"
    path.write_bytes(content)
    try:
        table = RateTable.from_csv(path)
    except RateFileError as error:
        assert error.problems and all(p.path == str(path) for p in error.problems)
        return
    for start, _end in table.coverage():  # what is read is a plausible rate
        rate = table.lookup(start).kzt_per_usd
        assert PLAUSIBLE_KZT_PER_USD[0] <= rate <= PLAUSIBLE_KZT_PER_USD[1]
