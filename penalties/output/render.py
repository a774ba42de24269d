"""Human-readable and JSON renderings of assessments, histories and coverage.

The words of `render_assessment` are in the catalogs (penalties/output/messages.py): headings and
labels in the context "assessment", kinds in "kind", the summary-procedure line in "reduced
payment". The history and coverage listings are English only (they are for maintainers).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..law.provisions import Provision, Version
from ..law.quantities import decimal_text, measure_text
from . import formatting as fmt
from . import messages


def _words(lang: str):
    """The catalog's words of the text rendering (context "assessment"): w("version") …"""
    return lambda key: messages.message(lang, "assessment", key)


def _num(value: Decimal | None, places: int | None = None) -> str:
    """Plain grouping for the language-neutral listings (history, coverage)."""
    if value is None:
        return "?"
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places))
    elif value != value.to_integral():
        value = value.normalize()
    return f"{value:,}".replace(",", " ")


def _money_range(item, lang: str, w) -> str:
    lo = item.min.value if item.min else None
    hi = item.max.value if item.max else None
    parts = [fmt.amount_range(lo.mci if lo else None, hi.mci if hi else None, "MCI", lang)]
    for attr, currency in (("kzt", "KZT"), ("usd", "USD")):
        a, b = (getattr(lo, attr) if lo else None), (getattr(hi, attr) if hi else None)
        if (lo is None or a is not None) and (hi is None or b is not None):
            parts.append(fmt.amount_range(a, b, currency, lang))
    text = " = ".join(p for p in parts if p)
    return text + (f" (× {item.base})" if item.base else "")


def _term_range(item, lang: str, w) -> str:
    if item.lifelong:
        # "от пяти лет до установления запрета … пожизненно" (CC 238(2)): a minimum, and life as the maximum
        if item.min is not None and item.unit is not None:
            return f"{fmt.term_range(item.min.value, None, item.unit, lang)} – {w('lifelong')}"
        return w("lifelong")
    if item.unit is None:
        return ""
    return fmt.term_range(item.min.value if item.min else None, item.max.value if item.max else None,
                          item.unit, lang)


def item_parts(item, lang: str) -> tuple[str, str, tuple[str, ...]]:
    """An assessed item as `render_assessment` words it: the kind's name, its amount (in MCI =
    tenge = dollars) or term ("" for a kind with no measure), and its flags (mandatory or
    optional, a minimum from the General Part). The web pages show the same words."""
    w = _words(fmt.check_lang(lang))
    name = messages.message(lang, "kind", item.kind)
    body = _money_range(item, lang, w) if item.unit == "money" else _term_range(item, lang, w)
    flags = []
    if item.mandatory is not None:
        flags.append(w("mandatory") if item.mandatory else w("optional"))
    if item.min is not None and item.min.basis == "general_part":
        flags.append(w("min_gp"))
    return name, body, tuple(flags)


def _item_line(item, lang: str, w) -> str:
    name, body, flags = item_parts(item, lang)
    suffix = f" [{', '.join(flags)}]" if flags else ""
    return f"  - {name}: {body}{suffix}" if body else f"  - {name}{suffix}"


def render_assessment(a, lang: str = "en", explain: bool = False) -> str:
    w = _words(fmt.check_lang(lang))
    p, v = a.provision, a.version
    title = p.title.get(lang) or p.title.get("en") or p.title.get("ru", "")
    label = {"en": p.label, "ru": p.label_ru, "kk": p.label_kk}[lang]
    d = lambda x: fmt.long_date(x, lang)  # noqa: E731
    lines = [f"{label} — {title}",
             f"{w('version')}: {d(v.valid_from)} – {d(v.valid_to) if v.valid_to else w('in_force')}, "
             f"{v.act} [{w(v.verification)}]",
             f"{w('dates')}: {w('committed')} {d(a.dates.committed)}, {w('initiated')} {d(a.dates.initiated)}, "
             f"{w('decided')} {d(a.dates.decided)}"]
    if p.code == "ac":  # the Criminal Code punishes individuals only
        lines.append(f"{w('offender')}: {messages.message(lang, 'offender', a.offender)}")
    if a.abolished:
        lines.append(f"{w('abolished')}: {w('none')}" + (f"; {w('moved')} {v.moved_to}" if v.moved_to else ""))
    else:
        has_money = any(i.unit == "money" for i in a.main + a.additional)
        if a.mci and has_money:
            mci_unit = messages.message(lang, "amount", "mci")
            lines.append(f"1 {mci_unit} = {fmt.money(a.mci.kzt, 'KZT', lang)} ({w('valued')} "
                         f"{d(a.dates.mci_valued_on)}; {a.mci.act})")
        if a.rate:
            lines.append(f"{w('usd')}: {fmt.money(a.rate.kzt_per_usd, 'KZT', lang)} ({w(a.rate.basis)})")
        lines.append(f"{w('main')}:")
        lines.extend(_item_line(i, lang, w) for i in a.main)
        if a.additional:
            lines.append(f"{w('additional')}:")
            lines.extend(_item_line(i, lang, w) for i in a.additional)
        if a.reduced_payment:
            lines.append(_reduced_payment_line(a.reduced_payment, lang))
    if a.warnings:
        lines.append(f"{w('warnings')}:")
        lines.extend(f"  ! {n.text(lang)}" for n in a.notices)
    if explain:
        lines.append(f"{w('why')}:")
        for i, step in enumerate(a.steps, start=1):
            lines.append(f"  {i}. {step.topic}: {step.text}")
            lines.extend(f"     {source}" for source in step.sources)
    return "\n".join(lines)


def _reduced_payment_line(r, lang: str) -> str:
    low, high = r.min, r.max
    kzt = lambda m: fmt.money(m.kzt, "KZT", lang)  # noqa: E731
    if low is None or high is None or low.kzt == high.kzt:
        amount = kzt(high or low)
    else:
        amount = f"{kzt(low)} – {kzt(high)}"
    return messages.message(lang, "reduced payment", "summary_procedure").format(article=r.article, percent=int(r.percent), days=r.within_days, amount=amount)


_MONEY_KEYS = {"MCI": "mci", "KZT": "kzt", "base": "base_multiple", "percent": "base_percent"}


def item_dict(item) -> dict:
    """A sanction item as written in the law, in the shape of `show --json`: money bounds as
    {"mci": "300"} (or "kzt", "base_multiple", "base_percent"), terms as numbers with a "unit"."""
    out: dict = {"kind": item.kind}
    for key in ("min", "max"):
        m = getattr(item, key)
        if m is None:
            out[key] = None
        elif m.unit in _MONEY_KEYS:
            out[key] = {_MONEY_KEYS[m.unit]: decimal_text(m.value)}
        else:
            out[key] = int(m.value) if m.value == int(m.value) else decimal_text(m.value)
            out["unit"] = m.unit
    return item_flags(item, out)


def item_flags(item, out: dict) -> dict:
    """Add the keys an item has only sometimes: lifelong, base, mandatory."""
    if item.lifelong:
        out["lifelong"] = True
    if item.base:
        out["base"] = item.base
    if item.mandatory is not None:
        out["mandatory"] = item.mandatory
    return out


def version_dict(v: Version, sanctions: bool = True) -> dict:
    """A version as JSON: interval, act, sources, verification (and its sanctions, for `history`)."""
    out = {
        "valid_from": v.valid_from.isoformat(), "valid_to": v.valid_to.isoformat() if v.valid_to else None,
        "valid_from_latest": v.valid_from_latest.isoformat() if v.valid_from_latest else None,
        "amended_by": str(v.act), "act": v.act.to_dict(), "sources": list(v.sources),
        "verification": v.verification,
        "verified_through": v.provenance.verified_through.isoformat() if v.provenance.verified_through else None,
    }
    if sanctions:
        # `main`/`additional` at the top are the individual's (or the only) sanction, as DESIGN.md
        # has them; `sanctions` lists every offender category
        first = next((s for s in v.sanctions if "individual" in s.offenders), v.sanctions[0] if v.sanctions else None)
        out.update({
            "category": v.category, "abolished": v.abolished, "moved_to": v.moved_to,
            "main": [item_dict(i) for i in first.main] if first else [],
            "additional": [item_dict(i) for i in first.additional] if first else [],
            "sanctions": [{"offenders": list(s.offenders), "main": [item_dict(i) for i in s.main],
                           "additional": [item_dict(i) for i in s.additional]} for s in v.sanctions],
            "notes": v.provenance.notes,
        })
    return out


def history_dict(p: Provision) -> list:
    return [dict(version_dict(v), provision=p.id) for v in p.versions]


def render_history(p: Provision) -> str:
    lines = [f"{p.label} — {p.title.get('en') or p.title.get('ru', '')}"]
    for v in p.versions:
        lines.append(f"{v.valid_from} .. {v.valid_to or 'in force'}  {v.act}  [{v.verification}]")
        if v.abolished:
            lines.append("    abolished" + (f"; moved to {v.moved_to}" if v.moved_to else ""))
        for s in v.sanctions:
            items = "; ".join(_short(i) for i in s.main)
            extra = "; ".join(_short(i) for i in s.additional)
            lines.append(f"    {', '.join(s.offenders)}: {items}" + (f" | + {extra}" if extra else ""))
    return "\n".join(lines)


def _short(item) -> str:
    def m(x):
        return measure_text(x, _num)  # grouped digits: "2 000 MCI"
    if item.lifelong:
        bound = f"{m(item.min)}..for life" if item.min else "for life"
    elif item.min and item.max and item.min != item.max:
        bound = f"{m(item.min)}..{m(item.max)}"
    elif item.max:
        bound = m(item.max) if item.min else f"≤ {m(item.max)}"
    elif item.min:
        bound = f"≥ {m(item.min)}"
    else:
        bound = ""
    flag = "" if item.mandatory is None else (" (mandatory)" if item.mandatory else " (optional)")
    return f"{item.kind} {bound}".strip() + flag


def coverage_dict(p: Provision) -> dict:
    first, last = p.coverage
    return {
        "provision": p.id, "label": p.label, "code": p.code, "article": p.article, "part": p.part,
        "title": dict(p.title), "first": first.isoformat(), "last": last.isoformat() if last else None,
        "versions": [{"valid_from": v.valid_from.isoformat(), "valid_to": v.valid_to.isoformat() if v.valid_to else None,
                      "verification": v.verification, "abolished": v.abolished} for v in p.versions],
    }


def coverage_markdown(provisions, texts: dict | None = None) -> str:
    """docs/coverage.md: provision by provision, what is encoded and how well it is verified.

    `texts` ({code: (redaction, articles in force in it, articles repealed in it)}) gives, for each
    Code, the newest redaction read in full, to compare what the text has with what is encoded.
    """
    rows = list(provisions)
    versions = [v for p in rows for v in p.versions]
    primary = sum(v.verification == "primary" for v in versions)
    lines = [
        "# Coverage of the encoded law",
        "",
        "Generated from `statutes/` by `penalties coverage`; do not edit by hand.",
        "",
        "| Code | articles in the newest redaction read | encoded articles | provisions | versions | of them `primary` | gaps (wordings not read) |",
        "|---|---|---|---|---|---|---|",
    ]
    for code, name in (("cc", "Criminal Code (Special Part)"), ("ac", "Code on Administrative Offenses (Special Part)")):
        mine = [p for p in rows if p.code == code]
        if not mine:
            continue
        own = [v for p in mine for v in p.versions]
        text = ""
        if texts and code in texts:
            day, in_force, repealed = texts[code]
            text = f"{in_force} in force, {repealed} repealed ({day:%d.%m.%Y})"
        lines.append(f"| {name} | {text} | {len({p.article for p in mine})} | {len(mine)} | {len(own)} | "
                     f"{sum(v.verification == 'primary' for v in own)} ({sum(v.verification == 'primary' for v in own) / len(own):.0%}) | "
                     f"{sum(len(p.gaps) for p in mine)} in {sum(1 for p in mine if p.gaps)} provisions |")
    lines += [
        "",
        "Parts of the newest texts that are not encoded, with the reason for each: "
        "`statutes/kz/readings/cc/left-out.md` and `statutes/kz/readings/ac/left-out.md`. A gap is a "
        "period in which a provision was in force but its wording was not read (several acts could "
        "have changed it between two redactions read); an assessment on a day inside it is refused "
        "with `UnreadWordingError`, which names the acts.",
        "",
        f"{len(rows)} provisions, {len(versions)} versions: {primary} verified against an official text "
        f"(`primary`), {sum(v.verification == 'secondary' for v in versions)} `secondary`, "
        f"{sum(v.verification == 'unverified' for v in versions)} `unverified`.",
        "",
        "A provision whose first version starts after 2015-01-01 was either added by a later law or "
        "has a gap at the start where its earlier wording could not be read; the notes in its file say "
        "which. Dates marked in the files as 'earliest possible' rest on the act's signing date plus "
        "its entry-into-force rule, not on a read publication date.",
        "",
        "| provision | title | versions (from .. to: act, verification) |",
        "|---|---|---|",
    ]
    for p in rows:
        entries = [(v.valid_from, f"{v.valid_from} .. {v.valid_to or 'in force'}: {v.act.number}, {v.verification}"
                    + (" (abolished)" if v.abolished else "")) for v in p.versions]
        entries += [(g.valid_from, f"{g.valid_from} .. {g.valid_to}: **gap**: {g.reason.replace('|', '/')}") for g in p.gaps]
        spans = "<br>".join(text for _, text in sorted(entries))
        title = (p.title.get("en") or p.title.get("ru", "")).replace("|", "/")
        lines.append(f"| {p.label} | {title} | {spans} |")
    lines.extend(_general_part_coverage())
    return "\n".join(lines) + "\n"


def _general_part_coverage() -> list[str]:
    """The General Parts' rules, one row each, for docs/coverage.md."""
    from ..law.general_part import general_part

    lines = ["", "## General Parts", "",
             "Rules a special-part sanction does not repeat (`statutes/kz/<code>/general.toml`). Between two "
             "rows of one kind nothing is encoded where the wording was not read.", "",
             "| code | rule | article | applies to | from .. to | verification |", "|---|---|---|---|---|---|"]
    for code in ("cc", "ac"):
        gp = general_part(code)
        rows: list[tuple[str, str, str, Any]] = [(f"limit: {r.kind}" + (f" (arts {', '.join(r.articles)})" if r.articles else "")
                 + ("" if r.available else " (not yet in effect)"), r.article,
                 ", ".join(r.applies_to), r) for r in gp.limits]
        rows += [(f"MCI valued on the day {r.date}", r.article, "any", r) for r in gp.valuation]
        rows += [(f"reduced payment: {r.percent} % within {r.within_days} days", r.article, ", ".join(r.applies_to), r)
                 for r in gp.reduced_payment]
        rows += [(f"custody credit: {r.custody}", r.article, "any", r) for r in gp.custody_credit]
        rows += [("law in time, lex mitior", r.article, "any", r) for r in gp.time_rules]
        rows += [(f"equivalents of {r.of} (1 {r.per.unit})", r.article, "any", r) for r in gp.equivalents]
        for rule, article, applies, r in rows:
            span = f"{r.valid_from} .. {r.valid_to or 'in force'}"
            if getattr(r, "valid_from_latest", None):
                span += f" (start known only up to {r.valid_from_latest})"
            lines.append(f"| {code.upper()} | {rule} | {article} | {applies} | {span} | {r.provenance.verification} |")
    return lines
