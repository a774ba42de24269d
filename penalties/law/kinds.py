"""The kinds of punishment and penalty, and the one unit each is measured in.

A term is a calendar quantity: arrest in days; imprisonment, restriction of freedom and bans in
months (a year is exactly twelve calendar months); community service and public works in hours.
Days are never converted to months: the law counts them separately.
"""

from __future__ import annotations

import attrs

MONEY = "money"      # MCI, KZT, or a multiple / percentage of a base amount
DAY = "day"
MONTH = "month"
HOUR = "hour"
NONE = "none"        # a warning, confiscation: no measure


@attrs.frozen
class Kind:
    """A kind of punishment. Its name in each language is in the catalogs (context "kind", keyed
    by `name`: `penalties.output.messages.message(lang, "kind", name)`)."""

    name: str
    measure: str
    codes: frozenset[str]


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
)

KINDS: dict[str, Kind] = {name: Kind(name, measure, frozenset(codes.split())) for name, measure, codes in _KINDS}
