"""The optional National Bank fetcher, against recorded documents served on 127.0.0.1."""

import threading
from datetime import date
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

import penalties
from penalties.nbk import NBKRates, RateFetchError, parse_rates_xml

FIXTURES = Path(__file__).parent / "fixtures" / "nbk"


@pytest.fixture
def bank():
    """A local stand-in for the bank's endpoint; counts the requests it serves."""
    hits = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            query = parse_qs(urlparse(self.path).query)
            hits.append(query.get("fdate", [""])[0])
            path = FIXTURES / f"{query.get('fdate', [''])[0]}.xml"
            if path.name == "01.01.2030.xml":
                body, status = b"<html>not xml", 200
            elif path.exists():
                body, status = path.read_bytes(), 200
            else:
                body, status = (FIXTURES / "23.08.2019.xml").read_bytes(), 200  # the bank answers another day
            self.send_response(status)
            self.send_header("Content-Type", "application/xml")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/rss/get_rates.cfm", hits
    server.shutdown()


def test_parse_honours_quant():
    document = (FIXTURES / "23.08.2019.xml").read_bytes()
    assert parse_rates_xml(document) == (date(2019, 8, 23), Decimal("386.04"))
    assert parse_rates_xml(document, "JPY") == (date(2019, 8, 23), Decimal("3.63"))


def test_fetches_once_then_answers_from_cache(bank, tmp_path):
    url, hits = bank
    rates = NBKRates(cache_dir=tmp_path, base_url=url)
    first = rates.lookup(date(2019, 8, 23))
    second = NBKRates(cache_dir=tmp_path, base_url=url).lookup(date(2019, 8, 23))
    assert first == second
    assert first.kzt_per_usd == Decimal("386.04") and first.basis == "daily_official"
    assert hits == ["23.08.2019"]


def test_used_by_assess(bank, tmp_path):
    url, _ = bank
    a = penalties.assess("CC 403(1)", on=date(2015, 8, 21), rates=NBKRates(cache_dir=tmp_path, base_url=url))
    # 300 MCI × 1,982 KZT = 594,600 KZT; / 255.26 = 2,329.39 USD
    fine = a.main[0]
    assert fine.max.value.kzt == Decimal("594600") and fine.max.value.usd == Decimal("2329.39")


def test_wrong_day_in_answer_is_an_error(bank, tmp_path):
    url, _ = bank
    with pytest.raises(RateFetchError, match="answered with the rates of 2019-08-23"):
        NBKRates(cache_dir=tmp_path, base_url=url).lookup(date(2021, 3, 1))
    assert not list(tmp_path.rglob("*.json"))


def test_unreadable_answer_is_an_error(bank, tmp_path):
    url, _ = bank
    with pytest.raises(RateFetchError, match="unreadable"):
        NBKRates(cache_dir=tmp_path, base_url=url).lookup(date(2030, 1, 1))


def test_unreachable_bank_is_an_error(tmp_path):
    rates = NBKRates(cache_dir=tmp_path, base_url="http://127.0.0.1:9/rss/get_rates.cfm", timeout=2)
    with pytest.raises(RateFetchError, match="fetcher failed"):
        rates.lookup(date(2019, 8, 23))


def test_offline_mode_reads_only_the_cache(tmp_path):
    assert NBKRates(cache_dir=tmp_path, offline=True).lookup(date(2019, 8, 23)) is None


def test_cli_uses_the_fetcher_cache(bank, tmp_path, capsys):
    from penalties.cli import main
    from penalties.nbk import NBKRates

    url, _ = bank
    # 2025-06-23 has no rate in the shipped table: without a source the CLI says how to supply one
    assert main(["convert", "100", "MCI", "--to", "USD", "--on", "2025-06-23"]) == 2
    assert "--rates" in capsys.readouterr().err
    NBKRates(cache_dir=tmp_path, base_url=url).lookup(date(2021, 6, 22))  # fills the cache from the local bank
    # the cache answers before the shipped table (which has the same official rate from a news report)
    cached = penalties.usd_rate(date(2021, 6, 22), rates=NBKRates(cache_dir=tmp_path, offline=True))
    assert cached.sources != penalties.usd_rate(date(2021, 6, 22)).sources
    assert main(["convert", "100", "MCI", "--to", "USD", "--on", "2021-06-22", "--nbk-cache", str(tmp_path)]) == 0
    # 100 × 2,917 KZT (MCI 2021) / 427.23 KZT per USD, rounded half-up to the cent
    expected = (Decimal(291700) / Decimal("427.23")).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    assert capsys.readouterr().out.startswith(f"{expected} USD (daily_official")
