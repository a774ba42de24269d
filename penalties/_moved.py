"""Old import paths of the modules and names that moved in 0.2, kept working for one release.

`import penalties.statutes` (or `from penalties import render`) still works and returns the module
at its new place, with a DeprecationWarning naming it; so does a name that moved out of its module
(`penalties.law.mci.load_mci`, now in `penalties.data.mci`). Nothing is imported until an old path is
asked for.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
import warnings

MOVED = {
    "model": "law.provisions",
    "kinds": "law.kinds",
    "quantities": "law.quantities",
    "provenance": "law.provenance",
    "general_part": "law.general_part",
    "mci_index": "law.mci",
    "rates": "law.rates",
    "data_paths": "data.paths",
    "tomlfile": "data.toml",
    "statutes": "data.articles",
    "mitior": "reasoning.mitior",
    "notices": "output.notices",
    "formatting": "output.formatting",
    "render": "output.render",
}


class _Alias(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname, path=None, target=None):
        package, _, name = fullname.rpartition(".")
        if package != "penalties" or name not in MOVED:
            return None
        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec):
        new = "penalties." + MOVED[spec.name.rpartition(".")[2]]
        warnings.warn(f"{spec.name} moved to {new}", DeprecationWarning, stacklevel=3)
        return importlib.import_module(new)

    def exec_module(self, module):
        pass  # the module at its new place is already executed


def names(module: str, moved: dict[str, str]):
    """A module's `__getattr__` for names that moved to another module: `from penalties.law.mci
    import load_mci` still works, with a DeprecationWarning naming the new place."""

    def __getattr__(name: str):
        new = moved.get(name)
        if new is None:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        warnings.warn(f"{module}.{name} moved to penalties.{new}", DeprecationWarning, stacklevel=2)
        return getattr(importlib.import_module(f"penalties.{new}"), name)

    __getattr__.moved = moved  # type: ignore[attr-defined]  # read by tests/test_layout.py
    return __getattr__


def install() -> None:
    if not any(isinstance(finder, _Alias) for finder in sys.meta_path):
        sys.meta_path.append(_Alias())
