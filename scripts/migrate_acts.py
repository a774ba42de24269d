"""Replace inline act tables by references to the acts registry (statutes/kz/acts.toml).

    python scripts/migrate_acts.py [FILE_OR_DIR ...]     (default: statutes/kz/cc statutes/kz/ac)

Each line `act = { number = "180-VI", date = …, … }` whose act the registry holds becomes
`act = "180-VI"`; when the table's `entry_into_force` differs from the registry's rule, the line
`entry_into_force = "…"` follows it, with the table's words unchanged, so that the version keeps
the rule it stated. Everything else in the file (comments, order, spacing) is left as it was.
A table whose date differs from the registry's, or that has a key the registry cannot carry
(`article`), is left inline and reported; so is an act the registry does not hold. A title or URL
that differs from the registry's is reported (the registry's value wins; say why in its notes).
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from penalties.data.acts import load_acts

_INLINE = re.compile(r"^(?P<indent>\s*)act\s*=\s*(?P<table>\{.*\})(?P<tail>\s*(#.*)?)$")


def _basic_string(text: str) -> str:
    encoded = json.dumps(text, ensure_ascii=False)
    assert tomllib.loads(f"x = {encoded}")["x"] == text
    return encoded


def migrate_text(text: str, registry, name: str = "") -> tuple[str, list[str]]:
    """The migrated text and a report line for each table not migrated or migrated with a difference."""
    out, report = [], []
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        body = line.rstrip("\r\n")
        ending = line[len(body) :]
        match = _INLINE.match(body)
        if not match:
            out.append(line)
            continue
        table = tomllib.loads(f"act = {match['table']}")["act"]
        act = registry.get(table.get("number", ""))
        where = f"{name}:{number}"
        if act is None:
            report.append(f"{where}: {table.get('number')!r} is not in the registry; left inline")
            out.append(line)
            continue
        if table.get("date") != act.date or set(table) - {"number", "date", "title", "entry_into_force", "url"}:
            report.append(f"{where}: {act.number} differs from the registry in date or has other keys; left inline")
            out.append(line)
            continue
        for key in ("title", "url"):
            if table.get(key) is not None and table.get(key) != getattr(act, key):
                report.append(
                    f"{where}: {act.number} {key} {table[key]!r} replaced by the registry's {getattr(act, key)!r}"
                )
        out.append(f"{match['indent']}act = {_basic_string(act.number)}{match['tail']}{ending}")
        rule = table.get("entry_into_force")
        if rule is not None and rule != act.entry_into_force:
            out.append(f"{match['indent']}entry_into_force = {_basic_string(rule)}{ending or chr(10)}")
    return "".join(out), report


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parent.parent
    registry = load_acts(root / "statutes" / "kz" / "acts.toml")
    targets = [Path(a) for a in argv] or [root / "statutes" / "kz" / "cc", root / "statutes" / "kz" / "ac"]
    files = [f for t in targets for f in (sorted(t.glob("*.toml")) if t.is_dir() else [t])]
    changed = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        new, report = migrate_text(text, registry, str(path))
        for line in report:
            print(line)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed += 1
    print(f"{changed} of {len(files)} file(s) changed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
