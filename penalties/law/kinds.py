"""The kinds of punishment and penalty, and the one unit each is measured in.

A term is a calendar quantity: arrest in days; imprisonment, restriction of freedom and bans in
months (a year is exactly twelve calendar months); community service and public works in hours.
Days are never converted to months: the law counts them separately.
"""

from __future__ import annotations

import attrs

MONEY = "money"  # MCI, KZT, or a multiple / percentage of a base amount
DAY = "day"
MONTH = "month"
HOUR = "hour"
NONE = "none"  # a warning, confiscation: no measure


@attrs.frozen
class Kind:
    """A kind of punishment. Its name in each language is in the catalogs (context "kind", keyed
    by `name`: `penalties.output.messages.message(lang, "kind", name)`)."""

    name: str
    measure: str
    codes: frozenset[str]
    #: a kind that is one punishment with a choice the sanction leaves to the court ("с приостановлением
    #: или запрещением деятельности на срок до трех лет"): the kinds it may be imposed as, in the text's
    #: order; its bounds (the term the text sets once) bind each of them
    alternatives: tuple[str, ...] = ()


_KINDS = (
    # kind, measure, codes
    ("fine", MONEY, "cc ac"),
    ("corrective_labour", MONEY, "cc"),
    ("community_service", HOUR, "cc"),
    ("restriction_of_freedom", MONTH, "cc"),
    ("arrest", DAY, "cc ac"),
    ("imprisonment", MONTH, "cc"),
    ("life_imprisonment", NONE, "cc"),
    ("death_penalty", NONE, "cc"),  # in the 2015 Code for a few especially grave crimes
    ("deprivation_of_right", MONTH, "cc"),
    ("confiscation", NONE, "cc ac"),
    ("expulsion", MONTH, "cc ac"),  # a term where one is set
    ("deprivation_of_title", NONE, "cc"),
    ("deprivation_of_citizenship", NONE, "cc"),  # additional (terrorist and extremist crimes)
    ("warning", NONE, "ac"),
    ("public_works", HOUR, "ac"),
    ("suspension_of_activity", MONTH, "ac"),
    ("prohibition_of_activity", MONTH, "ac"),  # a term where one is set ("на срок до трех лет")
    ("deprivation_of_licence", MONTH, "ac"),
    ("deprivation_of_special_right", MONTH, "ac"),
    # one additional punishment, two alternatives (issue 12): "с приостановлением или запрещением
    # деятельности на срок до трех лет"; "с приостановлением действия либо лишением свидетельства об аккредитации"
    ("suspension_or_prohibition_of_activity", MONTH, "ac"),
    ("suspension_or_deprivation_of_licence", MONTH, "ac"),
)
_ALTERNATIVES = {
    "suspension_or_prohibition_of_activity": ("suspension_of_activity", "prohibition_of_activity"),
    "suspension_or_deprivation_of_licence": ("suspension_of_activity", "deprivation_of_licence"),
}

KINDS: dict[str, Kind] = {
    name: Kind(name, measure, frozenset(codes.split()), _ALTERNATIVES.get(name, ())) for name, measure, codes in _KINDS
}


def imposable_as(kind: str) -> tuple[str, ...]:
    """The kinds a punishment of `kind` is imposed as: itself, or its alternatives for a kind with a choice."""
    return KINDS[kind].alternatives or (kind,)
