"""The package's layout: old import paths keep working for one release, with a DeprecationWarning."""

import importlib
import sys
import warnings

import pytest

from penalties._moved import MOVED


@pytest.mark.parametrize("old", sorted(MOVED))
def test_old_import_path_gives_the_moved_module(old):
    sys.modules.pop(f"penalties.{old}", None)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        module = importlib.import_module(f"penalties.{old}")
    assert module is importlib.import_module(f"penalties.{MOVED[old]}")
    assert any(issubclass(w.category, DeprecationWarning) and MOVED[old] in str(w.message) for w in caught)


def test_every_module_opens_with_a_docstring_line():
    import pkgutil

    import penalties

    for info in pkgutil.walk_packages(penalties.__path__, "penalties."):
        if info.name == "penalties.__main__":
            continue  # importing it runs the command line
        module = importlib.import_module(info.name)
        assert (module.__doc__ or "").strip(), f"{info.name} has no docstring saying what it is"


def test_no_module_reads_another_modules_private_names():
    # issue 10: one implementation of each legal step, reached through public names only
    # (`assessment._resolve`, `gp._edges`, `default_index()._series` were read from other modules)
    import ast
    from pathlib import Path

    import penalties

    allowed = {("output/messages.py", "_catalog")}  # gettext's own catalog dict (stdlib), not a module of ours
    found = []
    root = Path(penalties.__file__).parent
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(root).as_posix()
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
                if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                    continue
                if (where, node.attr) not in allowed:
                    found.append(f"{where}:{node.lineno} .{node.attr}")
            if isinstance(node, ast.ImportFrom) and node.module != "__future__":
                found.extend(
                    f"{where}:{node.lineno} import {a.name}"
                    for a in node.names
                    if a.name.startswith("_") and not a.name.startswith("__") and a.name != "_moved"
                )
    assert not found, found


def _runtime_nodes(tree):
    """The nodes of a module that run when it is imported or called (not an `if TYPE_CHECKING:` block)."""
    import ast

    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            skip.update(id(n) for child in node.body for n in ast.walk(child))
    return [node for node in ast.walk(tree) if id(node) not in skip]


def test_law_does_no_file_io():
    # issue 10: law/ holds the encoded law as frozen values; reading and checking statutes/ (and a
    # user's rate file) is data/'s, which owns the caches of what it read (penalties.data.store)
    import ast
    from pathlib import Path

    import penalties

    io_modules = {"pathlib", "os", "io", "csv", "tomllib", "json", "shutil", "glob", "urllib.request"}
    io_calls = {
        "open",
        "read_text",
        "read_bytes",
        "write_text",
        "write_bytes",
        "iterdir",
        "glob",
        "rglob",
        "is_dir",
        "is_file",
        "exists",
        "unlink",
        "mkdir",
        "stat",
    }
    # RateTable.from_csv is a public constructor kept where users find it: it has data/ read the file
    allowed = {("rates.py", "penalties.data.rates")}
    root = Path(penalties.__file__).parent / "law"
    found = []
    for path in sorted(root.glob("*.py")):
        for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"law/{path.name}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Import):
                found.extend(
                    f"{where} import {a.name}"
                    for a in node.names
                    if a.name.split(".")[0] in io_modules or a.name in io_modules or a.name.startswith("penalties.data")
                )
            elif isinstance(node, ast.ImportFrom):
                # the absolute name: `..data.x` from penalties/law/ is penalties.data.x
                base = {0: "", 1: "penalties.law.", 2: "penalties."}[node.level]
                module = base + (node.module or "")
                if (module.startswith("penalties.data") and (path.name, module) not in allowed) or module.split(".")[
                    0
                ] in io_modules:
                    found.append(f"{where} from {module} import ...")
            elif isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
                if name in io_calls:
                    found.append(f"{where} {name}()")
    assert not found, found


def test_caches_are_the_stores():
    # every cache of something read from statutes/ is declared to penalties.data.store, so that
    # store.clear() forgets it; functools' caches remain only for what no statute file changes
    import ast
    from pathlib import Path

    import penalties

    not_data = {
        ("output/messages.py", "catalog"),  # the package's compiled gettext catalogs
        ("output/messages.py", "_whole_plural_index"),
        ("output/messages.py", "_plural_rule"),  # CLDR's rules
        ("searching.py", "_stemmer"),  # a Snowball stemmer object
        ("web/openapi.py", "schema"),
        ("web/openapi.py", "_components"),
        ("web/openapi.py", "document"),  # schema/
    }
    root = Path(penalties.__file__).parent
    found = []
    for path in sorted(root.rglob("*.py")):
        where = path.relative_to(root).as_posix()
        if where == "data/store.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for decorator in node.decorator_list:
                target = decorator.func if isinstance(decorator, ast.Call) else decorator
                name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
                if name in ("cache", "lru_cache") and (where, node.name) not in not_data:
                    found.append(f"{where}:{node.lineno} {node.name}")
    assert not found, found


def test_moved_names_keep_their_old_paths():
    import importlib
    import warnings

    checked = 0
    for old in ("law.mci", "law.rates", "law.general_part", "law.provenance"):
        module = importlib.import_module(f"penalties.{old}")
        for name, new in module.__getattr__.moved.items():
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                value = getattr(module, name)
            assert value is getattr(importlib.import_module(f"penalties.{new}"), name)
            assert any(issubclass(w.category, DeprecationWarning) and new in str(w.message) for w in caught)
            checked += 1
    assert checked >= 12
    with pytest.raises(AttributeError):
        importlib.import_module("penalties.law.mci").no_such_name  # noqa: B018


def _module_map_blocks(text: str) -> dict[str, str]:
    """The module map's entries: each line starting with `name/` or `name.py` opens one, indented lines continue it."""
    import re

    blocks: dict[str, str] = {}
    current = None
    for line in text.splitlines():
        stripped = line.strip()
        opening = re.match(r"([a-z_]+/|[a-z_]+\.py)\s", stripped + " ")
        if opening and not line.startswith(" " * 12):
            current = opening.group(1)
            blocks[current] = blocks.get(current, "") + " " + stripped
        elif current and stripped:
            blocks[current] += " " + stripped
    return blocks


@pytest.mark.parametrize("where", ["penalties/__init__.py", "docs/DESIGN.md"])
def test_the_module_map_names_every_module(where):
    # issue 10: the map in penalties/__init__.py and docs/DESIGN.md matches the layout
    import re
    from pathlib import Path

    import penalties

    root = Path(penalties.__file__).parent
    if where.endswith(".py"):
        text = penalties.__doc__ or ""
    else:
        design = (root.parent / where).read_text(encoding="utf-8")
        text = design[design.index("## Package layout") : design.index("## Data layout")]
    blocks = _module_map_blocks(text)
    everything = " ".join(blocks.values())
    missing = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if relative.name in ("__init__.py", "__main__.py") and len(relative.parts) == 1:
            continue
        if len(relative.parts) == 1:
            if not re.search(rf"\b{re.escape(relative.name)}\b", everything):
                missing.append(relative.as_posix())
        else:
            package = relative.parts[0] + "/"
            if package not in blocks:
                missing.append(package)
            elif relative.name != "__init__.py" and not re.search(rf"\b{relative.stem}\b", blocks[package]):
                missing.append(relative.as_posix())
    assert not missing, f"{where}'s module map does not name {missing}"
