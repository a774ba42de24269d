"""The encoded law: provisions, their dated versions, and the sanctions of each version.

These are frozen value objects built once by `penalties.data.articles` from the TOML files.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from typing import Literal, get_args

import attrs

from ..errors import OutOfCoverageError, UnknownOffenderError, UnreadWordingError
from ..law.provenance import Provenance
from ..law.quantities import Measure

#: the two Codes, as a type for checkers: "cc" the Criminal Code, "ac" the Code on Administrative Offenses
Code = Literal["cc", "ac"]
CODES: dict[str, str] = {"cc": "CC", "ac": "AC"}  # the keys are get_args(Code)
#: the first day either Code was in force
CODES_IN_FORCE = date(2015, 1, 1)
#: CC arts 10-11. "crime" is a crime whose gravity is not encoded: above two years of imprisonment
#: it depends on the form of guilt (intent or negligence, art. 11), which the sanction does not say
CATEGORIES = ("criminal_misdemeanour", "minor", "medium", "grave", "especially_grave", "crime")
#: the offender categories a sanction may name, as a type for checkers;
#: OFFENDERS is the same names as a tuple, in this order
#: besides the general categories, the persons and bodies some AC sanctions name on their own (private
#: notaries, private bailiffs, lawyers, professional mediators, legal consultants; non-commercial
#: organisations, which most sanctions group with small business; branches of non-resident banks,
#: insurers and insurance brokers, which some group with large business); and the persons a few sanctions
#: fine by the Code's own words, each category named after them and nothing else: "на родителей или лиц, их
#: заменяющих" (parent_or_guardian), "на законных представителей", "на водителей автотранспортных средств" /
#: "на водителя" (driver), "на командира воздушного судна", "на первых руководителей" (first_head), "на
#: аудиторов", "на аудиторскую организацию", "на экспертную организацию", "местных исполнительных органов",
#: "на кандидата" (candidate), "лицо, избранное депутатом или на иную выборную должность" (elected_person).
#: Further, by the same rule: "на лиц, уполномоченных на ведение переговоров" (negotiation_representative),
#: "на лиц, уполномоченных заключить коллективный договор, соглашение" (agreement_representative), "на первых
#: руководителей соответствующего юридического лица – заемщика по займу, имеющего государственную гарантию, их
#: заместителей либо лиц, их заменяющих, …" (borrower_head), "филиалы и представительства юридических
#: лиц-нерезидентов, действующих на территории Республики Казахстан более одного года" (nonresident_branch_or_office),
#: "на крупных налогоплательщиков, подлежащих мониторингу" and, from the redaction of 15.05.2019, "на
#: налогоплательщиков, подлежащих налоговому мониторингу" (monitored_taxpayer: the taxpayers under tax monitoring,
#: in either wording), "на оператора фискальных данных", "на должностных лиц или первых руководителей
#: энергопроизводящей, энергопередающей организаций и субъекта теплоснабжения" (energy_organisation_official), "на
#: должностное лицо энергопередающей организации" (energy_transmission_official), "на должностных лиц местных
#: исполнительных органов" (local_executive_official: the officials, not the body), "на первого руководителя
#: оператора расширенных обязательств производителей (импортеров)" (epr_operator_head), "на экспертов-аудиторов по
#: определению страны происхождения товара, …" (origin_expert_auditor), "на организацию, уполномоченную на выдачу
#: сертификата о происхождении товара" (origin_certificate_organisation), "органы (организации), уполномоченные на
#: выдачу сертификата о происхождении товара для внутреннего обращения, …" (internal_origin_certificate_body), "на
#: граждан Республики Казахстан" (kazakh_citizen), "на иностранцев и лиц без гражданства" / "на иностранных граждан и
#: лиц без гражданства" (foreigner_or_stateless_person), "должностных лиц организаций, осуществляющих эксплуатацию
#: жилых домов" (housing_operator_official), "домовладельцев" (homeowner), "на военнообязанных" (reservist), "на
#: призывников" (conscript), "на руководителей этих организаций" (head_of_these_organisations, AC 679: of the state
#: and local self-government bodies its disposition names), "на аттестованных лиц" (attested_person).
#: "на лиц, виновных в …" names whoever committed the offence: such a sanction is `unnamed`.
#: None is folded into a general category (a driver is not assumed to be fined as any individual is)
Offender = Literal[
    "individual",
    "official",
    "individual_entrepreneur",
    "small_business",
    "medium_business",
    "large_business",
    "legal_entity",
    "notary",
    "bailiff",
    "lawyer",
    "mediator",
    "legal_consultant",
    "non_commercial_organisation",
    "nonresident_bank_branch",
    "nonresident_insurer_branch",
    "nonresident_broker_branch",
    "parent_or_guardian",
    "legal_representative",
    "driver",
    "aircraft_commander",
    "first_head",
    "auditor",
    "audit_organisation",
    "expert_organisation",
    "local_executive_body",
    "candidate",
    "elected_person",
    "negotiation_representative",
    "agreement_representative",
    "borrower_head",
    "nonresident_branch_or_office",
    "monitored_taxpayer",
    "fiscal_data_operator",
    "energy_organisation_official",
    "energy_transmission_official",
    "local_executive_official",
    "epr_operator_head",
    "origin_expert_auditor",
    "origin_certificate_organisation",
    "internal_origin_certificate_body",
    "kazakh_citizen",
    "foreigner_or_stateless_person",
    "housing_operator_official",
    "homeowner",
    "reservist",
    "conscript",
    "head_of_these_organisations",
    "attested_person",
]
OFFENDERS: tuple[Offender, ...] = get_args(Offender)
#: the offender of an AC sanction that names none ("влечет штраф в размере …"): it applies to whoever
#: the article's disposition names, which the data does not encode; any offender category is accepted
UNNAMED = "unnamed"


def label_of(pid: str) -> str:
    """The human label of a provision id: kz.cc.403.1 → CC 403(1), kz.ac.517.3.2 → AC 517(3)(2)."""
    _, code, article, *rest = pid.split(".")
    return f"{CODES[code]} {article}" + "".join(f"({r})" for r in rest)


@attrs.frozen
class Item:
    """One punishment in a sanction: a `kind`, and its bounds where the law sets them.

    `min` is None when the sanction sets no minimum (the General Part's then applies); `max` is
    None when it sets no maximum. `mandatory` is None for main alternatives.
    """

    kind: str
    min: Measure | None = None
    max: Measure | None = None
    mandatory: bool | None = None
    lifelong: bool = False
    base: str | None = None
    #: a remark on the wording; not part of the sanction's value (two items differing only in their
    #: notes are equal)
    note: str | None = attrs.field(default=None, eq=False)
    #: a fine in percent (or a multiple) of a base bounded by amounts in MCI ("…, но не менее пяти и не
    #: более двухсот месячных расчетных показателей"): the amount is max(floor, min(ceiling, percent × base)),
    #: each bound valued at the MCI of the valuation day (None: no such bound)
    floor: Measure | None = attrs.field(default=None, kw_only=True)
    ceiling: Measure | None = attrs.field(default=None, kw_only=True)
    #: a fine "за каждый платежный документ": the amount is for each unit of this count, which the case
    #: gives (`assess(count=)`); None: not counted
    per: str | None = attrs.field(default=None, kw_only=True)


@attrs.frozen
class Sanction:
    """What may be imposed on the `offenders` named: one of `main`, plus `additional`."""

    offenders: tuple[str, ...]
    main: tuple[Item, ...]
    additional: tuple[Item, ...] = ()


@attrs.frozen(cache_hash=True)
class Version:
    """One wording of a provision's sanction, in force from `valid_from` to `valid_to` inclusive."""

    provision_id: str
    valid_from: date
    valid_to: date | None
    provenance: Provenance
    sanctions: tuple[Sanction, ...] = ()
    category: str | None = None
    abolished: bool = False
    moved_to: str | None = None
    text: dict = attrs.field(factory=dict, eq=False, hash=False)
    #: where the start is known only within a window: the latest day it can have been (the wording
    #: certainly applies from here; between valid_from and this day it may not yet have applied)
    valid_from_latest: date | None = attrs.field(default=None, kw_only=True)
    _offenders: tuple[str, ...] = attrs.field(init=False, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self):
        object.__setattr__(self, "_offenders", tuple(o for s in self.sanctions for o in s.offenders))

    @property
    def verification(self) -> str:
        return self.provenance.verification

    @property
    def act(self):
        return self.provenance.act

    @property
    def sources(self) -> tuple[str, ...]:
        return self.provenance.sources

    def covers(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)

    @property
    def offenders(self) -> tuple[str, ...]:
        """The offender categories this version sets a sanction for."""
        return self._offenders

    def applies_to(self, offender: str) -> bool:
        """Whether this version sets a sanction for `offender` (named, or by a sanction naming none)."""
        return offender in self._offenders or (UNNAMED in self._offenders and offender in OFFENDERS)

    def sanction_for(self, offender: str) -> Sanction:
        for sanction in self.sanctions:
            if offender in sanction.offenders:
                return sanction
        if offender in OFFENDERS:
            for sanction in self.sanctions:
                if UNNAMED in sanction.offenders:
                    return sanction
        raise UnknownOffenderError(label_of(self.provision_id), offender, self.offenders)


@attrs.frozen
class Gap:
    """Days on which the provision existed but its wording was not read: assessing them is refused.

    `reason` says which wording is missing and why (e.g. the acts that amended it in between).
    """

    valid_from: date
    valid_to: date
    reason: str

    def covers(self, on: date) -> bool:
        return self.valid_from <= on <= self.valid_to


@attrs.frozen
class Provision:
    """An article, or a part of one, with its versions in date order."""

    id: str
    code: str
    article: str
    part: str | None
    title: dict = attrs.field(eq=False, hash=False)
    item: str | None = attrs.field(default=None, kw_only=True)
    versions: tuple[Version, ...] = attrs.field(eq=False, hash=False)
    summary: str | None = attrs.field(default=None, eq=False, hash=False)
    source_file: str | None = attrs.field(default=None, eq=False, hash=False)
    #: periods inside (or before) the versions whose wording is unknown, in date order
    gaps: tuple[Gap, ...] = attrs.field(default=(), eq=False, hash=False, kw_only=True)
    _starts: tuple[date, ...] = attrs.field(init=False, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self):
        object.__setattr__(self, "_starts", tuple(v.valid_from for v in self.versions))

    @property
    def label(self) -> str:
        """Human label: `CC 403(1)`, `AC 73-3(2)`, `CC 375` for an article without parts."""
        base = f"{CODES[self.code]} {self.article}"
        base = f"{base}({self.part})" if self.part else base
        return f"{base}({self.item})" if self.item else base

    @property
    def label_ru(self) -> str:
        code = "УК РК" if self.code == "cc" else "КоАП РК"
        text = f"ч.{self.part} ст.{self.article} {code}" if self.part else f"ст.{self.article} {code}"
        return f"пп.{self.item} {text}" if self.item else text

    @property
    def label_kk(self) -> str:
        code = "ҚР ҚК" if self.code == "cc" else "ҚР ӘҚБтК"
        text = f"{self.article}-бап {self.part}-бөлік" if self.part else f"{self.article}-бап"
        return f"{code} {text}" + (f" {self.item})-тармақша" if self.item else "")

    @property
    def coverage(self) -> tuple[date, date | None]:
        return self.versions[0].valid_from, self.versions[-1].valid_to

    def version_on(self, on: date) -> Version:
        """The version in force on `on`; `OutOfCoverageError` outside the encoded versions."""
        i = bisect_right(self._starts, on) - 1
        if i >= 0:
            version = self.versions[i]
            if version.valid_to is None or on <= version.valid_to:
                return version
        first, last = self.coverage
        gap = next((g for g in self.gaps if g.covers(on)), None)
        if gap is not None:
            raise UnreadWordingError(self.label, on, first, last, gap.valid_from, gap.valid_to, gap.reason)
        if on < CODES_IN_FORCE:
            hint = "both Codes are in force from 2015-01-01"
        elif on < first and not self.gaps:
            hint = (
                f"the earliest wording encoded starts on {first} ({self.versions[0].act.number}); before it the "
                f"provision was not in the Code, or its wording was not read (the data file's notes say which)"
            )
        else:
            hint = "no version of this provision is encoded for that date"
        raise OutOfCoverageError(self.label, on, first, last, hint)

    def versions_between(self, start: date, end: date) -> tuple[Version, ...]:
        """Every version in force on some day of [start, end], in date order.

        `OutOfCoverageError` when a day of [start, end] falls in a gap: a rule that compares every
        wording in force in between (lex mitior) cannot be applied without the missing one.
        """
        for gap in self.gaps:
            if gap.valid_from <= end and gap.valid_to >= start:
                first, last = self.coverage
                raise UnreadWordingError(
                    self.label, max(start, gap.valid_from), first, last, gap.valid_from, gap.valid_to, gap.reason
                )
        return tuple(v for v in self.versions if v.valid_from <= end and (v.valid_to is None or v.valid_to >= start))
