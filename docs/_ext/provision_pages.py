"""Sphinx extension: write one Markdown page per encoded article, with one chart, before reading.

Each page gives the article's titles in Russian, Kazakh and English, then a section per part (or
sub-paragraph) with a table of versions (interval, act, sanction in MCI and in tenge and dollars at
the start of the version, verification and sources), and one chart of the maximum fine of every
part over time in MCI, KZT and USD, rendered with matplotlib. The index lists the articles of each
Code with their titles in the three languages, so the site's search box finds them by title words.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import penalties
from penalties.errors import PenaltiesError
from penalties.output.render import _short

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
    """The maximum fine of `p` every 15 days, per offender category that has one."""
    start = max(p.versions[0].valid_from, date(2015, 1, 1))
    end = p.versions[-1].valid_to or END
    days = [start + timedelta(days=d) for d in range(0, (end - start).days + 1, 15)]
    offenders = list(dict.fromkeys(o for v in p.versions for o in v.offenders)) or ["individual"]
    series = {}
    for offender in offenders:
        caps = [_fine_cap(p, offender, d) for d in days]
        if any(c is not None for c in caps):
            series[offender] = caps
    return days, series


def _chart(parts, path: Path) -> bool:
    """One chart for an article: a line per part and offender category that has a fine."""
    lines = []
    for p in parts:
        days, series = _series_of(p)
        for offender, caps in series.items():
            name = p.label if len(series) == 1 else f"{p.label}, {offender}"
            lines.append((name, days, caps))
    if not lines:
        return False
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(3, 1, figsize=(8, 6.5), sharex=True)
    for name, days, caps in lines:
        for ax, attr in zip(axes, ("mci", "kzt", "usd"), strict=True):
            values = [float(getattr(c, attr)) if c is not None and getattr(c, attr) is not None else float("nan")
                      for c in caps]
            ax.step(days, values, where="post", label=name)
    for ax, unit in zip(axes, ("MCI", "KZT", "USD"), strict=True):
        ax.set_ylabel(f"max fine, {unit}")
        ax.grid(alpha=0.3)
    first = parts[0]
    axes[0].set_title(f"{first.label.split('(')[0]}: maximum fine over time")
    if len(lines) > 1:
        axes[0].legend(fontsize="x-small", ncol=2)
    fig.tight_layout()
    fig.savefig(path, dpi=80)
    plt.close(fig)
    return True


def _versions_table(p) -> list[str]:
    lines = ["| in force | act | sanction | maximum fine at the start | verification | sources |",
             "|---|---|---|---|---|---|"]
    for v in p.versions:
        span = f"{v.valid_from} – {v.valid_to or 'in force'}"
        if v.valid_from_latest:
            span += f" (started by {v.valid_from_latest} at the latest)"
        if v.abolished:
            sanction, money = "abolished" + (f"; moved to {v.moved_to}" if v.moved_to else ""), "—"
        else:
            sanction = "<br>".join(f"*{', '.join(s.offenders)}*: " + "; ".join(_short(i) for i in s.main)
                                   + ("; + " + "; ".join(_short(i) for i in s.additional) if s.additional else "")
                                   for s in v.sanctions)
            money = "<br>".join(f"*{o}*: {_fmt_money(_fine_cap(p, o, v.valid_from))}" for o in v.offenders)
        sources = " ".join(f"[{k + 1}]({url})" for k, url in enumerate(v.sources))
        lines.append(f"| {span} | {v.act.number} of {v.act.date} | {sanction} | {money} | {v.verification} | {sources} |")
    return lines


def article_page_name(code: str, article: str) -> str:
    return f"kz.{code}.{article}"


def _page(parts, charts: Path) -> str:
    first = parts[0]
    name = article_page_name(first.code, first.article)
    heading = first.label.split("(")[0]
    lines = [f"# {heading}: {first.title.get('en', '')}", "", "| language | title |", "|---|---|"]
    for lang, language in (("ru", "Русский"), ("kk", "Қазақша"), ("en", "English")):
        lines.append(f"| {language} | {first.title.get(lang, '— (not read)')} |")
    lines += ["", f"Data file: `statutes/kz/{first.code}/{first.article}.toml`. "
              + (f"{len(parts)} provisions: " + ", ".join(p.label for p in parts) + "." if len(parts) > 1 else ""), ""]
    chart = charts / f"{name}.png"
    if _chart(parts, chart):
        lines += [f"![Maximum fine of {heading} in MCI, KZT and USD](_charts/{name}.png)", "",
                  "USD is missing where no rate is shipped (see *US dollars* in the getting-started page).", ""]
    for p in parts:
        lines += [f"({p.id})=", f"## {p.label}", "", f"Machine id `{p.id}`; also `{p.label_ru}`, `{p.label_kk}`.", ""]
        if p.summary:
            lines += [p.summary, ""]
        lines += _versions_table(p) + [""]
        notes = [v.provenance.notes for v in p.versions if v.provenance.notes]
        if notes:
            lines += ["Notes from the data:", ""] + [f"- {n}" for n in notes] + [""]
    return "\n".join(lines)


def generate(app):
    out = Path(app.srcdir) / "provisions"
    for stale in out.glob("kz.*.md"):
        stale.unlink()  # pages of provisions or articles no longer encoded must not linger
    charts = out / "_charts"
    charts.mkdir(parents=True, exist_ok=True)
    articles: dict[tuple[str, str], list] = {}
    for p in penalties.provisions():
        articles.setdefault((p.code, p.article), []).append(p)
    index = ["# Articles", "", "One page per encoded article, with every part. Generated from `statutes/` at build "
             "time. The search box finds an article by words of its title in Russian, Kazakh or English.", ""]
    for code, heading in (("cc", "Criminal Code (Уголовный кодекс, Қылмыстық кодекс)"),
                          ("ac", "Code on Administrative Offenses (КоАП, ӘҚБтК)")):
        keys = sorted((k for k in articles if k[0] == code), key=lambda k: _article_number(k[1]))
        if not keys:
            continue
        index += [f"## {heading}", "", "| article | Русский | Қазақша | English |", "|---|---|---|---|"]
        for key in keys:
            first = articles[key][0]
            name = article_page_name(*key)
            (out / f"{name}.md").write_text(_page(articles[key], charts))
            title = first.title
            index.append(f"| [{first.label.split('(')[0]}]({name}.md) | {title.get('ru', '—')} | "
                         f"{title.get('kk', '—')} | {title.get('en', '—')} |")
        index.append("")
    index += ["```{toctree}", ":hidden:", ""] + [article_page_name(*k) for k in sorted(articles)] + ["```", ""]
    (out / "index.md").write_text("\n".join(index))


def setup(app):
    app.connect("builder-inited", generate)
    return {"parallel_read_safe": True, "version": "1"}
