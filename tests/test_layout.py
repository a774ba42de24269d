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
                found.extend(f"{where}:{node.lineno} import {a.name}" for a in node.names
                             if a.name.startswith("_") and not a.name.startswith("__") and a.name != "_moved")
    assert not found, found
