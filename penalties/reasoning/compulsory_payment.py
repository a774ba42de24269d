"""The compulsory payment to the victims' compensation fund (CC arts 98-1, 98-2): its amount for an
offence's category, in MCI and in tenge on the MCI's valuation day.

`payment_rule()` is the one implementation of the rule: `Assessment.compulsory_payment`,
`penalties.review` (an amount imposed that is exactly the payment) and the batch's
`compulsory_payment_mci` / `compulsory_payment_kzt` columns all call it. The wording applied is the
one in force on the day decided (the payment is collected by the court with the judgment, art.
98-1: "взыскивается судом"); the tenge are the MCI count times the MCI on the case's valuation day
(the articles do not name the day the MCI is taken on; `penalties.review` also accepts the MCI of
the judgment's day). None where the payment does not apply or is not encoded: an administrative
offence, a category the data does not have, a day before the articles exist (132-VI, 2018-07-01)
or inside an unread span, an abolished offence.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs

from ..data.mci import mci
from ..data.sentencing import sentencing_rules
from ..errors import UnreadWordingError, UserInputError
from ..law.quantities import decimal_text
from ..law.sentencing import RULE_CATEGORIES, SentencingRule


@attrs.frozen
class CompulsoryPayment:
    """The payment for a case: the rule's wording (`rule`: art. 98-2, its quote and sources), the
    amount in MCI for the category, and in tenge at the MCI of `valued_on` (None where that MCI is
    not encoded)."""

    rule: SentencingRule
    category: str
    mci: int
    kzt: Decimal | None
    valued_on: date

    def to_dict(self) -> dict:
        return {"article": self.rule.article, "code": self.rule.code, "category": self.category, "mci": self.mci,
                "kzt": decimal_text(self.kzt), "valued_on": self.valued_on.isoformat(),
                "verification": self.rule.verification, "sources": list(self.rule.sources)}


def payment_rule(code: str, category: str | None, on: date) -> tuple[SentencingRule, int] | None:
    """The wording of art. 98-2 in force on `on` and its MCI count for `category`; None where none applies."""
    if code != "cc" or category not in RULE_CATEGORIES:
        return None
    try:
        found = sentencing_rules("cc").in_force("compulsory_payment", on)
    except UnreadWordingError:
        return None
    for rule in found:
        count = rule.params["by_category"].get(category)
        if count is not None:
            return rule, int(count)
    return None


def compulsory_payment(code: str, category: str | None, decided: date, valued_on: date,
                       abolished: bool = False) -> CompulsoryPayment | None:
    """The payment for an offence of `category` decided on `decided`, in tenge at the MCI of `valued_on`."""
    if abolished:
        return None
    found = payment_rule(code, category, decided)
    if found is None:
        return None
    rule, count = found
    try:
        kzt: Decimal | None = Decimal(count) * mci(valued_on, purpose="fine")
    except UserInputError:   # no MCI encoded for the day
        kzt = None
    assert category is not None
    return CompulsoryPayment(rule, category, count, kzt, valued_on)
