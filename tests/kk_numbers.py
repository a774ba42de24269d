"""Reading numbers written out in Kazakh legal text ("бір жүз алпыс", "он екі жылға", "үш жылдан").

Only whole words count, in the bare form or with a case ending written on the numeral itself
("үштен", "жетіден"): a prefix match would read "онсыз" (without it) as 10 and "үшін" (for) as 3.
"""

import re

from spelled_numbers import NumberReader

_STEMS = {
    1: "бір",
    2: "екі",
    3: "үш",
    4: "төрт",
    5: "бес",
    6: "алты",
    7: "жеті",
    8: "сегіз",
    9: "тоғыз",
    10: "он",
    20: "жиырма",
    30: "отыз",
    40: "қырық",
    50: "елу",
    60: "алпыс",
    70: "жетпіс",
    80: "сексен",
    90: "тоқсан",
}
# ablative and dative endings (after vowels, voiced and voiceless consonants, and after "н")
_ENDINGS = ("", "ден", "дан", "тен", "тан", "нен", "нан", "ге", "ға", "ке", "қа")
WORDS = {stem + ending: n for n, stem in _STEMS.items() for ending in _ENDINGS}
ENDS_A_NUMBER = {stem + ending for stem in _STEMS.values() for ending in _ENDINGS if ending}  # "жетіден он бес"
HUNDRED = {"жүз", "жүзден", "жүзге"}
THOUSAND = {"мың", "мыңнан", "мыңға"}
_TOKEN = re.compile(r"[а-яёәғқңөұүһіi]+|\d+|[,;:.()\u2013\u2014-]", re.I)


def numbers(text: str) -> list[int]:
    """Every number written out in `text`, in order (digits too)."""
    # the official texts mix the Cyrillic і with the Latin i (e.g. "айлық есептiк")
    text = text.lower().replace("i", "і")
    # "белгілі бір лауазымдарды" is "certain posts": that "бір" is no number
    text = text.replace("белгілі бір ", "белгілі ")
    reader = NumberReader()
    for token in _TOKEN.findall(text):
        if token.isdigit():
            reader.number(int(token))
        elif token in WORDS:
            reader.add(WORDS[token])
            if token in ENDS_A_NUMBER:
                reader.end()
        elif token in HUNDRED:
            reader.hundred()
        elif token in THOUSAND:
            reader.thousand()
            if token != "мың":  # "екі мыңнан жеті мыңға"
                reader.end()
        else:  # any other word or punctuation ends a number
            reader.end()
    return reader.result()
