"""The web pages of `penalties serve` (calculator, history, diff) through Starlette's test client.

Figures are traced to the statute files, as in tests/test_web_api.py; words to the catalogs
(penalties/locale/*/penalties.po, context "web").
"""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytest.importorskip("starlette")
from starlette.testclient import TestClient

import penalties
from penalties.output.messages import message
from penalties.web import pages
from penalties.web.app import create_app


@pytest.fixture(scope="module")
def client():
    return TestClient(create_app(), raise_server_exceptions=False)


class _Links(HTMLParser):
    """Every resource a page loads (scripts, stylesheets, images, frames) and every element id."""

    def __init__(self):
        super().__init__()
        self.loaded, self.ids = [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if tag in ("script", "img", "iframe") and a.get("src"):
            self.loaded.append(a["src"])
        if tag == "link" and a.get("href"):
            self.loaded.append(a["href"])


def parsed(text: str) -> _Links:
    p = _Links()
    p.feed(text)
    return p


def text_of(html_text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html_text))


CC403 = {"reference": "CC 403(1)", "committed": "2016-06-01"}


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_the_calculator_answers_in_each_language(client, lang):
    page = client.get("/", params=dict(CC403, lang=lang))
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert f'<html lang="{lang}">' in page.text
    words = text_of(page.text)
    assert message(lang, "web", "result") in words and message(lang, "web", "history") in words
    # CC 403(1), 2014 wording: fine up to 300 MCI; MCI 2121 KZT in 2016 (statutes/kz/indices/mci.toml)
    mci = message(lang, "amount", "mci")
    assert f"300 {mci}" in words
    assert {"ru": "636 300,00 ₸", "kk": "636 300,00 ₸", "en": "636,300.00 KZT"}[lang] in words.replace("\xa0", " ")
    assert "<svg" in page.text and 'class="fine"' in page.text  # the chart, inline


def test_the_page_shows_dollars_and_the_explanation(client):
    page = client.get("/", params=dict(CC403, lang="en"))
    words = text_of(page.text)
    # 636 300 KZT at the June 2016 monthly average of 336.79 KZT/USD (README): 1,889.31 USD
    assert "1,889.31 USD" in words and "336.79" in words
    assert "General Part" in words  # the explanation's steps (penalties show --explain)


def test_the_citation_is_in_the_legal_style_of_the_language(client):
    # CC 403(1) on 2019-06-01: the wording of the law of 12.07.2018 No. 180-VI (statutes/kz/cc/403.toml)
    cited = {}
    for lang in ("ru", "kk", "en"):
        page = client.get("/", params={"reference": "CC 403(1)", "committed": "2019-06-01", "lang": lang})
        cited[lang] = re.search(r'id="citation" readonly value="([^"]+)"', page.text).group(1)
    assert cited["ru"] == (
        "ч. 1 ст. 403 Уголовного кодекса Республики Казахстан (в редакции Закона Республики "
        "Казахстан от 12.07.2018 № 180-VI)"
    )
    assert cited["kk"] == (
        "Қазақстан Республикасы Қылмыстық кодексінің 403-бабының 1-бөлігі (Қазақстан "
        "Республикасының 12.07.2018 № 180-VI Заңының редакциясында)"
    )
    assert cited["en"] == (
        "Article 403(1) of the Criminal Code of the Republic of Kazakhstan (as amended by Law of the "
        "Republic of Kazakhstan No. 180-VI of 12 July 2018)"
    )
    original = client.get("/", params=dict(CC403, lang="ru")).text
    assert 'value="ч. 1 ст. 403 Уголовного кодекса Республики Казахстан (в первоначальной редакции)"' in original


def test_citation_of_a_sub_paragraph_and_of_the_administrative_code():
    a = penalties.assess("AC 434(3)", on=date(2019, 6, 1))
    assert pages.citation(a, "ru").startswith("ч. 3 ст. 434 Кодекса Республики Казахстан об административных")
    whole = penalties.provision("CC 465")  # an article without parts (statutes/kz/cc/465.toml)
    on = next(v for v in whole.versions if not v.abolished).valid_from
    text = pages.citation(penalties.assess(whole, on=on), "kk")
    assert text.startswith("Қазақстан Республикасы Қылмыстық кодексінің 465-бабы (")


def test_offender_and_case_dates_reach_the_assessment(client):
    page = client.get(
        "/",
        params={
            "reference": "AC 488(7)",
            "committed": "2021-03-01",
            "initiated": "2021-03-02",
            "offender": "legal_entity",
            "lang": "en",
        },
    )
    assert page.status_code == 200
    expected = penalties.assess(
        "AC 488(7)", committed=date(2021, 3, 1), initiated=date(2021, 3, 2), offender="legal_entity"
    ).format("en", explain=True)
    assert expected.splitlines()[0] in text_of(page.text)
    assert '<option value="legal_entity" selected>' in page.text


@pytest.mark.parametrize(
    "params, status, words",
    [
        ({"reference": "CC 999(1)", "committed": "2016-06-01"}, 404, "CC 466(1)"),
        ({"reference": "CC 403(1)", "committed": "1990-01-01"}, 422, "outside the encoded coverage"),
        ({"reference": "CC 403(1)", "committed": "01.06.2016"}, 400, "not a date"),
        ({"reference": "CC 403(1)"}, 400, "date committed"),
        ({"reference": "AC 488(7)", "committed": "2021-03-01", "offender": "dog"}, 422, "it covers"),
    ],
)
def test_a_refusal_is_shown_on_the_page_with_its_status(client, params, status, words):
    page = client.get("/", params=dict(params, lang="ru"))
    assert page.status_code == status
    assert 'role="alert"' in page.text and words in page.text
    assert message("ru", "web", "refused") in page.text


def test_the_language_follows_the_browser_unless_chosen(client):
    assert '<html lang="kk">' in client.get("/", headers={"accept-language": "kk-KZ,ru;q=0.8"}).text
    assert '<html lang="en">' in client.get("/", headers={"accept-language": "en-GB,en;q=0.9"}).text
    assert '<html lang="ru">' in client.get("/", headers={"accept-language": "de"}).text
    assert '<html lang="en">' in client.get("/?lang=en", headers={"accept-language": "kk"}).text
    switch = client.get("/", params=dict(CC403, lang="ru")).text
    assert 'href="/?reference=CC+403%281%29&amp;committed=2016-06-01&amp;lang=kk"' in switch


def test_words_of_a_title_are_searched_and_each_part_links_to_its_assessment(client):
    # "Мелкое хулиганство" is the title of AC 434 (statutes/kz/ac/434.toml)
    page = client.get("/", params={"reference": "мелкое хулиганство", "committed": "2019-06-01", "lang": "ru"})
    assert page.status_code == 200 and 'id="found"' in page.text
    assert message("ru", "web", "found") in page.text
    assert 'href="/?reference=AC+434%283%29&amp;committed=2019-06-01' in page.text
    nothing = client.get("/", params={"reference": "ыыыщщщ", "committed": "2019-06-01", "lang": "en"})
    assert message("en", "web", "none_found") in nothing.text


def test_history_page_lists_every_version_with_its_sources(client):
    page = client.get("/history", params={"reference": "CC 403(1)", "lang": "ru"})
    assert page.status_code == 200
    p = penalties.provision("CC 403(1)")
    for v in p.versions:
        assert v.act.number in page.text
        assert all(s in page.text for s in v.sources if s.startswith("https://"))
    # 300 MCI until 22.07.2018, then 160 MCI (statutes/kz/cc/403.toml)
    words = text_of(page.text)
    assert "01.01.2015 – 22.07.2018" in words and "300 МРП" in words and "160 МРП" in words
    assert "CC 403(2)" in page.text  # the article's other parts


def test_diff_page_names_the_changes(client):
    page = client.get(
        "/diff", params={"reference": "CC 403(1)", "first": "2016-01-01", "second": "2019-01-01", "lang": "ru"}
    )
    words = text_of(page.text)
    assert page.status_code == 200 and "верхний предел" in words and "300 MCI" in words and "160 MCI" in words
    same = client.get(
        "/diff", params={"reference": "CC 403(1)", "first": "2016-01-01", "second": "2017-01-01", "lang": "en"}
    )
    assert 'id="no-change"' in same.text
    bad = client.get("/diff", params={"reference": "CC 403(1)", "first": "2016", "second": "2017-01-01"})
    assert bad.status_code == 400


def test_chart_steps_at_each_version():
    svg = pages.chart(penalties.provision("CC 403(1)"), "en", today=date(2026, 1, 1))
    # two versions with a fine: 300 MCI, then 160 MCI
    assert svg.count('class="fine"') == 2 and ">300<" in svg and ">160<" in svg and "180-VI" in svg
    assert svg.startswith("<svg") and 'viewBox="0 0 ' in svg
    no_fine = pages.chart(penalties.provision("CC 99(1)"), "ru")  # murder: imprisonment only
    assert "<svg" not in no_fine and message("ru", "web", "chart_none") in no_fine


def test_nothing_is_loaded_from_elsewhere(client):
    for url in (
        "/",
        "/?reference=CC+403(1)&committed=2016-06-01",
        "/history?reference=CC+403(1)",
        "/diff?reference=CC+403(1)&first=2016-01-01&second=2019-01-01",
        "/nowhere",
    ):
        page = client.get(url)
        found = parsed(page.text)
        assert found.loaded and all(src.startswith("/static/") for src in found.loaded), (url, found.loaded)
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page.text
        assert len(found.ids) == len(set(found.ids)), url  # ids are unique (labels point at them)
    for name in ("penalties.css", "penalties.js"):
        asset = client.get(f"/static/{name}")
        assert asset.status_code == 200 and "http" not in asset.text.replace("http://127.0.0.1", "")
    assert client.get("/static/../app.py").status_code == 404


def test_an_unknown_page_is_a_404_page(client):
    page = client.get("/nowhere", params={"lang": "kk"})
    assert page.status_code == 404 and message("kk", "web", "no_page") in page.text


def test_every_offender_of_the_form_is_a_category_the_library_knows():
    from typing import get_args

    assert set(pages.OFFENDERS) <= set(get_args(penalties.Offender))


def test_the_docs_sites_calculator_link_opens_the_form_with_the_provision(client):
    # docs/_ext/provision_pages.py links every part of an article page to the web app at
    # `penalties serve`'s default address (127.0.0.1:8000, penalties/cli.py)
    import importlib.util

    path = Path(__file__).parent.parent / "docs" / "_ext" / "provision_pages.py"
    spec = importlib.util.spec_from_file_location("provision_pages", path)
    pages_ext = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pages_ext)
    url = pages_ext.calculator_url("CC 403(1)")
    assert url.startswith("http://127.0.0.1:8000/?")
    page = client.get(url.removeprefix("http://127.0.0.1:8000"))
    assert 'value="CC 403(1)"' in page.text
