"""Warnings as data: a code and its parameters, worded in English, Russian or Kazakh on demand.

`Assessment.warnings` gives the English sentences (the JSON contract); `Assessment.notices` gives
these objects, and `Assessment.format("ru")` words them in Russian.
"""

from __future__ import annotations

from datetime import date

import attrs

from ..law.kinds import KINDS


@attrs.frozen(cache_hash=True)
class Notice:
    code: str
    params: tuple = ()

    def text(self, lang: str = "en") -> str:
        args = [_localize(p, lang) for p in self.params]
        return TEMPLATES[lang][self.code].format(*args)

    def __str__(self) -> str:
        return self.text("en")


def _localize(value, lang: str):
    if isinstance(value, str) and value in KINDS:
        return getattr(KINDS[value], lang)
    if isinstance(value, str) and value in _WORDS.get(lang, {}):
        return _WORDS[lang][value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ", ".join(str(_localize(v, lang)) for v in value)
    return value


_WORDS = {
    "en": {"secondary": "secondary", "unverified": "unverified", "monthly_average": "monthly average",
           "annual_average": "annual average", "user_table": "user table", "category": "the provision's category "
           "is not encoded", "no_limit": "no General-Part limit is encoded for that date",
           "committed": "committed", "initiated": "initiated", "decided": "decided"},
    "ru": {"secondary": "вторичные данные", "unverified": "не проверено", "monthly_average": "среднемесячный",
           "annual_average": "среднегодовой", "user_table": "из вашей таблицы",
           "category": "категория деяния не внесена в данные",
           "no_limit": "предел Общей части на эту дату не внесён в данные",
           "committed": "совершения", "initiated": "возбуждения дела", "decided": "решения"},
    "kk": {"secondary": "қосымша дереккөз", "unverified": "тексерілмеген", "monthly_average": "айлық орташа",
           "annual_average": "жылдық орташа", "user_table": "сіздің кестеңізден",
           "category": "әрекет санаты деректерге енгізілмеген",
           "no_limit": "осы күнге Жалпы бөлімнің шегі деректерге енгізілмеген",
           "committed": "жасалған", "initiated": "іс қозғалған", "decided": "шешім шығарылған"},
}

TEMPLATES = {
    "en": {
        "incomparable": "lex mitior: the version applied and the version(s) from {0} cannot be ranked "
                        "(neither is milder in every respect); both are candidates",
        "version_level": "the version from {0} is {1}: not read in an official text",
        "no_verified_through": "the version from {0} has no verified_through date",
        "stale": "the version from {0} was last verified on {1}, more than a year ago",
        "after_verified": "{0} is after the last date this version was verified ({1})",
        "start_window": "the version from {0} started on a day between {0} and {1} (the exact day is not "
                        "established): on {2} the previous wording may still have applied",
        "not_in_effect": "{0} is in the sanction but could not be imposed from {1} to {2} (art. {3} not yet in effect)",
        "exceeds_limit": "{0}: the sanction's maximum {1} exceeds the General Part's {2} (art. {3})",
        "no_minimum": "{0}: no statutory minimum given ({1})",
        "mci_level": "the MCI value {0} ({1}..{2}) is {3}",
        "rate_basis": "USD amounts use a {0} rate, not the official rate of the day",
        "no_rate": "no USD amounts: no USD/KZT rate for {0}; supply one with --rates FILE.csv or rates=",
        "no_initiated": "no initiation date given: the MCI is valued on the date the offence was committed",
        "no_valuation_rule": "no dated MCI valuation rule is encoded for {0} on {1}; using the {2} date",
        "no_mci": "no MCI value is encoded for {0}; none is needed, since no punishment in the sanction is an amount",
    },
    "ru": {
        "incomparable": "смягчение (ст. 6 УК / ст. 5 КоАП): применённую редакцию и редакцию от {0} нельзя "
                        "сравнить (ни одна не мягче во всём); обе остаются кандидатами",
        "version_level": "редакция от {0}: {1}, не сверена с официальным текстом",
        "no_verified_through": "для редакции от {0} не указана дата последней проверки",
        "stale": "редакция от {0} последний раз проверялась {1}, более года назад",
        "after_verified": "{0} позже последней проверки этой редакции ({1})",
        "start_window": "редакция от {0} вступила в силу между {0} и {1} (точный день не установлен): "
                        "на {2} могла ещё действовать прежняя редакция",
        "not_in_effect": "{0} есть в санкции, но не могло назначаться с {1} по {2} (ст. {3} ещё не введена в действие)",
        "exceeds_limit": "{0}: максимум санкции {1} больше предела Общей части {2} (ст. {3})",
        "no_minimum": "{0}: нижний предел не указан ({1})",
        "mci_level": "значение МРП {0} ({1}..{2}): {3}",
        "rate_basis": "суммы в долларах по курсу «{0}», а не по официальному курсу дня",
        "no_rate": "суммы в долларах не рассчитаны: нет курса USD/KZT на {0}; укажите таблицу курсов (--rates)",
        "no_initiated": "дата возбуждения дела не указана: МРП взят на дату совершения правонарушения",
        "no_valuation_rule": "для {0} на {1} правило о дате МРП не внесено в данные; взята дата {2}",
        "no_mci": "значение МРП на {0} не внесено в данные; оно не нужно: в санкции нет денежных взысканий",
    },
    "kk": {
        "incomparable": "жеңілдету (ҚК 6-бап / ӘҚБтК 5-бап): қолданылған редакцияны және {0} бастап редакцияны "
                        "салыстыру мүмкін емес; екеуі де үміткер",
        "version_level": "{0} бастап редакция: {1}, ресми мәтінмен салыстырылмаған",
        "no_verified_through": "{0} бастап редакцияның соңғы тексерілген күні көрсетілмеген",
        "stale": "{0} бастап редакция соңғы рет {1} тексерілген, бір жылдан астам бұрын",
        "after_verified": "{0} бұл редакцияның соңғы тексерілген күнінен ({1}) кейін",
        "start_window": "{0} бастап редакция {0} мен {1} аралығында күшіне енген (нақты күні анықталмаған): "
                        "{2} күні бұрынғы редакция әлі қолданылуы мүмкін",
        "not_in_effect": "{0} санкцияда бар, бірақ {1} бастап {2} дейін тағайындалмайтын еді ({3}-бап әлі "
                         "қолданысқа енгізілмеген)",
        "exceeds_limit": "{0}: санкцияның ең жоғары мөлшері {1} Жалпы бөлімнің {2} шегінен асады ({3}-бап)",
        "no_minimum": "{0}: ең төменгі шегі көрсетілмеген ({1})",
        "mci_level": "АЕК мәні {0} ({1}..{2}): {3}",
        "rate_basis": "доллармен сомалар «{0}» бағамымен, күннің ресми бағамымен емес",
        "no_rate": "доллармен сомалар есептелмеді: {0} күнге USD/KZT бағамы жоқ; бағам кестесін беріңіз (--rates)",
        "no_initiated": "іс қозғалған күн көрсетілмеген: АЕК құқық бұзушылық жасалған күнге алынды",
        "no_valuation_rule": "{0} үшін {1} күнге АЕК күні туралы ереже деректерге енгізілмеген; {2} күні алынды",
        "no_mci": "{0} күнге АЕК мәні деректерге енгізілмеген; ол қажет емес: санкцияда ақшалай жаза жоқ",
    },
}
