"""Reading numbers written out in Russian legal text ("двухсот", "двух тысяч", "семидесяти пяти")."""

import re

from spelled_numbers import NumberReader

_UNITS = {
    1: "один одного одной одну",
    2: "два две двух",
    3: "три трех трёх трое",
    4: "четыре четырех четырёх",
    5: "пять пяти",
    6: "шесть шести",
    7: "семь семи",
    8: "восемь восьми",
    9: "девять девяти",
    10: "десять десяти",
    11: "одиннадцать одиннадцати",
    12: "двенадцать двенадцати",
    13: "тринадцать тринадцати",
    14: "четырнадцать четырнадцати",
    15: "пятнадцать пятнадцати",
    16: "шестнадцать шестнадцати",
    17: "семнадцать семнадцати",
    18: "восемнадцать восемнадцати",
    19: "девятнадцать девятнадцати",
    20: "двадцать двадцати",
    30: "тридцать тридцати",
    40: "сорок сорока",
    50: "пятьдесят пятидесяти",
    60: "шестьдесят шестидесяти",
    70: "семьдесят семидесяти",
    80: "восемьдесят восьмидесяти",
    90: "девяносто девяноста",
    100: "сто ста",
    200: "двести двухсот",
    300: "триста трехсот трёхсот",
    400: "четыреста четырехсот четырёхсот",
    500: "пятьсот пятисот",
    600: "шестьсот шестисот",
    700: "семьсот семисот",
    800: "восемьсот восьмисот",
    900: "девятьсот девятисот",
}
WORDS = {w: n for n, forms in _UNITS.items() for w in forms.split()}
THOUSAND = {"тысяча", "тысячи", "тысяч", "тысячу"}
# multiples are written as one word: "двадцатикратной", "пятидесятикратной", "двукратного"
_MULTIPLE_PREFIXES = {"одно": 1, "дву": 2, "сто": 100, "тысяче": 1000}
_TOKEN = re.compile(r"[а-яё]+|\d+|[,;:.()\u2013\u2014-]", re.I)


def numbers(text: str) -> list[int]:
    """Every number written out in `text`, in order (digits too)."""
    reader = NumberReader()
    for token in _TOKEN.findall(text.lower()):
        if token.isdigit():
            reader.number(int(token))
        elif "кратн" in token:
            prefix = token[: token.index("кратн")]
            reader.end()
            if prefix in WORDS or prefix in _MULTIPLE_PREFIXES:
                reader.number(WORDS.get(prefix) or _MULTIPLE_PREFIXES[prefix])
        elif token in WORDS:
            reader.add(WORDS[token])
        elif token in THOUSAND:
            reader.thousand()
        else:  # any other word or punctuation ends a number
            reader.end()
    return reader.result()
