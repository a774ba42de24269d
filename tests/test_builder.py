"""Building article files from readings: the dates each rule gives, pinned on both sides.

The readings here are made up in the shape of real ones; their dates follow the rules stated in
`penalties.data.builder` and `penalties.law.footnotes` (ten calendar days after a publication on
the signing day at the earliest: signed 12.07.2018 → first day 23.07.2018).
"""

import importlib.util
from datetime import date
from pathlib import Path

import pytest

import penalties
from penalties.data import builder
from penalties.data.readings import ArticleReading, PartReading
from penalties.errors import UnreadWordingError
from penalties.lookup import provisions

ROOT = Path(__file__).resolve().parent.parent
TEN_DAYS = "вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования"
THREE = "наказывается лишением свободы на срок до трех лет."
FIVE = "наказывается лишением свободы на срок до пяти лет."
SEVEN = "наказывается лишением свободы на срок до семи лет."


def reading(day, parts, footnotes=(), repealed=None):
    return ArticleReading(
        "999",
        "Проверочная статья",
        repealed,
        tuple(footnotes),
        tuple(PartReading(p, None, s, r) for p, s, r in parts),
        day,
        "ru",
        "https://example.invalid/read",
        "test",
    )


def footnote(*acts):
    return (
        "Сноска. Статья 999 с изменениями, внесенными законами РК "
        + "; ".join(f"от {signed} № {number} ({TEN_DAYS})" for number, signed in acts)
        + "."
    )


def build(*chain):
    article, left_out = builder.build_article("cc", list(chain), None, {})
    assert not left_out, left_out
    return article["parts"][0]


def spans(part):
    return (
        [(v["valid_from"], v.get("valid_to"), v.get("text_ru")) for v in part["versions"]],
        [(g["valid_from"], g["valid_to"]) for g in part.get("gaps", [])],
    )


def test_never_amended_is_one_version_from_2015():
    part = build(reading(date(2015, 11, 13), [("1", THREE, None)]), reading(date(2026, 3, 8), [("1", THREE, None)]))
    assert spans(part) == ([(date(2015, 1, 1), None, THREE)], [])


def test_one_act_in_between_starts_the_new_wording_on_its_first_day():
    fn = [footnote(("180-VI", "12.07.2018"))]
    part = build(reading(date(2015, 11, 13), [("1", THREE, None)]), reading(date(2026, 3, 8), [("1", FIVE, None)], fn))
    assert spans(part) == ([(date(2015, 1, 1), date(2018, 7, 22), THREE), (date(2018, 7, 23), None, FIVE)], [])


def test_several_acts_in_between_leave_a_gap_naming_them():
    fn = [footnote(("180-VI", "12.07.2018"), ("292-VI", "27.12.2019"))]
    part = build(reading(date(2015, 11, 13), [("1", THREE, None)]), reading(date(2026, 3, 8), [("1", FIVE, None)], fn))
    assert spans(part) == (
        [(date(2015, 1, 1), date(2018, 7, 22), THREE), (date(2020, 1, 7), None, FIVE)],
        [(date(2018, 7, 23), date(2020, 1, 6))],
    )
    assert "180-VI" in part["gaps"][0]["reason"] and "292-VI" in part["gaps"][0]["reason"]


def test_a_reading_in_between_splits_the_gap():
    fn = [footnote(("180-VI", "12.07.2018"), ("292-VI", "27.12.2019"))]
    part = build(
        reading(date(2015, 11, 13), [("1", THREE, None)]),
        reading(date(2018, 7, 12), [("1", SEVEN, None)], fn[:1]),
        reading(date(2026, 3, 8), [("1", FIVE, None)], fn),
    )
    assert spans(part) == (
        [
            (date(2015, 1, 1), date(2018, 7, 22), THREE),
            (date(2018, 7, 23), date(2020, 1, 6), SEVEN),
            (date(2020, 1, 7), None, FIVE),
        ],
        [],
    )


def test_a_wording_alike_in_both_redactions_spans_them_and_says_what_was_not_read():
    fn = [footnote(("180-VI", "12.07.2018"))]
    part = build(reading(date(2015, 11, 13), [("1", THREE, None)]), reading(date(2026, 3, 8), [("1", THREE, None)], fn))
    assert spans(part) == ([(date(2015, 1, 1), None, THREE)], [])
    assert "180-VI" in part["versions"][0]["notes"] and "not read" in part["versions"][0]["notes"]


def test_an_act_before_the_first_redaction_leaves_the_original_wording_a_gap():
    fn = [footnote(("343-V", "02.08.2015"))]
    part = build(
        reading(date(2015, 11, 13), [("1", THREE, None)], fn), reading(date(2026, 3, 8), [("1", THREE, None)], fn)
    )
    assert spans(part) == ([(date(2015, 8, 13), None, THREE)], [(date(2015, 1, 1), date(2015, 8, 12))])


def test_an_act_the_earlier_redaction_names_is_already_in_its_text():
    # redaction of 28.10.2019 names 268-VI (signed that day, in force from 08.11.2019 at the earliest):
    # its text carries 268-VI, so a part first seen in 2026 came with 292-VI alone, not "one of" the two
    fn_2019 = [footnote(("268-VI", "28.10.2019"))]
    fn_2026 = [footnote(("268-VI", "28.10.2019"), ("292-VI", "27.12.2019"))]
    article, _ = builder.build_article(
        "cc",
        [
            reading(date(2019, 10, 28), [("1", THREE, None)], fn_2019),
            reading(date(2026, 3, 8), [("1", THREE, None), ("2", FIVE, None)], fn_2026),
        ],
        None,
        {},
    )
    assert spans(article["parts"][1]) == ([(date(2020, 1, 7), None, FIVE)], [])
    # without the footnote, 268-VI may not be in the 28.10.2019 text yet: the part came with one of them
    article, _ = builder.build_article(
        "cc",
        [
            reading(date(2019, 10, 28), [("1", THREE, None)]),
            reading(date(2026, 3, 8), [("1", THREE, None), ("2", FIVE, None)], fn_2026),
        ],
        None,
        {},
    )
    assert spans(article["parts"][1]) == ([(date(2020, 1, 7), None, FIVE)], [(date(2019, 11, 8), date(2020, 1, 6))])


def test_the_shipped_exceptions_name_wordings_the_readings_have():
    # statutes/kz/readings/cc/exceptions.toml: each entry is a part of a redaction read, with a sanction
    from penalties.data.readings import load_reader_notes, load_reading_file, reading_files

    listed = load_reader_notes(ROOT / "statutes" / "kz" / "readings" / "cc" / "exceptions.toml")
    read = {
        (a.article, p.part or "", a.redaction)
        for path in reading_files("cc", ROOT / "statutes")
        for a in load_reading_file(path)
        if a.lang == "ru"
        for p in a.parts
        if p.sanction
    }
    assert listed and set(listed) <= read
    assert all(table["reason"].strip() for table in listed.values())


def test_a_listed_exception_leaves_the_part_out_with_its_reason():
    exceptions = {("999", "1", date(2026, 3, 8)): {"reason": "two sanctions the data model cannot say"}}
    _, left_out = builder.build_article(
        "cc",
        [reading(date(2015, 11, 13), [("1", THREE, None)]), reading(date(2026, 3, 8), [("1", FIVE, None)])],
        None,
        exceptions,
    )
    assert left_out == ["part 1: listed exception: two sanctions the data model cannot say"]


def test_a_repealed_part_is_abolished_from_the_repealing_act():
    repeal = f"Исключена Законом РК от 12.07.2018 № 180-VI ({TEN_DAYS})."
    part = build(reading(date(2015, 11, 13), [("1", THREE, None)]), reading(date(2026, 3, 8), [("1", None, repeal)]))
    versions = part["versions"]
    assert (versions[0]["valid_to"], versions[1]["valid_from"], versions[1]["abolished"]) == (
        date(2018, 7, 22),
        date(2018, 7, 23),
        True,
    )


def test_a_part_added_later_starts_with_its_act():
    fn = [footnote(("180-VI", "12.07.2018"))]
    article, _ = builder.build_article(
        "cc",
        [
            reading(date(2015, 11, 13), [("1", THREE, None)]),
            reading(date(2026, 3, 8), [("1", THREE, None), ("2", FIVE, None)], fn),
        ],
        None,
        {},
    )
    assert spans(article["parts"][1]) == ([(date(2018, 7, 23), None, FIVE)], [])


def test_an_act_the_footnotes_name_is_folded_into_the_redaction_though_not_yet_in_force():
    # 128-VI, signed 28.12.2017, in force from 08.01.2018: the redaction of 28.12.2017 names it, so
    # its text carries the change and the later change is 180-VI's alone
    fn = [footnote(("128-VI", "28.12.2017"))]
    part = build(
        reading(date(2015, 11, 13), [("1", THREE, None)]),
        reading(date(2017, 12, 28), [("1", THREE, None)], fn),
        reading(date(2026, 3, 8), [("1", FIVE, None)], [footnote(("128-VI", "28.12.2017"), ("180-VI", "12.07.2018"))]),
    )
    assert spans(part) == ([(date(2015, 1, 1), date(2018, 7, 22), THREE), (date(2018, 7, 23), None, FIVE)], [])


def test_an_act_signed_before_a_redaction_that_does_not_name_it_is_left_to_the_next():
    # 124-VI, signed 26.12.2017, in force from 01.01.2018, is not in the redaction of 28.12.2017: the
    # wording read there is 84-VI's, and 124-VI may have changed it by the next redaction read
    in_force_2018 = "вводится в действие с 01.01.2018"
    later = [
        f"Сноска. Статья 999 с изменениями, внесенными законами РК от 03.07.2017 № 84-VI ({TEN_DAYS}); "
        f"от 26.12.2017 № 124-VI ({in_force_2018}); от 12.07.2018 № 180-VI ({TEN_DAYS})."
    ]
    part = build(
        reading(date(2015, 11, 13), [("1", THREE, None)]),
        reading(date(2017, 12, 28), [("1", SEVEN, None)], [footnote(("84-VI", "03.07.2017"))]),
        reading(date(2026, 3, 8), [("1", FIVE, None)], later),
    )
    versions, gaps = spans(part)
    assert versions[1][:2] == (date(2017, 7, 14), date(2017, 12, 31)) and versions[1][2] == SEVEN
    assert gaps == [(date(2018, 1, 1), date(2018, 7, 22))] and "124-VI" in part["gaps"][0]["reason"]


def test_a_change_without_a_named_act_is_left_out_with_the_reason():
    _, left_out = builder.build_article(
        "cc",
        [reading(date(2015, 11, 13), [("1", THREE, None)]), reading(date(2026, 3, 8), [("1", FIVE, None)])],
        None,
        {},
    )
    assert left_out and "no act" in left_out[0]


def test_the_generated_files_are_what_the_readings_give():
    spec = importlib.util.spec_from_file_location("build_articles", ROOT / "scripts" / "build_articles.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["cc", "--check"]) == 0


# ------------------------------------------------------------------ pinned on the shipped data


def test_theft_from_the_readings():
    # CC 188(1), redaction of 08.03.2026: "наказывается штрафом в размере до одной тысячи месячных
    # расчетных показателей либо исправительными работами в том же размере, либо привлечением к
    # общественным работам на срок до восьмисот часов, либо ограничением свободы на срок до трех
    # лет, либо лишением свободы на тот же срок, с конфискацией имущества или без таковой."
    version = penalties.provision("CC 188(1)").version_on(date(2026, 3, 8))
    main = {i.kind: i.max.value for i in version.sanctions[0].main}
    assert main == {
        "fine": 1000,
        "corrective_labour": 1000,
        "community_service": 800,
        "restriction_of_freedom": 36,
        "imprisonment": 36,
    }
    assert [(i.kind, i.mandatory) for i in version.sanctions[0].additional] == [("confiscation", False)]


def test_a_day_in_a_gap_of_the_shipped_data_is_refused():
    # the first CC provision whose data still has a gap (readings close gaps over time, so none is pinned)
    p = next(p for p in provisions("cc") if p.gaps)
    gap = p.gaps[0]
    with pytest.raises(UnreadWordingError):
        penalties.assess(p, on=gap.valid_from)
    with pytest.raises(UnreadWordingError):
        penalties.assess(p, on=gap.valid_to)


@pytest.mark.parametrize("article, part, words", [("149", "1", "екі жүз алпыс"), ("412", "2", "бес жылға")])
def test_russian_and_kazakh_disagreements_are_recorded(article, part, words):
    text = (ROOT / "statutes" / "kz" / "cc" / f"{article}.toml").read_text(encoding="utf-8")
    assert "disagree" in text and words in text


def test_unnumbered_paragraphs_take_the_numbers_a_later_redaction_gives_them():
    # CC 427 in the redaction of 12.07.2018 (rus/sec006-ch017.md at 99437a0a): two unnumbered paragraphs,
    # "наказывается лишением свободы на срок до двух лет." and "… на срок до одного года.", the second added by
    # Law 09.04.2016 No. 501-V ("по истечении десяти календарных дней после дня его первого официального
    # опубликования": signed 09.04.2016, so 20.04.2016 at the earliest); the redaction of 21.01.2019 numbers
    # them 1 and 2
    import datetime

    import penalties

    two = penalties.provision("CC 427(2)")
    assert two.versions[0].valid_from == datetime.date(2016, 4, 20)
    assert two.versions[0].act.number == "501-V"
    assert two.version_on(datetime.date(2019, 1, 1)).sanctions[0].main[0].max.value == 12  # one year, in months
    from pathlib import Path

    assert "the redaction of 21.01.2019 numbers them 1, 2" in Path(two.source_file).read_text(encoding="utf-8")
