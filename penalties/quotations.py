"""Reading a figure as the press or a decision quotes it: "12.63 million", "about 54,000", "12,6 млн".

`quoted_amount(text)` gives the amount in tenge and the tolerance the quotation implies: half a
unit of the last digit written, times the scale word ("12.63 million": ± 5,000; "12,6 млн":
± 50,000; "about 54,000": ± 500, the last non-zero digit being the thousands). A figure written in
full with no scale word and no "about" is exact (tolerance 0), as `explain_amount` always read it.

Scale words: million (млн, миллион…, mln), thousand (тыс., тысяч…, мың, k), billion (млрд,
миллиард…, bn). "About" words: about, around, approximately, roughly, some, ~, ≈, около,
примерно, приблизительно, порядка, почти, шамамен, шамасы, жуық. Currency words (KZT, tenge,
тенге, теңге, ₸, тг) are skipped. With an English word in the quotation, "54,000" is fifty-four
thousand (a thousands comma); otherwise a comma is read as `penalties.inputs.amount` reads it
(a decimal comma, and "500,000" refused as ambiguous).
"""

from __future__ import annotations

import re
from decimal import Decimal

import attrs

from . import inputs
from .errors import AmountError

_SCALES = (
    (Decimal(10) ** 9, ("billion", "billions", "bn", "млрд", "миллиард", "миллиарда", "миллиардов", "миллиардтан")),
    (Decimal(10) ** 6, ("million", "millions", "mln", "mn", "млн", "миллион", "миллиона", "миллионов", "миллионнан")),
    (Decimal(10) ** 3, ("thousand", "thousands", "k", "тыс", "тысяча", "тысячи", "тысяч", "мың", "мыңнан")),
)
_ABOUT = frozenset(
    (
        "about",
        "around",
        "approximately",
        "approx",
        "roughly",
        "some",
        "~",
        "≈",
        "около",
        "примерно",
        "приблизительно",
        "порядка",
        "почти",
        "шамамен",
        "шамасы",
        "жуық",
        "шамада",
    )
)
_CURRENCY = frozenset(("kzt", "tenge", "тенге", "теңге", "₸", "тг", "тнг"))
_ENGLISH = frozenset(w for _, words in _SCALES for w in words if w.isascii()) | {
    w for w in _ABOUT if w.isascii() and w.isalpha()
}
_TOKEN = re.compile(r"[~≈₸]|[^\s~≈₸]+")


@attrs.frozen
class QuotedAmount:
    """A quoted figure read: `value` in tenge, `tolerance` (± tenge; 0 for an exact figure),
    `approximate` (an "about" word), and the `text` as quoted."""

    value: Decimal
    tolerance: Decimal
    approximate: bool
    text: str


def quoted_amount(text, name: str = "amount") -> QuotedAmount:
    """Read `text` as a quoted amount in tenge (see the module); `AmountError` if it is not one."""
    if not isinstance(text, str):
        value = inputs.amount(text, name, zero=False)
        return QuotedAmount(value, Decimal(0), False, str(text))
    scale, approximate, english, number_words = Decimal(1), False, False, []
    for token in _TOKEN.findall(text.strip().lower()):
        word = token.rstrip(".")
        if word in _ABOUT:
            approximate, english = True, english or word in _ENGLISH
        elif word in _CURRENCY:
            continue
        elif any(word in words for _, words in _SCALES):
            if scale != 1:
                raise AmountError(name, text, "two scale words")
            scale = next(factor for factor, words in _SCALES if word in words)
            english = english or word in _ENGLISH
        else:
            number_words.append(token)
    number_text = " ".join(number_words)
    if not number_text:
        raise AmountError(name, text, "no number in it")
    if english and re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", number_text):
        number_text = number_text.replace(",", "")  # an English thousands comma
    number = inputs.amount(number_text, name, zero=False)
    value = number * scale
    if scale == 1 and not approximate:
        tolerance = Decimal(0)
    else:
        tolerance = _last_digit_unit(number) * scale / 2
    if value >= inputs.MAX_KZT:
        raise AmountError(name, text, "too large")
    return QuotedAmount(value, tolerance, approximate, text)


def _last_digit_unit(number: Decimal) -> Decimal:
    """The value of one unit of the last significant digit written: 12.63 -> 0.01, 54000 -> 1000."""
    _, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)  # a finite number: inputs.amount refuses the others
    if exponent < 0:
        return Decimal(1).scaleb(exponent)
    text = "".join(map(str, digits))
    zeros = len(text) - len(text.rstrip("0"))
    return Decimal(1).scaleb(exponent + zeros)
