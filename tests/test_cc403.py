"""CC 403, the worked example: every version pinned to the wording quoted from the official text.

Sources (zan.gov.kz reference bank, read in the kazakhstan-law/codes mirror at pinned commits):
- original wording, version of 24.11.2015: https://zan.gov.kz/client/#!/doc/81097/rus/24.11.2015
  p.1 "штрафом в размере до трехсот месячных расчетных показателей ... общественным работам на срок
  до двухсот сорока часов, либо арестом на срок до семидесяти пяти суток, с лишением права ... на
  срок до одного года или без такового"; p.2 "до пятисот ... до трехсот часов ... до девяноста
  суток, с лишением права ... на срок до трех лет".
- Law 12.07.2018 No. 180-VI wording, versions of 12.07.2018 and 03.01.2026:
  https://zan.gov.kz/client/#!/doc/81097/rus/03.01.2026
  p.1 "до ста шестидесяти ... до ста шестидесяти часов ... до сорока суток"; p.2 "до двухсот ...
  до двухсот часов ... до пятидесяти суток, с лишением права ... на срок до трех лет".
"""

from datetime import date
from decimal import Decimal

import pytest

import penalties

V1_LAST, V2_FIRST = date(2018, 7, 22), date(2018, 7, 23)


def caps(version):
    sanction = version.sanction_for("individual")
    main = {i.kind: (i.max.value, i.max.unit) for i in sanction.main}
    extra = {i.kind: (i.max.value, i.max.unit, i.mandatory) for i in sanction.additional}
    return main, extra


@pytest.mark.parametrize(
    "ref, on, expected_main, expected_extra",
    [
        (
            "CC 403(1)",
            date(2015, 1, 1),
            {
                "fine": (300, "MCI"),
                "corrective_labour": (300, "MCI"),
                "community_service": (240, "hour"),
                "arrest": (75, "day"),
            },
            {"deprivation_of_right": (12, "month", False)},
        ),
        (
            "CC 403(1)",
            V1_LAST,
            {
                "fine": (300, "MCI"),
                "corrective_labour": (300, "MCI"),
                "community_service": (240, "hour"),
                "arrest": (75, "day"),
            },
            {"deprivation_of_right": (12, "month", False)},
        ),
        (
            "CC 403(1)",
            V2_FIRST,
            {
                "fine": (160, "MCI"),
                "corrective_labour": (160, "MCI"),
                "community_service": (160, "hour"),
                "arrest": (40, "day"),
            },
            {"deprivation_of_right": (12, "month", False)},
        ),
        (
            "CC 403(2)",
            date(2016, 6, 1),
            {
                "fine": (500, "MCI"),
                "corrective_labour": (500, "MCI"),
                "community_service": (300, "hour"),
                "arrest": (90, "day"),
            },
            {"deprivation_of_right": (36, "month", True)},
        ),
        (
            "CC 403(2)",
            date(2026, 1, 3),
            {
                "fine": (200, "MCI"),
                "corrective_labour": (200, "MCI"),
                "community_service": (200, "hour"),
                "arrest": (50, "day"),
            },
            {"deprivation_of_right": (36, "month", True)},
        ),
    ],
)
def test_sanction_caps_match_the_official_wording(ref, on, expected_main, expected_extra):
    version = penalties.provision(ref).version_on(on)
    main, extra = caps(version)
    assert main == {k: (Decimal(v), u) for k, (v, u) in expected_main.items()}
    assert extra == {k: (Decimal(v), u, m) for k, (v, u, m) in expected_extra.items()}


def test_versions_and_acts():
    p = penalties.provision("CC 403(1)")
    assert [(v.valid_from, v.valid_to, v.act.number) for v in p.versions] == [
        (date(2015, 1, 1), V1_LAST, "226-V"),
        (V2_FIRST, None, "180-VI"),
    ]
    assert all(v.verification == "primary" for v in p.versions)
    assert "трехсот" in p.versions[0].text["ru"] and "ста шестидесяти" in p.versions[1].text["ru"]


def test_assessment_in_tenge_2016():
    # 300 MCI × 2,121 KZT (MCI 2016, Law 426-V) = 636,300 KZT
    a = penalties.assess("CC 403(1)", on=date(2016, 6, 1))
    fine = next(i for i in a.main if i.kind == "fine")
    assert fine.max.value.kzt == Decimal("636300")
    assert a.dates.mci_valued_on == date(2016, 6, 1)


def test_assessment_after_2018_in_tenge_and_usd():
    # 160 MCI × 2,525 KZT (2019) = 404,000 KZT; on 2019-08-23 the official rate was 386.04 (trend.az)
    a = penalties.assess("ч.1 ст.403 УК РК", on=date(2019, 8, 23))
    fine = next(i for i in a.main if i.kind == "fine")
    assert fine.max.value.kzt == Decimal("404000")
    assert fine.max.value.usd == Decimal("1046.52")
    assert a.rate.basis == "daily_official"


def test_json_contract_keys():
    d = penalties.assess("CC 403(1)", on=date(2016, 6, 1)).to_dict()
    assert d["provision"] == "kz.cc.403.1" and d["label"] == "CC 403(1)" and d["offender"] == "individual"
    assert d["dates"] == {
        "committed": "2016-06-01",
        "initiated": "2016-06-01",
        "decided": "2016-06-01",
        "mci_valued_on": "2016-06-01",
    }
    assert set(d["version"]) >= {"valid_from", "valid_to", "amended_by", "sources", "verification"}
    assert d["mci_kzt"] == "2121"
    assert d["main"][0]["kind"] == "fine" and set(d["main"][0]["max"]) == {"mci", "kzt", "usd"}
    assert "arrest" not in [i["kind"] for i in d["main"]]  # not in effect before 2017-01-01
    ban = d["additional"][0]
    assert ban == {**ban, "kind": "deprivation_of_right", "unit": "month", "max": 12, "mandatory": False}
    assert isinstance(d["warnings"], list)


def test_a_later_milder_version_applies_before_the_decision():
    # committed under the 2015 wording (300 MCI), decided after 180-VI (160 MCI): lex mitior
    a = penalties.assess("CC 403(1)", committed=date(2018, 3, 1), decided=date(2018, 9, 1))
    assert a.version.act.number == "180-VI"
    fine = next(i for i in a.main if i.kind == "fine")
    assert fine.max.value.mci == 160
    # the MCI stays the one of the day the offence was committed (CC art. 41(1))
    assert a.mci.kzt == Decimal("2405")


def test_arrest_only_from_2017():
    # official text of 24.11.2015: "Статья 45 вводится в действие с 01.01.2017"; art. 45 (original):
    # arrest "от тридцати до девяноста суток"
    before = penalties.assess("CC 403(1)", on=date(2016, 12, 31))
    assert "arrest" not in [i.kind for i in before.main]
    assert any("arrest" in w for w in before.warnings)
    after = penalties.assess("CC 403(1)", on=date(2017, 1, 1)).to_dict()
    arrest = next(i for i in after["main"] if i["kind"] == "arrest")
    assert (arrest["unit"], arrest["min"], arrest["max"]) == ("day", 30, 75)
    assert arrest["bounds_from"] == {"min": "general_part", "max": "sanction"}


def test_general_part_minimum_fine():
    # art. 41(2): misdemeanour fines 25-500 MCI (2014 wording), 20-200 MCI after Law 180-VI
    fine = penalties.assess("CC 403(1)", on=date(2016, 6, 1)).main[0]
    assert (fine.min.value.mci, fine.min.basis) == (25, "general_part")
    fine = penalties.assess("CC 403(1)", on=date(2019, 6, 1)).main[0]
    assert fine.min.value.mci == 20 and fine.min.value.kzt == 20 * 2525


def test_cached_reasoning_carries_no_date_of_an_earlier_call():
    # the resolved sanction is cached per period of General-Part rules: its warnings must not name
    # the day of whichever call filled the cache
    first = penalties.assess("CC 403(1)", on=date(2016, 4, 10)).warnings
    second = penalties.assess("CC 403(1)", on=date(2016, 6, 1)).warnings
    arrest = [w for w in second if w.startswith("arrest")]
    assert arrest == [w for w in first if w.startswith("arrest")]
    assert "2015-01-01 to 2016-12-31" in arrest[0] and "2016-04-10" not in arrest[0]


def test_assessments_are_thread_safe():
    from concurrent.futures import ThreadPoolExecutor

    cases = [
        (date(2016, 6, 1), Decimal("636300")),
        (date(2019, 8, 23), Decimal("404000")),
        (date(2018, 3, 1), Decimal("721500")),
    ] * 300

    def work(case):
        on, kzt = case
        return penalties.assess("CC 403(1)", on=on).main[0].max.value.kzt == kzt

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert all(pool.map(work, cases))
