"""`penalties check`: every kind of malformed data is reported with its file and line."""

import textwrap

import pytest

from penalties.cli import main
from penalties.data.articles import check

GOOD = """\
code = "cc"
article = "999"

[title]
ru = "Пример"

[[parts]]
part = "1"

[[parts.versions]]
valid_from = 2015-01-01
valid_to = 2018-07-22
act = { number = "226-V", date = 2014-07-03 }
verification = "primary"
sources = ["https://zan.gov.kz/client/#!/doc/81097/rus/24.11.2015"]

[[parts.versions.sanctions]]
main = [
  { kind = "fine", max = "300 MCI" },
  { kind = "arrest", max = "75 day" },
]

[[parts.versions]]
valid_from = 2018-07-23
act = { number = "180-VI", date = 2018-07-12 }
verification = "secondary"
sources = ["https://example.org/a"]

[[parts.versions.sanctions]]
main = [
  { kind = "fine", max = "160 MCI" },
]
"""


def write(tmp_path, text, name="999.toml", code="cc"):
    folder = tmp_path / "kz" / code
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text))
    return path


def problems_for(tmp_path, text):
    path = write(tmp_path, text)
    found, _ = check(path)
    return [(p.line, p.message) for p in found]


def test_good_file_has_no_problems(tmp_path):
    assert problems_for(tmp_path, GOOD) == []


@pytest.mark.parametrize(
    "old, new, line, fragment",
    [
        ("valid_from = 2018-07-23", "valid_from = 2018-07-20", 24, "overlapping"),
        ("valid_from = 2018-07-23", "valid_from = 2018-08-01", 24, "gap"),
        (
            '{ kind = "fine", max = "160 MCI" }',
            '{ kind = "fine", min = "200 MCI", max = "160 MCI" }',
            31,
            "greater than max",
        ),
        ('verification = "secondary"', 'verification = "secondary"\ncolour = "red"', 27, "unknown key 'colour'"),
        ('sources = ["https://example.org/a"]', "sources = []", 27, "at least one source"),
        ('max = "75 day"', 'max = "75 furlong"', 20, "unknown unit"),
        ('max = "75 day"', 'max = "75 MCI"', 20, "does not fit"),
        ('kind = "arrest"', 'kind = "flogging"', 20, "unknown kind"),
        ('kind = "arrest"', 'kind = "warning"', 20, "takes no amount"),
        ('verification = "primary"', 'verification = "probably"', 14, "verification"),
        ("valid_to = 2018-07-22", "valid_to = 2014-07-22", 12, "before valid_from"),
        ('article = "999"', 'article = "998"', 2, "file name"),
    ],
)
def test_problem_is_reported_at_its_line(tmp_path, old, new, line, fragment):
    assert old in GOOD
    found = problems_for(tmp_path, GOOD.replace(old, new, 1))
    assert any(fragment in message and at == line for at, message in found), found


def test_syntax_error_has_its_line(tmp_path):
    found = problems_for(tmp_path, GOOD.replace('ru = "Пример"', 'ru = "Пример'))
    assert found and found[0][0] == 5 and "TOML syntax" in found[0][1]


def test_cli_check_exit_status(tmp_path, capsys):
    path = write(tmp_path, GOOD.replace('max = "75 day"', 'max = "75 furlong"'))
    assert main(["check", str(path)]) == 1
    assert f"{path}:20:" in capsys.readouterr().err
    path.write_text(GOOD)
    assert main(["check", str(path)]) == 0


def test_shipped_statutes_are_valid(capsys):
    assert main(["check"]) == 0, capsys.readouterr().err


def test_moved_to_must_name_an_encoded_provision(tmp_path):
    tail = GOOD[GOOD.rindex('sources = ["https://example.org/a"]') :]
    abolished = GOOD.replace(tail, 'sources = ["https://example.org/a"]\nabolished = true\nmoved_to = "kz.ac.999.1"\n')
    write(tmp_path, abolished)
    found, _ = check(tmp_path, whole_tree=False)
    assert [p.message for p in found] == ["kz.cc.999.1: moved_to 'kz.ac.999.1' is not an encoded provision"]
