"""Sphinx configuration: Markdown pages (MyST) and one generated page per encoded provision."""

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE / "_ext"))

project = "penalties"
author = "penalties developers"
copyright = "2026, penalties developers"
extensions = ["myst_parser", "provision_pages"]
myst_enable_extensions = ["colon_fence", "deflist"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "research"]
html_theme = "alabaster"
html_static_path = []
html_title = "penalties: Kazakh penalties by date"
suppress_warnings = ["myst.header"]
