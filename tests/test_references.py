"""The reference parser: the forms DESIGN.md promises, every form we print, and arbitrary text."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import penalties
from penalties.errors import ReferenceSyntaxError, UnknownProvisionError
from penalties.references import Reference, parse_reference


@pytest.mark.parametrize("text, expected", [
    ("CC 274(1)", ("cc", "274", "1")),
    ("cc 274 part 1", ("cc", "274", "1")),
    ("kz.cc.274.1", ("cc", "274", "1")),
    ("ч.1 ст.274 УК РК", ("cc", "274", "1")),
    ("ст. 274 ч. 1 УК", ("cc", "274", "1")),
    ("КоАП 489 ч.10", ("ac", "489", "10")),
    ("ч. 2 ст. 73-3 КоАП РК", ("ac", "73-3", "2")),
    ("AC 73-3(2)", ("ac", "73-3", "2")),
    ("kz.ac.73-3.2", ("ac", "73-3", "2")),
    ("Criminal Code art. 403 part 2", ("cc", "403", "2")),
    ("части 2 статьи 403 УК РК", ("cc", "403", "2")),
    ("ҚК 403-бап 1-бөлік", ("cc", "403", "1")),
    ("AC 460-1", ("ac", "460-1", None)),
])
def test_documented_forms(text, expected):
    assert parse_reference(text) == Reference(*expected)


def test_unknown_article_suggests_neighbours():
    with pytest.raises(UnknownProvisionError) as info:
        penalties.provision("CC 467(1)")  # art. 467 is a final provision, not in the Special Part
    assert info.value.suggestions and all(s.startswith("CC 46") for s in info.value.suggestions)


def test_unknown_part_lists_the_parts():
    with pytest.raises(UnknownProvisionError) as info:
        penalties.provision("CC 403(7)")
    assert set(info.value.suggestions) == {"CC 403(1)", "CC 403(2)"}


def test_article_without_part_when_parts_exist():
    with pytest.raises(UnknownProvisionError, match="name a part"):
        penalties.provision("CC 403")


def test_no_code_named():
    with pytest.raises(ReferenceSyntaxError, match="name the code"):
        penalties.provision("403(1)")


@pytest.mark.parametrize("p", penalties.provisions(), ids=lambda p: p.id)
def test_every_printed_form_resolves_back(p):
    for form in (p.id, p.label, p.label_ru, p.label.lower()):
        assert penalties.provision(form) is p


@given(st.text(max_size=60))
def test_arbitrary_text_never_crashes(text):
    try:
        penalties.provision(text)
    except UnknownProvisionError:
        pass


@given(st.sampled_from(["CC", "УК", "AC", "КоАП"]), st.integers(1, 999), st.integers(1, 20))
def test_generated_references_parse(code, article, part):
    ref = parse_reference(f"ч.{part} ст.{article} {code}")
    assert (ref.article, ref.part) == (str(article), str(part))
