"""Where a value comes from: the act that set it, the sources it was read in, how well it is verified.

A record names its act by number (`act = "180-VI"`, looked up in the acts registry,
`penalties.data.acts`) or, in old data, by an inline table; `entry_into_force` beside a number
is the record's own rule and replaces the act's for that record. The keys are read and checked by
`penalties.data.checker.Checker`.
"""

from __future__ import annotations

import datetime
from datetime import date

import attrs

from .. import _moved

VERIFICATION_LEVELS = ("primary", "secondary", "unverified")


ACT_KINDS = ("code", "law", "decree")

# The keys an act's JSON has always had (`version.act`, `mci_act`); the registry's further fields
# (kind, in_force, published, sources, notes) are attributes, not JSON, so that the JSON contract
# stays as it was.
_JSON_FIELDS = ("number", "date", "title", "entry_into_force", "url", "article")


@attrs.frozen
class Act:
    """A legal act: `number` as printed (`"180-VI"`), its date (signed), and optional details.

    An act comes from the registry (`statutes/kz/acts.toml`, `penalties.data.acts`) or, for old
    data, from an inline table. `entry_into_force` is the rule in words; a version may state its
    own (part-specific) rule, and then its `act` carries that one. `in_force` is the date the rule
    names, when it names one; `published` is the first official publication, when known, and
    `published_source` says where that date was read.
    """

    number: str
    date: date
    title: str | None = None
    entry_into_force: str | None = None
    url: str | None = None
    article: str | None = None
    kind: str | None = None
    # `datetime.date`: in this class body the name `date` is the field above
    in_force: datetime.date | None = None
    published: datetime.date | None = None
    published_source: str | None = None
    sources: tuple[str, ...] = ()
    notes: str | None = None

    def __str__(self) -> str:
        text = f"No. {self.number} of {self.date.isoformat()}"
        return f"{text} «{self.title}»" if self.title else text

    def to_dict(self) -> dict:
        return {
            k: (v.isoformat() if isinstance(v, date) else v)
            for k in _JSON_FIELDS
            if (v := getattr(self, k)) is not None
        }


@attrs.frozen
class Provenance:
    act: Act
    sources: tuple[str, ...]
    verification: str
    verified_through: date | None = None
    notes: str | None = None


__getattr__ = _moved.names(__name__, {"Checker": "data.checker", "check_sequence": "data.checker"})
