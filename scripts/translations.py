"""Keep the message catalogs in penalties/locale/ in step (see docs/translations.md).

    python scripts/translations.py update    # after editing en/LC_MESSAGES/penalties.po
    python scripts/translations.py compile   # after editing any .po: writes the .mo files

`update` treats the English catalog as the template, since message ids are keys and the English
wording is itself a translation: every other catalog gets the keys it lacks (empty, to be worded),
loses the keys English no longer has, and has an entry marked fuzzy when its English changed
since it was worded (the English is kept in each entry's '#. en:' comment, which is how the change
is seen). It also writes, above every plural entry, which numbers each msgstr[i] is for, from
CLDR's plural rules; a catalog's Plural-Forms header is CLDR's rule (babel.plural.to_gettext), so
that msgstr[i] is the i-th CLDR category the library selects by.

`compile` is `pybabel compile -d penalties/locale -D penalties` (fuzzy entries are left out; a
catalog with empty or fuzzy entries is reported and tests/test_translations.py fails).
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from babel.plural import to_gettext

LOCALE_DIR = Path(__file__).resolve().parent.parent / "penalties" / "locale"
DOMAIN = "penalties"
SOURCE = "en"
CLDR_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> list[str]:
    return sorted(p.name for p in LOCALE_DIR.iterdir() if (p / "LC_MESSAGES" / f"{DOMAIN}.po").exists())


def read(lang: str) -> Catalog:
    with open(po_path(lang), "rb") as f:
        return read_po(f, locale=lang, domain=DOMAIN)


def write(lang: str, catalog: Catalog) -> None:
    with open(po_path(lang), "wb") as f:
        write_po(f, catalog, width=10**6, sort_output=False)  # no wrapping: one line per comment and string


def key(message) -> str:
    return f"{message.context}/{message.id[0] if isinstance(message.id, tuple) else message.id}"


def english(message) -> str:
    return " / ".join(message.string) if isinstance(message.id, tuple) else message.string


def plural_comment(lang: str) -> str:
    """'forms: [0] one: 1, 21, 31 …; [1] few: 2, 3, 4 …' for `lang`, from CLDR."""
    rule = Locale.parse(lang).plural_form
    order = [c for c in CLDR_CATEGORIES if c in rule.tags or c == "other"]
    parts = []
    for i, category in enumerate(order):
        examples = [str(n) for n in range(200) if rule(n) == category][:4]
        if not examples:
            examples = ["1.5"] if rule(Decimal("1.5")) == category else []
        parts.append(f"[{i}] {category}: {', '.join(examples)} …")
    return "forms: " + "; ".join(parts)


def set_plural_forms(catalog: Catalog, lang: str) -> None:
    nplurals, expr = to_gettext(Locale.parse(lang).plural_form).rstrip(";").split("; plural=")
    # babel's Catalog has no public setter; these are what read_po sets from the header
    catalog._num_plurals, catalog._plural_expr = int(nplurals.split("=")[1]), expr


def update() -> int:
    source = read(SOURCE)
    for lang in languages():
        old = source if lang == SOURCE else read(lang)
        new = Catalog(
            locale=lang,
            domain=DOMAIN,
            header_comment=old.header_comment,
            project=old.project,
            version=old.version,
            copyright_holder=old.copyright_holder,
            msgid_bugs_address=old.msgid_bugs_address,
            creation_date=old.creation_date,
            revision_date=old.revision_date,
            last_translator=old.last_translator,
            language_team=old.language_team,
            fuzzy=False,
        )
        set_plural_forms(new, lang)
        forms = plural_comment(lang)
        added, fuzzy = [], []
        for message in source:
            if not message.id:
                continue
            comments = [] if lang == SOURCE else [f"en: {english(message)}"]
            if isinstance(message.id, tuple):
                comments.append(forms)
            previous = old.get(message.id, message.context)
            flags = set()
            if lang == SOURCE:
                string = message.string
            elif previous is None:
                string = ("",) * new.num_plurals if isinstance(message.id, tuple) else ""
                added.append(key(message))
            else:
                string = previous.string
                flags = set(previous.flags) & {"fuzzy"}
                worded_from = [c for c in previous.auto_comments if c.startswith("en: ")]
                if worded_from and worded_from != [f"en: {english(message)}"]:
                    flags.add("fuzzy")
                    fuzzy.append(key(message))
            new.add(
                message.id,
                string,
                context=message.context,
                auto_comments=comments,
                user_comments=previous.user_comments if previous else (),
                flags=flags,
            )
        dropped = [key(m) for m in old if m.id and source.get(m.id, m.context) is None]
        write(lang, new)
        print(f"{lang}: {len(added)} added, {len(fuzzy)} marked fuzzy (English changed), {len(dropped)} dropped")
        for name in added + fuzzy:
            print(f"  to word: {name}")
    return 0


def compile_all() -> int:
    status = 0
    for lang in languages():
        catalog = read(lang)
        todo = [
            m
            for m in catalog
            if m.id and (m.fuzzy or not all(m.string if isinstance(m.string, tuple) else (m.string,)))
        ]
        if todo:
            status = 1
            print(
                f"{lang}: {len(todo)} entries empty or fuzzy (left out): " + ", ".join(key(m) for m in todo[:5]),
                file=sys.stderr,
            )
        with open(po_path(lang).with_suffix(".mo"), "wb") as f:
            write_mo(f, catalog, use_fuzzy=False)
        print(f"{lang}: compiled {po_path(lang).with_suffix('.mo').relative_to(LOCALE_DIR.parent.parent)}")
    return status


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("update", "compile"))
    args = parser.parse_args(argv)
    return update() if args.command == "update" else compile_all()


if __name__ == "__main__":
    sys.exit(main())
