"""The reference parser: the forms DESIGN.md promises, every form we print, and arbitrary text."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import penalties
from penalties.errors import ReferenceSyntaxError, UnknownProvisionError
from penalties.references import Reference, parse_reference


@pytest.mark.parametrize(
    "text, expected",
    [
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
    ],
)
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


# --- misreads (issue 16, item 12): read right, or refused naming what was not read ---


@pytest.mark.parametrize(
    "text, expected",
    [
        ("AC 489.1(2)", ("ac", "489-1", "2")),  # a dotted article: never AC 489(2)
        ("КоАП 489.1 ч.2", ("ac", "489-1", "2")),
        ("ч.2 ст.489.1 КоАП РК", ("ac", "489-1", "2")),
        ("CC 274 p.4", ("cc", "274", "4")),  # a part written p. / п. is not dropped
        ("CC 274 п.4", ("cc", "274", "4")),
        ("CC 274 п. 4", ("cc", "274", "4")),
        ("UK 274(1)", ("cc", "274", "1")),  # Latin transliterations of УК / КоАП
        ("UK RK art. 274 part 1", ("cc", "274", "1")),
        ("CAO 489(2)", ("ac", "489", "2")),
        ("KoAP 489(10)", ("ac", "489", "10")),
        ("ст. 190 Уголовного кодекса Республики Казахстан", ("cc", "190", None)),
        ("ч.2 ст.462 Кодекса об административных правонарушениях", ("ac", "462", "2")),
    ],
)
def test_forms_people_write(text, expected):
    assert parse_reference(text) == Reference(*expected)


def test_point_beside_a_part_is_the_item():
    assert parse_reference("п.2 ч.3 ст.517 КоАП РК") == Reference("ac", "517", "3", "2")


def test_kazakh_item_label():
    assert parse_reference("ҚР ҚК 120-бап 3-бөлік 5)-тармақша") == Reference("cc", "120", "3", "5")


@pytest.mark.parametrize(
    "text, leftover",
    [
        ("CC 403(1) 2019", "2019"),
        ("CC 274(1) blah", "blah"),
        ("CC 274 part 1 part 2", "part 2"),
        ("CC 274(1)(2)(3)", "3"),
        ("CC 403.1.2", "1.2"),
        ("ч.1 ст.274 УК РК или что-то", "или что-то"),
    ],
)
def test_leftover_is_refused_and_named(text, leftover):
    with pytest.raises(ReferenceSyntaxError) as info:
        parse_reference(text)
    assert repr(leftover) in info.value.reason
    with pytest.raises(ReferenceSyntaxError) as info:  # and so does the lookup, with suggestions
        penalties.provision(text)
    assert repr(leftover) in str(info.value)


@pytest.mark.parametrize("text", ["AC 403 УК", "CC 274 КоАП", "пп.2 ст.517 КоАП РК"])
def test_contradictions_are_refused(text):
    with pytest.raises(ReferenceSyntaxError):
        parse_reference(text)


def test_dotted_article_without_part_reads_two_ways():
    # AC 489-1 and AC 489(1) are both encoded, so "AC 489.1" is refused naming both
    assert {"AC 489-1(1)", "AC 489(1)"} <= {p.label for p in penalties.provisions("ac")}
    with pytest.raises(ReferenceSyntaxError, match="reads as"):
        parse_reference("AC 489.1")
    with pytest.raises(UnknownProvisionError, match="reads as") as info:
        penalties.provision("AC 489.1")
    assert "AC 489(1)" in info.value.suggestions and "AC 489-1(1)" in info.value.suggestions


def test_dotted_article_taken_where_only_one_reading_exists():
    labels = {p.label for p in penalties.provisions()}
    assert "CC 403(1)" in labels and not any(label.startswith("CC 403-1") for label in labels)
    assert penalties.provision("CC 403.1").label == "CC 403(1)"


def test_misread_in_assess_batch_too():
    pd = pytest.importorskip("pandas")
    from datetime import date

    table = pd.DataFrame(
        {"provision": ["AC 489.1(2)", "AC 489-1(2)", "CC 403(1) 2019"], "committed": [date(2019, 6, 1)] * 3}
    )
    out = penalties.assess_batch(table).drop(columns="provision")
    assert out.iloc[0].to_dict().__repr__() == out.iloc[1].to_dict().__repr__()  # AC 489-1(2), not AC 489(2)
    assert "cannot read '2019'" in out.loc[2, "error"]


_FORMS = ("id", "label", "label_ru", "label_kk")


@given(
    st.sampled_from(penalties.provisions()), st.sampled_from(_FORMS), st.sampled_from(["", " ", "  "]), st.booleans()
)
def test_every_label_round_trips(p, form, pad, upper):
    text = getattr(p, form)
    text = pad + (text.upper() if upper and form == "label" else text) + pad
    assert penalties.provision(text) is p
    assert parse_reference(text).id == p.id


@pytest.mark.parametrize("form", _FORMS)
def test_every_label_of_the_data_parses_back(form):
    wrong = [
        (getattr(p, form), parse_reference(getattr(p, form)).id)
        for p in penalties.provisions()
        if parse_reference(getattr(p, form)).id != p.id
    ]
    assert wrong == []
