"""Every encoded amount is checked against the sanction text quoted from its source.

Each version in `statutes/` carries `text_ru`, the sanction as quoted from the official text (or
the best source, with its verification status). This test reads the numbers written out in that
quote ("до двухсот сорока часов" → 240) and requires that the numbers of the encoded sanction and
the numbers of the quote agree: every MCI amount, day, hour and year/month term encoded appears
in the quote (multiples of a base such as "пятидесятикратной суммы взятки" too), and every number in
the quote is encoded. The official Kazakh quote (`text_kk`) is checked the same way. It is the
per-version pin of issue 3, with the source URL in the data file beside the quote.
"""

from decimal import Decimal

import pytest

import penalties
from kk_numbers import numbers as kk_numbers
from ru_numbers import numbers

VERSIONS = [(p, v) for p in penalties.provisions() for v in p.versions if "ru" in v.text and not v.abolished]
KK_VERSIONS = [(p, v) for p in penalties.provisions() for v in p.versions if "kk" in v.text and not v.abolished]


# Numbers a quote contains that are not amounts or terms of the sanction, with the reason.
NOT_SANCTION_NUMBERS = {
    ("kz.ac.517.3", "2020-05-25"): ({1, 2, 3, 5}, "sub-paragraph numbers and overstay lengths of the tiers"),
    ("kz.cc.274.4", "2018-07-23"): ({1, 2}, "item numbers of part 4"),
}


def encoded_measures(version) -> list[set[Decimal]]:
    """For each encoded amount or term, the numbers a quote may write it as."""
    out = []
    for sanction in version.sanctions:
        for item in sanction.main + sanction.additional:
            for m in (item.min, item.max):
                if m is None:
                    continue
                forms = {m.value}
                if m.unit == "month" and m.value % 12 == 0:
                    forms = {m.value / 12, m.value}  # "до трех лет" is stored as 36 months
                out.append(forms)
    return out


def where(p, v) -> str:
    """The data file and the sources the quote was read in, for a failure message."""
    return f"{p.source_file} ({p.label} from {v.valid_from}; read in {', '.join(v.sources)})"


def encoded_numbers(version) -> set[Decimal]:
    return set().union(*encoded_measures(version))


def test_most_versions_carry_a_quote():
    with_quote = sum(1 for p in penalties.provisions() for v in p.versions if v.text or v.abolished)
    total = sum(len(p.versions) for p in penalties.provisions())
    assert with_quote / total > 0.9


@pytest.mark.parametrize("p, v", VERSIONS, ids=[f"{p.id}@{v.valid_from}" for p, v in VERSIONS])
def test_encoded_amounts_appear_in_the_quoted_text(p, v):
    quoted = {Decimal(n) for n in numbers(v.text["ru"])}
    missing_from_quote = [sorted(forms) for forms in encoded_measures(v) if not forms & quoted]
    assert not missing_from_quote, f"{where(p, v)}: encoded but not in text_ru: {missing_from_quote}"


@pytest.mark.parametrize("p, v", VERSIONS, ids=[f"{p.id}@{v.valid_from}" for p, v in VERSIONS])
def test_quoted_numbers_are_encoded(p, v):
    quoted = {Decimal(n) for n in numbers(v.text["ru"])}
    encoded = encoded_numbers(v)
    # a quote may mention article or part numbers ("частью первой статьи 41"): only count numbers
    # the sanction could hold
    allowed, _reason = NOT_SANCTION_NUMBERS.get((p.id, v.valid_from.isoformat()), (set(), ""))
    unexplained = {n for n in quoted if n not in encoded and n not in allowed}
    assert not unexplained, f"{where(p, v)}: in text_ru but not encoded: {sorted(unexplained)}"


def test_every_allowance_names_an_encoded_version():
    # an entry left behind when a version is re-encoded would silently allow numbers elsewhere
    encoded = {(p.id, v.valid_from.isoformat()) for p, v in VERSIONS}
    assert set(NOT_SANCTION_NUMBERS) <= encoded, set(NOT_SANCTION_NUMBERS) - encoded


@pytest.mark.parametrize("p, v", KK_VERSIONS, ids=[f"{p.id}@{v.valid_from}" for p, v in KK_VERSIONS])
def test_kazakh_quote_and_encoding_agree(p, v):
    # the same check on the official Kazakh wording (the only quote where the Russian text of a
    # redaction was not stored, e.g. CC 366-367 in 2015)
    quoted = {Decimal(n) for n in kk_numbers(v.text["kk"])}
    missing_from_quote = [sorted(forms) for forms in encoded_measures(v) if not forms & quoted]
    assert not missing_from_quote, f"{where(p, v)}: encoded but not in text_kk: {missing_from_quote}"
    extra = quoted - encoded_numbers(v)
    assert not extra, f"{where(p, v)}: in text_kk but not encoded: {extra}"


def test_kazakh_numbers_are_read_as_words_not_prefixes():
    assert kk_numbers("мүлкі тәркіленіп немесе онсыз, параның жиырма еселенген сомасы") == [20]  # not "он"
    assert kk_numbers("белгілі бір лауазымдарды атқару, үшін, бір жүз алпыс айлық") == [160]
    assert kk_numbers("екі мыңнан жеті мыңға дейінгі; жетіден он екі жылға") == [2000, 7000, 7, 12]
