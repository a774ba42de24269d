"""Lex mitior, diffs between versions, and reading quoted amounts."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

import penalties
from penalties.changes import diff_versions, explain_amount
from penalties.errors import OutOfCoverageError
from penalties.reasoning.mitior import no_harsher

MULTI = [p for p in penalties.provisions() if len(p.versions) > 1]
DATES = st.dates(min_value=date(2015, 1, 1), max_value=date(2026, 11, 21))


def test_diff_cc_403_names_every_cut():
    # 2015 wording → Law 180-VI wording (both quoted in tests/test_cc403.py)
    changes = [str(c) for c in penalties.diff("CC 403(1)", date(2016, 1, 1), date(2019, 1, 1))]
    assert changes == [
        "fine: maximum 300 MCI → 160 MCI",
        "corrective labour: maximum 300 MCI → 160 MCI",
        "community service: maximum 240 hours → 160 hours",
        "arrest: maximum 75 days → 40 days",
    ]
    # the JSON keeps the ids and the law's own figures
    assert penalties.diff("CC 403(1)", date(2016, 1, 1), date(2019, 1, 1))[3].to_dict() == {
        "offender": "individual",
        "group": "main",
        "kind": "arrest",
        "what": "max",
        "before": "75 day",
        "after": "40 day",
    }


def test_diff_of_a_fixed_term_and_its_removal():
    # CC 392(1): 'сроком на пять лет' (2015 wording) → expulsion with no term after Law 210-VIII
    # (official texts of 24.11.2015 and 03.01.2026, statutes/kz/cc/392.toml)
    changes = [str(c) for c in penalties.diff("CC 392(1)", date(2016, 1, 1), date(2026, 1, 1))]
    assert changes == [
        "fine: maximum 1,000 MCI → 2,000 MCI",
        "imprisonment: maximum 1 year → 3 years",
        "expulsion: 5 years → —",
    ]


@given(st.sampled_from(MULTI), st.data())
def test_diff_is_empty_exactly_when_sanctions_are_equal(p, data):
    a = data.draw(st.sampled_from(p.versions))
    b = data.draw(st.sampled_from(p.versions))
    same = (a.abolished, a.sanctions) == (b.abolished, b.sanctions)
    assert (diff_versions(a, b) == ()) == same


@given(st.sampled_from(MULTI), DATES, st.integers(0, 2000))
def test_lex_mitior_is_never_harsher_than_either_end(p, committed, days):
    decided = min(committed + timedelta(days=days), date(2026, 11, 21))
    try:
        at_commission, at_decision = p.version_on(committed), p.version_on(decided)
    except OutOfCoverageError:
        return
    for offender in at_commission.offenders or ("individual",):
        try:
            a = penalties.assess(
                p, committed=committed, initiated=committed, decided=decided, offender=offender, base_amount=1_000_000
            )
        except penalties.UserInputError:
            continue
        if a.undecided:
            continue
        assert no_harsher(a.version, at_commission, offender)
        if at_decision.abolished or offender in at_decision.offenders:
            assert no_harsher(a.version, at_decision, offender) or not no_harsher(at_decision, a.version, offender)


@given(st.sampled_from(MULTI), st.data())
def test_same_assessment_for_any_decision_inside_one_version(p, data):
    v = data.draw(st.sampled_from(p.versions[1:]))
    committed = data.draw(st.dates(min_value=p.versions[0].valid_from, max_value=v.valid_from - timedelta(days=1)))
    end = v.valid_to or date(2026, 11, 21)
    assume(end >= v.valid_from)
    d1 = data.draw(st.dates(min_value=v.valid_from, max_value=end))
    d2 = data.draw(st.dates(min_value=v.valid_from, max_value=end))
    try:
        offender = (p.version_on(committed).offenders or ("individual",))[0]
        a1 = penalties.assess(
            p, committed=committed, initiated=committed, decided=d1, offender=offender, base_amount=1000
        )
        a2 = penalties.assess(
            p, committed=committed, initiated=committed, decided=d2, offender=offender, base_amount=1000
        )
    except penalties.UserInputError:
        return
    assert a1.version is a2.version and a1.main == a2.main


def test_harsher_later_version_never_applies():
    # AC 434(1): 5 MCI or arrest up to 10 days until 2023-03-06; Law 187-VII (2023-03-07): 20 MCI or
    # arrest 5-15 days. An offence of 2023-03-01 decided later keeps the milder, earlier wording.
    a = penalties.assess("AC 434(1)", committed=date(2023, 3, 1), initiated=date(2023, 3, 1), decided=date(2023, 4, 1))
    assert a.version.valid_to == date(2023, 3, 6)


def test_abolished_offence_yields_no_penalty():
    # CC 373 excluded by Law 12.07.2023 No. 23-VIII
    a = penalties.assess("CC 373(1)", committed=date(2023, 1, 10), decided=date(2023, 9, 1))
    assert a.abolished and a.main == () and "abolished" in a.explain()


def test_explain_amount_2020():
    # 41,670 KZT = 15 MCI at 2,778 KZT (from 2020-04-01, KGD Karaganda)
    result = explain_amount("41670", "KZT", date(2020, 4, 30))
    assert result.mci_count == 15 and result.mci.kzt == Decimal("2778") and result.whole_or_half
    assert all(m.offender for m in result.matches)


def test_explain_amount_that_is_not_an_mci_multiple():
    assert not explain_amount("41000", "KZT", date(2020, 4, 30)).whole_or_half


def test_libel_moved_from_cc_130_to_ac_73_3():
    # official footnote: "Статья 130 исключена Законом РК от 26.06.2020 № 349-VI (вводится в действие по
    # истечении десяти календарных дней после дня его первого официального опубликования)"
    a = penalties.assess("CC 130(2)", committed=date(2020, 3, 1), decided=date(2020, 9, 1))
    assert a.abolished and a.version.moved_to == "kz.ac.73-3.2" and a.version.act.number == "349-VI"
    # AC 73-3(1): individual 160 MCI or arrest of fifteen days (zan.gov.kz redaction of 07.07.2020)
    ac = penalties.assess("AC 73-3(1)", on=date(2020, 9, 1))
    fine = next(i for i in ac.main if i.kind == "fine")
    assert fine.max.value.mci == 160 and fine.max.value.kzt == 160 * 2778


def test_a_date_inside_an_uncertain_start_window_warns():
    inside = penalties.assess("CC 130(1)", on=date(2020, 7, 10))
    assert inside.abolished and any("between 2020-07-07 and 2020-07-23" in w for w in inside.warnings)
    after = penalties.assess("CC 130(1)", on=date(2020, 7, 23))
    assert not any("between" in w for w in after.warnings)
    before = penalties.assess("CC 130(1)", on=date(2020, 7, 6))
    assert not before.abolished and not any("between" in w for w in before.warnings)


def test_removing_the_milder_alternative_is_not_milder():
    # CC 99(3): Law 292-VI "лишением свободы сроком на двадцать лет … либо пожизненным лишением свободы";
    # Law 72-VIII "наказывается пожизненным лишением свободы". The later law takes the twenty-year term away:
    # it must not be applied to an offence committed before it as if it were milder.
    a = penalties.assess("CC 99(3)", committed=date(2023, 1, 10), decided=date(2024, 10, 1))
    assert a.version.act.number == "292-VI"
    assert {i.kind for i in a.main} == {"imprisonment", "life_imprisonment"}
    assert any("cannot be ranked" in w for w in a.warnings)


def test_the_emergency_regime_arrest_limit_applies_to_its_articles_only():
    # AC art. 50(1) (official texts 2017-2024): "до тридцати суток, а за нарушение требований режима
    # чрезвычайного положения - до сорока пяти суток"; AC 478(2) sets arrest up to 40 days (Law 359-VI)
    emergency = penalties.assess("AC 478(2)", date(2021, 1, 1))
    assert [i.max.value for i in emergency.main if i.kind == "arrest"] == [40]
    assert not [n for n in emergency.notices if n.code == "exceeds_limit"]
    assert [str(limit.max) for kind, limit in emergency.limits if kind == "arrest"] == ["45 day"]
    ordinary = penalties.assess("AC 434(1)", date(2021, 1, 1))
    assert [str(limit.max) for kind, limit in ordinary.limits if kind == "arrest"] == ["30 day"]


def test_the_reasoning_cites_the_rule_on_time_for_the_criminal_code():
    # CC arts 5-6 (redaction of 07.11.2014): the law of the time of the act; a milder later law is
    # retroactive, a harsher one is not. Not read for the AC, so no such step there.
    steps = penalties.assess("CC 403(1)", date(2019, 1, 1)).steps
    time = [s for s in steps if s.topic == "time"]
    assert len(time) == 1 and time[0].text.startswith("art. 5, 6:")
    assert any("016484a40b816f031a580b9ce335c1225045c810" in source for source in time[0].sources)
    assert not [s for s in penalties.assess("AC 434(1)", date(2019, 1, 1)).steps if s.topic == "time"]
