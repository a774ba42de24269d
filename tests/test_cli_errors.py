"""Every user error on the command line is one line on stderr and exit 2; no run is an internal error."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from penalties.cli import INTERNAL_ERROR, main

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "argv",
    [
        ["convert", "1e999999", "MCI", "--to", "KZT", "--on", "2019-06-01"],
        ["convert", "9" * 100, "MCI", "--to", "USD", "--on", "2015-08-21"],
        ["convert", "5", "KZT", "--to", "KZT"],
        ["explain-amount", "1e9999999", "KZT", "--on", "2020-04-30"],
        ["equivalent", "NaN", "--of", "imprisonment", "--to", "fine", "--on", "2023-05-02"],
        ["equivalent", "sNaN", "--of", "imprisonment", "--to", "fine", "--on", "2023-05-02"],
        *[
            ["show", "CC 366(1)", "--on", "2016-06-01", "--base-amount", v]
            for v in ("abc", "-1000", "NaN", "1e999", "1,500", "0x10", "")
        ],
        ["show", "AC 518(4)", "--on", "2026-06-01", "--offender", "banana"],
        ["show"],
        ["frobnicate"],
        ["show", "CC 403(1)", "--on", "yesterday"],
        ["credit", "x", "--toward", "arrest"],
    ],
)
def test_user_errors_are_one_line_and_exit_2(capsys, argv):
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1 and err.startswith("penalties: error: ")


def test_spaced_base_amount_is_read(capsys):
    assert main(["show", "CC 366(1)", "--on", "2016-06-01", "--base-amount", "1 000", "--json"]) == 0


def test_imprisonment_only_past_the_mci(capsys):
    assert main(["show", "CC 99(1)", "--on", "2027-01-01", "--json"]) == 0


def test_ascii_terminal_gets_escapes_not_a_traceback():
    env = dict(os.environ, PYTHONIOENCODING="ascii", PYTHONPATH=str(ROOT))
    run = subprocess.run(
        [sys.executable, "-m", "penalties", "show", "CC 403(1)", "--on", "2016-06-01", "--lang", "ru"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0 and "Traceback" not in run.stderr and "\\u" in run.stdout


REFS = st.sampled_from(
    [
        "CC 403(1)",
        "CC 99(1)",
        "CC 366(1)",
        "AC 434(3)",
        "AC 518(4)",
        "ч.1 ст.403 УК РК",
        "CC 999(1)",
        "",
        "x" * 200,
        "CC 403(1)\n",
        "\x00",
    ]
)
HOSTILE = st.sampled_from(
    [
        "NaN",
        "sNaN",
        "-1",
        "0",
        "1e999999",
        "9" * 5000,
        "1 000",
        "1,5",
        "1,500",
        "abc",
        "0x10",
        "--json",
        "-",
        "",
        "2019-06-01",
        "9999-12-31",
        "0001-01-01",
        "2027-01-01",
        "Infinity",
        "\u00a0",
        "МРП",
        "₸",
        "$",
    ]
)
DATES = st.one_of(st.dates().map(str), HOSTILE)
TOKEN = st.one_of(HOSTILE, REFS, DATES)


def _argv():
    opt = lambda name, values: st.one_of(st.just([]), values.map(lambda v: [name, v]))  # noqa: E731
    flags = st.lists(st.sampled_from(["--json", "--explain", "--house-arrest"]), max_size=2)
    commands = [
        st.tuples(
            st.just(["show"]),
            REFS.map(lambda r: [r]),
            opt("--on", DATES),
            opt("--committed", DATES),
            opt("--decided", DATES),
            opt(
                "--offender", st.one_of(HOSTILE, st.sampled_from(["individual", "legal_entity", "official", "banana"]))
            ),
            opt("--base-amount", HOSTILE),
            opt("--lang", st.sampled_from(["en", "ru", "kk", "xx"])),
            flags,
        ),
        st.tuples(
            st.just(["convert"]),
            TOKEN.map(lambda a: [a]),
            st.sampled_from([["MCI"], ["KZT"], ["USD"], ["x"]]),
            opt("--to", st.sampled_from(["MCI", "KZT", "USD", "tenge", "?"])),
            opt("--on", DATES),
            opt("--purpose", st.sampled_from(["fine", "tax", "social", "x"])),
            flags,
        ),
        st.tuples(
            st.just(["explain-amount"]),
            TOKEN.map(lambda a: [a]),
            st.sampled_from([["KZT"], ["MCI"]]),
            opt("--on", DATES),
            flags,
        ),
        st.tuples(
            st.just(["equivalent"]),
            TOKEN.map(lambda a: [a]),
            opt("--of", st.sampled_from(["imprisonment", "arrest", "fine", "x"])),
            opt("--to", st.sampled_from(["fine", "arrest", "x"])),
            opt("--on", DATES),
            flags,
        ),
        st.tuples(
            st.just(["credit"]),
            TOKEN.map(lambda a: [a]),
            opt("--toward", st.sampled_from(["imprisonment", "arrest", "fine", "x"])),
            opt("--on", DATES),
            opt("--regime", st.sampled_from(["medium", "maximum", "x"])),
            flags,
        ),
        st.tuples(
            st.just(["diff"]), REFS.map(lambda r: [r]), DATES.map(lambda d: [d]), DATES.map(lambda d: [d]), flags
        ),
        st.tuples(st.just(["history"]), REFS.map(lambda r: [r]), flags),
        st.tuples(st.sampled_from([["list"], ["check", "/nonexistent/statutes"], ["--help"], []]), flags),
        st.lists(TOKEN, max_size=5).map(lambda t: (t,)),
    ]
    return st.one_of(commands).map(lambda parts: [tok for part in parts for tok in part])


@settings(max_examples=300, deadline=None, database=None)
@given(_argv())
def test_cli_fuzz(argv):
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    assert status != INTERNAL_ERROR, (argv, err.getvalue())
    assert status in (0, 2) or (status == 1 and argv[:1] == ["check"]), (argv, status, err.getvalue())
    if status == 2:  # `check` (exit 1) lists every problem, one per line
        assert len(err.getvalue().strip().splitlines()) <= 1, (argv, err.getvalue())


def test_a_warning_is_one_line_on_stderr(monkeypatch, capsys):
    # e.g. the NBK fetcher's CacheWarning: Python's default prints the file, the line and the source
    # line of the warn() call below it, which mean nothing to someone running the command
    import warnings

    from penalties import cli
    from penalties.nbk import CacheWarning

    def warns(args):
        warnings.warn(
            "/cache/usd_kzt/2021-06-22.json is not a cached rate\n(JSONDecodeError): treated as absent",
            CacheWarning,
            stacklevel=2,
        )
        return 0

    monkeypatch.setitem(cli._COMMANDS, "show", warns)
    assert cli.main(["show", "CC 403(1)", "--on", "2016-06-01"]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("penalties: warning: /cache/usd_kzt/2021-06-22.json is not a cached rate (JSONDecodeError)")
