"""Optional fetcher of the National Bank of Kazakhstan's official daily rates, with an on-disk cache.

Nothing here runs unless you create an `NBKRates` and pass it as `rates=`; `import penalties` and
the test suite never touch the network. The National Bank publishes an XML document per day::

    https://nationalbank.kz/rss/get_rates.cfm?fdate=DD.MM.YYYY
    <rates><date>23.08.2019</date>
      <item><fullname>ДОЛЛАР США</fullname><title>USD</title><description>386.04</description>
            <quant>1</quant>…</item> …</rates>

`description` is the rate for `quant` units of the currency (1 for USD; 10, 100 or 1000 for some
others), so the rate per unit is description / quant. Each fetched day is cached as a small JSON
file, so a date is downloaded at most once.

    >>> rates = NBKRates(cache_dir="~/.cache/penalties/nbk")            # doctest: +SKIP
    >>> penalties.assess("CC 403(1)", on=date(2021, 3, 1), rates=rates)  # doctest: +SKIP

What the fetcher does not trust:

- the answer: at most `MAX_ANSWER_BYTES` are read, the whole fetch (connecting, redirects, every
  read) has `deadline` seconds, a redirect to another host is refused, and a USD rate outside
  `penalties.law.rates.PLAUSIBLE_KZT_PER_USD` (or not finite) is a `RateFetchError`, not cached;
- the cache: a file is written to a temporary file and renamed into place (an interrupted write
  leaves no half file); a cache file that cannot be read back (truncated, not JSON, another
  date, a rate outside the band, larger than `MAX_CACHE_BYTES`, a symlink) is a miss with a
  `CacheWarning`: the rate is fetched again (and the file replaced), or, `offline`, there is none;
- symlinks: a symlink inside the cache directory (the `usd_kzt` folder or a day's file) is never
  followed, so a planted link neither is read nor has its target written; `cache_dir` itself may
  be a link (it is the caller's choice).
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import stat
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
import xml.etree.ElementTree as ET
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from .errors import MissingRateError
from .law.rates import UsdRate, implausible_rate

DEFAULT_URL = "https://nationalbank.kz/rss/get_rates.cfm"
#: an answer longer than this is refused (the bank's daily document, every currency, is about 20 KB)
MAX_ANSWER_BYTES = 1024 * 1024
#: a cache file longer than this is corrupt (one is under 200 bytes)
MAX_CACHE_BYTES = 4096
_CHUNK = 16 * 1024


def default_cache_dir() -> Path:
    """The user's cache of fetched rates: `$XDG_CACHE_HOME/penalties/nbk`, else `~/.cache/penalties/nbk`.

    What `penalties rates update` fills and a bare `--nbk-cache` reads.
    """
    base = os.environ.get("XDG_CACHE_HOME") or ""
    root = Path(base).expanduser() if base.strip() and Path(base).expanduser().is_absolute() else Path.home() / ".cache"
    return root / "penalties" / "nbk"


class RateFetchError(MissingRateError):
    """The National Bank's rate for the date could not be fetched or read."""

    def __init__(self, when: date, reason: str):
        super().__init__(when)
        self.reason = reason
        self.args = (f"no USD/KZT rate for {when.isoformat()}: the National Bank fetcher failed ({reason})",)


class CacheWarning(UserWarning):
    """A cache file of the fetcher could not be used and is treated as absent."""


def parse_rates_xml(document: bytes | str, currency: str = "USD") -> tuple[date, Decimal]:
    """The publication date and the rate per one unit of `currency` in a National Bank XML document."""
    root = ET.fromstring(document)
    published = datetime.strptime(root.findtext("date", "").strip(), "%d.%m.%Y").date()
    for item in root.iter("item"):
        if (item.findtext("title") or "").strip().upper() == currency:
            rate = Decimal((item.findtext("description") or "").strip())
            quant = Decimal((item.findtext("quant") or "1").strip() or "1")
            if not (rate.is_finite() and quant.is_finite()) or rate <= 0 or quant <= 0:
                raise ValueError(f"non-positive or non-finite rate or quant for {currency}")
            return published, rate / quant
    raise ValueError(f"no {currency} item in the document")


class _SameHost(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to the same scheme and host."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        old, new = urllib.parse.urlsplit(req.full_url), urllib.parse.urlsplit(newurl)
        if (old.scheme, old.netloc) != (new.scheme, new.netloc):
            raise urllib.error.URLError(f"refused a redirect to another host: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class NBKRates:
    """A rate source (`lookup(date) -> UsdRate | None`) backed by the National Bank's daily XML.

    `timeout` bounds each network operation, `deadline` the whole fetch of one day (seconds).
    """

    def __init__(
        self,
        cache_dir: str | Path,
        base_url: str = DEFAULT_URL,
        timeout: float = 10.0,
        offline: bool = False,
        deadline: float = 30.0,
    ):
        self.cache_dir = Path(cache_dir).expanduser()
        self.base_url = base_url
        self.timeout = timeout
        self.deadline = deadline
        self.offline = offline  # True: answer from the cache only

    def _cache_path(self, on: date) -> Path:
        return self.cache_dir / "usd_kzt" / f"{on.isoformat()}.json"

    def url(self, on: date) -> str:
        return f"{self.base_url}?fdate={on.strftime('%d.%m.%Y')}"

    def lookup(self, on: date) -> UsdRate | None:
        cached = self._cache_path(on)
        found = self._read_cache(on, cached)
        if found is not None:
            return found
        if self.offline:
            return None
        url = self.url(on)
        document, answered = self._fetch(on, url)
        try:
            published, rate = parse_rates_xml(document)
        except (ET.ParseError, ValueError, InvalidOperation) as error:
            raise RateFetchError(on, f"unreadable answer from {url}: {error}") from None
        if published != on:
            raise RateFetchError(on, f"{url} answered with the rates of {published.isoformat()}")
        wrong = implausible_rate(rate)
        if wrong:
            raise RateFetchError(on, f"{url}: {wrong}")
        self._write_cache(cached, {"date": on.isoformat(), "rate": str(rate), "url": answered})
        return self._rate(on, rate, answered)

    def _fetch(self, on: date, url: str) -> tuple[bytes, str]:
        """The answer's bytes (at most `MAX_ANSWER_BYTES`, within `deadline`) and the URL that gave them."""
        end = time.monotonic() + self.deadline
        opener = urllib.request.build_opener(_SameHost)
        try:
            with opener.open(url, timeout=min(self.timeout, self.deadline)) as response:  # noqa: S310
                length = response.headers.get("Content-Length")
                if length and length.strip().isdigit() and int(length) > MAX_ANSWER_BYTES:
                    raise RateFetchError(on, f"{url}: the answer is {int(length)} bytes, more than {MAX_ANSWER_BYTES}")
                chunks, size = [], 0
                while True:
                    left = end - time.monotonic()
                    if left <= 0:
                        raise RateFetchError(on, f"{url}: no complete answer within {self.deadline} s")
                    _set_timeout(response, min(self.timeout, left))
                    chunk = response.read1(_CHUNK) if hasattr(response, "read1") else response.read(_CHUNK)
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > MAX_ANSWER_BYTES:
                        raise RateFetchError(on, f"{url}: the answer is longer than {MAX_ANSWER_BYTES} bytes")
                    chunks.append(chunk)
                return b"".join(chunks), response.geturl()
        except RateFetchError:
            raise
        except TimeoutError:
            raise RateFetchError(on, f"{url}: no answer within the time allowed") from None
        except (urllib.error.URLError, OSError, ValueError) as error:  # http.client errors are OSError or ValueError
            raise RateFetchError(on, f"{url}: {error}") from None
        except http.client.HTTPException as error:  # a broken answer (a bad status line, an incomplete body)
            raise RateFetchError(on, f"{url}: {type(error).__name__}: {error}") from None

    def _read_cache(self, on: date, path: Path) -> UsdRate | None:
        """The cached rate, or None when there is none or it cannot be used (with a `CacheWarning`)."""
        folder = path.parent
        if folder.is_symlink():
            warnings.warn(
                f"{folder}: a symlink inside the NBK cache is not followed; the cache is not used",
                CacheWarning,
                stacklevel=3,
            )
            return None
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        except FileNotFoundError:
            return None
        except OSError as error:
            return self._corrupt_miss(path, f"cannot be opened ({error.strerror or error}; a symlink is not followed)")
        try:
            with os.fdopen(fd, "rb") as f:
                if not _is_regular(f.fileno()):
                    return self._corrupt_miss(path, "is not a regular file")
                raw = f.read(MAX_CACHE_BYTES + 1)
        except OSError as error:
            return self._corrupt_miss(path, f"cannot be read ({error.strerror or error})")
        if len(raw) > MAX_CACHE_BYTES:
            return self._corrupt_miss(path, f"is longer than {MAX_CACHE_BYTES} bytes")
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            rate = Decimal(str(data["rate"]))
            url = data["url"]
            if data["date"] != on.isoformat():
                raise ValueError(f"it is for {data['date']!r}")
            if not isinstance(url, str) or not isinstance(data["rate"], str):
                raise ValueError("the rate or url is not a string")
        except (ValueError, KeyError, TypeError, InvalidOperation, UnicodeDecodeError) as error:
            return self._corrupt_miss(path, f"is not a cached rate ({type(error).__name__}: {error})")
        wrong = implausible_rate(rate)
        if wrong:
            return self._corrupt_miss(path, wrong)
        return self._rate(on, rate, url)

    def _corrupt_miss(self, path: Path, why: str) -> Any:  # always None: "as if absent", whatever the caller returns
        """A corrupt or planted cache file: warn, and answer as if it were absent (None)."""
        action = "ignored (offline)" if self.offline else "fetched again"
        warnings.warn(f"{path} {why}: treated as absent, {action}", CacheWarning, stacklevel=4)
        return None

    def _write_cache(self, path: Path, data: dict) -> None:
        """Write `data` as `path` atomically: a temporary file in the same folder, renamed into place
        (a symlink at `path` is replaced, not written through). A cache that cannot be written is a
        `CacheWarning`: the fetched rate is still used."""
        folder = path.parent
        try:
            if folder.is_symlink():
                raise OSError(f"{folder} is a symlink; not followed")
            folder.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    json.dump(data, f)
                    f.flush()
                    os.fsync(f.fileno())
                os.replace(temporary, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError as error:
            warnings.warn(
                f"the NBK cache {path} cannot be written ({error}); the rate is used uncached",
                CacheWarning,
                stacklevel=3,
            )

    @staticmethod
    def _rate(on: date, rate: Decimal, url: str) -> UsdRate:
        return UsdRate(rate, "daily_official", (on, on), (url,), "primary", "fetched from the National Bank")


def _set_timeout(response, seconds: float) -> None:
    """Bound the next read of `response` (an http.client response over a socket) by `seconds`."""
    sock = getattr(getattr(getattr(response, "fp", None), "raw", None), "_sock", None)
    if sock is not None:
        sock.settimeout(max(seconds, 0.001))


def _is_regular(fd: int) -> bool:
    return stat.S_ISREG(os.fstat(fd).st_mode)
