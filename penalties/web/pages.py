"""The web pages of `penalties serve`: the calculator, an article's history and a diff, in ru, kk and en.

Server-rendered HTML with one stylesheet and one small script (the citation's copy button), both
served by the application itself: no build step, no CDN, nothing loaded from elsewhere. Every word
comes from the gettext catalogs (`penalties/locale/`, contexts "web", "assessment", "kind"), every
figure from the library's own functions (`assess`, `provision`, `diff`, and the formatting of
`penalties.output`), so the page says what `penalties show --lang …` says.
"""

from __future__ import annotations

import html
from datetime import date
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import Route

from ..errors import ReferenceSyntaxError, UnknownProvisionError, UserInputError
from ..output import formatting as fmt
from ..output.messages import has_message, message
from . import problems

STATIC = Path(__file__).resolve().parent / "static"
LANGS = ("ru", "kk", "en")
LANGUAGE_NAMES = {"ru": "Русский", "kk": "Қазақша", "en": "English"}  # each in its own language
OFFENDERS = (
    "individual",
    "official",
    "small_business",
    "medium_business",
    "large_business",
    "legal_entity",
    "individual_entrepreneur",
)


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def language(request: Request) -> str:
    """The page's language: ?lang=, else the first of ru/kk/en the browser asks for, else Russian."""
    asked = request.query_params.get("lang", "")
    if asked in LANGS:
        return asked
    for part in request.headers.get("accept-language", "").split(","):
        tag = part.split(";")[0].strip().lower()[:2]
        if tag in LANGS:
            return tag
    return "ru"


def offender_name(lang: str, offender: str) -> str:
    names = {
        "individual": message(lang, "web", "offender_individual"),
        "official": message(lang, "web", "offender_official"),
        "small_business": message(lang, "web", "offender_small_business"),
        "medium_business": message(lang, "web", "offender_medium_business"),
        "large_business": message(lang, "web", "offender_large_business"),
        "legal_entity": message(lang, "web", "offender_legal_entity"),
        "individual_entrepreneur": message(lang, "web", "offender_individual_entrepreneur"),
        "unnamed": message(lang, "web", "offender_unnamed"),
    }
    if offender in names:
        return names[offender]
    # the further AC categories (notary, non_commercial_organisation …) have their labels in context "offender"
    return message(lang, "offender", offender) if has_message(lang, "offender", offender) else offender


def _change_word(lang: str, what: str) -> str:
    words = {
        "added": message(lang, "web", "what_added"),
        "removed": message(lang, "web", "what_removed"),
        "min": message(lang, "web", "what_min"),
        "max": message(lang, "web", "what_max"),
        "amount": message(lang, "web", "what_amount"),
        "lifelong": message(lang, "web", "what_lifelong"),
        "mandatory": message(lang, "web", "what_mandatory"),
        "abolished": message(lang, "web", "what_abolished"),
        "restored": message(lang, "web", "what_restored"),
    }
    return words.get(what, what)


def _kind_name(lang: str, kind: str) -> str:
    if kind == "offence":
        return message(lang, "web", "offence")
    return message(lang, "kind", kind) if has_message(lang, "kind", kind) else kind


def _short_date(d: date | None, lang: str) -> str:
    if d is None:
        return message(lang, "assessment", "in_force")
    return d.strftime("%d.%m.%Y") if lang != "en" else fmt.long_date(d, "en")


def _url(path: str, **params) -> str:
    given = {k: v for k, v in params.items() if v not in (None, "")}
    return path + ("?" + urlencode(given) if given else "")


# --- the frame ------------------------------------------------------------------------------------


def _page(request: Request, lang: str, title: str, body: str, status: int = 200) -> HTMLResponse:
    switch = " ".join(
        f'<a href="{_e(_url(request.url.path, **dict(request.query_params, lang=code)))}" hreflang="{code}"'
        + (' aria-current="true"' if code == lang else "")
        + f">{LANGUAGE_NAMES[code]}</a>"
        for code in LANGS
    )
    page = f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)} — {_e(message(lang, "web", "app_title"))}</title>
<link rel="stylesheet" href="/static/penalties.css">
</head>
<body>
<header>
<a class="home" href="{_e(_url("/", lang=lang))}">{_e(message(lang, "web", "app_title"))}</a>
<nav class="languages">{switch}</nav>
</header>
<main>
{body}
</main>
<footer><p>{_e(message(lang, "web", "local"))} <a href="/api/openapi.json">JSON API</a></p></footer>
<script src="/static/penalties.js"></script>
</body>
</html>
"""
    return HTMLResponse(page, status_code=status)


def _refusal(lang: str, error: BaseException) -> tuple[int, str]:
    status, body = problems.for_exception(error)
    lines = [
        f'<section class="refusal" role="alert"><h2>{_e(message(lang, "web", "refused"))}</h2>',
        f'<p id="error">{_e(body["error"]["message"])}</p>',
    ]
    if isinstance(error, UnknownProvisionError) and error.suggestions:
        lines.append(
            "<ul>"
            + "".join(
                f'<li><a href="{_e(_url("/", reference=s, lang=lang))}">{_e(s)}</a></li>' for s in error.suggestions
            )
            + "</ul>"
        )
    lines.append("</section>")
    return status, "\n".join(lines)


def error_page(request: Request, status: int) -> Response:
    lang = language(request)
    return _page(request, lang, str(status), f'<p class="refusal">{_e(message(lang, "web", "no_page"))}</p>', status)


# --- the calculator -------------------------------------------------------------------------------


def _form(lang: str, values: dict) -> str:
    def field(name: str, label: str, kind: str = "date", extra: str = "") -> str:
        return (
            f'<label for="{name}">{_e(label)}</label>'
            f'<input id="{name}" name="{name}" type="{kind}" value="{_e(values.get(name) or "")}"{extra}>'
        )

    chosen = values.get("offender") or "individual"
    options = "".join(
        f'<option value="{o}"' + (" selected" if o == chosen else "") + f">{_e(offender_name(lang, o))}</option>"
        for o in OFFENDERS
    )
    hint = f"{message(lang, 'web', 'reference_hint')}: CC 403(1), ч.1 ст.403 УК РК, КоАП 489 ч.10, хулиганство"
    return f"""<h1>{_e(message(lang, "web", "question"))}</h1>
<form id="assess" method="get" action="/">
<input type="hidden" name="lang" value="{lang}">
{
        field(
            "reference",
            message(lang, "web", "reference"),
            "text",
            ' required maxlength="200" autocomplete="off" placeholder="CC 403(1)" aria-describedby="reference-hint"',
        )
    }
<small id="reference-hint">{_e(hint)}</small>
{field("committed", message(lang, "web", "committed"), extra=" required")}
{field("initiated", message(lang, "web", "initiated"))}
{field("decided", message(lang, "web", "decided"))}
<small>{_e(message(lang, "web", "dates_hint"))}</small>
<label for="offender">{_e(message(lang, "web", "offender"))}</label>
<select id="offender" name="offender">{options}</select>
<button type="submit">{_e(message(lang, "web", "submit"))}</button>
</form>"""


def citation(assessment, lang: str) -> str:
    """The provision and the wording applied, as a lawyer cites them in `lang`: "ч. 1 ст. 403 Уголовного
    кодекса Республики Казахстан (в редакции Закона Республики Казахстан от 12.07.2018 № 180-VI)"."""
    p, act = assessment.provision, assessment.version.act
    code = message(lang, "web", "code_cc") if p.code == "cc" else message(lang, "web", "code_ac")
    if p.item:
        provision = message(lang, "web", "item_of").format(article=p.article, part=p.part, item=p.item, code=code)
    elif p.part:
        provision = message(lang, "web", "article_of").format(article=p.article, part=p.part, code=code)
    else:
        provision = message(lang, "web", "article_only_of").format(article=p.article, code=code)
    when = act.date.strftime("%d.%m.%Y")
    if lang == "en":  # "12 July 2018", as British and Kazakhstani English legal texts write it
        from babel.dates import format_date

        when = format_date(act.date, "d MMMM y", locale="en")
    if act.kind == "law":
        return message(lang, "web", "cite_law").format(provision=provision, number=act.number, date=when)
    if act.kind == "decree":
        return message(lang, "web", "cite_decree").format(provision=provision, number=act.number, date=when)
    return message(lang, "web", "cite_original").format(provision=provision)


def _items_table(lang: str, heading: str, items) -> str:
    from ..output.render import item_parts

    rows = []
    for item in items:
        name, body, flags = item_parts(item, lang)
        flag = f' <span class="flag">[{_e(", ".join(flags))}]</span>' if flags else ""
        rows.append(f'<tr><th scope="row">{_e(name)}</th><td>{_e(body)}{flag}</td></tr>')
    return (
        f'<table class="items"><caption>{_e(heading)}</caption><thead><tr><th scope="col">'
        f'{_e(message(lang, "web", "kind"))}</th><th scope="col">{_e(message(lang, "web", "range"))}</th></tr>'
        f"</thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _sources(lang: str, sources) -> str:
    links = "".join(
        f'<li><a href="{_e(s)}" rel="noreferrer noopener">{_e(s)}</a></li>'
        for s in sources
        if s.startswith(("https://", "http://"))
    )
    return f'<section class="sources"><h3>{_e(message(lang, "web", "sources"))}</h3><ul>{links}</ul></section>'


def _assessment(lang: str, a) -> str:
    p, v = a.provision, a.version
    title = p.title.get(lang) or p.title.get("en") or p.title.get("ru", "")
    label = {"en": p.label, "ru": p.label_ru, "kk": p.label_kk}[lang]
    parts = [
        f'<section id="result" class="result"><h2>{_e(message(lang, "web", "result"))}</h2>',
        f'<p class="provision"><strong>{_e(label)}</strong> — {_e(title)}</p>',
        f'<p class="version">{_e(message(lang, "assessment", "version"))}: {_e(_short_date(v.valid_from, lang))} – '
        f"{_e(_short_date(v.valid_to, lang))}, {_e(v.act)} [{_e(message(lang, 'assessment', v.verification))}]</p>",
    ]
    if a.abolished:
        parts.append(f'<p class="abolished">{_e(message(lang, "assessment", "abolished"))}</p>')
    else:
        if a.mci and any(i.unit == "money" for i in a.main + a.additional):
            parts.append(
                f'<p class="mci">1 {_e(message(lang, "amount", "mci"))} = {_e(fmt.money(a.mci.kzt, "KZT", lang))} '
                f"({_e(message(lang, 'assessment', 'valued'))} {_e(_short_date(a.dates.mci_valued_on, lang))})</p>"
            )
        if a.rate:
            parts.append(
                f'<p class="usd">{_e(message(lang, "assessment", "usd"))}: '
                f"{_e(fmt.money(a.rate.kzt_per_usd, 'KZT', lang))} ({_e(message(lang, 'assessment', a.rate.basis))})</p>"
            )
        parts.append(_items_table(lang, message(lang, "assessment", "main"), a.main))
        if a.additional:
            parts.append(_items_table(lang, message(lang, "assessment", "additional"), a.additional))
    if a.notices:
        parts.append(
            f'<section class="warnings"><h3>{_e(message(lang, "assessment", "warnings"))}</h3><ul>'
            + "".join(f"<li>{_e(n.text(lang))}</li>" for n in a.notices)
            + "</ul></section>"
        )
    parts.append(
        f'<section class="citation"><h3><label for="citation">{_e(message(lang, "web", "citation"))}</label></h3>'
        f'<div class="copy"><input id="citation" readonly value="{_e(citation(a, lang))}">'
        f'<button type="button" data-copy="citation" data-done="{_e(message(lang, "web", "copied"))}">'
        f"{_e(message(lang, 'web', 'copy'))}</button></div></section>"
    )
    parts.append(
        f'<details class="explanation" open><summary>{_e(message(lang, "web", "explanation"))}</summary>'
        f'<pre id="explanation">{_e(a.format(lang, explain=True))}</pre></details>'
    )
    parts.append(_sources(lang, v.sources))
    parts.append("</section>")
    return "\n".join(parts)


async def calculator(request: Request) -> Response:
    lang = language(request)
    values = {
        k: request.query_params.get(k, "")[:200] for k in ("reference", "committed", "initiated", "decided", "offender")
    }
    body, status = [_form(lang, values)], 200
    if values["reference"]:
        try:
            from . import app

            a = await app.compute(_assess, values)
            body.append(_assessment(lang, a))
            body.append(_history(lang, a.provision))
        except ReferenceSyntaxError as error:  # not a reference: words of a title, searched
            found = await _found(lang, values)
            if found is None:
                status, text = _refusal(lang, error)
                body.append(text)
            else:
                body.append(found)
        except Exception as error:  # a refusal is shown on the page; a bug too, without a traceback
            status, text = _refusal(lang, error)
            body.append(text)
    return _page(request, lang, message(lang, "web", "calculator"), "\n".join(body), status)


async def _found(lang: str, values: dict) -> str | None:
    """The articles whose titles have the words typed (penalties.search), each part a link to its
    assessment on the dates given; None when the text has no word to search for."""
    from ..lookup import provision
    from ..searching import search
    from . import app

    try:
        hits = await app.compute(lambda: search(values["reference"], limit=20))
    except UserInputError:
        return None
    items = []
    for hit in hits:
        title = hit.title.get(lang) or hit.title.get("en") or hit.title.get("ru", "")
        links = ", ".join(
            f'<a href="{_e(_url("/", **dict(values, reference=provision(part).label, lang=lang)))}">'
            f"{_e(provision(part).label)}</a>"
            for part in hit.parts
        )
        items.append(f"<li><strong>{_e(hit.label)}</strong> — {_e(title)}: {links}</li>")
    if not items:
        return f'<p id="found" class="refusal">{_e(message(lang, "web", "none_found"))}</p>'
    return (
        f'<section id="found"><h2>{_e(message(lang, "web", "found"))}</h2>'
        f'<ul class="found">{"".join(items)}</ul></section>'
    )


def _parse_date(name: str, text: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise problems.RequestError(
            "bad_parameter", f"{name}: not a date (YYYY-MM-DD): {text[:40]!r}", parameter=name
        ) from None


def _assess(values: dict):
    from ..assessment import assess

    committed = _parse_date("committed", values["committed"])
    if committed is None:
        raise problems.RequestError("missing_parameter", "give the date committed", parameter="committed")
    return assess(
        values["reference"],
        committed=committed,
        initiated=_parse_date("initiated", values["initiated"]),
        decided=_parse_date("decided", values["decided"]),
        offender=values["offender"] or "individual",
    )


# --- history and chart ----------------------------------------------------------------------------


def _fine_max_mci(version) -> Decimal | None:
    """The version's maximum fine in MCI as the law writes it (the individual's sanction, or the
    first one), None where it has no fine in MCI."""
    if version.abolished or not version.sanctions:
        return None
    sanction = next((s for s in version.sanctions if "individual" in s.offenders), version.sanctions[0])
    fine = next((i for i in sanction.main if i.kind == "fine"), None)
    if fine is None or fine.max is None or fine.max.unit != "MCI":
        return None
    return fine.max.value


def chart(provision, lang: str, today: date | None = None) -> str:
    """Inline SVG: the maximum fine in MCI of each version, a step line over time, each version's
    start marked with its act. Scales with the page (viewBox), readable at 400 px."""
    versions = provision.versions
    values = [_fine_max_mci(v) for v in versions]
    title = message(lang, "web", "chart_title")
    if all(v is None for v in values):
        return f'<p class="chart-none">{_e(message(lang, "web", "chart_none"))}</p>'
    today = today or date.today()
    start = versions[0].valid_from
    end = max(today, *(v.valid_to or v.valid_from for v in versions))
    width, height, left, right, top, bottom = 480, 220, 44, 10, 40, 30
    span = max((end - start).days, 1)
    high = max(v for v in values if v is not None)

    def x(d: date) -> float:
        return left + (d - start).days / span * (width - left - right)

    def y(value: Decimal) -> float:
        return top + (height - top - bottom) * (1 - float(value / high))

    out = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{_e(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">',
        f'<text x="4" y="16" class="chart-title">{_e(title)}</text>',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" class="axis"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}" class="axis"/>',
        f'<text x="{left - 6}" y="{y(high) + 4:.1f}" text-anchor="end">{_e(fmt.number(high, lang))}</text>',
        f'<text x="{left - 6}" y="{height - bottom + 4}" text-anchor="end">0</text>',
    ]
    years = range(start.year + 1, end.year + 1, max(1, (end.year - start.year) // 6 or 1))
    out += [
        f'<text x="{x(date(yr, 1, 1)):.1f}" y="{height - bottom + 16}" text-anchor="middle">{yr}</text>' for yr in years
    ]
    for v, value in zip(versions, values, strict=True):
        stop = v.valid_to or end
        x0, x1 = x(v.valid_from), x(stop)
        out.append(f'<line x1="{x0:.1f}" y1="{top}" x2="{x0:.1f}" y2="{height - bottom}" class="version-start"/>')
        out.append(f'<text x="{x0 + 3:.1f}" y="{top - 4}" class="act">{_e(v.act.number)}</text>')
        if value is not None:
            out.append(
                f'<polyline class="fine" points="{x0:.1f},{y(value):.1f} {x1:.1f},{y(value):.1f}">'
                f"<title>{_e(fmt.mci(value, lang))}: {_e(_short_date(v.valid_from, lang))} – "
                f"{_e(_short_date(v.valid_to, lang))}</title></polyline>"
            )
            out.append(
                f'<text x="{(x0 + x1) / 2:.1f}" y="{y(value) - 5:.1f}" text-anchor="middle" class="value">'
                f"{_e(fmt.number(value, lang))}</text>"
            )
    out.append("</svg>")
    return "\n".join(out)


def _law_item(item, lang: str) -> str:
    """A sanction item as the law writes it (before the General Part's limits), in `lang`."""
    name = _kind_name(lang, item.kind)
    if item.lifelong:
        return f"{name}: {message(lang, 'assessment', 'lifelong')}"
    low, high = item.min, item.max
    unit = (high or low).unit if (high or low) else None
    if unit is None:
        text = ""
    elif unit in ("MCI", "KZT"):
        text = fmt.amount_range(low.value if low else None, high.value if high else None, unit, lang)
    elif unit in ("day", "month", "hour"):
        text = fmt.term_range(low.value if low else None, high.value if high else None, unit, lang)
    else:  # a multiple or a percentage of a base amount
        text = f"{low.value if low else '…'}–{high.value if high else '…'} × {item.base or unit}"
    flag = ""
    if item.mandatory is not None:
        flag = f" [{message(lang, 'assessment', 'mandatory') if item.mandatory else message(lang, 'assessment', 'optional')}]"
    return f"{name}: {text}{flag}" if text else f"{name}{flag}"


def _history(lang: str, p) -> str:
    names = (
        message(lang, "web", "period"),
        message(lang, "web", "act"),
        message(lang, "web", "sanction"),
        message(lang, "web", "verification"),
        message(lang, "web", "sources"),
    )
    rows = []
    for v in p.versions:
        if v.abolished:
            sanction = _e(message(lang, "assessment", "abolished"))
        else:
            groups = []
            for s in v.sanctions:
                who = ", ".join(offender_name(lang, o) for o in s.offenders)
                items = [_law_item(i, lang) for i in s.main] + [f"+ {_law_item(i, lang)}" for i in s.additional]
                groups.append(f"<p><em>{_e(who)}</em>: {'; '.join(_e(t) for t in items)}</p>")
            sanction = "".join(groups)
        sources = " ".join(
            f'<a href="{_e(s)}" rel="noreferrer noopener">[{n}]</a>'
            for n, s in enumerate(v.sources, 1)
            if s.startswith(("https://", "http://"))
        )
        cells = (
            f"{_e(_short_date(v.valid_from, lang))} – {_e(_short_date(v.valid_to, lang))}",
            _e(v.act),
            sanction,
            _e(message(lang, "assessment", v.verification)),
            sources,
        )
        rows.append(
            "<tr>" + "".join(f'<td data-label="{_e(n)}">{c}</td>' for n, c in zip(names, cells, strict=True)) + "</tr>"
        )
    head = "".join(f'<th scope="col">{_e(k)}</th>' for k in names)
    links = (
        f'<p class="links"><a href="{_e(_url("/history", reference=p.label, lang=lang))}">'
        f'{_e(message(lang, "web", "open_history"))}</a> · <a href="{_e(_url("/diff", reference=p.label, lang=lang))}">'
        f"{_e(message(lang, 'web', 'open_diff'))}</a></p>"
    )
    return (
        f'<section id="history" class="history"><h2>{_e(message(lang, "web", "history"))}</h2>{chart(p, lang)}'
        f'<div class="scroll"><table class="versions"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}'
        f"</tbody></table></div>{links}</section>"
    )


def _siblings(lang: str, p) -> str:
    from ..lookup import provisions

    others = [q for q in provisions(p.code) if q.article == p.article and q.id != p.id]
    if not others:
        return ""
    return (
        f'<p class="parts">{_e(message(lang, "web", "other_parts"))}: '
        + ", ".join(f'<a href="{_e(_url("/history", reference=q.label, lang=lang))}">{_e(q.label)}</a>' for q in others)
        + "</p>"
    )


def _reference_form(
    lang: str, action: str, reference: str, dates: dict[str, str] | None = None, values: dict | None = None
) -> str:
    """A form asking for a reference (and, for the diff, the dates named in `dates`: {name: label})."""
    values = values or {}
    fields = "".join(
        f'<label for="{d}">{_e(label)}</label>'
        f'<input id="{d}" name="{d}" type="date" required value="{_e(values.get(d, ""))}">'
        for d, label in (dates or {}).items()
    )
    button = message(lang, "web", "compare") if dates else message(lang, "web", "open_history")
    return (
        f'<form method="get" action="{action}"><input type="hidden" name="lang" value="{lang}">'
        f'<label for="reference">{_e(message(lang, "web", "reference"))}</label>'
        f'<input id="reference" name="reference" type="text" required maxlength="200" value="{_e(reference)}">'
        f'{fields}<button type="submit">{_e(button)}</button></form>'
    )


async def history_page(request: Request) -> Response:
    lang = language(request)
    reference = request.query_params.get("reference", "")[:200]
    body, status = (
        [f"<h1>{_e(message(lang, 'web', 'history'))}</h1>", _reference_form(lang, "/history", reference)],
        200,
    )
    if reference:
        try:
            from ..lookup import provision
            from . import app

            p = await app.compute(provision, reference)
            title = p.title.get(lang) or p.title.get("en") or p.title.get("ru", "")
            body.append(
                f'<p class="provision"><strong>{_e({"en": p.label, "ru": p.label_ru, "kk": p.label_kk}[lang])}'
                f"</strong> — {_e(title)}</p>"
            )
            body.append(_history(lang, p))
            body.append(_siblings(lang, p))
        except Exception as error:
            status, text = _refusal(lang, error)
            body.append(text)
    return _page(request, lang, message(lang, "web", "history"), "\n".join(body), status)


def _diff_rows(lang: str, changes) -> str:
    names = (
        message(lang, "web", "offender"),
        message(lang, "web", "group"),
        message(lang, "web", "change"),
        message(lang, "web", "before"),
        message(lang, "web", "after"),
    )
    rows = "".join(
        "<tr>"
        + "".join(
            f'<td data-label="{_e(n)}">{_e(c)}</td>'
            for n, c in zip(
                names,
                (
                    offender_name(lang, ch.offender),
                    _kind_name(lang, ch.kind),
                    _change_word(lang, ch.what),
                    ch.before or "—",
                    ch.after or "—",
                ),
                strict=True,
            )
        )
        + "</tr>"
        for ch in changes
    )
    head = "".join(f'<th scope="col">{_e(k)}</th>' for k in names)
    return f'<div class="scroll"><table id="changes" class="changes"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>'


async def diff_page(request: Request) -> Response:
    lang = language(request)
    values = {k: request.query_params.get(k, "")[:200] for k in ("reference", "first", "second")}
    body = [
        f"<h1>{_e(message(lang, 'web', 'diff'))}</h1>",
        _reference_form(
            lang,
            "/diff",
            values["reference"],
            {"first": message(lang, "web", "first"), "second": message(lang, "web", "second")},
            values,
        ),
    ]
    status = 200
    if values["reference"] and values["first"] and values["second"]:
        try:
            from ..changes import diff
            from . import app

            first, second = _parse_date("first", values["first"]), _parse_date("second", values["second"])
            changes = await app.compute(diff, values["reference"], first, second)
            body.append(
                _diff_rows(lang, changes)
                if changes
                else f'<p id="no-change">{_e(message(lang, "web", "no_change"))}</p>'
            )
        except Exception as error:
            status, text = _refusal(lang, error)
            body.append(text)
    return _page(request, lang, message(lang, "web", "diff"), "\n".join(body), status)


async def static(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in ("penalties.css", "penalties.js"):
        return error_page(request, 404)
    kind = "text/css" if name.endswith(".css") else "text/javascript"
    return FileResponse(STATIC / name, media_type=f"{kind}; charset=utf-8", headers={"Cache-Control": "max-age=3600"})


def routes() -> list:
    return [
        Route("/", calculator, methods=["GET"]),
        Route("/history", history_page, methods=["GET"]),
        Route("/diff", diff_page, methods=["GET"]),
        Route("/static/{name}", static, methods=["GET"]),
    ]
