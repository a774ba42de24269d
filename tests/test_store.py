"""The store (`penalties.data.store`): `clear()` forgets every cache of what was read from `statutes/`."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

SHIPPED = Path(__file__).resolve().parent.parent / "statutes"
TREE = (
    "kz/acts.toml",
    "kz/acts-footnotes.toml",
    "kz/cc/general.toml",
    "kz/ac/general.toml",
    "kz/indices/mci.toml",
    "kz/rates/usd_kzt.toml",
    "kz/cc/403.toml",
)

#: (file, text, replacement): one value of each kind of data the library keeps after reading it
EDITS = (
    ("kz/indices/mci.toml", 'kzt = 3063\npurposes = ["fine", "tax"]', 'kzt = 3064\npurposes = ["fine", "tax"]'),
    ("kz/rates/usd_kzt.toml", 'date = 2015-08-20\nrate = "188.38"', 'date = 2015-08-20\nrate = "188.39"'),
    (
        "kz/cc/general.toml",
        'min = "25 MCI"\nmax = "500 MCI"\nvalid_from = 2015-01-01',
        'min = "30 MCI"\nmax = "500 MCI"\nvalid_from = 2015-01-01',
    ),
    ("kz/cc/403.toml", '{ kind = "fine", max = "300 MCI" }', '{ kind = "fine", max = "290 MCI" }'),
)

#: in a fresh interpreter, so that the edited tree's data never meets this process's caches (other
#: tests compare provisions by identity)
_RUN = """
import json, sys
from datetime import date
from pathlib import Path
import penalties
from penalties.data import store
from penalties.data.general_part import general_part

def read():
    gp = general_part("cc").limit("fine", "criminal_misdemeanour", date(2016, 6, 1))
    a = penalties.assess("CC 403(1)", on=date(2016, 6, 1))
    return {"mci": str(penalties.mci(date(2022, 6, 1))), "rate": str(penalties.usd_rate(date(2015, 8, 20)).kzt_per_usd),
            "gp_min": str(gp.min), "assess": json.dumps(a.to_dict(), default=str), "check": str(penalties.provision("CC 403(1)").versions[0].sanctions[0].main[0].max)}

root = Path(sys.argv[1])
before = read()
for file, text, replacement in json.loads(sys.argv[2]):
    path = root / file
    path.write_text(path.read_text(encoding="utf-8").replace(text, replacement, 1), encoding="utf-8")
stale = read()
store.clear()
print(json.dumps([before, stale, read()]))
"""


def test_clear_forgets_every_cache(tmp_path):
    for name in TREE:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SHIPPED / name, tmp_path / name)
        assert all(text in (SHIPPED / file).read_text(encoding="utf-8") for file, text, _ in EDITS if file == name)
    env = dict(os.environ, PENALTIES_STATUTES=str(tmp_path))
    env["PYTHONPATH"] = str(SHIPPED.parent) + os.pathsep + env.get("PYTHONPATH", "")
    done = subprocess.run(
        [sys.executable, "-c", _RUN, str(tmp_path), json.dumps(EDITS)],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    before, stale, after = json.loads(done.stdout)
    assert stale == before  # read once and kept: the files do not change under a running program
    assert (before["mci"], after["mci"]) == ("3063", "3064")
    assert (before["rate"], after["rate"]) == ("188.38", "188.39")
    assert (before["gp_min"], after["gp_min"]) == ("25 MCI", "30 MCI")
    assert (before["check"], after["check"]) == ("300 MCI", "290 MCI")
    assert before["assess"] != after["assess"]
