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
from penalties.data.reader import read_sanction
from penalties.errors import DataFileError, SanctionTextError


def summary(items):
    """(kind, min, max, mandatory, lifelong, base) with terms in months, amounts as they are."""
    return [(i.kind, i.min and (i.min.value, i.min.unit), i.max and (i.max.value, i.max.unit),
             i.mandatory, i.lifelong, i.base) for i in items]


CC_VERSIONS = [(p, v) for p in penalties.provisions() if p.code == "cc"
               for v in p.versions if "ru" in v.text and not v.abolished]


def test_there_are_hand_encoded_versions_to_compare():
    assert len(CC_VERSIONS) >= 90


@pytest.mark.parametrize("provision,version", CC_VERSIONS, ids=[f"{p.id}@{v.valid_from}" for p, v in CC_VERSIONS])
def test_every_hand_encoded_version_is_what_its_quote_says(provision, version):
    reading = read_sanction(version.text["ru"]).for_item(provision.item)
    sanction = version.sanctions[0]
    assert (reading.main, reading.additional) == (sanction.main, sanction.additional), provision.source_file


def test_alternatives_and_same_amount():
    # CC 400 (2015 wording), as quoted in statutes/kz/cc/400.toml
    r = read_sanction("наказываются штрафом в размере до двухсот месячных расчетных показателей либо "
                      "исправительными работами в том же размере, либо привлечением к общественным работам на срок "
                      "до двухсот часов, либо арестом на срок до пятидесяти суток.")
    assert summary(r.main) == [
        ("fine", None, (200, "MCI"), None, False, None),
        ("corrective_labour", None, (200, "MCI"), None, False, None),
        ("community_service", None, (200, "hour"), None, False, None),
        ("arrest", None, (50, "day"), None, False, None),
    ]
    assert r.additional == ()


def test_same_term_and_optional_ban():
    r = read_sanction("наказываются штрафом в размере до трех тысяч месячных расчетных показателей либо исправительными "
                      "работами в том же размере, либо ограничением свободы на срок до трех лет, либо лишением свободы "
                      "на тот же срок, с лишением права занимать определенные должности или заниматься определенной "
                      "деятельностью на срок до трех лет или без такового.")
    assert summary(r.main)[0] == ("fine", None, (3000, "MCI"), None, False, None)
    assert summary(r.main)[3] == ("imprisonment", None, (36, "month"), None, False, None)
    assert summary(r.additional) == [("deprivation_of_right", None, (36, "month"), False, False, None)]


def test_terms_with_their_own_units():
    r = read_sanction("наказывается ограничением свободы на срок от одного года до трех лет либо лишением свободы "
                      "на срок от шести месяцев до двух лет.")
    assert summary(r.main) == [("restriction_of_freedom", (12, "month"), (36, "month"), None, False, None),
                               ("imprisonment", (6, "month"), (24, "month"), None, False, None)]


def test_multiples_of_the_bribe():
    # CC 366(2), quoted in statutes/kz/cc/366.toml
    r = read_sanction("наказываются штрафом в размере от пятидесятикратной до шестидесятикратной суммы взятки либо "
                      "лишением свободы на срок от трех до семи лет, с конфискацией имущества, с пожизненным лишением "
                      "права занимать определенные должности или заниматься определенной деятельностью.")
    assert summary(r.main)[0] == ("fine", (50, "base"), (60, "base"), None, False, "bribe")
    assert summary(r.additional) == [("confiscation", None, None, True, False, None),
                                     ("deprivation_of_right", None, None, True, True, None)]


def test_additional_punishments_after_one_alternative_and_after_a_comma():
    # CC 99(3) in the 292-VI wording, quoted in statutes/kz/cc/99.toml
    r = read_sanction("наказывается лишением свободы сроком на двадцать лет с пожизненным лишением права занимать "
                      "определенные должности или заниматься определенной деятельностью либо пожизненным лишением "
                      "свободы с конфискацией имущества или без таковой.")
    assert [i.kind for i in r.main] == ["imprisonment", "life_imprisonment"]
    assert summary(r.main)[0][1:3] == ((240, "month"), (240, "month"))
    assert [(i.kind, i.mandatory) for i in r.additional] == [("deprivation_of_right", True), ("confiscation", False)]
    # "с конфискацией имущества, лишением гражданства Республики Казахстан или без такового"
    r = read_sanction("наказываются лишением свободы на срок от двенадцати до семнадцати лет с конфискацией имущества, "
                      "лишением гражданства Республики Казахстан или без такового.")
    assert [(i.kind, i.mandatory) for i in r.additional] == [("confiscation", True),
                                                             ("deprivation_of_citizenship", False)]


def test_a_sanction_of_its_own_for_a_sub_paragraph():
    r = read_sanction("наказываются лишением свободы на срок от пяти до десяти лет с конфискацией имущества, а в "
                      "случаях, предусмотренных пунктом 1), – с пожизненным лишением права занимать определенные "
                      "должности или заниматься определенной деятельностью.")
    assert [i.kind for i in r.for_item(None).additional] == ["confiscation"]
    assert r.for_item(None).cases == ()
    assert [i.kind for i in r.for_item("1").additional] == ["confiscation", "deprivation_of_right"]
    assert r.for_item("2") == r  # no case of its own: the part's sanction


def test_death_penalty_and_expulsion():
    r = read_sanction("наказываются лишением свободы на срок от десяти до двадцати лет, пожизненным лишением свободы "
                      "либо смертной казнью.".replace(", пожизненным", " либо пожизненным"))
    assert [i.kind for i in r.main] == ["imprisonment", "life_imprisonment", "death_penalty"]
    r = read_sanction("наказываются лишением свободы на срок до пяти лет с выдворением за пределы Республики Казахстан "
                      "иностранца или лица без гражданства сроком на пять лет.")
    assert summary(r.additional) == [("expulsion", (60, "month"), (60, "month"), True, False, None)]


@pytest.mark.parametrize("text, phrase", [
    ("наказывается штрафом в размере до двухсот рублей.", "штрафом в размере до двухсот рублей"),
    ("наказывается ссылкой на срок до трех лет.", "ссылкой на срок до трех лет"),
    ("наказывается штрафом в размере до двухсот месячных расчетных показателей либ арестом на срок до десяти суток.",
     "штрафом в размере до двухсот месячных расчетных показателей либ арестом на срок до десяти суток"),
    ("Лицо освобождается от уголовной ответственности.", "лицо освобождается от уголовной ответственности"),
    ("наказываются исправительными работами в том же размере.", "исправительными работами в том же размере"),
])
def test_an_unknown_phrase_is_an_error_naming_it(text, phrase):
    with pytest.raises(SanctionTextError) as caught:
        read_sanction(text)
    assert caught.value.phrase.startswith(phrase[:40])


# ------------------------------------------------------------------ property: spell, then read

_UNITS = ["", "одного", "двух", "трех", "четырех", "пяти", "шести", "семи", "восьми", "девяти", "десяти",
          "одиннадцати", "двенадцати", "тринадцати", "четырнадцати", "пятнадцати", "шестнадцати",
          "семнадцати", "восемнадцати", "девятнадцати"]
_TENS = ["", "", "двадцати", "тридцати", "сорока", "пятидесяти", "шестидесяти", "семидесяти", "восьмидесяти",
         "девяноста"]
_HUNDREDS = ["", "ста", "двухсот", "трехсот", "четырехсот", "пятисот", "шестисот", "семисот", "восьмисот",
             "девятисот"]


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


@given(fine=st.integers(1, 9999), hours=st.integers(1, 1999), years=st.integers(2, 20), low=st.integers(1, 19),
       optional=st.booleans())
def test_spelled_sanctions_read_back(fine, hours, years, low, optional):
    low = min(low, years - 1)
    text = (f"наказывается штрафом в размере до {genitive(fine)} месячных расчетных показателей либо исправительными "
            f"работами в том же размере, либо привлечением к общественным работам на срок до {genitive(hours)} часов, "
            f"либо лишением свободы на срок от {genitive(low)} до {genitive(years)} лет, с лишением права занимать "
            f"определенные должности или заниматься определенной деятельностью на срок до трех лет"
            + (" или без такового." if optional else "."))
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
    (broken / "400.toml").write_text(source.replace('{ kind = "fine", max = "200 MCI" }',
                                                    '{ kind = "fine", max = "300 MCI" }', 1), encoding="utf-8")
    problems, _ = articles.check(tmp_path)
    messages = [f"{p.path}:{p.line}: {p.message}" for p in problems]
    assert any("400.toml:" in m and "text_ru reads as main" in m and "200 MCI" in m for m in messages), messages
    with pytest.raises(DataFileError):
        articles.load_article(broken / "400.toml", read_texts=True)
    articles.load_article(broken / "400.toml")  # loading for use does not read the quotes


def test_the_spelled_amounts_are_decimals():
    r = read_sanction("наказывается штрафом в размере до восьмидесяти месячных расчетных показателей.")
    assert r.main[0].max.value == Decimal(80)
