"""Reading TOML data files, and finding the line a value came from.

`tomllib` reports positions only for syntax errors. For the checks that come after parsing, a
`LineMap` maps a path such as `("parts", 0, "versions", 1, "valid_to")` back to a line by scanning
the table headers (`[[parts]]`, `[[parts.versions]]`) and keys of the source text. The data
format puts one table per version, so every path has a header line to fall back on.
"""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal
from pathlib import Path

import attrs

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")
_SYNTAX_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


@attrs.frozen
class Problem:
    """One thing wrong with a data file, with its place."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class LineMap:
    """Line numbers of the tables and keys of one TOML text."""

    def __init__(self, text: str):
        self._lines = text.splitlines()
        # (line number, dotted header name) for every [table] and [[array-of-tables]] header
        self._headers: list[tuple[int, str, bool]] = []
        for number, line in enumerate(self._lines, start=1):
            match = _HEADER.match(line)
            if match:
                self._headers.append((number, match.group(2).replace(" ", ""), match.group(1) == "[["))

    def line_of(self, path: tuple) -> int | None:
        """Best line for `path`; the enclosing table's header when the key itself is not found."""
        start, end = 1, len(self._lines) + 1
        prefix = ""
        best: int | None = None
        i = 0
        while i < len(path):
            key = str(path[i])
            index = path[i + 1] if i + 1 < len(path) and isinstance(path[i + 1], int) else None
            name = f"{prefix}.{key}" if prefix else key
            tables = [(n, aot) for n, h, aot in self._headers if h == name and start <= n < end]
            if tables:
                if tables[0][1]:  # array of tables: take the index-th
                    if index is None or index >= len(tables):
                        return tables[0][0] if index is None else best
                    start = tables[index][0]
                    i += 2
                else:
                    start = tables[0][0]
                    i += 1
                end = next(
                    (n for n, h, _ in self._headers if start < n < end and (h == name or not h.startswith(name + "."))),
                    end,
                )
                best, prefix = start, name
                continue
            # a key of the current table: between its header and the next header of any kind
            body_end = next((n for n, _, _ in self._headers if start < n < end), end)
            for number in range(start, body_end):
                match = _KEY.match(self._lines[number - 1])
                if match and match.group(1) == key:
                    if index is not None:
                        return self._nth_inline_item(number, index, body_end) or number
                    return number
            return best
        return best

    def _nth_inline_item(self, first: int, index: int, end: int) -> int | None:
        """Line of the `index`-th `{ … }` item of an inline array starting at line `first`."""
        seen = -1
        for number in range(first, min(end, len(self._lines) + 1)):
            line = self._lines[number - 1]
            if number > first and _KEY.match(line):
                return None
            seen += line.count("{")
            if seen >= index:
                return number
        return None


def read_toml(path: Path) -> tuple[dict, LineMap]:
    """Parse `path` with exact decimals; raise `DataFileError` with the line of a syntax error."""
    from ..errors import DataFileError

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError([Problem(str(path), None, f"cannot read: {error}")]) from None
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        match = _SYNTAX_POSITION.search(str(error))
        line = int(match.group(1)) if match else None
        raise DataFileError([Problem(str(path), line, f"TOML syntax: {error}")]) from None
    return data, LineMap(text)
