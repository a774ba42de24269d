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
from hypothesis import given
from hypothesis import strategies as st
from kk_numbers import numbers as kk_numbers
from ru_numbers import numbers

ROOT = Path(__file__).resolve().parent.parent
CC_FILE = ROOT / "statutes" / "kz" / "cc" / "sentencing.toml"
AC_FILE = ROOT / "statutes" / "kz" / "ac" / "limitation.toml"
FILES = [CC_FILE, AC_FILE]

RULE_IDS = {
    "order_proceedings_fine",
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
}
CATEGORIES = ("criminal_misdemeanour", "minor", "medium", "grave", "especially_grave")
VERIFICATIONS = {"primary", "secondary", "unverified"}
PINNED_SOURCE = re.compile(r"^https://github\.com/kazakhstan-law/codes/blob/[0-9a-f]{40}/02-codes/.+\.md$")
REQUIRED = {"rule", "article", "valid_from", "act", "verification", "verified_through", "sources", "text_ru", "params"}
OPTIONAL = {"valid_to", "text_kk", "notes", "entry_into_force", "topic"}
GAP_KEYS = {"rule", "article", "gap", "valid_from", "valid_to", "reason"}
GAP_OPTIONAL = {"topic"}


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


def _redaction_days(sources: list[str]) -> set[date]:
    """The redactions a list of sources names (zan.gov.kz addresses end with the redaction's date)."""
    days = set()
    for source in sources:
        match = re.search(r"zan\.gov\.kz/client/#!/doc/\d+/rus/(\d\d)\.(\d\d)\.(\d{4})$", source)
        if match:
            days.add(date(int(match.group(3)), int(match.group(2)), int(match.group(1))))
    return days


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
            assert GAP_KEYS <= set(entry) <= GAP_KEYS | GAP_OPTIONAL, label
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
        # verified_through is the newest redaction read (it may precede valid_from: a redaction carries an
        # amendment from the day the act was signed, before the act is in force)
        assert entry["verified_through"] in _redaction_days(entry["sources"]), label
        if "valid_to" in entry:
            assert entry["verified_through"] <= entry["valid_to"], label
        for key in ("by_category", "evasion_long_stop_by_category"):
            if key in entry["params"]:
                assert set(entry["params"][key]) <= set(CATEGORIES), label


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_dates_ordered_without_overlap(path):
    by_rule: dict[tuple[str, str], list[dict]] = {}
    for entry in _rules(path):
        # one rule of one article has one wording a day; rules that apply side by side (the lifelong
        # bans of art. 50(2)) are told apart by their topic
        by_rule.setdefault((entry["rule"], entry["article"].split("(")[0], entry.get("topic", "")), []).append(entry)
    for key, entries in by_rule.items():
        starts = [e["valid_from"] for e in entries]
        assert starts == sorted(starts), f"{key}: entries not in date order"
        for entry in entries:
            if "valid_to" in entry:
                assert entry["valid_from"] <= entry["valid_to"], key
        for before, after in itertools.pairwise(entries):
            assert "valid_to" in before, f"{key}: an open-ended entry is followed by another"
            assert before["valid_to"] < after["valid_from"], (
                f"{key}: {before['valid_from']} overlaps {after['valid_from']}"
            )


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
    """A quote's parts by number ("1", "2", "4", ...); a line without a number continues its part."""
    parts: dict[str, str] = {}
    last = None
    for line in text.strip().splitlines():
        match = re.match(r"(\d+(?:-\d+)?)\. (.*)", line)
        if match:
            last = match.group(1)
            parts[last] = match.group(2)
        else:
            assert last is not None, line
            parts[last] += "\n" + line
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

AC_TERM = re.compile(
    r"(?:по истечении|не позднее) ([а-яё]+) (месяцев|месяца|года|лет) со дня (?:его )?(совершения|обнаружения)"
)
AC_UNITS = {"месяцев": "month", "месяца": "month", "года": "year", "лет": "year"}
AC_RUNS_FROM = {"совершения": "committed", "обнаружения": "detected"}
AC_OFFENDER = re.compile(
    r"физическое лицо|юридическое лицо \(в том числе индивидуальный предприниматель\)|юридическое лицо|\bлицо\b",
    re.IGNORECASE,
)
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
    "electronic_documents_and_signature": r"электронном документе и электронной цифровой подписи",
    "conformity_assessment": r"оценки соответствия",
    "restoration_of_solvency": r"восстановлении платежеспособности",
    "money_laundering_operation": r"легализацию \(отмывание\) доходов",
}
AC_CONDITION_WORDS = {
    "claim_limitation_of_five_years_under_tax_or_customs_code": "установлен срок исковой давности пять лет"
}

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
        since = quote[previous[-1].end() if previous else 0 : primary.start()]
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
    "половины": Fraction(1, 2),
    "половину": Fraction(1, 2),
    "одной трети": Fraction(1, 3),
    "двух третей": Fraction(2, 3),
    "трех четвертей": Fraction(3, 4),
    "четырех пятых": Fraction(4, 5),
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


def _fraction(words: str) -> str:
    value = FRACTION_WORDS[words]
    return f"{value.numerator}/{value.denominator}"


FRACTION = "(" + "|".join(sorted(FRACTION_WORDS, key=len, reverse=True)) + ")"


def _in_force(entries: list[dict], day: date) -> dict | None:
    for entry in entries:
        if entry["valid_from"] <= day <= entry.get("valid_to", date.max):
            return entry
    return None


# ---------------------------------------------------------------------------------- art. 55

# how art. 55(2) names what each fraction is for: (categories, special conditions)
CAP_SUBJECTS = {
    "преступления небольшой или средней тяжести": (["minor", "medium"], []),
    "уголовного проступка, преступления небольшой или средней тяжести": (
        ["criminal_misdemeanour", "minor", "medium"],
        [],
    ),
    "тяжкого преступления": (["grave"], []),
    "особо тяжкого преступления": (["especially_grave"], []),
    "тяжкого преступления, связанного с посягательством на жизнь или здоровье человека, или особо тяжкого преступления": (
        ["especially_grave"],
        ["grave_against_life_or_health"],
    ),
    "особо тяжкого преступления, связанного с посягательством на жизнь или здоровье человека,": (
        [],
        ["especially_grave_against_life_or_health"],
    ),
}
OF_MAXIMUM = {"most_severe_kind": "наиболее строгого вида наказания", "main_kind": "основного вида наказания"}
EXCLUSION_WORDS = {
    "crimes_against_sexual_inviolability_of_minors": "преступление против половой неприкосновенности несовершеннолетних",
    "intentional_killing": "преступление, связанное с умышленным причинением смерти человеку",
    "crimes_of_violence_against_minors": "преступления, связанные с насилием в отношении несовершеннолетних",
}
BELOW_MINIMUM = "наказание может быть назначено ниже низшего предела"
ART55 = [e for e in _entries(CC_FILE) if e["article"].startswith("55(")]


def _exclusions(part8: str | None, *, parts_2_3: bool) -> set[str]:
    """The exclusions of art. 55(8): its first paragraph for the whole article, its second (from
    72-VIII) for parts 2 and 3 only."""
    if part8 is None:
        return set()
    paragraphs = part8.split("\n")
    assert paragraphs[0].startswith("Положения настоящей статьи не распространяются на лиц")
    text = paragraphs[0]
    for paragraph in paragraphs[1:]:
        assert paragraph.startswith("Положения частей второй и третьей настоящей статьи не распространяются")
        if parts_2_3:
            text += " " + paragraph
    return {key for key, words in EXCLUSION_WORDS.items() if words in text}


@pytest.mark.parametrize("entry", _entries(CC_FILE, "mitigating_cap"), ids=lambda e: str(e["valid_from"]))
def test_mitigating_cap_fractions_are_the_quoted_ones(entry):
    parts = _cc_parts(entry["text_ru"])
    params = entry["params"]
    by_category: dict[str, str] = {}
    special: dict[str, str] = {}
    items = re.findall(r"\d+\) ([^–;]+?) – " + FRACTION, parts["2"])
    assert items
    for subject, words in items:
        categories, conditions = CAP_SUBJECTS[subject.strip()]
        for category in categories:
            by_category.setdefault(category, _fraction(words))
        for condition in conditions:
            special[condition] = _fraction(words)
    assert params["by_category"] == by_category
    assert {s["condition"]: s["max_fraction"] for s in params.get("special", [])} == special
    assert OF_MAXIMUM[params["of_maximum"]] in parts["2"]
    assert params["conditions"] == ["mitigating_circumstance_not_an_element", "no_aggravating_circumstances"]
    assert "При наличии смягчающего обстоятельства, не предусмотренного в качестве признака" in parts["2"]
    assert "и отсутствии отягчающих обстоятельств" in parts["2"]
    assert params.get("not_when_aggravating_is_an_element", False) == (
        "Положения настоящей части не применяются, если отягчающие обстоятельства предусмотрены" in parts["2"]
    )
    assert params["below_minimum"] is True and BELOW_MINIMUM in parts["6"]
    assert set(params.get("excluded", [])) == _exclusions(parts.get("8"), parts_2_3=True)


PLEA_SUBJECTS = {
    "тяжкого преступления, связанного с посягательством на жизнь или здоровье человека, или особо тяжкого преступления": [
        "grave_against_life_or_health",
        "especially_grave",
    ],
    "особо тяжкого преступления, связанного с посягательством на жизнь или здоровье человека,": [
        "especially_grave_against_life_or_health"
    ],
}


@pytest.mark.parametrize("entry", _entries(CC_FILE, "plea_agreement_cap"), ids=lambda e: str(e["valid_from"]))
def test_plea_agreement_cap_is_the_quoted_one(entry):
    parts = _cc_parts(entry["text_ru"])
    first = parts["3"].split(". По делам, по которым обвинительный приговор")[0]
    params = entry["params"]
    (general,) = re.findall(r"не может превышать (половины|половину)", first)
    assert params["max_fraction"] == _fraction(general)
    special = {}
    for subject, words in re.findall(r"за совершение ([^–]+?) – " + FRACTION, first):
        for condition in PLEA_SUBJECTS[subject.strip()]:
            special[condition] = _fraction(words)
    assert {s["condition"]: s["max_fraction"] for s in params.get("special", [])} == special
    assert OF_MAXIMUM[params["of_maximum"]] in first
    assert params["applies_to"] == ["accelerated_pretrial_investigation", "procedural_agreement_fulfilled"]
    assert "По делам ускоренного досудебного расследования" in first
    assert "делам, по которым выполнены все условия процессуального соглашения" in first
    assert params["below_minimum"] is True and BELOW_MINIMUM in parts["6"]
    assert set(params.get("excluded", [])) == _exclusions(parts.get("8"), parts_2_3=True)


@pytest.mark.parametrize("entry", _entries(CC_FILE, "order_proceedings_fine"), ids=lambda e: str(e["valid_from"]))
def test_order_proceedings_fines_are_the_quoted_ones(entry):
    read = {}
    pattern = r"от ([а-яё]+) до ([а-яё]+) месячных расчетных показателей (?:– )?при совершении (уголовного проступка|преступления небольшой тяжести)"
    for low, high, subject in re.findall(pattern, entry["text_ru"]):
        category = {"уголовного проступка": "criminal_misdemeanour", "преступления небольшой тяжести": "minor"}[subject]
        read[category] = {"min": f"{numbers(low)[0]} MCI", "max": f"{numbers(high)[0]} MCI"}
    assert entry["params"]["by_category"] == read
    assert "в порядке приказного производства" in entry["text_ru"]


@pytest.mark.parametrize("entry", _entries(CC_FILE, "exceptional_mitigation"), ids=lambda e: str(e["valid_from"]))
def test_exceptional_mitigation_is_the_quoted_one(entry):
    parts = _cc_parts(entry["text_ru"])
    params = entry["params"]
    assert params["below_minimum"] is ("наказание может быть назначено ниже низшего предела" in parts["4"])
    assert params["milder_kind"] is ("суд может назначить более мягкий вид наказания" in parts["4"])
    assert params["skip_mandatory_additional"] is (
        "не применять дополнительный вид наказания, предусмотренный в качестве обязательного" in parts["4"]
    )
    assert "При наличии исключительных обстоятельств" in parts["4"]
    assert "при активном содействии участника группового уголовного правонарушения" in parts["4"]
    assert set(params["excluded_for"]) == _exclusions(parts.get("8"), parts_2_3=False)
    if "9" in parts:
        first, second = parts["9"].split("\n")
        assert re.search(r"в случаях, предусмотренных частью четвертой", first)
        (low, high) = re.findall(r"сроком от ([а-яё]+) до ([а-яё ]+?) лет", first)[0]
        assert params["life_only_sanction"] == {"min": f"{numbers(low)[0]} year", "max": f"{numbers(high)[0]} year"}
        (minors,) = re.findall(
            r"до восемнадцати лет, может быть назначено наказание в виде лишения свободы сроком на ([а-яё]+) лет",
            second,
        )
        assert params["life_only_sanction_under_18"] == f"{numbers(minors)[0]} year"
        (low, high) = re.findall(r"лишение свободы сроком от ([а-яё]+) до ([а-яё]+) лет", second)[0]
        assert params["life_only_sanction_women_disabled_men_63"] == {
            "min": f"{numbers(low)[0]} year",
            "max": f"{numbers(high)[0]} year",
        }
    else:
        assert not {k for k in params if k.startswith("life_only")}


def test_mitigating_caps_never_exceed_one_and_grow_with_gravity():
    """Every wording: a cap is a fraction below 1, and a graver category never has a lower cap."""
    for entry in _entries(CC_FILE, "mitigating_cap"):
        fractions = [
            Fraction(entry["params"]["by_category"][c]) for c in CATEGORIES if c in entry["params"]["by_category"]
        ]
        assert all(0 < f < 1 for f in fractions)
        assert fractions == sorted(fractions)


# ---------------------------------------------------------------------------------- art. 56


@pytest.mark.parametrize(
    "entry",
    _entries(CC_FILE, "preparation_cap") + _entries(CC_FILE, "attempt_cap"),
    ids=lambda e: f"{e['rule']}-{e['valid_from']}",
)
def test_unfinished_crime_caps_are_the_quoted_ones(entry):
    parts = _cc_parts(entry["text_ru"])
    part, stage = {
        "preparation_cap": ("2", "за приготовление к преступлению"),
        "attempt_cap": ("3", "за покушение на преступление"),
    }[entry["rule"]]
    assert entry["article"] == f"56({part})"
    (words,) = re.findall(stage + r" не может превышать " + FRACTION + " максимального срока", parts[part])
    params = entry["params"]
    assert params["max_fraction"] == _fraction(words)
    assert OF_MAXIMUM[params["of_maximum"]] in parts[part]
    assert params["no_life_or_death"] is True
    assert re.search(
        r"пожизненное лишение свободы за приготовление к преступлению и покушение на преступление не назнача",
        parts["4"],
        re.IGNORECASE,
    )
    substitute = re.findall(
        r"кроме пожизненного лишения свободы, назначается наказание в виде лишения свободы сроком на ([а-яё ]+?) лет",
        parts["4"],
    )
    assert [f"{numbers(w)[0]} year" for w in substitute] == (
        [params["life_only_sanction"]] if "life_only_sanction" in params else []
    )


@given(st.dates(min_value=date(2015, 1, 1), max_value=date(2026, 3, 8)))
def test_preparation_is_capped_below_attempt_on_every_day(day):
    preparation = _in_force(_entries(CC_FILE, "preparation_cap"), day)
    attempt = _in_force(_entries(CC_FILE, "attempt_cap"), day)
    assert preparation is not None and attempt is not None
    assert Fraction(preparation["params"]["max_fraction"]) < Fraction(attempt["params"]["max_fraction"]) < 1


# ---------------------------------------------------------------------------------- arts 58, 59, 60

METHOD_WORDS = {"absorption": "поглощения", "partial_addition": "частичного", "full_addition": "полного"}


@pytest.mark.parametrize("entry", _entries(CC_FILE, "aggregate_offences"), ids=lambda e: str(e["valid_from"]))
def test_aggregate_offences_methods_and_caps_are_the_quoted_ones(entry):
    quote = _flat(entry["text_ru"])
    mixes = entry["params"]["by_mix"]
    for mix in mixes:
        text = _flat(mix["text"])
        assert {m for m, words in METHOD_WORDS.items() if words in text} == set(mix["methods"]), mix["mix"]
        caps = re.findall(r"не может превышать ([а-яё ]+?) лет", text)
        assert [f"{numbers(c)[0]} year" for c in caps] == (
            [mix["max_imprisonment"]] if "max_imprisonment" in mix else []
        ), mix["mix"]
    ((fine, hours, days),) = re.findall(
        r"в виде штрафа не может превышать ([а-яё ]+?) месячных расчетных показателей, а окончательный срок наказания в виде "
        r"привлечения к общественным работам или ареста – ([а-яё ]+?) часов или ([а-яё ]+?) суток",
        quote,
    )
    (misdemeanours,) = [m for m in mixes if m["mix"] == "misdemeanours_only"]
    assert misdemeanours["max_fine"] == f"{numbers(fine)[0]} MCI"
    assert misdemeanours["max_community_service"] == f"{numbers(hours)[0]} hour"
    assert misdemeanours["max_arrest"] == f"{numbers(days)[0]} day"
    assert (
        "Окончательное дополнительное наказание при частичном или полном сложении не может превышать максимальный срок или размер, установленный для данного вида наказания Общей частью"
        in quote
    )


@pytest.mark.parametrize("entry", _entries(CC_FILE, "aggregate_sentences"), ids=lambda e: str(e["valid_from"]))
def test_aggregate_sentences_caps_are_the_quoted_ones(entry):
    parts = _cc_parts(entry["text_ru"])
    params = entry["params"]
    caps = [
        f"{numbers(c)[0]} year"
        for c in re.findall(r"в виде лишения свободы не может превышать ([а-яё ]+?) лет", parts["3"])
    ]
    assert caps == [
        params["max_imprisonment"],
        params["max_imprisonment_with_especially_grave_punishable_up_to_20_years"],
    ]
    assert (
        "хотя бы одного особо тяжкого преступления, за совершение которого настоящим Кодексом предусмотрено наказание в виде лишения свободы на срок до двадцати лет"
        in parts["3"]
    )
    assert params["non_custodial_max"] == "general_part_limit"
    assert (
        "не связано с лишением свободы, не может превышать максимальный срок или размер, предусмотренный для данного вида наказания Общей частью"
        in parts["2"]
    )
    assert params["must_exceed_each"] is (
        "должно быть больше как наказания, назначенного за вновь совершенное уголовное правонарушение, так и неотбытой части"
        in parts["4"]
    )


@pytest.mark.parametrize("entry", _entries(CC_FILE, "recidivism_floor"), ids=lambda e: str(e["valid_from"]))
def test_recidivism_sets_no_floor_in_the_quoted_text(entry):
    quote = entry["text_ru"]
    assert entry["params"] == {"sets_no_floor": True, "by_kind": {}}
    assert "рецидиве преступлений" in quote
    assert not re.search(FRACTION, quote) and "не может быть менее" not in quote and not numbers(quote)


# ---------------------------------------------------------------------------------- art. 63

PROBATION_EXCLUSION_WORDS = {
    "recidivism": "при рецидиве преступлений",
    "dangerous_recidivism": "опасном рецидиве преступлений",
    "especially_grave": "особо тяжкое преступление",
    "corruption_crimes": "коррупционное преступление",
    "terrorist_crimes": "террористическое преступление",
    "extremist_crimes": "экстремистское преступление",
    "torture": "пытки",
    "criminal_group": "преступление, совершенное в составе преступной группы",
    "crimes_against_sexual_inviolability_of_minors": "преступление против половой неприкосновенности несовершеннолетних",
}


@pytest.mark.parametrize("entry", _entries(CC_FILE, "probation"), ids=lambda e: str(e["valid_from"]))
def test_probation_is_the_quoted_one(entry):
    parts = _cc_parts(entry["text_ru"])
    params = entry["params"]
    assert params["imprisonment_only"] is ("назначив наказание в виде лишения свободы" in parts["1"])
    assert params["no_term_limit"] is not bool(re.search(r"лишения свободы на срок (не свыше|до)", parts["1"]))
    assert (
        params["probation_control"] == "whole_term"
        and "пробационный контроль на весь назначенный срок лишения свободы" in parts["3"]
    )
    (low, high) = re.findall(r"несовершеннолетним на срок от ([а-яё]+) месяцев до ([а-яё]+) года", parts["3"])[0]
    assert params["probation_control_minors"] == {"min": f"{numbers(low)[0]} month", "max": f"{numbers(high)[0]} year"}
    exclusions = parts["6"].split(". Указанное ограничение")[0]
    assert exclusions.startswith("Условное осуждение не применяется к лицам")
    assert [k for k, words in PROBATION_EXCLUSION_WORDS.items() if words in exclusions] == params["excluded"]


# ---------------------------------------------------------------------------------- art. 50

ORDINALS = {"первой": 1, "второй": 2, "третьей": 3, "четвертой": 4, "пятой": 5, "шестой": 6}


def _references(text: str) -> set[str]:
    """The provisions a paragraph names: "пунктом 5) части третьей и частью четвертой статьи 120"
    -> {"120(3)(5)", "120(4)"}; "статьей 346" -> {"346"}."""
    found: set[str] = set()
    before = 0
    for match in re.finditer(r"стать(?:и|ей) (\d+(?:-\d+)?)", text):
        article, segment = match.group(1), text[before : match.start()]
        before = match.end()
        # only the words since the last comma that does not continue a list of parts or items
        tail = re.split(r"(?:,|\bа также) (?!(?:второй|третьей|четвертой|пятой|шестой|\d\)))", segment)[-1]
        named = False
        for items, part in re.findall(r"пункт(?:ом|ами) ((?:\d+\)(?: и |, )?)+) части (\w+)", tail):
            for item in re.findall(r"(\d+)\)", items):
                found.add(f"{article}({ORDINALS[part]})({item})")
                named = True
        tail = re.sub(r"пункт(?:ом|ами) ((?:\d+\)(?: и |, )?)+) части (\w+)", "", tail)
        for words in re.findall(
            r"част(?:ью|ями) ((?:(?:второй|третьей|четвертой|пятой|шестой|первой)(?:, | и )?)+)", tail
        ):
            for word in re.findall(r"\w+", words):
                if word in ORDINALS:
                    found.add(f"{article}({ORDINALS[word]})")
                    named = True
        if not named:
            found.add(article)
    return found


def test_references_reader_reads_the_forms_of_art_50():
    assert _references(
        "предусмотренных пунктом 5) части третьей и частью четвертой статьи 120, частями второй и третьей статьи 122"
    ) == {"120(3)(5)", "120(4)", "122(2)", "122(3)"}
    assert _references("пунктами 1) и 2) части третьей статьи 312 настоящего Кодекса") == {"312(3)(1)", "312(3)(2)"}
    assert _references("частью четвертой статьи 345-1 и статьей 346 настоящего Кодекса") == {"345-1(4)", "346"}


LIFELONG_RIGHT_WORDS = {
    "teaching_and_work_with_minors": "пожизненном запрете занимать педагогические должности и должности, связанные с работой с несовершеннолетними",
    "driving_vehicles": "пожизненном запрете на право управления транспортным средством",
    "executive_posts_and_large_participation_in_financial_organisations": "запрета занимать должность руководящего работника финансовой организации, банковского и (или) страхового холдинга и являться крупным участником (крупным акционером) финансовой организации пожизненно",
    "civil_service_judiciary_local_government_national_bank_state_organisations": "пожизненном запрете занимать должности на государственной службе, судьи, в органах местного самоуправления, Национальном Банке Республики Казахстан и его ведомствах, государственных организациях и организациях, в уставном капитале которых доля государства составляет более пятидесяти процентов",
    "civil_service_judiciary_local_government_national_bank_financial_regulator_state_and_quasi_state_organisations": "пожизненном запрете занимать должности на государственной службе, судьи, в органах местного самоуправления, Национальном Банке Республики Казахстан и его ведомствах, уполномоченном органе по регулированию, контролю и надзору финансового рынка и финансовых организаций, государственных организациях и субъектах квазигосударственного сектора",
}
LIFELONG_CONDITION_WORDS = {
    "crimes_against_sexual_inviolability_of_minors": "преступлений против половой неприкосновенности несовершеннолетних",
    "corruption_crimes": "коррупционных преступлений",
    "executive_or_large_participant_of_a_financial_organisation": "совершенных руководящим работником финансовой организации",
    "large_damage": "приведших к причинению крупного ущерба",
}


@pytest.mark.parametrize("entry", _entries(CC_FILE, "lifelong_ban"), ids=lambda e: f"{e['topic']}-{e['valid_from']}")
def test_lifelong_bans_are_the_quoted_ones(entry):
    quote = entry["text_ru"]
    params = entry["params"]
    assert set(params["articles"]) == _references(quote)
    assert LIFELONG_RIGHT_WORDS[params["right"]] in quote
    assert params["mandatory"] is ("назначается обязательно" in quote)
    assert [c for c, words in LIFELONG_CONDITION_WORDS.items() if words in quote] == params["conditions"]
    minimum = re.findall(r"устанавливается на срок от ([а-яё]+) лет до", quote)
    assert [f"{numbers(m)[0]} year" for m in minimum] == ([params["min_term"]] if "min_term" in params else [])


@pytest.mark.parametrize("entry", _entries(CC_FILE, "ban_beyond_sanction"), ids=lambda e: str(e["valid_from"]))
def test_ban_beyond_the_sanction_is_the_quoted_one(entry):
    parts = _cc_parts(entry["text_ru"])
    params = entry["params"]
    assert params["kind"] == "deprivation_of_right"
    assert (
        "может быть назначено и в случаях, когда оно не предусмотрено соответствующей статьей Особенной части"
        in parts["3"]
    )
    assert "с учетом характера и степени общественной опасности совершенного деяния и личности виновного" in parts["3"]
    (low, high) = re.findall(r"на срок от ([а-яё]+) года до ([а-яё]+) лет", parts["2"])[0]
    assert (params["min_term"], params["max_term"]) == (f"{numbers(low)[0]} year", f"{numbers(high)[0]} year")


@given(st.dates(min_value=date(2015, 1, 1), max_value=date(2026, 3, 8)))
def test_every_day_has_one_wording_or_one_gap_per_rule(day):
    """Property: on any day each encoded rule (and topic) has at most one entry, wording or gap."""
    for path in FILES:
        seen: dict[tuple, int] = {}
        for entry in _rules(path):
            if entry["valid_from"] <= day <= entry.get("valid_to", date.max):
                key = (entry["rule"], entry["article"].split("(")[0], entry.get("topic", ""))
                seen[key] = seen.get(key, 0) + 1
        assert all(count == 1 for count in seen.values()), (day, seen)


CONTIGUOUS = {
    "limitation",
    "mitigating_cap",
    "plea_agreement_cap",
    "exceptional_mitigation",
    "preparation_cap",
    "attempt_cap",
    "aggregate_offences",
    "aggregate_sentences",
    "recidivism_floor",
    "probation",
}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_rules_in_force_since_2015_leave_no_day_unaccounted(path):
    """From 2015-01-01 to the newest redaction read, every day of these rules is a wording or a gap."""
    by_rule: dict[str, list[dict]] = {}
    for entry in _rules(path):
        if entry["rule"] in CONTIGUOUS:
            by_rule.setdefault(entry["rule"], []).append(entry)
    assert by_rule
    for rule, entries in by_rule.items():
        assert entries[0]["valid_from"] == date(2015, 1, 1), rule
        assert "valid_to" not in entries[-1], rule
        for before, after in itertools.pairwise(entries):
            assert (after["valid_from"] - before["valid_to"]).days == 1, (rule, before["valid_to"], after["valid_from"])


# Kazakh: how art. 71 names each category before "жасалғаннан кейін"
KK_CATEGORY_WORDS = {
    "қылмыстық теріс қылық": "criminal_misdemeanour",
    "онша ауыр емес қылмыс": "minor",
    "ауырлығы орташа қылмыс": "medium",
    "ауыр қылмыс": "grave",
    "аса ауыр қылмыс": "especially_grave",
    "онша ауыр емес немесе ауырлығы орташа сыбайлас жемқорлық қылмыс": "corruption_crime_minor_or_medium",
}


def _kk_terms(part: str) -> dict[str, str]:
    read = {}
    for objects, count in re.findall(r"\d+\) ([^;]+?) жасалғаннан кейi?і?н ([а-яёәғқңөұүһіi ]+?) жыл", part):
        for phrase in (p.strip() for p in objects.split(",")):
            read[KK_CATEGORY_WORDS[phrase]] = f"{kk_numbers(count)[0]} year"
    return read


@pytest.mark.parametrize("entry", [e for e in CC_LIMITATION if "text_kk" in e], ids=lambda e: str(e["valid_from"]))
def test_cc_limitation_terms_agree_with_the_kazakh_text(entry):
    parts = _cc_parts(entry["text_kk"])
    params = entry["params"]
    expected = {**params["by_category"], **{s["condition"]: s["term"] for s in params.get("special", [])}}
    read = _kk_terms(parts["1"])
    assert read and all(expected[k] == v for k, v in read.items())  # items 1(1)-(2) are not in the quote
    long_stop = {
        **params["evasion_long_stop_by_category"],
        **{s["condition"]: s["term"] for s in params.get("evasion_long_stop_special", [])},
    }
    assert _kk_terms(parts["4"]) == long_stop
    assert "сот үкiмi заңды күшiне енген кезге дейiн есептеледi" in parts["2"]


KK_PAYMENT_WORDS = {
    "қылмыстық теріс қылықтар": "criminal_misdemeanour",
    "онша ауыр емес қылмыстар": "minor",
    "ауырлығы орташа қылмыстар": "medium",
    "ауыр қылмыстар": "grave",
    "аса ауыр қылмыстар": "especially_grave",
}


@pytest.mark.parametrize(
    "entry", [e for e in _entries(CC_FILE, "compulsory_payment") if "text_kk" in e], ids=lambda e: str(e["valid_from"])
)
def test_compulsory_payment_amounts_agree_with_the_kazakh_text(entry):
    read = {}
    for subject, amount in re.findall(
        r"\d+\) ([а-яёәғқңөұүһіi ]+?) үшін – ([а-яёәғқңөұүһіi ]+?) айлық есептік көрсеткіш", entry["text_kk"]
    ):
        read[KK_PAYMENT_WORDS[subject]] = kk_numbers(amount)[0]
    assert read == entry["params"]["by_category"]


@pytest.mark.parametrize("entry", _entries(AC_FILE, "aggregate_offences"), ids=lambda e: str(e["valid_from"]))
def test_ac_several_offences_cap_is_the_quoted_one(entry):
    parts = _cc_parts(entry["text_ru"])
    params = entry["params"]
    (multiple,) = re.findall(r"не может превышать ([а-яё]+кратный) максимальный предел", parts["2"])
    assert numbers(multiple) == [params["same_kind_cap_multiple"]]
    assert (
        f"для административного ареста не может превышать срок, установленный частью первой статьи {params['arrest_cap'][:2]}"
        in parts["2"]
    )
    assert _references(parts["2"].split("для административного ареста")[1]) >= {params["arrest_cap"]}
    assert set(params["deprivation_of_special_right_cap"]) <= _references(parts["2"])
    assert "рассматриваются одним и тем же судьей, уполномоченным органом (должностным лицом)" in parts["2"]
    assert params["percentage_fines_separate"] is (
        "штраф взыскивается за каждое административное правонарушение отдельно" in parts["3"]
    )
    assert "административное взыскание налагается за каждое правонарушение в отдельности" in parts["1"]


# Kazakh fractions, as art. 55 and 56 write them before "асыруға болмайды" (the texts mix Latin i and Cyrillic і)
KK_FRACTIONS = {"жартысынан": "1/2", "үштен екісінен": "2/3", "төрттен үшінен": "3/4", "бестен төртінен": "4/5"}


def _kk_fractions(text: str) -> list[str]:
    text = text.replace("i", "і")
    found = re.findall("(" + "|".join(KK_FRACTIONS) + ")", text)
    return [KK_FRACTIONS[f] for f in found]


def _with_kk(rule: str) -> list[dict]:
    return [e for e in _entries(CC_FILE, rule) if "text_kk" in e]


@pytest.mark.parametrize(
    "entry", _with_kk("mitigating_cap") + _with_kk("plea_agreement_cap"), ids=lambda e: f"{e['rule']}-{e['valid_from']}"
)
def test_caps_agree_with_the_kazakh_text(entry):
    params = entry["params"]
    kk = _cc_parts(entry["text_kk"])
    fractions = _kk_fractions(kk["2" if entry["rule"] == "mitigating_cap" else "3"])
    specials = [s["max_fraction"] for s in params.get("special", [])]
    if entry["rule"] == "mitigating_cap":
        # the quote starts at item 2 (grave): then the life-or-health item, then the especially grave one
        assert fractions == [params["by_category"]["grave"], *specials]
    else:
        assert fractions == [params["max_fraction"], *sorted(set(specials))]
        (low, high), (low2, high2) = re.findall(
            r"айлық есептік көрсеткіштің ([а-яёәғқңөұүһіi]+) ([а-яёәғқңөұүһіi ]+?) дейінгі", kk["3"]
        )
        assert [kk_numbers(w)[0] for w in (low, high, low2, high2)] == [10, 20, 50, 200]


@pytest.mark.parametrize(
    "entry", _with_kk("preparation_cap") + _with_kk("attempt_cap"), ids=lambda e: f"{e['rule']}-{e['valid_from']}"
)
def test_unfinished_crime_caps_agree_with_the_kazakh_text(entry):
    kk = _cc_parts(entry["text_kk"])
    part = entry["article"][3]
    assert _kk_fractions(kk[part]) == [entry["params"]["max_fraction"]]
    (years,) = re.findall(
        r"([а-яёәғқңөұүһіi ]+?) жыл мерзімге бас бостандығынан айыру түріндегі жаза тағайындалады", kk["4"]
    )
    assert kk_numbers(years) == [_term(entry["params"]["life_only_sanction"])[0]]


@pytest.mark.parametrize(
    "entry",
    _with_kk("aggregate_offences") + _with_kk("aggregate_sentences"),
    ids=lambda e: f"{e['rule']}-{e['valid_from']}",
)
def test_aggregate_caps_agree_with_the_kazakh_text(entry):
    kk = _flat(entry["text_kk"])
    caps = [
        kk_numbers(w)[0] for w in re.findall(r"түпкiлiктi жазаны ([а-яёәғқңөұүһіi ]+?) жылдан асыруға болмайды", kk)
    ]
    params = entry["params"]
    if entry["rule"] == "aggregate_sentences":
        assert [f"{c} year" for c in caps] == [
            params["max_imprisonment"],
            params["max_imprisonment_with_especially_grave_punishable_up_to_20_years"],
        ]
    else:
        assert [f"{c} year" for c in caps] == [
            m["max_imprisonment"] for m in params["by_mix"] if "max_imprisonment" in m
        ]
        (misdemeanours,) = [m for m in params["by_mix"] if m["mix"] == "misdemeanours_only"]
        ((fine, hours, days),) = re.findall(
            r"– ([а-яёәғқңөұүһіi ]+?) айлық есептік көрсеткіштен, .*? тиісінше ([а-яёәғқңөұүһіi ]+?) сағаттан немесе ([а-яёәғқңөұүһіi ]+?) тәуліктен",
            kk,
        )
        assert (f"{kk_numbers(fine)[0]} MCI", f"{kk_numbers(hours)[0]} hour", f"{kk_numbers(days)[0]} day") == (
            misdemeanours["max_fine"],
            misdemeanours["max_community_service"],
            misdemeanours["max_arrest"],
        )
