"""Reading an official Russian sanction sentence of the Administrative Code into its sanctions.

`read_ac_sanction("влечет штраф на физических лиц в размере двадцати, на должностных лиц – в размере
тридцати … месячных расчетных показателей.")` returns one `Sanction` per group of offenders the
sentence names, as `statutes/` encodes them. The Code's drafting:

- the sentence starts at "влечет" / "влекут"; main alternatives are joined by "либо" / "или"
  ("предупреждение или штраф …");
- amounts differ by offender: "на физических лиц в размере …, на должностных лиц – в размере …, на
  субъектов малого предпринимательства или некоммерческие организации – …, на субъектов среднего
  предпринимательства – …, на субъектов крупного предпринимательства – … месячных расчетных
  показателей"; the unit is written once, at the end, and covers every amount before it;
- a sentence that names no offender sets the sanction of whoever the article's disposition names:
  its offender is `unnamed` (the data says what the text says, no more);
- additional punishments ("с конфискацией …", "с лишением права управления транспортными средствами
  сроком на …", "с приостановлением деятельности …") inside an offender's segment are that offender's;
  after the last segment they apply to every offender of the sentence.

An unknown phrase raises `SanctionTextError` naming it.
"""

from __future__ import annotations

import re

import attrs

from ..errors import SanctionTextError
from ..law.provisions import OFFENDERS, Item, Sanction
from ..law.quantities import parse_measure
from .reader import MCI_WORDS, MULTIPLE, NUMBER, TERM_UNIT, item_table, multiple_of, normalise, spelled_measure

_START = re.compile(r"\bвлеч(?:ет|ут)\b\s*|\bвлекут\b\s*")

# who a segment names, longest phrases first
_OFFENDERS = (
    ("должностных лиц, субъектов малого предпринимательства или некоммерческие организации", ("official", "small_business")),
    ("должностных лиц, субъектов малого предпринимательства, некоммерческие организации", ("official", "small_business")),
    ("субъектов малого предпринимательства или некоммерческие организации", ("small_business",)),
    ("субъектов малого предпринимательства, некоммерческие организации", ("small_business",)),
    ("субъектов малого предпринимательства", ("small_business",)),
    ("субъектов среднего предпринимательства", ("medium_business",)),
    ("субъектов крупного предпринимательства", ("large_business",)),
    ("субъектов малого или среднего предпринимательства или некоммерческие организации", ("small_business", "medium_business")),
    ("физических и должностных лиц", ("individual", "official")),
    ("физических и юридических лиц", ("individual", "legal_entity")),
    ("физических лиц", ("individual",)),
    ("физическое лицо", ("individual",)),
    ("юридическое лицо", ("legal_entity",)),
    ("должностных лиц", ("official",)),
    ("должностное лицо", ("official",)),
    ("индивидуальных предпринимателей", ("individual_entrepreneur",)),
    ("юридических лиц", ("legal_entity",)),
)
_OFFENDER_WORDS = "|".join(re.escape(p) for p, _ in _OFFENDERS)
# a new segment: ", на должностных лиц – в размере" (the first one has no comma)
_SEGMENT = re.compile(rf"(?:^|,\s+|\s+)на ((?:(?:{_OFFENDER_WORDS})(?:,\s+на\s+|,\s+)?)+)\s*(?:[–—-]\s*)?")
_ALTERNATIVE = re.compile(r",?\s+либо\s+|\s+или\s+(?=штраф|административн|арест|предупреждени|лишени|выдворени|общественн|привлечени|приостановлени)")
_ADDITIONAL = re.compile(r",?\s+(?=с конфискаци|с лишением|с приостановлени|с запрещени|с выдворени|с административным выдворени)")


@attrs.frozen
class ACReading:
    """What an AC sanction sentence says: one sanction per group of offenders it names."""

    sanctions: tuple[Sanction, ...]
    cases: tuple = ()

    def for_item(self, item: str | None) -> ACReading:
        return self

    def sanction_tables(self) -> list[dict]:
        out = []
        for s in self.sanctions:
            table: dict = {"offender": s.offenders[0] if len(s.offenders) == 1 else list(s.offenders),
                           "main": [item_table(i) for i in s.main]}
            if s.additional:
                table["additional"] = [item_table(i) for i in s.additional]
            out.append(table)
        return out


def read_ac_reading(text: str) -> ACReading:
    """`read_ac_sanction` as a reading the article builder uses."""
    return ACReading(read_ac_sanction(text))


def read_ac_sanction(text: str) -> tuple[Sanction, ...]:
    """The sanctions of an official AC sanction sentence; `SanctionTextError` for an unknown phrase."""
    clean = normalise(text)
    match = _START.search(clean)
    if match is None:
        raise SanctionTextError(text, clean[:60], "no 'влечет' / 'влекут' in the text")
    sentence = clean[match.end():]
    sentence, trailing = _split_trailing_additional(text, sentence)
    segments = _segments(text, sentence)
    unit_at_end = bool(re.search(rf"(?:{MCI_WORDS}|расчетных показателей)(?:\s|,|$)", segments[-1][1])) if segments else False
    named = [o for offenders, _ in segments for o in offenders]
    twice = sorted({o for o in named if named.count(o) > 1})
    if twice:
        raise SanctionTextError(text, ", ".join(twice), "an offender category named twice in one sentence")
    out = []
    for offenders, body in segments:
        main, own_additional = _main_items(text, body, unit_at_end)
        out.append(Sanction(offenders, tuple(main), tuple(own_additional) + tuple(trailing)))
    return tuple(out)


def _split_trailing_additional(text: str, sentence: str) -> tuple[str, list[Item]]:
    """The additional punishments after the last amount of the sentence, which bind every offender."""
    segments = list(_SEGMENT.finditer(sentence))
    if len(segments) < 2:
        return sentence, []  # one offender group: its additional punishments are its own
    last_segment = segments[-1].start()
    tail_match = None
    for m in _ADDITIONAL.finditer(sentence):
        if m.start() > last_segment:
            tail_match = m
            break
    # "…в размере двухсот месячных расчетных показателей, с конфискацией…": after a comma, it binds
    # every offender; without one ("…ста месячных расчетных показателей с приостановлением…") it is
    # the last group's own
    if tail_match is None:
        return sentence, []
    head, tail = sentence[:tail_match.start()], sentence[tail_match.end():]
    return head, [item for piece in re.split(r",\s+(?=с )", tail) for item in _additional_list(text, piece.strip(" ,"))]


_PENALTY_BEFORE_NEXT = re.compile(r"(?:^|,\s*)(штраф|предупреждение|административный арест)$")


def _segments(text: str, sentence: str) -> list[tuple[tuple[str, ...], str]]:
    """[(offenders, the words of their sanction)]; one `unnamed` segment when none is named.

    The penalty word stands before the offender it concerns ("предупреждение на физических лиц,
    штраф на должностных лиц … в размере десяти"); a segment of amounts alone ("на должностных лиц –
    в размере тридцати") continues the fine of the segment before it.
    """
    found = list(_SEGMENT.finditer(sentence))
    if not found:
        return [(("unnamed",), sentence)]
    carry = sentence[:found[0].start()].strip(" ,")  # "штраф" before "на физических лиц"
    out = []
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(sentence)
        names = m.group(1)
        offenders: list[str] = []
        for phrase, groups in _OFFENDERS:
            if phrase in names:
                offenders.extend(g for g in groups if g not in offenders)
                names = names.replace(phrase, " ")
        if names.replace(",", " ").replace("на", " ").strip():
            raise SanctionTextError(text, m.group(1), "an offender category the reader does not know")
        body = sentence[m.end():end].strip(" ,")
        following = _PENALTY_BEFORE_NEXT.search(body)
        next_carry: str | None = None
        if following and i + 1 < len(found):
            next_carry, body = following.group(1), body[:following.start()].strip(" ,")
        if carry:
            body = f"{carry} {body}".strip()
        elif body.startswith("в размере"):
            body = f"штраф {body}"
        else:
            raise SanctionTextError(text, body[:60] or m.group(0), "an offender segment the reader does not know")
        carry = next_carry or ""
        out.append((tuple(sorted(offenders, key=OFFENDERS.index)), body))
    return out


_FINE = re.compile(rf"^(?:штраф[а-я]* )?в размере (?:(?:от (?P<lo>{NUMBER}))?до (?P<hi>{NUMBER})|(?P<fix>{NUMBER}))\s*(?P<unit>{MCI_WORDS}|расчетных показателей)?$")
_FINE_MULTIPLE = re.compile(rf"^(?:штраф[а-я]* )?в размере (?P<fix>{MULTIPLE}) (?P<base>.+)$")
_FINE_PERCENT = re.compile(rf"^(?:штраф[а-я]* )?в размере (?P<fix>{NUMBER})процентов (?P<base>.+)$")
_ARREST = re.compile(rf"^(?:административный )?арест(?: на срок| сроком| на)? (?:(?:от (?P<lo>{NUMBER}))?до (?P<hi>{NUMBER})|(?P<fix>{NUMBER}))суток$")
_LICENCE_RIGHT = re.compile(rf"^лишени[ея] права управления (?:транспортными средствами|транспортным средством) (?:сроком на|на срок) (?:(?:от (?P<lo>{NUMBER})(?P<lounit>{TERM_UNIT})? )?до (?P<hi>{NUMBER})|(?P<fix>{NUMBER}))(?P<unit>{TERM_UNIT})$")
_PUBLIC_WORKS = re.compile(rf"^(?:привлечение к )?общественн(?:ые|ым) работ(?:ы|ам) на срок (?:(?:от (?P<lo>{NUMBER}))?до (?P<hi>{NUMBER})|(?P<fix>{NUMBER}))часов$")
_MAIN_SUSPENSION = re.compile(rf"^приостановление деятельности[а-я ,()]*? (?:сроком на|на срок) (?:(?:от (?P<lo>{NUMBER})(?P<lounit>{TERM_UNIT})? )?до (?P<hi>{NUMBER})|(?P<fix>{NUMBER}))(?P<unit>{TERM_UNIT})$")
_BASES = {
    "суммы не уплаченного налога": "unpaid_tax",
    "суммы неуплаченного налога": "unpaid_tax",
}


def _main_items(text: str, body: str, unit_at_end: bool) -> tuple[list[Item], list[Item]]:
    # alternatives first, then each one's additional penalties ("штраф … с конфискацией …, или
    # административный арест …"): an additional phrase never swallows the alternatives after it
    items, joined, extra = [], [], []
    for whole in _ALTERNATIVE.split(body):
        alt, *more = _ADDITIONAL.split(whole)
        extra.extend(more)
        # "административный арест на пятнадцать суток и лишение права управления транспортным средством
        # сроком на семь лет": both are imposed; the second is encoded as a mandatory additional penalty
        first, *together = re.split(r"\s+и\s+(?=лишени[ея] права управления)", alt.strip(" ,"))
        items.append(_main(text, first, unit_at_end))
        for phrase in together:
            m = _LICENCE_RIGHT.match(phrase)
            if m is None:
                raise SanctionTextError(text, phrase, "not a penalty the reader knows")
            joined.append(_term_item("deprivation_of_special_right", m, True))
    return items, joined + [item for e in extra for item in _additional_list(text, e.strip(" ,"))]


def _additional_list(text: str, phrase: str) -> list[Item]:
    """"с конфискацией … и запрещением деятельности …": two additional punishments."""
    first, *more = re.split(r"\s+и\s+(?=запрещени|приостановлени|лишени|конфискаци|выдворени|административн[а-я]+ выдворени)", phrase)
    return [_additional(text, first)] + [_additional(text, "с " + m) for m in more]


def _main(text: str, phrase: str, unit_at_end: bool) -> Item:
    try:
        if phrase in ("предупреждение", "предупреждения"):
            return Item("warning")
        if m := _FINE.match(phrase):
            if not m["unit"] and not unit_at_end:
                raise SanctionTextError(text, phrase, "an amount without its unit")
            if m["fix"]:
                amount = spelled_measure(m["fix"], "MCI", "money")
                return Item("fine", amount, amount)
            low = spelled_measure(m["lo"], "MCI", "money") if m["lo"] else None
            return Item("fine", low, spelled_measure(m["hi"], "MCI", "money"))
        if m := _FINE_MULTIPLE.match(phrase):
            base = _BASES.get(m["base"])
            if base is None:
                raise SanctionTextError(text, phrase, "a multiple of a base the reader does not know")
            amount = parse_measure(f"{multiple_of(m['fix'])} base", "money")
            return Item("fine", amount, amount, base=base)
        if m := _ARREST.match(phrase):
            if m["fix"]:
                amount = spelled_measure(m["fix"], "суток", "day")
                return Item("arrest", amount, amount)
            low = spelled_measure(m["lo"], "суток", "day") if m["lo"] else None
            return Item("arrest", low, spelled_measure(m["hi"], "суток", "day"))
        if phrase in ("административное выдворение за пределы республики казахстан",
                      "выдворение за пределы республики казахстан"):
            return Item("expulsion")
        if m := _LICENCE_RIGHT.match(phrase):
            return _term_item("deprivation_of_special_right", m, None)
        if phrase in ("лишение лицензии", "лишение лицензии на занятие определенным видом деятельности"):
            return Item("deprivation_of_licence")
        if phrase in ("приостановление действия лицензии", "приостановление деятельности"):
            return Item("suspension_of_activity")
        if m := _MAIN_SUSPENSION.match(phrase):
            return _term_item("suspension_of_activity", m, None)
        if m := _PUBLIC_WORKS.match(phrase):
            if m["fix"]:
                amount = spelled_measure(m["fix"], "часов", "hour")
                return Item("public_works", amount, amount)
            return Item("public_works", spelled_measure(m["lo"], "часов", "hour") if m["lo"] else None,
                        spelled_measure(m["hi"], "часов", "hour"))
    except SanctionTextError:
        raise
    except ValueError as error:
        raise SanctionTextError(text, phrase, f"unknown word {error}") from None
    raise SanctionTextError(text, phrase, "not a main penalty the reader knows")


def _term_item(kind: str, m, mandatory) -> Item:
    unit = m["unit"]
    if m["fix"]:
        amount = spelled_measure(m["fix"], unit, "month")
        return Item(kind, amount, amount, mandatory=mandatory)
    low = spelled_measure(m["lo"], m["lounit"] or unit, "month") if m["lo"] else None
    return Item(kind, low, spelled_measure(m["hi"], unit, "month"), mandatory=mandatory)


_OPTIONAL = re.compile(r"\s+или без так(?:ового|овой|овых)$")
_SUSPENSION = re.compile(rf"^с приостановлением (?:деятельности|действия)[а-я ,()]*? (?:на срок|сроком на|на) (?:(?:от (?P<lo>{NUMBER})(?P<lounit>{TERM_UNIT})? )?до (?P<hi>{NUMBER})|(?P<fix>{NUMBER}))(?P<unit>{TERM_UNIT})$")
_RIGHT_AFTER = re.compile(rf"^с лишением права управления (?:транспортными средствами|транспортным средством) (?:сроком на|на срок) (?:(?:от (?P<lo>{NUMBER})(?P<lounit>{TERM_UNIT})? )?до (?P<hi>{NUMBER})|(?P<fix>{NUMBER}))(?P<unit>{TERM_UNIT})$")


def _additional(text: str, phrase: str) -> Item:
    optional = _OPTIONAL.search(phrase)
    core = phrase[:optional.start()] if optional else phrase
    mandatory = optional is None
    try:
        if core.startswith("с конфискацией"):  # what is confiscated is described, not counted
            return Item("confiscation", mandatory=mandatory)
        if m := _RIGHT_AFTER.match(core):
            return _term_item("deprivation_of_special_right", m, mandatory)
        if m := _SUSPENSION.match(core):
            return _term_item("suspension_of_activity", m, mandatory)
        # the remaining forms carry no term: a phrase with a number in it is not one of them
        counted = re.search(rf"(?:^|\s)(?:{NUMBER})|\d", core)
        if core.startswith("с приостановлением") and not counted:
            return Item("suspension_of_activity", mandatory=mandatory)
        if core.startswith(("с запрещением деятельности", "с запрещением осуществления")) and not counted:
            return Item("prohibition_of_activity", mandatory=mandatory)
        if core.startswith(("с выдворением за пределы республики казахстан",
                            "с административным выдворением за пределы республики казахстан")):
            return Item("expulsion", mandatory=mandatory)
        if core.startswith(("с лишением лицензии", "с лишением специального разрешения")) and not counted:
            return Item("deprivation_of_licence", mandatory=mandatory)
    except ValueError as error:
        raise SanctionTextError(text, phrase, f"unknown word {error}") from None
    raise SanctionTextError(text, phrase, "not an additional penalty the reader knows")
