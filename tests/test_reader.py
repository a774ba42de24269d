"""The sanction-text reader: official Russian sanction sentences of the Criminal Code, read.

Expected values come from the quoted words themselves ("до двухсот сорока часов" is 240 hours),
never from the reader. The whole-data test requires every hand-encoded Criminal Code version to be
what the reader reads in its quote; a property test spells random sanctions in Russian with an
independent speller and reads them back.
"""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import penalties
from penalties.data import articles
from penalties.data.paths import statutes_dir
from penalties.data.reader import read_sanction
from penalties.data.readings import corrected, load_corrections
from penalties.errors import DataFileError, SanctionTextError
from penalties.law.quantities import Measure


def summary(items):
    """(kind, min, max, mandatory, lifelong, base) with terms in months, amounts as they are."""
    return [
        (
            i.kind,
            i.min and (i.min.value, i.min.unit),
            i.max and (i.max.value, i.max.unit),
            i.mandatory,
            i.lifelong,
            i.base,
        )
        for i in items
    ]


CC_VERSIONS = [
    (p, v) for p in penalties.provisions() if p.code == "cc" for v in p.versions if "ru" in v.text and not v.abolished
]


def test_there_are_hand_encoded_versions_to_compare():
    assert len(CC_VERSIONS) >= 90


# evident typos of the official text, read past as the file says (the article file records each one)
CORRECTIONS = load_corrections(statutes_dir() / "kz" / "readings" / "cc" / "corrections.toml")


@pytest.mark.parametrize("provision,version", CC_VERSIONS, ids=[f"{p.id}@{v.valid_from}" for p, v in CC_VERSIONS])
def test_every_hand_encoded_version_is_what_its_quote_says(provision, version):
    text, _ = corrected(version.text["ru"], CORRECTIONS.get((provision.article, provision.part or ""), ()))
    reading = read_sanction(text).for_item(provision.item)
    sanction = version.sanctions[0]
    assert (reading.main, reading.additional) == (sanction.main, sanction.additional), provision.source_file


def test_alternatives_and_same_amount():
    # CC 400 (2015 wording), as quoted in statutes/kz/cc/400.toml
    r = read_sanction(
        "наказываются штрафом в размере до двухсот месячных расчетных показателей либо "
        "исправительными работами в том же размере, либо привлечением к общественным работам на срок "
        "до двухсот часов, либо арестом на срок до пятидесяти суток."
    )
    assert summary(r.main) == [
        ("fine", None, (200, "MCI"), None, False, None),
        ("corrective_labour", None, (200, "MCI"), None, False, None),
        ("community_service", None, (200, "hour"), None, False, None),
        ("arrest", None, (50, "day"), None, False, None),
    ]
    assert r.additional == ()


def test_same_term_and_optional_ban():
    r = read_sanction(
        "наказываются штрафом в размере до трех тысяч месячных расчетных показателей либо исправительными "
        "работами в том же размере, либо ограничением свободы на срок до трех лет, либо лишением свободы "
        "на тот же срок, с лишением права занимать определенные должности или заниматься определенной "
        "деятельностью на срок до трех лет или без такового."
    )
    assert summary(r.main)[0] == ("fine", None, (3000, "MCI"), None, False, None)
    assert summary(r.main)[3] == ("imprisonment", None, (36, "month"), None, False, None)
    assert summary(r.additional) == [("deprivation_of_right", None, (36, "month"), False, False, None)]


def test_terms_with_their_own_units():
    r = read_sanction(
        "наказывается ограничением свободы на срок от одного года до трех лет либо лишением свободы "
        "на срок от шести месяцев до двух лет."
    )
    assert summary(r.main) == [
        ("restriction_of_freedom", (12, "month"), (36, "month"), None, False, None),
        ("imprisonment", (6, "month"), (24, "month"), None, False, None),
    ]


def test_multiples_of_the_bribe():
    # CC 366(2), quoted in statutes/kz/cc/366.toml
    r = read_sanction(
        "наказываются штрафом в размере от пятидесятикратной до шестидесятикратной суммы взятки либо "
        "лишением свободы на срок от трех до семи лет, с конфискацией имущества, с пожизненным лишением "
        "права занимать определенные должности или заниматься определенной деятельностью."
    )
    assert summary(r.main)[0] == ("fine", (50, "base"), (60, "base"), None, False, "bribe")
    assert summary(r.additional) == [
        ("confiscation", None, None, True, False, None),
        ("deprivation_of_right", None, None, True, True, None),
    ]


def test_additional_punishments_after_one_alternative_and_after_a_comma():
    # CC 99(3) in the 292-VI wording, quoted in statutes/kz/cc/99.toml
    r = read_sanction(
        "наказывается лишением свободы сроком на двадцать лет с пожизненным лишением права занимать "
        "определенные должности или заниматься определенной деятельностью либо пожизненным лишением "
        "свободы с конфискацией имущества или без таковой."
    )
    assert [i.kind for i in r.main] == ["imprisonment", "life_imprisonment"]
    assert summary(r.main)[0][1:3] == ((240, "month"), (240, "month"))
    assert [(i.kind, i.mandatory) for i in r.additional] == [("deprivation_of_right", True), ("confiscation", False)]
    # "с конфискацией имущества, лишением гражданства Республики Казахстан или без такового"
    r = read_sanction(
        "наказываются лишением свободы на срок от двенадцати до семнадцати лет с конфискацией имущества, "
        "лишением гражданства Республики Казахстан или без такового."
    )
    assert [(i.kind, i.mandatory) for i in r.additional] == [
        ("confiscation", True),
        ("deprivation_of_citizenship", False),
    ]


def test_a_sanction_of_its_own_for_a_sub_paragraph():
    r = read_sanction(
        "наказываются лишением свободы на срок от пяти до десяти лет с конфискацией имущества, а в "
        "случаях, предусмотренных пунктом 1), – с пожизненным лишением права занимать определенные "
        "должности или заниматься определенной деятельностью."
    )
    assert [i.kind for i in r.for_item(None).additional] == ["confiscation"]
    assert r.for_item(None).cases == ()
    assert [i.kind for i in r.for_item("1").additional] == ["confiscation", "deprivation_of_right"]
    assert r.for_item("2") == r  # no case of its own: the part's sanction


def test_death_penalty_and_expulsion():
    r = read_sanction(
        "наказываются лишением свободы на срок от десяти до двадцати лет, пожизненным лишением свободы "
        "либо смертной казнью.".replace(", пожизненным", " либо пожизненным")
    )
    assert [i.kind for i in r.main] == ["imprisonment", "life_imprisonment", "death_penalty"]
    r = read_sanction(
        "наказываются лишением свободы на срок до пяти лет с выдворением за пределы Республики Казахстан "
        "иностранца или лица без гражданства сроком на пять лет."
    )
    assert summary(r.additional) == [("expulsion", (60, "month"), (60, "month"), True, False, None)]


def test_expulsion_as_an_alternative_of_its_own():
    # CC 342(1) in the redaction of 28.10.2019 (268-VІ): "либо выдворением …", not "с выдворением …"
    r = read_sanction(
        "наказывается штрафом в размере до ста двадцати месячных расчетных показателей либо исправительными "
        "работами в том же размере, либо привлечением к общественным работам на срок до ста двадцати часов, "
        "либо арестом на срок до тридцати суток, либо выдворением за пределы Республики Казахстан иностранца "
        "или лица без гражданства сроком на пять лет, с лишением права занимать определенные должности или "
        "заниматься определенной деятельностью на срок до трех лет или без такового, с конфискацией имущества."
    )
    assert [i.kind for i in r.main] == ["fine", "corrective_labour", "community_service", "arrest", "expulsion"]
    assert summary(r.main[-1:]) == [("expulsion", (60, "month"), (60, "month"), None, False, None)]
    assert [(i.kind, i.mandatory) for i in r.additional] == [("deprivation_of_right", False), ("confiscation", True)]


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("наказывается штрафом в размере до двухсот рублей.", "штрафом в размере до двухсот рублей"),
        ("наказывается ссылкой на срок до трех лет.", "ссылкой на срок до трех лет"),
        (
            "наказывается штрафом в размере до двухсот месячных расчетных показателей либ арестом на срок до десяти суток.",
            "штрафом в размере до двухсот месячных расчетных показателей либ арестом на срок до десяти суток",
        ),
        ("Лицо освобождается от уголовной ответственности.", "лицо освобождается от уголовной ответственности"),
        ("наказываются исправительными работами в том же размере.", "исправительными работами в том же размере"),
    ],
)
def test_an_unknown_phrase_is_an_error_naming_it(text, phrase):
    with pytest.raises(SanctionTextError) as caught:
        read_sanction(text)
    assert caught.value.phrase.startswith(phrase[:40])


# ------------------------------------------------------------------ property: spell, then read

_UNITS = [
    "",
    "одного",
    "двух",
    "трех",
    "четырех",
    "пяти",
    "шести",
    "семи",
    "восьми",
    "девяти",
    "десяти",
    "одиннадцати",
    "двенадцати",
    "тринадцати",
    "четырнадцати",
    "пятнадцати",
    "шестнадцати",
    "семнадцати",
    "восемнадцати",
    "девятнадцати",
]
_TENS = [
    "",
    "",
    "двадцати",
    "тридцати",
    "сорока",
    "пятидесяти",
    "шестидесяти",
    "семидесяти",
    "восьмидесяти",
    "девяноста",
]
_HUNDREDS = ["", "ста", "двухсот", "трехсот", "четырехсот", "пятисот", "шестисот", "семисот", "восьмисот", "девятисот"]


def genitive(n: int) -> str:
    """n (1..9999) in the genitive, as the Code writes amounts: 'двух тысяч пятисот'."""
    words = []
    thousands, rest = divmod(n, 1000)
    if thousands:
        words += ["одной тысячи" if thousands == 1 else f"{_UNITS[thousands]} тысяч"]
    hundreds, rest = divmod(rest, 100)
    words += [_HUNDREDS[hundreds]] if hundreds else []
    if rest >= 20:
        words += [_TENS[rest // 10]] + ([_UNITS[rest % 10]] if rest % 10 else [])
    elif rest:
        words += [_UNITS[rest]]
    return " ".join(words)


@given(
    fine=st.integers(1, 9999),
    hours=st.integers(1, 1999),
    years=st.integers(2, 20),
    low=st.integers(1, 19),
    optional=st.booleans(),
)
def test_spelled_sanctions_read_back(fine, hours, years, low, optional):
    low = min(low, years - 1)
    text = (
        f"наказывается штрафом в размере до {genitive(fine)} месячных расчетных показателей либо исправительными "
        f"работами в том же размере, либо привлечением к общественным работам на срок до {genitive(hours)} часов, "
        f"либо лишением свободы на срок от {genitive(low)} до {genitive(years)} лет, с лишением права занимать "
        f"определенные должности или заниматься определенной деятельностью на срок до трех лет"
        + (" или без такового." if optional else ".")
    )
    r = read_sanction(text)
    assert summary(r.main) == [
        ("fine", None, (fine, "MCI"), None, False, None),
        ("corrective_labour", None, (fine, "MCI"), None, False, None),
        ("community_service", None, (hours, "hour"), None, False, None),
        ("imprisonment", (12 * low, "month"), (12 * years, "month"), None, False, None),
    ]
    assert r.additional[0].mandatory is (not optional)


def test_genitive_speller_is_right_on_the_codes_own_words():
    assert genitive(240) == "двухсот сорока"
    assert genitive(2000) == "двух тысяч"
    assert genitive(1000) == "одной тысячи"
    assert genitive(75) == "семидесяти пяти"


# ------------------------------------------------------------------ `penalties check` compares quote and data


def test_check_reports_a_version_whose_quote_says_otherwise(tmp_path):
    source = (penalties.data.paths.statutes_dir() / "kz" / "cc" / "400.toml").read_text(encoding="utf-8")
    assert 'max = "200 MCI"' in source
    broken = tmp_path / "kz" / "cc"
    broken.mkdir(parents=True)
    (broken / "400.toml").write_text(
        source.replace('{ kind = "fine", max = "200 MCI" }', '{ kind = "fine", max = "300 MCI" }', 1), encoding="utf-8"
    )
    problems, _ = articles.check(tmp_path)
    messages = [f"{p.path}:{p.line}: {p.message}" for p in problems]
    assert any("400.toml:" in m and "text_ru reads as main" in m and "200 MCI" in m for m in messages), messages
    with pytest.raises(DataFileError):
        articles.load_article(broken / "400.toml", read_texts=True)
    articles.load_article(broken / "400.toml")  # loading for use does not read the quotes


def test_the_spelled_amounts_are_decimals():
    r = read_sanction("наказывается штрафом в размере до восьмидесяти месячных расчетных показателей.")
    assert r.main[0].max.value == Decimal(80)


# ------------------------------------------------------------------ grammar added for the parts once left out


def test_a_ban_from_five_years_up_to_a_lifelong_one():
    # CC 238(2) of 12.07.2018, as read: "… на срок от пяти лет до установления запрета занимать должность
    # руководящего работника финансовой организации, … пожизненно": at least 5 years (60 months), at most life
    r = read_sanction(
        "наказываются штрафом в размере до трех тысяч месячных расчетных показателей либо исправительными "
        "работами в том же размере, либо привлечением к общественным работам на срок до восьмисот часов, "
        "либо ограничением свободы на срок до трех лет, либо лишением свободы на тот же срок, с лишением "
        "права занимать определенные должности или заниматься определенной деятельностью на срок от пяти "
        "лет до установления запрета занимать должность руководящего работника финансовой организации, "
        "банковского и (или) страхового холдинга и являться крупным участником (крупным акционером) "
        "финансовой организации пожизненно."
    )
    assert summary(r.additional) == [("deprivation_of_right", (60, "month"), None, True, True, None)]
    assert [i.kind for i in r.main] == [
        "fine",
        "corrective_labour",
        "community_service",
        "restriction_of_freedom",
        "imprisonment",
    ]


def test_a_ban_joined_by_libo_is_one_ban_not_an_alternative():
    # CC 156(2) of 13.11.2015: "с лишением права занимать определенные должности либо заниматься определенной
    # деятельностью на срок до трех лет" (36 months), mandatory
    r = read_sanction(
        "наказывается штрафом в размере до трехсот месячных расчетных показателей либо исправительными "
        "работами в том же размере, либо привлечением к общественным работам на срок до двухсот сорока "
        "часов, либо арестом на срок до семидесяти пяти суток, с лишением права занимать определенные "
        "должности либо заниматься определенной деятельностью на срок до трех лет."
    )
    assert [i.kind for i in r.main] == ["fine", "corrective_labour", "community_service", "arrest"]
    assert summary(r.additional) == [("deprivation_of_right", None, (36, "month"), True, False, None)]


def test_a_ban_without_a_term_leaves_the_term_to_the_general_part():
    r = read_sanction(
        "наказывается лишением свободы на срок до двух лет с лишением права занимать определенные должности."
    )
    assert summary(r.additional) == [("deprivation_of_right", None, None, True, False, None)]


def test_one_case_for_several_sub_paragraphs():
    # CC 312(3) of 13.11.2015: "…, а в случаях, предусмотренных пунктами 1) или 2), с пожизненным лишением права …"
    r = read_sanction(
        "наказываются лишением свободы на срок от пяти до восьми лет с конфискацией имущества, с лишением "
        "права занимать определенные должности или заниматься определенной деятельностью сроком на десять "
        "лет, а в случаях, предусмотренных пунктами 1) или 2), с пожизненным лишением права занимать "
        "определенные должности или заниматься определенной деятельностью."
    )
    assert [c for c, _ in r.cases] == ["1", "2"]
    for item in ("1", "2"):
        assert summary(r.for_item(item).additional)[-1] == ("deprivation_of_right", None, None, True, True, None)
    assert summary(r.for_item("3").additional)[-1] == (
        "deprivation_of_right",
        (120, "month"),
        (120, "month"),
        True,
        False,
        None,
    )


def test_a_case_reads_the_same_term_as_the_part_and_a_second_case_in_the_list():
    # CC 307(3) of 08.03.2026: "лишением свободы на срок от четырех до семи лет …, а в случаях, предусмотренных
    # пунктом 2), лишением свободы на тот же срок либо штрафом в размере от десятикратной до двадцатикратной суммы
    # полученного дохода, с конфискацией имущества, пунктом 3), с пожизненным лишением права …"
    r = read_sanction(
        "наказываются лишением свободы на срок от четырех до семи лет с конфискацией имущества, а в "
        "случаях, предусмотренных пунктом 2), лишением свободы на тот же срок либо штрафом в размере от "
        "десятикратной до двадцатикратной суммы полученного дохода, с конфискацией имущества, пунктом 3), "
        "с пожизненным лишением права занимать определенные должности или заниматься определенной "
        "деятельностью."
    )
    two, three = r.for_item("2"), r.for_item("3")
    assert summary(two.main) == [
        ("imprisonment", (48, "month"), (84, "month"), None, False, None),
        ("fine", (10, "base"), (20, "base"), None, False, "income_received"),
    ]
    assert summary(three.main) == [("imprisonment", (48, "month"), (84, "month"), None, False, None)]
    assert [i.kind for i in three.additional] == ["confiscation", "deprivation_of_right"]


# ------------------------------------------------------------------ corrections of evident typos


def test_the_shipped_corrections_name_words_the_official_text_has():
    # each `wrong` is found in a reading of the part it names (the typo is the official text's, not ours)
    import tomllib

    texts = {}
    for path in (statutes_dir() / "kz" / "readings" / "cc").glob("*/ru/*.toml"):
        for a in tomllib.loads(path.read_text(encoding="utf-8"))["articles"]:
            for p in a.get("parts", []):
                texts.setdefault((a["article"], p["part"]), []).append(p.get("sanction") or "")
    assert CORRECTIONS
    for key, fixes in CORRECTIONS.items():
        for fix in fixes:
            assert any(fix.wrong in t for t in texts[key]), (key, fix.wrong)
            with pytest.raises(SanctionTextError):  # without the correction the reader refuses the sentence
                read_sanction(next(t for t in texts[key] if fix.wrong in t))


def test_a_corrected_version_keeps_its_quote_verbatim_and_says_so():
    p = penalties.provision("CC 248(1)")
    version = p.versions[-1]
    assert "либ ограничением" in version.text["ru"]  # the official text, as it is
    assert "evident typo" in version.provenance.notes
    assert [i.kind for i in version.sanctions[0].main][-2:] == ["restriction_of_freedom", "imprisonment"]


@pytest.mark.parametrize(
    "old, new, fragment",
    [
        ('wrong = "либ ограничением"', 'wrong = "либо ограничением"', "is not in the quoted text_ru"),
        ('reason = "typo"', 'reason = ""', "non-empty strings"),
    ],
)
def test_check_refuses_a_correction_the_quote_does_not_bear_out(tmp_path, old, new, fragment):
    source = (statutes_dir() / "kz" / "cc" / "248.toml").read_text(encoding="utf-8")
    start = source.index("reader_correction = [")
    end = source.index("]\n", start) + 2
    fix = (
        'reader_correction = [\n  { wrong = "либ ограничением", read_as = "либо ограничением", reason = "typo" },\n]\n'
    )
    text = source[:start] + fix + source[end:]
    assert old in text
    folder = tmp_path / "kz" / "cc"
    folder.mkdir(parents=True)
    (folder / "248.toml").write_text(text.replace(old, new), encoding="utf-8")
    problems, _ = articles.check(tmp_path)
    assert any(fragment in p.message for p in problems), problems


def test_corrections_file_is_validated(tmp_path):
    path = tmp_path / "corrections.toml"
    path.write_text(
        '[[corrections]]\narticle = "248"\npart = "1"\nwrong = "либ"\nread_as = "либ"\nreason = "x"\n', encoding="utf-8"
    )
    with pytest.raises(DataFileError) as caught:
        load_corrections(path)
    assert caught.value.problems[0].line == 5 and "nothing is corrected" in caught.value.problems[0].message


def test_a_case_that_restates_an_additional_punishment_replaces_it():
    # CC 217(3), 13.11.2015: for sub-paragraph 3) the sentence restates confiscation and gives a
    # lifelong ban instead of the ban of up to seven years; the part's other sub-paragraphs keep theirs
    text = (
        "наказываются лишением свободы на срок от пяти до двенадцати лет с конфискацией имущества, с лишением "
        "права занимать определенные должности или заниматься определенной деятельностью на срок до семи лет, а "
        "в случаях, предусмотренных пунктом 3), с конфискацией имущества, с пожизненным лишением права занимать "
        "определенные должности или заниматься определенной деятельностью."
    )
    reading = read_sanction(text)
    general, [(item, case)] = reading.for_item(None), reading.cases
    assert [(i.kind, i.max, i.lifelong) for i in general.additional] == [
        ("confiscation", None, False),
        ("deprivation_of_right", Measure(Decimal(84), "month"), False),
    ]
    assert item == "3"
    assert [(i.kind, i.lifelong, i.mandatory) for i in case.additional] == [
        ("confiscation", False, True),
        ("deprivation_of_right", True, True),
    ]
