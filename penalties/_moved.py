"""Old import paths of the modules that moved into sub-packages in 0.2, kept working for one release.

`import penalties.statutes` (or `from penalties import render`) still works and returns the module
at its new place, with a DeprecationWarning naming it. Nothing is imported until an old path is asked for.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
import warnings

MOVED = {
    "model": "law.provisions", "kinds": "law.kinds", "quantities": "law.quantities",
    "provenance": "law.provenance", "general_part": "law.general_part", "mci_index": "law.mci",
    "rates": "law.rates", "data_paths": "data.paths", "tomlfile": "data.toml",
    "statutes": "data.articles", "mitior": "reasoning.mitior", "notices": "output.notices",
    "formatting": "output.formatting", "render": "output.render",
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


def install() -> None:
    if not any(isinstance(finder, _Alias) for finder in sys.meta_path):
        sys.meta_path.append(_Alias())
