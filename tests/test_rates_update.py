"""`penalties rates update`: filling the National Bank fetcher's cache for a range of days, against a
stand-in bank on 127.0.0.1 (no network). Resumable, interruptible, one-line errors, the hint after a
missing rate, and the user cache a bare `--nbk-cache` reads.

The stand-in bank answers every day with the recorded document of 22.06.2021 (tests/fixtures/nbk),
re-dated to the day asked for: its rate (427.23) is that day's only, so these tests check the
mechanics (which days are fetched, kept, skipped), never a rate of another day.
"""

import threading
from datetime import date, timedelta
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from penalties.cli import main
from penalties.errors import UserInputError
from penalties.nbk import NBKRates, default_cache_dir
from penalties.rates_update import MAX_DAYS, STATUSES, update_cache

RECORDED = (Path(__file__).parent / "fixtures" / "nbk" / "22.06.2021.xml").read_bytes()
RECORDED_RATE = Decimal("427.23")
TODAY = date(2026, 12, 3)
FIRST = date(2025, 6, 1)  # June 2025: the shipped table has no rate then (a known gap)


@pytest.fixture
def bank():
    """The stand-in bank; `refuse` holds days it answers with another day's document."""
    hits: list[str] = []
    refuse: set[str] = set()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            fdate = parse_qs(urlparse(self.path).query).get("fdate", [""])[0]
            hits.append(fdate)
            body = (
                RECORDED
                if fdate in refuse
                else RECORDED.replace(b"<date>22.06.2021</date>", f"<date>{fdate}</date>".encode())
            )
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/rss/get_rates.cfm", hits, refuse
    server.shutdown()


def _days(first: date, n: int) -> list[date]:
    return [first + timedelta(days=i) for i in range(n)]


def _fdate(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def test_fills_the_cache_for_every_day_of_the_range(bank, tmp_path):
    url, hits, _ = bank
    seen = []
    report = update_cache(
        FIRST,
        FIRST + timedelta(days=9),
        tmp_path,
        base_url=url,
        today=TODAY,
        progress=lambda done, total, day, status: seen.append((done, total, day, status)),
    )
    assert (report.days, report.fetched, report.cached, report.failed) == (10, 10, 0, ())
    assert hits == [_fdate(d) for d in _days(FIRST, 10)]
    assert seen == [(i + 1, 10, d, "fetched") for i, d in enumerate(_days(FIRST, 10))]
    cache = NBKRates(tmp_path, offline=True)
    for day in _days(FIRST, 10):
        found = cache.lookup(day)
        assert found is not None and found.kzt_per_usd == RECORDED_RATE and found.period == (day, day)


def test_a_second_run_fetches_nothing(bank, tmp_path):
    url, hits, _ = bank
    update_cache(FIRST, FIRST + timedelta(days=4), tmp_path, base_url=url, today=TODAY)
    hits.clear()
    report = update_cache(FIRST, FIRST + timedelta(days=6), tmp_path, base_url=url, today=TODAY)
    assert (report.cached, report.fetched) == (5, 2)
    assert hits == [_fdate(FIRST + timedelta(days=5)), _fdate(FIRST + timedelta(days=6))]


def test_an_interrupted_run_keeps_what_it_fetched_and_the_next_one_resumes(bank, tmp_path):
    url, hits, _ = bank

    def stop_after_four(done, total, day, status):
        if done == 4:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        update_cache(FIRST, FIRST + timedelta(days=9), tmp_path, base_url=url, today=TODAY, progress=stop_after_four)
    cache = NBKRates(tmp_path, offline=True)
    assert [cache.lookup(d) is not None for d in _days(FIRST, 10)] == [True] * 4 + [False] * 6
    hits.clear()
    report = update_cache(FIRST, FIRST + timedelta(days=9), tmp_path, base_url=url, today=TODAY)
    assert (report.cached, report.fetched) == (4, 6)
    assert hits == [_fdate(d) for d in _days(FIRST + timedelta(days=4), 6)]


def test_a_day_the_bank_cannot_answer_is_reported_and_the_run_goes_on(bank, tmp_path):
    url, _, refuse = bank
    bad = FIRST + timedelta(days=2)
    refuse.add(_fdate(bad))
    statuses = []
    report = update_cache(
        FIRST,
        FIRST + timedelta(days=4),
        tmp_path,
        base_url=url,
        today=TODAY,
        progress=lambda done, total, day, status: statuses.append(status),
    )
    assert report.fetched == 4 and [day for day, _ in report.failed] == [bad]
    assert "22.06.2021" in report.failed[0][1] or "2021-06-22" in report.failed[0][1]
    assert statuses == ["fetched", "fetched", "failed", "fetched", "fetched"]
    assert set(statuses) <= set(STATUSES)
    assert NBKRates(tmp_path, offline=True).lookup(bad) is None


@pytest.mark.parametrize(
    "first, last, fragment",
    [
        (date(2025, 6, 2), date(2025, 6, 1), "before --from"),
        (date(2026, 12, 1), date(2026, 12, 5), "in the future"),
        (TODAY - timedelta(days=MAX_DAYS), TODAY, f"more than {MAX_DAYS} days"),
    ],
)
def test_a_range_the_bank_cannot_have_is_refused_before_any_request(bank, tmp_path, first, last, fragment):
    url, hits, _ = bank
    with pytest.raises(UserInputError, match=fragment):
        update_cache(first, last, tmp_path, base_url=url, today=TODAY)
    assert hits == []


def test_tomorrow_is_allowed_since_its_rate_is_set_today(bank, tmp_path):
    url, _, _ = bank
    assert (
        update_cache(TODAY + timedelta(days=1), TODAY + timedelta(days=1), tmp_path, base_url=url, today=TODAY).fetched
        == 1
    )


# --- the command line -------------------------------------------------------------------------------


def _run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_fills_the_cache_with_progress_on_stderr(bank, tmp_path, capsys):
    url, _, _ = bank
    code, out, err = _run(
        capsys,
        "rates",
        "update",
        "--from",
        "2025-06-01",
        "--to",
        "2025-06-30",
        "--cache",
        str(tmp_path),
        "--url",
        url,
        "--delay",
        "0",
    )
    assert code == 0
    assert out.strip() == f"2025-06-01..2025-06-30: 30 day(s), 30 fetched, 0 already cached, 0 failed; cache {tmp_path}"
    lines = err.splitlines()
    assert lines and all(line.startswith("penalties: rates update: ") for line in lines)
    assert lines[-1] == "penalties: rates update: 30/30 days (2025-06-30 fetched)"
    assert len(lines) <= 20  # a line every twentieth of the range, not one a day
    # the filled cache is what --nbk-cache reads: the day now converts, from the cache alone
    code, out, _ = _run(
        capsys, "convert", "100", "MCI", "--to", "USD", "--on", "2025-06-15", "--nbk-cache", str(tmp_path)
    )
    expected = (Decimal(393200) / RECORDED_RATE).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")  # MCI 2025: 3,932
    assert code == 0 and out.startswith(f"{expected} USD (daily_official")


def test_cli_second_run_says_what_was_already_cached(bank, tmp_path, capsys):
    url, hits, _ = bank
    args = (
        "rates",
        "update",
        "--from",
        "2025-06-01",
        "--to",
        "2025-06-03",
        "--cache",
        str(tmp_path),
        "--url",
        url,
        "--delay",
        "0",
    )
    assert _run(capsys, *args)[0] == 0
    hits.clear()
    code, out, _ = _run(capsys, *args)
    assert code == 0 and "0 fetched, 3 already cached" in out and hits == []


def test_cli_interruption_is_one_line_and_exit_130(bank, tmp_path, capsys, monkeypatch):
    import penalties.rates_update as module

    url, _, _ = bank
    calls = []

    def sleep(seconds):  # Ctrl+C during the pause before the fourth request
        calls.append(seconds)
        if len(calls) == 3:
            raise KeyboardInterrupt

    monkeypatch.setattr(module.time, "sleep", sleep)
    code, out, err = _run(
        capsys,
        "rates",
        "update",
        "--from",
        "2025-06-01",
        "--to",
        "2025-06-10",
        "--cache",
        str(tmp_path),
        "--url",
        url,
        "--delay",
        "0.5",
    )
    assert code == 130 and out == ""
    assert err.splitlines()[-1] == (
        "penalties: interrupted after 3 of 10 days; the days fetched are cached: run the same command again to resume"
    )
    assert calls == [0.5, 0.5, 0.5]
    cache = NBKRates(tmp_path, offline=True)
    assert [cache.lookup(d) is not None for d in _days(FIRST, 10)] == [True] * 3 + [False] * 7


def test_cli_failed_days_are_one_line_and_exit_2(bank, tmp_path, capsys):
    url, _, refuse = bank
    refuse.update({"02.06.2025", "03.06.2025"})
    code, out, err = _run(
        capsys,
        "rates",
        "update",
        "--from",
        "2025-06-01",
        "--to",
        "2025-06-04",
        "--cache",
        str(tmp_path),
        "--url",
        url,
        "--delay",
        "0",
    )
    assert code == 2 and "2 fetched, 0 already cached, 2 failed" in out
    [error] = [line for line in err.splitlines() if "error" in line]
    assert error.startswith("penalties: error: 2 day(s) not fetched (2025-06-02: ")
    assert error.endswith("the others are cached: run the same command again to retry")


@pytest.mark.parametrize(
    "args, fragment",
    [
        (("--from", "2025-06-02", "--to", "2025-06-01"), "before --from"),
        (("--from", "2025-06-01", "--to", "2999-01-01"), "in the future"),
        (("--from", "0001-01-01", "--to", "2025-06-01"), "more than"),
        (("--from", "2025-06-01", "--to", "2025-06-02", "--delay", "-1"), "--delay"),
        (("--from", "2025-06-01", "--to", "2025-06-02", "--delay", "nan"), "--delay"),
        (("--from", "2025-06-31", "--to", "2025-07-01"), "not a date"),
        (
            (
                "--to",
                "2025-07-01",
            ),
            "--from",
        ),
    ],
)
def test_cli_user_errors_are_one_line_and_exit_2(bank, tmp_path, capsys, args, fragment):
    url, hits, _ = bank
    code, out, err = _run(capsys, "rates", "update", *args, "--cache", str(tmp_path), "--url", url)
    assert code == 2 and out == "" and hits == []
    assert len(err.strip().splitlines()) == 1 and fragment in err and err.startswith("penalties: error: ")


# --- the hint after a missing rate --------------------------------------------------------------------

HINTS = {
    "en": "penalties: hint: `penalties rates update --from 2025-06-23 --to 2025-06-23` fetches",
    "ru": "penalties: подсказка: `penalties rates update --from 2025-06-23 --to 2025-06-23` загрузит",
    "kk": "penalties: кеңес: `penalties rates update --from 2025-06-23 --to 2025-06-23`",
}


def test_convert_without_a_rate_names_the_command_that_fetches_it(capsys):
    code, out, err = _run(capsys, "convert", "100", "MCI", "--to", "USD", "--on", "2025-06-23")
    assert code == 2 and out == ""
    [line] = err.splitlines()  # a user error is one line: the error, then the hint
    error, hint = line.split("; hint: ")
    assert error.startswith("penalties: error: no USD/KZT rate for 2025-06-23")
    assert ("penalties: hint: " + hint).startswith(HINTS["en"])


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_an_assessment_without_a_rate_prints_the_hint_in_its_language(capsys, lang):
    code, out, err = _run(capsys, "show", "CC 403(1)", "--on", "2025-06-23", "--lang", lang)
    assert code == 0 and out
    [hint] = [line for line in err.splitlines() if "rates update" in line]
    assert hint.startswith(HINTS[lang])


def test_no_hint_when_the_rate_is_there(capsys):
    code, _, err = _run(capsys, "show", "CC 403(1)", "--on", "2016-06-01")
    assert code == 0 and "rates update" not in err


# --- the user cache -----------------------------------------------------------------------------------


def test_the_user_cache_follows_xdg_cache_home(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "penalties" / "nbk"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/dir")  # the spec ignores a relative path
    assert default_cache_dir() == Path.home() / ".cache" / "penalties" / "nbk"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache_dir() == Path.home() / ".cache" / "penalties" / "nbk"


def test_update_without_cache_fills_the_user_cache_a_bare_nbk_cache_reads(bank, tmp_path, capsys, monkeypatch):
    url, hits, _ = bank
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    code, out, _ = _run(capsys, "rates", "update", "--from", "2025-06-23", "--to", "2025-06-23", "--url", url)
    assert code == 0 and str(tmp_path / "penalties" / "nbk") in out
    hits.clear()
    code, out, _ = _run(capsys, "convert", "100", "MCI", "--to", "USD", "--on", "2025-06-23", "--nbk-cache")
    expected = (Decimal(393200) / RECORDED_RATE).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    assert code == 0 and out.startswith(f"{expected} USD (daily_official")  # from the cache
    assert hits == []
