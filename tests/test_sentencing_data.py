"""The General-Part sentencing data (statutes/kz/cc/sentencing.toml, statutes/kz/ac/limitation.toml)
is well formed, and every parameter agrees with the official wording quoted beside it.

The structure checks read the files with tomllib alone (the loader in penalties/ is another module's
work). The pins read each parameter back out of the quote (`text_ru`, read in the official
redaction named by `sources`): a term or an amount is found in the words of the quote next to the
category or matter it is for, so that a parameter and its quote that disagree fail here.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from ru_numbers import numbers

ROOT = Path(__file__).resolve().parent.parent
CC_FILE = ROOT / "statutes" / "kz" / "cc" / "sentencing.toml"
AC_FILE = ROOT / "statutes" / "kz" / "ac" / "limitation.toml"
FILES = [CC_FILE, AC_FILE]

RULE_IDS = {
    "mitigating_cap", "plea_agreement_cap", "jury_leniency", "exceptional_mitigation", "preparation_cap",
    "attempt_cap", "recidivism_floor", "aggregate_offences", "aggregate_sentences", "probation",
    "compulsory_payment", "lifelong_ban", "ban_beyond_sanction", "limitation",
}
CATEGORIES = ("criminal_misdemeanour", "minor", "medium", "grave", "especially_grave")
VERIFICATIONS = {"primary", "secondary", "unverified"}
PINNED_SOURCE = re.compile(r"^https://github\.com/kazakhstan-law/codes/blob/[0-9a-f]{40}/02-codes/.+\.md$")
REQUIRED = {"rule", "article", "valid_from", "act", "verification", "verified_through", "sources", "text_ru", "params"}
OPTIONAL = {"valid_to", "text_kk", "notes", "entry_into_force"}
GAP_KEYS = {"rule", "article", "gap", "valid_from", "valid_to", "reason"}


def _load(path: Path) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _rules(path: Path) -> list[dict]:
    return _load(path)["rules"]


def _entries(path: Path, rule: str | None = None, *, gaps: bool = False) -> list[dict]:
    return [r for r in _rules(path) if (rule is None or r["rule"] == rule) and bool(r.get("gap")) == gaps]


def _flat(text: str) -> str:
    """The quote with its line breaks as spaces (the files keep one part a line)."""
    return re.sub(r"\s+", " ", text).strip()


def _acts() -> set[str]:
    numbers_ = set()
    for name in ("acts.toml", "acts-footnotes.toml"):
        numbers_ |= {a["number"] for a in _load(ROOT / "statutes" / "kz" / name)["acts"]}
    return {_act_key(n) for n in numbers_}


def _act_key(number: str) -> str:
    # official numbers are written with a Cyrillic "І" as often as with a Latin "I"
    return number.replace("І", "I").replace(" ", "")


def _term(value: str) -> tuple[int, str]:
    count, unit = value.split()
    assert unit in ("year", "month", "day"), value
    return int(count), unit


# ---------------------------------------------------------------------------------- structure

@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_shape(path):
    data = _load(path)
    assert data["schema"] == 1
    assert set(data) == {"schema", "rules"}
    assert data["rules"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_entry_is_complete(path):
    acts = _acts()
    for entry in _rules(path):
        label = f"{path.name}: {entry.get('rule')} {entry.get('valid_from')}"
        assert entry["rule"] in RULE_IDS, label
        assert re.fullmatch(r"[0-9]+(-[0-9]+)?(\([0-9]+(-[0-9]+)?\))*", entry["article"]), label
        if entry.get("gap"):
            assert set(entry) == GAP_KEYS, label
            assert entry["gap"] is True and entry["reason"].strip(), label
            assert isinstance(entry["valid_to"], date), label
            continue
        assert REQUIRED <= set(entry) <= REQUIRED | OPTIONAL, (label, set(entry) ^ REQUIRED)
        assert entry["verification"] in VERIFICATIONS, label
        assert _act_key(entry["act"]) in acts, f"{label}: act {entry['act']} is not in the acts registry"
        assert any(PINNED_SOURCE.match(s) for s in entry["sources"]), f"{label}: no source pinned to a commit"
        assert all(s.startswith("https://") for s in entry["sources"]), label
        assert entry["text_ru"].strip(), label
        assert isinstance(entry["valid_from"], date) and isinstance(entry["verified_through"], date), label
        assert entry["verified_through"] >= entry["valid_from"], label
        if "valid_to" in entry:
            assert entry["verified_through"] <= entry["valid_to"], label
        for key in ("by_category", "evasion_long_stop_by_category"):
            if key in entry["params"]:
                assert set(entry["params"][key]) <= set(CATEGORIES), label


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_dates_ordered_without_overlap(path):
    by_rule: dict[tuple[str, str], list[dict]] = {}
    for entry in _rules(path):
        # the same rule may rest on one article for some offences and another for others; one rule
        # of one article has one wording a day
        by_rule.setdefault((entry["rule"], entry["article"].split("(")[0]), []).append(entry)
    for key, entries in by_rule.items():
        starts = [e["valid_from"] for e in entries]
        assert starts == sorted(starts), f"{key}: entries not in date order"
        for entry in entries:
            if "valid_to" in entry:
                assert entry["valid_from"] <= entry["valid_to"], key
        for before, after in itertools.pairwise(entries):
            assert "valid_to" in before, f"{key}: an open-ended entry is followed by another"
            assert before["valid_to"] < after["valid_from"], f"{key}: {before['valid_from']} overlaps {after['valid_from']}"


def test_fragments_are_unique_quotes():
    """Every `text` a parameter list carries is a passage of its entry's quote, found once."""
    for path in FILES:
        for entry in _entries(path):
            quote = _flat(entry["text_ru"])
            for key, value in entry["params"].items():
                if isinstance(value, list):
                    for item in value:
                        if isinstance(item, dict) and "text" in item:
                            assert quote.count(_flat(item["text"])) == 1, (path.name, key, item["text"])


# ---------------------------------------------------------------------------------- CC limitation, art. 71

# how art. 71 names each category after "после совершения"
CC_CATEGORY_WORDS = {
    "уголовного проступка": "criminal_misdemeanour",
    "преступления небольшой тяжести": "minor",
    "преступления средней тяжести": "medium",
    "тяжкого преступления": "grave",
    "особо тяжкого преступления": "especially_grave",
}
CC_SPECIAL_WORDS = {"коррупционного преступления небольшой или средней тяжести": "corruption_crime_minor_or_medium"}
YEAR_WORDS = {"год", "года", "лет"}
LIST_ITEM = re.compile(r"\d+\) ([а-яё ]+?) (год|года|лет) после совершения ([^;.]+)")

CC_NOT_APPLICABLE_WORDS = {
    "crimes_against_peace_and_security_of_mankind": "преступления против мира и безопасности человечества",
    "corruption_crimes": "коррупционные преступления",
    "terrorist_crimes": "террористические преступления",
    "extremist_crimes": "экстремистские преступления",
    "torture": "пытки",
    "crimes_against_sexual_inviolability_of_minors": "преступления против половой неприкосновенности несовершеннолетних",
    "especially_grave_against_the_person": "особо тяжкие преступления против личности",
    "especially_grave_against_constitutional_order_and_state_security": "основ конституционного строя и безопасности государства",
    "especially_grave_against_public_security_and_public_order": "против общественной безопасности и общественного порядка",
    "especially_grave_in_economic_activity": "в сфере экономической деятельности",
}


def _cc_parts(text: str) -> dict[str, str]:
    """Art. 71's quoted parts by number ("1", "2", "4", ...)."""
    parts = {}
    for line in text.strip().splitlines():
        match = re.match(r"(\d+(?:-\d+)?)\. (.*)", line)
        assert match, line
        parts[match.group(1)] = match.group(2)
    return parts


def _terms_by_category(part: str) -> tuple[dict[str, str], dict[str, str]]:
    """The list "N) <years> после совершения <category>[, <category>]" read back into terms."""
    by_category: dict[str, str] = {}
    special: dict[str, str] = {}
    items = LIST_ITEM.findall(part)
    assert items, part
    for count_words, _unit, objects in items:
        (years,) = numbers(count_words)
        for phrase in (p.strip() for p in objects.split(",")):
            if phrase in CC_CATEGORY_WORDS:
                category = CC_CATEGORY_WORDS[phrase]
                assert category not in by_category, phrase
                by_category[category] = f"{years} year"
            else:
                assert phrase in CC_SPECIAL_WORDS, f"unknown words after 'после совершения': {phrase!r}"
                special[CC_SPECIAL_WORDS[phrase]] = f"{years} year"
    return by_category, special


CC_LIMITATION = _entries(CC_FILE, "limitation")


@pytest.mark.parametrize("entry", CC_LIMITATION, ids=lambda e: str(e["valid_from"]))
def test_cc_limitation_terms_are_the_quoted_terms(entry):
    parts = _cc_parts(entry["text_ru"])
    params = entry["params"]
    by_category, special = _terms_by_category(parts["1"])
    assert params["by_category"] == by_category
    assert {s["condition"]: s["term"] for s in params.get("special", [])} == special
    long_stop, long_stop_special = _terms_by_category(parts["4"])
    assert params["evasion_long_stop_by_category"] == long_stop
    assert {s["condition"]: s["term"] for s in params.get("evasion_long_stop_special", [])} == long_stop_special


@pytest.mark.parametrize("entry", CC_LIMITATION, ids=lambda e: str(e["valid_from"]))
def test_cc_limitation_runs_as_quoted(entry):
    parts = _cc_parts(entry["text_ru"])
    params = entry["params"]
    assert params["runs_from"] == "committed"
    assert "исчисляются со дня совершения уголовного правонарушения" in parts["2"]
    assert params["runs_until"] == "judgment_in_force"
    assert "до момента вступления приговора суда в законную силу" in parts["2"]
    if "life_imprisonment" in params:
        assert params["life_imprisonment"] == "court_decides"
        assert "пожизненное лишение свободы, разрешается судом" in parts["5"]


@pytest.mark.parametrize("entry", CC_LIMITATION, ids=lambda e: str(e["valid_from"]))
def test_cc_limitation_exclusions_are_the_quoted_ones(entry):
    part6 = _cc_parts(entry["text_ru"])["6"]
    assert part6.startswith("Сроки давности не применяются к лицам, совершившим")
    quoted = {key for key, words in CC_NOT_APPLICABLE_WORDS.items() if words in part6}
    assert set(entry["params"]["not_applicable"]) == quoted


def test_cc_limitation_terms_never_shorten_a_category_below_a_lighter_one():
    """A property of every wording read: a graver category never has a shorter limitation."""
    for entry in CC_LIMITATION:
        terms = [_term(entry["params"]["by_category"][c]) for c in CATEGORIES]
        assert all(u == "year" for _, u in terms)
        assert [n for n, _ in terms] == sorted(n for n, _ in terms)


def test_cc_limitation_2018_change_is_the_one_read():
    """Against the two quotes: grave 15 -> 10 years, especially grave 20 -> 15 (art. 71(1), 180-VI)."""
    old, new = CC_LIMITATION
    assert "4) пятнадцать лет после совершения тяжкого преступления;" in _flat(old["text_ru"])
    assert "4) десять лет после совершения тяжкого преступления," in _flat(new["text_ru"])
    assert (old["params"]["by_category"]["grave"], new["params"]["by_category"]["grave"]) == ("15 year", "10 year")
    assert old["valid_to"] < new["valid_from"] == date(2018, 7, 23)


# ---------------------------------------------------------------------------------- compulsory payment

PAYMENT_ITEM = re.compile(r"\d+\) ([а-яё ]+?) – ([а-яё ]+?) месячных расчетных показателей")
PAYMENT_CATEGORY_WORDS = {
    "уголовные проступки": "criminal_misdemeanour",
    "преступления небольшой тяжести": "minor",
    "преступления средней тяжести": "medium",
    "тяжкие преступления": "grave",
    "особо тяжкие преступления": "especially_grave",
}


@pytest.mark.parametrize("entry", _entries(CC_FILE, "compulsory_payment"), ids=lambda e: str(e["valid_from"]))
def test_compulsory_payment_amounts_are_the_quoted_amounts(entry):
    quote = _flat(entry["text_ru"])
    read = {}
    for subject, amount_words in PAYMENT_ITEM.findall(quote):
        (amount,) = numbers(amount_words)
        read[PAYMENT_CATEGORY_WORDS[subject]] = amount
    assert entry["params"]["by_category"] == read
    assert set(read) == set(CATEGORIES)
    assert entry["params"]["unit"] == "MCI"


@pytest.mark.parametrize("entry", _entries(CC_FILE, "compulsory_payment"), ids=lambda e: str(e["valid_from"]))
def test_compulsory_payment_starts_on_the_footnote_day(entry):
    """The first day is the one the article's footnote names ("вводится в действие с 01.07.2018")."""
    day = entry["valid_from"].strftime("%d.%m.%Y")
    assert f"№ {entry['act']} (вводится в действие с {day})" in entry["notes"]


# ---------------------------------------------------------------------------------- AC limitation, art. 62

AC_TERM = re.compile(r"(?:по истечении|не позднее) ([а-яё]+) (месяцев|месяца|года|лет) со дня (?:его )?(совершения|обнаружения)")
AC_UNITS = {"месяцев": "month", "месяца": "month", "года": "year", "лет": "year"}
AC_RUNS_FROM = {"совершения": "committed", "обнаружения": "detected"}
AC_OFFENDER = re.compile(r"физическое лицо|юридическое лицо \(в том числе индивидуальный предприниматель\)|юридическое лицо|\bлицо\b",
                         re.IGNORECASE)
AC_OFFENDER_WORDS = {
    "физическое лицо": "natural_person",
    "юридическое лицо (в том числе индивидуальный предприниматель)": "legal_entity_incl_entrepreneur",
    "юридическое лицо": "legal_entity",
    "лицо": "any",
}
# the words by which art. 62 names each matter (stems where the article declines them)
AC_MATTER_WORDS = {
    "environment": r"окружающей среды",
    "rehabilitation_and_bankruptcy": r"реабилитации и банкротстве",
    "administrative_corruption": r"административного коррупционного правонарушения",
    "taxation": r"налогообложени",
    "competition": r"конкуренции",
    "customs": r"таможенного дела",
    "pensions": r"пенсионн",
    "compulsory_social_insurance": r"обязательн\w* социальн\w* страховани",
    "compulsory_social_health_insurance": r"социального медицинского страхования",
    "energy_saving": r"энергосбережени",
    "state_secrets": r"государственных секретах",
    "natural_monopolies": r"естественных монополиях",
    "continuing_offence": r"длящемся",
    "budget_relations": r"бюджетных отношений",
    "finance": r"в области финансов",
    "official_interference_in_business": r"вмешательство должностных лиц в предпринимательскую деятельность",
    "evasion_of_public_works": r"уклонение от общественных работ",
    "business_inspections": r"проведения проверок субъектов предпринимательства",
    "subsoil": r"недрах и недропользовании",
    "peaceful_assemblies": r"мирных собраний",
    "personal_data": r"персональных данных",
    "digital_legislation_e_documents": r"цифрового законодательства",
    "conformity_assessment": r"оценки соответствия",
    "restoration_of_solvency": r"восстановлении платежеспособности",
    "money_laundering_operation": r"легализацию \(отмывание\) доходов",
}
AC_CONDITION_WORDS = {"claim_limitation_of_five_years_under_tax_or_customs_code": "установлен срок исковой давности пять лет"}

AC_LIMITATION = _entries(AC_FILE, "limitation")


def _ac_term(match: re.Match) -> tuple[str, str]:
    (count,) = numbers(match.group(1))
    return f"{count} {AC_UNITS[match.group(2)]}", AC_RUNS_FROM[match.group(3)]


@pytest.mark.parametrize("entry", AC_LIMITATION, ids=lambda e: str(e["valid_from"]))
def test_ac_general_term_is_the_quoted_one(entry):
    quote = _flat(entry["text_ru"])
    assert quote.startswith("1. Лицо не подлежит привлечению к административной ответственности по истечении")
    first = AC_TERM.search(quote)
    assert _ac_term(first) == (entry["params"]["term"], entry["params"]["runs_from"])
    assert "кроме случаев, предусмотренных настоящим Кодексом" in quote


@pytest.mark.parametrize("entry", AC_LIMITATION, ids=lambda e: str(e["valid_from"]))
def test_ac_special_terms_are_the_quoted_ones(entry):
    """Each special term is read back from its passage: the term and what it runs from, the cap from
    detection, the offender named before it, and the matters named since the previous term."""
    quote = _flat(entry["text_ru"])
    terms = list(AC_TERM.finditer(quote))
    claimed = {terms[0].start()}
    for special in entry["params"]["special"]:
        label = special["text"][:60]
        at = quote.index(_flat(special["text"]))
        inside = [m for m in terms if at <= m.start() < at + len(_flat(special["text"]))]
        assert inside, label
        primary = inside[0]
        assert _ac_term(primary) == (special["term"], special["runs_from"]), label
        cap = special.get("detected_cap")
        assert [_ac_term(m) for m in inside[1:]] == ([(cap, "detected")] if cap else []), label
        claimed |= {m.start() for m in inside}
        offenders = [m.group(0).lower() for m in AC_OFFENDER.finditer(quote, 0, primary.start())]
        assert special["offenders"] == [AC_OFFENDER_WORDS[offenders[-1]]], label
        previous = [m for m in terms if m.end() <= primary.start()]
        since = quote[previous[-1].end() if previous else 0:primary.start()]
        named = {matter for matter, words in AC_MATTER_WORDS.items() if re.search(words, since)}
        assert set(special["matters"]) == named, label
        named_conditions = {c for c, words in AC_CONDITION_WORDS.items() if words in since}
        assert ({special["condition"]} if "condition" in special else set()) == named_conditions, label
    assert claimed == {m.start() for m in terms}, "a term of the quote has no parameter"


def test_ac_limitation_gaps_cover_the_unread_years():
    gaps = _entries(AC_FILE, "limitation", gaps=True)
    assert gaps[0]["valid_from"] == date(2015, 1, 1)
    for gap in gaps:
        assert "not read" in gap["reason"]


# ---------------------------------------------------------------------------------- fractions

FRACTION_WORDS = {
    "половины": Fraction(1, 2), "половину": Fraction(1, 2), "одной трети": Fraction(1, 3),
    "двух третей": Fraction(2, 3), "трех четвертей": Fraction(3, 4), "четырех пятых": Fraction(4, 5),
}


def fraction_words(value: str) -> set[str]:
    """The Russian words of a fraction parameter "a/b" ("3/4" -> {"трех четвертей"})."""
    wanted = Fraction(value)
    words = {w for w, f in FRACTION_WORDS.items() if f == wanted}
    assert words, f"no Russian words known for {value}"
    return words


def test_fraction_words_know_each_other():
    assert fraction_words("2/3") == {"двух третей"}
    assert fraction_words("1/2") == {"половины", "половину"}
