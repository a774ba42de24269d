"""AC arts 810-811: paying 50 % of the fine within 7 days (summary procedure).

Rule: statutes/kz/ac/general.toml `reduced_payment`, read in the official texts of 11.07.2017 and
12.07.2026 ("право оплаты штрафа в размере пятидесяти процентов от указанной суммы штрафа в течение
семи суток"); offered only where the sanction provides nothing but a fine (art. 810(2)(1)).
"""

from datetime import date
from decimal import Decimal

import penalties


def test_fine_only_sanction_offers_half_within_seven_days():
    # AC 434(3): a fine of 20 MCI (statutes/kz/ac/434.toml, official text); MCI 2019 = 2,525 tenge
    a = penalties.assess("AC 434(3)", date(2019, 6, 1))
    r = a.reduced_payment
    assert (r.percent, r.within_days, r.article) == (50, 7, "810-811")
    assert r.max.mci == Decimal(10) and r.max.kzt == Decimal(25250)
    assert a.to_dict()["reduced_payment"]["max"]["kzt"] == "25250"
    assert "50 % within 7 days: 25,250.00 KZT" in a.format("en")
    assert "в размере 50 % в течение 7 суток: 25\xa0250,00\xa0₸" in a.format("ru")  # babel: no-break spaces
    assert "7 тәулік ішінде 50 % мөлшерінде" in a.format("kk")


def test_not_offered_where_the_sanction_has_another_penalty():
    assert penalties.assess("AC 434(1)", date(2019, 6, 1)).reduced_payment is None  # fine or arrest
    assert penalties.assess("AC 453(1)", date(2019, 6, 1)).reduced_payment is None  # fine + confiscation
    assert penalties.assess("CC 403(1)", date(2019, 6, 1)).reduced_payment is None  # the CC has no such rule
    assert penalties.assess("CC 403(1)", date(2019, 6, 1)).to_dict()["reduced_payment"] is None


def test_only_individuals_get_it():
    # the 2017 wording says "физическое лицо"; the start of the wider current wording is not read.
    # AC 86(1): a fine only, 30 MCI for an official (statutes/kz/ac/86.toml)
    official = penalties.assess("AC 86(1)", date(2019, 6, 1), offender="official")
    assert official.main[0].max.value.mci == Decimal(30) and official.reduced_payment is None
    assert penalties.assess("AC 460-1(1)", date(2019, 6, 1)).reduced_payment is not None


def test_a_half_tenge_is_kept_exactly():
    # AC 513(1): 5 MCI in 2019 (statutes/kz/ac/513.toml); half of 12,625 tenge is 6,312.50
    assert penalties.assess("AC 513(1)", date(2019, 6, 1)).reduced_payment.max.kzt == Decimal("6312.5")


def test_explain_amount_reads_an_early_payment_only_where_the_rule_offers_it():
    # 41,670 KZT = 15 MCI at 2,778 KZT: half of a 30 MCI fine for an individual under a fine-only
    # sanction (AC 90(4)), but not for an official's 30 MCI fine under AC 86(1) (the rule is for individuals)
    from penalties.changes import explain_amount

    matches = {(m.label, m.offender, m.via) for m in explain_amount("41670", "KZT", date(2020, 4, 30)).matches}
    assert ("AC 90(4)", "individual", "50 % under AC art. 810") in matches
    assert not [m for m in matches if m[0] == "AC 86(1)" and m[1] == "official"]
