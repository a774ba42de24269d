"""The compulsory payment to the victims' compensation fund (CC arts 98-1, 98-2): its amount for an
offence's category, in MCI and in tenge on the MCI's valuation day.

`payment_rule()` is the one implementation of the rule: `Assessment.compulsory_payment`,
`penalties.review` (an amount imposed that is exactly the payment) and the batch's
`compulsory_payment_mci` / `compulsory_payment_kzt` columns all call it. The payment is collected
by the court with the judgment (art. 98-1: "взыскивается судом"), and it worsens the position of the
person convicted, so CC art. 6 decides which wording applies, as it does for the sanction: a law
that introduces or raises it has no retroactive force (art. 6(3)), one that lowers or abolishes it
has (art. 6(1)). The wording applied is the mildest of those in force from the day committed to the
day decided, and there is no payment where on any of those days there was none (an offence
committed before the articles existed, 132-VI from 2018-07-01, owes none). The tenge are the MCI count times the MCI on the case's valuation day
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
        return {
            "article": self.rule.article,
            "code": self.rule.code,
            "category": self.category,
            "mci": self.mci,
            "kzt": decimal_text(self.kzt),
            "valued_on": self.valued_on.isoformat(),
            "verification": self.rule.verification,
            "sources": list(self.rule.sources),
        }


def payment_rule(
    code: str, category: str | None, committed: date, decided: date | None = None
) -> tuple[SentencingRule, int] | None:
    """The wording of art. 98-2 applied to an offence of `category` committed on `committed` and
    decided on `decided` (the same day when None), with its MCI count: the mildest of the wordings in
    force from one day to the other (CC art. 6). None where none applies: no wording for the category
    on one of those days, or a day whose wording was not read."""
    if code != "cc" or category not in RULE_CATEGORIES:
        return None
    decided = committed if decided is None or decided < committed else decided
    rules = sentencing_rules("cc")
    # the wording can change only where a wording or an unread span of the rule starts or stops
    days = {committed} | {edge for edge in rules.edges("compulsory_payment") if committed < edge <= decided}
    mildest: tuple[SentencingRule, int] | None = None
    for day in sorted(days):
        try:
            found = rules.in_force("compulsory_payment", day)
        except UnreadWordingError:
            return None
        on_day = next(
            (
                (r, int(r.params["by_category"][category]))
                for r in found
                if r.params["by_category"].get(category) is not None
            ),
            None,
        )
        if on_day is None:
            return None  # a day without the payment between commission and decision: none is owed
        if mildest is None or on_day[1] < mildest[1]:
            mildest = on_day
    return mildest


def compulsory_payment(
    code: str, category: str | None, committed: date, decided: date, valued_on: date, abolished: bool = False
) -> CompulsoryPayment | None:
    """The payment for an offence of `category` committed on `committed` and decided on `decided`,
    in tenge at the MCI of `valued_on`."""
    if abolished:
        return None
    found = payment_rule(code, category, committed, decided)
    if found is None:
        return None
    rule, count = found
    try:
        kzt: Decimal | None = Decimal(count) * mci(valued_on, purpose="fine")
    except UserInputError:  # no MCI encoded for the day
        kzt = None
    assert category is not None
    return CompulsoryPayment(rule, category, count, kzt, valued_on)
