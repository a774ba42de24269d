"""Building article files from readings: the dated versions that two read redactions prove.

Given an article as read in an early redaction and in the newest one (`penalties.data.readings`),
and the acts its official footnotes name, `build_article()` writes the versions the two texts
establish, and marks as gaps the periods they do not:

- a part's early wording applies from the Code's entry into force (or, when an act named in the
  footnotes took effect before the early redaction, from that act; the earlier wording is a gap);
- where the two redactions word a sanction alike, one version spans both: the acts in between
  changed other words of the article (the notes say which acts, and that the redactions between
  were not read);
- where they differ and one act took effect in between, it starts the new wording; where several
  did, the days from the first to the last are a gap naming them (the change came from one of
  them, and the redactions between were not read);
- a part the newest redaction shows as repealed ("Исключена Законом …") ends on the day before that
  act applies, and is abolished from then; a part or article added later starts likewise;
- every structured sanction is the sanction reader's reading of the quoted text; a wording it cannot
  read makes that part an explicit exception (`statutes/kz/readings/<code>/exceptions.toml`), never
  a guess.

Dates of acts whose publication date is not known are the earliest possible days (the project's
convention; see `penalties.law.entry_into_force`); an act the registry (`statutes/kz/acts.toml`)
gives a publication date for gets its exact first day.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

import attrs

from ..errors import PhraseError
from ..law.entry_into_force import FirstDay
from ..law.footnotes import Entry, read_footnote
from ..law.provisions import CODES_IN_FORCE
from .acts import normalise_number, registry
from .reader import Reading, SanctionTextError, normalise, read_sanction
from .reader_ac import ACReading, read_ac_reading
from .readings import ArticleReading, Correction, corrected

ZAN = "https://zan.gov.kz/client/#!/doc/{doc}/{lang}/{day:%d.%m.%Y}"
ZAN_DOCUMENTS = {"cc": 81097, "ac": 81245}
CODE_ACTS = {"cc": ("226-V", None), "ac": ("235-V", None)}  # the Codes themselves: the registry states their rule


class BuildError(Exception):
    """An article or part the builder cannot build without a person's reading; `reason` says why."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


@attrs.frozen
class Act:
    number: str
    signed: date
    first: FirstDay
    rule: str

    def reference(self) -> tuple[str, str]:
        """(act, entry_into_force) of a version: the registry number, and this footnote's rule with
        the first day it gives."""
        return self.number, f"{self.rule} [{self.first.reason}]"

    def registry_row(self, source: str) -> dict:
        return {
            "number": self.number,
            "date": self.signed,
            "kind": "law",
            "entry_into_force": self.rule,
            "sources": [source],
            "notes": "Number, signing day and rule as an official footnote gives them "
            "(title and publication date not read).",
        }


def _act(entry: Entry) -> Act:
    known = registry().get(entry.number)
    if entry.rule is None:
        raise BuildError(f"the footnote gives no entry-into-force rule for act {entry.number}")
    try:
        first = entry.first_day(known.published if known is not None else None)
    except PhraseError as error:
        raise BuildError(str(error)) from None
    return Act(entry.number, entry.signed, first, entry.rule)


def _entries(text: str) -> tuple[Entry, ...]:
    try:
        return read_footnote(text).entries
    except PhraseError as error:
        raise BuildError(f"a footnote that cannot be read: {error}") from None


def acts_named(readings: list[ArticleReading]) -> list[Act]:
    """Every act the footnotes (and repeal notes) of these readings name, once, by first day."""
    found: dict[str, Act] = {}
    for reading in readings:
        texts = list(reading.footnotes) + ([reading.repealed] if reading.repealed else [])
        texts += [p.repealed for p in reading.parts if p.repealed]
        for text in texts:
            for entry in _entries(text):
                key = normalise_number(entry.number)
                if key not in found:
                    found[key] = _act(entry)
    return sorted(found.values(), key=lambda act: (act.first.earliest, act.number))


def _repealing_act(text: str, acts: list[Act]) -> Act:
    named = _entries(text)
    if len(named) != 1:
        raise BuildError(f"a repeal note that names {len(named)} acts: {text!r}")
    key = normalise_number(named[0].number)
    match = [a for a in acts if normalise_number(a.number) == key]
    return match[0] if match else _act(named[0])


@attrs.frozen
class Wording:
    """A part's sanction as one redaction words it."""

    text: str
    reading: Reading | ACReading | None  # None when repealed
    repealed: str | None
    redaction: date
    url: str
    kk: str | None = None
    code: str = "cc"
    #: evident typos of the official text the reader read past (statutes/kz/readings/<code>/corrections.toml)
    corrections: tuple[Correction, ...] = ()


def _wording(
    article: ArticleReading, part, item, kk: ArticleReading | None, exceptions: dict, corrections: dict | None = None
) -> Wording | None:
    pr = article.part(part, item)
    if pr is None:
        return None
    if pr.repealed:
        return Wording(pr.repealed, None, pr.repealed, article.redaction, article.url, code=article.code)
    exception = exceptions.get((article.article, part or "", article.redaction))
    if exception is not None:  # a person's finding: this wording is to be encoded by hand
        raise BuildError(f"listed exception: {exception['reason']}")
    assert pr.sanction is not None  # a part read and not repealed has its sanction's words
    text, applied = corrected(pr.sanction, (corrections or {}).get((article.article, part or ""), ()))
    try:
        reading = read_sanction(text) if article.code == "cc" else read_ac_reading(text)
    except SanctionTextError as error:
        raise BuildError(f"the sanction reader cannot read the {article.redaction} wording: {error}") from None
    kk_part = kk.part(part, item) if kk is not None else None
    return Wording(
        pr.sanction,
        reading,
        None,
        article.redaction,
        article.url,
        kk_part.sanction if kk_part is not None and kk_part.sanction else None,
        code=article.code,
        corrections=applied,
    )


def _same(a: Wording, b: Wording) -> bool:
    return normalise(a.text) == normalise(b.text)


def _category(reading: Reading) -> str | None:
    """CC art. 11 (general.toml) from the sanction alone, where the form of guilt cannot change it:
    no imprisonment nor restriction of freedom → criminal misdemeanour; at most two years → minor
    (intentional up to 2, careless up to 5 years); otherwise it depends on intent, which the sanction
    does not say: "crime" (the General Part's rules for every crime apply, not those of one gravity)."""
    kinds = {item.kind for item in reading.main}
    terms = [item.max.value / 12 for item in reading.main if item.kind == "imprisonment" and item.max]
    if kinds & {"life_imprisonment", "death_penalty"}:
        return "crime"
    if not terms:
        return "minor" if "restriction_of_freedom" in kinds else "criminal_misdemeanour"
    return "minor" if max(terms) <= 2 else "crime"


def _sources(w: Wording) -> list[str]:
    return [ZAN.format(doc=ZAN_DOCUMENTS[w.code], lang="rus", day=w.redaction), w.url]


def _version(
    start: date,
    end: date | None,
    act: tuple,
    w: Wording,
    notes: str,
    reading: Reading,
    through: date,
    more_sources: Sequence[str] = (),
    kk: str | None = None,
) -> dict:
    table: dict = {"valid_from": start}
    if end is not None:
        table["valid_to"] = end
    number, rule = act
    table["act"] = number
    if rule:
        table["entry_into_force"] = rule
    category = _category(reading) if w.code == "cc" else None
    if category:
        table["category"] = category
    table["verification"] = "primary"
    table["verified_through"] = through
    table["sources"] = list(dict.fromkeys(list(more_sources) + _sources(w)))
    table["text_ru"] = w.text
    if kk:
        table["text_kk"] = kk
    if w.corrections:  # the quote stays verbatim; what the reader read instead, and why, is data
        table["reader_correction"] = [c.table() for c in w.corrections]
        notes += "".join(
            f" The official text reads {c.wrong!r}, an evident typo read as {c.read_as!r}: {c.reason}"
            for c in w.corrections
        )
    table["notes"] = notes
    table["sanctions"] = reading.sanction_tables()
    return table


def _day_before(day: date) -> date:
    return day - timedelta(days=1)


def _names(acts: list[Act]) -> str:
    return ", ".join(
        f"{a.number} of {a.signed:%d.%m.%Y} (from {a.first.earliest}{'' if a.first.exact else ' at the earliest'})"
        for a in acts
    )


def _open_version(w: Wording, start: date, act: tuple, through_reading: list[Wording], case) -> dict:
    return {"start": start, "act": act, "wording": w, "seen": list(through_reading), "acts_between": [], "case": case}


def _close(state: dict, end: date | None, last_redaction: date, note_more: str = "") -> dict:
    w = state["wording"]
    seen = state["seen"]
    dates = ", ".join(f"{x.redaction:%d.%m.%Y}" for x in seen)
    notes = f"Sanction as worded in the redaction{'s' if len(seen) > 1 else ''} of {dates}."
    if state["acts_between"]:
        notes += (
            f" The article was amended meanwhile by {_names(state['acts_between'])}; the redactions read "
            f"word this sanction alike, the others between them were not read."
        )
    notes += note_more
    through = end if end is not None else last_redaction
    sources = [u for x in seen for u in _sources(x)]
    reading = w.reading.for_item(state["case"]) if state["case"] else w.reading.for_item(None)
    return _version(
        state["start"], end, state["act"], w, notes, reading, through, sources, kk=w.kk if end is None else None
    )


def build_part(
    chain: list[tuple[date, Wording | None]],
    acts: list[Act],
    case: str | None = None,
    restating: frozenset[str] = frozenset(),
    named_on: dict[date, frozenset[str]] | None = None,
) -> tuple[list[dict], list[dict]]:
    """(versions, gaps) of one part from its wordings in the redactions read, in date order.

    `chain` holds (redaction, wording or None when the part is not in that redaction yet). A
    redaction of zan.gov.kz includes every act signed by its date (whether in force yet or not).
    `restating` are the acts that restated the whole article ("Статья N в редакции Закона …"): a part
    missing after one of them is left out saying so (not a renumbering), rather than "renumbered?".
    `named_on` ({redaction: normalised numbers}) are the acts the article's footnotes name in each
    redaction read: an act signed before a redaction but in force only after it is folded into that
    redaction when its footnotes name it, and not folded when they do not (then the next redaction
    read carries it).
    """
    named_on = named_on or {}
    in_force = [a for a in acts if a.first.earliest > CODES_IN_FORCE]
    last_redaction = chain[-1][0]
    late_acts = [a for a in in_force if a.signed > last_redaction]
    if late_acts:
        raise BuildError(f"acts signed after the newest redaction read ({last_redaction}): {_names(late_acts)}")
    versions: list[dict] = []
    gaps: list[dict] = []
    state: dict | None = None
    previous_day: date | None = None

    def gap(start: date, end: date, reason: str, named: list[Act]):
        if end >= start:
            gaps.append({"valid_from": start, "valid_to": end, "reason": reason, "acts": [a.number for a in named]})

    def folded(act: Act, day: date) -> bool:
        """Whether the redaction of `day` carries the act's changes. zan.gov.kz does not always fold an
        act into the first redaction after its signing (the redaction of 19.04.2024 lacks Law 15.04.2024
        No. 72-VIII, which took effect 60 days after publication; that of 28.12.2017 lacks Law 26.12.2017
        No. 124-VI, in force from 01.01.2018): an act signed by then and in force after it is folded
        when the article's footnotes there name it; when they do not, the next redaction read carries it
        (the newest redaction read, or one whose footnotes were not read, is taken to carry it)."""
        if act.signed > day:
            return False
        names = named_on.get(day)
        if act.first.earliest <= day or names is None or day == last_redaction:
            return True
        return normalise_number(act.number) in names

    for day, w in chain:
        # the acts that may have changed the wording since the previous redaction read: folded into
        # this one and not into the previous one (CC 337 of 28.10.2019 names Law 28.10.2019 No. 268-VІ,
        # in force from 08.11.2019 at the earliest, and has no part 6 yet: part 6 came with Law
        # 27.12.2019 No. 292-VІ alone)
        window = [a for a in in_force if folded(a, day) and (previous_day is None or not folded(a, previous_day))]
        if state is not None:  # an act whose change the current wording already carries
            window = [a for a in window if a.first.earliest > state["start"]]
        window.sort(key=lambda a: (a.first.earliest, a.signed))
        if state is None and (w is None or w.repealed):
            if w is not None and w.repealed and previous_day is None:
                raise BuildError(f"repealed already in the first redaction read ({day})")
            previous_day = day
            continue
        if state is None:  # the first wording read
            assert w is not None  # (the `continue` above)
            if previous_day is None and not window and w.code == "ac" and day > CODES_IN_FORCE:
                # no Administrative Code redaction before 11.07.2017 is in the corpus: even where the
                # footnotes name no earlier amendment, the 2015 wording is not assumed (issue 12)
                gap(
                    CODES_IN_FORCE,
                    _day_before(day),
                    f"no redaction of the Code before {day:%d.%m.%Y} was read; its footnotes name no amending act "
                    f"before then, but the earlier wording is not assumed to be the same",
                    [],
                )
                state = _open_version(w, day, CODE_ACTS[w.code], [w], case)
            elif previous_day is None and not window:
                state = _open_version(w, CODES_IN_FORCE, CODE_ACTS[w.code], [w], case)
            elif previous_day is None:
                what = (
                    f"the wording before the redaction of {day:%d.%m.%Y} was not read; the article was amended "
                    f"before it by {_names(window)}"
                )
                gap(CODES_IN_FORCE, _day_before(window[-1].first.earliest), what, window)
                state = _open_version(w, window[-1].first.earliest, window[-1].reference(), [w], case)
            else:
                if not window:
                    raise BuildError(f"a part first read in the redaction of {day} with no act to date it")
                if len(window) > 1:
                    gap(
                        window[0].first.earliest,
                        _day_before(window[-1].first.earliest),
                        f"the part was added by one of {_names(window)}; its first wording was not read",
                        window,
                    )
                state = _open_version(w, window[-1].first.earliest, window[-1].reference(), [w], case)
            previous_day = day
            continue
        current: Wording = state["wording"]
        if w is None:
            restate = [a for a in window if normalise_number(a.number) in restating]
            if not restate:
                raise BuildError(f"the part is missing from the redaction of {day} without a repeal (renumbered?)")
            # not renumbered: the article was restated and the new text has no such part. Its wording until
            # then is read, but where its conduct is punished since (another part, another article, or
            # nowhere) is not: ending it there would let lex mitior apply the old wording alone
            raise BuildError(
                f"the article was restated by {_names(restate[:1])} and the redaction of {day} has no "
                f"such part: not a renumbering; where its conduct is punished since was not read"
            )
        if w.repealed is None and _same(current, w):
            state["seen"].append(w)
            state["acts_between"].extend(a for a in window if a not in state["acts_between"])
            previous_day = day
            continue
        if not window:
            raise BuildError(
                f"the sanction differs between the redactions of {previous_day} and {day}, "
                f"but no act signed in between is named"
            )
        if w.repealed is not None:
            repeal = _repealing_act(w.repealed, acts)
            if repeal.first.earliest <= state["start"]:
                raise BuildError(
                    f"repealed by {repeal.number} from {repeal.first.earliest}, before the wording it "
                    f"repeals took effect ({state['start']}): the footnotes' dates need a person's reading"
                )
            changes = [a for a in window if a.first.earliest < repeal.first.earliest]
            end = changes[0].first.earliest if changes else repeal.first.earliest
            versions.append(_close(state, _day_before(end), last_redaction))
            if changes:
                gap(
                    changes[0].first.earliest,
                    _day_before(repeal.first.earliest),
                    f"amended by {_names(changes)} before its repeal; that wording was not read",
                    changes,
                )
            number, rule = repeal.reference()
            versions.append(
                {
                    "valid_from": repeal.first.earliest,
                    "act": number,
                    "entry_into_force": rule,
                    "verification": "primary",
                    "verified_through": last_redaction,
                    "sources": _sources(w),
                    "text_ru": w.repealed,
                    "abolished": True,
                    "notes": f"Repealed: the redaction of {day:%d.%m.%Y} reads {w.repealed!r}.",
                }
            )
            return versions, gaps
        first, last = window[0], window[-1]
        if first.first.earliest <= state["start"]:
            raise BuildError(f"an act of the window {previous_day}..{day} takes effect before the wording it replaces")
        versions.append(
            _close(
                state,
                _day_before(first.first.earliest),
                last_redaction,
                f" Changed by {'one of ' if len(window) > 1 else ''}{_names(window)}.",
            )
        )
        if len(window) > 1:
            gap(
                first.first.earliest,
                _day_before(last.first.earliest),
                f"the sanction was changed by one of {_names(window)} (signed between the redactions of "
                f"{previous_day:%d.%m.%Y} and {day:%d.%m.%Y}, which were read); the wording in between was not read",
                window,
            )
        state = _open_version(w, last.first.earliest, last.reference(), [w], case)
        previous_day = day
    if state is None:
        raise BuildError("no wording read")
    versions.append(_close(state, None, last_redaction))
    return versions, gaps


def part_keys(*articles: ArticleReading | None) -> list[tuple[str | None, str | None]]:
    keys: list = []
    for article in articles:
        for p in article.parts if article else ():
            if (p.part, p.item) not in keys:
                keys.append((p.part, p.item))
    return sorted(
        keys, key=lambda k: [int(n) if n.isdigit() else 0 for n in re.split(r"[-.]", (k[0] or "0"))] + [int(k[1] or 0)]
    )


def _restating(chain: list[ArticleReading]) -> frozenset[str]:
    """The acts that restated the whole article, by the footnotes ("Статья N в редакции Закона …")."""
    found = set()
    for reading in chain:
        for text in reading.footnotes:
            try:
                footnote = read_footnote(text)
            except PhraseError:
                continue  # acts_named() reports an unreadable footnote
            if re.match(rf"статья\s+{re.escape(reading.article)}\b", footnote.subject.strip(), re.I):
                found |= {normalise_number(e.number) for e in footnote.entries if e.change == "restated"}
    return frozenset(found)


def _number_paragraphs(chain: list[ArticleReading]) -> tuple[list[ArticleReading], tuple[str, set] | None]:
    """Readings in which the article has several unnumbered paragraphs with sanctions of their own
    (CC 427 in the redaction of 12.07.2018, after Law 501-V added its second paragraph), numbered as
    the first later redaction read numbers the same paragraphs ("1.", "2."), with the remark saying so;
    the chain unchanged when there is none, or when no later redaction numbers as many parts."""
    out = list(chain)
    remark = None
    labels: set = set()
    for i, reading in enumerate(chain):
        unnumbered = [p for p in reading.parts if p.part is None and p.item is None]
        if len(unnumbered) < 2 or len(unnumbered) != len(reading.parts):
            continue
        later = next(
            (r for r in chain[i + 1 :] if not r.repealed and r.parts and all(p.part is not None for p in r.parts)), None
        )
        wanted = [str(k) for k in range(1, len(unnumbered) + 1)]
        if later is None or [p.part for p in later.parts if p.item is None] != wanted:
            continue
        out[i] = attrs.evolve(
            reading, parts=tuple(attrs.evolve(p, part=n) for p, n in zip(unnumbered, wanted, strict=True))
        )
        labels |= set(wanted)
        remark = (
            f"The redaction of {reading.redaction:%d.%m.%Y} has the article's {len(wanted)} paragraphs unnumbered; "
            f"the redaction of {later.redaction:%d.%m.%Y} numbers them {', '.join(wanted)}, in the same order."
        )
    return out, ((remark, labels) if remark else None)


def _repealed_throughout(code: str, chain: list[ArticleReading], acts: list[Act], title_en: str | None) -> dict:
    """An article every redaction read shows as repealed ("Статья 295 исключена Законом РК от 14.01.2015 № 279-V"):
    abolished from the day the repealing act applies. Its wording before then is not in any text read: the days
    from the Code's entry into force to the repeal are a gap (none when the repeal applies from the Code's first
    day, 01.01.2015: never in force under this Code)."""
    first = chain[0]
    assert first.repealed  # (build_article calls this only when every reading is repealed)
    repeal = _repealing_act(first.repealed, acts)
    start = repeal.first.earliest
    if start < CODES_IN_FORCE:
        raise BuildError(f"repealed by {repeal.number} from {start}, before the Code came into force")
    last = chain[-1]
    number, rule = repeal.reference()
    never = start == CODES_IN_FORCE
    notes = (
        f"Repealed: the redactions of {', '.join(f'{r.redaction:%d.%m.%Y}' for r in chain)} read {last.repealed!r}. "
        + (
            "The repeal applies from the Code's first day: the article was never in force under this Code."
            if never
            else "The wording before the repeal is in no redaction read (a gap)."
        )
    )
    version: dict = {
        "valid_from": start,
        "act": number,
        "entry_into_force": rule,
        "verification": "primary",
        "verified_through": last.redaction,
        "sources": list(
            dict.fromkeys(
                u for r in chain for u in (ZAN.format(doc=ZAN_DOCUMENTS[code], lang="rus", day=r.redaction), r.url)
            )
        ),
        "text_ru": last.repealed,
        "abolished": True,
        "notes": notes,
    }
    table: dict = {}
    if not never:
        table["gaps"] = [
            {
                "valid_from": CODES_IN_FORCE,
                "valid_to": _day_before(start),
                "reason": f"the wording before the repeal by {_names([repeal])} was not read (every redaction "
                f"read shows the article repealed)",
                "acts": [repeal.number],
            }
        ]
    table["versions"] = [version]
    title = {"ru": last.title}
    if title_en:
        title["en"] = title_en
    return {"code": code, "article": last.article, "title": title, "parts": [table]}


def build_article(
    code: str,
    chain: list[ArticleReading],
    kk: ArticleReading | None,
    exceptions: dict,
    notes: dict | None = None,
    absent_on: tuple[date, ...] = (),
    title_en: str | None = None,
    corrections: dict | None = None,
) -> tuple[dict, list[str]]:
    """The TOML table of one article from its readings (date order; the last is the newest
    redaction read), and the parts left out with the reason. `corrections` ({(article, part):
    corrections}) are evident typos of the official text the reader reads past, recorded in the file.

    `notes` ({(article, part): text}) are a reader's findings to attach to a part (e.g. a Russian and
    Kazakh text that disagree). `absent_on` are redactions read that do not have the article yet (it
    was added later): before it is in the text, it is not in force, rather than unread."""
    notes = notes or {}
    chain, numbered = _number_paragraphs(chain)
    late = chain[-1]
    acts = acts_named(chain)
    restating = _restating(chain)
    named_on = {r.redaction: frozenset(normalise_number(a.number) for a in acts_named([r])) for r in chain}
    named_on.update({day: frozenset() for day in absent_on if day not in named_on})  # not there: names nothing
    # an article without parts that an amendment gave a part 2: its text became part 1
    latest_with_parts = late if not late.repealed else next((r for r in reversed(chain) if not r.repealed), late)
    became_part_1 = latest_with_parts.part(None) is None and latest_with_parts.part("1") is not None

    def part_in(reading: ArticleReading, part, item):
        if became_part_1 and (part, item) == ("1", None) and reading.part("1") is None:
            return None  # part 1 is the old unnumbered text
        return part

    keys = [k for k in part_keys(*chain) if not (became_part_1 and k == (None, None))]
    if not keys and all(r.repealed for r in chain):
        return _repealed_throughout(code, chain, acts, title_en), []
    if not keys:
        raise BuildError(
            f"the redaction of {late.redaction:%d.%m.%Y} shows the article's title and footnotes only, no "
            f"sanction; its wording is not in the text read"
        )
    parts: list[dict] = []
    left_out: list[str] = []
    for part, item in keys:
        try:
            if item and not part:
                raise BuildError(
                    "sub-paragraphs with sanctions of their own in an article without parts "
                    "(the data model needs a part)"
                )
            wordings: list[tuple[date, Wording | None]] = []
            for reading in chain:
                if reading.repealed:
                    wordings.append(
                        (
                            reading.redaction,
                            Wording(
                                reading.repealed, None, reading.repealed, reading.redaction, reading.url, code=code
                            ),
                        )
                    )
                    continue
                wanted = part_in(reading, part, item)
                wordings.append(
                    (
                        reading.redaction,
                        _wording(reading, wanted, item, kk if reading is late else None, exceptions, corrections),
                    )
                )
            wordings = sorted(
                wordings + [(day, None) for day in absent_on if day < chain[0].redaction], key=lambda item: item[0]
            )
            cases = sorted({c for _, w in wordings if w and w.reading for c, _ in w.reading.cases})
            for case in [None] + cases:
                versions, gaps = build_part(wordings, acts, case, restating, named_on)
                table: dict = {}
                if part:
                    table["part"] = part
                if case or item:
                    table["item"] = case or item
                remarks = []
                if became_part_1 and (part, item) == ("1", None) and any(r.part(None) for r in chain):
                    remarks.append(
                        "Earlier redactions have no numbered parts: the article's one paragraph became "
                        "part 1 when a later act added the parts after it."
                    )
                if numbered and part in numbered[1] and case is None:
                    remarks.append(numbered[0])
                if (late.article, part or "") in notes and case is None:
                    remarks.append(notes[(late.article, part or "")])
                if case is None and cases:
                    remarks.append(
                        f"The sanction of this part except sub-paragraph(s) {', '.join(cases)}, which the "
                        f"sentence gives a sanction of its own (encoded as the item)."
                    )
                if remarks:
                    table["notes"] = " ".join(remarks)
                if gaps:
                    table["gaps"] = gaps
                table["versions"] = versions
                parts.append(table)
        except BuildError as error:
            left_out.append(f"part {part or '-'}{f' item {item}' if item else ''}: {error.reason}")
    named = next((r for r in reversed(chain) if not r.repealed), chain[0])
    title = {"ru": named.title}
    if kk is not None and kk.title and not late.repealed:
        title["kk"] = kk.title
    if title_en:
        title["en"] = title_en  # the project's translation (statutes/kz/readings/<code>/titles_en.toml)
    return {"code": code, "article": late.article, "title": title, "parts": parts}, left_out
