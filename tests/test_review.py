"""`penalties.review`: each imposed item against the range `assess()` gives and the General-Part
rules that can widen it; the imposed-punishment reader; the narrowing by stage and plea agreement.

Rule values come from the fixture (tests/fixtures/sentencing: test values, not law) unless a test
says it uses the shipped data; sanction values from the statute files named in comments.
"""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import penalties
from penalties import reviewing
from penalties.cli import main
from penalties.data.sentencing import load_sentencing
from penalties.errors import ImposedPunishmentError, UserInputError
from penalties.imposed import read_imposed
from penalties.law.quantities import Measure
from penalties.reasoning import narrowing

FIXTURE = Path(__file__).parent / "fixtures" / "sentencing" / "kz"
FRAUD = "CC 190(1)"  # 2016: imprisonment up to 2 years (statutes/kz/cc/190.toml), 6 months the GP minimum
ON = date(2016, 6, 1)


@pytest.fixture(scope="module")
def fixture_rules():
    rules = {
        code: load_sentencing(FIXTURE / code / name)
        for code, name in (("cc", "sentencing.toml"), ("ac", "limitation.toml"))
    }
    with pytest.MonkeyPatch.context() as patch:  # module scope: the Hypothesis tests share it, unchanged
        for module in (narrowing, reviewing):
            patch.setattr(module, "sentencing_rules", rules.__getitem__)
        yield rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18 months imprisonment", [("imprisonment", Measure(18, "month"))]),
        ("1 год 6 месяцев лишения свободы", [("imprisonment", Measure(18, "month"))]),
        ("лишение свободы сроком на 2 года", [("imprisonment", Measure(24, "month"))]),
        (
            "1 year restriction of freedom + 3 years ban",
            [("restriction_of_freedom", Measure(12, "month")), ("deprivation_of_right", Measure(36, "month"))],
        ),
        (
            "ограничение свободы на 1 год и лишение права занимать определенные должности сроком на 3 года",
            [("restriction_of_freedom", Measure(12, "month")), ("deprivation_of_right", Measure(36, "month"))],
        ),
        ("27,000 KZT", [("fine", Measure(27000, "KZT"))]),
        ("27 000 тенге", [("fine", Measure(27000, "KZT"))]),
        ("штраф в размере 100 МРП", [("fine", Measure(100, "MCI"))]),
        ("15 days arrest", [("arrest", Measure(15, "day"))]),
        ("200 часов общественных работ", [("community_service", Measure(200, "hour"))]),
        ("life imprisonment", [("life_imprisonment", None)]),
    ],
)
def test_the_reader_reads_judgments_as_written(text, expected):
    assert [(i.kind, i.measure) for i in read_imposed(text)] == expected


@pytest.mark.parametrize(
    "text", ["18 monkeys imprisonment", "imprisonment", "5 years", "1 year fine", "", "штраф 10 лет", "27 000 долларов"]
)
def test_the_reader_refuses_what_it_cannot_read(text):
    with pytest.raises(ImposedPunishmentError):
        read_imposed(text)


def test_within_the_sanction(fixture_rules):
    r = penalties.review(FRAUD, ON, imposed="18 months imprisonment")
    assert r.verdict == "within_sanction" and r.items[0].reason == "in_range"


def test_below_the_minimum_is_lawful_only_by_exceptional_mitigation(fixture_rules):
    r = penalties.review(FRAUD, ON, imposed="3 months imprisonment")
    item = r.items[0]
    assert r.verdict == "within_if" and item.reason == "below_minimum"
    assert [c.rule.rule for c in item.rules] == ["exceptional_mitigation"] and item.rules[0].rule.article == "55(5)"


def test_a_kind_the_sanction_lacks(fixture_rules):
    r = penalties.review(FRAUD, ON, imposed="200 hours community service")
    assert r.verdict == "within_if" and r.items[0].reason == "kind_not_in_sanction"
    assert "milder_kind_than_the_sanction" in r.items[0].rules[0].conditions


def test_life_imprisonment_beyond_the_sanction_is_outside(fixture_rules):
    r = penalties.review(FRAUD, ON, imposed="life imprisonment")
    assert r.verdict == "outside" and r.items[0].reason == "kind_not_in_sanction" and not r.items[0].rules


def test_above_the_maximum_only_for_several_offences_and_never_beyond_their_cap(fixture_rules):
    several = penalties.review(FRAUD, ON, imposed="3 years imprisonment")
    assert several.verdict == "within_if" and several.items[0].rules[0].rule.rule == "aggregate_offences"
    longer = penalties.review(FRAUD, ON, imposed="21 years imprisonment")  # the fixture: 20 years, 25 years
    assert [c.rule.rule for c in longer.items[0].rules] == ["aggregate_sentences"]
    beyond = penalties.review(FRAUD, ON, imposed="26 years imprisonment")
    assert beyond.verdict == "outside" and beyond.items[0].unencoded == ()


def test_an_unencoded_rule_makes_it_undetermined_not_unlawful(monkeypatch):
    empty = penalties.law.sentencing.SentencingRules("cc", path="statutes/kz/cc/sentencing.toml", present=False)
    monkeypatch.setattr(reviewing, "sentencing_rules", lambda code: empty)
    r = penalties.review(FRAUD, ON, imposed="3 months imprisonment")
    assert r.verdict == "undetermined" and r.items[0].unencoded == ("exceptional_mitigation",)


def test_stage_and_plea_agreement_narrow_the_range(fixture_rules):
    plain = penalties.assess(FRAUD, on=ON)
    attempt = penalties.assess(FRAUD, on=ON, stage="attempt")
    prison = {i.kind: i for i in attempt.main}["imprisonment"]
    assert prison.max.value == Decimal(18) and prison.max.basis == "sentencing_rule"  # 3/4 of 24 months
    assert {i.kind: i for i in plain.main}["imprisonment"].max.value == 24
    both = penalties.assess(FRAUD, on=ON, stage="preparation", plea_agreement="plea")
    # the fixture: preparation 1/2 (12 months), plea 1/2 of the maximum (12 months): both hold
    assert {i.kind: i for i in both.main}["imprisonment"].max.value == 12
    assert [c.reason for c in both.caps] == ["preparation", "plea_agreement:plea"]
    assert any(s.topic == "General Part" and "56(2)" in s.text for s in both.steps)
    assert (
        penalties.review(FRAUD, ON, imposed="20 months imprisonment", stage="attempt").items[0].reason
        == "above_maximum"
    )


def test_a_plea_agreement_of_an_unnamed_kind_is_refused_where_the_kinds_differ(fixture_rules):
    with pytest.raises(UserInputError, match="say which"):
        penalties.assess(FRAUD, on=ON, plea_agreement=True)
    with pytest.raises(UserInputError):
        penalties.assess(FRAUD, on=ON, stage="finished")


def test_json_text_and_cli(fixture_rules, capsys):
    r = penalties.review(FRAUD, ON, imposed="1 год 6 месяцев лишения свободы + 5 000 000 тенге")
    doc = r.to_dict()
    assert doc["verdict"] == "outside" or doc["verdict"] in reviewing.VERDICTS
    assert [i["imposed"]["kind"] for i in doc["items"]] == ["imprisonment", "fine"]
    assert doc["items"][1]["reason"] == "above_maximum"  # 1000 MCI = 2,121,000 KZT at most in 2016
    assert "Вывод" in r.format("ru") and "Қорытынды" in r.format("kk")
    assert main(["review", FRAUD, "--on", "2016-06-01", "--imposed", "18 months imprisonment", "--json"]) == 0
    assert '"verdict": "within_sanction"' in capsys.readouterr().out
    assert main(["review", FRAUD, "--on", "2016-06-01", "--imposed", "18 monkeys"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "monkeys" in err


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_review_accepts_what_assess_allows(fixture_rules, data):
    a = penalties.assess(FRAUD, on=ON)
    item = data.draw(st.sampled_from([i for i in a.main if i.unit == "month"]))
    months = data.draw(st.integers(int(item.min.value), int(item.max.value)))
    words = {"imprisonment": "imprisonment", "restriction_of_freedom": "restriction of freedom"}[item.kind]
    assert penalties.review(FRAUD, ON, imposed=f"{months} months {words}").verdict == "within_sanction"


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["preparation", "attempt"]), st.sampled_from([None, "plea", "cooperation"]))
def test_a_cap_never_widens_the_range(fixture_rules, stage, agreement):
    plain = {i.kind: i for i in penalties.assess(FRAUD, on=ON).main}
    narrowed = penalties.assess(FRAUD, on=ON, stage=stage, plea_agreement=agreement)
    for item in narrowed.main:
        before = plain[item.kind]
        if item.unit == "money":
            assert item.max.value.mci <= before.max.value.mci
        else:
            assert item.max.value <= before.max.value
