"""`penalties.review` and the caps on the shipped data (statutes/kz/cc/sentencing.toml): values
traced to the quotes in that file and to the MCI table (statutes/kz/indices/mci.toml)."""

from datetime import date

import pytest

import penalties
from penalties.data.sentencing import sentencing_rules
from penalties.errors import MissingRuleError

FRAUD = "CC 190(1)"
ON = date(2016, 6, 1)


def test_a_cap_not_encoded_is_a_missing_rule_error():
    # the shipped data has no preparation cap yet (statutes/kz/cc/sentencing.toml)
    if sentencing_rules("cc").in_force("preparation_cap", ON):
        pytest.skip("the shipped data now has the preparation cap")
    with pytest.raises(MissingRuleError):
        penalties.assess(FRAUD, on=ON, stage="preparation")


def test_the_compulsory_payment_on_the_shipped_data():
    # CC art. 98-2 (statutes/kz/cc/sentencing.toml): "1) уголовные проступки – пяти месячных расчетных показателей"
    # CC 403(1) is a criminal misdemeanour (statutes/kz/cc/403.toml); the MCI of 2019 is 2525 KZT (indices/mci.toml)
    r = penalties.review("CC 403(1)", date(2019, 6, 1), imposed="5 МРП")
    item = r.items[0]
    assert item.reason == "compulsory_payment" and item.verdict == "within_sanction"
    assert "уголовные проступки – пяти месячных расчетных показателей" in item.compulsory_payment.text_ru
    assert penalties.review("CC 403(1)", date(2019, 6, 1), imposed="12 625 тенге").items[0].reason == "compulsory_payment"


