"""Hypothesis strategies for property tests of code that uses `penalties`: references in every
accepted form, dates inside and outside coverage, case dates, offenders, exact amounts, whole cases.

Needs the optional extra `hypothesis` (`pip install "penalties[strategies]"`). Installed as a
distribution, `penalties` also registers itself as a Hypothesis plugin (the `hypothesis` entry
point): `st.from_type(Provision)` and `st.from_type(Reference)` then draw encoded provisions.

    from hypothesis import given
    import penalties
    from penalties import strategies as ps

    @given(ps.cases())
    def test_my_report_never_shows_a_negative_fine(case):
        try:
            result = penalties.assess(**case)
        except penalties.PenaltiesError:
            return                       # documented refusals: a gap in the data, a missing base, ...
        assert my_report(result).total >= 0

Everything is drawn from the encoded data (`penalties.provisions()`), so a test follows the data as
it grows; nothing here adds a legal number or date.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from .law.provisions import Code

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - hypothesis is installed with the test extra
    raise ImportError('penalties.strategies needs hypothesis: pip install "penalties[strategies]"') from error

__all__ = [
    "amounts",
    "case_dates",
    "cases",
    "dates_in_coverage",
    "dates_outside_coverage",
    "offenders",
    "provisions",
    "reference_forms",
    "references",
]

_CODE = {"cc": "CC", "ac": "AC"}
_LATIN = {"cc": ("UK",), "ac": ("CAO", "KoAP")}
_RU = {"cc": ("УК РК", "УК"), "ac": ("КоАП РК", "КоАП")}
_KK = {"cc": "ҚК", "ac": "ӘҚБтК"}
_EN = {"cc": "Criminal Code", "ac": "Code on Administrative Offenses"}


def provisions(code: Code | None = None):
    """Encoded provisions (`Provision`), of one code (`"cc"`, `"ac"`) if given."""
    from . import lookup

    return st.deferred(lambda: st.sampled_from(lookup.provisions(code)))


def reference_forms(provision) -> tuple[str, ...]:
    """The ways of writing `provision` that `penalties.provision()` reads back to it: the machine id,
    the labels in three languages, and the other forms people write (`cc 274 part 1`,
    `ст. 274 ч. 1 УК`, `UK 274(1)`, `CC 274 p.1`, `AC 489.1(2)`, ...)."""
    p, code = provision, provision.code
    a, part, item = p.article, p.part, p.item
    forms = [p.id, p.label, p.label.lower(), p.label_ru, p.label_kk, f"  {p.label} ", p.label.replace(" ", "  ")]
    if part is None:
        forms += [
            f"{_CODE[code]} art. {a}",
            f"ст. {a} {_RU[code][1]}",
            f"{_EN[code]} art. {a}",
            f"{_KK[code]} {a}-бап",
            *(f"{latin} {a}" for latin in _LATIN[code]),
        ]
    elif item is None:
        forms += [
            f"{_CODE[code].lower()} {a} part {part}",
            f"ст. {a} ч. {part} {_RU[code][1]}",
            f"{_RU[code][1]} {a} ч.{part}",
            f"части {part} статьи {a} {_RU[code][0]}",
            f"{_EN[code]} art. {a} part {part}",
            f"{_KK[code]} {a}-бап {part}-бөлік",
            f"{_CODE[code]} {a} p.{part}",
            f"{_CODE[code]} {a} п. {part}",
            *(f"{latin} {a}({part})" for latin in _LATIN[code]),
        ]
        if a.count("-") == 1:  # an article written with a dot: unambiguous with its part
            forms.append(f"{_CODE[code]} {a.replace('-', '.')}({part})")
    else:
        forms += [
            f"пп.{item} ч.{part} ст.{a} {_RU[code][0]}",
            f"п.{item} ч.{part} ст.{a} {_RU[code][1]}",
            f"{_CODE[code]} {a} part {part} item {item}",
        ]
    return tuple(dict.fromkeys(forms))


def references(code: Code | None = None, provision=None):
    """References (strings) to encoded provisions, in any form `reference_forms` lists."""
    chosen = st.just(provision) if provision is not None else provisions(code)
    return chosen.flatmap(lambda p: st.sampled_from(reference_forms(p)))


def _mci_coverage() -> tuple[date, date]:
    from .data.mci import default_index

    return default_index().coverage("fine")


def _spans(provision) -> list[tuple[date, date]]:
    """The days `provision` can be assessed on: its versions' days, within the MCI's coverage,
    without the gaps (wordings not read)."""
    first_mci, last_mci = _mci_coverage()
    spans = []
    for version in provision.versions:
        start, end = max(version.valid_from, first_mci), min(version.valid_to or last_mci, last_mci)
        if start <= end:
            spans.append((start, end))
    for gap in provision.gaps:
        cut = []
        for start, end in spans:
            if gap.valid_to < start or gap.valid_from > end:
                cut.append((start, end))
                continue
            if start < gap.valid_from:
                cut.append((start, gap.valid_from - timedelta(days=1)))
            if gap.valid_to < end:
                cut.append((gap.valid_to + timedelta(days=1), end))
        spans = cut
    return spans


def _within(spans):
    return st.sampled_from(spans).flatmap(lambda span: st.dates(span[0], span[1]))


def dates_in_coverage(provision=None):
    """Dates on which `provision` can be assessed (a version in force, its wording read, the MCI
    known); without a provision, dates within the MCI's coverage."""
    if provision is None:
        return st.deferred(lambda: st.dates(*_mci_coverage()))
    return st.deferred(lambda: _within(_spans(provision) or [_mci_coverage()]))


def dates_outside_coverage(provision=None):
    """Dates before `provision` came into force (before the Codes, 2015-01-01, without a
    provision), or after the MCI's last encoded day. An assessment on the first raises
    `OutOfCoverageError`; on the second it does where the sanction has an amount (a sanction
    without one needs no MCI)."""

    def build():
        first = provision.coverage[0] if provision is not None else _mci_coverage()[0]
        last = _mci_coverage()[1]
        return st.one_of(
            st.dates(date(1990, 1, 1), first - timedelta(days=1)),
            st.dates(last + timedelta(days=1), date(2100, 12, 31)),
        )

    return st.deferred(build)


def case_dates(provision=None):
    """`{"committed": ..., "initiated": ..., "decided": ...}` in a valid order (committed ≤ initiated
    ≤ decided), each a day `provision` can be assessed on; pass as `assess(ref, **dates)`."""

    @st.composite
    def build(draw):
        days = sorted(draw(st.lists(dates_in_coverage(provision), min_size=3, max_size=3)))
        return dict(zip(("committed", "initiated", "decided"), days, strict=True))

    return build()


def offenders(provision, on: date | None = None):
    """Offender categories `provision` sets a sanction for (on `on`, if given)."""
    from .law.provisions import OFFENDERS, UNNAMED

    versions = [provision.version_on(on)] if on is not None else provision.versions
    covered = [o for v in versions for o in v.offenders]
    if UNNAMED in covered or not covered:
        covered = [o for o in covered if o != UNNAMED] + list(OFFENDERS)
    return st.sampled_from(tuple(dict.fromkeys(covered)))


def amounts(
    min_value: Decimal | int | str = Decimal("0.01"),
    max_value: Decimal | int | str = Decimal(10) ** 12,
    places: int = 2,
):
    """Exact amounts (`Decimal`, never a float, NaN or an infinity) with at most `places` decimals;
    in tenge by default (a base amount such as a bribe: from one tiyn to a trillion tenge)."""
    return st.decimals(
        min_value=Decimal(min_value), max_value=Decimal(max_value), places=places, allow_nan=False, allow_infinity=False
    )


def cases(code: Code | None = None):
    """Whole cases: keyword arguments of `penalties.assess` (`reference` in some accepted form,
    the three case dates, an offender the provision covers on the day of commission, and a base
    amount about half the time)."""

    @st.composite
    def build(draw):
        p = draw(provisions(code))
        dates = draw(case_dates(p))
        case = {"reference": draw(references(provision=p)), **dates, "offender": draw(offenders(p, dates["committed"]))}
        base = draw(st.none() | amounts())
        if base is not None:
            case["base_amount"] = base
        return case

    return build()


def _hypothesis_setup_hook() -> None:
    """The Hypothesis plugin entry point: `st.from_type` for `Provision` and `Reference`."""
    from .law.provisions import Provision
    from .references import Reference, parse_reference

    st.register_type_strategy(Provision, provisions())
    st.register_type_strategy(Reference, provisions().map(lambda p: parse_reference(p.id)))
