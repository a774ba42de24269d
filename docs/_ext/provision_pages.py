"""Sphinx extension: write one Markdown page per encoded article, with one chart, before reading.

Each page gives the article's titles in Russian, Kazakh and English, then a section per part (or
sub-paragraph) with a table of versions (interval, act, sanction in MCI and in tenge and dollars at
the start of the version, verification and sources), and one chart of the maximum fine of every
part over time in MCI, KZT and USD, drawn as SVG. The index lists the articles of each
Code by chapter (statutes/kz/<code>/chapters.toml), with the chapter headings and the articles'
titles in the three languages, so the site's search box finds them by title words.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import penalties
from penalties.data.chapters import chapters
from penalties.errors import PenaltiesError
from penalties.output.render import items_text, offender_name

END = date(2026, 11, 21)


def _fmt_money(money) -> str:
    if money is None:
        return "—"
    parts = [f"{money.mci.normalize():f} MCI" if money.mci == money.mci.to_integral() else f"{money.mci:.2f} MCI"]
    parts.append(f"{money.kzt:,.0f} KZT".replace(",", " "))
    parts.append(f"{money.usd:,.2f} USD".replace(",", " ") if money.usd is not None else "no USD rate")
    return "<br>".join(parts)


def _fine_cap(p, offender, on):
    try:
        a = penalties.assess(p, on=on, offender=offender, base_amount=None)
    except PenaltiesError:
        return None
    fine = next((i for i in a.main if i.kind == "fine"), None)
    return fine.max.value if fine and fine.max else None


def _article_number(article: str) -> tuple[int, int]:
    head, _, tail = article.partition("-")
    return int(head), int(tail or 0)


def _series_of(p):
    """The maximum fine of `p` on the first day of each quarter and on every version's first day,
    per offender category that has one (the MCI line only steps at versions; tenge steps with the
    MCI, on 1 January and in 2020 and 2022 on 1 April; dollars are drawn quarterly)."""
    start = max(p.versions[0].valid_from, date(2015, 1, 1))
    end = p.versions[-1].valid_to or END
    days = {
        date(y, m, 1) for y in range(start.year, end.year + 1) for m in (1, 4, 7, 10)
    }  # the MCI changes on 1 Jan / 1 Apr
    days |= {v.valid_from for v in p.versions} | {start}
    days = sorted(d for d in days if start <= d <= end)
    offenders = list(dict.fromkeys(o for v in p.versions for o in v.offenders)) or ["individual"]
    offenders = [o if o != "unnamed" else "individual" for o in offenders]
    series = {}
    for offender in dict.fromkeys(offenders):
        caps = [_fine_cap(p, offender, d) for d in days]
        if any(c is not None for c in caps):
            series[offender] = caps
    return days, series


_COLOURS = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
)


def _chart(parts, path: Path) -> bool:
    """One chart for an article, as SVG: a panel each for MCI, KZT and USD, a step line per part
    and offender category that has a fine (written by hand: a thousand matplotlib figures would
    make the site build take most of an hour)."""
    lines = []
    for p in parts:
        days, series = _series_of(p)
        for offender, caps in series.items():
            name = p.label if len(series) == 1 else f"{p.label}, {offender}"
            lines.append((name, days, caps))
    if not lines:
        return False
    width, panel, left, top = 720, 150, 90, 30
    x0, x1 = date(2015, 1, 1).toordinal(), END.toordinal()

    def x(day):
        return left + (day.toordinal() - x0) / (x1 - x0) * (width - left - 20)

    svg = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{top + 3 * (panel + 25) + 20 * ((len(lines) + 2) // 3)}" '
        f'font-family="sans-serif" font-size="11">',
        f'<text x="{left}" y="18" font-size="13">{_escape(parts[0].label.split("(")[0])}: maximum fine over time</text>',
    ]
    for k, (attr, unit) in enumerate((("mci", "MCI"), ("kzt", "KZT"), ("usd", "USD"))):
        y_top = top + k * (panel + 25)
        values = [
            float(getattr(c, attr))
            for _, _, caps in lines
            for c in caps
            if c is not None and getattr(c, attr) is not None
        ]
        high = max(values, default=1) or 1
        svg.append(
            f'<rect x="{left}" y="{y_top}" width="{width - left - 20}" height="{panel}" fill="none" stroke="#ccc"/>'
        )
        svg.append(f'<text x="4" y="{y_top + 12}">max fine, {unit}</text>')
        svg.append(f'<text x="4" y="{y_top + 26}" fill="#666">up to {high:,.0f}</text>')
        for year in range(2015, END.year + 1, 2):
            xx = x(date(year, 1, 1))
            svg.append(f'<text x="{xx:.0f}" y="{y_top + panel + 12}" fill="#666">{year}</text>')
        for n, (_name, days, caps) in enumerate(lines):
            points, previous = [], None
            for day, cap in zip(days, caps, strict=True):
                value = getattr(cap, attr) if cap is not None else None
                if value is None:
                    if points:
                        svg.append(_polyline(points, _COLOURS[n % len(_COLOURS)]))
                    points, previous = [], None
                    continue
                yy = y_top + panel - float(value) / high * (panel - 10)
                if previous is not None:
                    points.append((x(day), previous))
                points.append((x(day), yy))
                previous = yy
            if points:
                points.append((x(END), previous))
                svg.append(_polyline(points, _COLOURS[n % len(_COLOURS)]))
    legend_top = top + 3 * (panel + 25)
    for n, (name, _, _) in enumerate(lines):
        lx, ly = left + (n % 3) * 210, legend_top + 20 * (n // 3)
        svg.append(
            f'<rect x="{lx}" y="{ly - 9}" width="12" height="4" fill="{_COLOURS[n % len(_COLOURS)]}"/>'
            f'<text x="{lx + 16}" y="{ly - 4}">{_escape(name)}</text>'
        )
    svg.append("</svg>")
    path.write_text("\n".join(svg), encoding="utf-8")
    return True


def _polyline(points, colour) -> str:
    return (
        f'<polyline fill="none" stroke="{colour}" stroke-width="1.5" points="'
        + " ".join(f"{a:.1f},{b:.1f}" for a, b in points)
        + '"/>'
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _versions_table(p) -> list[str]:
    lines = [
        "| in force | act | sanction | maximum fine at the start | verification | sources |",
        "|---|---|---|---|---|---|",
    ]
    for v in p.versions:
        span = f"{v.valid_from} – {v.valid_to or 'in force'}"
        if v.valid_from_latest:
            span += f" (started by {v.valid_from_latest} at the latest)"
        if v.abolished:
            sanction, money = "abolished" + (f"; moved to {v.moved_to}" if v.moved_to else ""), "—"
        else:
            sanction = "<br>".join(
                f"*{', '.join(offender_name(o, 'en') for o in s.offenders)}*: "
                + items_text(s.main, "en")
                + ("; + " + items_text(s.additional, "en") if s.additional else "")
                for s in v.sanctions
            )
            money = "<br>".join(f"*{o}*: {_fmt_money(_fine_cap(p, o, v.valid_from))}" for o in v.offenders)
        sources = " ".join(f"[{k + 1}]({url})" for k, url in enumerate(v.sources))
        lines.append(
            f"| {span} | {v.act.number} of {v.act.date} | {sanction} | {money} | {v.verification} | {sources} |"
        )
    return lines


#: where `penalties serve` listens by default (penalties/cli.py: --host 127.0.0.1 --port 8000)
CALCULATOR = "http://127.0.0.1:8000/"


def calculator_url(label: str) -> str:
    """The web app's form with the provision filled in (the dates are the reader's to give)."""
    from urllib.parse import urlencode

    return CALCULATOR + "?" + urlencode({"reference": label})


def article_page_name(code: str, article: str) -> str:
    return f"kz.{code}.{article}"


def _page(parts, charts: Path) -> str:
    first = parts[0]
    name = article_page_name(first.code, first.article)
    heading = first.label.split("(")[0]
    lines = [f"# {heading}: {first.title.get('en', '')}", "", "| language | title |", "|---|---|"]
    for lang, language in (("ru", "Русский"), ("kk", "Қазақша"), ("en", "English")):
        lines.append(f"| {language} | {first.title.get(lang, '— (not read)')} |")
    lines += [
        "",
        f"Data file: `statutes/kz/{first.code}/{first.article}.toml`. "
        + (f"{len(parts)} provisions: " + ", ".join(p.label for p in parts) + "." if len(parts) > 1 else ""),
        "",
    ]
    chart = charts / f"{name}.svg"
    if _chart(parts, chart):
        lines += [
            f"![Maximum fine of {heading} in MCI, KZT and USD](_charts/{name}.svg)",
            "",
            "USD is missing where no rate is shipped (see *US dollars* in the getting-started page).",
            "",
        ]
    for p in parts:
        lines += [
            f"({p.id})=",
            f"## {p.label}",
            "",
            f"Machine id `{p.id}`; also `{p.label_ru}`, `{p.label_kk}`.",
            "",
            f"[Open {p.label} in the calculator]({calculator_url(p.label)}) (the web app of `penalties serve`, "
            "on this machine: the link works while it runs).",
            "",
        ]
        if p.summary:
            lines += [p.summary, ""]
        lines += _versions_table(p) + [""]
        notes = [v.provenance.notes for v in p.versions if v.provenance.notes]
        if notes:
            lines += ["Notes from the data:", ""] + [f"- {n}" for n in notes] + [""]
    return "\n".join(lines)


def _by_chapter(code: str, keys):
    """The article keys grouped by the chapter holding each (statutes/kz/<code>/chapters.toml), in
    the Code's order; one group without a chapter when the Code has no chapters file."""
    found = chapters(code)
    if not found:
        return [(None, keys)]
    groups = [(chapter, [k for k in keys if chapter.holds(k[1])]) for chapter in found]
    placed = {k for _, group in groups for k in group}
    rest = [k for k in keys if k not in placed]  # `penalties check` refuses these; shown rather than lost
    return [(c, g) for c, g in groups if g] + ([(None, rest)] if rest else [])


def generate(app):
    out = Path(app.srcdir) / "provisions"
    for stale in out.glob("kz.*.md"):
        stale.unlink()  # pages of provisions or articles no longer encoded must not linger
    charts = out / "_charts"
    charts.mkdir(parents=True, exist_ok=True)
    articles: dict[tuple[str, str], list] = {}
    for p in penalties.provisions():
        articles.setdefault((p.code, p.article), []).append(p)
    index = [
        "# Articles",
        "",
        "One page per encoded article, with every part. Generated from `statutes/` at build "
        "time. The search box finds an article by words of its title in Russian, Kazakh or English.",
        "",
    ]
    for code, heading in (
        ("cc", "Criminal Code (Уголовный кодекс, Қылмыстық кодекс)"),
        ("ac", "Code on Administrative Offenses (КоАП, ӘҚБтК)"),
    ):
        keys = sorted((k for k in articles if k[0] == code), key=lambda k: _article_number(k[1]))
        if not keys:
            continue
        index += [f"## {heading}", ""]
        for chapter, group in _by_chapter(code, keys):
            if chapter is not None:
                index += [
                    f"### Chapter {chapter.number}. {chapter.title['en']}",
                    "",
                    f"{chapter.title['ru']}" + (f" · {chapter.title['kk']}" if "kk" in chapter.title else ""),
                    "",
                    f"Articles {chapter.first}–{chapter.last} (English title: our translation).",
                    "",
                ]
            index += ["| article | Русский | Қазақша | English |", "|---|---|---|---|"]
            for key in group:
                first = articles[key][0]
                name = article_page_name(*key)
                (out / f"{name}.md").write_text(_page(articles[key], charts))
                title = first.title
                index.append(
                    f"| [{first.label.split('(')[0]}]({name}.md) | {title.get('ru', '—')} | "
                    f"{title.get('kk', '—')} | {title.get('en', '—')} |"
                )
            index.append("")
    index += ["```{toctree}", ":hidden:", ""] + [article_page_name(*k) for k in sorted(articles)] + ["```", ""]
    (out / "index.md").write_text("\n".join(index))


def setup(app):
    app.connect("builder-inited", generate)
    return {"parallel_read_safe": True, "version": "1"}
