"""`review()`: was this punishment lawful? The punishment imposed, item by item, against the range
`assess()` gives for the case and the General-Part rules that can widen it.

Each imposed item gets a verdict:
- `within_sanction`: inside the range the law provides for the case as given (the sanction with the
  General Part's limits, narrowed by the stage and the plea agreement where given), or exactly the
  compulsory payment (CC arts 98-1, 98-2) for the offence's category;
- `within_if`: outside that range, but inside what a General-Part rule allows when its conditions
  hold (exceptional mitigation below the minimum or of a milder kind; a ban beyond the sanction;
  the total for several offences or sentences): the rules are listed with their conditions, article
  and sources;
- `outside`: outside the range and outside every rule that could allow it, every such rule being
  encoded for the date;
- `undetermined`: outside the range, and a rule that could allow it is not encoded for the date
  (its wording was not read): the library does not say "unlawful" on what it has not read.
The review's verdict is the worst of its items' (in that order). `prior_convictions` is recorded;
the recidivism floors are not applied yet, which the review says.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import cast

import attrs

from .assessment import AssessedItem, Assessment, assess
from .data.mci import mci
from .data.sentencing import sentencing_rules
from .errors import UnreadWordingError, UserInputError
from .imposed import ImposedItem, read_imposed
from .inputs import Amount
from .law.kinds import MONEY, imposable_as
from .law.provisions import Offender, Provision
from .law.quantities import Measure, decimal_text, measure_text
from .law.rates import Rates
from .law.sentencing import SentencingRule
from .reasoning.compulsory_payment import payment_rule

VERDICTS = ("within_sanction", "within_if", "outside", "undetermined")
#: the conditions the review names itself where a rule's data names none (worded in context "condition")
CONDITIONS = (
    "exceptional_circumstances",
    "milder_kind_than_the_sanction",
    "ban_as_additional_punishment",
    "several_offences",
    "several_sentences",
)
#: why an item has its verdict
REASONS = ("in_range", "below_minimum", "above_maximum", "kind_not_in_sanction", "compulsory_payment")


@attrs.frozen
class RuleCondition:
    """A General-Part rule under which an item would be lawful, with what it requires."""

    rule: SentencingRule
    conditions: tuple[str, ...]

    def to_dict(self) -> dict:
        r = self.rule
        return {
            "rule": r.rule,
            "code": r.code,
            "article": r.article,
            "conditions": list(self.conditions),
            "valid_from": r.valid_from.isoformat(),
            "valid_to": r.valid_to.isoformat() if r.valid_to else None,
            "verification": r.verification,
            "sources": list(r.sources),
        }


@attrs.frozen
class ItemReview:
    """One imposed item: its verdict, why (`reason`), the range it was checked against (None where
    the sanction has no such kind), the rules that would allow it (`within_if`) and the rules that
    could but are not encoded for the date (`unencoded`: rule ids)."""

    imposed: ImposedItem
    verdict: str
    reason: str
    range: AssessedItem | None = None
    rules: tuple[RuleCondition, ...] = ()
    unencoded: tuple[str, ...] = ()
    compulsory_payment: SentencingRule | None = None

    def to_dict(self) -> dict:
        return {
            "imposed": self.imposed.to_dict(),
            "verdict": self.verdict,
            "reason": self.reason,
            "range": self.range.to_dict() if self.range is not None else None,
            "rules": [r.to_dict() for r in self.rules],
            "unencoded": list(self.unencoded),
            "compulsory_payment": (
                {"article": self.compulsory_payment.article, "sources": list(self.compulsory_payment.sources)}
                if self.compulsory_payment
                else None
            ),
        }


@attrs.frozen
class Review:
    """The review of a punishment imposed: the assessment it was checked against, and each item's
    verdict. `to_dict()` is the JSON contract (docs/review.md); `format(lang)` the text."""

    assessment: Assessment
    imposed_text: str
    items: tuple[ItemReview, ...]
    prior_convictions: int | None = None

    @property
    def verdict(self) -> str:
        return max((i.verdict for i in self.items), key=VERDICTS.index)

    @property
    def not_applied(self) -> tuple[str, ...]:
        """What the caller gave that the review does not use yet."""
        return ("recidivism_floor",) if self.prior_convictions else ()

    def to_dict(self) -> dict:
        a = self.assessment
        return {
            "provision": a.provision.id,
            "label": a.provision.label,
            "offender": a.offender,
            "dates": a.dates.to_dict(),
            "imposed": self.imposed_text,
            "verdict": self.verdict,
            "items": [i.to_dict() for i in self.items],
            "stage": a.stage,
            "plea_agreement": a.plea_agreement,
            "prior_convictions": self.prior_convictions,
            "not_applied": list(self.not_applied),
            "assessment": a.to_dict(),
        }

    def format(self, lang: str = "en") -> str:
        from .output.render import render_review

        return render_review(self, lang)


def review(
    reference: str | Provision,
    on: date | None = None,
    *,
    imposed: str,
    committed: date | None = None,
    initiated: date | None = None,
    decided: date | None = None,
    offender: Offender = "individual",
    stage: str | None = None,
    plea_agreement: bool | str | None = None,
    prior_convictions: int | None = None,
    base_amount: Amount | None = None,
    rates: Rates = None,
    count: Amount | None = None,
) -> Review:
    """Review the punishment `imposed` ("18 months imprisonment", "1 год 6 месяцев лишения свободы",
    "27 000 тенге") for `reference` on the case's dates (as `assess()` takes them); see the module."""
    items = read_imposed(imposed)
    if prior_convictions is not None and (
        isinstance(prior_convictions, bool) or not isinstance(prior_convictions, int) or prior_convictions < 0
    ):
        raise UserInputError(f"prior_convictions should be a whole number of 0 or more, got {prior_convictions!r}")
    a = assess(
        reference,
        on,
        committed=committed,
        initiated=initiated,
        decided=decided,
        offender=offender,
        base_amount=base_amount,
        rates=rates,
        stage=stage,
        plea_agreement=plea_agreement,
        count=count,
    )
    return Review(a, imposed, tuple(_item(a, item, items) for item in items), prior_convictions)


def _item(a: Assessment, item: ImposedItem, imposed: tuple[ImposedItem, ...] = ()) -> ItemReview:
    if a.abolished:
        return ItemReview(item, "outside", "kind_not_in_sanction")
    # a punishment with a choice ("приостановление или запрещение деятельности") is imposed as one of its kinds
    ranges = [r for r in a.main + a.additional if r.kind == item.kind or item.kind in imposable_as(r.kind)]
    payment = _compulsory_payment(a, item)
    if payment is not None:
        return ItemReview(item, "within_sanction", "compulsory_payment", compulsory_payment=payment)
    if not ranges:
        # a milder kind only: life imprisonment and the death penalty are milder than no other kind
        candidates = [] if item.kind in ("life_imprisonment", "death_penalty") else ["exceptional_mitigation"]
        if item.kind == "deprivation_of_right":
            candidates.append("ban_beyond_sanction")
            # a ban imposed with a punishment of another kind is an additional one: CC art. 55(4)
            # allows a milder kind instead of the sanction's, not a ban added to it (art. 50(3) does)
            if any(other.kind != item.kind and _compulsory_payment(a, other) is None for other in imposed):
                candidates.remove("exceptional_mitigation")
        return _widened(a, item, "kind_not_in_sanction", None, candidates)
    for r in ranges:
        position = _position(r, item, a)
        if position == 0:
            return ItemReview(item, "within_sanction", "in_range", r)
    r = ranges[0]
    position = _position(r, item, a)
    if position < 0:
        return _widened(a, item, "below_minimum", r, ["exceptional_mitigation"])
    return _widened(a, item, "above_maximum", r, ["aggregate_offences", "aggregate_sentences"])


def _position(r: AssessedItem, item: ImposedItem, a: Assessment) -> int:
    """-1 below the range, 0 inside it, 1 above it."""
    if item.measure is None or r.lifelong:
        # a kind imposed without a term ("лишение свидетельства об аккредитации") is within a range that sets none
        return 0 if item.measure is None and (r.lifelong or r.unit is None or (r.min is None and r.max is None)) else 1
    value = _comparable(r, item.measure, a)
    low: Decimal | None
    high: Decimal | None
    if r.unit == MONEY:  # the bounds are Money: compare in the imposed amount's unit
        field = "kzt" if item.measure.unit == "KZT" else "mci"
        low = getattr(r.min.value, field) if r.min else None
        high = getattr(r.max.value, field) if r.max else None
    else:
        low = cast(Decimal, r.min.value) if r.min else None  # a term's bounds are numbers
        high = cast(Decimal, r.max.value) if r.max else None
    if low is not None and value < low:
        return -1
    if high is not None and value > high:
        return 1
    return 0


def _comparable(r: AssessedItem, measure: Measure, a: Assessment) -> Decimal:
    if r.unit == MONEY:
        if measure.unit not in ("KZT", "MCI"):
            raise UserInputError(f"an amount imposed is in tenge or MCI, got {measure.unit}")
        return measure.value
    if measure.unit != r.unit:
        raise UserInputError(f"{r.kind} is measured in {r.unit}s, the imposed term is in {measure.unit}s")
    return measure.value


def _compulsory_payment(a: Assessment, item: ImposedItem) -> SentencingRule | None:
    """The compulsory payment rule when `item` is exactly its amount for the category (CC only;
    `reasoning.compulsory_payment.payment_rule`, from the day committed to the day decided)."""
    if item.kind != "fine" or item.measure is None:
        return None
    found = payment_rule(a.provision.code, a.version.category, a.dates.committed, a.dates.decided)
    if found is None:
        return None
    rule, count = found
    if item.measure.unit == "MCI" and item.measure.value == Decimal(count):
        return rule
    if item.measure.unit == "KZT":
        # the articles do not say on which day the MCI is taken: the day committed or the judgment
        for day in {a.dates.mci_valued_on, a.dates.decided}:
            try:
                if item.measure.value == Decimal(count) * mci(day, purpose="fine"):
                    return rule
            except UserInputError:
                continue
    return None


def _widened(a: Assessment, item: ImposedItem, reason: str, r: AssessedItem | None, candidates) -> ItemReview:
    rules, unencoded = [], []
    rule_day = a.dates.committed
    for rule_id in candidates:
        try:
            found = sentencing_rules(a.provision.code).in_force(rule_id, rule_day)
        except UnreadWordingError:
            unencoded.append(rule_id)
            continue
        if not sentencing_rules(a.provision.code).present or not found:
            unencoded.append(rule_id)
            continue
        for rule in found:
            conditions = _allows(rule, item, reason)
            if conditions is not None:
                rules.append(RuleCondition(rule, conditions))
    if rules:
        return ItemReview(item, "within_if", reason, r, tuple(rules), tuple(unencoded))
    return ItemReview(item, "undetermined" if unencoded else "outside", reason, r, (), tuple(unencoded))


def _allows(rule: SentencingRule, item: ImposedItem, reason: str) -> tuple[str, ...] | None:
    """The conditions under which `rule` allows `item`, or None where it does not allow it at all."""
    p = rule.params
    named = tuple(str(c) for c in p.get("conditions", ()))
    if rule.rule == "exceptional_mitigation":
        if reason == "below_minimum" and p.get("below_minimum"):
            return named or ("exceptional_circumstances",)
        if reason == "kind_not_in_sanction" and p.get("milder_kind"):
            return (named or ("exceptional_circumstances",)) + ("milder_kind_than_the_sanction",)
        return None
    if rule.rule == "ban_beyond_sanction":
        cap = p.get("max_term")
        if isinstance(cap, Measure) and item.measure is not None and item.measure.value > cap.value:
            return None
        return named or ("ban_as_additional_punishment",)
    if rule.rule in ("aggregate_offences", "aggregate_sentences"):
        cap = p.get("max_imprisonment") or p.get("max_term")
        if (
            item.kind == "imprisonment"
            and isinstance(cap, Measure)
            and item.measure is not None
            and item.measure.value > cap.value
        ):
            return None
        return named or (("several_offences",) if rule.rule == "aggregate_offences" else ("several_sentences",))
    return None


def measure_words(measure: Measure | None) -> str | None:
    """'18 month', '27000 KZT' for the JSON and the English text."""
    if measure is None:
        return None
    if measure.unit in ("KZT", "MCI"):
        return f"{decimal_text(measure.value)} {measure.unit}"
    return measure_text(measure)
