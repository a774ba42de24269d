"""Numbers, money, terms and dates for people, in English, Russian and Kazakh.

Money is rounded half-up to the tiyn or cent first (babel rounds half-even), then formatted with
babel: `636 300,00 ₸` in ru_KZ and kk_KZ, `636,300.00 KZT` in English. A term in months that is a
whole number of years reads as years. babel is imported on first use only.

The words are in the catalogs (penalties/output/messages.py): the range templates in the contexts
"term range" and "amount range", the unit forms in "term unit" (after a numeral) and "term unit,
<range>" (the form the last word takes inside that range: Russian "до 5 лет", Kazakh "5 жылға
дейін"). The form for a number is chosen by CLDR's plural rules (babel); only the forms themselves
are written by hand, because CLDR lacks them: its Russian duration-day is "день", while the Codes
count arrest in "сутки", a plurale tantum whose few-form is the genitive plural (2 суток, not
2 сутки; 21 сутки); its Kazakh has no duration units at all (babel 2.18 prints '15 duration-day';
the Codes say "тәулік", and a Kazakh noun does not change after a numeral: 5 тәулік); and it has
no genitive or dative forms of units.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from . import messages

LANGS = ("en", "ru", "kk")
_BABEL_LOCALE = {"en": "en", "ru": "ru_KZ", "kk": "kk_KZ"}
CENT = Decimal("0.01")


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        from ..errors import UserInputError

        raise UserInputError(f"unknown language {lang!r}; use one of {', '.join(LANGS)}")
    return lang


def ru_category(n: int) -> int:
    """0 = one (1, 21, 101), 1 = few (2-4, 22-24), 2 = many (5-20, 11-14, 25-30 …): CLDR's categories."""
    return ("one", "few", "many").index(messages.plural_category(n, "ru"))


def plural(n, unit: str, lang: str = "en") -> str:
    """`n` with the unit's plural form: plural(21, "day", "ru") == "21 сутки"."""
    return f"{number(n, check_lang(lang))} {_word(n, unit, lang)}"


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
    unit = messages.message(check_lang(lang), "amount", "mci")
    value = Decimal(amount)
    value = value.normalize() if value == value.to_integral() else value.quantize(Decimal("0.0001")).normalize()
    return f"{number(value, lang)} {unit}"


def long_date(d: date, lang: str = "en") -> str:
    from babel.dates import format_date

    return format_date(d, format="long", locale=check_lang(lang))


def _word(n, unit: str, lang: str, context: str = "term unit") -> str:
    whole = int(n) if Decimal(n) == int(n) else n  # CLDR reads 1.0 as a fraction ('other' in English)
    return messages.plural_message(lang, context, unit, whole)


def _term_words(value, unit: str, lang: str, context: str = "term unit") -> str:
    value = Decimal(value)
    pieces = []
    if unit == "month" and value >= 12 and value == int(value):
        years, months = divmod(int(value), 12)
        pieces.append((years, "year"))
        if months:
            pieces.append((months, "month"))
    else:
        pieces.append((int(value) if value == int(value) else value, unit))
    # only the last word takes the range's form (Kazakh "2 жыл 6 айға дейін")
    return " ".join(
        f"{number(n, lang)} {_word(n, u, lang, context if i == len(pieces) - 1 else 'term unit')}"
        for i, (n, u) in enumerate(pieces)
    )


def term_range(low, high, unit: str, lang: str = "en") -> str:
    """'up to 40 days', 'до 40 суток', '40 тәулікке дейін'; '10 – 50 days', 'от 10 до 50 суток'."""
    check_lang(lang)

    def words(value, template):
        return _term_words(value, unit, lang, f"term unit, {template}")

    if low is not None and high is not None and low != high:
        return messages.message(lang, "term range", "between").format(words(low, "between"), words(high, "between"))
    if high is not None and low is not None:
        return _term_words(high, unit, lang)
    if high is not None:
        return messages.message(lang, "term range", "up_to").format(words(high, "up_to"))
    if low is not None:
        return messages.message(lang, "term range", "at_least").format(words(low, "at_least"))
    return ""


def amount_range(low, high, unit: str, lang: str = "en") -> str:
    """A range of money: '20 – 200 MCI', 'от 20 до 200 МРП', 'up to 505,000.00 KZT', 'ең көбі 505 000,00 ₸'."""
    show = (lambda v: mci(v, lang)) if unit == "MCI" else (lambda v: money(v, unit, lang))
    if low is not None and high is not None:
        if low == high:
            return show(high)
        return messages.message(lang, "amount range", "between").format(show(low), show(high))
    if high is not None:
        return messages.message(lang, "amount range", "up_to").format(show(high))
    if low is not None:
        return messages.message(lang, "amount range", "at_least").format(show(low))
    return ""


#: the months, as the keys of their Kazakh locative-attributive forms in the catalog (context
#: "month, of the day"): babel's Kazakh data has only the nominative ("2018 ж. 12 шілде"), and an
#: act is cited "2018 жылғы 12 шілдедегі" (the month in the locative with -ғы/-гі)
MONTH_KEYS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


def act_date(d: date, lang: str = "en") -> str:
    """A date as an act's citation writes it: '12 July 2018', '12.07.2018', '2018 жылғы 12 шілдедегі'."""
    check_lang(lang)
    if lang == "ru":
        return f"{d:%d.%m.%Y}"
    if lang == "kk":
        month = messages.message("kk", "month, of the day", MONTH_KEYS[d.month - 1])
        return f"{d.year} жылғы {d.day} {month}"
    from babel.dates import format_date

    return format_date(d, format="d MMMM y", locale="en")


def citation(act, lang: str = "en") -> str:
    """An act as a lawyer cites it: 'Law No. 180-VI of 12 July 2018', 'Закон РК от 12.07.2018
    № 180-VI', 'ҚР 2018 жылғы 12 шілдедегі № 180-VI Заңы' (a Code: 'Code No. 226-V of 3 July 2014' …)."""
    check_lang(lang)
    params = {"number": act.number, "date": act_date(act.date, lang)}
    if act.number == "unknown":  # a budget law whose number was not read (statutes/kz/indices/mci.toml)
        title = (act.title or "").removesuffix(" (number not found)")
        return messages.message(lang, "act citation", "unnumbered").format(title=title, **params)
    if act.kind == "code":
        return messages.message(lang, "act citation", "code").format(**params)
    if act.kind == "decree":
        return messages.message(lang, "act citation", "decree").format(**params)
    if act.kind == "law":
        return messages.message(lang, "act citation", "law").format(**params)
    return messages.message(lang, "act citation", "act").format(**params)


def measure(m, lang: str = "en") -> str:
    """One bound of a sanction as the law writes it: '300 MCI', '3 years', '300 МРП', '3 жыл'."""
    from ..law.quantities import decimal_text

    if m.unit == "MCI":
        return mci(m.value, lang)
    if m.unit == "KZT":
        return money(m.value, "KZT", lang)
    if m.unit == "base":
        return messages.message(lang, "amount", "base_multiple").format(decimal_text(m.value))
    if m.unit == "percent":
        return messages.message(lang, "amount", "base_percent").format(decimal_text(m.value))
    return term_range(m.value, m.value, m.unit, lang)


def bounds(low, high, lang: str = "en") -> str:
    """A sanction item's range as the law writes it: 'up to 3 years', 'от 20 до 200 МРП' ('' if unbounded)."""
    unit = (high or low).unit if (high or low) else None
    if unit is None:
        return ""
    if unit in ("MCI", "KZT"):
        return amount_range(low.value if low else None, high.value if high else None, unit, lang)
    if unit in ("base", "percent"):
        shown = [measure(m, lang) for m in (low, high) if m is not None]
        return " – ".join(dict.fromkeys(shown))
    return term_range(low.value if low else None, high.value if high else None, unit, lang)
