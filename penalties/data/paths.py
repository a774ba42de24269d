"""Where the encoded law lives: `statutes/` beside the package (a checkout or editable install),
`penalties/_statutes` inside an installed wheel, or the directory named by `PENALTIES_STATUTES`."""

from __future__ import annotations

import os
from pathlib import Path

from .store import cached


@cached
def statutes_dir() -> Path:
    override = os.environ.get("PENALTIES_STATUTES")
    if override:
        return Path(override)
    here = Path(__file__).resolve().parent.parent  # the penalties/ package
    for candidate in (here / "_statutes", here.parent / "statutes"):
        if (candidate / "kz").is_dir():
            return candidate
    raise FileNotFoundError(
        "the statute data is missing: expected penalties/_statutes (installed) or statutes/ beside the package"
    )
