"""CSV tables of listings, histories and search results (`--csv`): one row per provision or version.

A table is data, like the JSON: kinds and offender categories appear by their ids (`fine`,
`medium_business`), dates are ISO, amounts are the law's own figures ("1000 MCI", "36 month").
The first row names the columns; the text is RFC 4180 CSV (`csv.writer`, CRLF line ends).
"""

from __future__ import annotations

import csv
import io

from ..law.quantities import measure_text


def _table(header: list[str], rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


LIST_COLUMNS = [
    "provision",
    "label",
    "code",
    "article",
    "part",
    "item",
    "title_ru",
    "title_kk",
    "title_en",
    "first",
    "last",
    "versions",
    "verification",
]


def list_csv(provisions) -> str:
    """`penalties list --csv`: a provision a row, with its titles, coverage and verification levels."""
    rows = []
    for p in provisions:
        first, last = p.coverage
        rows.append(
            [
                p.id,
                p.label,
                p.code,
                p.article,
                p.part or "",
                p.item or "",
                p.title.get("ru", ""),
                p.title.get("kk", ""),
                p.title.get("en", ""),
                first.isoformat(),
                last.isoformat() if last else "",
                len(p.versions),
                "/".join(sorted({v.verification for v in p.versions})),
            ]
        )
    return _table(LIST_COLUMNS, rows)


HISTORY_COLUMNS = [
    "provision",
    "label",
    "valid_from",
    "valid_to",
    "valid_from_latest",
    "act",
    "act_date",
    "verification",
    "abolished",
    "moved_to",
    "offenders",
    "main",
    "additional",
    "sources",
]


def _items(items) -> str:
    """Items as `kind min..max` joined by '; ' ('fine ..1000 MCI; imprisonment ..36 month')."""
    out = []
    for i in items:
        bound = "lifelong" if i.lifelong else f"{measure_text(i.min) or ''}..{measure_text(i.max) or ''}"
        flag = "" if i.mandatory is None else (" mandatory" if i.mandatory else " optional")
        out.append(f"{i.kind} {bound}{flag}" if bound != ".." else f"{i.kind}{flag}")
    return "; ".join(out)


def history_csv(provisions) -> str:
    """`penalties history --csv`: a row per version and sanction (one per offender group)."""
    rows = []
    for p in provisions:
        for v in p.versions:
            common = [
                p.id,
                p.label,
                v.valid_from.isoformat(),
                v.valid_to.isoformat() if v.valid_to else "",
                v.valid_from_latest.isoformat() if v.valid_from_latest else "",
                v.act.number,
                v.act.date.isoformat(),
                v.verification,
                "true" if v.abolished else "false",
                v.moved_to or "",
            ]
            sources = " ".join(v.sources)
            if not v.sanctions:
                rows.append(common + ["", "", "", sources])
            for s in v.sanctions:
                rows.append(common + [" ".join(s.offenders), _items(s.main), _items(s.additional), sources])
    return _table(HISTORY_COLUMNS, rows)


SEARCH_COLUMNS = ["article", "label", "code", "number", "score", "title_ru", "title_kk", "title_en", "words", "parts"]


def search_csv(hits) -> str:
    """`penalties search --csv`: an article a row, best first; `parts` are the ids that pass the filters."""
    return _table(
        SEARCH_COLUMNS,
        [
            [
                h.article,
                h.label,
                h.code,
                h.number,
                h.score,
                h.title.get("ru", ""),
                h.title.get("kk", ""),
                h.title.get("en", ""),
                " ".join(h.words),
                " ".join(h.parts),
            ]
            for h in hits
        ],
    )
