"""The National Bank fetcher against a hostile server on 127.0.0.1 (huge, slow, non-finite,
implausible, redirecting answers) and against corrupt and planted cache files. No network."""

import json
import os
import threading
import time
import warnings
from datetime import date
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

import penalties
from penalties.law.rates import PLAUSIBLE_KZT_PER_USD
from penalties.nbk import MAX_ANSWER_BYTES, CacheWarning, NBKRates, RateFetchError

FIXTURES = Path(__file__).parent / "fixtures" / "nbk"
DAY = date(2021, 6, 22)
GOOD = (FIXTURES / "22.06.2021.xml").read_bytes()  # USD 427.23, quant 1
RATE = Decimal("427.23")


def _usd(description: str, quant: str = "1") -> bytes:
    return (
        GOOD.replace(b"<description>427.23</description>", f"<description>{description}</description>".encode())
        .replace(b"<title>USD</title>\n    <description", b"<title>USD</title>\n    <description")
        .replace(b"<quant>1</quant>", f"<quant>{quant}</quant>".encode())
    )


@pytest.fixture
def hostile():
    """A local server whose behaviour is chosen by the first path segment: /good/, /huge/, ..."""
    hits = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def do_GET(self):  # noqa: N802
            url = urlparse(self.path)
            mode = url.path.strip("/").split("/")[0]
            hits.append(mode)
            fdate = parse_qs(url.query).get("fdate", [""])[0]
            if mode == "redirect-same":
                return self._redirect(f"http://127.0.0.1:{self.server.server_address[1]}/good/x?fdate={fdate}")
            if mode == "redirect-other":
                return self._redirect(f"http://localhost:{self.server.server_address[1]}/good/x?fdate={fdate}")
            if mode == "redirect-file":
                return self._redirect("file:///etc/passwd")
            if mode == "slow":
                self.send_response(200)
                self.end_headers()
                try:
                    for byte in GOOD:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(0.2)
                except OSError:
                    pass
                return
            if mode == "huge-unannounced":
                self.send_response(200)
                self.end_headers()
                try:
                    for _ in range(MAX_ANSWER_BYTES // 65536 + 4):
                        self.wfile.write(b"<!--" + b"x" * 65528 + b"-->")
                except OSError:
                    pass
                return
            body = {
                "good": GOOD,
                "huge": GOOD + b"<!--" + b"x" * (MAX_ANSWER_BYTES + 10) + b"-->",
                "infinity": _usd("Infinity"),
                "nan": _usd("NaN"),
                "big": _usd("1e30"),
                "tiny": _usd("1e-30"),
                "negative": _usd("-427.23"),
                "zero": _usd("0"),
                "quant1000": _usd("427.23", "1000"),
                "quant-inf": _usd("427.23", "Infinity"),
                "garbage": b"\x00\xff" * 100,
            }[mode]
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except OSError:
                pass

        def _redirect(self, where):
            self.send_response(302)
            self.send_header("Location", where)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield (lambda mode: f"http://127.0.0.1:{server.server_address[1]}/{mode}/rss/get_rates.cfm"), hits
    server.shutdown()
    server.server_close()


def _cache_file(tmp_path):
    return tmp_path / "usd_kzt" / f"{DAY.isoformat()}.json"


def test_good_answer_is_cached(hostile, tmp_path):
    url, _ = hostile
    assert NBKRates(tmp_path, base_url=url("good")).lookup(DAY).kzt_per_usd == RATE
    assert json.loads(_cache_file(tmp_path).read_text())["rate"] == str(RATE)
    assert [p.name for p in (tmp_path / "usd_kzt").iterdir()] == [f"{DAY.isoformat()}.json"]  # no temp file left


@pytest.mark.parametrize(
    "mode, words",
    [
        ("infinity", "non-finite"),
        ("nan", "unreadable"),
        ("big", "implausible"),
        ("tiny", "implausible"),
        ("negative", "non-positive"),
        ("zero", "non-positive"),
        ("quant1000", "implausible"),
        ("quant-inf", "non-finite"),
        ("garbage", "unreadable"),
    ],
)
def test_bad_values_are_refused_and_not_cached(hostile, tmp_path, mode, words):
    url, _ = hostile
    with pytest.raises(RateFetchError, match=words):
        NBKRates(tmp_path, base_url=url(mode)).lookup(DAY)
    assert not list(tmp_path.rglob("*.json"))


@pytest.mark.parametrize("mode", ["huge", "huge-unannounced"])
def test_size_cap(hostile, tmp_path, mode):
    url, _ = hostile
    with pytest.raises(RateFetchError, match=str(MAX_ANSWER_BYTES)):
        NBKRates(tmp_path, base_url=url(mode)).lookup(DAY)
    assert not list(tmp_path.rglob("*.json"))


def test_overall_deadline(hostile, tmp_path):
    url, _ = hostile
    started = time.monotonic()
    with pytest.raises(RateFetchError, match="within"):
        NBKRates(tmp_path, base_url=url("slow"), timeout=5, deadline=1.0).lookup(DAY)
    assert time.monotonic() - started < 3  # each byte comes in 0.2 s, far inside `timeout`


def test_redirect_to_the_same_host_is_followed_and_recorded(hostile, tmp_path):
    url, _ = hostile
    found = NBKRates(tmp_path, base_url=url("redirect-same")).lookup(DAY)
    assert found.kzt_per_usd == RATE and "/good/" in found.sources[0]
    assert "/good/" in json.loads(_cache_file(tmp_path).read_text())["url"]


@pytest.mark.parametrize("mode", ["redirect-other", "redirect-file"])
def test_redirect_elsewhere_is_refused(hostile, tmp_path, mode):
    url, hits = hostile
    with pytest.raises(RateFetchError):
        NBKRates(tmp_path, base_url=url(mode)).lookup(DAY)
    assert "good" not in hits and not list(tmp_path.rglob("*.json"))


# --- the cache ---

CORRUPT = {
    "truncated": b'{"date": "2021-06-22", "ra',
    "empty": b"",
    "not a number": b'{"date": "2021-06-22", "rate": "abc", "url": "u"}',
    "missing key": b'{"date": "2021-06-22", "url": "u"}',
    "a list": b"[1, 2]",
    "binary": b"\x00\xff\xfe" * 10,
    "another date": b'{"date": "2019-08-23", "rate": "386.04", "url": "u"}',
    "negative": b'{"date": "2021-06-22", "rate": "-0.001", "url": "u"}',
    "infinite": b'{"date": "2021-06-22", "rate": "Infinity", "url": "u"}',
    "implausible": b'{"date": "2021-06-22", "rate": "1e30", "url": "u"}',
    "a number": b'{"date": "2021-06-22", "rate": 427.23, "url": "u"}',
    "huge": b'{"date": "2021-06-22", "rate": "427.23", "url": "' + b"u" * 10000 + b'"}',
}


def _plant(tmp_path, content: bytes) -> Path:
    path = _cache_file(tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


@pytest.mark.parametrize("case", sorted(CORRUPT))
def test_corrupt_cache_offline_is_a_miss_with_a_warning(tmp_path, case):
    _plant(tmp_path, CORRUPT[case])
    rates = NBKRates(tmp_path, offline=True)
    with pytest.warns(CacheWarning, match=DAY.isoformat()):
        assert rates.lookup(DAY) is None
    with pytest.warns(CacheWarning):  # every later call too: a miss, never an exception
        a = penalties.assess("CC 403(1)", on=DAY, rates=rates)
    # the corrupt entry is not used: the dollars come from the shipped table's rate of the day
    assert a.main[0].max.value.kzt > 0
    assert a.rate is not None and a.rate.sources == penalties.usd_rate(DAY).sources


@pytest.mark.parametrize("case", sorted(CORRUPT))
def test_corrupt_cache_online_is_fetched_again_and_replaced(hostile, tmp_path, case):
    url, hits = hostile
    path = _plant(tmp_path, CORRUPT[case])
    with pytest.warns(CacheWarning):
        assert NBKRates(tmp_path, base_url=url("good")).lookup(DAY).kzt_per_usd == RATE
    assert hits == ["good"] and json.loads(path.read_text())["rate"] == str(RATE)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert NBKRates(tmp_path, offline=True).lookup(DAY).kzt_per_usd == RATE


def test_cache_entry_that_is_a_directory(tmp_path):
    _cache_file(tmp_path).mkdir(parents=True)
    with pytest.warns(CacheWarning):
        assert NBKRates(tmp_path, offline=True).lookup(DAY) is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_cache_entry_that_is_a_fifo_does_not_hang(tmp_path):
    path = _cache_file(tmp_path)
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    with pytest.warns(CacheWarning, match="regular"):
        assert NBKRates(tmp_path, offline=True).lookup(DAY) is None


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_dangling_symlink_is_not_written_through(hostile, tmp_path):
    url, _ = hostile
    target = tmp_path / "elsewhere.json"
    cache = tmp_path / "cache"
    path = _cache_file(cache)
    path.parent.mkdir(parents=True)
    path.symlink_to(target)
    with pytest.warns(CacheWarning):
        assert NBKRates(cache, base_url=url("good")).lookup(DAY).kzt_per_usd == RATE
    assert not target.exists() and not path.is_symlink() and json.loads(path.read_text())["rate"] == str(RATE)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_symlink_to_a_file_is_not_read(tmp_path):
    planted = tmp_path / "planted.json"
    planted.write_text('{"date": "2021-06-22", "rate": "100", "url": "planted"}')
    cache = tmp_path / "cache"
    path = _cache_file(cache)
    path.parent.mkdir(parents=True)
    path.symlink_to(planted)
    with pytest.warns(CacheWarning, match="symlink"):
        assert NBKRates(cache, offline=True).lookup(DAY) is None


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_symlinked_folder_inside_the_cache_is_not_used(hostile, tmp_path):
    url, _ = hostile
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / f"{DAY.isoformat()}.json").write_text('{"date": "2021-06-22", "rate": "100", "url": "planted"}')
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "usd_kzt").symlink_to(elsewhere)
    with pytest.warns(CacheWarning, match="symlink"):
        found = NBKRates(cache, base_url=url("good")).lookup(DAY)
    assert found.kzt_per_usd == RATE  # fetched, used uncached, the planted file neither read nor written
    assert json.loads((elsewhere / f"{DAY.isoformat()}.json").read_text())["rate"] == "100"
    assert sorted(p.name for p in elsewhere.iterdir()) == [f"{DAY.isoformat()}.json"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_cache_dir_itself_may_be_a_symlink(hostile, tmp_path):
    url, _ = hostile
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    assert NBKRates(tmp_path / "link", base_url=url("good")).lookup(DAY).kzt_per_usd == RATE
    assert (real / "usd_kzt" / f"{DAY.isoformat()}.json").exists()


def test_interrupted_write_leaves_no_half_file(hostile, tmp_path, monkeypatch):
    url, _ = hostile
    path = _plant(tmp_path, b'{"date": "2021-06-22", "rate": "abc", "url": "u"}')

    def interrupted(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.warns(CacheWarning) as caught:
        assert NBKRates(tmp_path, base_url=url("good")).lookup(DAY).kzt_per_usd == RATE
    assert [("not a cached rate" in str(w.message), "cannot be written" in str(w.message)) for w in caught] == [
        (True, False),
        (False, True),
    ]
    assert path.read_bytes() == b'{"date": "2021-06-22", "rate": "abc", "url": "u"}'  # the old file, whole
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # the temporary file is removed


def test_band_is_documented():
    low, high = PLAUSIBLE_KZT_PER_USD
    assert 0 < low < high
    import penalties.nbk as nbk

    assert "PLAUSIBLE_KZT_PER_USD" in nbk.__doc__
