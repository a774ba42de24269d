"""`penalties draft`: pasted official text in, the TOML of an article file out.

The fixture is CC art. 146 as the official redaction of 13.11.2015 has it (tests/data/, source in
its first line); the expected values are that text's own words.
"""

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from penalties.data.drafting import draft_article, parse_article
from penalties.errors import UserInputError

TEXT = (Path(__file__).parent / "data" / "cc146_2015-11-13.md").read_text(encoding="utf-8")
FOOTNOTE = (
    "\n   Сноска. Статья 146 с изменениями, внесенными Законом РК от 12.07.2018 № 180-VІ (вводится в действие "
    "по истечении десяти календарных дней после дня его первого официального опубликования).\n"
)


def test_the_parts_and_their_sanctions_are_read():
    draft = parse_article(TEXT)
    assert (draft.code, draft.article, draft.title) == ("cc", "146", "Пытки")
    assert [p.part for p in draft.parts] == ["1", "2", "3"]  # the items 1)-4) of part 2 are not parts
    assert draft.parts[2].sanction.startswith("наказывается лишением свободы на срок от пяти до двенадцати лет")


def test_the_toml_parses_and_carries_the_quoted_values():
    data = tomllib.loads(draft_article(TEXT))
    part1 = data["parts"][0]["versions"][0]
    assert part1["sanctions"][0]["main"][0] == {"kind": "fine", "max": "5000 MCI"}  # "до пяти тысяч"
    assert part1["sanctions"][0]["additional"] == [{"kind": "deprivation_of_right", "max": "3 year", "mandatory": True}]
    assert data["parts"][1]["versions"][0]["sanctions"][0]["main"] == [
        {"kind": "imprisonment", "min": "3 year", "max": "7 year"}
    ]  # "от трех до семи лет"
    assert "valid_from" not in part1  # the dates are the contributor's to fill in


def test_the_footnotes_acts_are_listed_with_their_first_day():
    text = draft_article(TEXT + FOOTNOTE)
    # signed 12.07.2018, ten days after publication: 23.07.2018 at the earliest
    assert "#   180-VІ of 12.07.2018 (amended): from 2018-07-23 at the earliest" in text


def test_an_unreadable_sanction_is_left_to_the_contributor():
    text = draft_article(
        TEXT.replace(
            "наказывается лишением свободы на срок от трех до семи лет",
            "наказывается ссылкой на срок от трех до семи лет",
        )
    )
    assert "TODO the sanction reader cannot read this wording" in text


@pytest.mark.parametrize("text", ["", "   ", "1. Что-то – наказывается штрафом."])
def test_text_that_is_not_an_article_is_a_user_error(text):
    with pytest.raises(UserInputError):
        draft_article(text)


def test_the_command_reads_standard_input_and_fails_in_one_line():
    ok = subprocess.run(
        [sys.executable, "-m", "penalties", "draft"], input=TEXT, capture_output=True, text=True, check=False
    )
    assert ok.returncode == 0 and tomllib.loads(ok.stdout)["article"] == "146"
    bad = subprocess.run(
        [sys.executable, "-m", "penalties", "draft"], input="hello", capture_output=True, text=True, check=False
    )
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
