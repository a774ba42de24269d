"""The limitation period: the last day a prosecution (CC art. 71) or an administrative case (AC
art. 62) can be brought, counted from the day committed, by the rule's wording on that day.

One function, `limitation()`, used by `Assessment.limitation`, `assess_batch()`'s
`limitation_date` column and `penalties.review`. The CC term is the one of the version's category
(CC art. 11); the AC term is the general one, with the article's special terms listed as
alternatives with their conditions (the data names the matters they cover, not the articles). A
later wording in force by the decision whose term is shorter applies instead (CC art. 6, AC art.
5: a law that improves the offender's position applies retroactively).

Counting: the term starts the day after the day committed and ends on the same-numbered day of
the last month or year (the last day of that month where it has no such day), so 1 year from
2020-03-15 ends on 2021-03-15. This is the usual procedural counting; the procedural codes'
own articles were not read for it, which `Limitation.counting` says.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import attrs

from ..data.sentencing import sentencing_rules
from ..errors import MissingRuleError, OutOfCoverageError, UnreadWordingError
from ..law.quantities import Measure, measure_text
from ..law.sentencing import RULE_CATEGORIES, SentencingRule

#: what the AC article's offender words cover (the data's names, statutes/kz/ac/limitation.toml)
AC_OFFENDER_GROUPS = {
    "natural_person": ("individual", "official"),
    "legal_entity": ("small_business", "medium_business", "large_business", "legal_entity"),
    "legal_entity_incl_entrepreneur": (
        "small_business",
        "medium_business",
        "large_business",
        "legal_entity",
        "individual_entrepreneur",
    ),
}
COUNTING = (
    "the day committed is not counted; the term ends on the same-numbered day of its last month or year "
    "(the month's last day where there is none); the procedural codes' counting rules were not read"
)


def add_term(start: date, term: Measure) -> date:
    """`start` plus a calendar term (months: same day of the month, clamped to its last day).

    Raises `OutOfCoverageError` where the sum falls after 9999-12-31, the last day a `date` holds
    (an offence "committed" in the far future, as a fuzzer or a typo gives)."""
    if term.unit == "day":
        if (date.max - start).days < term.value:
            raise _beyond_calendar(start, term)
        return start + timedelta(days=int(term.value))
    if term.unit != "month" or term.value != int(term.value):
        raise ValueError(f"a limitation term is whole months or days, got {term}")
    months = start.month - 1 + int(term.value)
    year, month = start.year + months // 12, months % 12 + 1
    if year > date.max.year:
        raise _beyond_calendar(start, term)
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _beyond_calendar(start: date, term: Measure) -> OutOfCoverageError:
    if term.unit == "day":
        last = date.max - timedelta(days=int(term.value))
    else:  # the last day from which the term still ends by 9999-12-31
        months = date.max.year * 12 + date.max.month - 1 - int(term.value)
        year, month = months // 12, months % 12 + 1
        last = date(year, month, calendar.monthrange(year, month)[1])
    return OutOfCoverageError(
        "limitation", start, date.min, last, f"a term of {measure_text(term)} from that day would end after 9999-12-31"
    )


@attrs.frozen
class Alternative:
    """A special term of the rule, which applies instead where its condition holds (the offence is
    a corruption crime; the AC offence is in one of `matters`)."""

    condition: str
    term: Measure
    runs_from: str
    last_day: date | None
    text: str

    @property
    def term_text(self) -> str:
        return str(measure_text(self.term))

    def to_dict(self) -> dict:
        return {
            "condition": self.condition,
            "term": measure_text(self.term),
            "runs_from": self.runs_from,
            "last_day": self.last_day.isoformat() if self.last_day else None,
            "text": self.text,
        }


@attrs.frozen
class Limitation:
    """The limitation period of a case: `term` from `runs_from` ("committed"), ending `last_day`
    (the last day a prosecution or case can be brought), under `rule` (its article, sources,
    quote). `alternatives` are the rule's special terms with their conditions; `not_applicable`
    the offences the rule excludes (no limitation for them); `lex_mitior` is True where a later,
    shorter wording was applied."""

    rule: SentencingRule
    term: Measure
    runs_from: str
    last_day: date
    basis: str
    alternatives: tuple[Alternative, ...] = ()
    not_applicable: tuple[str, ...] = ()
    lex_mitior: bool = False
    counting: str = COUNTING

    @property
    def article(self) -> str:
        return self.rule.article

    @property
    def term_text(self) -> str:
        return str(measure_text(self.term))

    def to_dict(self) -> dict:
        return {
            "article": self.rule.article,
            "code": self.rule.code,
            "term": measure_text(self.term),
            "runs_from": self.runs_from,
            "last_day": self.last_day.isoformat(),
            "basis": self.basis,
            "alternatives": [a.to_dict() for a in self.alternatives],
            "not_applicable": list(self.not_applicable),
            "lex_mitior": self.lex_mitior,
            "valid_from": self.rule.valid_from.isoformat(),
            "valid_to": self.rule.valid_to.isoformat() if self.rule.valid_to else None,
            "verification": self.rule.verification,
            "sources": list(self.rule.sources),
            "counting": self.counting,
        }


def limitation(
    code: str, category: str | None, committed: date, decided: date | None = None, offender: str = "individual"
) -> Limitation:
    """The limitation of an offence of `code` committed on `committed` (decided on `decided`, for
    a later milder wording): for the CC by `category` (CC art. 11), for the AC by `offender`.

    Raises `MissingRuleError` where no wording is encoded or the CC category is not known, and
    `UnreadWordingError` where the wording in force on the day committed was not read.
    """
    rules = sentencing_rules(code)
    chosen = _limitation_by(rules.require("limitation", committed), code, category, committed, offender)
    if decided is not None and decided > committed:
        try:
            later = rules.in_force("limitation", decided)
        except UnreadWordingError:
            later = ()  # the later wording is unknown: the one read at commission stands
        for rule in later:
            if rule is chosen.rule:
                continue
            other = _limitation_by(rule, code, category, committed, offender)
            if other.last_day < chosen.last_day:
                chosen = attrs.evolve(other, lex_mitior=True)
    return chosen


def _limitation_by(rule: SentencingRule, code: str, category: str | None, committed: date, offender: str) -> Limitation:
    params = rule.params
    runs_from = str(params.get("runs_from", "committed"))
    if code == "cc":
        if category not in RULE_CATEGORIES:
            raise MissingRuleError(
                "CC limitation",
                committed,
                "the category of the offence (CC art. 11) is not encoded for this version, and the term depends on it",
            )
        term = params["by_category"].get(category)
        if not isinstance(term, Measure):
            raise MissingRuleError("CC limitation", committed, f"art. {rule.article} gives no term for {category}")
        basis = category
    else:
        term = params["term"]
        basis = "general"
    alternatives = []
    for special in params.get("special", ()):
        categories = special.get("categories")
        if code == "cc" and categories is not None and category not in categories:
            continue  # a special term for other categories (the corruption term of minor and medium crimes)
        offenders = special.get("offenders", ("any",))
        if code == "ac" and not any(o == "any" or offender in (AC_OFFENDER_GROUPS.get(o) or ()) for o in offenders):
            continue
        condition = special.get("condition") or ", ".join(special.get("matters", ())) or "special"
        if special.get("matters") and special.get("condition"):
            condition = f"{', '.join(special['matters'])} ({special['condition']})"
        from_ = str(special.get("runs_from", runs_from))
        alternatives.append(
            Alternative(
                condition,
                special["term"],
                from_,
                add_term(committed, special["term"]) if from_ == "committed" else None,
                str(special.get("text", "")),
            )
        )
    return Limitation(
        rule,
        term,
        runs_from,
        add_term(committed, term),
        basis,
        tuple(alternatives),
        tuple(str(x) for x in params.get("not_applicable", ())),
    )


#: why a case's limitation could not be given: "unread" (the wording in force on the day
#: committed was not read), "missing" (no wording encoded, or the data file is missing),
#: "no_category" (CC: the version's category is not encoded), "abolished" (no offence to prosecute)
#: "beyond_calendar" (the last day would fall after 9999-12-31)
UNAVAILABLE = ("unread", "missing", "no_category", "abolished", "beyond_calendar")


@attrs.frozen
class Unavailable:
    """Why a limitation could not be given: `code` (one of `UNAVAILABLE`) and the error's words."""

    code: str
    detail: str

    def to_dict(self) -> dict:
        return {"last_day": None, "unavailable": self.code, "reason": self.detail}


def case_limitation(
    code: str, category: str | None, committed: date, decided: date | None, offender: str, abolished: bool = False
) -> Limitation | Unavailable:
    """`limitation()` for a case, with the reason in place of an error where it cannot be given:
    what an assessment and a batch row report (they answer the rest of the question regardless)."""
    if abolished:
        return Unavailable("abolished", "the offence was abolished")
    if code == "cc" and category not in RULE_CATEGORIES:
        return Unavailable(
            "no_category",
            "the category of the offence (CC art. 11) is not encoded for this "
            "version, and the limitation term depends on it",
        )
    try:
        return limitation(code, category, committed, decided, offender)
    except UnreadWordingError as error:
        return Unavailable("unread", str(error))
    except MissingRuleError as error:
        return Unavailable("missing", str(error))
    except OutOfCoverageError as error:  # raised by add_term alone: the rules' own gaps are UnreadWordingError
        return Unavailable("beyond_calendar", str(error))


def add_months_days(days, months):
    """`add_term` for numpy arrays: day numbers (days since 1970-01-01) plus whole months each, by
    the same count (the same-numbered day, or the month's last day where it has none)."""
    import numpy as np

    start = np.asarray(days, dtype="int64").astype("datetime64[D]")
    month = start.astype("datetime64[M]")
    day_of_month = (start - month.astype("datetime64[D]")).astype(np.int64)  # 0-based
    target = month + np.asarray(months, dtype=np.int64).astype("timedelta64[M]")
    length = ((target + np.timedelta64(1, "M")).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(
        np.int64
    )
    return target.astype("datetime64[D]").astype(np.int64) + np.minimum(day_of_month, length - 1)
