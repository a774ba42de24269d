"""Sphinx extension: write one Markdown page per encoded provision, with a chart, before reading.

Each page gives the titles in Russian, Kazakh and English, a table of versions (interval, act,
sanction in MCI and in tenge and dollars at the start of the version, verification and sources)
and a chart of the maximum fine over time in MCI, KZT and USD, rendered with matplotlib.
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


def _chart(p, path: Path) -> bool:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    start = max(p.versions[0].valid_from, date(2015, 1, 1))
    end = p.versions[-1].valid_to or END
    days = [start + timedelta(days=d) for d in range(0, (end - start).days + 1, 15)]
    offenders = list(dict.fromkeys(o for v in p.versions for o in v.offenders)) or ["individual"]
    series = {}
    for offender in offenders:
        caps = [_fine_cap(p, offender, d) for d in days]
        if any(c is not None for c in caps):
            series[offender] = caps
    if not series:
        return False
    fig, axes = plt.subplots(3, 1, figsize=(8, 6.5), sharex=True)
    for offender, caps in series.items():
        for ax, attr in zip(axes, ("mci", "kzt", "usd")):
            values = [float(getattr(c, attr)) if c is not None and getattr(c, attr) is not None else float("nan")
                      for c in caps]
            ax.step(days, values, where="post", label=offender)
    for ax, unit in zip(axes, ("MCI", "KZT", "USD")):
        ax.set_ylabel(f"max fine, {unit}")
        ax.grid(alpha=0.3)
    axes[0].set_title(f"{p.label}: maximum fine over time")
    if len(series) > 1:
        axes[0].legend(fontsize="small")
    fig.tight_layout()
    fig.savefig(path, dpi=80)
    plt.close(fig)
    return True


def _page(p, charts: Path) -> str:
    lines = [f"# {p.label}", "", "| language | title |", "|---|---|"]
    for lang, name in (("ru", "Русский"), ("kk", "Қазақша"), ("en", "English")):
        lines.append(f"| {name} | {p.title.get(lang, '— (not read)')} |")
    lines += ["", f"Machine id `{p.id}`; also `{p.label_ru}`. Data file: `statutes/kz/{p.code}/{p.article}.toml`.", ""]
    if p.summary:
        lines += [p.summary, ""]
    lines += ["## Versions", "",
              "| in force | act | sanction | maximum fine at the start | verification | sources |",
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
    lines += [""]
    chart = charts / f"{p.id}.png"
    if _chart(p, chart):
        lines += ["## Maximum fine over time", "", f"![Maximum fine of {p.label} in MCI, KZT and USD](_charts/{p.id}.png)",
                  "", "USD is missing where no rate is shipped (see *US dollars* in the getting-started page).", ""]
    notes = [v.provenance.notes for v in p.versions if v.provenance.notes]
    if notes:
        lines += ["## Notes from the data", ""] + [f"- {n}" for n in notes] + [""]
    return "\n".join(lines)


def generate(app):
    out = Path(app.srcdir) / "provisions"
    charts = out / "_charts"
    charts.mkdir(parents=True, exist_ok=True)
    index = ["# Provisions", "", "One page per encoded provision. Generated from `statutes/` at build time.", "",
             "```{toctree}", ":maxdepth: 1", ""]
    for p in penalties.provisions():
        (out / f"{p.id}.md").write_text(_page(p, charts))
        index.append(p.id)
    index += ["```", ""]
    (out / "index.md").write_text("\n".join(index))


def setup(app):
    app.connect("builder-inited", generate)
    return {"parallel_read_safe": True, "version": "1"}
