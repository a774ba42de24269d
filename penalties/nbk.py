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
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from .errors import MissingRateError
from .law.rates import UsdRate

DEFAULT_URL = "https://nationalbank.kz/rss/get_rates.cfm"


class RateFetchError(MissingRateError):
    """The National Bank's rate for the date could not be fetched or read."""

    def __init__(self, when: date, reason: str):
        super().__init__(when)
        self.reason = reason
        self.args = (f"no USD/KZT rate for {when.isoformat()}: the National Bank fetcher failed ({reason})",)


def parse_rates_xml(document: bytes | str, currency: str = "USD") -> tuple[date, Decimal]:
    """The publication date and the rate per one unit of `currency` in a National Bank XML document."""
    root = ET.fromstring(document)
    published = datetime.strptime(root.findtext("date", "").strip(), "%d.%m.%Y").date()
    for item in root.iter("item"):
        if (item.findtext("title") or "").strip().upper() == currency:
            rate = Decimal((item.findtext("description") or "").strip())
            quant = Decimal((item.findtext("quant") or "1").strip() or "1")
            if rate <= 0 or quant <= 0:
                raise ValueError(f"non-positive rate or quant for {currency}")
            return published, rate / quant
    raise ValueError(f"no {currency} item in the document")


class NBKRates:
    """A rate source (`lookup(date) -> UsdRate | None`) backed by the National Bank's daily XML."""

    def __init__(self, cache_dir: str | Path, base_url: str = DEFAULT_URL, timeout: float = 10.0,
                 offline: bool = False):
        self.cache_dir = Path(cache_dir).expanduser()
        self.base_url = base_url
        self.timeout = timeout
        self.offline = offline  # True: answer from the cache only

    def _cache_path(self, on: date) -> Path:
        return self.cache_dir / "usd_kzt" / f"{on.isoformat()}.json"

    def url(self, on: date) -> str:
        return f"{self.base_url}?fdate={on.strftime('%d.%m.%Y')}"

    def lookup(self, on: date) -> UsdRate | None:
        cached = self._cache_path(on)
        if cached.exists():
            data = json.loads(cached.read_text())
            return self._rate(on, Decimal(data["rate"]), data["url"])
        if self.offline:
            return None
        url = self.url(on)
        try:
            with urllib.request.urlopen(url, timeout=self.timeout) as response:  # noqa: S310 - fixed https URL
                document = response.read()
        except (urllib.error.URLError, OSError) as error:
            raise RateFetchError(on, f"{url}: {error}") from None
        try:
            published, rate = parse_rates_xml(document)
        except (ET.ParseError, ValueError, InvalidOperation) as error:
            raise RateFetchError(on, f"unreadable answer from {url}: {error}") from None
        if published != on:
            raise RateFetchError(on, f"{url} answered with the rates of {published.isoformat()}")
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(json.dumps({"date": on.isoformat(), "rate": str(rate), "url": url}))
        return self._rate(on, rate, url)

    @staticmethod
    def _rate(on: date, rate: Decimal, url: str) -> UsdRate:
        return UsdRate(rate, "daily_official", (on, on), (url,), "primary", "fetched from the National Bank")
