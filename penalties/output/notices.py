"""Warnings as data: a code and its parameters, worded in English, Russian or Kazakh on demand.

`Assessment.warnings` gives the English sentences (the JSON contract); `Assessment.notices` gives
these objects, and `Assessment.format("ru")` words them in Russian.

The sentences are in the catalogs (`penalties/output/messages.py`): context "notice", keyed by the
code, with {0}, {1} … for the parameters. A string parameter is worded through the context
"notice parameter" (a kind's name through "kind") when the catalog has it, and printed as is
otherwise (a code's abbreviation, an article number). A new code needs an entry in
`penalties/locale/en/LC_MESSAGES/penalties.po`, then `python scripts/translations.py update`, the
Russian and Kazakh wording, and `python scripts/translations.py compile` (docs/translations.md).
"""

from __future__ import annotations

from datetime import date

import attrs

from ..law.kinds import KINDS
from . import messages


@attrs.frozen(cache_hash=True)
class Notice:
    code: str
    params: tuple = ()

    def text(self, lang: str = "en") -> str:
        args = [_localize(p, lang) for p in self.params]
        return messages.message(lang, "notice", self.code).format(*args)

    def __str__(self) -> str:
        return self.text("en")


def _localize(value, lang: str):
    if isinstance(value, str) and value in KINDS:
        return messages.message(lang, "kind", value)
    if isinstance(value, str) and messages.has_message(lang, "notice parameter", value):
        return messages.message(lang, "notice parameter", value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ", ".join(str(_localize(v, lang)) for v in value)
    return value
