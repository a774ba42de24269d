"""The documentation site as a reader sees it: open the generated page of CC 403 (one page per article) in headless
Chromium and check that its table of versions and its chart are rendered.

CI builds the site first (`sphinx-build docs docs/_build/html`) and installs Debian's chromium;
elsewhere the test is skipped when either is missing.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

SITE = Path(__file__).parent.parent / "docs" / "_build" / "html"
PAGE = SITE / "provisions" / "kz.cc.403.html"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]

pytestmark = pytest.mark.skipif(not (CHROMIUM and PAGE.exists()), reason="needs the built site and chromium")


def chromium(tmp_path, *args):
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_table_of_versions_is_in_the_rendered_page(tmp_path):
    dom = chromium(tmp_path, "--dump-dom", PAGE.as_uri()).stdout
    assert "<table" in dom and "226-V" in dom and "180-VI" in dom
    assert "Незаконное вмешательство" in dom and "Қоғамдық бiрлестiктер" in dom
    assert "300 MCI" in dom and "160 MCI" in dom
    # each part links to the web app's form (docs/_ext/provision_pages.py, calculator_url)
    assert 'href="http://127.0.0.1:8000/?reference=CC+403%281%29"' in dom


def test_chart_is_drawn(tmp_path):
    matplotlib_image = pytest.importorskip("matplotlib.image")
    shot = tmp_path / "page.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,2600", PAGE.as_uri())
    pixels = matplotlib_image.imread(shot)[..., :3]
    # matplotlib's first line colour, #1f77b4, appears only if the chart image was loaded and painted
    r, g, b = 0x1F / 255, 0x77 / 255, 0xB4 / 255
    close = (abs(pixels[..., 0] - r) < 0.06) & (abs(pixels[..., 1] - g) < 0.06) & (abs(pixels[..., 2] - b) < 0.06)
    assert close.sum() > 50  # measured: 116 with the chart, 0 on a page without one
