"""`penalties.review` and the caps on the shipped data (statutes/kz/cc/sentencing.toml): values
traced to the quotes in that file and to the MCI table (statutes/kz/indices/mci.toml)."""

from datetime import date

import pytest

import penalties
from penalties.data.sentencing import sentencing_rules
from penalties.errors import MissingRuleError

FRAUD = "CC 190(1)"
ON = date(2016, 6, 1)


def test_the_unfinished_offence_caps_on_the_shipped_data():
    # CC art. 56(2), (3) (statutes/kz/cc/sentencing.toml): preparation "не может превышать половины
    # максимального срока", attempt "трех четвертей"; CC 190(1) in 2016: imprisonment up to 2 years
    # (statutes/kz/cc/190.toml)
    [preparation] = sentencing_rules("cc").in_force("preparation_cap", ON)
    [attempt] = sentencing_rules("cc").in_force("attempt_cap", ON)
    assert "не может превышать половины максимального срока" in preparation.text_ru
    assert "не может превышать трех четвертей максимального срока" in attempt.text_ru

    def prison(stage):
        [item] = [i for i in penalties.assess(FRAUD, on=ON, stage=stage).main if i.kind == "imprisonment"]
        return item.max.value

    assert prison(None) == 24  # months
    assert prison("preparation") == 12 and prison("attempt") == 18


def test_a_cap_in_an_unread_or_unencoded_period_is_refused():
    # before the Codes: no rule is in force, and the engine says so instead of applying none
    with pytest.raises((MissingRuleError, penalties.OutOfCoverageError)):
        penalties.assess(FRAUD, on=date(2014, 6, 1), stage="preparation")


def test_the_compulsory_payment_on_the_shipped_data():
    # CC art. 98-2 (statutes/kz/cc/sentencing.toml): "1) уголовные проступки – пяти месячных расчетных показателей"
    # CC 403(1) is a criminal misdemeanour (statutes/kz/cc/403.toml); the MCI of 2019 is 2525 KZT (indices/mci.toml)
    r = penalties.review("CC 403(1)", date(2019, 6, 1), imposed="5 МРП")
    item = r.items[0]
    assert item.reason == "compulsory_payment" and item.verdict == "within_sanction"
    assert "уголовные проступки – пяти месячных расчетных показателей" in item.compulsory_payment.text_ru
    assert (
        penalties.review("CC 403(1)", date(2019, 6, 1), imposed="12 625 тенге").items[0].reason == "compulsory_payment"
    )
