"""Drafting an article file from pasted official text (`penalties draft`).

A contributor pastes an article as zan.gov.kz or adilet shows it ("Статья 146. Пытки", its parts
"1. … – наказывается …", its footnotes "Сноска. …"); `draft_article()` returns the TOML of a new
`statutes/kz/<code>/<article>.toml`: the title, one part per numbered part, each with one version
whose sanction is the sanction reader's reading of the quoted sentence, and the quote itself.
What the text cannot say is left for the contributor, as comments: the dates of the version (the
footnotes' acts are listed with the first day each rule gives), the redaction read and its URL.
`penalties check` refuses the file until they are filled in.
"""

from __future__ import annotations

import re

import attrs

from ..errors import PhraseError, SanctionTextError, UserInputError
from ..law.footnotes import read_footnote
from .reader import item_table, read_sanction
from .reader_ac import read_ac_sanction
from .toml_out import scalar

_HEADING = re.compile(r"^\s*#*\s*Статья\s+(?P<number>\d{1,3}(?:-\d{1,2})?)\.\s*(?P<title>.+?)\s*$", re.M)
_PART = re.compile(r"^\s*(?P<number>\d{1,2}(?:-\d{1,2})?)\.\s+(?=\S)", re.M)
_SANCTION = {"cc": re.compile(r"\bнаказыва(?:ется|ются)\b"), "ac": re.compile(r"\bвлеч(?:ет|ут)\b|\bвлекут\b")}
_END = re.compile(r"^\s*(?:>\s*)?(?:Сноска\.|Примечание|Примечания|<a id=)", re.M)


@attrs.frozen
class DraftPart:
    part: str | None
    sanction: str


@attrs.frozen
class Draft:
    code: str
    article: str
    title: str
    parts: tuple[DraftPart, ...]
    footnotes: tuple[str, ...]


def parse_article(text: str, code: str | None = None) -> Draft:
    """The heading, the parts' sanction sentences and the footnotes of one pasted article."""
    if not isinstance(text, str) or not text.strip():
        raise UserInputError("draft needs the official text of one article (from 'Статья N. …' on)")
    heading = _HEADING.search(text)
    if heading is None:
        raise UserInputError("no heading 'Статья N. Title' in the text: paste the article from its heading on")
    body = text[heading.end() :]
    footnotes = tuple(" ".join(m.group(0).split()) for m in re.finditer(r"Сноска\.[^\n]+", body))
    end = _END.search(body)
    main = body[: end.start()] if end else body
    code = code or ("ac" if _SANCTION["ac"].search(main) and not _SANCTION["cc"].search(main) else "cc")
    if code not in _SANCTION:
        raise UserInputError(f"code should be cc or ac, got {code!r}")
    starts = [m for m in _PART.finditer(main) if _is_part_start(main, m)]
    chunks = (
        [(None, main)]
        if not starts
        else [
            (m["number"], main[m.end() : (starts[i + 1].start() if i + 1 < len(starts) else len(main))])
            for i, m in enumerate(starts)
        ]
    )
    parts = []
    for number, chunk in chunks:
        found = _SANCTION[code].search(chunk)
        if found is None:
            continue  # a definition or a note: no sanction of its own
        parts.append(DraftPart(number, " ".join(chunk[found.start() :].split()).strip()))
    if not parts:
        raise UserInputError(f"no sanction ('{'наказывается' if code == 'cc' else 'влечет'} …') in the text")
    return Draft(code, heading["number"], heading["title"].rstrip("."), tuple(parts), footnotes)


def _is_part_start(text: str, match: re.Match) -> bool:
    # "1. …" at a line start is a part; "1) …" items are not matched; a number that merely starts a
    # wrapped line of prose is followed by a lower-case word
    following = text[match.end() : match.end() + 1]
    return following[:1].isupper() or following[:1] in '«"('


def draft_article(text: str, code: str | None = None) -> str:
    """The TOML of a new article file from the pasted official text (see the module docstring)."""
    draft = parse_article(text, code)
    lines = [
        f"# Drafted by `penalties draft` from pasted official text of {draft.code.upper()} art. {draft.article}.",
        "# Fill in every line marked TODO, then run `penalties check`.",
        f"code = {scalar(draft.code)}",
        f"article = {scalar(draft.article)}",
        "",
        "[title]",
        f"ru = {scalar(draft.title)}",
        "# kk = TODO (the official Kazakh heading)",
        "",
    ]
    if draft.footnotes:
        lines.append("# Amending acts named by the footnotes, with the first day each rule gives:")
        for footnote in draft.footnotes:
            try:
                entries = read_footnote(footnote).entries
            except PhraseError:
                lines.append(f"#   (a footnote that cannot be read: {footnote[:100]})")
                continue
            for e in entries:
                day = _first_day_text(e)
                lines.append(f"#   {e.number} of {e.signed:%d.%m.%Y} ({e.change or 'amended'}): {day}")
        lines.append("")
    for part in draft.parts:
        lines += _part_lines(draft.code, part)
    return "\n".join(lines).rstrip() + "\n"


def _first_day_text(entry) -> str:
    if entry.rule is None:
        return "no rule in the footnote"
    try:
        first = entry.first_day()
    except PhraseError:
        return f"rule not read: {entry.rule[:80]}"
    return f"from {first.earliest}" + ("" if first.exact else " at the earliest (publication date not known)")


def _part_lines(code: str, part: DraftPart) -> list[str]:
    lines = ["[[parts]]"] + ([f"part = {scalar(part.part)}"] if part.part else [])
    lines += [
        "",
        "[[parts.versions]]",
        "# valid_from = TODO (the first day of this wording: 2015-01-01, or an amending act's first day)",
        '# act = TODO (the act that gave this wording, by number: "226-V" for the Code itself)',
        'verification = "primary"',
        '# sources = TODO ["https://zan.gov.kz/client/#!/doc/…/rus/DD.MM.YYYY", the pinned corpus URL]',
        f"text_ru = {scalar(part.sanction)}",
    ]
    try:
        if code == "cc":
            reading = read_sanction(part.sanction)
            sanctions: list[tuple[str | tuple[str, ...], tuple, tuple]] = [
                ("individual", reading.main, reading.additional)
            ]
        else:
            sanctions = [(s.offenders, s.main, s.additional) for s in read_ac_sanction(part.sanction)]
    except SanctionTextError as error:
        return lines + [
            f"# TODO the sanction reader cannot read this wording ({error}); encode it by hand and",
            '# add reader_exception = "why"',
            "",
        ]
    for offenders, main, additional in sanctions:
        who = offenders if isinstance(offenders, str) else (offenders[0] if len(offenders) == 1 else list(offenders))
        lines += ["", "[[parts.versions.sanctions]]", f"offender = {scalar(who)}", "main = ["]
        lines += [f"  {scalar(item_table(i))}," for i in main] + ["]"]
        if additional:
            lines += ["additional = ["] + [f"  {scalar(item_table(i))}," for i in additional] + ["]"]
    return lines + [""]
