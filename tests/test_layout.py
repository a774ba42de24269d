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
