"""The words of the output, read from the gettext catalogs `penalties/locale/<lang>/LC_MESSAGES/`.

Every English, Russian and Kazakh word and sentence the library prints lives in one `.po` file per
language (`penalties.po`), compiled to the `.mo` file next to it, which is what this module reads.
Message ids are stable keys, not English text: the English wording is itself a translation
(`en/…/penalties.po`), so improving it does not change any id. `msgctxt` says what a key names:

    notice                 a notice's sentence, by `Notice.code`; {0}, {1} … are its parameters
    notice parameter       the word a notice's string parameter stands for ("secondary", "committed" …)
    kind                   a kind of punishment, by its name in `law/kinds.py`
    assessment             headings and labels of `Assessment.format()`
    offender               an offender category, by its name in `law/provisions.py` (OFFENDERS)
    reduced payment        the summary-procedure line; {article}, {percent}, {days}, {amount}
    amount                 "mci": the MCI's abbreviation
    amount range           between / up_to / at_least around formatted amounts
    term range             the same around terms
    term unit              a unit after a numeral (plural entry, one form per CLDR plural category)
    term unit, <range>     the form the unit's last word takes inside that term-range template
                           (Russian "до 5 лет" genitive, Kazakh "5 жылға дейін" dative)

Adding a message (a new notice code, kind, label): add it to `en/LC_MESSAGES/penalties.po`, run
`python scripts/translations.py update` (adds it, with its English, to the ru and kk catalogs),
fill in its Russian and Kazakh `msgstr`, then `python scripts/translations.py compile`.
`tests/test_translations.py` fails until every key the code uses is in all three catalogs, none is
empty or fuzzy, and the `.mo` files match the `.po` files. docs/translations.md has the details.

Nothing here is read at import: a catalog is opened the first time a word of its language is
asked for, and kept (`catalog` is cached), so the hot path is a dict lookup.
"""

from __future__ import annotations

import functools
from pathlib import Path

DOMAIN = "penalties"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
# the order gettext numbers plural forms in, as babel.plural.to_gettext writes Plural-Forms
CLDR_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


def catalog_path(lang: str, suffix: str = ".mo") -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


@functools.cache
def catalog(lang: str):
    """The compiled catalog of `lang` (a `gettext.GNUTranslations`), opened once."""
    import gettext

    from .formatting import check_lang

    with open(catalog_path(check_lang(lang)), "rb") as f:
        return gettext.GNUTranslations(f)


def message(lang: str, context: str, key: str) -> str:
    """The text of `key` in `context` and language `lang`; MissingMessageError if it has none."""
    # the parsed catalog is a dict keyed "context\x04id" (the .mo format); reading it directly,
    # rather than through pgettext, tells a missing entry apart from one worded as its own key
    text = catalog(lang)._catalog.get(f"{context}\x04{key}")
    if text is None:
        from ..errors import MissingMessageError

        raise MissingMessageError(lang, context, key)
    return text


def has_message(lang: str, context: str, key: str) -> bool:
    return f"{context}\x04{key}" in catalog(lang)._catalog


def plural_message(lang: str, context: str, key: str, n) -> str:
    """The form of `key` for the number `n`, chosen by the CLDR plural rules of `lang`.

    gettext's own ngettext cannot be used: it evaluates Plural-Forms on integers, and a term can
    be a fraction (Russian "1,5 месяца" takes the CLDR category 'other', not 'many').
    """
    text = catalog(lang)._catalog.get((f"{context}\x04{key}", _plural_index(lang, n)))
    if text is None:
        from ..errors import MissingMessageError

        raise MissingMessageError(lang, context, key)
    return text


def plural_category(n, lang: str) -> str:
    """CLDR's plural category of `n` in `lang`: 'one', 'few', 'many', 'other' …"""
    return _plural_rule(lang)[0](n)


def _plural_index(lang: str, n) -> int:
    if isinstance(n, int):
        return _whole_plural_index(lang, n)
    rule, order = _plural_rule(lang)  # not cached: Decimal("1") == Decimal("1.0"), but CLDR tells them apart
    return order.index(rule(n))


@functools.lru_cache(maxsize=1024)  # terms repeat, and CLDR's rule takes microseconds per call
def _whole_plural_index(lang: str, n: int) -> int:
    rule, order = _plural_rule(lang)
    return order.index(rule(n))


@functools.cache
def _plural_rule(lang: str):
    """CLDR's plural rule of `lang` and its categories in gettext's order of msgstr[i]."""
    from babel import Locale

    rule = Locale.parse(lang).plural_form
    return rule, tuple(c for c in CLDR_CATEGORIES if c in rule.tags or c == "other")
