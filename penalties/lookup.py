"""Finding encoded provisions by reference, with close-match suggestions when none matches."""

from __future__ import annotations

import difflib

from . import inputs
from .data.articles import article, catalogue
from .data.store import cached
from .errors import ReferenceSyntaxError, UnknownProvisionError
from .law.provisions import CODES, Code, Provision
from .references import parse_readings


def provision(reference: str) -> Provision:
    """The provision `reference` names (`"CC 403(1)"`, `"ч.1 ст.403 УК РК"`, `"kz.cc.403.1"`, …).

    Raises `UnknownProvisionError` naming the closest known provisions, and `ReferenceSyntaxError`
    for anything that is not a string (a list, a dict, None).
    """
    if isinstance(reference, Provision):
        return reference
    return _provision(inputs.reference(reference))


@cached(maxsize=4096)
def _provision(reference: str) -> Provision:
    try:
        readings = parse_readings(reference)
    except ReferenceSyntaxError as error:
        raise ReferenceSyntaxError(reference, _suggest_text(reference, catalogue()), error.reason) from None
    if len(readings) == 1:
        return _resolve(reference, readings[0])
    # "AC 489.1": article 489-1, or article 489 part 1; taken only when the data has just one of them
    known = [ref for ref in readings if _exists(ref)]
    if len(known) == 1:
        return _resolve(reference, known[0])
    if known:
        labels = tuple(
            p.label for ref in known for p in article(ref.code, ref.article) if ref.part is None or p.part == ref.part
        )
        raise UnknownProvisionError(
            reference,
            labels,
            "it reads as "
            + " or ".join(f"{CODES[ref.code]} {ref.article}" + (f"({ref.part})" if ref.part else "") for ref in known)
            + "; write which",
        )
    return _resolve(reference, readings[0])


def _exists(ref) -> bool:
    """Whether the data has the article (for a reading without a part) or the part."""
    siblings = article(ref.code, ref.article)
    return bool(siblings) if ref.part is None else any(p.part == ref.part for p in siblings)


def _resolve(reference: str, ref) -> Provision:
    # only the article's own file is read: a lookup does not load the whole catalogue
    siblings = article(ref.code, ref.article)
    for found in siblings:
        if found.id == ref.id:
            return found
    if ref.part is None and len(siblings) == 1 and siblings[0].part is None:
        return siblings[0]
    if siblings:
        reason = (
            "name a part" if ref.part is None else f"{CODES[ref.code]} {ref.article} has no encoded part {ref.part}"
        )
        raise UnknownProvisionError(reference, tuple(p.label for p in siblings), reason)
    raise UnknownProvisionError(
        reference,
        _suggest_article(ref.code, ref.article, catalogue(ref.code)),
        f"{CODES[ref.code]} {ref.article} is not encoded",
    )


def provisions(code: Code | None = None) -> tuple[Provision, ...]:
    """Every encoded provision (of one code, `"cc"` or `"ac"`, if given), in article order."""
    return tuple(catalogue(code))


def _suggest_article(code: str, article: str, cat, n: int = 3) -> tuple[str, ...]:
    """Provisions of the nearest encoded articles of the same code."""

    def number(a: str) -> float:
        head, _, tail = a.partition("-")
        return int(head) + (int(tail) / 1000 if tail else 0)

    target = number(article)
    articles = sorted({a for (c, a) in cat.by_article if c == code}, key=lambda a: (abs(number(a) - target), a))
    return tuple(cat.by_article[(code, a)][0].label for a in articles[:n])


def _suggest_text(text: str, cat, n: int = 3) -> tuple[str, ...]:
    labels = [p.label for p in cat]
    return tuple(difflib.get_close_matches(str(text).upper(), labels, n=n, cutoff=0.4))
