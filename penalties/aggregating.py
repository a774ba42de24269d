"""`assess_aggregate()`: the combined range for several offences (CC art. 58) or several sentences
(CC art. 60), in one call.

Each offence is assessed as `assess()` does it (its own version, lex mitior, General-Part limits);
their ranges are then combined by `reasoning.aggregation.combine`, under the wording of the article
in force on the latest of the offences' limits days (the day the last offence was committed, or
the day a milder version applied came into force). Amounts are added in MCI and shown in tenge and
dollars at the MCI and rate of the latest valuation day among the offences.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import attrs

from . import inputs
from .assessment import AssessedItem, Assessment, assess
from .data.rates import find_rate
from .errors import MissingRateError, UnreadWordingError, UserInputError
from .inputs import Amount
from .law.kinds import MONEY
from .law.mci import MCIValue
from .law.provisions import Offender, Provision
from .law.quantities import decimal_text
from .law.rates import Rates, UsdRate
from .law.sentencing import RULE_CATEGORIES
from .output.notices import Notice
from .reasoning.aggregation import AGGREGATES, Combined, Offence, combine, rule_for
from .reasoning.money import mci_on
from .reasoning.sanction import limits_day


@attrs.frozen
class AggregateAssessment:
    """The combined range for several offences or sentences: each offence's `Assessment`, the rule
    applied (`rule`: CC art. 58 or 60 in the wording of the day, with its quote and sources), the
    part of art. 58 that applies (`mix`, with the quoted words), the methods it allows, and the
    combined `main` and `additional` items (`AssessedItem`, bounds_from naming where each bound
    comes from). `to_dict()` is the JSON contract (docs/review.md, "Several offences")."""

    aggregate: str  # "offences" or "sentences"
    parts: tuple[Assessment, ...]
    combined: Combined
    day: date  # the day the rule and the General Part's limits are read
    mci: MCIValue | None
    rate: UsdRate | None
    main: tuple[AssessedItem, ...]
    additional: tuple[AssessedItem, ...]
    notices: tuple[Notice, ...]
    #: the category of each offence the rule was applied with (given or from the data; None unknown)
    categories: tuple[str | None, ...] = ()

    @property
    def rule(self):
        return self.combined.rule

    @property
    def mix(self):
        return self.combined.mix

    @property
    def methods(self) -> tuple[str, ...]:
        return self.combined.methods

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(n.text("en") for n in self.notices)

    def to_dict(self) -> dict:
        r = self.rule
        return {
            "aggregate": self.aggregate,
            "provisions": [a.provision.id for a in self.parts],
            "labels": [a.provision.label for a in self.parts],
            "categories": list(self.categories),
            "rule": {
                "rule": r.rule,
                "code": r.code,
                "article": r.article,
                "valid_from": r.valid_from.isoformat(),
                "valid_to": r.valid_to.isoformat() if r.valid_to else None,
                "act": r.provenance.act.to_dict() if r.provenance.act else None,
                "verification": r.verification,
                "sources": list(r.sources),
                "text_ru": r.text_ru,
            },
            "rule_day": self.day.isoformat(),
            "mix": self.mix.to_dict() if self.mix else None,
            "also_if": [m.to_dict() for m in self.combined.also_if],
            "methods": list(self.methods),
            "mci_kzt": decimal_text(self.mci.kzt) if self.mci else None,
            "mci_valued_on": max(a.dates.mci_valued_on for a in self.parts).isoformat(),
            "usd_kzt": decimal_text(self.rate.kzt_per_usd) if self.rate else None,
            "main": [_item_dict(i, self.combined.contributors) for i in self.main],
            "additional": [_item_dict(i, self.combined.contributors) for i in self.additional],
            "warnings": list(self.warnings),
            "notices": [{"code": n.code, "text": n.text("en")} for n in self.notices],
            "parts": [a.to_dict() for a in self.parts],
        }

    def format(self, lang: str = "en") -> str:
        from .output.render import render_aggregate

        return render_aggregate(self, lang)


def assess_aggregate(
    references: Sequence[str | Provision],
    on: date | None = None,
    *,
    committed: date | Sequence[date] | None = None,
    initiated: date | None = None,
    decided: date | None = None,
    offender: Offender = "individual",
    aggregate: str = "offences",
    rates: Rates = None,
    today: date | None = None,
    base_amount: Amount | None = None,
    categories: Sequence[str | None] | None = None,
) -> AggregateAssessment:
    """The combined range for the offences `references` ("CC 188(2)", "CC 190(1)" …).

    `aggregate="offences"` (CC art. 58: several offences in one judgment) or `"sentences"` (CC
    art. 60: a new offence and a sentence not fully served; `references` are the provisions of all
    the sentences). `on` sets every date; `committed` is one date or one per reference; `decided`
    (default: the latest of `on`/`committed`) is common to all. `MissingRuleError` where the
    article is not encoded for the day (the Administrative Code's rules on several offences are not),
    `UnreadWordingError` inside a gap. `categories` (one per reference, None where the data's is
    kept) gives the category of an offence whose gravity the data does not have (a "crime" whose
    category depends on the form of guilt, CC art. 11), as the judgment states it; art. 58 is chosen
    by the categories, and without them only where every category the unknown ones could have leads
    to the same part of the article.
    """
    if aggregate not in AGGREGATES:
        raise UserInputError(f"aggregate should be one of {', '.join(AGGREGATES)}, got {aggregate!r}")
    if isinstance(references, (str, Provision)) or not isinstance(references, Sequence):
        raise UserInputError("references should be a list of two or more provisions")
    refs = list(references)
    if len(refs) < 2:
        raise UserInputError("an aggregate needs at least two provisions")
    if isinstance(committed, Sequence) and not isinstance(committed, (str, bytes)):
        days = [inputs.optional_date(c, "committed") for c in committed]
        if len(days) != len(refs):
            raise UserInputError(f"committed has {len(days)} dates for {len(refs)} provisions")
    else:
        days = [committed] * len(refs)
    if decided is None and on is None:
        known = [d for d in days if d is not None]
        decided = max(known) if known else None
    parts = tuple(
        assess(
            ref,
            on,
            committed=day,
            initiated=initiated,
            decided=decided,
            offender=offender,
            rates=rates,
            today=today,
            base_amount=base_amount,
        )
        for ref, day in zip(refs, days, strict=True)
    )
    codes = {a.provision.code for a in parts}
    if len(codes) != 1:
        raise UserInputError("an aggregate is of offences under one Code (CC or AC), got both")
    code = codes.pop()
    notices: list[Notice] = []
    living = []
    for a in parts:
        if a.abolished:
            notices.append(Notice("aggregate_abolished", (a.provision.label,)))
        else:
            living.append(a)
    day = max(limits_day(a.version.valid_from, a.dates.committed) for a in parts)
    chosen = _categories(categories, parts)
    offences = [
        Offence(
            a.provision.label,
            chosen.get(a.provision.id, a.version.category),
            tuple(i.resolved for i in a.main),
            tuple(i.resolved for i in a.additional),
            a.provision.id.split(".")[2],
        )
        for a in living
    ]
    if len(offences) < 2:
        rule_for(aggregate, code, day)  # the rule's own error first, where it is not encoded
        raise UserInputError("fewer than two of the offences carry a punishment: nothing to aggregate")
    combined = combine(aggregate, code, offences, day, offender)
    notices.extend(combined.notices)
    last = max(a.dates.decided for a in parts)
    try:
        later = rule_for(aggregate, code, last)
    except (UserInputError, UnreadWordingError):
        later = None
    if later is not None and later is not combined.rule:
        notices.append(Notice("aggregate_later_wording", (combined.rule.article, later.valid_from)))
    for a in parts:
        notices.extend(n for n in a.notices if n not in notices)
    has_money = any(i.unit == MONEY for i in combined.main + combined.additional)
    valued_on = max(a.dates.mci_valued_on for a in parts)
    if len({a.dates.mci_valued_on for a in parts}) > 1 and has_money:
        notices.append(Notice("aggregate_mci_day", (valued_on,)))
    mci_value, _ = mci_on(valued_on, has_money)
    rate = None
    if has_money:
        try:
            rate = find_rate(valued_on, inputs.rate_sources(rates))
        except MissingRateError:
            rate = None
    kzt = mci_value.kzt if mci_value else None
    usd_kzt = rate.kzt_per_usd if rate else None
    base = living[0].main[0].base_amount if living and living[0].main else None
    main = tuple(AssessedItem(r, kzt, usd_kzt, base) for r in combined.main)
    additional = tuple(AssessedItem(r, kzt, usd_kzt, base) for r in combined.additional)
    return AggregateAssessment(
        aggregate,
        parts,
        combined,
        day,
        mci_value,
        rate,
        main,
        additional,
        tuple(notices),
        tuple(o.category for o in offences),
    )


def _categories(categories, parts) -> dict:
    """The categories the caller gives, by provision id: each one of CC art. 11's, given only where
    the data's is not known or agrees with it."""
    if categories is None:
        return {}
    if isinstance(categories, str) or not isinstance(categories, Sequence) or len(categories) != len(parts):
        raise UserInputError(f"categories should be a list of {len(parts)} categories (or None), one per provision")
    out = {}
    for a, category in zip(parts, categories, strict=True):
        if category is None:
            continue
        if category not in RULE_CATEGORIES:
            raise UserInputError(f"a category should be one of {', '.join(RULE_CATEGORIES)}, got {category!r}")
        known = a.version.category
        if known in RULE_CATEGORIES and known != category:
            raise UserInputError(
                f"{a.provision.label} is a {known.replace('_', ' ')} offence in the data "
                f"(CC art. 11), not {category.replace('_', ' ')}"
            )
        out[a.provision.id] = category
    return out


def _item_dict(item: AssessedItem, contributors: dict) -> dict:
    out = item.to_dict()
    out["from"] = list(contributors.get(item.kind, ()))
    return out
