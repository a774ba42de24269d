"""`Assessment.to_dict()["compulsory_payment"]`: the compulsory payment (CC arts 98-1, 98-2) in the
JSON contract, the same figures as `Assessment.compulsory_payment` and the batch's columns.

CC art. 98-2 (08.03.2026 redaction, sec007.md; in force from 132-VI, 2018-07-01): "1) уголовные
проступки – пяти …", "2) преступления небольшой тяжести – десяти месячных расчетных показателей",
"5) особо тяжкие преступления – тридцати …". MCI: 2,525 KZT in 2019, 2,778 in 2020
(statutes/kz/indices/mci.toml).
"""

from datetime import date
from decimal import Decimal

import pytest

from web_client import validate  # isort: skip

import penalties

pa = pytest.importorskip("pyarrow")

from penalties.batch import assess_batch  # noqa: E402

ROWS = [
    ({"provision": "CC 190(1)", "committed": date(2020, 6, 1)}, (10, "27780")),  # minor
    ({"provision": "CC 186(1)", "committed": date(2020, 6, 1)}, (5, "13890")),  # misdemeanour
    ({"provision": "CC 190(1)", "committed": date(2017, 6, 1)}, None),  # before 98-2
    # CC art. 6(3) (general.toml): a law that worsens the position has no retroactive force, so an
    # offence committed the day before 98-2 came into force owes no payment even if decided after it
    ({"provision": "CC 190(1)", "committed": date(2018, 6, 30), "decided": date(2019, 6, 1)}, None),
    ({"provision": "CC 190(1)", "committed": date(2018, 7, 1), "decided": date(2019, 6, 1)}, (10, "24050")),
    ({"provision": "CC 186(1)", "committed": date(2019, 6, 1), "decided": date(2020, 6, 1)}, (5, "12625")),
    ({"provision": "CC 188(2)", "committed": date(2020, 6, 1)}, None),  # category unknown
    ({"provision": "AC 434(1)", "committed": date(2020, 6, 1)}, None),  # the AC has none
    ({"provision": "CC 99(1)", "committed": date(2027, 3, 1)}, (30, None)),  # no MCI for 2027
    ({"provision": "CC 130(1)", "committed": date(2020, 3, 1), "decided": date(2020, 9, 1)}, None),  # abolished
]


def _assess(row):
    return penalties.assess(row["provision"], committed=row["committed"], decided=row.get("decided"))


@pytest.mark.parametrize("row, expected", ROWS, ids=lambda v: v["provision"] if isinstance(v, dict) else "")
def test_to_dict_carries_the_compulsory_payment(row, expected):
    a = _assess(row)
    document = a.to_dict()
    validate("assessment", document)
    got = document["compulsory_payment"]
    if expected is None:
        assert got is None and a.compulsory_payment is None
        return
    mci, kzt = expected
    assert got == a.compulsory_payment.to_dict()
    assert (got["mci"], got["kzt"]) == (mci, kzt)
    assert got["article"] == "98-2" and got["code"] == "cc" and got["verification"] == "primary"
    assert got["valued_on"] == a.dates.mci_valued_on.isoformat()
    assert got["sources"] and all(s.startswith("https://") for s in got["sources"])


def test_to_dict_agrees_with_the_batch_columns():
    rows = [{"decided": None, **row} for row, _ in ROWS]
    got = assess_batch(pa.Table.from_pylist(rows)).to_pylist()
    for row, batch in zip(rows, got, strict=True):
        payment = _assess(row).to_dict()["compulsory_payment"]
        assert batch["compulsory_payment_mci"] == (payment["mci"] if payment else None)
        kzt = Decimal(payment["kzt"]) if payment and payment["kzt"] is not None else None
        assert batch["compulsory_payment_kzt"] == kzt


def test_the_schema_refuses_a_payment_in_another_shape():
    document = _assess(ROWS[0][0]).to_dict()
    jsonschema = pytest.importorskip("jsonschema")
    for bad in (
        {**document["compulsory_payment"], "mci": "10"},
        {**document["compulsory_payment"], "code": "ac"},
        {k: v for k, v in document["compulsory_payment"].items() if k != "valued_on"},
    ):
        with pytest.raises(jsonschema.ValidationError):
            validate("assessment", dict(document, compulsory_payment=bad))
