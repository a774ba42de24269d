"""The General-Part sentencing rules' loader (penalties.data.sentencing) and `penalties check`.

The values asserted here are the fixture's (tests/fixtures/sentencing: test values in the data
format, not law); the law's own values are pinned by tests/test_sentencing_data.py and
tests/test_limitation.py.
"""

import textwrap
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest

from penalties.cli import main
from penalties.data.articles import check
from penalties.data.sentencing import load_sentencing
from penalties.errors import DataFileError, MissingRuleError, UnreadWordingError
from penalties.law.quantities import Measure
from penalties.law.sentencing import SentencingRules

FIXTURE = Path(__file__).parent / "fixtures" / "sentencing" / "kz"

RULE = """\
schema = 1

[[rules]]
rule = "attempt_cap"
article = "56(3)"
valid_from = 2015-01-01
act = "226-V"
verification = "secondary"
sources = ["https://example.org/fixture"]
text_ru = "fixture"
[rules.params]
max_fraction = "3/4"
"""


def write(tmp_path, text, code="cc", name="sentencing.toml"):
    folder = tmp_path / "kz" / code
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems(tmp_path, text, code="cc"):
    path = write(tmp_path, text, code, "sentencing.toml" if code == "cc" else "limitation.toml")
    found, _ = check(path)
    return [(p.line, p.message) for p in found]


def test_fixture_loads_with_fractions_terms_and_numbers():
    rules = load_sentencing(FIXTURE / "cc" / "sentencing.toml")
    attempt = rules.require("attempt_cap", date(2016, 1, 1))
    assert attempt.fraction() == Fraction(3, 4) and attempt.article == "56(3)"
    assert attempt.params["no_life_or_death"] is True
    limitation = rules.require("limitation", date(2016, 1, 1))
    assert limitation.params["by_category"]["grave"] == Measure(180, "month")  # "15 year" in the fixture
    plea = rules.require("plea_agreement_cap", date(2016, 1, 1))
    assert plea.params["by_agreement"]["cooperation"] == Fraction(2, 3)
    payment = rules.require("compulsory_payment", date(2019, 1, 1))
    assert payment.params["by_category"]["medium"] == 15


def test_a_gap_refuses_and_a_day_outside_every_wording_is_missing():
    rules = load_sentencing(FIXTURE / "cc" / "sentencing.toml")
    with pytest.raises(UnreadWordingError) as error:
        rules.require("limitation", date(2020, 6, 1))
    assert error.value.unread_from == date(2020, 1, 1) and "fixture: a year" in str(error.value)
    with pytest.raises(MissingRuleError) as missing:
        rules.require("limitation", date(2021, 6, 1))
    assert "2015-01-01 to 2020-12-31" in str(missing.value)
    with pytest.raises(MissingRuleError):
        rules.require("compulsory_payment", date(2018, 6, 30))  # the fixture's payment starts 2018-07-01


def test_a_missing_file_raises_only_where_a_rule_is_needed():
    rules = SentencingRules("cc", path="statutes/kz/cc/sentencing.toml", present=False)
    with pytest.raises(MissingRuleError, match="is missing"):
        rules.require("limitation", date(2016, 1, 1))
    assert rules.in_force("limitation", date(2016, 1, 1)) == ()


def test_good_file_passes_check(tmp_path):
    assert problems(tmp_path, RULE) == []


@pytest.mark.parametrize(
    ("replace", "by", "line", "message"),
    [
        ('rule = "attempt_cap"', 'rule = "attempt_capp"', 4, "unknown rule 'attempt_capp'"),
        ('max_fraction = "3/4"', 'max_fraction = "three quarters"', 12, "cannot read the fraction"),
        ('max_fraction = "3/4"', 'max_fraction = "4/3"', 12, "above 1"),
        ('max_fraction = "3/4"', 'max_fraction = "3/0"', 12, "non-zero"),
        ('max_fraction = "3/4"', "max_fraction = 0.75", 12, "written as a string"),
        ('max_fraction = "3/4"', 'fraction = "3/4"', 11, "attempt_cap needs params max_fraction"),
        ('sources = ["https://example.org/fixture"]', "sources = []", 9, "at least one source"),
        ('verification = "secondary"', 'verification = "read it somewhere"', 8, "'verification' should be one of"),
        ('verification = "secondary"', 'verification = "primary"', 8, "needs 'verified_through'"),
        ('act = "226-V"', 'act = "999-IX"', 7, "unknown act '999-IX'"),
        ('article = "56(3)"', 'article = "art. 56"', 5, "article should be a number"),
        ('text_ru = "fixture"', 'text_ru = "fixture"\ncolour = "blue"', 11, "unknown key 'colour'"),
    ],
)
def test_check_names_the_line_of_each_problem(tmp_path, replace, by, line, message):
    found = problems(tmp_path, RULE.replace(replace, by))
    assert any(ln == line and message in text for ln, text in found), found


def test_overlapping_wordings_of_one_rule_are_refused(tmp_path):
    second = RULE.split("\n", 2)[2].replace("2015-01-01", "2016-01-01")
    found = problems(tmp_path, RULE + "\n" + second)
    assert any(ln == 17 and "overlaps the previous one" in text for ln, text in found), found


def test_a_gap_needs_its_reason_and_both_ends(tmp_path):
    gap = """\
    schema = 1

    [[rules]]
    rule = "limitation"
    article = "62"
    gap = true
    valid_from = 2018-01-08
    reason = ""
    """
    found = problems(tmp_path, gap, code="ac")
    assert any("missing key 'valid_to'" in text for _, text in found), found
    assert any(ln == 8 and "needs its reason" in text for ln, text in found), found


def test_a_bad_category_or_term_is_refused(tmp_path):
    text = RULE.replace('rule = "attempt_cap"', 'rule = "limitation"').replace(
        'max_fraction = "3/4"', 'by_category = { minor = "2 year", petty = "1 year", grave = "ten year" }'
    )
    found = [t for _, t in problems(tmp_path, text)]
    assert any("unknown category 'petty'" in t for t in found), found
    assert any("cannot read 'ten year'" in t for t in found), found


def test_penalties_check_exits_1_with_file_and_line(tmp_path, capsys):
    write(tmp_path, RULE.replace('"3/4"', '"3/x"'))
    assert main(["check", str(tmp_path / "kz" / "cc" / "sentencing.toml")]) == 1
    assert "sentencing.toml:12: max_fraction" in capsys.readouterr().err


def test_a_broken_rules_file_is_a_data_file_error(tmp_path):
    with pytest.raises(DataFileError):
        load_sentencing(write(tmp_path, RULE.replace("schema = 1", "schema = 2")))
