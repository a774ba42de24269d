"""Published sentences as case files (tests/cases/sentences/*.toml, format in docs/contributing-data.md,
"Published sentences"): each is checked against the statute's words, then with `penalties.review`.

The statute file is read here with `tomllib` directly, so a quote is checked against the text and not
against the library. The expected verdicts are the case writer's reading of the law; when one fails,
read the case, the quote and the rules before changing anything (never the expectation to the answer).
"""

import re
import tomllib
from datetime import date
from pathlib import Path

import pytest

import penalties
from penalties.reviewing import REASONS, VERDICTS

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((Path(__file__).parent / "cases" / "sentences").glob("*.toml"))
REFERENCE = re.compile(r"(CC|AC) (\d+(?:-\d+)?)(?:\((\d+(?:-\d+)?)\))?")
SENTENCE_KEYS = {
    "name",
    "source",
    "quote",
    "also",
    "reference",
    "committed",
    "committed_note",
    "decided",
    "decided_note",
    "imposed",
    "verdict",
    "why",
    "offender",
    "stage",
    "plea_agreement",
    "expect",
}
REQUIRED = {"name", "source", "quote", "reference", "committed", "decided", "imposed", "verdict", "why", "expect"}
EXPECT_KEYS = {"kind", "verdict", "reason", "rules", "unencoded", "quote"}


def _sentences():
    for path in FILES:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for i, sentence in enumerate(data["sentences"]):
            yield pytest.param(data["statute"], sentence, id=f"{path.stem}[{i}] {sentence['name'][:60]}")


def _text_on(statute: str, reference: str, day: date) -> str:
    """The sanction's words in force on `day`, as the statute file writes them."""
    _, article, part = REFERENCE.fullmatch(reference).groups()
    data = tomllib.loads((ROOT / statute).read_text(encoding="utf-8"))
    assert Path(statute).stem == article, f"{reference} is not in {statute}"
    (found,) = [p for p in data["parts"] if p.get("part") == part]
    versions = [
        v for v in found["versions"] if v["valid_from"] <= day and ("valid_to" not in v or day <= v["valid_to"])
    ]
    assert len(versions) == 1, f"{statute} part {part}: {len(versions)} versions on {day}"
    return " ".join(versions[0]["text_ru"].split())


def test_there_are_published_sentences():
    assert FILES and sum(1 for _ in _sentences()) >= 5


@pytest.mark.parametrize("statute, sentence", list(_sentences()))
def test_published_sentence(statute, sentence):
    assert REQUIRED <= set(sentence) <= SENTENCE_KEYS, set(sentence) ^ REQUIRED
    assert sentence["source"].startswith("https://") and all(u.startswith("https://") for u in sentence.get("also", []))
    assert sentence["quote"].strip() and sentence["why"].strip()
    assert sentence["committed"] <= sentence["decided"]
    text = _text_on(statute, sentence["reference"], sentence["committed"])
    r = penalties.review(
        sentence["reference"],
        committed=sentence["committed"],
        decided=sentence["decided"],
        imposed=sentence["imposed"],
        offender=sentence.get("offender", "individual"),
        stage=sentence.get("stage"),
        plea_agreement=sentence.get("plea_agreement"),
    )
    assert sentence["verdict"] in VERDICTS and r.verdict == sentence["verdict"], r.to_dict()["items"]
    assert len(r.items) == len(sentence["expect"]), "one expectation per punishment imposed"
    for item, expect in zip(r.items, sentence["expect"], strict=True):
        assert set(expect) <= EXPECT_KEYS, set(expect) - EXPECT_KEYS
        if "quote" in expect:
            assert " ".join(expect["quote"].split()) in text, "the quote is not in the sanction's text_ru"
        assert item.imposed.kind == expect["kind"]
        assert expect["reason"] in REASONS
        assert (item.verdict, item.reason) == (expect["verdict"], expect["reason"])
        assert [c.rule.rule for c in item.rules] == expect.get("rules", [])
        assert list(item.unencoded) == expect.get("unencoded", [])
        for c in item.rules:  # every rule relied on is cited with its official source
            assert c.rule.sources and c.rule.covers(sentence["committed"])


def test_a_ban_added_to_a_main_punishment_is_not_a_milder_kind():
    # CC art. 55(4) lets a court impose "более мягкий вид наказания, чем предусмотрено этой статьей"
    # instead of the sanction's; a ban imposed with a main punishment is an additional one, allowed
    # only by art. 50(3) ("может быть назначено и в случаях, когда оно не предусмотрено …"), read from
    # 2016-01-01 (422-V). CC 174(1) in 2016: "ограничением свободы … либо лишением свободы" only.
    alone = penalties.review("CC 174(1)", date(2016, 6, 1), imposed="5 years ban")
    assert [c.rule.rule for c in alone.items[0].rules] == ["exceptional_mitigation", "ban_beyond_sanction"]
    added = penalties.review("CC 174(1)", date(2016, 6, 1), imposed="3 years imprisonment + 5 years ban")
    ban = added.items[1]
    assert ban.verdict == "within_if" and [c.rule.rule for c in ban.rules] == ["ban_beyond_sanction"]
    assert ban.rules[0].rule.article == "50(3)"
    # art. 50(2): "на срок от одного года до десяти лет": beyond ten years nothing allows it
    beyond = penalties.review("CC 174(1)", date(2016, 6, 1), imposed="3 years imprisonment + 11 years ban")
    assert beyond.items[1].verdict == "outside"
