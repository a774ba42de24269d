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

# who a segment names: each phrase, longest first; a segment lists several of them joined by ", ",
# ", на ", " и ", " или " or ", а также " ("на должностных лиц, нотариусов и адвокатов, субъектов
# малого предпринимательства или некоммерческие организации – в размере …")
_OFFENDERS = (
    ("субъектов малого или среднего предпринимательства", ("small_business", "medium_business")),
    ("субъектов малого предпринимательства", ("small_business",)),
    ("субъектов среднего предпринимательства", ("medium_business",)),
    ("субъекты среднего предпринимательства", ("medium_business",)),
    ("субъектов крупного предпринимательства", ("large_business",)),
    ("субъектов среднего и крупного предпринимательства", ("medium_business", "large_business")),
    ("некоммерческие организации", ("non_commercial_organisation",)),
    ("некоммерческих организаций", ("non_commercial_organisation",)),
    ("некоммерческую организацию", ("non_commercial_organisation",)),
    ("физических и должностных лиц", ("individual", "official")),
    ("физических или должностных лиц", ("individual", "official")),
    ("физических и юридических лиц", ("individual", "legal_entity")),
    ("физических лиц", ("individual",)),
    ("физическое лицо", ("individual",)),
    ("юридическое лицо", ("legal_entity",)),
    ("юридических лиц", ("legal_entity",)),
    ("юридические лица", ("legal_entity",)),
    ("должностных лиц", ("official",)),
    ("должностное лицо", ("official",)),
    ("индивидуальных предпринимателей", ("individual_entrepreneur",)),
    ("частных нотариусов", ("notary",)),
    ("нотариусов", ("notary",)),
    ("частных судебных исполнителей", ("bailiff",)),
    ("адвокатов", ("lawyer",)),
    ("профессиональных медиаторов", ("mediator",)),
    ("юридических консультантов", ("legal_consultant",)),
    ("филиалы банков – нерезидентов республики казахстан", ("nonresident_bank_branch",)),
    ("филиалы банков-нерезидентов республики казахстан", ("nonresident_bank_branch",)),
    ("филиалы банка-нерезидента республики казахстан", ("nonresident_bank_branch",)),
    (
        "филиалы страховых (перестраховочных) организаций – нерезидентов республики казахстан",
        ("nonresident_insurer_branch",),
    ),
    (
        "филиал страховой (перестраховочной) организации-нерезидента республики казахстан",
        ("nonresident_insurer_branch",),
    ),
    ("филиалы страховых брокеров – нерезидентов республики казахстан", ("nonresident_broker_branch",)),
    ("филиалы страховой организации – нерезидента республики казахстан", ("nonresident_insurer_branch",)),
    (
        "филиалы страховых (перестраховочных) организаций-нерезидентов республики казахстан",
        ("nonresident_insurer_branch",),
    ),
    ("филиалы страховых брокеров-нерезидентов республики казахстан", ("nonresident_broker_branch",)),
    # persons a few sanctions fine by name (penalties.law.provisions.Offender): their own categories
    ("родителей или лиц, их заменяющих", ("parent_or_guardian",)),
    ("законных представителей", ("legal_representative",)),
    ("водителей автотранспортных средств", ("driver",)),
    ("водителя", ("driver",)),
    ("командира воздушного судна", ("aircraft_commander",)),
    ("первых руководителей", ("first_head",)),
    ("должностных лиц – первых руководителей", ("first_head",)),  # officials who are first heads, no other
    ("аудиторов", ("auditor",)),
    ("аудиторскую организацию", ("audit_organisation",)),
    ("аудиторские организации", ("audit_organisation",)),
    ("экспертную организацию", ("expert_organisation",)),
    ("экспертные организации", ("expert_organisation",)),
    ("местных исполнительных органов", ("local_executive_body",)),
    ("кандидата в депутаты или на иную выборную должность", ("candidate",)),
    ("кандидата", ("candidate",)),
    ("лицо, избранное депутатом или на иную выборную должность", ("elected_person",)),
    # AC 266: the legal entity that made the payment; "на лиц, осуществлявших платеж" (since 2026) names
    # whoever made it, which is the disposition's person: no category of its own (unnamed)
    ("юридическое лицо, осуществившее платеж", ("legal_entity",)),
    ("лиц, осуществлявших платеж", ("unnamed",)),
    # more persons and bodies named by the Code's own words (penalties.law.provisions.Offender)
    ("лиц, уполномоченных на ведение переговоров", ("negotiation_representative",)),
    ("лиц, уполномоченных заключить коллективный договор, соглашение", ("agreement_representative",)),
    # "на лиц, виновных в …": whoever committed the offence, as a sentence naming no one
    ("лиц, виновных в невыполнении обязательств по коллективному договору, соглашению", ("unnamed",)),
    ("лиц, виновных в непредоставлении информации", ("unnamed",)),
    (
        "первых руководителей соответствующего юридического лица – заемщика по займу, имеющего государственную гарантию, "
        "их заместителей либо лиц, их заменяющих, на которых соответствующими приказами возложено исполнение обязанностей",
        ("borrower_head",),
    ),
    (
        "филиалы и представительства юридических лиц-нерезидентов, действующих на территории республики казахстан более "
        "одного года",
        ("nonresident_branch_or_office",),
    ),
    ("крупных налогоплательщиков, подлежащих мониторингу", ("monitored_taxpayer",)),
    ("налогоплательщиков, подлежащих налоговому мониторингу", ("monitored_taxpayer",)),
    ("оператора фискальных данных", ("fiscal_data_operator",)),
    (
        "должностных лиц или первых руководителей энергопроизводящей, энергопередающей организаций и субъекта "
        "теплоснабжения",
        ("energy_organisation_official",),
    ),
    ("должностное лицо энергопередающей организации", ("energy_transmission_official",)),
    ("должностных лиц местных исполнительных органов", ("local_executive_official",)),
    ("первого руководителя оператора расширенных обязательств производителей (импортеров)", ("epr_operator_head",)),
    (
        "экспертов-аудиторов по определению страны происхождения товара, статуса товара таможенного союза или "
        "иностранного товара",
        ("origin_expert_auditor",),
    ),
    ("организацию, уполномоченную на выдачу сертификата о происхождении товара", ("origin_certificate_organisation",)),
    (
        "организацию, уполномоченную на выдачу сертификата",
        ("origin_certificate_organisation",),
    ),  # AC 417(4), (6) of 2017
    (
        "органы (организации), уполномоченные на выдачу сертификата о происхождении товара для внутреннего обращения, "
        "заключения форм товара таможенного союза или иностранного товара",
        ("internal_origin_certificate_body",),
    ),
    ("граждан республики казахстан", ("kazakh_citizen",)),
    ("иностранцев и лиц без гражданства", ("foreigner_or_stateless_person",)),
    ("иностранных граждан и лиц без гражданства", ("foreigner_or_stateless_person",)),
    # AC 642: officials and first heads "организаций, учебных заведений" (any organisation: the general
    # categories); the officials of housing operators and householders are named on their own
    ("должностных лиц организаций, учебных заведений", ("official",)),
    ("первых руководителей организаций, учебных заведений", ("first_head",)),
    ("должностных лиц организаций, осуществляющих эксплуатацию жилых домов", ("housing_operator_official",)),
    ("домовладельцев", ("homeowner",)),
    ("военнообязанных", ("reservist",)),
    ("призывников", ("conscript",)),
    ("руководителей этих организаций", ("head_of_these_organisations",)),
    ("аттестованных лиц", ("attested_person",)),
    # "субъектов предпринимательства": every size of business (Entrepreneurial Code art. 24)
    ("субъектов предпринимательства", ("small_business", "medium_business", "large_business")),
)
# words naming offenders the reader does not read, with the reason (a precise left-out reason)
_UNREAD = (
    (
        re.compile(r"юридических лиц, являющихся субъектами крупного предпринимательства"),
        "names 'субъектов крупного предпринимательства' and 'юридических лиц, являющихся субъектами крупного "
        "предпринимательства' with different amounts: a legal entity of large business is in both groups, the text "
        "does not say which amount is its",
    ),
    (
        re.compile(r"(?<![а-я])коммерческие организации"),
        "'коммерческие организации' where the same sentence form elsewhere writes 'некоммерческие организации': "
        "likely a typo, not certain",
    ),
    (
        re.compile(r"^штраф при превышении"),
        "amounts by the degree of the excess ('при превышении … до пяти тонн', '… от пяти до десяти тонн'): the data "
        "model holds one sanction per offender",
    ),
    (
        re.compile(
            r"на субъектов среднего предпринимательства – в размере двадцати пяти, на субъектов среднего "
            r"предпринимательства"
        ),
        "names 'субъектов среднего предпринимательства' twice, with two amounts, and no small business (AC 404(4) "
        "of 11.07.2017): 'малого' for the first is likely, not certain",
    ),
    (
        re.compile(r"на должностных лиц субъектов малого предпринимательства или некоммерческие организации в размере"),
        "'на должностных лиц субъектов малого предпринимательства или некоммерческие организации' without a comma "
        "after 'лиц' nor a dash before the amount: officials of small businesses, or officials and small businesses, "
        "is not certain",
    ),
)
_OFFENDER_WORDS = "|".join(re.escape(p) for p, _ in sorted(_OFFENDERS, key=lambda o: -len(o[0])))
_GROUPS = dict(_OFFENDERS)
_JOIN = r"(?:,\s+на\s+|,\s+а также\s+|,\s+и\s+|,\s+|\s+и\s+|\s+или\s+)"
_NAMES = rf"(?:{_OFFENDER_WORDS})(?:{_JOIN}(?:{_OFFENDER_WORDS}))*"
# a new segment: ", на должностных лиц – в размере" (the first one has no comma); a few sentences
# drop the "на" ("штраф физических лиц в размере двадцати, должностных лиц – в размере тридцати"):
# without it, the names must be followed by their amount, or end a warning ("предупреждение местных
# исполнительных органов")
_SEGMENT = re.compile(
    rf"(?:^|,\s+(?:а\s+)?|\s+)(?:(?:на|для) (?P<names>{_NAMES}),?\s*(?:[–—-]\s*)?"
    rf"|(?P<bare>{_NAMES}),?\s*(?:[–—-]\s*)?(?=в размере)|(?<=предупреждение )(?P<warned>{_NAMES})$)"
)
# "с приостановлением действия либо лишением свидетельства": an additional punishment's choice (instrumental), not a main one
_ALTERNATIVE = re.compile(
    r",?\s+либо\s+(?!без так|предмет|недостоверно|лишением|приостановлением|запрещением)|\s+или\s+(?=штраф|административн|арест|предупреждени|лишени|выдворени|общественн|привлечени|приостановлени)"
)
_ADDITIONAL = re.compile(
    r",?\s+(?=с конфискаци|с лишением|с приостановлени|с запрещени|с выдворени|с административным выдворени"
    r"|с исключением|с приостановкой|с принудительным сносом)"
)  # the last three: not read (their error names them)


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
            table: dict = {
                "offender": s.offenders[0] if len(s.offenders) == 1 else list(s.offenders),
                "main": [item_table(i) for i in s.main],
            }
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
    sentence = clean[match.end() :]
    for words, reason in _UNREAD:
        if found := words.search(sentence):
            raise SanctionTextError(text, found.group(0), reason)
    if by_offender := _BOUND_BY_OFFENDER.search(sentence):
        raise SanctionTextError(
            text,
            by_offender.group(0),
            "a bound in MCI that differs by offender category, for "
            "offenders the sentence names otherwise (which bound applies to whom is not read)",
        )
    # "влечет лишение квалификационного свидетельства физического лица, штраф на должностных лиц …" (AC 604(2)):
    # the individual's punishment, named by the genitive before the other offenders' segments
    own: list[Sanction] = []
    if lead := _LEADING_INDIVIDUAL.match(sentence):
        own.append(Sanction(("individual",), (_main(text, lead["what"], None),)))
        sentence = sentence[lead.end() :]
    sentence, trailing = _split_trailing_additional(text, sentence)
    segments = _segments(text, sentence)
    units = _units_after(segments)
    named = [o for offenders, _ in segments for o in offenders]
    named += [o for sanction in own for o in sanction.offenders]
    twice = sorted({o for o in named if named.count(o) > 1})
    if twice:
        raise SanctionTextError(text, ", ".join(twice), "an offender category named twice in one sentence")
    out = list(own)
    for (offenders, body), unit_after in zip(segments, units, strict=True):
        main, own_additional = _main_items(text, body, unit_after)
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
    # "на граждан республики казахстан в размере ста …, на иностранцев и лиц без гражданства – в размере ста
    # месячных расчетных показателей с административным выдворением …" (AC 490(3)): no comma, and the
    # expulsion is the foreigners' own (AC art. 51 expels foreigners and stateless persons only)
    last_names = segments[-1]["names"] or segments[-1]["bare"] or ""
    if not tail_match.group(0).startswith(",") and any(
        "foreigner_or_stateless_person" in _GROUPS[p] for p in re.findall(_OFFENDER_WORDS, last_names)
    ):
        return sentence, []
    head, tail = sentence[: tail_match.start()], sentence[tail_match.end() :]
    # "… на срок до трех лет с конфискацией доходов …" (AC 450(2)): a second additional punishment without a comma
    return head, [
        item
        for piece in re.split(r",\s+(?=с )|\s+(?=с конфискаци)", tail)
        for item in _additional_list(text, piece.strip(" ,"))
    ]


# AC 220(1) since 2026: "…, но не более ста месячных расчетных показателей на субъектов среднего
# предпринимательства и двухсот … на субъектов крупного предпринимательства, филиалы банков – …" after
# "штраф на юридических лиц, филиалы банков – нерезидентов …"
_BOUND_BY_OFFENDER = re.compile(rf"но не (?:менее|более) (?:{NUMBER})(?:{MCI_WORDS}) на [а-я ]+")
_LEADING_INDIVIDUAL = re.compile(r"^(?P<what>лишение квалификационного свидетельства) физического лица,\s+(?=штраф )")
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
    carry = sentence[: found[0].start()].strip(" ,")  # "штраф" before "на физических лиц"
    out = []
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(sentence)
        names = m["names"] or m["bare"] or m["warned"]
        offenders: list[str] = []
        for phrase in re.findall(_OFFENDER_WORDS, names):
            offenders.extend(g for g in _GROUPS[phrase] if g not in offenders)
        if (
            re.sub(_OFFENDER_WORDS, "", names)
            .replace(",", " ")
            .replace(" на ", " ")
            .replace(" и ", " ")
            .replace(" или ", " ")
            .replace("а также", " ")
            .strip()
        ):
            raise SanctionTextError(text, names, "an offender category the reader does not know")
        body = sentence[m.end() : end].strip(" ,")
        following = _PENALTY_BEFORE_NEXT.search(body)
        next_carry: str | None = None
        if following and i + 1 < len(found):
            next_carry, body = following.group(1), body[: following.start()].strip(" ,")
        if carry:
            body = f"{carry} {body}".strip()
        elif body.startswith("в размере"):
            body = f"штраф {body}"
        elif body.startswith("штраф в размере"):  # "…, на субъектов малого предпринимательства штраф в размере …"
            pass
        elif i > 0 and body.startswith(("предупреждение", "лишение ")):  # "…, а на призывников – предупреждение либо …"
            pass
        else:
            raise SanctionTextError(text, body[:60] or m.group(0), "an offender segment the reader does not know")
        carry = next_carry or ""
        out.append(
            (
                ("unnamed",)
                if offenders == ["unnamed"]
                else tuple(sorted(offenders, key=lambda o: OFFENDERS.index(o) if o in OFFENDERS else -1)),
                body,
            )
        )
    return out


# the words naming what is suspended ("действия лицензии на …"): never a term, nor a second penalty
_WHAT = r"(?:(?! на срок | сроком | на \S+ (?:суток|месяц|лет|год)| либо | или приостановлени| или запрещени| или лишени)[а-я ,()-])*?"
_AMOUNT = rf"в размере (?:(?:от (?P<lo>{NUMBER}))?до (?P<hi>{NUMBER})|(?P<fix>{NUMBER}))"
_FINE = re.compile(rf"^(?:штраф[а-я]* )?{_AMOUNT}\s*(?P<unit>.*)$")
_MCI_UNIT = re.compile(rf"^(?:{MCI_WORDS}|расчетных показателей)$")
_PERCENT_UNIT = re.compile(r"^процент(?:ов|а)(?: от)?(?: (?P<base>.+))?$")
_FINE_MULTIPLE = re.compile(rf"^(?:штраф[а-я]* )?в размере (?P<fix>{MULTIPLE}) (?P<base>.+)$")
_FINE_BASE = re.compile(r"^(?:штраф[а-я]* )?в размере (?P<base>суммы .+)$")
_ARREST = re.compile(
    rf"^(?:административный )?арест(?: на срок| сроком на| сроком| на)? (?:(?:от (?P<lo>{NUMBER}))?до (?P<hi>{NUMBER})|(?P<fix>{NUMBER}))суток$"
)
_LICENCE_RIGHT = re.compile(
    rf"^лишени[ея] права (?:на )?управления (?:транспортными средствами|транспортным средством) (?:сроком на|на срок) (?:(?:от (?P<lo>{NUMBER})(?P<lounit>{TERM_UNIT})? )?до (?P<hi>{NUMBER})|(?P<fix>{NUMBER}))(?P<unit>{TERM_UNIT})$"
)
_SPECIAL_RIGHT = re.compile(
    rf"^лишени[ея] права (?:охоты|на управление транспортными средствами|управления маломерным судном|управления воздушным судном) (?:сроком на|на срок) (?:(?:от (?P<lo>{NUMBER})(?P<lounit>{TERM_UNIT})? )?до (?P<hi>{NUMBER})|(?P<fix>{NUMBER}))(?P<unit>{TERM_UNIT})$"
)
_RIGHT_AND_ARREST = re.compile(
    rf"^(?P<right>лишени[ея] права (?:на )?управлени[яе] транспортными средствами (?:сроком на|на срок) {NUMBER}{TERM_UNIT}) и (?P<arrest>административный арест .+)$"
)
_PUBLIC_WORKS = re.compile(
    rf"^(?:привлечение к )?общественн(?:ые|ым) работ(?:ы|ам) на срок (?:(?:от (?P<lo>{NUMBER}))?до (?P<hi>{NUMBER})|(?P<fix>{NUMBER}))часов$"
)
_MAIN_SUSPENSION = re.compile(
    rf"^приостановление (?:деятельности|действия|выпуска){_WHAT} (?:сроком на|на срок|сроком) (?:(?:от (?P<lo>{NUMBER})(?P<lounit>{TERM_UNIT})? )?до (?P<hi>{NUMBER})|(?P<fix>{NUMBER}))(?P<unit>{TERM_UNIT})$"
)
# what a percentage or multiple is of: the beginning of the Code's words, and the `base` name the data
# uses for it (the version's quote has the whole phrase); longest first
_BASES = {
    "суммы не уплаченного налога": "unpaid_tax",
    "суммы неуплаченного налога": "unpaid_tax",
    "дохода (выручки), полученного": "income_from_the_offence",
    "суммы дохода (выручки), полученного": "income_from_the_offence",
    "суммы налогов и других обязательных платежей, подлежащих уплате по сокрытому объекту": "tax_on_the_concealed_object",
    "суммы оборота за период непостановки на учет": "turnover_while_unregistered",
    "суммы облагаемого оборота за период непостановки на учет": "turnover_while_unregistered",
    "суммы неперечисленного или несвоевременно перечисленного налога": "tax_not_transferred",
    "суммы, не перечисленной по платежному поручению": "payment_order_not_executed",
    "суммы совершенных расходных операций по банковским счетам": "debits_on_the_accounts",
    "суммы экономической выгоды": "economic_benefit",
    "суммы сделок": "transactions",
    "суммы сделки": "transaction",
    "суммы причиненного ущерба": "damage",
    "суммы нанесенного окружающей среде вреда": "environmental_damage",
    "суммы превышения фактического налога": "excess_of_the_actual_tax",
    "суммы платежа": "payment",
    "суммы оплаты за электрическую энергию": "payment_for_electricity",
    "суммы неуплаченных таможенных платежей": "unpaid_customs_payments",
    "суммы налога на добавленную стоимость": "value_added_tax",
    "суммы денег, полученных от размещения эмиссионных ценных бумаг": "proceeds_of_securities",
    "сумм, полученных от потребителей и не использованных": "unused_investment_funds",
    "сумм, не использованных на реализацию инвестиционных": "unused_investment_funds",
    "суммы операции, проведенной с нарушением": "operation",
    "суммы незачисленной национальной": "currency_not_credited",
    "суммы начисленных налогов": "taxes_assessed",
    "суммы неудержанн": "tax_not_withheld",
    "неудержанной суммы налогов": "tax_not_withheld",
    "начисленной суммы налогов": "taxes_assessed",
    "заниженной суммы текущих платежей": "understated_current_payments",
    "суммы полученного дохода по операциям": "income_from_operations",
    "суммы произведенных расчетов": "settlements",
    "стоимости неучтенных товаров": "unrecorded_goods",
    "стоимости незаконно переданных минеральных и биологических ресурсов": "resources_transferred",
    "стоимости энергетических ресурсов": "energy_resources",
    "суммы договора на проведение аудита": "audit_contract",
    "суммы договора на проведе ние аудита": "audit_contract",  # AC 246(5) of 2026-07-12 reads so
    "суммы неуплаченных (неперечисленных)": "unpaid_contributions",
    "суммы неперечисленных": "contributions_not_transferred",
    "суммы неисполненного налогового обязательства": "unfulfilled_tax_obligation",
    "суммы неисполненного обязательства": "unfulfilled_obligation",
    "суммы страховых премий": "insurance_premiums",
    "суммы указания по платежу": "payment_instruction",
    "суммы денег": "money",
    "недекларированной": "undeclared_cash",
    # AC 328: a percentage of a fee rate "в отношении" the quantity over the limit: the base is the fee at
    # that rate on that quantity, in tenge
    "ставки платы за эмиссии в окружающую среду за превышенный объем эмиссий": "emission_fee_on_the_excess",
    "соответствующей ставки платы за негативное воздействие на окружающую среду в отношении превышенного количества": "impact_fee_on_the_excess",
    "ставки платы за захоронение отходов в отношении количества отходов, накопленных или захороненных сверх": "disposal_fee_on_the_excess",
    "ставки платы за захоронение отходов в отношении количества накопленных отходов": "disposal_fee_on_the_waste",
    "ставки платы в отношении массы серы": "fee_on_the_sulphur",
    "суммы, которая не была учтена": "amount_not_recorded",
    "суммы, которая была учтена ненадлежащим образом": "amount_recorded_improperly",
}
# a bound in MCI of a fine in percent of a base, after the base's words: "…, но не менее пяти
# месячных расчетных показателей", "…, но не менее двухсот и не более одной тысячи …", "…, но не более
# двухсот …" (not "но не более чем за один год", which bounds the period the base is counted over)
_BOUNDED = re.compile(r",? но не (?:менее|более) (?!чем за)")
_BOUNDS = re.compile(
    rf",? но не (?:менее (?P<floor>{NUMBER})(?:и не более (?P<ceiling>{NUMBER}))?|более (?P<only_ceiling>{NUMBER}))"
    rf"(?:{MCI_WORDS})$"
)
# "в размере одной десятой процента": a fraction, its denominator after the number
_FRACTION = re.compile(r"^(?P<denominator>десят|сот)(?:ой|ых) (?P<unit>.+)$")
_DENOMINATORS = {"десят": 10, "сот": 100}
# "… за каждый платежный документ": an amount per unit of a count the case gives; the `per` name the data
# uses for it (the beginning of the Code's words)
_PER = re.compile(r"^(?P<unit>.+?) за кажд(?:ый|ую|ое) (?P<what>.+)$")
_PER_NAMES = {
    "платежный документ": "payment_document",
    "день сверх срока": "day_beyond_the_term",
}


def _base(text: str, phrase: str, words: str) -> str:
    """The `base` name of what a percentage or multiple is of; an error for a base not in the table."""
    if _BOUNDED.search(words):  # a bound `_fine` did not take: after a multiple, or not at the end
        raise SanctionTextError(
            text, phrase, "a bound in MCI where the reader does not take one (only after a percentage's base)"
        )
    for start in sorted(_BASES, key=len, reverse=True):
        if words.startswith(start):
            return _BASES[start]
    raise SanctionTextError(text, phrase, "a base the reader does not know")


def _unit_of(phrase: str) -> str | None:
    """The unit words after a fine's amount ("месячных расчетных показателей", "процентов от …")."""
    m = _FINE.match(phrase)
    return m["unit"] or None if m else None


def _units_after(segments: list[tuple[tuple[str, ...], str]]) -> list[str | None]:
    """For each segment, the unit of the next amount written with one: "на физических лиц в размере
    десяти, на должностных лиц – в размере двадцати месячных расчетных показателей" writes the unit
    once, after the last amount it covers; "в размере ста процентов, … – в размере двухсот процентов
    от суммы экономической выгоды" writes the base once."""
    out: list[str | None] = []
    following: str | None = None
    for _, body in reversed(segments):
        out.append(following)
        for whole in reversed(_ALTERNATIVE.split(body)):
            unit = _unit_of(_ADDITIONAL.split(whole)[0].strip(" ,"))
            if unit is None:
                continue
            percent, later = _PERCENT_UNIT.match(unit), _PERCENT_UNIT.match(following or "")
            if percent and not percent["base"] and later and later["base"]:
                unit = f"{unit} от {later['base']}"
            following = unit
    return out[::-1]


def _main_items(text: str, body: str, unit_after: str | None) -> tuple[list[Item], list[Item]]:
    # alternatives first, then each one's additional penalties ("штраф … с конфискацией …, или
    # административный арест …"): an additional phrase never swallows the alternatives after it
    items: list[Item] = []
    joined: list[Item] = []
    extra: list[str] = []
    for whole in _ALTERNATIVE.split(body):
        alt, *more = _ADDITIONAL.split(whole)
        extra.extend(more)
        if items and items[-1].kind == "fine" and _BARE_PERCENT.match(alt.strip(" ,")):
            # "штраф в размере одной десятой процента от суммы сделки либо ста процентов от суммы …": a
            # second percentage of the same fine
            alt = f"штраф в размере {alt.strip(' ,')}"
        # "административный арест на пятнадцать суток и лишение права управления транспортным средством
        # сроком на семь лет": both are imposed; the second is encoded as a mandatory additional penalty
        first, *together = re.split(r"\s+и\s+(?=лишени[ея] права управления|приостановление выпуска)", alt.strip(" ,"))
        # "лишение права на управление транспортными средствами сроком на один год и административный арест на
        # срок до пяти суток" (AC 613(3)): both imposed; arrest is a main punishment only (AC art. 40), so it is the
        # main one and the deprivation its mandatory additional punishment, as in "арест … и лишение права …"
        if both := _RIGHT_AND_ARREST.match(first):
            first, together = both["arrest"], [both["right"], *together]
        # "… либо лишение сертификата специалиста в области здравоохранения, либо без такового" (AC 424-1): the
        # words "либо без такового" make the deprivation optional, as they do for an additional punishment
        if _OPTIONAL.search(first) and first.startswith("лишение ") and items:
            extra.append("с лишением " + first[len("лишение ") :])
            continue
        items.append(_main(text, first, unit_after))
        for phrase in together:
            # "штраф … и приостановление выпуска (выхода в эфир) средства массовой информации на срок до трех
            # месяцев": both are imposed, the suspension as a mandatory additional penalty
            if phrase.startswith("приостановление выпуска") and (
                m := _SUSPENSION.match("с приостановлением " + phrase.removeprefix("приостановление "))
            ):
                joined.append(_term_item("suspension_of_activity", m, True))
                continue
            m = _LICENCE_RIGHT.match(phrase) or _SPECIAL_RIGHT.match(phrase)
            if m is None:
                raise SanctionTextError(text, phrase, "not a penalty the reader knows")
            joined.append(_term_item("deprivation_of_special_right", m, True))
    return _one_base(text, items), joined + [item for e in extra for item in _additional_list(text, e.strip(" ,"))]


_BARE_PERCENT = re.compile(rf"^(?:{NUMBER})(?:(?:десят|сот)(?:ой|ых) )?процент")


def _one_base(text: str, items: list[Item]) -> list[Item]:
    """AC 228(6), 230(4) of 2017: "… одной десятой процента от суммы сделки либо ста процентов от суммы
    полученного дохода по операциям, но не менее …": percentages of different bases as alternatives; a
    case gives one base amount, so they are not read."""
    bases = {i.base for i in items if i.kind == "fine" and i.base}
    if len(bases) > 1:
        raise SanctionTextError(
            text,
            ", ".join(sorted(bases)),
            "fines in percent of different bases as alternatives "
            "(a case gives one base amount; which base the bound written once after them "
            "bounds is not read)",
        )
    return items


def _additional_list(text: str, phrase: str) -> list[Item]:
    """ "с конфискацией … и запрещением деятельности …": two additional punishments."""
    first, *more = re.split(
        r"\s+и\s+(?=запрещени|приостановлени|лишени|конфискаци|выдворени|административн[а-я]+ выдворени)", phrase
    )
    return [_additional(text, first)] + [_additional(text, "с " + m) for m in more]


def _main(text: str, phrase: str, unit_after: str | None) -> Item:
    try:
        if phrase in ("предупреждение", "предупреждения"):
            return Item("warning")
        if m := _FINE.match(phrase):
            return _fine(text, phrase, m, m["unit"] or unit_after, unit_after)
        if m := _FINE_MULTIPLE.match(phrase):
            amount = parse_measure(f"{multiple_of(m['fix'])} base", "money")
            return Item("fine", amount, amount, base=_base(text, phrase, m["base"]))
        if m := _FINE_BASE.match(phrase):  # "в размере суммы нанесенного окружающей среде вреда": once the base
            amount = parse_measure("1 base", "money")
            return Item("fine", amount, amount, base=_base(text, phrase, m["base"]))
        if m := _ARREST.match(phrase):
            if m["fix"]:
                amount = spelled_measure(m["fix"], "суток", "day")
                return Item("arrest", amount, amount)
            low = spelled_measure(m["lo"], "суток", "day") if m["lo"] else None
            return Item("arrest", low, spelled_measure(m["hi"], "суток", "day"))
        if phrase in (
            "административное выдворение за пределы республики казахстан",
            "выдворение за пределы республики казахстан",
        ):
            return Item("expulsion")
        if m := _LICENCE_RIGHT.match(phrase) or _SPECIAL_RIGHT.match(phrase):
            return _term_item("deprivation_of_special_right", m, None)
        # a licence, permit or accreditation (AC art. 41: "лишение разрешения")
        if phrase.startswith(
            (
                "лишение лицензии",
                "лишение разрешения",
                "лишение свидетельства об аккредитации",
                "лишение экологического разрешения",
                "лишение квалификационного свидетельства",
                "лишение свидетельства об аттестации",
            )
        ) and not re.search(rf"(?:^|\s)(?:{NUMBER})|\d|\s(?:либо|или)\s", phrase):
            return Item("deprivation_of_licence")
        if phrase in ("приостановление действия лицензии", "приостановление деятельности") or (
            phrase.startswith(("приостановление лицензии", "приостановление действия лицензии"))
            and not re.search(rf"(?:^|\s)(?:{NUMBER})|\d|\s(?:либо|или)\s", phrase)
        ):
            return Item("suspension_of_activity")
        # "запрещение деятельности в области племенного животноводства", "запрещение выпуска (выхода в эфир)
        # средства массовой информации": no term, no second penalty
        if phrase.startswith(("запрещение деятельности", "запрещение выпуска")) and not re.search(
            rf"(?:^|\s)(?:{NUMBER})|\d|\s(?:или|либо) (?:приостановлени|лишени)", phrase
        ):
            return Item("prohibition_of_activity")
        if m := _MAIN_SUSPENSION.match(phrase):
            return _term_item("suspension_of_activity", m, None)
        # "приостановление или запрещение деятельности или отдельных видов деятельности" (AC 356(14)): one
        # punishment, the choice between the two left to the court
        if phrase.startswith("приостановление или запрещение деятельности") and not re.search(
            rf"(?:^|\s)(?:{NUMBER})|\d|\s(?:либо)\s", phrase
        ):
            return Item("suspension_or_prohibition_of_activity")
        if m := _PUBLIC_WORKS.match(phrase):
            if m["fix"]:
                amount = spelled_measure(m["fix"], "часов", "hour")
                return Item("public_works", amount, amount)
            return Item(
                "public_works",
                spelled_measure(m["lo"], "часов", "hour") if m["lo"] else None,
                spelled_measure(m["hi"], "часов", "hour"),
            )
    except SanctionTextError:
        raise
    except ValueError as error:
        raise SanctionTextError(text, phrase, f"unknown word {error}") from None
    raise SanctionTextError(text, phrase, "not a main penalty the reader knows")


def _fine(text: str, phrase: str, m, unit: str | None, unit_after: str | None = None) -> Item:
    """A fine "в размере [от X] до Y" or "в размере X" in MCI or in percent of a base; a percentage
    bounded in MCI ("…, но не менее пяти месячных расчетных показателей"), a fraction of a percent
    ("одной десятой процента"), an amount for each unit of a count ("… за каждый платежный документ")."""
    if not unit:
        raise SanctionTextError(text, phrase, "an amount without its unit")
    divisor = 1
    if fraction := _FRACTION.match(unit):
        divisor, unit = _DENOMINATORS[fraction["denominator"]], fraction["unit"]
    percent = _PERCENT_UNIT.match(unit)
    later = _PERCENT_UNIT.match(unit_after or "")
    if percent and not percent["base"] and later and later["base"]:
        # "на субъектов среднего предпринимательства – в размере ста процентов, на субъектов крупного
        # предпринимательства – в размере двухсот процентов от суммы экономической выгоды": the base once
        unit = f"{unit} от {later['base']}"
    floor = ceiling = None
    if bounds := _BOUNDS.search(unit):
        unit = unit[: bounds.start()]
        if bounds["floor"]:
            floor = spelled_measure(bounds["floor"], "MCI", "money")
        if bounds["ceiling"] or bounds["only_ceiling"]:
            ceiling = spelled_measure(bounds["ceiling"] or bounds["only_ceiling"], "MCI", "money")
    per = None
    if counted := _PER.match(unit):
        per = next((name for start, name in _PER_NAMES.items() if counted["what"].startswith(start)), None)
        if per is None:
            raise SanctionTextError(text, phrase, "an amount for each unit of a count the reader does not know")
        unit = counted["unit"]
    if _MCI_UNIT.match(unit):
        word, base = "MCI", None
    elif (percent := _PERCENT_UNIT.match(unit)) and percent["base"]:
        word, base = "percent", _base(text, phrase, percent["base"])
    else:
        raise SanctionTextError(text, phrase, "not a unit of a fine the reader knows")
    if (floor or ceiling) and word != "percent":
        raise SanctionTextError(text, phrase, "a bound in MCI of an amount that is not a percentage")

    def amount(words: str):
        value = spelled_measure(words, word, "money")
        return attrs.evolve(value, value=value.value / divisor) if divisor != 1 else value

    if m["fix"]:
        fixed = amount(m["fix"])
        return Item("fine", fixed, fixed, base=base, floor=floor, ceiling=ceiling, per=per)
    low = amount(m["lo"]) if m["lo"] else None
    return Item("fine", low, amount(m["hi"]), base=base, floor=floor, ceiling=ceiling, per=per)


def _term_item(kind: str, m, mandatory) -> Item:
    unit = m["unit"]
    if m["fix"]:
        amount = spelled_measure(m["fix"], unit, "month")
        return Item(kind, amount, amount, mandatory=mandatory)
    low = spelled_measure(m["lo"], m["lounit"] or unit, "month") if m["lo"] else None
    return Item(kind, low, spelled_measure(m["hi"], unit, "month"), mandatory=mandatory)


_HEALTH_CERTIFICATES = (
    "с лишением сертификата специалиста в области здравоохранения или сертификата менеджера в области здравоохранения"
)
_OPTIONAL = re.compile(r",?\s+(?:или|либо) без так(?:ового|овой|овых)$")
# "с запрещением деятельности на срок до трех лет": a prohibition with its term
_PROHIBITION = re.compile(
    rf"^с запрещением (?:их )?деятельности{_WHAT} (?:на срок|сроком на|на) (?:(?:от (?P<lo>{NUMBER})(?P<lounit>{TERM_UNIT})? )?до (?P<hi>{NUMBER})|(?P<fix>{NUMBER}))(?P<unit>{TERM_UNIT})$"
)
_SUSPENSION = re.compile(
    rf"^с приостановлением (?:их )?(?:деятельности|действия|выпуска|аттестата){_WHAT} (?:на срок|сроком на|на) (?:(?:от (?P<lo>{NUMBER})(?P<lounit>{TERM_UNIT})? )?до (?P<hi>{NUMBER})|(?P<fix>{NUMBER}))(?P<unit>{TERM_UNIT})$"
)
_SUSPENSION_OR_PROHIBITION = re.compile(
    rf"^с приостановлением или запрещением (?:их )?деятельности{_WHAT} (?:на срок|сроком на|на) (?:(?:от (?P<lo>{NUMBER})(?P<lounit>{TERM_UNIT})? )?до (?P<hi>{NUMBER})|(?P<fix>{NUMBER}))(?P<unit>{TERM_UNIT})$"
)
_RIGHT_AFTER = re.compile(
    rf"^с лишением права управления (?:транспортными средствами|транспортным средством|воздушным судном(?: \([а-я ,]+\))?) (?:сроком на|на срок) (?:(?:от (?P<lo>{NUMBER})(?P<lounit>{TERM_UNIT})? )?до (?P<hi>{NUMBER})|(?P<fix>{NUMBER}))(?P<unit>{TERM_UNIT})$"
)


def _additional(text: str, phrase: str) -> Item:
    optional = _OPTIONAL.search(phrase)
    core = phrase[: optional.start()] if optional else phrase
    mandatory = optional is None
    try:
        # what is confiscated is described, not counted; a description with a number in it ("монопольного
        # дохода … не более чем за один год") bounds the confiscation, which the data model cannot hold
        if core.startswith("с конфискацией") and not re.search(rf"(?:^|\s)(?:{NUMBER}){TERM_UNIT}(?:\s|$)", core):
            return Item("confiscation", mandatory=mandatory)
        if m := _RIGHT_AFTER.match(core):
            return _term_item("deprivation_of_special_right", m, mandatory)
        if m := _SUSPENSION.match(core):
            return _term_item("suspension_of_activity", m, mandatory)
        if m := _PROHIBITION.match(core):
            return _term_item("prohibition_of_activity", m, mandatory)
        # "с приостановлением или запрещением деятельности на срок до трех лет": one additional punishment, the
        # choice between the two left to the court; the term, written once, binds either
        if m := _SUSPENSION_OR_PROHIBITION.match(core):
            return _term_item("suspension_or_prohibition_of_activity", m, mandatory)
        # the remaining forms carry no term: a phrase with a number in it is not one of them
        counted = re.search(rf"(?:^|\s)(?:{NUMBER})|\d", core)
        if (
            core.startswith("с приостановлением или запрещением деятельности")
            and not counted
            and not re.search(r"\s(?:или|либо)\s(?:их\s)?лишени", core)
        ):
            return Item("suspension_or_prohibition_of_activity", mandatory=mandatory)
        # "с приостановлением действия либо лишением свидетельства об аккредитации" (AC 170(7), 171(3))
        if core in ("с приостановлением действия либо лишением свидетельства об аккредитации",):
            return Item("suspension_or_deprivation_of_licence", mandatory=mandatory)
        # "с приостановлением или запрещением деятельности": two kinds, one of them to be chosen; not read
        if (
            core.startswith("с приостановлением")
            and not counted
            and not re.search(r"\s(?:или|либо)\s(?:их\s)?(?:запрещени|лишени)", core)
        ):
            return Item("suspension_of_activity", mandatory=mandatory)
        if (
            core.startswith(
                (
                    "с запрещением деятельности",
                    "с запрещением осуществления",
                    "с запрещением их деятельности",
                    "с запрещением отдельных видов деятельности",
                    "с запрещением выпуска",
                )
            )
            and not counted
        ):
            return Item("prohibition_of_activity", mandatory=mandatory)
        if (
            core.startswith(
                (
                    "с выдворением за пределы республики казахстан",
                    "с административным выдворением за пределы республики казахстан",
                )
            )
            or core == "с административным выдворением за пределы республики"
        ):  # AC 490(7) of 11.07.2017 reads so
            return Item("expulsion", mandatory=mandatory)
        # a licence, permit, certificate, attestation or accreditation (AC art. 41: "лишение разрешения")
        if (
            core.startswith(
                (
                    "с лишением лицензии",
                    "с лишением специального разрешения",
                    "с лишением разрешения",
                    "с лишением разрешительного документа",
                    "с лишением сертификата",
                    "с лишением аттестата",
                    "с лишением свидетельства",
                    "с лишением квалификационного свидетельства",
                )
            )
            and not counted
            and not re.search(r"\s(?:либо|или)\s", core)
        ):
            return Item("deprivation_of_licence", mandatory=mandatory)
        # one document or another of the same kind (AC art. 41: "лишение … лицензии, специального разрешения")
        # AC 80(2-2): an official's own, beside the licence every offender of the sentence loses; the note names
        # the document, so the two deprivations stay two
        if core == _HEALTH_CERTIFICATES:
            return Item(
                "deprivation_of_licence",
                mandatory=mandatory,
                note="сертификат специалиста или менеджера в области здравоохранения",
            )
        if core in (
            "с лишением лицензии или приложения к лицензии",
            "с лишением лицензии или разрешения второй категории",
        ):
            return Item("deprivation_of_licence", mandatory=mandatory)
        if core.startswith("с конфискацией"):  # AC 159: "… монопольного дохода, …, не более чем за один год"
            raise SanctionTextError(
                text,
                phrase,
                "a confiscation bounded by a period or an amount: the data model's "
                "confiscation has no extent, so the bound would be lost",
            )
    except SanctionTextError:
        raise
    except ValueError as error:
        raise SanctionTextError(text, phrase, f"unknown word {error}") from None
    raise SanctionTextError(text, phrase, "not an additional penalty the reader knows")
