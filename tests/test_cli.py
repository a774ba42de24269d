"""The command line: outputs, the JSON contract, and exit status 2 with one line for bad input."""

import json
import subprocess
import sys

import pytest

from penalties.cli import main


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_show_text(capsys):
    code, out, _ = run(capsys, "show", "CC 403(1)", "--on", "2017-06-01")
    assert code == 0 and "25 MCI – 300 MCI" in out and "56,725.00 KZT – 680,700.00 KZT" in out
    assert "30 days – 75 days" in out


def test_show_json_matches_python(capsys):
    from datetime import date

    import penalties

    code, out, _ = run(capsys, "show", "CC 403(1)", "--on", "2016-06-01", "--json")
    assert code == 0
    assert json.loads(out) == json.loads(json.dumps(penalties.assess("CC 403(1)", on=date(2016, 6, 1)).to_dict()))


@pytest.mark.parametrize(
    "args, fragment",
    [
        (("show", "CC 98(1)", "--on", "2016-06-01"), "closest known"),
        (("show", "CC 403(1)", "--on", "2014-12-31"), "2015-01-01"),
        (("show", "CC 403(1)", "--on", "2027-03-01"), "MCI"),
        (("convert", "100", "MCI", "--to", "USD", "--on", "2025-06-01"), "--rates"),
        (("convert", "100", "MCI", "--to", "EUR", "--on", "2021-03-01"), "unknown unit"),
        (("show", "AC 489(1)", "--on", "2020-01-01", "--offender", "official"), "legal_entity"),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys, args, fragment):
    code, _, err = run(capsys, *args)
    assert code == 2
    assert err.count("\n") == 1 and fragment in err and "Traceback" not in err


def test_history_json(capsys):
    code, out, _ = run(capsys, "history", "CC 403(2)", "--json")
    versions = json.loads(out)
    assert code == 0 and [v["valid_from"] for v in versions] == ["2015-01-01", "2018-07-23"]
    # the 2015 wording: "штрафом в размере до пятисот … арестом на срок до девяноста суток … на срок до трех лет"
    assert versions[0]["main"][0] == {"kind": "fine", "min": None, "max": {"mci": "500"}}
    assert versions[0]["main"][3] == {"kind": "arrest", "min": None, "max": 90, "unit": "day"}
    assert versions[0]["additional"] == [
        {"kind": "deprivation_of_right", "min": None, "max": 36, "unit": "month", "mandatory": True}
    ]
    assert versions[0]["sanctions"][0]["offenders"] == ["individual"]


def test_convert_json(capsys):
    _, out, _ = run(capsys, "convert", "5000", "MCI", "--to", "KZT", "--on", "2019-06-01", "--json")
    assert json.loads(out) == {
        "amount": "12625000",
        "unit": "KZT",
        "from": {"amount": "5000", "unit": "MCI"},
        "on": "2019-06-01",
        "rate": {"mci_kzt": "2525"},
    }


def test_list_json_gives_coverage(capsys):
    _, out, _ = run(capsys, "list", "--code", "cc", "--json")
    items = {i["provision"]: i for i in json.loads(out)}
    assert items["kz.cc.403.1"]["first"] == "2015-01-01" and items["kz.cc.403.1"]["last"] is None
    assert [v["verification"] for v in items["kz.cc.403.1"]["versions"]] == ["primary", "primary"]


def test_python_dash_m():
    result = subprocess.run(
        [sys.executable, "-m", "penalties", "convert", "1", "MCI", "--to", "KZT", "--on", "2026-02-01"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "4325 KZT"


def test_docs_coverage_is_up_to_date(capsys):
    from pathlib import Path

    assert main(["coverage"]) == 0
    generated = capsys.readouterr().out
    committed = (Path(__file__).parent.parent / "docs" / "coverage.md").read_text()
    assert generated == committed, "run: penalties coverage > docs/coverage.md"


def test_coverage_names_every_article_of_the_newest_texts(capsys):
    # issue 12: docs/coverage.md accounts for every Special-Part article of the newest redaction read,
    # either as encoded (a row per provision) or in the table of articles with nothing encoded
    import re

    from penalties.data.readings import readings

    assert main(["coverage"]) == 0
    page = capsys.readouterr().out
    listed = set(re.findall(r"^\| (CC|AC) ([0-9]+(?:-[0-9]+)?)[ (]", page, flags=re.M))
    for code in ("cc", "ac"):
        newest = max(
            ((day, articles) for (day, lang), articles in readings(code).items() if lang == "ru"),
            key=lambda item: item[0],
        )[1]
        missing = {n for n in newest if (code.upper(), n) not in listed}
        assert not missing, f"{code.upper()} articles in neither table: {sorted(missing)[:10]}"
    # the table of articles with nothing encoded gives the builder's reason (AC 623: items without a part)
    assert re.search(r"^\| AC 623 \| .* \| part - item 1: sub-paragraphs", page, flags=re.M)
