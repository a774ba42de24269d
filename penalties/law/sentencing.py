"""The General Parts' rules of assigning punishment and of limitation, as dated values (no I/O).

Each rule (CC art. 71 limitation, art. 98-2 compulsory payment, the caps of arts 55-56 …) is a
`SentencingRule`: one wording of one rule of `RULE_IDS`, valid on an inclusive interval, with the
article it rests on in that wording, its provenance, the verbatim text and its parameters (read
and checked by `penalties.data.sentencing` from `statutes/kz/cc/sentencing.toml` and
`statutes/kz/ac/limitation.toml`; the format is docs/data-format.md "Sentencing rules"). A span in
which a rule's wording was not read is a `RuleGap`: asking for the rule on a day inside it raises
`UnreadWordingError`, never the neighbouring wording. `SentencingRules` holds one Code's rules.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from datetime import date
from fractions import Fraction
from types import MappingProxyType

import attrs

from ..errors import MissingRuleError, UnreadWordingError
from ..law.provenance import Provenance
from ..law.quantities import Measure

#: the rule ids of the data format; what each means is in docs/data-format.md
RULE_IDS = (
    "mitigating_cap",
    "plea_agreement_cap",
    "jury_leniency",
    "exceptional_mitigation",
    "preparation_cap",
    "attempt_cap",
    "recidivism_floor",
    "aggregate_offences",
    "aggregate_sentences",
    "probation",
    "compulsory_payment",
    "lifelong_ban",
    "ban_beyond_sanction",
    "limitation",
    "order_proceedings_fine",  # CC art. 55(3): the fine in order (summary) proceedings, from 180-VI
)
#: the categories of CC art. 11 a rule's table may name (penalties.law.provisions.CATEGORIES
#: without "crime", which is not a category of the Code but an unknown one)
RULE_CATEGORIES = ("criminal_misdemeanour", "minor", "medium", "grave", "especially_grave")
#: the stages of an unfinished offence (CC art. 24) and the rule that caps each
STAGE_RULES = {"preparation": "preparation_cap", "attempt": "attempt_cap"}


class _Dated:
    valid_from: date
    valid_to: date | None

    def covers(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


@attrs.frozen(eq=False)
class SentencingRule(_Dated):
    """One wording of a General-Part rule. `params` holds the rule's parameters as read: fractions
    as `Fraction`, terms as `Measure` (years as months), numbers as `int`, tables as read-only
    mappings and lists as tuples. `text_ru` (and `text_kk` where read) is the verbatim wording."""

    rule: str
    code: str
    article: str
    # `datetime.date`: in this class body the name `date` is not shadowed, but keep it explicit
    valid_from: datetime.date
    valid_to: datetime.date | None
    provenance: Provenance
    text_ru: str
    params: Mapping = attrs.field(factory=lambda: MappingProxyType({}))
    text_kk: str | None = None
    notes: str | None = None

    @property
    def sources(self) -> tuple[str, ...]:
        return self.provenance.sources

    @property
    def verification(self) -> str:
        return self.provenance.verification

    @property
    def citation(self) -> str:
        """'CC art. 71' / 'AC art. 62' as the explanation cites it."""
        return f"{self.code.upper()} art. {self.article}"

    def fraction(self, name: str = "max_fraction") -> Fraction | None:
        value = self.params.get(name)
        return value if isinstance(value, Fraction) else None

    def term(self, name: str) -> Measure | None:
        value = self.params.get(name)
        return value if isinstance(value, Measure) else None


@attrs.frozen
class RuleGap(_Dated):
    """A span in which the wording of `rule` was not read; `reason` says which and why."""

    rule: str
    code: str
    article: str
    valid_from: date
    valid_to: date
    reason: str


@attrs.frozen(eq=False)
class SentencingRules:
    """One Code's General-Part rules of sentencing and limitation. `path` is the file they come
    from; `present` is False where that file is missing (then every rule asked for raises
    `MissingRuleError`, and what does not need one works as before)."""

    code: str
    rules: tuple[SentencingRule, ...] = ()
    gaps: tuple[RuleGap, ...] = ()
    path: str = ""
    present: bool = True

    def in_force(self, rule: str, on: date) -> tuple[SentencingRule, ...]:
        """The wordings of `rule` in force on `on` (usually one; several where the Code states the
        rule in more than one part). Empty where the data has none; `UnreadWordingError` for a day
        inside a gap of that rule."""
        for gap in self.gaps:
            if gap.rule == rule and gap.covers(on):
                first, last = self.coverage(rule)
                raise UnreadWordingError(
                    f"{self.code.upper()} art. {gap.article} ({rule})",
                    on,
                    first,
                    last,
                    gap.valid_from,
                    gap.valid_to,
                    gap.reason,
                )
        return tuple(r for r in self.rules if r.rule == rule and r.covers(on))

    def require(self, rule: str, on: date) -> SentencingRule:
        """The wording of `rule` in force on `on`; `MissingRuleError` where none is encoded (or the
        file is missing), `UnreadWordingError` inside a gap."""
        if not self.present:
            raise MissingRuleError(f"{self.code.upper()} {rule}", on, f"the data file {self.path} is missing")
        found = self.in_force(rule, on)
        if not found:
            first, last = self.coverage(rule)
            known = (
                f"the data has it for {first.isoformat()} to {last.isoformat() if last else 'today'}"
                if first
                else f"the data ({self.path}) has no wording of it"
            )
            raise MissingRuleError(f"{self.code.upper()} {rule}", on, known)
        return found[0]

    def edges(self, rule: str) -> frozenset[date]:
        """The days on which a wording (or an unread span) of `rule` starts, or the day after one ends:
        between two consecutive edges the same wordings are in force."""
        days = set()
        for span in self.rules + self.gaps:
            if span.rule == rule:
                days.add(span.valid_from)
                if span.valid_to is not None:
                    days.add(span.valid_to + datetime.timedelta(days=1))
        return frozenset(days)

    def coverage(self, rule: str) -> tuple[date | None, date | None]:
        """The first and last day any wording (or gap) of `rule` covers; `last` None while open-ended."""
        spans = [(r.valid_from, r.valid_to) for r in self.rules if r.rule == rule]
        spans += [(g.valid_from, g.valid_to) for g in self.gaps if g.rule == rule]
        if not spans:
            return None, None
        last = None if any(e is None for _, e in spans) else max(e for _, e in spans if e is not None)
        return min(s for s, _ in spans), last
