"""Reading rate tables: the shipped USD/KZT series (`statutes/kz/rates/usd_kzt.toml`) and a user's CSV, checked.

`usd_rate(on, rates=None)` is the rate that applies on a date: from the caller's sources first,
then from the shipped table (`shipped_rates()`, kept by the store).
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..errors import DataFileError, MissingRateError, RateFileError
from ..law.provenance import VERIFICATION_LEVELS
from ..law.rates import CARRY_DAYS, RateSource, RateTable, Span, UsdRate, implausible_rate
from .checker import Checker
from .paths import statutes_dir
from .store import cached
from .toml import Problem, read_toml


def read_rate_csv(path: str | Path, source: str | None = None, table: type[RateTable] = RateTable) -> RateTable:
    """`RateTable.from_csv`: a user's table of official daily rates, read and checked."""
    path = Path(path)
    text = read_rate_file(path)
    spans, problems = [], []
    seen: dict[date, int] = {}
    origin = source or path.absolute().as_uri()
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        fields = {name.strip().lower(): name for name in (reader.fieldnames or []) if name is not None}
        if "date" not in fields or "rate" not in fields:
            raise RateFileError(
                [
                    Problem(
                        str(path),
                        1,
                        "a rate table needs the columns 'date' and 'rate'"
                        + (" (the file is empty)" if not text.strip() else ""),
                    )
                ]
            )
        for row in reader:
            here = reader.line_num
            try:
                day = date.fromisoformat(row[fields["date"]].strip())
                rate = Decimal(row[fields["rate"]].strip())
            except (ValueError, InvalidOperation, AttributeError, TypeError):
                problems.append(Problem(str(path), here, f"cannot read date/rate from {_row(row)}"))
                continue
            wrong = implausible_rate(rate)
            if wrong:
                problems.append(Problem(str(path), here, f"{day.isoformat()}: {wrong}"))
                continue
            if day in seen:
                problems.append(
                    Problem(
                        str(path),
                        here,
                        f"{day.isoformat()} is given twice (first on line {seen[day]}); keep one rate per day",
                    )
                )
                continue
            seen[day] = here
            spans.append(Span(day, day, rate, "user_table", (origin,), "unverified"))
    except csv.Error as error:
        raise RateFileError([Problem(str(path), reader.line_num or None, f"not a CSV table: {error}")]) from None
    if problems:
        raise RateFileError(problems)
    return table(spans, name=str(path), carry_days=CARRY_DAYS)


#: a rate table larger than this is refused unread (a daily table since 1993 is under 1 MB)
MAX_RATE_FILE_BYTES = 64 * 1024 * 1024


def read_rate_file(path: Path) -> str:
    """The text of a user's rate table, or `RateFileError` saying why it cannot be read."""

    def refuse(message: str, line: int | None = None):
        return RateFileError([Problem(str(path), line, message)])

    try:
        if path.is_dir():
            raise refuse("is a directory, not a CSV file")
        with path.open("rb") as f:
            data = f.read(MAX_RATE_FILE_BYTES + 1)
    except FileNotFoundError:
        raise refuse("no such rate file") from None
    except OSError as error:
        raise refuse(f"cannot read the rate file: {error.strerror or error}") from None
    if len(data) > MAX_RATE_FILE_BYTES:
        raise refuse(f"larger than {MAX_RATE_FILE_BYTES // 1024 // 1024} MB; not a rate table")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise refuse(
            "not UTF-8 text (a binary file, or a spreadsheet not saved as CSV UTF-8)",
            data.count(b"\n", 0, error.start) + 1,
        ) from None
    if "\x00" in text:
        raise refuse(
            "not a CSV table (it contains NUL bytes: a binary file?)", text.count("\n", 0, text.index("\x00")) + 1
        )
    return text


def _row(row: dict) -> str:
    text = repr({k: v for k, v in row.items() if k is not None})
    return text if len(text) <= 80 else text[:77] + "..."


def load_shipped_rates(path=None) -> RateTable:
    path = path or statutes_dir() / "kz" / "rates" / "usd_kzt.toml"
    data, lines = read_toml(path)
    checker = Checker(path, lines)
    checker.keys(data, (), {"derivation"}, {"daily_official", "monthly_average", "annual_average"})
    derivation = data.get("derivation", {})
    checker.keys(derivation, ("derivation",), {"method", "input", "verification", "sources"}, set())
    derived_sources = tuple(derivation.get("sources", ()))
    spans = []
    periods: dict[str, list[tuple[date, date, tuple]]] = {}
    for basis in ("daily_official", "monthly_average", "annual_average"):
        for i, row in enumerate(data.get(basis, [])):
            where = (basis, i)
            rate_text = checker.typed(row, "rate", where, str)
            try:
                rate = Decimal(rate_text) if rate_text and rate_text.strip() else None
            except InvalidOperation:
                checker.problem(where + ("rate",), f"not a decimal: {rate_text!r}")
                rate = None
            if basis == "daily_official":
                checker.keys(row, where, {"date", "rate", "verification", "sources"}, {"notes"})
                start = end = checker.typed(row, "date", where, date)
                sources = tuple(row.get("sources", ()))
                verification = row.get("verification", "secondary")
            else:
                # an average derived by scripts/derive_usd_averages.py carries the file's [derivation];
                # one stated by a source (a statistical release, a data service) names it itself
                checker.keys(row, where, {"valid_from", "valid_to", "rate"}, {"notes", "sources", "verification"})
                start, end = checker.interval(row, where)
                if "sources" in row or "verification" in row:
                    sources, verification = _stated(checker, row, where)
                else:
                    sources, verification = derived_sources, derivation.get("verification", "secondary")
            wrong = implausible_rate(rate) if rate is not None else None
            if wrong:
                checker.problem(where + ("rate",), wrong)
            elif rate_text is not None and not rate_text.strip():
                checker.problem(where + ("rate",), "the rate is empty")
            if start is not None and end is not None and rate is not None and not wrong:
                spans.append(Span(start, end, rate, basis, sources, verification))
                periods.setdefault(basis, []).append((start, end, where))
    for basis, dated in periods.items():  # one rate per day and basis: a second one would win or lose silently
        dated.sort(key=lambda p: p[0])
        for (_, end, first), (start, _, where) in itertools.pairwise(dated):
            if start <= end:
                checker.problem(
                    where,
                    f"{basis} from {start} overlaps the one at line "
                    f"{checker.lines.line_of(first)} (to {end}); one rate per day",
                )
    if checker.problems:
        raise DataFileError(checker.problems)
    return RateTable(spans, name=str(path))


def _stated(checker: Checker, row: dict, where: tuple) -> tuple[tuple[str, ...], str]:
    """The sources and verification of an average a source states (not one the script derived)."""
    sources = checker.typed(row, "sources", where, list, [])
    if not sources or not all(isinstance(s, str) and s.startswith(("http://", "https://")) for s in sources):
        checker.problem(where + ("sources",), "a stated average names its sources as a list of http(s) URLs")
    verification = checker.typed(row, "verification", where, str)
    if verification not in VERIFICATION_LEVELS:
        checker.problem(
            where + ("verification",),
            f"'verification' should be one of {', '.join(VERIFICATION_LEVELS)}, got {verification!r}",
        )
    return tuple(sources), verification or "unverified"


@cached
def shipped_rates() -> RateTable:
    return load_shipped_rates()


def find_rate(on: date, rates: RateSource | Iterable[RateSource] | None = None) -> UsdRate | None:
    """Like `usd_rate`, but None where no source has a rate."""
    for source in _sources(rates):
        found = source.lookup(on)
        if found is not None:
            return found
    return None


def usd_rate(on: date, rates: RateSource | Iterable[RateSource] | None = None) -> UsdRate:
    """The USD/KZT rate that applies on `on`: from `rates` first (a table, a fetcher, or a list of
    them), then from the shipped table."""
    from .. import inputs

    on, rates = inputs.a_date(on, "on"), inputs.rate_sources(rates)
    for source in _sources(rates):
        found = source.lookup(on)
        if found is not None:
            return found
    raise MissingRateError(on, shipped_rates().coverage())


def _sources(rates) -> tuple:
    if rates is None:
        return (shipped_rates(),)
    if hasattr(rates, "lookup"):
        return (rates, shipped_rates())
    return (*rates, shipped_rates())
