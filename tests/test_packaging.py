"""The habits of a package: one version source, `penalties --version`, the licence and metadata."""

import subprocess
import sys
import tomllib
from pathlib import Path

import penalties
from penalties.cli import main

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_version_is_written_once():
    project = PYPROJECT["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert PYPROJECT["tool"]["hatch"]["version"]["path"] == "penalties/__init__.py"
    assert (ROOT / "penalties" / "__init__.py").read_text(encoding="utf-8").count(penalties.__version__) == 1


def test_version_option(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"penalties {penalties.__version__}\n"
    run = subprocess.run(
        [sys.executable, "-m", "penalties", "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert run.returncode == 0 and run.stdout.strip() == f"penalties {penalties.__version__}"


def test_licence_file_matches_the_declared_licence():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert PYPROJECT["project"]["license"] == "MIT"
    assert text.startswith("MIT License") and "Copyright (c) 2026 the penalties authors" in text


def test_classifiers_claim_what_is_true():
    classifiers = set(PYPROJECT["project"]["classifiers"])
    assert "Typing :: Typed" in classifiers and (ROOT / "penalties" / "py.typed").exists()
    # the Pythons named are the ones CI runs (.ci/run: the machine's python3, 3.11)
    assert {c for c in classifiers if c.startswith("Programming Language :: Python :: 3.")} == {
        "Programming Language :: Python :: 3.11"
    }
