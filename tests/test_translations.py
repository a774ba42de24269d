"""The message catalogs (penalties/locale/): complete, consistent with the code, compiled, lazy.

The words themselves are checked by the snapshots (tests/snapshots/, test_output_languages.py).
"""

import ast
import string
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from babel.plural import to_gettext

import penalties
from penalties.errors import MissingMessageError
from penalties.law.general_part import VALUATION_DATES
from penalties.law.kinds import DAY, HOUR, KINDS, MONTH
from penalties.law.provenance import VERIFICATION_LEVELS
from penalties.law.provisions import OFFENDERS, UNNAMED
from penalties.law.rates import BASES
from penalties.law.sentencing import RULE_CATEGORIES, RULE_IDS
from penalties.output import formatting as fmt
from penalties.output import messages
from penalties.reasoning.aggregation import AGGREGATES, METHODS
from penalties.reasoning.aggregation import CONDITIONS as AGGREGATE_CONDITIONS
from penalties.reasoning.limitation import UNAVAILABLE
from penalties.reviewing import CONDITIONS, REASONS, VERDICTS

PACKAGE = Path(penalties.__file__).parent
LANGS = ("en", "ru", "kk")
RANGES = ("between", "up_to", "at_least")


def _po(lang):
    with open(messages.catalog_path(lang, ".po"), "rb") as f:
        return read_po(f, locale=lang, domain="penalties")


def _entries(catalog) -> dict:
    return {(m.context, m.id[0] if isinstance(m.id, (tuple, list)) else m.id): m for m in catalog if m.id}


def _calls(path: Path):
    return [node for node in ast.walk(ast.parse(path.read_text())) if isinstance(node, ast.Call)]


def _constant(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _keys_used_by_the_code() -> set[tuple[str, str]]:
    """Every (msgctxt, msgid) the library can ask for, read from its source where it is written
    there, and from the tables the dynamic keys come from where it is not."""
    used = set()
    for path in PACKAGE.rglob("*.py"):
        for call in _calls(path):
            name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
            args = [_constant(a) for a in call.args]
            if name == "Notice" and args and args[0]:
                used.add(("notice", args[0]))
            if name in ("message", "plural_message") and len(args) >= 3 and args[1] and args[2]:
                used.add((args[1], args[2]))
            if name == "_say" and path.name == "render.py" and len(args) >= 2 and args[1]:
                used.add(("history", args[1]))  # render._say(lang, key): the context "history"
            if name == "w" and path.name == "render.py" and args and args[0]:
                used.add(("assessment", args[0]))
    # render_assessment labels a version's verification and a rate's basis: w(v.verification) …
    used |= {("assessment", level) for level in VERIFICATION_LEVELS} | {("assessment", b) for b in BASES}
    # notice parameters: a non-primary verification (version_level, mci_level), a basis other than
    # the daily official rate (rate_basis), a valuation date (no_valuation_rule), and why a minimum
    # is missing (no_minimum: "category" or "no_limit", in assessment.py)
    used |= {("notice parameter", level) for level in VERIFICATION_LEVELS if level != "primary"}
    used |= {("notice parameter", b) for b in BASES if b != "daily_official"}
    used |= {("notice parameter", d) for d in VALUATION_DATES} | {
        ("notice parameter", "category"),
        ("notice parameter", "no_limit"),
    }
    used |= {("kind", name) for name in KINDS}
    # the limitation line: why it is unavailable, and the Code's citation (render.limitation_line)
    # a review's verdicts, reasons, rule names and the conditions it names (render.render_review)
    used |= {("review", key) for key in VERDICTS + REASONS} | {("sentencing rule", r) for r in RULE_IDS}
    used |= {("condition", c) for c in CONDITIONS}
    # several offences or sentences (render.render_aggregate): headings, methods, categories, the condition
    used |= {("aggregate", f"heading_{a}") for a in AGGREGATES} | {("aggregate method", m) for m in METHODS}
    used |= {("aggregate", f"max_{b}") for b in ("addition", "aggregate_cap", "general_part_limit")}
    used |= {("category", c) for c in RULE_CATEGORIES + ("unknown",)} | {("condition", c) for c in AGGREGATE_CONDITIONS}
    used |= {("limitation", code) for code in UNAVAILABLE} | {
        ("limitation", "article_cc"),
        ("limitation", "article_ac"),
    }
    # render_assessment and the histories name offender categories (OFFENDERS and "unnamed"); Kazakh
    # citations put the month of an act's date in its locative-attributive form (formatting.MONTH_KEYS)
    used |= {("offender", o) for o in OFFENDERS + (UNNAMED,)}
    used |= {("month, of the day", m) for m in fmt.MONTH_KEYS}
    # terms: the measures of the kinds, and years (a whole number of months reads as years)
    for unit in {DAY, MONTH, HOUR, "year"}:
        used |= {("term unit", unit)} | {(f"term unit, {r}", unit) for r in RANGES}
    return used


def test_the_source_scan_finds_the_keys_it_should():
    used = _keys_used_by_the_code()
    # one of each way a key is written in the code
    assert {
        ("notice", "incomparable"),
        ("notice", "no_initiated"),
        ("assessment", "why"),
        ("reduced payment", "summary_procedure"),
        ("term range", "up_to"),
        ("amount range", "at_least"),
        ("amount", "mci"),
    } <= used


@pytest.mark.parametrize("lang", LANGS)
def test_every_key_the_code_uses_is_in_the_catalog_and_nothing_else(lang):
    have = set(_entries(_po(lang)))
    used = _keys_used_by_the_code()
    assert sorted(used - have) == [], f"missing in {lang}"
    assert sorted(have - used) == [], f"unused in {lang}: remove, or the code lost a use"


@pytest.mark.parametrize("lang", LANGS)
def test_no_entry_is_empty_or_fuzzy(lang):
    catalog = _po(lang)
    assert not catalog.fuzzy
    for key, m in _entries(catalog).items():
        forms = m.string if isinstance(m.string, tuple) else (m.string,)
        assert all(forms) and not m.fuzzy, f"{lang} {key}: empty or fuzzy"
        if isinstance(m.id, tuple):
            assert len(forms) == catalog.num_plurals, f"{lang} {key}"


@pytest.mark.parametrize("lang", ("ru", "kk"))
def test_translations_keep_the_english_placeholders(lang):
    english = _entries(_po("en"))

    def fields(text):
        return sorted(f for _, f, _, _ in string.Formatter().parse(text) if f is not None)

    for key, m in _entries(_po(lang)).items():
        theirs = m.string if isinstance(m.string, tuple) else (m.string,)
        ours = english[key].string if isinstance(english[key].string, tuple) else (english[key].string,)
        assert {tuple(fields(t)) for t in theirs} == {tuple(fields(t)) for t in ours}, f"{lang} {key}"


@pytest.mark.parametrize("lang", LANGS)
def test_plural_forms_are_cldrs(lang):
    # msgstr[i] is the i-th CLDR category: messages.plural_message selects by that order
    catalog = _po(lang)
    assert f"nplurals={catalog.num_plurals}; plural={catalog.plural_expr};" == to_gettext(
        Locale.parse(lang).plural_form
    )


@pytest.mark.parametrize("lang", LANGS)
def test_compiled_catalogs_match_the_po_files(lang):
    # compared as messages, not bytes, so that another babel version's .mo layout is no failure;
    # fix with: python scripts/translations.py compile
    with open(messages.catalog_path(lang), "rb") as f:
        compiled = read_mo(f)

    def strings(catalog):
        return {
            k: tuple(m.string) if isinstance(m.string, (tuple, list)) else m.string
            for k, m in _entries(catalog).items()
        }

    assert strings(compiled) == strings(_po(lang))


def test_a_missing_message_is_an_error_with_data():
    with pytest.raises(MissingMessageError) as caught:
        messages.message("ru", "notice", "no_such_code")
    assert (caught.value.lang, caught.value.context, caught.value.key) == ("ru", "notice", "no_such_code")
    assert isinstance(caught.value, penalties.PenaltiesError)


def test_catalogs_are_opened_once():
    assert messages.catalog("kk") is messages.catalog("kk")


def test_plural_forms_follow_cldr_for_fractions_and_large_numbers():
    # Russian: a fraction takes the genitive singular (1,5 месяца); 111-114 are 'many'; 1001 'one'
    assert fmt.plural(Decimal("1.5"), "month", "ru") == "1,5 месяца"
    assert fmt.plural(Decimal("1.5"), "day", "ru") == "1,5 суток"
    assert fmt.plural(Decimal("1.5"), "month", "en") == "1.5 months"
    assert fmt.plural(Decimal("1.5"), "day", "kk") == "1,5 тәулік"
    assert [fmt.plural(n, "year", "ru") for n in (111, 112, 122, 1001)] == [
        "111 лет",
        "112 лет",
        "122 года",
        "1\xa0001 год",
    ]
    assert fmt.plural(Decimal("1.0"), "day", "en") == "1 day"


def test_catalogs_load_lazily():
    code = (
        "import sys\n"
        "from datetime import date\n"
        "import penalties\n"
        "assert 'penalties.output.messages' not in sys.modules\n"
        "a = penalties.assess('CC 403(1)', on=date(2016, 6, 1))\n"
        "from penalties.output import messages\n"
        "assert messages.catalog.cache_info().currsize == 0, 'assess alone read a catalog'\n"
        "a.warnings\n"
        "assert messages.catalog.cache_info().currsize == 1\n"
        "a.format('ru')\n"
        "assert messages.catalog.cache_info().currsize == 2\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=PACKAGE.parent)
