"""Numbers, money, terms and dates for people, in English, Russian and Kazakh.

Money is rounded half-up to the tiyn or cent first (babel rounds half-even), then formatted with
babel: `636 300,00 ₸` in ru_KZ and kk_KZ, `636,300.00 KZT` in English. Terms use our own plural
table, because babel 2.18 prints '15 duration-day' for Kazakh durations: 1 сутки, 2 суток,
5 суток; 1 day, 2 days; Kazakh nouns do not change after a numeral (5 тәулік). A term in months
that is a whole number of years reads as years. babel is imported on first use only.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

LANGS = ("en", "ru", "kk")
_BABEL_LOCALE = {"en": "en", "ru": "ru_KZ", "kk": "kk_KZ"}
CENT = Decimal("0.01")

# nominative forms, and the genitive after "до"/"от" in Russian (one: singular, else plural)
_GENITIVE_RU = {"day": ("суток", "суток"), "month": ("месяца", "месяцев"), "year": ("года", "лет"),
                "hour": ("часа", "часов")}
# Kazakh dative, for "… дейін" (up to): vowel harmony of each word
_DATIVE_KK = {"day": "тәулікке", "month": "айға", "year": "жылға", "hour": "сағатқа"}

_FORMS = {
    "en": {"day": ("day", "days"), "month": ("month", "months"), "year": ("year", "years"),
           "hour": ("hour", "hours")},
    # one / few / many (CLDR plural categories of Russian)
    "ru": {"day": ("сутки", "суток", "суток"), "month": ("месяц", "месяца", "месяцев"),
           "year": ("год", "года", "лет"), "hour": ("час", "часа", "часов")},
    # arrest is counted in тәулік in the Kazakh text of the Codes ("қырық тәулікке дейінгі мерзімге")
    "kk": {"day": ("тәулік",), "month": ("ай",), "year": ("жыл",), "hour": ("сағат",)},
}


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        from ..errors import UserInputError
        raise UserInputError(f"unknown language {lang!r}; use one of {', '.join(LANGS)}")
    return lang


def ru_category(n: int) -> int:
    """0 = one (1, 21, 101), 1 = few (2-4, 22-24), 2 = many (5-20, 11-14, 25-30 …)."""
    if n % 10 == 1 and n % 100 != 11:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


def plural(n, unit: str, lang: str = "en") -> str:
    """`n` with the unit's plural form: plural(21, "day", "ru") == "21 сутки"."""
    return f"{number(n, check_lang(lang))} {_word(n, unit, lang, 'nominative')}"


def number(n, lang: str = "en") -> str:
    from babel.numbers import format_decimal

    return format_decimal(n, locale=_BABEL_LOCALE[check_lang(lang)])


def money(amount: Decimal, currency: str, lang: str = "en") -> str:
    """`amount` rounded half-up to 0.01 and formatted: '636 300,00 ₸' (ru, kk), '636,300.00 KZT' (en)."""
    from babel.numbers import format_currency, format_decimal

    rounded = Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)
    if lang == "en":
        return f"{format_decimal(rounded, format='#,##0.00', locale='en')} {currency}"
    return format_currency(rounded, currency, locale=_BABEL_LOCALE[check_lang(lang)])


def mci(amount: Decimal, lang: str = "en") -> str:
    """An amount in MCI: '160 MCI', '160 МРП', '160 АЕК' (invariant abbreviations, no plural)."""
    unit = {"en": "MCI", "ru": "МРП", "kk": "АЕК"}[check_lang(lang)]
    value = Decimal(amount)
    value = value.normalize() if value == value.to_integral() else value.quantize(Decimal("0.0001")).normalize()
    return f"{number(value, lang)} {unit}"


def long_date(d: date, lang: str = "en") -> str:
    from babel.dates import format_date

    return format_date(d, format="long", locale=check_lang(lang))


def _word(n, unit: str, lang: str, case: str) -> str:
    whole = int(n) if Decimal(n) == int(n) else None
    if lang == "ru" and case == "genitive":
        one, many = _GENITIVE_RU[unit]
        return one if whole is not None and ru_category(whole) == 0 else many
    if lang == "kk" and case == "dative":
        return _DATIVE_KK[unit]
    forms = _FORMS[lang][unit]
    if lang == "en":
        return forms[0] if n == 1 else forms[1]
    if lang == "ru":
        return forms[1] if whole is None else forms[ru_category(whole)]
    return forms[0]


def _term_words(value, unit: str, lang: str, case: str = "nominative") -> str:
    value = Decimal(value)
    pieces = []
    if unit == "month" and value >= 12 and value == int(value):
        years, months = divmod(int(value), 12)
        pieces.append((years, "year"))
        if months:
            pieces.append((months, "month"))
    else:
        pieces.append((int(value) if value == int(value) else value, unit))
    # in Kazakh only the last word takes the case ending ("2 жыл 6 айға дейін")
    return " ".join(f"{number(n, lang)} {_word(n, u, lang, case if i == len(pieces) - 1 else 'nominative')}"
                    for i, (n, u) in enumerate(pieces))


def term_range(low, high, unit: str, lang: str = "en") -> str:
    """'up to 40 days', 'до 40 суток', '40 тәулікке дейін'; '10 – 50 days', 'от 10 до 50 суток'."""
    check_lang(lang)
    if low is not None and high is not None and low != high:
        if lang == "ru":
            return f"от {_term_words(low, unit, lang, 'genitive')} до {_term_words(high, unit, lang, 'genitive')}"
        return f"{_term_words(low, unit, lang)} – {_term_words(high, unit, lang)}"
    if high is not None and low is not None:
        return _term_words(high, unit, lang)
    if high is not None:
        return {"en": f"up to {_term_words(high, unit, lang)}", "ru": f"до {_term_words(high, unit, lang, 'genitive')}",
                "kk": f"{_term_words(high, unit, lang, 'dative')} дейін"}[lang]
    if low is not None:
        return {"en": f"at least {_term_words(low, unit, lang)}", "ru": f"не менее {_term_words(low, unit, lang, 'genitive')}",
                "kk": f"кемінде {_term_words(low, unit, lang)}"}[lang]
    return ""


def amount_range(low, high, unit: str, lang: str = "en") -> str:
    """A range of money: '20 – 200 MCI', 'от 20 до 200 МРП', 'up to 505,000.00 KZT', 'ең көбі 505 000,00 ₸'."""
    show = (lambda v: mci(v, lang)) if unit == "MCI" else (lambda v: money(v, unit, lang))
    if low is not None and high is not None:
        if low == high:
            return show(high)
        if lang == "ru":
            return f"от {show(low)} до {show(high)}"
        return f"{show(low)} – {show(high)}"
    if high is not None:
        return {"en": f"up to {show(high)}", "ru": f"до {show(high)}", "kk": f"ең көбі {show(high)}"}[lang]
    if low is not None:
        return {"en": f"at least {show(low)}", "ru": f"не менее {show(low)}", "kk": f"кемінде {show(low)}"}[lang]
    return ""
