"""The kinds of punishment and penalty, and the one unit each is measured in.

A term is a calendar quantity: arrest in days; imprisonment, restriction of freedom and bans in
months (a year is exactly twelve calendar months); community service and public works in hours.
Days are never converted to months: the law counts them separately.
"""

from __future__ import annotations

import attrs

MONEY = "money"      # MCI, KZT, or a multiple / percentage of a base amount
DAY = "day"
MONTH = "month"
HOUR = "hour"
NONE = "none"        # a warning, confiscation: no measure


@attrs.frozen
class Kind:
    name: str
    measure: str
    codes: frozenset[str]
    en: str
    ru: str
    kk: str


_KINDS = (
    # kind, measure, codes, en, ru, kk
    ("fine", MONEY, "cc ac", "fine", "штраф", "айыппұл"),
    ("corrective_labour", MONEY, "cc", "corrective labour", "исправительные работы", "түзеу жұмыстары"),
    ("community_service", HOUR, "cc", "community service", "общественные работы", "қоғамдық жұмыстар"),
    ("restriction_of_freedom", MONTH, "cc", "restriction of freedom", "ограничение свободы", "бас бостандығын шектеу"),
    ("arrest", DAY, "cc ac", "arrest", "арест", "қамаққа алу"),
    ("imprisonment", MONTH, "cc", "imprisonment", "лишение свободы", "бас бостандығынан айыру"),
    ("life_imprisonment", NONE, "cc", "life imprisonment", "пожизненное лишение свободы", "өмір бойы бас бостандығынан айыру"),
    ("deprivation_of_right", MONTH, "cc", "deprivation of the right to hold certain posts or engage in certain activity",
     "лишение права занимать определенную должность или заниматься определенной деятельностью",
     "белгілі бір лауазымды атқару немесе белгілі бір қызметпен айналысу құқығынан айыру"),
    ("confiscation", NONE, "cc ac", "confiscation", "конфискация", "тәркілеу"),
    ("expulsion", MONTH, "cc ac", "expulsion", "выдворение", "шығарып жіберу"),  # a term where one is set
    ("deprivation_of_title", NONE, "cc", "deprivation of a special, military or honorary title, rank or state awards",
     "лишение специального, воинского или почетного звания, классного чина, дипломатического ранга, квалификационного класса и государственных наград",
     "арнаулы, әскери немесе құрметті атағынан, сыныптық шенінен, дипломатиялық дәрежесінен, біліктілік сыныбынан және мемлекеттік наградаларынан айыру"),
    ("warning", NONE, "ac", "warning", "предупреждение", "ескерту"),
    ("public_works", HOUR, "ac", "public works", "общественные работы", "қоғамдық жұмыстар"),
    ("suspension_of_activity", MONTH, "ac", "suspension of activity", "приостановление деятельности", "қызметін тоқтата тұру"),
    ("prohibition_of_activity", NONE, "ac", "prohibition of activity", "запрещение деятельности", "қызметіне тыйым салу"),
    ("deprivation_of_licence", MONTH, "ac", "deprivation of a licence or permit", "лишение лицензии или разрешения",
     "лицензиядан немесе рұқсаттан айыру"),
    ("deprivation_of_special_right", MONTH, "ac", "deprivation of a special right", "лишение специального права",
     "арнайы құқықтан айыру"),
)

KINDS: dict[str, Kind] = {
    name: Kind(name, measure, frozenset(codes.split()), en, ru, kk)
    for name, measure, codes, en, ru, kk in _KINDS
}
