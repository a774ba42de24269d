"""A corpus of broken statute trees: each is refused by `penalties check` with the file and the line,
and the library, pointed at it, raises `DataFileError` instead of computing a wrong amount.

Every class of defect the reliability audit planted and `check` accepted (shared/audits/reliability.md,
H2 and L2) has a mutation here. A mutated tree is a small copy of `statutes/` (the registry, both
General Parts, the MCI, the rates and CC 403), with one text replaced or one file removed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from penalties.data.articles import check_report

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

MCI, RATES, CC_GP, CC403 = "kz/indices/mci.toml", "kz/rates/usd_kzt.toml", "kz/cc/general.toml", "kz/cc/403.toml"
VERSION_1 = 'verified_through = 2018-07-22\nsources = [\n  "https://zan.gov.kz/client/#!/doc/81097/rus/24.11.2015"'
FIRST_LIMIT = 'valid_to = 2018-07-22\nact = "226-V"\nentry_into_force = "2015-01-01"'

#: (name, file, text, replacement, what the problem says, where: "change" = the line of the text or
#: of the key or table header just above it, "file" = some line of the file); a replacement of None
#: removes the file
MUTATIONS = [
    ("mci zero", MCI, "kzt = 2121", "kzt = 0", "implausible", "change"),
    ("mci negative", MCI, "kzt = 2121", "kzt = -2121", "implausible", "change"),
    ("mci in tiyn", MCI, "kzt = 2121", "kzt = 212100000", "implausible", "change"),
    ("rate NaN", RATES, 'rate = "188.38"', 'rate = "NaN"', "not a finite number", "change"),
    ("rate Infinity", RATES, 'rate = "188.38"', 'rate = "Infinity"', "not a finite number", "change"),
    ("rate zero", RATES, 'rate = "188.38"', 'rate = "0"', "not positive", "change"),
    ("rate negative", RATES, 'rate = "188.38"', 'rate = "-188.38"', "not positive", "change"),
    ("rate empty", RATES, 'rate = "188.38"', 'rate = ""', "empty", "change"),
    ("rate of 100 dollars", RATES, 'rate = "188.38"', 'rate = "18838"', "implausible", "change"),
    ("two rates for one day", RATES, "date = 2015-08-21", "date = 2015-08-20", "one rate per day", "change"),
    (
        "overlapping monthly averages",
        RATES,
        "valid_from = 2015-05-01",
        "valid_from = 2015-04-15",
        "one rate per day",
        "change",
    ),
    (
        "overlapping General-Part limits",
        CC_GP,
        FIRST_LIMIT,
        FIRST_LIMIT.replace("2018-07-22", "2019-07-22"),
        "overlaps",
        "file",
    ),
    (
        "equivalence per 0 day",
        CC_GP,
        '{ of = "imprisonment", per = "1 day", equals = { arrest',
        '{ of = "imprisonment", per = "0 day", equals = { arrest',
        "positive term",
        "change",
    ),
    (
        "equivalent of 0 MCI",
        CC_GP,
        'per = "1 hour", equals = { fine = "1 MCI"',
        'per = "1 hour", equals = { fine = "0 MCI"',
        "positive amount",
        "change",
    ),
    (
        "General-Part fine limit of 10^32 MCI",
        CC_GP,
        'max = "500 MCI"',
        'max = "100000000000000000000000000000000 MCI"',
        "implausible",
        "change",
    ),
    (
        "duplicate kind in one sanction",
        CC403,
        '  { kind = "fine", max = "300 MCI" },\n',
        '  { kind = "fine", max = "300 MCI" },\n  { kind = "fine", max = "3000 MCI" },\n',
        "appears twice",
        "file",
    ),
    (
        "fine of 0 MCI",
        CC403,
        '{ kind = "fine", max = "300 MCI" }',
        '{ kind = "fine", max = "0 MCI" }',
        "not a positive amount",
        "change",
    ),
    (
        "fine of 10^32 MCI",
        CC403,
        '{ kind = "fine", max = "300 MCI" }',
        '{ kind = "fine", max = "100000000000000000000000000000000 MCI" }',
        "implausible",
        "change",
    ),
    ("arrest of 10^9 days", CC403, 'max = "75 day"', 'max = "1000000000 day"', "implausible", "change"),
    (
        "500-year ban",
        CC403,
        'kind = "deprivation_of_right", max = "1 year"',
        'kind = "deprivation_of_right", max = "500 year"',
        "implausible",
        "change",
    ),
    (
        "verified_through in the future",
        CC403,
        VERSION_1,
        VERSION_1.replace("2018-07-22", "2099-01-01"),
        "in the future",
        "change",
    ),
    (
        "verified_through before its act",
        CC403,
        VERSION_1,
        VERSION_1.replace("2018-07-22", "2014-01-01"),
        "before act",
        "change",
    ),
    (
        "act dated after the version",
        CC403,
        'valid_from = 2015-01-01\nvalid_to = 2018-07-22\nact = "226-V"',
        'valid_from = 2015-01-01\nvalid_to = 2018-07-22\nact = "180-VI"',
        "dated after",
        "file",
    ),
    (
        "source without a host",
        CC403,
        '"https://zan.gov.kz/client/#!/doc/81097/rus/24.11.2015",',
        '"https://",',
        "needs a host",
        "change",
    ),
    ("part 01 beside 1", CC403, 'part = "1"', 'part = "01"', "should be a number", "change"),
    (
        "article id not an article number",
        CC403,
        'article = "403"',
        'article = "four hundred and three"',
        "does not match",
        "change",
    ),
    ("no CC General Part", CC_GP, None, None, "required file is missing", None),
    ("no AC General Part", "kz/ac/general.toml", None, None, "required file is missing", None),
    ("no MCI", MCI, None, None, "required file is missing", None),
    ("no rates", RATES, None, None, "required file is missing", None),
    ("no acts registry", "kz/acts.toml", None, None, "required file is missing", None),
]


def _tree(tmp_path: Path, file: str, text: str | None, replacement: str | None) -> tuple[Path, int | None]:
    """A copy of the small tree with the mutation applied, and the line the changed text starts on."""
    root = _small_tree(tmp_path / "statutes")
    path = root / file
    if replacement is None:
        path.unlink()
        return root, None
    content = path.read_text(encoding="utf-8")
    assert text in content, f"the mutation's text is no longer in {file}: update the corpus"
    path.write_text(content.replace(text, replacement, 1), encoding="utf-8")
    return root, content[: content.index(text)].count("\n") + 1


#: run in a fresh interpreter, so that the trees' data never meets this process's caches (tests
#: elsewhere compare provisions by identity): each tree in turn, `store.clear()` between them
_LIBRARY_RUN = """
import json, os, sys
from datetime import date
import penalties
from penalties.data import store
from penalties.errors import DataFileError
from penalties.data.general_part import general_part
out = []
for root, file in json.loads(sys.argv[1]):
    os.environ["PENALTIES_STATUTES"] = root
    store.clear()
    try:
        if file == "kz/ac/general.toml":  # the small tree has no AC article: read as an AC case would
            general_part("ac")
        else:
            a = penalties.assess("CC 403(1)", on=date(2016, 6, 1))
            out.append(["returned", a.main[0].max.value.kzt.__str__(), sorted(i.kind for i in a.main)])
            continue
    except DataFileError as error:
        out.append(["DataFileError", str(error)])
    except Exception as error:
        out.append([type(error).__name__, str(error)])
    else:
        out.append(["returned", None, None])
print(json.dumps(out))
"""


def _small_tree(root: Path) -> Path:
    for name in TREE:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SHIPPED / name, root / name)
    return root


def _run_library(cases: list[tuple[Path, str]]) -> list[list]:
    env = {k: v for k, v in os.environ.items() if k != "PENALTIES_STATUTES"}
    env["PYTHONPATH"] = str(SHIPPED.parent) + os.pathsep + env.get("PYTHONPATH", "")
    done = subprocess.run(
        [sys.executable, "-c", _LIBRARY_RUN, json.dumps([[str(r), f] for r, f in cases])],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_unmutated_small_tree_is_valid(tmp_path):
    root = _small_tree(tmp_path / "statutes")
    problems, _, files = check_report(root)
    assert problems == [] and files == len(TREE)


def test_the_library_assesses_the_small_tree_and_refuses_every_broken_one(tmp_path):
    good = _small_tree(tmp_path / "good")
    trees = [(good, CC403)]
    for i, (_, file, text, replacement, _, _) in enumerate(MUTATIONS):
        trees.append((_tree(tmp_path / str(i), file, text, replacement)[0], file))
    [unmutated, *broken] = _run_library(trees)
    # CC 403(1) in 2016: a fine up to 300 MCI at the 2016 MCI of 2,121 tenge; no arrest, which could
    # not be imposed before 2017-01-01 (CC art. 45 put into effect then: cc/general.toml)
    assert unmutated[0] == "returned" and unmutated[1] == str(300 * 2121) and "arrest" not in unmutated[2]
    for (name, file, *_), (root, _), result in zip(MUTATIONS, trees[1:], broken, strict=True):
        assert result[0] == "DataFileError", f"{name}: the library gave {result}"
        assert str(root / file) in result[1], f"{name}: {result[1]}"


@pytest.mark.parametrize(
    ("name", "file", "text", "replacement", "says", "where"), MUTATIONS, ids=[m[0] for m in MUTATIONS]
)
def test_check_names_the_file_and_line(tmp_path, name, file, text, replacement, says, where):
    root, line = _tree(tmp_path, file, text, replacement)
    problems, _, _ = check_report(root)
    mine = [p for p in problems if Path(p.path) == root / file and says in p.message]
    assert mine, f"{name}: check did not refuse it as expected; it said {problems}"
    if where == "change":
        assert any(p.line and 0 <= line - p.line <= 2 for p in mine), (
            f"{name}: expected line {line} (or the header just above it), got {[p.line for p in mine]}"
        )
    elif where == "file":
        assert all(p.line for p in mine)
