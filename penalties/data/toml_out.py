"""Writing article files: the small subset of TOML they use, laid out as the hand-written files are.

Scalars are strings, booleans, integers and dates; a version's sanctions are
`[[parts.versions.sanctions]]` tables whose items are inline tables, one per line.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date


def scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a TOML basic string is a JSON string
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {scalar(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(scalar(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _block(lines: list[str], table: dict, skip: set[str]) -> None:
    for key, value in table.items():
        if key in skip:
            continue
        # a list of several strings, or of inline tables, one element a line
        if (
            isinstance(value, list)
            and value
            and (all(isinstance(v, dict) for v in value) or (len(value) > 1 and all(isinstance(v, str) for v in value)))
        ):
            lines.append(f"{key} = [")
            lines.extend(f"  {scalar(v)}," for v in value)
            lines.append("]")
        else:
            lines.append(f"{key} = {scalar(value)}")


def article_toml(article: dict, header: Sequence[str] = ()) -> str:
    """The text of an article file for `article` ({code, article, title, notes?, parts})."""
    lines = [f"# {h}" if h else "#" for h in header]
    _block(lines, article, {"title", "parts"})
    lines += ["", "[title]"]
    _block(lines, article["title"], set())
    for part in article["parts"]:
        label = " ".join(f"{k} {part[k]}" for k in ("part", "item") if k in part) or "the article"
        lines += ["", f"# {'-' * 64} {label}", "[[parts]]"]
        _block(lines, part, {"gaps", "versions"})
        for gap in part.get("gaps", []):
            lines += ["", "[[parts.gaps]]"]
            _block(lines, gap, set())
        for version in part["versions"]:
            lines += ["", "[[parts.versions]]"]
            _block(lines, version, {"sanctions"})
            for sanction in version.get("sanctions", []):
                lines += ["", "[[parts.versions.sanctions]]"]
                _block(lines, sanction, set())
    return "\n".join(lines) + "\n"
