"""Human-readable and JSON renderings of assessments, histories and coverage."""

from __future__ import annotations

from decimal import Decimal

from .kinds import KINDS
from .model import Provision, Version

_WORDS = {
    "en": {"version": "Version", "dates": "Dates", "committed": "committed", "initiated": "initiated",
           "decided": "decided", "mci": "MCI", "valued": "valued on", "main": "Main penalty (one of)",
           "additional": "Additional", "warnings": "Warnings", "mandatory": "mandatory", "optional": "optional",
           "up_to": "up to", "from": "from", "lifelong": "for life", "abolished": "ABOLISHED", "usd": "USD rate",
           "none": "no penalty: the offence was abolished", "moved": "moved to", "in_force": "in force",
           "why": "Why"},
    "ru": {"version": "Редакция", "dates": "Даты", "committed": "совершено", "initiated": "возбуждено",
           "decided": "решение", "mci": "МРП", "valued": "на дату", "main": "Основное наказание (одно из)",
           "additional": "Дополнительное", "warnings": "Предупреждения", "mandatory": "обязательно",
           "optional": "по усмотрению суда", "up_to": "до", "from": "от", "lifelong": "пожизненно",
           "abolished": "ДЕКРИМИНАЛИЗИРОВАНО", "usd": "Курс USD", "none": "наказания нет: деяние декриминализировано",
           "moved": "перенесено в", "in_force": "действует", "why": "Обоснование"},
    "kk": {"version": "Редакция", "dates": "Күндер", "committed": "жасалған", "initiated": "қозғалған",
           "decided": "шешім", "mci": "АЕК", "valued": "күні", "main": "Негізгі жаза (біреуі)",
           "additional": "Қосымша", "warnings": "Ескертулер", "mandatory": "міндетті", "optional": "соттың қалауы бойынша",
           "up_to": "дейін", "from": "бастап", "lifelong": "өмір бойы", "abolished": "ҚЫЛМЫС ЕМЕС",
           "usd": "USD бағамы", "none": "жаза жоқ: әрекет қылмыс болудан қалды", "moved": "көшірілді",
           "in_force": "күшінде", "why": "Негіздеме"},
}
_UNITS = {
    "en": {"day": ("day", "days"), "month": ("month", "months"), "hour": ("hour", "hours")},
    "ru": {"day": ("сутки", "суток", "суток"), "month": ("месяц", "месяца", "месяцев"), "hour": ("час", "часа", "часов")},
    "kk": {"day": ("тәулік",), "month": ("ай",), "hour": ("сағат",)},
}


def plural(n, unit: str, lang: str = "en") -> str:
    """`n` with the unit's plural form: 1 сутки, 2 суток, 5 суток; 1 day, 2 days; 5 тәулік."""
    forms = _UNITS[lang][unit]
    if lang == "en":
        word = forms[0] if n == 1 else forms[1]
    elif lang == "ru":
        whole = int(n) if Decimal(n) == int(n) else None
        if whole is None:
            word = forms[1]
        elif whole % 10 == 1 and whole % 100 != 11:
            word = forms[0]
        elif 2 <= whole % 10 <= 4 and not 12 <= whole % 100 <= 14:
            word = forms[1]
        else:
            word = forms[2]
    else:
        word = forms[0]  # Kazakh nouns do not change after a numeral
    return f"{n} {word}"


def _num(value: Decimal | None, places: int | None = None) -> str:
    if value is None:
        return "?"
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places))
    elif value != value.to_integral():
        value = value.normalize()
    return f"{value:,}".replace(",", " ")


def _money_range(item, lang: str, w) -> str:
    low, high = item.min, item.max
    def part(attr, unit, places=None):
        lo = getattr(low.value, attr) if low else None
        hi = getattr(high.value, attr) if high else None
        if lo is None and hi is None:
            return None
        if lo is None:
            return f"{w['up_to']} {_num(hi, places)} {unit}"
        if hi is None:
            return f"{w['from']} {_num(lo, places)} {unit}"
        if lo == hi:
            return f"{_num(hi, places)} {unit}"
        return f"{_num(lo, places)}–{_num(hi, places)} {unit}"
    pieces = [part("mci", w["mci"]), part("kzt", "KZT"), part("usd", "USD", 2)]
    text = " = ".join(p for p in pieces if p and "?" not in p)
    return text + (f" (× {item.base})" if item.base else "")


def _term_range(item, lang: str, w) -> str:
    if item.lifelong:
        return w["lifelong"]
    if item.unit is None:
        return ""
    low = item.min.value if item.min else None
    high = item.max.value if item.max else None
    fmt = lambda v: plural(int(v) if v == int(v) else v, item.unit, lang)  # noqa: E731
    if low is not None and high is not None:
        return f"{_num(low)}–{fmt(high)}" if low != high else fmt(high)
    if high is not None:
        return f"{w['up_to']} {fmt(high)}" if lang != "kk" else f"{fmt(high)}ға {w['up_to']}"
    return f"{w['from']} {fmt(low)}" if low is not None else ""


def _item_line(item, lang: str, w) -> str:
    name = getattr(KINDS[item.kind], lang)
    body = _money_range(item, lang, w) if item.unit == "money" else _term_range(item, lang, w)
    flags = []
    if item.mandatory is not None:
        flags.append(w["mandatory"] if item.mandatory else w["optional"])
    if item.min is not None and item.min.basis == "general_part":
        flags.append("min: General Part" if lang == "en" else "мин.: Общая часть" if lang == "ru" else "ең аз: Жалпы бөлім")
    suffix = f" [{', '.join(flags)}]" if flags else ""
    return f"  - {name}: {body}{suffix}" if body else f"  - {name}{suffix}"


def render_assessment(a, lang: str = "en", explain: bool = False) -> str:
    w = _WORDS[lang]
    p, v = a.provision, a.version
    title = p.title.get(lang) or p.title.get("en") or p.title.get("ru", "")
    lines = [f"{p.label if lang == 'en' else p.label_ru} — {title}",
             f"{w['version']}: {v.valid_from} .. {v.valid_to or w['in_force']}, {v.act} [{v.verification}]",
             f"{w['dates']}: {w['committed']} {a.dates.committed}, {w['initiated']} {a.dates.initiated}, "
             f"{w['decided']} {a.dates.decided}"]
    if a.abolished:
        lines.append(f"{w['abolished']}: {w['none']}" + (f"; {w['moved']} {v.moved_to}" if v.moved_to else ""))
    else:
        if a.mci:
            lines.append(f"1 {w['mci']} = {_num(a.mci.kzt)} KZT ({w['valued']} {a.dates.mci_valued_on}; {a.mci.act})")
        if a.rate:
            lines.append(f"{w['usd']}: {a.rate.kzt_per_usd} KZT ({a.rate.basis})")
        lines.append(f"{w['main']}:")
        lines.extend(_item_line(i, lang, w) for i in a.main)
        if a.additional:
            lines.append(f"{w['additional']}:")
            lines.extend(_item_line(i, lang, w) for i in a.additional)
    if a.warnings:
        lines.append(f"{w['warnings']}:")
        lines.extend(f"  ! {x}" for x in a.warnings)
    if explain:
        lines.append(f"{w['why']}:")
        for i, step in enumerate(a.steps, start=1):
            lines.append(f"  {i}. {step.topic}: {step.text}")
            lines.extend(f"     {source}" for source in step.sources)
    return "\n".join(lines)


def item_dict(item) -> dict:
    out: dict = {"kind": item.kind}
    for key in ("min", "max"):
        m = getattr(item, key)
        out[key] = None if m is None else (
            {"amount": format(m.value, "f"), "unit": m.unit} if m.unit in ("MCI", "KZT", "base", "percent")
            else int(m.value) if m.value == int(m.value) else format(m.value, "f"))
        if m is not None and m.unit not in ("MCI", "KZT", "base", "percent"):
            out["unit"] = m.unit
    if item.lifelong:
        out["lifelong"] = True
    if item.base:
        out["base"] = item.base
    if item.mandatory is not None:
        out["mandatory"] = item.mandatory
    return out


def version_dict(v: Version) -> dict:
    return {
        "valid_from": v.valid_from.isoformat(), "valid_to": v.valid_to.isoformat() if v.valid_to else None,
        "amended_by": str(v.act), "act": v.act.to_dict(), "sources": list(v.sources),
        "verification": v.verification,
        "verified_through": v.provenance.verified_through.isoformat() if v.provenance.verified_through else None,
        "category": v.category, "abolished": v.abolished, "moved_to": v.moved_to,
        "sanctions": [{"offenders": list(s.offenders), "main": [item_dict(i) for i in s.main],
                       "additional": [item_dict(i) for i in s.additional]} for s in v.sanctions],
        "notes": v.provenance.notes,
    }


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
        return f"{_num(x.value)} {x.unit}"
    if item.lifelong:
        bound = "for life"
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


def coverage_markdown(provisions) -> str:
    """docs/coverage.md: provision by provision, what is encoded and how well it is verified."""
    rows = list(provisions)
    versions = [v for p in rows for v in p.versions]
    primary = sum(v.verification == "primary" for v in versions)
    lines = [
        "# Coverage of the encoded law",
        "",
        "Generated from `statutes/` by `penalties coverage`; do not edit by hand.",
        "",
        f"{len(rows)} provisions, {len(versions)} versions: {primary} verified against an official text "
        f"(`primary`), {sum(v.verification == 'secondary' for v in versions)} `secondary`, "
        f"{sum(v.verification == 'unverified' for v in versions)} `unverified`.",
        "",
        "A provision whose first version starts after 2015-01-01 has a gap at the start: its earlier "
        "wording could not be read (see the notes in its file). Dates marked in the files as "
        "'earliest possible' rest on the act's signing date plus its entry-into-force rule, not on a "
        "read publication date.",
        "",
        "| provision | title | versions (from .. to: act, verification) |",
        "|---|---|---|",
    ]
    for p in rows:
        spans = "<br>".join(
            f"{v.valid_from} .. {v.valid_to or 'in force'}: {v.act.number}, {v.verification}"
            + (" (abolished)" if v.abolished else "") for v in p.versions)
        title = (p.title.get("en") or p.title.get("ru", "")).replace("|", "/")
        lines.append(f"| {p.label} | {title} | {spans} |")
    return "\n".join(lines) + "\n"
