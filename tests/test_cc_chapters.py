"""One pinned wording per chapter of the Criminal Code's Special Part, as of 08.03.2026.

Each expected value is written from the quoted words of the redaction of 08.03.2026
(statutes/kz/readings/cc/2026-03-08/ru/), e.g. "до ста шестидесяти месячных расчетных показателей"
is a fine of at most 160 MCI; terms are in years, days or hours as the text gives them.
"""

from datetime import date

import pytest

import penalties
from penalties.data.chapters import chapter_of

ON = date(2026, 3, 8)
Y, D, H, M = "year", "day", "hour", "MCI"

# (provision, chapter, main alternatives as (kind, min, max, unit), additional as (kind, mandatory))
PINS = [
    ("CC 99(1)", 1, [("imprisonment", 8, 15, Y)], []),  # "от восьми до пятнадцати лет"
    ("CC 132(1)", 2, [("imprisonment", 3, 6, Y)], []),  # "от трех до шести лет"
    (
        "CC 145(1)",
        3,
        [
            ("fine", None, 160, M),
            ("corrective_labour", None, 160, M),
            ("community_service", None, 160, H),
            ("arrest", None, 40, D),
        ],
        [],
    ),  # "до ста шестидесяти … до сорока суток"
    ("CC 160(1)", 4, [("imprisonment", 10, 15, Y)], []),
    ("CC 175(1)", 5, [("imprisonment", 10, 15, Y)], [("deprivation_of_citizenship", False)]),  # "или без такового"
    (
        "CC 188(2)",
        6,
        [
            ("fine", None, 3000, M),
            ("corrective_labour", None, 3000, M),
            ("community_service", None, 1200, H),
            ("restriction_of_freedom", None, 5, Y),
            ("imprisonment", None, 5, Y),
        ],
        [("confiscation", True)],
    ),
    (
        "CC 205(1)",
        7,
        [
            ("fine", None, 160, M),
            ("corrective_labour", None, 160, M),
            ("community_service", None, 160, H),
            ("arrest", None, 40, D),
        ],
        [("deprivation_of_right", False)],
    ),
    (
        "CC 214(1)",
        8,
        [
            ("fine", None, 2000, M),
            ("corrective_labour", None, 2000, M),
            ("community_service", None, 600, H),
            ("restriction_of_freedom", None, 2, Y),
            ("imprisonment", None, 2, Y),
        ],
        [("confiscation", False)],
    ),
    (
        "CC 250(1)",
        9,
        [
            ("fine", None, 4000, M),
            ("corrective_labour", None, 4000, M),
            ("community_service", None, 1000, H),
            ("restriction_of_freedom", None, 4, Y),
            ("imprisonment", None, 4, Y),
        ],
        [("confiscation", False), ("deprivation_of_right", True)],
    ),
    ("CC 255(1)", 10, [("imprisonment", 6, 10, Y)], [("confiscation", True)]),
    (
        "CC 296(1)",
        11,
        [
            ("fine", None, 80, M),
            ("corrective_labour", None, 80, M),
            ("community_service", None, 80, H),
            ("arrest", None, 20, D),
        ],
        [],
    ),
    # "наказываются штрафом в размере до ста месячных расчетных показателей либо исправительными работами в том
    # же размере, либо привлечением к общественным работам на срок до ста часов, либо арестом на срок до тридцати суток."
    (
        "CC 317(1)",
        12,
        [
            ("fine", None, 100, M),
            ("corrective_labour", None, 100, M),
            ("community_service", None, 100, H),
            ("arrest", None, 30, D),
        ],
        [],
    ),
    (
        "CC 324(1)",
        13,
        [
            ("fine", None, 3000, M),
            ("corrective_labour", None, 3000, M),
            ("community_service", None, 800, H),
            ("restriction_of_freedom", None, 3, Y),
            ("imprisonment", None, 3, Y),
        ],
        [("deprivation_of_right", False)],
    ),
    (
        "CC 345(1)",
        14,
        [
            ("fine", None, 160, M),
            ("corrective_labour", None, 160, M),
            ("community_service", None, 160, H),
            ("arrest", None, 40, D),
        ],
        [("deprivation_of_right", True)],
    ),
    (
        "CC 361(1)",
        15,
        [
            ("fine", None, 2000, M),
            ("corrective_labour", None, 2000, M),
            ("community_service", None, 600, H),
            ("restriction_of_freedom", None, 2, Y),
            ("imprisonment", None, 2, Y),
        ],
        [("confiscation", True), ("deprivation_of_right", True)],
    ),  # "с пожизненным лишением права"
    (
        "CC 378(1)",
        16,
        [
            ("fine", None, 80, M),
            ("corrective_labour", None, 80, M),
            ("community_service", None, 80, H),
            ("arrest", None, 20, D),
        ],
        [],
    ),
    (
        "CC 411(1)",
        17,
        [
            ("fine", None, 2000, M),
            ("corrective_labour", None, 2000, M),
            ("community_service", None, 600, H),
            ("restriction_of_freedom", None, 2, Y),
            ("imprisonment", None, 2, Y),
        ],
        [],
    ),
    ("CC 437(1)", 18, [("fine", None, 120, M), ("corrective_labour", None, 120, M), ("arrest", None, 30, D)], []),
]


def natural(measure):
    if measure is None:
        return None
    return measure.value / 12 if measure.unit == "month" else measure.value


@pytest.mark.parametrize("ref, chapter, main, additional", PINS, ids=[f"ch{c}-{r}" for r, c, _, _ in PINS])
def test_the_wording_of_08_03_2026(ref, chapter, main, additional):
    provision = penalties.provision(ref)
    assert chapter_of("cc", provision.article).number == str(chapter)  # statutes/kz/cc/chapters.toml
    version = provision.version_on(ON)
    sanction = version.sanctions[0]
    assert [(i.kind, natural(i.min), natural(i.max)) for i in sanction.main] == [(k, lo, hi) for k, lo, hi, _ in main]
    assert [(i.kind, i.mandatory) for i in sanction.additional] == additional
    assert version.verification == "primary"


def test_a_repealed_part_of_chapter_12():
    # CC 318(1): "Исключен Законом РК от 07.07.2020 № 361-VI (вводится в действие по истечении десяти
    # календарных дней …)": signed 07.07.2020, earliest first day 18.07.2020
    p = penalties.provision("CC 318(1)")
    version = p.version_on(ON)
    assert version.abolished and version.act.number.startswith("361-V")
    assert version.valid_from == date(2020, 7, 18)


def test_every_chapter_is_pinned():
    assert sorted({c for _, c, _, _ in PINS}) == list(range(1, 19))
