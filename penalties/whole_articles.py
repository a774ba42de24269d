"""Whole articles: an article with all its encoded parts, assessed, listed and compared as one.

`article("CC 378")` is the article (`Article`: its title and every encoded part); `find(reference)`
is what `show`, `history`, `diff` and `list` act on: the provision a reference names, or the whole
article when it names an article that has several parts. `assess_article()` assesses every part
with the same case (a part that cannot be assessed on those dates says why, the others are still
given); `diff_article()` compares every part between two dates and says which parts were added or
repealed, by which act and from when. The legal steps are those of `assess()` and `diff()`,
called once per part.
"""

from __future__ import annotations

from datetime import date

import attrs

from . import inputs
from .assessment import Assessment, assess
from .changes import Change, diff_versions
from .data.articles import article as article_parts
from .errors import OutOfCoverageError, UnknownProvisionError, UnreadWordingError, UserInputError
from .law.provenance import Act
from .law.provisions import CODES, Provision, Version
from .lookup import provision as find_provision
from .references import parse_readings


@attrs.frozen
class Article:
    """An article of a Code with its encoded parts (`parts`, in order), e.g. CC 378(1) and 378(2)."""

    code: str
    number: str
    parts: tuple[Provision, ...]

    @property
    def id(self) -> str:
        return f"kz.{self.code}.{self.number}"

    @property
    def label(self) -> str:
        return f"{CODES[self.code]} {self.number}"

    @property
    def label_ru(self) -> str:
        return f"ст.{self.number} {'УК РК' if self.code == 'cc' else 'КоАП РК'}"

    @property
    def label_kk(self) -> str:
        return f"{'ҚР ҚК' if self.code == 'cc' else 'ҚР ӘҚБтК'} {self.number}-бап"

    @property
    def title(self) -> dict:
        return dict(self.parts[0].title)

    def to_dict(self) -> dict:
        return {
            "article": self.id,
            "label": self.label,
            "code": self.code,
            "number": self.number,
            "title": self.title,
            "parts": [{"provision": p.id, "label": p.label} for p in self.parts],
        }


def article(reference: str) -> Article:
    """The article `reference` names (`"CC 378"`, `"ст. 188 УК"`, `"AC 488"`), with every encoded part.

    A reference to a part (`"CC 378(1)"`) is refused: it names a provision (`penalties.provision`).
    `UnknownProvisionError` when the article is not encoded.
    """
    ref = _article_reading(reference)
    if ref.part is not None:
        raise UnknownProvisionError(reference, (f"{CODES[ref.code]} {ref.article}",), "it names a part; the article is")
    found = article_parts(ref.code, ref.article)
    if not found:
        find_provision(reference)  # raises UnknownProvisionError with the nearest encoded articles
    return Article(ref.code, ref.article, found)


def find(reference: str | Provision | Article) -> Provision | Article:
    """What a command acts on: the provision `reference` names, or the whole article when the
    reference names an article (no part) that has more than one encoded provision."""
    if isinstance(reference, (Provision, Article)):
        return reference
    text = inputs.reference(reference)
    try:
        return find_provision(text)
    except UnknownProvisionError as error:
        try:
            ref = _article_reading(text)
        except UnknownProvisionError:
            raise error from None
        if ref.part is None and article_parts(ref.code, ref.article):
            return Article(ref.code, ref.article, article_parts(ref.code, ref.article))
        raise


def _article_reading(reference: str):
    readings = parse_readings(inputs.reference(reference))
    # "AC 489.1" reads as article 489-1 or article 489 part 1: take the reading that is an article
    # the data has, only when exactly one is
    whole = [r for r in readings if r.part is None and article_parts(r.code, r.article)]
    if len(readings) > 1 and len(whole) != 1:
        find_provision(reference)  # the lookup's own refusal, naming both readings
    return whole[0] if len(readings) > 1 else readings[0]


@attrs.frozen
class PartAssessment:
    """One part of an article assessed: `assessment`, or `refusal` (the error's class and message)
    when the part cannot be assessed for that case (not in force then, its wording not read, no
    sanction for that offender)."""

    provision: Provision
    assessment: Assessment | None
    refusal: str | None = None
    refusal_message: str | None = None

    def to_dict(self) -> dict:
        if self.assessment is not None:
            return self.assessment.to_dict()
        return {
            "provision": self.provision.id,
            "label": self.provision.label,
            "error": {"type": self.refusal, "message": self.refusal_message},
        }


@attrs.frozen
class ArticleAssessment:
    """Every part of an article assessed with the same case: `parts`, in order."""

    article: Article
    parts: tuple[PartAssessment, ...]

    def to_dict(self) -> dict:
        return dict(self.article.to_dict(), parts=[p.to_dict() for p in self.parts])

    def format(self, locale: str = "en", explain: bool = False) -> str:
        """Each part's assessment for people (`Assessment.format`), a refused part with the reason."""
        from .output.render import render_article_assessment

        return render_article_assessment(self, locale, explain=explain)


def assess_article(reference: str | Article, on: date | None = None, **case) -> ArticleAssessment:
    """`assess()` of every encoded part of an article, with the same dates, offender and options.

    A part that cannot be assessed for that case (a `UserInputError` of `assess()`: not in force on
    the dates, wording not read, no sanction for the offender) is kept with the reason; if no part
    can be assessed, the first part's error is raised.
    """
    whole = reference if isinstance(reference, Article) else article(reference)
    results, first_error = [], None
    for part in whole.parts:
        try:
            results.append(PartAssessment(part, assess(part, on, **case)))
        except (OutOfCoverageError, UserInputError) as error:
            if _is_about_the_arguments(error):
                raise
            first_error = first_error or error
            results.append(PartAssessment(part, None, type(error).__name__, str(error)))
    if all(r.assessment is None for r in results) and first_error is not None:
        raise first_error
    return ArticleAssessment(whole, tuple(results))


def _is_about_the_arguments(error: Exception) -> bool:
    """An error about what was passed (a bad date, amount, offender name): the same for every part."""
    from .errors import AmountError, DateError, MissingBaseError, UnknownOffenderError

    if isinstance(error, UnknownOffenderError):
        return error.offender not in _known_offenders()
    return isinstance(error, (DateError, AmountError)) and not isinstance(error, MissingBaseError)


def _known_offenders() -> tuple[str, ...]:
    from .law.provisions import OFFENDERS

    return OFFENDERS


#: what a part's state on a date is, for `diff_article`
IN_FORCE, ABOLISHED, ABSENT, UNREAD = "in_force", "abolished", "absent", "unread"


@attrs.frozen
class PartDiff:
    """How one part of an article differs between two dates.

    `status`: `changed` (its sanction changed: `changes`), `unchanged`, `added` (not in the Code on
    the first date, in force on the second), `repealed` (in force on the first date, repealed by
    the second), `restored`, `absent` (in force on neither date) or `unread` (its wording on one of
    the dates was not read: `reason`). `acts` are the acts whose versions start after the first
    date and up to the second, each with the day it applied from (for `added` and `repealed`, the
    act that added or repealed the part comes last).
    """

    provision: str
    label: str
    status: str
    changes: tuple[Change, ...] = ()
    acts: tuple[tuple[Act, date], ...] = ()
    reason: str | None = None

    def to_dict(self) -> dict:
        return {
            "provision": self.provision,
            "label": self.label,
            "status": self.status,
            "changes": [c.to_dict() for c in self.changes],
            "acts": [dict(act.to_dict(), valid_from=since.isoformat()) for act, since in self.acts],
            "reason": self.reason,
        }


@attrs.frozen
class ArticleDiff:
    """`diff_article()`'s answer: every part of the article compared between `first` and `second`."""

    article: Article
    first: date
    second: date
    parts: tuple[PartDiff, ...]

    def to_dict(self) -> dict:
        return dict(
            self.article.to_dict(),
            first=self.first.isoformat(),
            second=self.second.isoformat(),
            parts=[p.to_dict() for p in self.parts],
        )

    def format(self, locale: str = "en") -> str:
        from .output.render import render_article_diff

        return render_article_diff(self, locale)

    def __str__(self) -> str:
        return self.format("en")


def _state(p: Provision, on: date) -> tuple[str, Version | None, str | None]:
    try:
        version = p.version_on(on)
    except UnreadWordingError as error:
        return UNREAD, None, str(error)
    except OutOfCoverageError:
        # the builder encodes a part from the first redaction read that has it: before its first
        # version with no gap, the part was not in the Code
        return ABSENT, None, None
    return (ABOLISHED if version.abolished else IN_FORCE), version, None


def diff_part(p: Provision, first: date, second: date) -> PartDiff:
    """One part compared between two dates (see `PartDiff`)."""
    (state_a, a, why_a), (state_b, b, why_b) = _state(p, first), _state(p, second)
    low, high = min(first, second), max(first, second)
    acts = tuple((v.act, v.valid_from) for v in p.versions if low < v.valid_from <= high)
    if UNREAD in (state_a, state_b):
        return PartDiff(p.id, p.label, UNREAD, (), acts, why_a or why_b)
    if state_a == IN_FORCE and state_b == IN_FORCE:
        assert a is not None and b is not None
        changes = diff_versions(a, b)
        return PartDiff(p.id, p.label, "changed" if changes else "unchanged", changes, acts)
    present_a, present_b = state_a == IN_FORCE, state_b == IN_FORCE
    if present_a == present_b:  # in force on neither date (absent or repealed on both)
        return PartDiff(p.id, p.label, "absent" if state_a == state_b == ABSENT else "unchanged", (), acts)
    if present_b:
        status = "added" if state_a == ABSENT else "restored"
    else:
        status = "repealed"
    return PartDiff(p.id, p.label, status, (), acts)


def diff_article(reference: str | Article, first: date, second: date) -> ArticleDiff:
    """Every encoded part of an article compared between the versions in force on two dates:
    which parts changed (and how), which were added or repealed, by which act and from when."""
    whole = reference if isinstance(reference, Article) else article(reference)
    first, second = inputs.a_date(first, "first"), inputs.a_date(second, "second")
    return ArticleDiff(whole, first, second, tuple(diff_part(p, first, second) for p in whole.parts))
