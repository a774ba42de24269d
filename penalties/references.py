"""Reading provision references as people write them, in English, Russian and Kazakh.

Accepted forms include `CC 274(1)`, `cc 274 part 1`, `kz.cc.274.1`, `ч.1 ст.274 УК РК`,
`ст. 274 ч. 1 УК`, `КоАП 489 ч.10`, `ч. 2 ст. 73-3 КоАП РК`, `Criminal Code art. 403 part 2`,
`ҚК 403-бап 1-бөлік`. `parse_reference` returns a `Reference`; resolving it against the encoded
provisions (with close-match suggestions) is `penalties.lookup`'s job.
"""

from __future__ import annotations

import re

import attrs

from .errors import ReferenceSyntaxError

_MACHINE = re.compile(r"^\s*kz\.(cc|ac)\.(\d{1,4}(?:-\d{1,3})?)(?:\.(\d{1,3}(?:-\d{1,3})?)(?:\.(\d{1,3}))?)?\s*$", re.I)
_NUMBER = r"\d{1,4}(?:-\d{1,3})?"

# Code markers; word boundaries are written out because \b does not treat Cyrillic reliably with
# mixed punctuation.
_CODE_MARKERS = (
    ("ac", re.compile(r"(?<![\w])(ac|коап|административн\w*|administrative|әқбтк|акбтк|әкімшілік)(?![\w])", re.I)),
    ("cc", re.compile(r"(?<![\w])(cc|ук|уголовн\w*|criminal|қк|кк|қылмыстық)(?![\w])", re.I)),
)
_PART_PATTERNS = (
    re.compile(r"(?<![\w])(?:ч|част[ьи]|часть|part|pt|para(?:graph)?)\s*\.?\s*(" + _NUMBER + r")(?![\w-])", re.I),
    re.compile(r"(" + _NUMBER + r")\s*-?\s*(?:бөлік\w*|часть|части|ч\.)", re.I),
    re.compile(r"(?:^|[^\w])" + _NUMBER + r"\s*\(\s*(" + _NUMBER + r")\s*\)"),
)
# a sub-paragraph (подпункт) of a part: "пп.2 ч.3", "подпункт 2 части 3", or "517(3)(2)"
_ITEM_PATTERN = re.compile(r"(?<![\w])(?:пп|подпункт\w*|item|subpara\w*)\s*\.?\s*(\d{1,3})(?![\w-])|"
                           r"(?<=\))\s*\(\s*(\d{1,3})\s*\)", re.I)
_ARTICLE_PATTERNS = (
    re.compile(r"(?<![\w])(?:ст|статья|статьи|статье|art|article|бап)\s*\.?\s*(" + _NUMBER + r")(?![\w])", re.I),
    re.compile(r"(" + _NUMBER + r")\s*-?\s*бап", re.I),
)


@attrs.frozen
class Reference:
    """A parsed reference: code (`cc`/`ac`), article, and part (None when not given)."""

    code: str
    article: str
    part: str | None = None
    item: str | None = None

    @property
    def id(self) -> str:
        return (f"kz.{self.code}.{self.article}" + (f".{self.part}" if self.part else "")
                + (f".{self.item}" if self.item else ""))


def parse_reference(text: str) -> Reference:
    """Parse `text`; raise `ReferenceSyntaxError` when no code and article can be read."""
    if not isinstance(text, str):
        raise ReferenceSyntaxError(repr(text), reason="a reference is a string such as 'CC 403(1)'")
    machine = _MACHINE.match(text)
    if machine:
        code, article, part, item = machine.groups()
        return Reference(code.lower(), article, part, item)
    normal = " ".join(text.replace("\u2013", "-").replace("\u2011", "-").split())
    code = next((c for c, pattern in _CODE_MARKERS if pattern.search(normal)), None)
    if code is None:
        raise ReferenceSyntaxError(text, reason="name the code: CC/УК or AC/КоАП")
    item_match = _ITEM_PATTERN.search(normal)
    item = item_match.group(1) or item_match.group(2) if item_match else None
    if item_match:
        normal = normal[:item_match.start()] + " " + normal[item_match.end():]
    part_match = next((m for p in _PART_PATTERNS if (m := p.search(normal))), None)
    part = part_match.group(1) if part_match else None
    rest = normal if part_match is None else normal[:part_match.start(1)] + " " + normal[part_match.end(1):]
    article_match = next((m for p in _ARTICLE_PATTERNS if (m := p.search(rest))), None)
    if article_match is None:
        numbers = re.findall(r"(?<![\w.])(" + _NUMBER + r")(?![\w])", rest)
        if len(numbers) != 1:
            raise ReferenceSyntaxError(text, reason="cannot tell the article number")
        article = numbers[0]
    else:
        article = article_match.group(1)
    return Reference(code, article, part, item)
