"""Amendment footnotes, as the statute files quote them from the official texts."""

import re
import tomllib
from datetime import date

import pytest

from penalties.data.acts import registry
from penalties.data.paths import statutes_dir
from penalties.errors import FootnoteError, PenaltiesError
from penalties.law.footnotes import parse_footnote, read_footnote

TEN = "вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования"
SIXTY = "вводится в действие по истечении шестидесяти календарных дней после дня его первого официального опубликования"
TWO_MONTHS = "вводится в действие по истечении двух месяцев после дня его первого официального опубликования"


def test_several_acts_with_their_rules():
    # statutes/kz/cc/174.toml notes (16.09.2025 text); 12-VІ is printed with a Cyrillic І
    text = (
        "Сноска. Статья 174 с изменениями, внесенными законами РК от 26.07.2016 № 12-VІ (вводится в действие по "
        "истечении двух месяцев после дня его первого официального опубликования); от 26.06.2020 № 349-VI "
        "(вводится в действие по истечении десяти календарных дней после дня его первого официального "
        "опубликования)."
    )
    assert parse_footnote(text) == [("12-VІ", date(2016, 7, 26), TWO_MONTHS), ("349-VI", date(2020, 6, 26), TEN)]
    note = read_footnote(text)
    assert note.subject == "Статья 174" and {e.change for e in note.entries} == {"amended"}
    assert registry().get(note.entries[0].number).number == "12-VI"


def test_elided_rules_are_none_or_kept_as_quoted():
    # statutes/kz/cc/174.toml notes, quoted shortened by the researcher
    text = (
        "Статья 174 с изменениями, внесенными законами РК от 26.07.2016 № 12-VІ (...); от 26.06.2020 № 349-VI (...); "
        "от 10.07.2023 № 19-VIII (...шестидесяти календарных дней...); от 19.06.2024 № 94-VIII (...)"
    )
    assert parse_footnote(text) == [
        ("12-VІ", date(2016, 7, 26), None),
        ("349-VI", date(2020, 6, 26), None),
        ("19-VIII", date(2023, 7, 10), "...шестидесяти календарных дней..."),
        ("94-VIII", date(2024, 6, 19), None),
    ]


def test_repeal():
    # statutes/kz/cc/130.toml text_ru; statutes/kz/cc/373.toml text_ru (no space before the parenthesis)
    assert (
        read_footnote("Статья 130 исключена Законом РК от 26.06.2020 № 349-VI (" + TEN + ").").entries[0].change
        == "repealed"
    )
    note = read_footnote("Статья 373 исключена Законом РК от 12.07.2023 № 23-VIII(" + TEN + ").")
    assert note.subject == "Статья 373" and note.acts() == [("23-VIII", date(2023, 7, 12), TEN)]
    assert note.entries[0].change == "repealed"


def test_restated_then_amended():
    # statutes/kz/ac/86.toml notes
    text = (
        "Статья 86 в редакции Закона РК от 23.11.2015 № 415-V (вводится в действие с 01.01.2016); с изменениями, "
        "внесенными Законом РК от 30.12.2019 № 300-VІ (" + TEN + ")"
    )
    note = read_footnote(text)
    assert [(e.number, e.signed, e.change) for e in note.entries] == [
        ("415-V", date(2015, 11, 23), "restated"),
        ("300-VІ", date(2019, 12, 30), "amended"),
    ]
    assert note.entries[0].rule == "вводится в действие с 01.01.2016"


def test_no_space_before_the_number_sign():
    # statutes/kz/ac/87.toml notes: '23.11.2015№ 415-V'
    assert parse_footnote("Статья 87 в редакции Закона РК от 23.11.2015№ 415-V (вводится в действие с 01.01.2016)") == [
        ("415-V", date(2015, 11, 23), "вводится в действие с 01.01.2016")
    ]


def test_heading_and_no_rule():
    # statutes/kz/cc/400.toml notes; statutes/kz/ac/93.toml notes
    note = read_footnote("Заголовок статьи 400 в редакции Закона РК от 25.05.2020 № 334-VІ")
    assert note.subject == "Заголовок статьи 400" and note.acts() == [("334-VІ", date(2020, 5, 25), None)]
    assert (
        read_footnote("Статья 93 с изменением, внесенным Законом РК от 28.12.2017 № 127-VI").entries[0].change
        == "amended"
    )


def test_added_article():
    # statutes/kz/ac/73-3.toml header: the adilet footnote of AC art. 73-3
    note = read_footnote(
        "Кодекс дополнен статьей 73-3 в соответствии с Законом РК от 26.06.2020 № 349-VI (вводится в "
        "действие по истечении десяти календарных дней после дня его первого официального опубликования)"
    )
    assert note.subject == "Кодекс" and note.entries[0].change == "added"
    assert note.acts() == [("349-VI", date(2020, 6, 26), TEN)]


def test_amended_and_supplemented_and_an_exception_in_the_rule():
    # the kinds of change the official texts use; the rule wording of statutes/kz/cc/376.toml notes
    text = (
        "Статья 376 с изменениями и дополнениями, внесенными Законом РК от 12.07.2018 № 180-VІ ("
        + TEN
        + ", за исключением пункта 15 статьи 1)"
    )
    [entry] = read_footnote(text).entries
    assert entry.change == "amended_and_supplemented" and entry.rule == TEN + ", за исключением пункта 15 статьи 1"


def test_two_kinds_in_the_general_part():
    # statutes/kz/ac/518.toml and 519.toml notes
    text = (
        "Статья 519 с изменениями, внесенными законами РК от 29.12.2014 № 272-V (вводится в действие 01.01.2015); "
        "от 24.11.2015 № 421-V (вводится в действие с 01.01.2017)"
    )
    assert parse_footnote(text) == [
        ("272-V", date(2014, 12, 29), "вводится в действие 01.01.2015"),
        ("421-V", date(2015, 11, 24), "вводится в действие с 01.01.2017"),
    ]


@pytest.mark.parametrize("text", ["Статья 45 вводится в действие с 01.01.2017", "", "Сноска."])
def test_a_text_naming_no_act_is_an_error(text):
    with pytest.raises(FootnoteError) as error:
        read_footnote(text)
    assert error.value.phrase == text and isinstance(error.value, PenaltiesError)


def _quoted_footnotes():
    """Every footnote quoted in the statute files' strings (notes, text_ru): 'Статья N … от DD.MM.YYYY № …'."""
    quote = re.compile(
        r"(?:Сноска\. )?(?:Статья|Заголовок статьи) [0-9\-]+ [^'\"]*?(?:исключена|в редакции|с изменени)"
        r"[^'\"]*?№ ?[0-9]+-[IVXІ]+[^'\"]*"
    )
    found = []

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for v in value.values():
                yield from strings(v)
        elif isinstance(value, list):
            for v in value:
                yield from strings(v)

    for path in sorted((statutes_dir() / "kz").rglob("*.toml")):
        for text in strings(tomllib.loads(path.read_text(encoding="utf-8"))):
            found.extend((path.name, m.group(0)) for m in quote.finditer(text))
    return found


def test_every_footnote_quoted_in_the_data_is_read_and_agrees_with_the_registry():
    quotes = _quoted_footnotes()
    assert len(quotes) > 30
    checked = 0
    for name, text in quotes:
        for number, signed, _ in parse_footnote(text):
            act = registry().get(number)
            if act is not None:  # an act the data encodes: the footnote gives its signing date
                assert act.date == signed, (name, text)
                checked += 1
    assert checked > 30


def test_the_rule_after_an_act_number_followed_by_its_form():
    # AC 91's footnote, redaction of 12.07.2026 (statutes/kz/readings/ac/2026-07-12/ru/73-180.toml):
    # "от 19.06.2024 № 95-VIII ЗРК (вводится в действие по истечении шестидесяти календарных дней …)"
    text = (
        "Сноска. Статья 91 с изменениями, внесенными законами РК от 20.04.2023 № 227-VII (вводится в действие с "
        "01.07.2023); от 19.06.2024 № 95-VIII ЗРК (вводится в действие по истечении шестидесяти календарных дней "
        "после дня его первого официального опубликования)."
    )
    entries = {e.number: e.rule for e in read_footnote(text).entries}
    assert entries["95-VIII"] == (
        "вводится в действие по истечении шестидесяти календарных дней после дня его первого официального опубликования"
    )
