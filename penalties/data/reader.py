"""Reading an official Russian sanction sentence of the Criminal Code into a structured sanction.

`read_sanction("наказывается штрафом в размере до двухсот месячных расчетных показателей либо …")`
returns a `Reading`: the main alternatives and the additional punishments as `Item`s, exactly as
`statutes/` encodes them. The reader knows the fixed phrases of the Code's sanctions (Special Part,
arts 99 onwards) and nothing else: a phrase it does not know raises `SanctionTextError` naming the
phrase, so an unreadable sanction is never read halfway. `penalties check` compares every encoded
version with the reading of its quoted `text_ru`; `penalties draft` builds new data from it.

The grammar, from the Code's own drafting:
- the sentence starts at "наказывается" / "наказываются" (anything before, such as the items of the
  disposition, is not part of the sanction) and ends at its final dot;
- main alternatives are joined by "либо" (", либо"); additional punishments follow them, each
  starting "с …": mandatory, or optional when it ends "или без такового/таковой";
- "в том же размере" repeats the bounds of the fine; "на тот же срок" repeats the term before it;
- numbers are written out in words, in the genitive ("до двухсот сорока часов"); a multiple of a
  base is one word ("от двадцатикратной до сорокакратной суммы взятки").
"""

from __future__ import annotations

import re
from decimal import Decimal

import attrs

from ..errors import SanctionTextError
from ..law.kinds import KINDS
from ..law.provisions import Item
from ..law.quantities import Measure, parse_measure


@attrs.frozen
class Reading:
    """What a sanction sentence says: one of `main`, plus `additional`."""

    main: tuple[Item, ...]
    additional: tuple[Item, ...] = ()
    #: sanctions the sentence sets for some sub-paragraphs of its part ("а в случаях, предусмотренных
    #: пунктом 2), – …"): (sub-paragraph, its whole sanction), in order
    cases: tuple[tuple[str, Reading], ...] = ()

    def for_item(self, item: str | None) -> Reading:
        """The sanction of sub-paragraph `item` (the general one unless the sentence sets its own)."""
        return dict(self.cases).get(item, self) if item else attrs.evolve(self, cases=())

    def sanction_tables(self) -> list[dict]:
        """The `[[parts.versions.sanctions]]` tables (the Criminal Code has one offender: individual)."""
        return [dict({"offender": "individual"}, **{k: v for k, v in self.as_toml_tables().items() if v})]

    def as_toml_tables(self) -> dict:
        """The `[[parts.versions.sanctions]]` table of this reading (offender: individual)."""
        return {"main": [_item_table(i) for i in self.main], "additional": [_item_table(i) for i in self.additional]}


# ------------------------------------------------------------------ numbers written out in words

_NUMBER_FORMS = {
    1: "один одного одной одну",
    2: "два две двух",
    3: "три трех трое",
    4: "четыре четырех",
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
    300: "триста трехсот",
    400: "четыреста четырехсот",
    500: "пятьсот пятисот",
    600: "шестьсот шестисот",
    700: "семьсот семисот",
    800: "восемьсот восьмисот",
    900: "девятьсот девятисот",
}
_NUMBER_WORDS = {w: n for n, forms in _NUMBER_FORMS.items() for w in forms.split()}
_THOUSAND = {"тысяча", "тысячи", "тысяч", "тысячу"}
# the first part of a one-word multiple: "двадцати|кратной", "дву|кратной", "сто|кратной"
_MULTIPLE_STEMS = {**_NUMBER_WORDS, "дву": 2, "одно": 1, "тысяче": 1000}


def _number(words: list[str]) -> int:
    """The value of number words such as ["двухсот", "сорока"] or ["двух", "тысяч"]."""
    total = current = 0
    if not words:
        raise ValueError("no number")
    for word in words:
        if word in _THOUSAND:
            total += (current or 1) * 1000
            current = 0
        elif word in _NUMBER_WORDS:
            current += _NUMBER_WORDS[word]
        else:
            raise ValueError(word)
    return total + current


# each word whole: "пятидесятимесячных" (a typo of the source) is not "пятидесяти" + "месячных"
_NUM = r"(?:(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r"|тысяч[аиу]?)(?![а-я])\s?)+"
_TERM_UNITS = {
    "лет": "year",
    "года": "year",
    "год": "year",
    "месяцев": "month",
    "месяца": "month",
    "месяц": "month",
    "суток": "day",
    "часов": "hour",
    "часа": "hour",
    "час": "hour",
}
_UNIT = r"(?:лет|года|год|месяцев|месяца|месяц|суток|часов|часа|час)"
_MCI = r"месячных расчетных показателей|месячного расчетного показателя"
_MULTIPLE = r"[а-я]+кратн(?:ой|ого|ую|ая)"
# what a multiple is of, in the Code's words, and the `base` name the data uses for it
_BASES = {
    "суммы взятки": "bribe",
    "размера взятки": "bribe",
    "размера похищенного имущества": "stolen_property",
    "суммы не поступивших платежей в бюджет": "unpaid_budget_payments",
    "суммы переданных денег или стоимости переданного имущества": "transferred_value",
    "суммы незаконно вывезенной, пересланной или переведенной суммы валютных ценностей": "currency_values",
    "суммы полученного дохода": "income_received",  # CC 307(3) since 180-VI
}
_BASE = "|".join(_BASES)


def _measure(number_words: str, unit_word: str, measure: str) -> Measure:
    value = _number(number_words.split())
    unit = _TERM_UNITS.get(unit_word, unit_word)
    return parse_measure(f"{value} {unit}", measure)


def _multiple(word: str) -> int:
    stem = word[: word.index("кратн")]
    if stem in _MULTIPLE_STEMS:
        return _MULTIPLE_STEMS[stem]
    raise ValueError(word)


# ------------------------------------------------------------------ the sentence

_START = re.compile(r"\bнаказыва(?:ется|ются|ет|ют)\b\s*")
_ADDITIONAL_NOUNS = (
    r"(?:пожизненным )?лишением права|конфискацией|выдворением|лишением гражданства|лишением [а-я, ]*звани"
)
# "с A, B": a second additional punishment after a comma, its "с" left out
_ADDITIONAL_CONTINUES = re.compile(rf",\s+(?={_ADDITIONAL_NOUNS})")
_ADDITIONAL_START = re.compile(
    r",?\s+(?=с (?:пожизненным )?лишением права|с конфискацией|с выдворением|с лишением (?:специального|воинского|почетного|классного|государственных)"
    r"|с лишением гражданства|с лишением [а-я, ]*звани)"
)
# "либо" joins alternatives, except inside a ban: "занимать определенные должности либо заниматься
# определенной деятельностью" (CC 156(2) of 2015)
_ALTERNATIVE_SPLIT = re.compile(r"(?<!определенные должности),?\s+либо\s+")


def normalise(text: str) -> str:
    """Lower case, ё as е, one space between words, dashes unified, no final dot."""
    text = text.replace("\u00a0", " ").replace("ё", "е").replace("Ё", "Е").lower()
    text = re.sub(r"\s+", " ", text).strip()
    return text.rstrip(" .;")


def sanction_sentence(text: str) -> str:
    """The sanction sentence of a quoted text: from "наказывается" to the end, normalised."""
    clean = normalise(text)
    match = _START.search(clean)
    if match is None:
        raise SanctionTextError(text, clean[:60], "no 'наказывается' / 'наказываются' in the text")
    return clean[match.end() :]


_CASE = re.compile(
    r",?\s*а в случаях, предусмотренных пункт(?:ом|ами) (\d{1,2}\)(?:(?:,| или| и) \d{1,2}\))*)"
    r"(?: настоящей части)?,?\s*(?:[–—-]\s*)?(?:и\s+)?"
)
_CASE_ITEMS = re.compile(r"(\d{1,2})\)")
# a further case in the same list: "…, а в случаях, предусмотренных пунктом 2), A, пунктом 3), B" (CC 307(3))
_NEXT_CASE = re.compile(r",\s*пункт(?:ом|ами) (\d{1,2}\)(?:(?:,| или| и) \d{1,2}\))*),?\s*(?:[–—-]\s*)?")


def read_sanction(text: str) -> Reading:
    """Read an official Russian CC sanction sentence; `SanctionTextError` if any phrase is unknown."""
    sentence = sanction_sentence(text)
    general, *special = _CASE.split(sentence)
    special = [piece for case in special for piece in _NEXT_CASE.split(case)]
    reading = _read_alternatives(text, general)
    cases: list[tuple[str, Reading]] = []
    for items, case_text in zip(special[::2], special[1::2], strict=True):
        if case_text.startswith("с "):  # the same sanction with more additional punishments
            more = [i for piece in _ADDITIONAL_START.split(" " + case_text)[1:] for i in _additional_list(text, piece)]
            # one the part already names is restated for the case ("с конфискацией имущества, с
            # лишением права … до семи лет, а в случаях, предусмотренных пунктом 3), с конфискацией
            # имущества, с пожизненным лишением права …", CC 217(3)): the case's wording replaces it
            restated = {i.kind for i in more}
            kept = tuple(i for i in reading.additional if i.kind not in restated)
            case = Reading(reading.main, kept + tuple(more))
        else:
            # "лишением свободы на тот же срок": the same term as the part's general sanction
            case = _read_alternatives(text, case_text, list(reading.main))
        # "пунктами 1) или 2)": one sanction for each sub-paragraph named
        cases.extend((item, case) for item in _CASE_ITEMS.findall(items))
    return attrs.evolve(reading, cases=tuple(cases))


def _read_alternatives(text: str, sentence: str, context: list[Item] | None = None) -> Reading:
    """The alternatives of `sentence`; `context` is what "на тот же срок" / "в том же размере" may
    refer to before the sentence's own alternatives (a sub-paragraph's sanction: the part's)."""
    main: list[Item] = []
    additional: list[Item] = []
    for alternative in _ALTERNATIVE_SPLIT.split(sentence):
        # "лишением свободы сроком на двадцать лет с пожизненным лишением права … либо пожизненным
        # лишением свободы с конфискацией …": an additional punishment may follow one alternative;
        # the data model attaches every additional punishment to the sanction as a whole
        pieces = _ADDITIONAL_START.split(alternative)
        main.append(_main_item(text, pieces[0].strip(" ,"), (context or []) + main))
        for piece in pieces[1:]:
            additional.extend(_additional_list(text, piece))
    return Reading(tuple(main), tuple(additional))


def _additional_list(text: str, piece: str) -> list[Item]:
    """ "с A" or "с A, B": one or more additional punishments."""
    first, *rest = _ADDITIONAL_CONTINUES.split(piece.strip(" ,"))
    return [_additional_item(text, first)] + [_additional_item(text, "с " + phrase) for phrase in rest]


# ------------------------------------------------------------------ main alternatives

_FINE = re.compile(rf"^штраф(?:ом)? в размере (?:(?:от (?P<lo>{_NUM}) )?до (?P<hi>{_NUM})|(?P<fix>{_NUM})) (?:{_MCI})$")
_FINE_MULTIPLE = re.compile(
    rf"^штраф(?:ом)? (?:в размере )?(?:от (?P<lo>{_MULTIPLE}) )?до (?P<hi>{_MULTIPLE}) (?P<base>{_BASE})$"
)
_FINE_MULTIPLE_FIXED = re.compile(rf"^штраф(?:ом)? в размере (?P<fix>{_MULTIPLE}) (?P<base>{_BASE})$")
_SAME_AMOUNT = re.compile(r"^исправительными работами в том же размере$")
_CORRECTIVE = re.compile(
    rf"^исправительными работами в размере (?:(?:от (?P<lo>{_NUM}) )?до (?P<hi>{_NUM})) (?:{_MCI})$"
)
_TERM_KINDS = {
    "привлечением к общественным работам": "community_service",
    "общественными работами": "community_service",
    "арестом": "arrest",
    "ограничением свободы": "restriction_of_freedom",
    "лишением свободы": "imprisonment",
}
_TERM = re.compile(
    rf"^(?P<kind>{'|'.join(_TERM_KINDS)}) (?:(?:на срок |сроком )?(?:от (?P<lo>{_NUM})(?P<lounit>{_UNIT})? )?до (?P<hi>{_NUM})(?P<hiunit>{_UNIT})"
    rf"|(?:на срок|сроком на|на) (?P<fix>{_NUM})(?P<fixunit>{_UNIT})|(?P<same>на тот же срок))$"
)
_LIFE = re.compile(r"^пожизненным лишением свободы$")
# an alternative of its own, not "с выдворением" (CC 335, 336, 337, 340, 342 in the 268-VI wording of
# 28.10.2019: "…, либо арестом на срок до сорока суток, либо выдворением за пределы Республики Казахстан
# иностранца или лица без гражданства сроком на пять лет, с лишением права …")
_MAIN_EXPULSION = re.compile(
    rf"^выдворением за пределы республики казахстан иностранца или лица без гражданства"
    rf"(?: (?:сроком на|на срок) (?P<fix>{_NUM})(?P<fixunit>{_UNIT}))?$"
)
_DEATH = re.compile(r"^смертной казнью$")


def _main_item(text: str, phrase: str, before: list[Item]) -> Item:
    phrase = phrase.strip()
    try:
        if m := _FINE.match(phrase):
            if m["fix"]:
                amount = _measure(m["fix"], "MCI", "money")
                return Item("fine", amount, amount)
            low = _measure(m["lo"], "MCI", "money") if m["lo"] else None
            return Item("fine", low, _measure(m["hi"], "MCI", "money"))
        if m := _FINE_MULTIPLE.match(phrase):
            low = parse_measure(f"{_multiple(m['lo'])} base", "money") if m["lo"] else None
            return Item("fine", low, parse_measure(f"{_multiple(m['hi'])} base", "money"), base=_BASES[m["base"]])
        if m := _FINE_MULTIPLE_FIXED.match(phrase):
            amount = parse_measure(f"{_multiple(m['fix'])} base", "money")
            return Item("fine", amount, amount, base=_BASES[m["base"]])
        if _SAME_AMOUNT.match(phrase):
            fine = next((i for i in reversed(before) if i.kind == "fine"), None)
            if fine is None:
                raise SanctionTextError(text, phrase, "'в том же размере' with no fine before it")
            return Item("corrective_labour", fine.min, fine.max, base=fine.base)
        if m := _CORRECTIVE.match(phrase):
            low = _measure(m["lo"], "MCI", "money") if m["lo"] else None
            return Item("corrective_labour", low, _measure(m["hi"], "MCI", "money"))
        if _LIFE.match(phrase):
            return Item("life_imprisonment")
        if _DEATH.match(phrase):
            return Item("death_penalty")
        if m := _MAIN_EXPULSION.match(phrase):
            if m["fix"]:
                amount = _measure(m["fix"], m["fixunit"], "month")
                return Item("expulsion", amount, amount)
            return Item("expulsion")
        if m := _TERM.match(phrase):
            kind = _TERM_KINDS[m["kind"]]
            measure = KINDS[kind].measure
            if m["same"]:
                previous = next(
                    (i for i in reversed(before) if i.max is not None and KINDS[i.kind].measure == measure), None
                )
                if previous is None:
                    raise SanctionTextError(text, phrase, "'на тот же срок' with no term before it")
                return Item(kind, previous.min, previous.max)
            if m["fix"]:
                amount = _measure(m["fix"], m["fixunit"], measure)
                return Item(kind, amount, amount)
            high = _measure(m["hi"], m["hiunit"], measure)
            low = _measure(m["lo"], m["lounit"] or m["hiunit"], measure) if m["lo"] else None
            return Item(kind, low, high)
    except SanctionTextError:
        raise
    except ValueError as error:  # a number word or unit the tables do not know
        raise SanctionTextError(text, phrase, f"unknown word {error}") from None
    raise SanctionTextError(text, phrase, "not a main punishment the reader knows")


# ------------------------------------------------------------------ additional punishments

_OPTIONAL = re.compile(r"\s+или без такового$|\s+или без таковой$|\s+или без таковых$")
_RIGHT = re.compile(
    rf"^с (?P<life>пожизненным )?лишением права (?:занимать определенные должности (?:или|и|либо) заниматься определенной деятельностью"
    rf"|заниматься определенной деятельностью|занимать определенные должности)"
    rf"(?: на срок (?:от (?P<lo>{_NUM})(?P<lounit>{_UNIT})? )?до (?P<hi>{_NUM})(?P<hiunit>{_UNIT})"
    rf"| (?:на срок|сроком на) (?P<fix>{_NUM})(?P<fixunit>{_UNIT})"
    # CC 238(2), 239, 250(2): "на срок от пяти лет до установления запрета занимать должность … пожизненно":
    # a ban from five years up to a lifelong one
    rf"| на срок от (?P<lifefrom>{_NUM})(?P<lifefromunit>{_UNIT}) до установления запрета [^.]+? пожизненно)?$"
)
_CONFISCATION = re.compile(r"^с конфискацией имущества$")
_EXPULSION = re.compile(
    rf"^с выдворением за пределы республики казахстан иностранца или лица без гражданства"
    rf"(?: (?:сроком на|на срок) (?P<fix>{_NUM})(?P<fixunit>{_UNIT})| на срок до (?P<hi>{_NUM})(?P<hiunit>{_UNIT}))?$"
)
_CITIZENSHIP = re.compile(r"^с лишением гражданства республики казахстан$")
_TITLE = re.compile(r"^с лишением (?:специального, воинского или почетного звания|[а-я, ]*звани[яй])[а-я, ]*$")


def _additional_item(text: str, phrase: str) -> Item:
    optional = _OPTIONAL.search(phrase)
    core = phrase[: optional.start()] if optional else phrase
    mandatory = optional is None
    try:
        if m := _RIGHT.match(core):
            if m["life"]:
                return Item("deprivation_of_right", mandatory=mandatory, lifelong=True)
            if m["lifefrom"]:
                least = _measure(m["lifefrom"], m["lifefromunit"], "month")
                return Item("deprivation_of_right", least, None, mandatory=mandatory, lifelong=True)
            if m["fix"]:
                amount = _measure(m["fix"], m["fixunit"], "month")
                return Item("deprivation_of_right", amount, amount, mandatory=mandatory)
            if m["hi"] is None:
                # "с лишением права занимать определенные должности" and no term (CC 156(2) of 2015): the
                # sanction sets none, so the General Part's limits apply (art. 50(2))
                return Item("deprivation_of_right", mandatory=mandatory)
            high = _measure(m["hi"], m["hiunit"], "month")
            low = _measure(m["lo"], m["lounit"] or m["hiunit"], "month") if m["lo"] else None
            return Item("deprivation_of_right", low, high, mandatory=mandatory)
        if _CONFISCATION.match(core):
            return Item("confiscation", mandatory=mandatory)
        if m := _EXPULSION.match(core):
            if m["fix"]:
                amount = _measure(m["fix"], m["fixunit"], "month")
                return Item("expulsion", amount, amount, mandatory=mandatory)
            if m["hi"]:
                return Item("expulsion", None, _measure(m["hi"], m["hiunit"], "month"), mandatory=mandatory)
            return Item("expulsion", mandatory=mandatory)
        if _CITIZENSHIP.match(core):
            return Item("deprivation_of_citizenship", mandatory=mandatory)
        if _TITLE.match(core):
            return Item("deprivation_of_title", mandatory=mandatory)
    except SanctionTextError:
        raise
    except ValueError as error:
        raise SanctionTextError(text, phrase, f"unknown word {error}") from None
    raise SanctionTextError(text, phrase, "not an additional punishment the reader knows")


# ------------------------------------------------------------------ back to TOML


def _item_table(item: Item) -> dict:
    table: dict = {"kind": item.kind}
    if item.min is not None and item.min == item.max:
        table["amount"] = _measure_text(item.min)
    else:
        if item.min is not None:
            table["min"] = _measure_text(item.min)
        if item.max is not None:
            table["max"] = _measure_text(item.max)
    if item.lifelong:
        table["lifelong"] = True
    if item.base:
        table["base"] = item.base
    if item.floor is not None:
        table["floor"] = _measure_text(item.floor)
    if item.ceiling is not None:
        table["ceiling"] = _measure_text(item.ceiling)
    if item.per:
        table["per"] = item.per
    if item.mandatory is not None:
        table["mandatory"] = item.mandatory
    if item.note:
        table["note"] = item.note
    return table


def _measure_text(measure: Measure) -> str:
    value = measure.value
    if measure.unit == "month" and value % 12 == 0:
        return f"{_plain(value / 12)} year"
    return f"{_plain(value)} {measure.unit}"


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral_value() else str(value)


# ------------------------------------------------------------------ shared with the Administrative Code reader

#: a number written out in words ("двухсот сорока ", "двух тысяч ")
NUMBER = _NUM
#: a term unit after a number ("лет", "суток", "часов", …)
TERM_UNIT = _UNIT
#: "месячных расчетных показателей"
MCI_WORDS = _MCI
#: a one-word multiple ("двукратной", "пятидесятикратного")
MULTIPLE = _MULTIPLE
spelled_measure = _measure
multiple_of = _multiple
item_table = _item_table
