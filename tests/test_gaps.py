"""A period whose wording was not read is data (`[[parts.gaps]]`), and asking about it is refused.

Both sides of each edge are pinned: the last day of the version before the gap answers, the gap's
first day refuses with the reason, its last day refuses, the next version's first day answers.
"""

from datetime import date

import pytest

from penalties.data import articles
from penalties.errors import DataFileError, OutOfCoverageError

ARTICLE = """
code = "cc"
article = "999"
[title]
ru = "Проверочная статья"

[[parts]]
part = "1"

[[parts.gaps]]
valid_from = 2015-01-01
valid_to = 2015-06-30
reason = "the original 2015 wording was not read (amended by Law No. 1-V before the first redaction read)"

[[parts.versions]]
valid_from = 2015-07-01
valid_to = 2016-12-31
act = { number = "1-V", date = 2015-06-01, title = "test act", entry_into_force = "test" }
verification = "primary"
sources = ["https://example.invalid/a"]
text_ru = "наказывается лишением свободы на срок до трех лет."
[[parts.versions.sanctions]]
main = [{ kind = "imprisonment", max = "3 year" }]

[[parts.gaps]]
valid_from = 2017-01-01
valid_to = 2018-03-31
reason = "amended by Laws No. 2-VI and No. 3-VI; the wording between them was not read"

[[parts.versions]]
valid_from = 2018-04-01
act = { number = "3-VI", date = 2018-03-01, title = "test act", entry_into_force = "test" }
verification = "primary"
sources = ["https://example.invalid/b"]
text_ru = "наказывается лишением свободы на срок до пяти лет."
[[parts.versions.sanctions]]
main = [{ kind = "imprisonment", max = "5 year" }]
"""


def write(tmp_path, text):
    folder = tmp_path / "kz" / "cc"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "999.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def provision(tmp_path):
    (p,) = articles.load_article(write(tmp_path, ARTICLE), read_texts=True)
    return p


@pytest.mark.parametrize("day", [date(2015, 1, 1), date(2015, 6, 30), date(2017, 1, 1), date(2018, 3, 31)])
def test_a_day_in_a_gap_is_refused_with_its_reason(provision, day):
    with pytest.raises(OutOfCoverageError) as caught:
        provision.version_on(day)
    assert "not read" in str(caught.value)
    assert caught.value.when == day


@pytest.mark.parametrize("day, years", [(date(2015, 7, 1), 3), (date(2016, 12, 31), 3), (date(2018, 4, 1), 5)])
def test_the_days_next_to_a_gap_answer(provision, day, years):
    assert provision.version_on(day).sanctions[0].main[0].max.value == 12 * years


def test_lex_mitior_across_a_gap_is_refused(provision):
    assert len(provision.versions_between(date(2015, 7, 1), date(2016, 12, 31))) == 1
    with pytest.raises(OutOfCoverageError, match="2-VI"):
        provision.versions_between(date(2016, 6, 1), date(2019, 1, 1))


def test_a_gap_overlapping_a_version_is_a_data_error(tmp_path):
    path = write(tmp_path, ARTICLE.replace("valid_to = 2018-03-31", "valid_to = 2018-04-01"))
    with pytest.raises(DataFileError, match="overlapping"):
        articles.load_article(path)


def test_a_gap_needs_an_end_and_a_reason(tmp_path):
    path = write(tmp_path, ARTICLE.replace("valid_to = 2015-06-30\n", ""))
    with pytest.raises(DataFileError, match="valid_to"):
        articles.load_article(path)
    path = write(tmp_path, ARTICLE.replace('reason = "amended', 'notes = "amended'))
    with pytest.raises(DataFileError, match="reason"):
        articles.load_article(path)
