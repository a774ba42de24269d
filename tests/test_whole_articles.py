"""Whole articles: show, history, diff and list of an article ("CC 378") cover every part.

The figures are the official texts quoted in the statute files: statutes/kz/cc/378.toml (part 1
'до ста … месячных расчетных показателей' in 2015, 'до восьмидесяти' after Law 180-VI),
statutes/kz/ac/73-1.toml ('исключена Законом РК от 15.04.2024 № 73-VIII'), and the footnote
'Статья 130 исключена Законом РК от 26.06.2020 № 349-VI' that moved libel to AC 73-3.
"""

import csv
import io
import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import penalties
from penalties.changes import diff_versions
from penalties.cli import main
from penalties.data.articles import catalogue
from penalties.errors import OutOfCoverageError, UnknownProvisionError
from penalties.output import formatting as fmt
from penalties.whole_articles import Article, article, assess_article, diff_article, find


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("reference", ["CC 378", "ст. 378 УК", "ст.378 УК РК", "kz.cc.378", "ҚК 378-бап"])
def test_an_article_reference_names_every_part(reference):
    whole = find(reference)
    assert isinstance(whole, Article)
    assert [p.label for p in whole.parts] == ["CC 378(1)", "CC 378(2)"]
    assert whole.title["ru"] == "Оскорбление представителя власти"


def test_a_part_reference_is_still_one_provision():
    assert find("CC 378(1)").label == "CC 378(1)"
    with pytest.raises(UnknownProvisionError, match="names a part"):
        article("CC 378(1)")
    with pytest.raises(UnknownProvisionError, match="not encoded"):
        article("CC 999")


def test_assess_article_assesses_each_part_with_the_same_case():
    result = assess_article("CC 378", on=date(2016, 6, 1))
    parts = {p.provision.label: p.assessment for p in result.parts}
    # 2015 wording: part 1 'штрафом в размере до ста месячных расчетных показателей'
    fine = next(i for i in parts["CC 378(1)"].main if i.kind == "fine")
    assert fine.max.value.mci == 100
    data = result.to_dict()
    assert data["article"] == "kz.cc.378" and [p["provision"] for p in data["parts"]] == ["kz.cc.378.1", "kz.cc.378.2"]


def test_a_part_not_in_force_is_kept_with_its_reason():
    # AC 73-1 was repealed from 2024-06-15, AC 73-3 added from 2020-07-07: no part of 73-3 on 2019-01-01
    with pytest.raises(OutOfCoverageError):
        assess_article("AC 73-3", on=date(2019, 1, 1))


def test_diff_of_an_article_names_added_parts_and_their_act():
    result = diff_article("AC 73-3", date(2019, 1, 1), date(2021, 1, 1))
    assert {p.status for p in result.parts} == {"added"}
    act, _ = result.parts[0].acts[-1]
    assert act.number == "349-VI" and act.date == date(2020, 6, 26)
    assert "Закон РК от 26.06.2020 № 349-VI" in result.format("ru")


def test_diff_of_an_article_names_repealed_parts_and_their_act():
    result = diff_article("AC 73-1", date(2019, 1, 1), date(2025, 1, 1))
    assert {p.status for p in result.parts} == {"repealed"}
    act, since = result.parts[0].acts[-1]
    assert (act.number, act.date, since) == ("73-VIII", date(2024, 4, 15), date(2024, 6, 15))
    assert "ҚР 2024 жылғы 15 сәуірдегі № 73-VIII Заңы" in result.format("kk")


def test_diff_of_an_article_lists_each_parts_changes():
    result = diff_article("CC 378", date(2016, 1, 1), date(2025, 1, 1))
    first = result.parts[0]
    assert first.status == "changed" and first.acts[0][0].number == "180-VI"
    # 'до ста месячных расчетных показателей' -> 'до восьмидесяти'; 'до сорока пяти суток' -> 'до двадцати суток'
    assert "fine: maximum 100 MCI → 80 MCI" in [str(c) for c in first.changes]
    assert "arrest: maximum 45 days → 20 days" in [str(c) for c in first.changes]


MULTI_PART = sorted({(p.code, p.article) for p in catalogue() if p.part and p.item is None})
DAYS = st.dates(min_value=date(2015, 1, 1), max_value=date(2026, 11, 21))


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(MULTI_PART), DAYS, DAYS)
def test_an_article_diff_agrees_with_each_parts_diff(key, first, second):
    code, number = key
    result = diff_article(f"{code.upper()} {number}" if code == "cc" else f"AC {number}", first, second)
    for part, p in zip(result.parts, result.article.parts, strict=True):
        assert part.provision == p.id
        assert (part.status == "changed") == bool(part.changes)
        if part.status in ("changed", "unchanged") and part.changes:
            assert part.changes == diff_versions(p.version_on(first), p.version_on(second))
        for _, since in part.acts:
            assert min(first, second) < since <= max(first, second)


def test_show_an_article_on_the_command_line(capsys):
    code, out, _ = run(capsys, "show", "CC 378", "--on", "2020-01-01", "--lang", "ru")
    assert code == 0 and "ч.1 ст.378 УК РК" in out and "ч.2 ст.378 УК РК" in out
    code, out, _ = run(capsys, "show", "CC 378", "--on", "2020-01-01", "--json")
    assert code == 0 and len(json.loads(out)["parts"]) == 2


def test_history_diff_and_list_of_an_article(capsys):
    code, out, _ = run(capsys, "history", "CC 378", "--json")
    assert code == 0 and {v["provision"] for v in json.loads(out)} == {"kz.cc.378.1", "kz.cc.378.2"}
    code, out, _ = run(capsys, "diff", "AC 73-1", "2019-01-01", "2025-01-01", "--lang", "ru")
    assert code == 0 and out.count("утратила силу") == 3
    code, out, _ = run(capsys, "list", "CC 188", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["label"] for r in rows] == ["CC 188(1)", "CC 188(2)", "CC 188(3)", "CC 188(4)"]
    assert rows[0]["title_ru"] == "Кража" and rows[0]["title_kk"] == "Ұрлық"


def test_history_csv_has_a_row_per_version_and_offender_group(capsys):
    code, out, _ = run(capsys, "history", "AC 73-3(1)", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    p = penalties.provision("AC 73-3(1)")
    assert code == 0 and len(rows) == sum(max(1, len(v.sanctions)) for v in p.versions)
    assert {r["act"] for r in rows} == {v.act.number for v in p.versions}


def test_acts_are_cited_as_lawyers_cite_them():
    act = penalties.provision("CC 378(1)").versions[1].act  # Law 180-VI of 12.07.2018 (acts.toml)
    assert fmt.citation(act, "ru") == "Закон РК от 12.07.2018 № 180-VI"
    assert fmt.citation(act, "kk") == "ҚР 2018 жылғы 12 шілдедегі № 180-VI Заңы"
    assert fmt.citation(act, "en") == "Law No. 180-VI of 12 July 2018"


@pytest.mark.parametrize(
    "month, form", [(1, "қаңтардағы"), (3, "наурыздағы"), (4, "сәуірдегі"), (9, "қыркүйектегі"), (12, "желтоқсандағы")]
)
def test_kazakh_act_dates_take_the_locative(month, form):
    assert fmt.act_date(date(2020, month, 5), "kk") == f"2020 жылғы 5 {form}"


def test_no_internal_id_in_human_history():
    text = penalties.provision("AC 460-1(2)").versions[0].provision_id
    for lang in ("en", "ru", "kk"):
        from penalties.output.render import render_history

        shown = render_history(penalties.provision("AC 460-1(2)"), lang)
        assert "medium_business" not in shown and text not in shown and "_" not in shown


def test_json_warnings_carry_stable_codes():
    a = penalties.assess("CC 403(1)", on=date(2016, 6, 1))
    data = a.to_dict()
    assert [n["text"] for n in data["notices"]] == data["warnings"]
    assert [n["code"] for n in data["notices"]] == [n.code for n in a.notices]


@pytest.mark.parametrize(
    "lang, words",
    [
        ("ru", ("обратная сила закона", "Общая часть", "Закон РК от 12.07.2018 № 180-VI")),
        ("kk", ("заңның кері күші", "Жалпы бөлім", "ҚР 2018 жылғы 12 шілдедегі № 180-VI Заңы")),
    ],
)
def test_the_explanation_is_in_the_chosen_language(lang, words):
    text = penalties.assess("CC 403(1)", committed=date(2018, 3, 1), decided=date(2018, 9, 1)).format(
        lang, explain=True
    )
    assert all(w in text for w in words)
    assert "lex mitior" not in text and " sets " not in text
    assert "corrective_labour" not in text and "monthly_average" not in text
