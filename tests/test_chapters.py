"""Chapters of the Special Parts (statutes/kz/<code>/chapters.toml): every encoded article falls in
exactly one chapter; headings as read; the loader and `penalties check` refuse malformed files.

The pinned headings are quoted from the official text of 08.03.2026 (corpus commit b3c9d813), e.g.
"## Глава 12. МЕДИЦИНСКИЕ УГОЛОВНЫЕ ПРАВОНАРУШЕНИЯ" stands in rus/sec007-ch011.md right before
"### Статья 317.", and "## Глава 4. ПРЕСТУПЛЕНИЯ ПРОТИВ МИРА И БЕЗОПАСНОСТИ ЧЕЛОВЕЧЕСТВА" right before
"### Статья 160." (after art. 159), with art. 174 the last article before "Глава 5".
"""

import itertools
import textwrap
import tomllib
from pathlib import Path

import pytest

import penalties
from penalties.data.articles import check
from penalties.data.chapters import article_key, chapter_of, chapters, load_chapters
from penalties.errors import DataFileError

STATUTES = Path(__file__).parent.parent / "statutes" / "kz"
CODES = [code for code in ("cc", "ac") if (STATUTES / code / "chapters.toml").is_file()]


@pytest.mark.parametrize("code", CODES)
def test_every_encoded_article_falls_in_exactly_one_chapter(code):
    found = chapters(code)
    articles = {p.article for p in penalties.provisions() if p.code == code}
    assert articles
    for article in articles:
        holding = [ch.number for ch in found if ch.holds(article)]
        assert len(holding) == 1, (code, article, holding)


@pytest.mark.parametrize("code, redaction", [("cc", "2026-03-08"), ("ac", "2026-07-12")])
def test_every_article_of_the_redaction_read_falls_in_one_chapter(code, redaction):
    if code not in CODES:
        pytest.skip("no chapters file")
    read = set()
    for path in (STATUTES / "readings" / code / redaction / "ru").glob("*.toml"):
        read |= {a["article"] for a in tomllib.loads(path.read_text(encoding="utf-8"))["articles"]}
    for article in read:
        assert sum(ch.holds(article) for ch in chapters(code)) == 1, article


def test_chapters_follow_each_other_in_the_codes_order():
    for code in CODES:
        found = chapters(code)
        for before, after in itertools.pairwise(found):
            assert article_key(before.number) < article_key(after.number)
            assert article_key(before.last) < article_key(after.first)


@pytest.mark.parametrize(
    "article, number, heading",
    [
        ("99", "1", "УГОЛОВНЫЕ ПРАВОНАРУШЕНИЯ ПРОТИВ ЛИЧНОСТИ"),
        ("145", "3", "УГОЛОВНЫЕ ПРАВОНАРУШЕНИЯ ПРОТИВ КОНСТИТУЦИОННЫХ И ИНЫХ ПРАВ И СВОБОД ЧЕЛОВЕКА И ГРАЖДАНИНА"),
        ("159", "3", "УГОЛОВНЫЕ ПРАВОНАРУШЕНИЯ ПРОТИВ КОНСТИТУЦИОННЫХ И ИНЫХ ПРАВ И СВОБОД ЧЕЛОВЕКА И ГРАЖДАНИНА"),
        ("160", "4", "ПРЕСТУПЛЕНИЯ ПРОТИВ МИРА И БЕЗОПАСНОСТИ ЧЕЛОВЕЧЕСТВА"),
        ("174", "4", "ПРЕСТУПЛЕНИЯ ПРОТИВ МИРА И БЕЗОПАСНОСТИ ЧЕЛОВЕЧЕСТВА"),
        ("186", "5", "УГОЛОВНЫЕ ПРАВОНАРУШЕНИЯ ПРОТИВ ОСНОВ КОНСТИТУЦИОННОГО СТРОЯ И БЕЗОПАСНОСТИ ГОСУДАРСТВА"),
        ("187", "6", "УГОЛОВНЫЕ ПРАВОНАРУШЕНИЯ ПРОТИВ СОБСТВЕННОСТИ"),
        ("188-1", "6", "УГОЛОВНЫЕ ПРАВОНАРУШЕНИЯ ПРОТИВ СОБСТВЕННОСТИ"),
        ("316", "11", "УГОЛОВНЫЕ ПРАВОНАРУШЕНИЯ ПРОТИВ ЗДОРОВЬЯ НАСЕЛЕНИЯ И НРАВСТВЕННОСТИ"),
        ("317", "12", "МЕДИЦИНСКИЕ УГОЛОВНЫЕ ПРАВОНАРУШЕНИЯ"),
        ("360", "14", "ТРАНСПОРТНЫЕ УГОЛОВНЫЕ ПРАВОНАРУШЕНИЯ"),
        (
            "361",
            "15",
            "КОРРУПЦИОННЫЕ И ИНЫЕ УГОЛОВНЫЕ ПРАВОНАРУШЕНИЯ ПРОТИВ ИНТЕРЕСОВ ГОСУДАРСТВЕННОЙ СЛУЖБЫ "
            "И ГОСУДАРСТВЕННОГО УПРАВЛЕНИЯ",
        ),
        ("437", "18", "ВОИНСКИЕ УГОЛОВНЫЕ ПРАВОНАРУШЕНИЯ"),
    ],
)
def test_criminal_code_headings_as_read(article, number, heading):
    chapter = chapter_of("cc", article)
    assert chapter is not None and chapter.number == number
    assert chapter.title["ru"] == heading
    assert chapter.title["en"]  # the project's translation, always present
    assert all("b3c9d813a352af93c7138301108a569b56edd0b4" in url for url in chapter.sources)


@pytest.mark.parametrize(
    "article, number, heading",
    [
        # rus/sec002-ch011.md of 12.07.2026: "## Глава 12. …" right before "### Статья 127.", "## Глава 13. …" before 136
        ("127", "12", "АДМИНИСТРАТИВНЫЕ ПРАВОНАРУШЕНИЯ, ПОСЯГАЮЩИЕ НА ПРАВА НЕСОВЕРШЕННОЛЕТНИХ"),
        ("135-1", "12", "АДМИНИСТРАТИВНЫЕ ПРАВОНАРУШЕНИЯ, ПОСЯГАЮЩИЕ НА ПРАВА НЕСОВЕРШЕННОЛЕТНИХ"),
        ("136", "13", "АДМИНИСТРАТИВНЫЕ ПРАВОНАРУШЕНИЯ, ПОСЯГАЮЩИЕ НА СОБСТВЕННОСТЬ"),
        ("409", "23", "АДМИНИСТРАТИВНЫЕ ПРАВОНАРУШЕНИЯ В ОБЛАСТИ ОБРАЗОВАНИЯ, ФИЗИЧЕСКОЙ КУЛЬТУРЫ И СПОРТА"),
        ("450", "25", "АДМИНИСТРАТИВНЫЕ ПРАВОНАРУШЕНИЯ, ПОСЯГАЮЩИЕ НА ОБЩЕСТВЕННЫЙ ПОРЯДОК И НРАВСТВЕННОСТЬ"),
        ("451", "26", "АДМИНИСТРАТИВНЫЕ ПРАВОНАРУШЕНИЯ В ОБЛАСТИ ПЕЧАТИ И ИНФОРМАЦИИ"),
        ("521", "29", "АДМИНИСТРАТИВНЫЕ ПРАВОНАРУШЕНИЯ В СФЕРЕ ТАМОЖЕННОГО ДЕЛА"),
        ("676", "34", "АДМИНИСТРАТИВНЫЕ КОРРУПЦИОННЫЕ ПРАВОНАРУШЕНИЯ"),
    ],
)
def test_administrative_code_headings_as_read(article, number, heading):
    if "ac" not in CODES:
        pytest.skip("no chapters file")
    chapter = chapter_of("ac", article)
    assert chapter is not None and chapter.number == number and chapter.title["ru"] == heading
    assert all("1f175b8839c10ce1eb949dcaa76d8a90ce645320" in url for url in chapter.sources)


def test_kazakh_heading_where_read():
    # kaz.md of 08.03.2026: "| [`sec007-ch018`](kaz/sec007-ch018.md) | 18-тарау. ӘСКЕРИ ҚЫЛМЫСТЫҚ ҚҰҚЫҚ БҰЗУШЫЛЫҚТАР |"
    assert chapter_of("cc", "437").title["kk"] == "ӘСКЕРИ ҚЫЛМЫСТЫҚ ҚҰҚЫҚ БҰЗУШЫЛЫҚТАР"
    # kaz/sec007-ch011.md of 08.03.2026: "## 12-тарау. МЕДИЦИНАЛЫҚ ҚЫЛМЫСТЫҚ ҚҰҚЫҚ БҰЗУШЫЛЫҚТАР" before "### 317-бап."
    assert chapter_of("cc", "317").title["kk"] == "МЕДИЦИНАЛЫҚ ҚЫЛМЫСТЫҚ ҚҰҚЫҚ БҰЗУШЫЛЫҚТАР"
    # kaz/sec002-ch031.md of 12.07.2026: "## 34-тарау. ӘКIМШIЛIК СЫБАЙЛАС ЖЕМҚОРЛЫҚ ҚҰҚЫҚ БҰЗУШЫЛЫҚТАР" before "### 676-бап."
    assert chapter_of("ac", "676").title["kk"] == "ӘКIМШIЛIК СЫБАЙЛАС ЖЕМҚОРЛЫҚ ҚҰҚЫҚ БҰЗУШЫЛЫҚТАР"
    assert all(c.title.get("kk") for code in CODES for c in chapters(code))  # every heading read in both languages


def test_an_article_outside_every_chapter_has_none():
    assert chapter_of("cc", "98") is None  # the General Part
    assert chapter_of("cc", "9999") is None


GOOD = """\
code = "cc"
redaction = 2026-03-08
english = "our translation"

[[chapters]]
number = "1"
first = "99"
last = "131"
title_ru = "УГОЛОВНЫЕ ПРАВОНАРУШЕНИЯ ПРОТИВ ЛИЧНОСТИ"
title_en = "Criminal offences against the person"
sources = ["https://github.com/kazakhstan-law/codes/blob/b3c9d813a352af93c7138301108a569b56edd0b4/x/rus/sec007.md"]

[[chapters]]
number = "2"
first = "132"
last = "144"
title_ru = "УГОЛОВНЫЕ ПРАВОНАРУШЕНИЯ ПРОТИВ СЕМЬИ И НЕСОВЕРШЕННОЛЕТНИХ"
title_en = "Criminal offences against the family and minors"
sources = ["https://github.com/kazakhstan-law/codes/blob/b3c9d813a352af93c7138301108a569b56edd0b4/x/rus.md"]
"""


def write(tmp_path, text):
    folder = tmp_path / "kz" / "cc"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "chapters.toml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_good_file_loads(tmp_path):
    found = load_chapters(write(tmp_path, GOOD))
    assert [(c.number, c.first, c.last) for c in found] == [("1", "99", "131"), ("2", "132", "144")]


@pytest.mark.parametrize(
    "old, new, line, fragment",
    [
        ('first = "132"', 'first = "130"', 15, "inside chapter 1"),
        ('number = "2"', 'number = "1"', 14, "follows chapter 1"),
        ('last = "144"', 'last = "100"', 15, "comes after the last"),
        ("blob/b3c9d813a352af93c7138301108a569b56edd0b4/x/rus.md", "blob/main/x/rus.md", 19, "not a pinned"),
        ('title_en = "Criminal offences against the family and minors"\n', "", 13, "missing key 'title_en'"),
        ('first = "99"', 'first = "ninety-nine"', 7, "is not an article number"),
        ('code = "cc"', 'code = "ac"', 1, "does not match the folder"),
    ],
)
def test_malformed_file_is_refused_at_its_line(tmp_path, old, new, line, fragment):
    assert old in GOOD
    with pytest.raises(DataFileError) as caught:
        load_chapters(write(tmp_path, GOOD.replace(old, new)))
    assert any(p.line == line and fragment in p.message for p in caught.value.problems), caught.value.problems


def test_check_reports_an_encoded_article_in_no_chapter(tmp_path):
    write(tmp_path, GOOD)
    source = STATUTES / "cc" / "145.toml"  # chapter 3: not in the two chapters of GOOD
    (tmp_path / "kz" / "cc" / "145.toml").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    problems, _ = check(tmp_path)
    assert any("CC 145 is encoded but falls in no chapter" in p.message for p in problems), problems


def test_check_accepts_the_shipped_chapters():
    for code in CODES:
        problems, _ = check(STATUTES / code / "chapters.toml")
        assert problems == []
