"""The General Part's caps on a resolved sanction: an unfinished offence (preparation, attempt) and a
procedural (plea) agreement narrow the maximum by the fraction their rule's wording gives.

`narrow()` is the one implementation: `assess(stage=, plea_agreement=)` and `penalties.review`
call it. A cap is a share of the maximum ("не может превышать … половины / трех четвертей
максимального срока или размера наиболее строгого вида наказания"); where the rule's data names
the kinds it caps (`applies_to_kinds`) only those are capped, otherwise every main alternative with
a term or an amount is, and a notice says so (the order of severity of the kinds, CC art. 40, is
not encoded, so "the most severe kind" cannot be picked out). Two caps that both apply are both
kept: the smaller bounds. `no_life_or_death = true` drops life imprisonment and the death penalty.
A capped maximum that is not a whole number of the unit is rounded down to 1/10000 of it (never
above the cap); a sanction minimum above the capped maximum is left out (the cap wins) with a notice.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_FLOOR, Decimal, localcontext
from fractions import Fraction

import attrs

from ..data.sentencing import sentencing_rules
from ..errors import UserInputError
from ..law.quantities import Measure
from ..law.sentencing import STAGE_RULES, SentencingRule
from ..output.notices import Notice
from .sanction import ResolvedItem, ResolvedSanction

STAGES = tuple(STAGE_RULES)
#: the kinds of procedural agreement a plea_agreement= may name ("plea": admission of guilt;
#: "cooperation": cooperation in uncovering crimes); True means an agreement whose kind is not given
AGREEMENTS = ("plea", "cooperation")
_NO_LIFE = ("life_imprisonment", "death_penalty")
_QUANTUM = Decimal("0.0001")


@attrs.frozen
class AppliedCap:
    """A cap applied to a sanction: the rule, the fraction, and the kinds it narrowed."""

    rule: SentencingRule
    fraction: Fraction
    kinds: tuple[str, ...]
    reason: str  # "preparation", "attempt", "plea_agreement:plea" …

    def to_dict(self) -> dict:
        return {
            "rule": self.rule.rule,
            "article": self.rule.article,
            "code": self.rule.code,
            "fraction": f"{self.fraction.numerator}/{self.fraction.denominator}",
            "kinds": list(self.kinds),
            "reason": self.reason,
            "verification": self.rule.verification,
            "sources": list(self.rule.sources),
        }


def check_stage(stage) -> str | None:
    if stage is None:
        return None
    if stage not in STAGES:
        raise UserInputError(f"stage should be one of {', '.join(STAGES)} or None, got {stage!r}")
    return stage


def check_agreement(plea_agreement) -> str | None:
    """None, True (an agreement of a kind not given), or one of AGREEMENTS."""
    if plea_agreement is None or plea_agreement is False:
        return None
    if plea_agreement is True:
        return "any"
    if plea_agreement not in AGREEMENTS:
        raise UserInputError(
            f"plea_agreement should be True, False, None or one of {', '.join(AGREEMENTS)}, got {plea_agreement!r}"
        )
    return plea_agreement


def caps_for(
    code: str, on: date, stage: str | None, agreement: str | None
) -> tuple[tuple[SentencingRule, Fraction, str], ...]:
    """The rules and fractions that apply on `on` (`MissingRuleError`/`UnreadWordingError` where one
    is needed and not encoded)."""
    rules = sentencing_rules(code)
    found = []
    if stage is not None:
        rule = rules.require(STAGE_RULES[stage], on)
        found.append((rule, _fraction(rule), stage))
    if agreement is not None:
        rule = rules.require("plea_agreement_cap", on)
        by_agreement = rule.params.get("by_agreement")
        if by_agreement:
            if agreement == "any":
                if len(set(by_agreement.values())) != 1:
                    raise UserInputError(
                        f"{rule.citation} caps a procedural agreement by its kind "
                        f'({", ".join(by_agreement)}): say which, plea_agreement="plea" or …'
                    )
                fraction = next(iter(by_agreement.values()))
            elif agreement not in by_agreement:
                raise UserInputError(
                    f"{rule.citation} names no cap for a {agreement!r} agreement (it names {', '.join(by_agreement)})"
                )
            else:
                fraction = by_agreement[agreement]
        else:
            fraction = _fraction(rule)
        found.append((rule, fraction, f"plea_agreement:{agreement}"))
    return tuple(found)


def _fraction(rule: SentencingRule) -> Fraction:
    fraction = rule.fraction()
    if fraction is None:  # the loader requires it; a by_kind-only wording is not applied yet
        raise UserInputError(f"{rule.citation}: the cap is given per kind of punishment, which is not applied yet")
    return fraction


def narrow(resolved: ResolvedSanction, caps) -> tuple[ResolvedSanction, tuple[AppliedCap, ...]]:
    """`resolved` with each cap of `caps` (from `caps_for`) applied to its main alternatives."""
    if not caps:
        return resolved, ()
    original = list(resolved.main)  # every cap is a share of the sanction's own maximum
    main: list[ResolvedItem | None] = list(original)
    warnings = list(resolved.warnings)
    applied = []
    for rule, fraction, reason in caps:
        named = rule.params.get("applies_to_kinds")
        kinds = []
        for n, item in enumerate(original):
            current = main[n]
            if current is None:
                continue
            if rule.params.get("no_life_or_death") and item.kind in _NO_LIFE:
                main[n] = None
                warnings.append(Notice("cap_excludes", (item.kind, rule.article)))
                continue
            if item.max is None or item.lifelong or (named and item.kind not in named):
                continue
            capped = _capped(item, fraction, warnings, rule)
            if capped.max is not None and current.max is not None and capped.max.value < current.max.value:
                main[n] = capped
            kinds.append(item.kind)
        if not named and len(kinds) > 1:
            warnings.append(Notice("cap_every_kind", (rule.article,)))
        applied.append(AppliedCap(rule, fraction, tuple(kinds), reason))
    kept = tuple(item for item in main if item is not None)
    return attrs.evolve(resolved, main=kept, warnings=tuple(warnings)), tuple(applied)


def _capped(item: ResolvedItem, fraction: Fraction, warnings: list, rule: SentencingRule) -> ResolvedItem:
    assert item.max is not None
    with localcontext(prec=60):  # exact before the rounding down, whatever the caller's context
        value = (item.max.value * fraction.numerator / fraction.denominator).quantize(_QUANTUM, rounding=ROUND_FLOOR)
    high = Measure(value, item.max.unit)
    low, low_basis = item.min, item.min_basis
    if low is not None and low.unit == high.unit and low.value > high.value:
        warnings.append(Notice("cap_below_minimum", (item.kind, str(low), str(high), rule.article)))
        low, low_basis = None, None
    return attrs.evolve(item, min=low, min_basis=low_basis, max=high, max_basis="sentencing_rule")
