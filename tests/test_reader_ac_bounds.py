"""Fines in percent of a base bounded by amounts in MCI (`Item.floor`, `Item.ceiling`) and fines per unit of
a count (`Item.per`): the AC reader on the Code's words, `penalties check`, `assess()`, `assess_batch()`,
the JSON contract and `review()`.

Every expected value is read off the quoted official words (the readings under statutes/kz/readings/ac/,
copied here verbatim) and the MCI of statutes/kz/indices/mci.toml; none comes from the reader.
"""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import penalties
from penalties.data.articles import check
from penalties.data.reader_ac import read_ac_sanction
from penalties.errors import MissingBaseError, MissingCountError, SanctionTextError
from penalties.law.quantities import Measure
from penalties.reasoning.money import money

GOOD = """\
code = "ac"
article = "999"

[title]
ru = "Пример"

[[parts]]
part = "1"

[[parts.versions]]
valid_from = 2015-01-01
act = { number = "235-V", date = 2014-07-05 }
verification = "primary"
sources = ["https://zan.gov.kz/client/#!/doc/81245/rus/11.07.2017"]

[[parts.versions.sanctions]]
offender = "legal_entity"
main = [
  { kind = "fine", max = "160 MCI" },
]
"""


def problems_for(tmp_path, text):
    folder = tmp_path / "kz" / "ac"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "999.toml"
    path.write_text(text, encoding="utf-8")
    found, _ = check(path)
    return [(p.line, p.message) for p in found]


#: 2019: 2,525 tenge per MCI (Law 197-VI of 30.11.2018, art. 8(4)); 2017: 2,269 (Law 25-VI of 29.11.2016, art. 7(4))
MCI_2019, MCI_2017 = Decimal(2525), Decimal(2269)
D2019, D2017 = date(2019, 6, 1), date(2017, 8, 1)


def fines(text):
    return [
        (
            s.offenders,
            [
                (
                    str(i.min) if i.min else None,
                    str(i.max),
                    i.base,
                    i.floor and str(i.floor),
                    i.ceiling and str(i.ceiling),
                    i.per,
                )
                for i in s.main
            ],
        )
        for s in read_ac_sanction(text)
    ]


# ---- the reader, on the Code's words ----------------------------------------------------------------------


def test_a_floor_for_each_offender():
    # AC 205, redaction of 15.05.2019 (statutes/kz/readings/ac/2019-05-15/ru/articles.toml)
    text = (
        "влекут штраф на физических лиц в размере десяти процентов от суммы неисполненного обязательства, но не "
        "менее пяти месячных расчетных показателей, на субъектов малого предпринимательства или некоммерческие "
        "организации – в размере тридцати процентов от суммы неисполненного обязательства, но не менее пятнадцати "
        "месячных расчетных показателей, на субъектов среднего предпринимательства – в размере пятидесяти процентов "
        "от суммы неисполненного обязательства, но не менее тридцати месячных расчетных показателей, на субъектов "
        "крупного предпринимательства – в размере ста процентов от суммы неисполненного обязательства, но не менее "
        "пятидесяти месячных расчетных показателей."
    )
    assert fines(text) == [
        (("individual",), [("10 percent", "10 percent", "unfulfilled_obligation", "5 MCI", None, None)]),
        (
            ("small_business", "non_commercial_organisation"),
            [("30 percent", "30 percent", "unfulfilled_obligation", "15 MCI", None, None)],
        ),
        (("medium_business",), [("50 percent", "50 percent", "unfulfilled_obligation", "30 MCI", None, None)]),
        (("large_business",), [("100 percent", "100 percent", "unfulfilled_obligation", "50 MCI", None, None)]),
    ]


def test_a_tenth_of_a_percent_between_a_floor_and_a_ceiling():
    # AC 213(6), redaction of 11.07.2017 (statutes/kz/readings/ac/2017-07-11/ru/181-280.toml)
    text = (
        "влечет штраф на юридических лиц в размере одной десятой процента от суммы сделки, но не менее двухсот и не "
        "более одной тысячи месячных расчетных показателей."
    )
    assert fines(text) == [
        (("legal_entity",), [("0.1 percent", "0.1 percent", "transaction", "200 MCI", "1000 MCI", None)])
    ]
    (sanction,) = read_ac_sanction(text)
    assert sanction.main[0].max.value == Decimal("0.1")  # exact: one tenth


def test_one_percent_between_a_floor_and_a_ceiling():
    # AC 213(7), redaction of 11.07.2017
    text = (
        "влечет штраф на юридических лиц в размере одного процента от суммы сделки, но не менее четырехсот и не "
        "более двух тысяч месячных расчетных показателей."
    )
    assert fines(text) == [
        (("legal_entity",), [("1 percent", "1 percent", "transaction", "400 MCI", "2000 MCI", None)])
    ]


def test_a_ceiling_alone():
    # AC 220(1), redaction of 11.07.2017
    text = (
        "влечет штраф на юридических лиц в размере пяти процентов от суммы указания по платежу и (или) переводу "
        "денег, но не более двухсот месячных расчетных показателей."
    )
    assert fines(text) == [
        (("legal_entity",), [("5 percent", "5 percent", "payment_instruction", None, "200 MCI", None)])
    ]


def test_up_to_a_percentage_with_both_bounds():
    # AC 239(4), redaction of 12.07.2026: "до пяти процентов": no least percentage; the floor is the least
    text = (
        "влечет штраф в размере до пяти процентов от суммы, которая была учтена ненадлежащим образом, но не менее "
        "ста и не более четырех тысяч месячных расчетных показателей."
    )
    assert fines(text) == [
        (("unnamed",), [(None, "5 percent", "amount_recorded_improperly", "100 MCI", "4000 MCI", None)])
    ]


def test_an_amount_for_each_payment_document():
    # AC 220(3), redaction of 11.07.2017
    text = "влечет штраф на юридических лиц в размере ста месячных расчетных показателей за каждый платежный документ."
    assert fines(text) == [(("legal_entity",), [("100 MCI", "100 MCI", None, None, None, "payment_document")])]


def test_a_percentage_written_once_after_a_bare_percentage():
    # AC 344(2), redaction of 01.01.2025: "… в размере ста процентов, на … – в размере двухсот процентов от суммы
    # экономической выгоды …": the base is written once
    text = (
        "влекут штраф на физических лиц в размере пятидесяти, на должностных лиц, субъектов малого "
        "предпринимательства или некоммерческие организации – в размере ста месячных расчетных показателей, на "
        "субъектов среднего предпринимательства – в размере ста процентов, на субъектов крупного "
        "предпринимательства – в размере двухсот процентов от суммы экономической выгоды, полученной в результате "
        "нарушения."
    )
    assert fines(text)[2:] == [
        (("medium_business",), [("100 percent", "100 percent", "economic_benefit", None, None, None)]),
        (("large_business",), [("200 percent", "200 percent", "economic_benefit", None, None, None)]),
    ]


def test_a_period_bound_of_the_base_is_not_an_mci_bound():
    # AC 289(2), redaction of 12.07.2026: "но не более чем за один год" bounds the period the base is counted over
    text = (
        "влечет предупреждение на субъектов малого предпринимательства, штраф на субъектов среднего "
        "предпринимательства в размере трех, на субъектов крупного предпринимательства – в размере десяти процентов "
        "от стоимости энергетических ресурсов, использованных сверх утвержденных нормативов за период, в котором "
        "произошло правонарушение, но не более чем за один год."
    )
    assert fines(text)[1:] == [
        (("medium_business",), [("3 percent", "3 percent", "energy_resources", None, None, None)]),
        (("large_business",), [("10 percent", "10 percent", "energy_resources", None, None, None)]),
    ]


def test_either_undeclared_or_misdeclared_cash_is_one_base():
    # AC 551(3), redaction of 12.07.2026: "либо" inside the base is not an alternative
    text = (
        "влечет штраф в размере двадцати пяти процентов от недекларированной либо недостоверно декларированной "
        "суммы наличных денежных средств и (или) стоимости денежных инструментов с конфискацией недекларированных "
        "либо недостоверно декларированных денежных средств и денежных инструментов."
    )
    (sanction,) = read_ac_sanction(text)
    assert fines(text) == [(("unnamed",), [("25 percent", "25 percent", "undeclared_cash", None, None, None)])]
    assert [(i.kind, i.mandatory) for i in sanction.additional] == [("confiscation", True)]


def test_offenders_after_dlya():
    # AC 259(2), redaction of 11.07.2017: "штраф для физических и юридических лиц"
    text = (
        "влечет штраф для физических и юридических лиц в размере десяти процентов от суммы сделок, совершенных в "
        "целях манипулирования."
    )
    assert fines(text) == [
        (("individual", "legal_entity"), [("10 percent", "10 percent", "transactions", None, None, None)])
    ]


@pytest.mark.parametrize(
    "text, reason",
    [
        # AC 220(1), redaction of 12.07.2026: ceilings by category for offenders named otherwise
        (
            "влечет штраф на юридических лиц, филиалы банков – нерезидентов Республики Казахстан в размере пяти процентов от "
            "суммы указания по платежу и (или) переводу денег, но не более ста месячных расчетных показателей на субъектов "
            "среднего предпринимательства и двухсот месячных расчетных показателей на субъектов крупного "
            "предпринимательства, филиалы банков – нерезидентов Республики Казахстан.",
            "differs by offender category",
        ),
        # AC 228(6), redaction of 11.07.2017: percentages of two bases as alternatives
        (
            "влечет штраф в размере одной десятой процента от суммы сделки либо ста процентов от суммы полученного дохода по "
            "операциям, но не менее пятидесяти и не более двух тысяч месячных расчетных показателей.",
            "different bases",
        ),
        # AC 159(1), redaction of 11.07.2017: a confiscation bounded by a period
        (
            "влекут штраф на субъектов малого или среднего предпринимательства или некоммерческие организации в размере трех, "
            "на субъектов крупного предпринимательства – в размере пяти процентов от дохода (выручки), полученного в "
            "результате осуществления монополистической деятельности, с конфискацией монопольного дохода, полученного в "
            "результате осуществления монополистической деятельности, не более чем за один год.",
            "confiscation bounded",
        ),
    ],
)
def test_what_is_not_read_says_why(text, reason):
    with pytest.raises(SanctionTextError, match=reason):
        read_ac_sanction(text)


# ---- penalties check ----------------------------------------------------------------------------------------

_FINE = '{ kind = "fine", max = "160 MCI" }'


@pytest.mark.parametrize(
    "new, fragment",
    [
        (
            '{ kind = "fine", amount = "1 percent", base = "transaction", floor = "2000 MCI", ceiling = "400 MCI" }',
            "floor 2000 MCI is greater than ceiling 400 MCI",
        ),
        ('{ kind = "fine", max = "160 MCI", floor = "5 MCI" }', "percent (or a multiple) of a base only"),
        ('{ kind = "fine", amount = "1 percent", base = "transaction", floor = "5 percent" }', "an amount in MCI"),
        ('{ kind = "fine", amount = "1 percent", base = "transaction", ceiling = "5 furlong" }', "unknown unit"),
        ('{ kind = "fine", amount = "100 MCI", per = 3 }', "'per' names"),
    ],
)
def test_check_reports_bad_bounds_at_their_line(tmp_path, new, fragment):
    assert _FINE in GOOD
    found = problems_for(tmp_path, GOOD.replace(_FINE, new, 1))
    assert any(fragment in message and line == 19 for line, message in found), found  # the item's line


def test_check_accepts_good_bounds(tmp_path):
    good = GOOD.replace(
        _FINE,
        '{ kind = "fine", amount = "0.1 percent", base = "transaction", floor = "200 MCI", ceiling = "1000 MCI" }',
        1,
    )
    assert problems_for(tmp_path, good) == []


# ---- the arithmetic: within the bounds, monotone in the base ------------------------------------------------

bases = st.decimals(
    min_value=Decimal("0.01"), max_value=Decimal(10) ** 12, places=2, allow_nan=False, allow_infinity=False
)
percents = st.sampled_from([Decimal("0.1"), Decimal(1), Decimal(5), Decimal(20), Decimal(100), Decimal(250)])
mcis = st.sampled_from([Decimal(2269), Decimal(2525), Decimal(3450), Decimal(4325)])
limits = st.tuples(st.one_of(st.none(), st.integers(1, 500)), st.one_of(st.none(), st.integers(0, 4000)))


@settings(max_examples=300, deadline=None)
@given(base=bases, other=bases, percent=percents, mci=mcis, bounds=limits)
def test_the_fine_is_within_its_bounds_and_monotone_in_the_base(base, other, percent, mci, bounds):
    low, extra = bounds
    floor = Measure(Decimal(low), "MCI") if low is not None else None
    ceiling = Measure(Decimal((low or 1) + extra), "MCI") if extra is not None else None
    measure = Measure(percent, "percent")
    got = money(measure, mci, None, base, floor, ceiling)
    assert got.kzt is not None and got.mci is not None
    if floor is not None:
        assert got.kzt >= floor.value * mci
    if ceiling is not None:
        assert got.kzt <= ceiling.value * mci
    if floor is None and ceiling is None:
        assert got.kzt == percent * base / 100
    assert got.mci * mci == got.kzt or abs(got.mci * mci - got.kzt) < Decimal("1e-15") * got.kzt  # the same amount
    lower, higher = sorted((base, other))
    assert money(measure, mci, None, lower, floor, ceiling).kzt <= money(measure, mci, None, higher, floor, ceiling).kzt


@settings(max_examples=60, deadline=None)
@given(base=st.integers(1, 10**12))
def test_assess_213_7_is_within_400_and_2000_mci_of_2019(base):
    (fine,) = penalties.assess("AC 213(7)", D2019, offender="legal_entity", base_amount=base).main
    kzt = fine.min.value.kzt
    assert fine.max.value.kzt == kzt
    assert 400 * MCI_2019 <= kzt <= 2000 * MCI_2019
    assert kzt == min(max(Decimal(base) / 100, 400 * MCI_2019), 2000 * MCI_2019)


# ---- assess(): without the base, with a count -------------------------------------------------------------


def test_without_the_base_the_bounds_are_stated():
    a = penalties.assess("AC 213(7)", D2019, offender="legal_entity")
    (fine,) = a.main
    assert (fine.min.value.mci, fine.min.value.kzt) == (400, 400 * MCI_2019)
    assert (fine.max.value.mci, fine.max.value.kzt) == (2000, 2000 * MCI_2019)
    assert "base_needed" in [n.code for n in a.notices]
    for lang in ("en", "ru", "kk"):
        assert a.format(lang)  # every word is in the catalogs


def test_without_the_base_a_floor_alone_gives_no_most():
    (fine,) = penalties.assess("AC 205(1)", D2019, offender="individual").main
    assert fine.min.value.kzt == 5 * MCI_2019 and fine.max is None


def test_an_unbounded_percentage_still_needs_its_base():
    with pytest.raises(MissingBaseError):
        penalties.assess("AC 266", D2019, offender="legal_entity")


def test_a_fine_per_payment_document_needs_the_count():
    with pytest.raises(MissingCountError, match="payment_document"):
        penalties.assess("AC 220(3)", D2017, offender="legal_entity")
    (fine,) = penalties.assess("AC 220(3)", D2017, offender="legal_entity", count=3).main
    assert (fine.min.value.mci, fine.max.value.kzt) == (300, 300 * MCI_2017)  # 100 MCI × 3 documents


def test_the_json_contract(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    referencing = pytest.importorskip("referencing")
    from referencing.jsonschema import DRAFT202012

    from penalties.web import openapi

    names = ("common", "assessment")
    resources = [(f"{n}.json", DRAFT202012.create_resource(openapi.schema(n))) for n in names]
    schema = openapi.schema("assessment")
    validator = jsonschema.validators.validator_for(schema)(
        schema, registry=referencing.Registry().with_resources(resources)
    )
    for kw in ({"base_amount": "300000000"}, {}):
        out = penalties.assess("AC 213(7)", D2019, offender="legal_entity", **kw).to_dict()
        validator.validate(out)
        assert (
            out["main"][0]["floor"] == {"mci": "400", "kzt": "1010000", "usd": None}
            or out["main"][0]["floor"]["mci"] == "400"
        )
    out = penalties.assess("AC 220(3)", D2017, offender="legal_entity", count=2).to_dict()
    validator.validate(out)
    assert (out["main"][0]["per"], out["main"][0]["count"]) == ("payment_document", "2")


def test_review_accepts_an_amount_within_the_bounded_range():
    # 1% of 300,000,000 = 3,000,000 KZT; without the base, anything from 400 to 2,000 MCI
    inside = penalties.review(
        "AC 213(7)", D2019, imposed="3 000 000 тенге", offender="legal_entity", base_amount="300000000"
    )
    assert inside.verdict == "within_sanction"
    bounds_only = penalties.review("AC 213(7)", D2019, imposed="1 500 000 тенге", offender="legal_entity")
    assert bounds_only.verdict == "within_sanction"
    below = penalties.review("AC 213(7)", D2019, imposed="1 000 000 тенге", offender="legal_entity")
    assert below.verdict != "within_sanction"


def test_the_batch_gives_what_assess_gives():
    pa = pytest.importorskip("pyarrow")
    from penalties.batch import assess_batch

    table = pa.table(
        {
            "provision": ["AC 205(1)", "AC 205(1)", "AC 213(7)", "AC 213(7)", "AC 220(3)", "AC 220(3)"],
            "committed": [D2019, D2019, D2019, D2019, D2017, D2017],
            "offender": ["individual", "individual", "legal_entity", "legal_entity", "legal_entity", "legal_entity"],
            "base_amount": pa.array(
                [None, Decimal(1000000), Decimal(1000000000), None, None, None], pa.decimal128(20, 2)
            ),
            "count": [None, None, None, None, 3, None],
        }
    )
    out = assess_batch(table).to_pylist()
    assert [(r["fine_min_kzt"], r["fine_max_kzt"]) for r in out[:5]] == [
        (5 * MCI_2019, None),
        (Decimal(100000), Decimal(100000)),
        (2000 * MCI_2019, 2000 * MCI_2019),
        (400 * MCI_2019, 2000 * MCI_2019),
        (300 * MCI_2017, 300 * MCI_2017),
    ]
    assert "pass count=" in out[5]["error"]
