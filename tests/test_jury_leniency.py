"""No rule for a jury's verdict of leniency: neither CC Section 4 nor the Criminal Procedure Code has
one (statutes/kz/cc/sentencing.toml, header: CPC Section 14, arts 630-666, read in the 16.09.2025
redaction). The header quotes the only jury rules on punishment, CPC art. 656(12)-(13), vote
thresholds. Encoding a `jury_leniency` rule needs a text to quote: this test then has to change."""

from datetime import date
from pathlib import Path

import pytest

from penalties.data.sentencing import sentencing_rules
from penalties.errors import MissingRuleError

HEADER = (Path(__file__).resolve().parent.parent / "statutes/kz/cc/sentencing.toml").read_text(encoding="utf-8")


def test_no_jury_leniency_rule_is_encoded():
    rules = sentencing_rules("cc")
    assert rules.coverage("jury_leniency") == (None, None)
    with pytest.raises(MissingRuleError):
        rules.require("jury_leniency", date(2024, 1, 1))


def test_the_header_records_what_was_read_for_it():
    lines = [line[2:] for line in HEADER.splitlines() if line.startswith("# ")]
    text = " ".join(lines)
    assert "commit 006d21b1c6f40a5a32cbf79b650b9cf72cba4aa8" in text and "(arts 630-666)" in text
    assert (
        "Наказание в виде лишения свободы на срок свыше пятнадцати лет может быть назначено, если за такое "
        "решение проголосовало восемь и более голосующих."
    ) in text
    assert (
        "Пожизненное лишение свободы может быть назначено только при наличии единогласного решения судьи и "
        "присяжных заседателей."
    ) in text
