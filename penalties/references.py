"""Reading provision references as people write them, in English, Russian and Kazakh.

Accepted forms include `CC 274(1)`, `cc 274 part 1`, `kz.cc.274.1`, `ч.1 ст.274 УК РК`,
`ст. 274 ч. 1 УК`, `КоАП 489 ч.10`, `ч. 2 ст. 73-3 КоАП РК`, `Criminal Code art. 403 part 2`,
`ҚК 403-бап 1-бөлік`, the Latin transliterations `UK 274(1)` and `CAO`/`KoAP 489(2)`, a part
written `p.4`/`п.4` (a `п.` beside a `ч.` is the part's item), and an article written with a dot,
`AC 489.1(2)` for `AC 489-1(2)`. Every word and number of the text must be read: a leftover one
(`CC 403(1) 2019`, `CC 274 part 1 part 2`) is a `ReferenceSyntaxError` naming it, never a silently
different provision. `AC 489.1` without a part reads two ways (article 489-1, or article 489
part 1): `parse_readings` returns both, `parse_reference` refuses it, and `penalties.lookup` takes
the one the data has. `parse_reference` returns a `Reference`; resolving it against the encoded
provisions (with close-match suggestions) is `penalties.lookup`'s job.
"""

from __future__ import annotations

import re

import attrs

from .errors import ReferenceSyntaxError

_MACHINE = re.compile(r"^\s*kz\.(cc|ac)\.(\d{1,4}(?:-\d{1,3})?)(?:\.(\d{1,3}(?:-\d{1,3})?)(?:\.(\d{1,3}))?)?\s*$", re.I)
_NUMBER = r"\d{1,4}(?:-\d{1,3})?"

# Code markers; word boundaries are written out because \b does not treat Cyrillic reliably with
# mixed punctuation. `UK` (Ugolovny Kodeks) and `CAO`/`KoAP` (Code on Administrative Offenses) are
# the Latin spellings people write.
_CODE_MARKERS = (
    (
        "ac",
        re.compile(r"(?<![\w])(ac|cao|koap|коап|административн\w*|administrative|әқбтк|акбтк|әкімшілік)(?![\w])", re.I),
    ),
    ("cc", re.compile(r"(?<![\w])(cc|uk|ук|уголовн\w*|criminal|қк|кк|қылмыстық)(?![\w])", re.I)),
)
_PART_PATTERNS = (
    re.compile(r"(?<![\w])(?:ч|част[ьи]|часть|part|pt|para(?:graph)?)\s*\.?\s*(" + _NUMBER + r")(?![\w-])", re.I),
    re.compile(r"(?<![\w-])(" + _NUMBER + r")\s*-?\s*(?:бөлік\w*|часть|части|ч\.)", re.I),
    re.compile(r"(?<=\d)\s*\(\s*(" + _NUMBER + r")\s*\)"),
)
# `p.4` / `п.4` / `пункт 4`: the part when no other part is named, else the part's item
_POINT_PATTERN = re.compile(r"(?<![\w])(?:p|п|пункт\w*)\s*\.?\s*(" + _NUMBER + r")\)?(?![\w-])", re.I)
# a sub-paragraph (подпункт) of a part: "пп.2 ч.3", "подпункт 2 части 3", "517(3)(2)", "5)-тармақша"
_ITEM_PATTERNS = (
    re.compile(r"(?<![\w])(?:пп|подпункт\w*|item|subpara\w*)\s*\.?\s*(\d{1,3})\)?(?![\w-])", re.I),
    re.compile(r"(?<=\))\s*\(\s*(\d{1,3})\s*\)"),
    re.compile(r"(?<![\w-])(\d{1,3})\s*\)?\s*-?\s*тармақша\w*", re.I),
)
_ARTICLE_PATTERNS = (
    re.compile(
        r"(?<![\w])(?:ст|статья|статьи|статье|статьёй|art|article|бап)\s*\.?\s*(" + _NUMBER + r")(?![\w])", re.I
    ),
    re.compile(r"(?<![\w-])(" + _NUMBER + r")\s*-?\s*бап\w*", re.I),
)
_BARE_NUMBER = re.compile(r"(?<![\w-])(" + _NUMBER + r")(?![\w])")
# `489.1`: an article written with a dot (only digits on both sides; `ст.489` is not one)
_DOTTED = re.compile(r"(?<!\d)(?<!\d\.)(\d{1,4})\.(\d{1,3})(?![\w]|\.\d)")
# the words a reference may carry besides what is read: the codes' names, the country
_NOISE = frozenset(
    """
    code codes of the on republic kazakhstan rk offenses offences offense offence
    кодекс кодекса кодексе кодексу кодексом об о правонарушениях правонарушения республики республика
    казахстан рк
    қр қазақстан республикасының республикасы кодексі кодексінің құқық бұзушылық туралы
""".split()
)
_PUNCTUATION = ".,;:()-"


@attrs.frozen
class Reference:
    """A parsed reference: code (`cc`/`ac`), article, and part (None when not given)."""

    code: str
    article: str
    part: str | None = None
    item: str | None = None

    @property
    def id(self) -> str:
        return (
            f"kz.{self.code}.{self.article}"
            + (f".{self.part}" if self.part else "")
            + (f".{self.item}" if self.item else "")
        )


def parse_reference(text: str) -> Reference:
    """Parse `text`; raise `ReferenceSyntaxError` when no code and article can be read, when a word
    or number is left over, or when the text reads two ways (`AC 489.1`: see `parse_readings`)."""
    found = parse_readings(text)
    if len(found) > 1:
        shown = " or ".join(_label(r) for r in found)
        raise ReferenceSyntaxError(text, reason=f"this reads as {shown}; write which")
    return found[0]


def parse_readings(text: str) -> tuple[Reference, ...]:
    """Every reading of `text`: one, or two for a dotted article without a part (`AC 489.1` is
    article 489-1, or article 489 part 1). Raises `ReferenceSyntaxError` as `parse_reference`."""
    if not isinstance(text, str):
        raise ReferenceSyntaxError(repr(text), reason="a reference is a string such as 'CC 403(1)'")
    machine = _MACHINE.match(text)
    if machine:
        code, article, part, item = machine.groups()
        return (Reference(code.lower(), article, part, item),)
    normal = " ".join(text.replace("\u2013", "-").replace("\u2011", "-").replace("\u2010", "-").split())
    reader = _Reader(normal)

    codes = set()
    for code, pattern in _CODE_MARKERS:
        for match in pattern.finditer(normal):
            codes.add(code)
            reader.take(match)
    if not codes:
        raise ReferenceSyntaxError(text, reason="name the code: CC/УК or AC/КоАП")
    if len(codes) > 1:
        raise ReferenceSyntaxError(text, reason="it names both codes, CC/УК and AC/КоАП")
    code = codes.pop()

    dotted = list(_DOTTED.finditer(reader.text))
    if len(dotted) > 1:
        raise ReferenceSyntaxError(text, reason=f"cannot read {' '.join(m.group(0) for m in dotted)!r}")
    if dotted:  # "489.1" -> "489-1", same length, so the positions stay
        match = dotted[0]
        reader.text = reader.text[: match.start()] + f"{match.group(1)}-{match.group(2)}" + reader.text[match.end() :]

    item = reader.first(_ITEM_PATTERNS)
    part = reader.first(_PART_PATTERNS)
    point = reader.first((_POINT_PATTERN,))
    if point is not None:
        if part is None:
            part = point
        elif item is None:
            item = point
        else:
            raise ReferenceSyntaxError(text, reason=f"cannot read {point!r} beside part {part} and item {item}")
    article = reader.first(_ARTICLE_PATTERNS)
    if article is None:
        numbers = list(_BARE_NUMBER.finditer(reader.text))
        if not numbers:
            raise ReferenceSyntaxError(text, reason="cannot tell the article number")
        reader.take(numbers[0])  # the first; any other number is left over and refused below
        article = numbers[0].group(1)
    leftover = reader.leftover()
    if leftover:
        raise ReferenceSyntaxError(text, reason=f"cannot read {leftover!r}")
    if item is not None and part is None:
        raise ReferenceSyntaxError(text, reason=f"item {item} is given without a part")
    reading = Reference(code, article, part, item)
    if dotted and part is None and item is None:
        head, tail = dotted[0].group(1), dotted[0].group(2)
        return reading, Reference(code, head, tail)
    return (reading,)


class _Reader:
    """The text with the spans already read blanked out (positions kept)."""

    def __init__(self, text: str):
        self.text = text

    def take(self, match: re.Match) -> None:
        start, end = match.span()
        self.text = self.text[:start] + " " * (end - start) + self.text[end:]

    def first(self, patterns) -> str | None:
        """The number of the first pattern that matches, its whole match taken; None if none."""
        for pattern in patterns:
            match = pattern.search(self.text)
            if match:
                self.take(match)
                return match.group(1)
        return None

    def leftover(self) -> str:
        """What is not read and is not punctuation or a word of a code's name."""
        words = [w.strip(_PUNCTUATION) for w in self.text.split()]
        return " ".join(w for w in words if w and w.lower() not in _NOISE)


def _label(ref: Reference) -> str:
    base = f"{'CC' if ref.code == 'cc' else 'AC'} {ref.article}"
    return base + (f"({ref.part})" if ref.part else "") + (f"({ref.item})" if ref.item else "")
