"""Several offences (CC art. 58) and several sentences (CC art. 60): the combined range of each kind.

`combine()` is the one implementation; `penalties.assess_aggregate` calls it with each offence's
sanction as `resolve()` and the caps give it. What it applies is the rule's wording in force on the
day given, as encoded in statutes/kz/cc/sentencing.toml, and nothing else:

- art. 58 (several offences): the part of the article that applies is chosen by the categories of
  the offences (`mix_of`): only criminal misdemeanours (part 2, first paragraph: absorption or
  partial or full addition, fine / community service / arrest capped); only misdemeanours and crimes
  of minor and medium gravity (part 2, second paragraph: absorption only); a grave or especially
  grave crime (part 3: absorption or addition, imprisonment up to 20 years); an especially grave
  crime for which the Code provides imprisonment up to twenty years (part 4: addition only, up to
  25 years; with a misdemeanour punished by a fine, that one is absorbed — a condition on the
  sentence imposed, reported as `also_if`). Additional punishments (part 5): added, up to the
  General Part's maximum for the kind.
- art. 60 (several sentences): partial or full addition; imprisonment up to 25 years, 30 where a
  sentence is for an especially grave crime punishable by imprisonment up to twenty years; a
  final punishment other than imprisonment up to the General Part's maximum for the kind; the final
  punishment must exceed each sentence (a notice: the sentences themselves are not given).

For each kind some offence provides:
- the maximum is the largest maximum among the offences (absorption only) or their sum (where the
  rule allows addition), cut to the rule's cap for the kind; where the rule quotes no cap for a kind
  the General Part's own limit for the kind (for the gravest category) bounds the sum, with a
  notice; a sum that neither bounds is kept, with a notice;
- the minimum is the lowest minimum among the offences that provide the kind (the final punishment
  of a kind is at least that kind's punishment for one offence), raised to the minimum of an offence
  whose sanction provides that kind only (its punishment is of that kind, and the final one is not
  less than any punishment it absorbs or adds); life imprisonment and the death penalty do not count
  as other kinds there where the rule's `life_absorbs` holds (imposed for one offence, they are the
  final punishment).
Kinds without a measure (life imprisonment, confiscation …) are carried over as they are. The order
of severity of the kinds (CC art. 40), which decides which punishment absorbs which, and the
equivalences for adding punishments of different kinds (CC art. 61) are not applied: a kind's
range is computed from that kind's ranges only, which `DIFFERENT_KINDS` says in a notice.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

import attrs

from ..data.general_part import general_part
from ..data.sentencing import sentencing_rules
from ..errors import MissingRuleError, UserInputError
from ..law.quantities import Measure, decimal_text
from ..law.sentencing import RULE_CATEGORIES, SentencingRule
from ..output.notices import Notice
from .sanction import ResolvedItem

#: what is aggregated: several offences in one judgment (art. 58), several sentences (art. 60)
AGGREGATES = {"offences": "aggregate_offences", "sentences": "aggregate_sentences"}
#: the mixes of categories art. 58 distinguishes (the data's `by_mix[].mix`)
MIXES = (
    "misdemeanours_only",
    "misdemeanours_minor_medium_only",
    "with_grave_or_especially_grave",
    "with_especially_grave_punishable_up_to_20_years",
    "especially_grave_punishable_up_to_20_years_and_fined_misdemeanour",
)
#: the ways of combining punishments the articles name (CC arts 58, 60; AC art. 58)
METHODS = ("absorption", "partial_addition", "full_addition", "separate_for_each", "cumulative_cap")
#: the conditions on the sentences imposed under which another part of art. 58 applies (`also_if`)
CONDITIONS = ("fine_imposed_for_the_misdemeanour",)
#: where a combined bound comes from (`bounds_from`): one offence's sanction or the General Part's
#: limit for it ("sanction", "general_part"), the sum of the offences' maxima ("addition"), the
#: rule's own cap ("aggregate_cap"), the General Part's limit for the kind bounding a sum
#: ("general_part_limit")
BASES = ("addition", "aggregate_cap", "general_part_limit")
#: the caps art. 58's mixes set, by kind (the data's keys)
_CAP_KEYS = {
    "fine": "max_fine",
    "community_service": "max_community_service",
    "arrest": "max_arrest",
    "imprisonment": "max_imprisonment",
}
_GRAVITY = {c: n for n, c in enumerate(RULE_CATEGORIES)}
_CRIMES = RULE_CATEGORIES[1:]
#: the punishments that, imposed for one offence, make the final one (`life_absorbs`: the last
#: paragraph of art. 58(4) and the last sentence of art. 60(3), whose words the data does not quote)
_LIFE = {"life_imprisonment", "death_penalty"}
#: twenty years, in the months terms are stored in ("лишения свободы на срок до двадцати лет")
_TWENTY_YEARS = Decimal(240)


@attrs.frozen
class Offence:
    """One offence (or sentence) of the aggregate: its label, category and resolved sanction items."""

    label: str
    category: str | None
    main: tuple[ResolvedItem, ...]
    additional: tuple[ResolvedItem, ...]
    article: str | None = None  # the article's number ("476"), for limits set for some articles only

    @property
    def up_to_twenty_years(self) -> bool:
        """An especially grave crime "за совершение которого настоящим Кодексом предусмотрено
        наказание в виде лишения свободы на срок до двадцати лет": its imprisonment's maximum is 20 years."""
        return self.category == "especially_grave" and any(
            i.kind == "imprisonment" and i.max is not None and i.max.unit == "month" and i.max.value == _TWENTY_YEARS
            for i in self.main
        )


@attrs.frozen
class Mix:
    """The part of art. 58 that applies: its id, the quoted words, the methods it allows, its caps."""

    mix: str
    text: str
    methods: tuple[str, ...]
    caps: dict
    condition: str | None = None  # for `also_if`: what must hold for this part to apply instead

    def to_dict(self) -> dict:
        out = {
            "mix": self.mix,
            "text": self.text,
            "methods": list(self.methods),
            "caps": {kind: _measure_dict(m) for kind, m in self.caps.items()},
        }
        if self.condition is not None:
            out["condition"] = self.condition
        return out


@attrs.frozen
class Combined:
    """The combined range: the rule applied, the part of it (art. 58), the alternative part where a
    condition on the sentences holds, the main and additional items, and the notices."""

    rule: SentencingRule
    mix: Mix | None
    also_if: tuple[Mix, ...]
    methods: tuple[str, ...]
    main: tuple[ResolvedItem, ...]
    additional: tuple[ResolvedItem, ...]
    contributors: dict  # kind -> the labels of the offences that provide it
    notices: tuple[Notice, ...]


def mix_of(offences: Sequence[Offence]) -> tuple[str, str | None]:
    """The mix of art. 58 for these offences' categories (each one of RULE_CATEGORIES), and the one that replaces it where the
    sentence for a misdemeanour is a fine (part 4, second paragraph), else None."""
    categories = {o.category for o in offences}
    if categories <= {"criminal_misdemeanour"}:
        return "misdemeanours_only", None
    if categories <= {"criminal_misdemeanour", "minor", "medium"}:
        return "misdemeanours_minor_medium_only", None
    if any(o.up_to_twenty_years for o in offences):
        alternative = (
            "especially_grave_punishable_up_to_20_years_and_fined_misdemeanour"
            if "criminal_misdemeanour" in categories
            else None
        )
        return "with_especially_grave_punishable_up_to_20_years", alternative
    return "with_grave_or_especially_grave", None


def _trials(offences: Sequence[Offence]):
    """The offences with every category the unknown ones could have (a "crime" of unknown gravity:
    any from minor to especially grave); the offences themselves where every category is known."""
    unknown = [n for n, o in enumerate(offences) if o.category not in RULE_CATEGORIES]
    for combo in itertools.product(_CRIMES, repeat=len(unknown)):
        trial = list(offences)
        for n, category in zip(unknown, combo, strict=True):
            trial[n] = attrs.evolve(trial[n], category=category)
        yield trial


def rule_for(what: str, code: str, on: date) -> SentencingRule:
    """The wording of art. 58 or 60 in force on `on` (`MissingRuleError` / `UnreadWordingError`)."""
    if what not in AGGREGATES:
        raise UserInputError(f"aggregate should be one of {', '.join(AGGREGATES)}, got {what!r}")
    return sentencing_rules(code).require(AGGREGATES[what], on)


def combine(what: str, code: str, offences: Sequence[Offence], on: date, offender: str = "individual") -> Combined:
    """The combined range of `offences` under the rule of `what` ("offences": art. 58, "sentences":
    art. 60) in force on `on`, the General Part's limits read on the same day."""
    if len(offences) < 2:
        raise UserInputError("an aggregate needs at least two offences")
    rule = rule_for(what, code, on)
    if code == "ac":
        return _administrative(rule, offences, on, offender)
    unknown = [o.label for o in offences if o.category not in RULE_CATEGORIES]
    notices: list[Notice] = []
    mix: Mix | None = None
    also: list[Mix] = []
    if what == "offences":
        found = {mix_of(trial) for trial in _trials(offences)}
        if len(found) != 1:
            raise MissingRuleError(
                f"{code.upper()} {rule.rule}",
                on,
                f"{rule.citation} depends on the categories of the offences (CC art. 11), and the "
                f"category of {', '.join(unknown)} is not encoded (it depends on the form of "
                "guilt): give it, categories=[...] / --category",
            )
        name, alternative = found.pop()
        mix = _mix(rule, name, on)
        if alternative is not None:
            also.append(attrs.evolve(_mix(rule, alternative, on), condition="fine_imposed_for_the_misdemeanour"))
        methods, caps = mix.methods, dict(mix.caps)
    else:
        twenty = {any(o.up_to_twenty_years for o in trial) for trial in _trials(offences)}
        if len(twenty) != 1:
            raise MissingRuleError(
                f"{code.upper()} {rule.rule}",
                on,
                f"the cap of {rule.citation} depends on whether {', '.join(unknown)} is an "
                "especially grave crime (CC art. 11), which is not encoded: give its category, "
                "categories=[...] / --category",
            )
        methods = tuple(rule.params["methods"])
        high = (
            rule.term("max_imprisonment_with_especially_grave_punishable_up_to_20_years")
            if twenty.pop()
            else rule.term("max_imprisonment")
        )
        caps = {"imprisonment": high} if high is not None else {}
        if rule.params.get("must_exceed_each"):
            notices.append(Notice("aggregate_must_exceed", (rule.article,)))
    if unknown:
        notices.append(Notice("aggregate_category_unknown", (tuple(unknown), rule.article)))
    known = [o.category for o in offences if o.category in RULE_CATEGORIES]
    gravest = (
        "crime"
        if unknown and not any(c != "criminal_misdemeanour" for c in known)
        else max(known, key=lambda c: _GRAVITY[c])
    )
    adding = any(m != "absorption" for m in methods)
    gp = general_part(code)
    main = _kinds(
        offences, "main", adding, caps, gp, gravest, on, offender, rule, notices, general_limit=what == "sentences"
    )
    return _combined(rule, mix, tuple(also), tuple(methods), offences, main, gp, gravest, on, offender, notices, adding)


def _combined(
    rule,
    mix,
    also,
    methods,
    offences,
    main,
    gp,
    gravest,
    on,
    offender,
    notices,
    adding,
    caps=None,
    capped_only: bool = False,
) -> Combined:
    additional = _kinds(
        offences,
        "additional",
        adding or bool(rule.params.get("additional_max")),
        caps or {},
        gp,
        gravest,
        on,
        offender,
        rule,
        notices,
        general_limit=True,
        capped_only=capped_only,
    )
    kinds_in = [tuple(i.kind for i in o.main) for o in offences]
    if rule.code == "cc" and len({k for ks in kinds_in for k in ks}) > 1:
        notices.append(Notice("aggregate_different_kinds", ()))
    contributors: dict[str, list[str]] = {}
    for group in ("main", "additional"):
        for o in offences:
            for i in getattr(o, group):
                contributors.setdefault(i.kind, [])
                if o.label not in contributors[i.kind]:
                    contributors[i.kind].append(o.label)
    return Combined(
        rule, mix, also, methods, main, additional, {k: tuple(v) for k, v in contributors.items()}, tuple(notices)
    )


def _administrative(rule: SentencingRule, offences: Sequence[Offence], on: date, offender: str) -> Combined:
    """AC art. 58: each penalty is imposed for each offence; where the same judge or body considers
    them and the penalties are of one kind, the final one is at most three times the Code's maximum
    for the kind, arrest at most the term of art. 50(1), a fine in percent is imposed separately."""
    gp = general_part("ac")
    notices: list[Notice] = [Notice("aggregate_same_body", (rule.article,))]
    caps: dict = {}
    multiple = rule.params.get("same_kind_cap_multiple")
    separate = bool(rule.params.get("percentage_fines_separate"))
    kept = []
    for o in offences:
        own = []
        for item in o.main:
            units = {m.unit for m in (item.min, item.max) if m is not None}
            if separate and item.unit == "money" and units - {"MCI"}:
                notices.append(Notice("aggregate_separate", (item.kind, o.label, rule.article)))
                continue
            own.append(item)
        kept.append(attrs.evolve(o, main=tuple(own)))
    for kind in dict.fromkeys(i.kind for o in kept for i in o.main + o.additional):
        if kind == "arrest" and rule.params.get("arrest_cap"):
            limits = [gp.limit("arrest", None, on, offender, o.article) for o in kept]
            terms = [f.max for f in limits if f is not None and f.max is not None]
            if terms:
                caps[kind] = max(terms, key=lambda m: m.value)
            continue
        limit = gp.limit(kind, None, on, offender)
        if (
            kind != "deprivation_of_special_right"
            and isinstance(multiple, int)
            and limit is not None
            and limit.available
            and limit.max is not None
        ):
            caps[kind] = Measure(limit.max.value * multiple, limit.max.unit)
    main = _kinds(
        kept, "main", True, caps, gp, "any", on, offender, rule, notices, general_limit=False, capped_only=True
    )
    return _combined(
        rule,
        None,
        (),
        tuple(rule.params.get("methods", ())),
        kept,
        main,
        gp,
        "any",
        on,
        offender,
        notices,
        True,
        caps,
        capped_only=True,
    )


def _mix(rule: SentencingRule, name: str, on: date) -> Mix:
    for entry in rule.params.get("by_mix", ()):
        if entry["mix"] == name:
            caps = {kind: entry[key] for kind, key in _CAP_KEYS.items() if isinstance(entry.get(key), Measure)}
            return Mix(name, str(entry["text"]), tuple(entry["methods"]), caps)
    raise MissingRuleError(
        f"{rule.code.upper()} {rule.rule}",
        on,
        f"{rule.citation} in the wording encoded has no part for {name.replace('_', ' ')}",
    )


def _kinds(
    offences,
    group: str,
    adding: bool,
    caps: dict,
    gp,
    gravest: str,
    on: date,
    offender: str,
    rule: SentencingRule,
    notices: list,
    general_limit: bool,
    capped_only: bool = False,
) -> tuple[ResolvedItem, ...]:
    order: list[str] = []
    for o in offences:
        for i in getattr(o, group):
            if i.kind not in order:
                order.append(i.kind)
    out = []
    for kind in order:
        providers = [(o, i) for o in offences for i in getattr(o, group) if i.kind == kind]
        items = [i for _, i in providers]
        if any(i.unit is None or i.lifelong or i.max is None for i in items):
            # no measure (life imprisonment, confiscation) or for life: the kind is carried over as it is
            out.append(_carried(items))
            continue
        if any(i.bounded or i.per for i in items):
            raise UserInputError(
                f"cannot combine a {kind} in percent of a base bounded in MCI, or for each unit of "
                "a count: the sum of such ranges is not encoded; assess each offence"
            )
        units = {i.max.unit for i in items} | {i.min.unit for i in items if i.min is not None}
        if len(units) != 1:
            raise UserInputError(
                f"cannot combine {kind} measured in {', '.join(sorted(units))}: "
                "give the base amount of each offence's fine in tenge"
            )
        unit = units.pop()
        largest = max(items, key=lambda i: i.max.value)
        if adding:
            high = Measure(sum((i.max.value for i in items), Decimal(0)), unit)
            high_basis = "addition" if len(items) > 1 else largest.max_basis
        else:
            high, high_basis = largest.max, largest.max_basis
        cap = caps.get(kind)
        if isinstance(cap, Measure) and cap.unit == unit and high.value > cap.value:
            high, high_basis = cap, "aggregate_cap"
        elif cap is None and capped_only and adding and len(items) > 1 and high.value > largest.max.value:
            notices.append(Notice("aggregate_uncapped", (kind, rule.article)))
        elif cap is None and adding and len(items) > 1 and high.value > largest.max.value:
            limit = gp.limit(kind, gravest, on, offender)
            if limit is not None and limit.available and limit.max is not None and limit.max.unit == unit:
                if high.value > limit.max.value:
                    high, high_basis = limit.max, "general_part_limit"
                    if not general_limit:
                        notices.append(Notice("aggregate_no_cap", (kind, rule.article, limit.article)))
            else:
                notices.append(Notice("aggregate_uncapped", (kind, rule.article)))
        lows = [i for i in items if i.min is not None]
        low = low_basis = None
        if lows:
            lowest = min(lows, key=lambda i: i.min.value)
            low, low_basis = lowest.min, lowest.min_basis
            only = [
                i
                for o, i in providers
                if i.min is not None
                and group == "main"
                and {j.kind for j in o.main} - (_LIFE if rule.params.get("life_absorbs") else set()) == {kind}
            ]
            if only:
                floor = max(only, key=lambda i: i.min.value)
                if floor.min.value > low.value:
                    low, low_basis = floor.min, floor.min_basis
            if low.value > high.value:  # a cap below an offence's own minimum: the cap wins
                notices.append(Notice("cap_below_minimum", (kind, str(low), str(high), rule.article)))
                low = low_basis = None
        mandatory = True if any(i.mandatory for i in items) else items[0].mandatory
        out.append(
            ResolvedItem(kind, items[0].unit, low, high, low_basis, high_basis, mandatory, False, items[0].base, False)
        )
    return tuple(out)


def _carried(items: list[ResolvedItem]) -> ResolvedItem:
    first = items[0]
    mandatory = True if any(i.mandatory for i in items) else first.mandatory
    lifelong = any(i.lifelong for i in items)
    lows = [i.min for i in items if i.min is not None]
    low = max(lows, key=lambda m: m.value) if lows and len({m.unit for m in lows}) == 1 else None
    basis = next((i.min_basis for i in items if i.min is low), None) if low is not None else None
    return ResolvedItem(
        first.kind,
        first.unit,
        low if first.unit is not None else None,
        None,
        basis if first.unit is not None else None,
        None,
        mandatory,
        lifelong,
        first.base,
        False,
    )


def _measure_dict(m: Measure) -> dict:
    return {"value": decimal_text(m.value), "unit": m.unit}
