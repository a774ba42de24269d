"""Human-readable and JSON renderings of assessments, histories and coverage.

The words are in the catalogs (penalties/output/messages.py): headings and labels of
`render_assessment` in the context "assessment", kinds in "kind", offender categories in
"offender", the summary-procedure line in "reduced payment", the sentences of histories, diffs,
whole articles and listings in "history", acts as cited in "act citation". Only the coverage page
(docs/coverage.md, for maintainers) is English.
"""

from __future__ import annotations

from typing import Any

from ..law.kinds import KINDS
from ..law.provisions import CODES, Provision, Version, label_of
from ..law.quantities import decimal_text
from ..law.sentencing import RULE_CATEGORIES
from . import formatting as fmt
from . import messages


def _words(lang: str):
    """The catalog's words of the text rendering (context "assessment"): w("version") …"""
    return lambda key: messages.message(lang, "assessment", key)


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
    return fmt.term_range(item.min.value if item.min else None, item.max.value if item.max else None, item.unit, lang)


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
    flags.extend(bound_flags(item, lang))
    return name, body, tuple(flags)


def bound_flags(item, lang: str) -> list[str]:
    """The words of a percentage bounded in MCI and of an amount per unit of a count: "not less than
    5 MCI = 19,660 KZT", "not more than …", "for each payment_document (count 3)"."""
    w = _words(fmt.check_lang(lang))
    out = []
    for key in ("floor", "ceiling"):
        bound = getattr(item, key, None)
        if bound is None:
            continue
        if hasattr(bound, "kzt"):  # a Money, at the MCI of the day
            text = fmt.amount_range(bound.mci, bound.mci, "MCI", lang)
            if bound.kzt is not None:
                text += " = " + fmt.amount_range(bound.kzt, bound.kzt, "KZT", lang)
        else:  # a Measure in MCI, as the law writes it
            text = fmt.amount_range(bound.value, bound.value, "MCI", lang)
        out.append((w("floor") if key == "floor" else w("ceiling")).format(amount=text))
    per = getattr(item, "per", None)
    if per:
        count = getattr(item, "per_count", None)
        out.append(w("per").format(what=per) + (f" ({w('count')} {decimal_text(count)})" if count is not None else ""))
    return out


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
    lines = [
        f"{label} — {title}",
        f"{w('version')}: {d(v.valid_from)} – {d(v.valid_to) if v.valid_to else w('in_force')}, "
        f"{fmt.citation(v.act, lang)} [{w(v.verification)}]",
        f"{w('dates')}: {w('committed')} {d(a.dates.committed)}, {w('initiated')} {d(a.dates.initiated)}, "
        f"{w('decided')} {d(a.dates.decided)}",
    ]
    if p.code == "ac":  # the Criminal Code punishes individuals only
        lines.append(f"{w('offender')}: {messages.message(lang, 'offender', a.offender)}")
    if a.abolished:
        lines.append(
            f"{w('abolished')}: {w('none')}" + (f"; {w('moved')} {id_label(v.moved_to, lang)}" if v.moved_to else "")
        )
    else:
        has_money = any(i.unit == "money" for i in a.main + a.additional)
        if a.mci and has_money:
            mci_unit = messages.message(lang, "amount", "mci")
            lines.append(
                f"1 {mci_unit} = {fmt.money(a.mci.kzt, 'KZT', lang)} ({w('valued')} "
                f"{d(a.dates.mci_valued_on)}; {fmt.citation(a.mci.act, lang)})"
            )
        if a.rate:
            lines.append(f"{w('usd')}: {fmt.money(a.rate.kzt_per_usd, 'KZT', lang)} ({w(a.rate.basis)})")
        lines.append(f"{w('main')}:")
        lines.extend(_item_line(i, lang, w) for i in a.main)
        if a.additional:
            lines.append(f"{w('additional')}:")
            lines.extend(_item_line(i, lang, w) for i in a.additional)
        if a.reduced_payment:
            lines.append(_reduced_payment_line(a.reduced_payment, lang))
        lines.append(limitation_line(a, lang))
    if a.warnings:
        lines.append(f"{w('warnings')}:")
        lines.extend(f"  ! {n.text(lang)}" for n in a.notices)
    if explain:
        lines.append(f"{w('why')}:")
        for i, step in enumerate(a.steps, start=1):
            lines.append(f"  {i}. {step_topic(step.topic, lang)}: {step_text(step, lang)}")
            lines.extend(f"     {source}" for source in step.sources)
    return "\n".join(lines)


def step_topic(topic: str, lang: str) -> str:
    """A reasoning step's heading in words of `lang` ("version", "MCI", "General Part" …)."""
    if topic == "version":
        return messages.message(lang, "explanation topic", "version")
    if topic == "time":
        return messages.message(lang, "explanation topic", "time")
    if topic == "abolished":
        return messages.message(lang, "explanation topic", "abolished")
    if topic == "MCI":
        return messages.message(lang, "explanation topic", "MCI")
    if topic == "USD":
        return messages.message(lang, "explanation topic", "USD")
    if topic == "General Part":
        return messages.message(lang, "explanation topic", "General Part")
    return topic


def step_text(step, lang: str) -> str:
    """A reasoning step's sentence in words of `lang`, from its key and parameters (the English
    `text` where the step has no key)."""
    w = _words(lang)
    d = lambda x: fmt.long_date(x, lang)  # noqa: E731
    key, p = step.key, step.params
    if key in ("version_in_force", "version_milder"):
        start, end, act, level, committed, earlier = p
        values = {
            "span": f"{d(start)} – {d(end) if end else w('in_force')}",
            "act": fmt.citation(act, lang),
            "verification": w(level),
            "committed": d(committed),
            "earlier": d(earlier),
        }
        if key == "version_in_force":
            return messages.message(lang, "explanation", "version_in_force").format(**values)
        return messages.message(lang, "explanation", "version_milder").format(**values)
    if key == "time_rule":
        return messages.message(lang, "explanation", "time_rule").format(article=p[0])
    if key in ("abolished", "abolished_moved"):
        day, act, moved = p
        values = {"date": d(day), "act": fmt.citation(act, lang), "label": id_label(moved, lang) if moved else ""}
        if key == "abolished":
            return messages.message(lang, "explanation", "abolished").format(**values)
        return messages.message(lang, "explanation", "abolished_moved").format(**values)
    if key in ("mci", "mci_fallback"):
        kzt, day, act, article, which = p
        values = {
            "kzt": fmt.money(kzt, "KZT", lang),
            "date": d(day),
            "act": fmt.citation(act, lang),
            "article": article or "",
            "which": messages.message(lang, "notice parameter", which) if which else "",
        }
        if key == "mci":
            return messages.message(lang, "explanation", "mci").format(**values)
        return messages.message(lang, "explanation", "mci_fallback").format(**values)
    if key == "usd":
        rate, basis, start, end = p
        return messages.message(lang, "explanation", "usd").format(
            rate=fmt.money(rate, "KZT", lang), basis=w(basis), start=d(start), end=d(end)
        )
    if key in ("limit", "limit_unavailable"):
        kind = messages.message(lang, "kind", p[0])
        if key == "limit":
            _, article, low, high, level = p
            return messages.message(lang, "explanation", "limit").format(
                kind=kind, article=article, range=fmt.bounds(low, high, lang) or "—", verification=w(level)
            )
        _, start, end, level = p
        return messages.message(lang, "explanation", "limit_unavailable").format(
            kind=kind, start=d(start), end=d(end) if end else w("in_force"), verification=w(level)
        )
    return step.text


def limitation_line(a, lang: str) -> str:
    """The limitation period of an assessment (`Assessment.limitation`) in one line, or why it is not given."""
    found = a.limitation
    if found is None:  # the reason's key is one of reasoning.limitation.UNAVAILABLE
        reason = messages.message(lang, "limitation", a.limitation_unavailable.code)
        return messages.message(lang, "limitation", "unavailable").format(reason)
    # "article_cc" / "article_ac"
    article = messages.message(lang, "limitation", f"article_{found.rule.code}").format(found.article)
    term = fmt.term_range(found.term.value, found.term.value, found.term.unit, lang)
    text = messages.message(lang, "limitation", "line").format(
        article=article, term=term, date=fmt.long_date(found.last_day, lang)
    )
    if found.lex_mitior:
        text += "; " + messages.message(lang, "limitation", "lex_mitior")
    if found.alternatives:
        terms = sorted({(x.term.unit, x.term.value) for x in found.alternatives})
        words = ", ".join(fmt.term_range(value, value, unit, lang) for unit, value in terms)
        text += "; " + messages.message(lang, "limitation", "alternatives").format(words)
    return text


def _reduced_payment_line(r, lang: str) -> str:
    low, high = r.min, r.max
    kzt = lambda m: fmt.money(m.kzt, "KZT", lang)  # noqa: E731
    if low is None or high is None or low.kzt == high.kzt:
        amount = kzt(high or low)
    else:
        amount = f"{kzt(low)} – {kzt(high)}"
    return messages.message(lang, "reduced payment", "summary_procedure").format(
        article=r.article, percent=int(r.percent), days=r.within_days, amount=amount
    )


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
    for key in ("floor", "ceiling"):  # a percentage bounded in MCI
        m = getattr(item, key, None)
        if m is not None:
            out[key] = {_MONEY_KEYS[m.unit]: decimal_text(m.value)}
    if getattr(item, "per", None):
        out["per"] = item.per
    return item_flags(item, out)


def item_flags(item, out: dict) -> dict:
    """Add the keys an item has only sometimes: lifelong, base, mandatory, alternatives (the kinds a punishment with
    a choice, "приостановление или запрещение деятельности", is imposed as; its bounds bind each)."""
    alternatives = KINDS[item.kind].alternatives if item.kind in KINDS else ()
    if alternatives:
        out["alternatives"] = list(alternatives)
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
        "valid_from": v.valid_from.isoformat(),
        "valid_to": v.valid_to.isoformat() if v.valid_to else None,
        "valid_from_latest": v.valid_from_latest.isoformat() if v.valid_from_latest else None,
        "amended_by": str(v.act),
        "act": v.act.to_dict(),
        "sources": list(v.sources),
        "verification": v.verification,
        "verified_through": v.provenance.verified_through.isoformat() if v.provenance.verified_through else None,
    }
    if sanctions:
        # `main`/`additional` at the top are the individual's (or the only) sanction, as DESIGN.md
        # has them; `sanctions` lists every offender category
        first = next((s for s in v.sanctions if "individual" in s.offenders), v.sanctions[0] if v.sanctions else None)
        out.update(
            {
                "category": v.category,
                "abolished": v.abolished,
                "moved_to": v.moved_to,
                "main": [item_dict(i) for i in first.main] if first else [],
                "additional": [item_dict(i) for i in first.additional] if first else [],
                "sanctions": [
                    {
                        "offenders": list(s.offenders),
                        "main": [item_dict(i) for i in s.main],
                        "additional": [item_dict(i) for i in s.additional],
                    }
                    for s in v.sanctions
                ],
                "notes": v.provenance.notes,
            }
        )
    return out


def history_dict(p: Provision) -> list:
    return [dict(version_dict(v), provision=p.id) for v in p.versions]


def label_in(p, lang: str) -> str:
    """A provision's or an article's label as people of `lang` write it: CC 403(1), ч.1 ст.403 УК РК, ҚР ҚК 403-бап 1-бөлік."""
    return {"en": p.label, "ru": p.label_ru, "kk": p.label_kk}[fmt.check_lang(lang)]


def id_label(pid: str, lang: str) -> str:
    """The label of a provision id in `lang`: kz.ac.73-3.1 -> AC 73-3(1), ч.1 ст.73-3 КоАП РК, ҚР ӘҚБтК 73-3-бап 1-бөлік."""
    _, code, article, *rest = pid.split(".")
    bare = Provision(
        pid, code, article, rest[0] if rest else None, {}, item=rest[1] if len(rest) > 1 else None, versions=()
    )
    return label_in(bare, lang)


def title_in(p, lang: str) -> str:
    return p.title.get(lang) or p.title.get("en") or p.title.get("ru", "")


def _say(lang: str, key: str, **params) -> str:
    """A sentence of the history, diff and list renderings (context "history")."""
    return messages.message(lang, "history", key).format(**params)


def offender_name(offender: str, lang: str) -> str:
    """The offender category in words ("medium_business" -> "medium-sized businesses"), never its id."""
    return messages.message(lang, "offender", offender)


def items_text(items, lang: str) -> str:
    """Sanction items in words: 'fine up to 1,000 MCI; imprisonment up to 3 years (optional)'."""
    out = []
    for item in items:
        name = messages.message(lang, "kind", item.kind)
        bound = (
            messages.message(lang, "assessment", "lifelong") if item.lifelong else fmt.bounds(item.min, item.max, lang)
        )
        if item.lifelong and item.min is not None:  # "from N years … or for life"
            bound = f"{fmt.measure(item.min, lang)} … {bound}"
        if item.base and bound:
            bound += f" (× {item.base})"
        if bound and (extra := bound_flags(item, lang)):
            bound += " (" + "; ".join(extra) + ")"
        flag = ""
        if item.mandatory is not None:
            flag = " (" + messages.message(lang, "assessment", "mandatory" if item.mandatory else "optional") + ")"
        out.append(f"{name} {bound}".strip() + flag)
    return "; ".join(out)


def version_span(v: Version, lang: str) -> str:
    d = lambda x: fmt.long_date(x, lang)  # noqa: E731
    end = d(v.valid_to) if v.valid_to else messages.message(lang, "assessment", "in_force")
    return f"{d(v.valid_from)} – {end}"


def render_history(p: Provision, lang: str = "en") -> str:
    """Every version of a provision, in words of `lang`: interval, act as cited, verification, sanctions."""
    w = _words(fmt.check_lang(lang))
    lines = [f"{label_in(p, lang)} — {title_in(p, lang)}"]
    entries = sorted([(v.valid_from, v) for v in p.versions] + [(g.valid_from, g) for g in p.gaps], key=lambda e: e[0])
    for _, v in entries:
        if not isinstance(v, Version):  # a gap: the wording of those days was not read
            span = f"{fmt.long_date(v.valid_from, lang)} – {fmt.long_date(v.valid_to, lang)}"
            lines.append(f"{span}: {_say(lang, 'gap')}")
            continue
        lines.append(f"{version_span(v, lang)}: {fmt.citation(v.act, lang)} [{w(v.verification)}]")
        if v.abolished:
            moved = ""
            if v.moved_to:
                moved = "; " + _say(lang, "moved_to", label=id_label(v.moved_to, lang))
            lines.append("    " + _say(lang, "repealed") + moved)
        for s in v.sanctions:
            extra = items_text(s.additional, lang)
            who = ", ".join(offender_name(o, lang) for o in s.offenders)
            lines.append(f"    {who}: {items_text(s.main, lang)}" + (f" | {w('additional')}: {extra}" if extra else ""))
    return "\n".join(lines)


def render_change(c, lang: str = "en") -> str:
    """One `Change` in words of `lang`: 'fine: maximum 300 MCI → 160 MCI'; offenders other than
    individuals are named ('medium-sized businesses: fine …')."""
    fmt.check_lang(lang)
    who = "" if c.offender in ("individual", "unnamed") else f"{offender_name(c.offender, lang)}: "
    if c.what in ("abolished", "restored"):
        v = c.version
        act = f" ({fmt.long_date(v.valid_from, lang)}, {fmt.citation(v.act, lang)})" if v is not None else ""
        return (_say(lang, "change_abolished") if c.what == "abolished" else _say(lang, "change_restored")) + act
    kind = messages.message(lang, "kind", c.kind)
    a, b = c.before_item, c.after_item
    none = "—"
    if c.what == "added":
        text = _say(lang, "change_added", kind=kind, value=fmt.bounds(b.min, b.max, lang) if b else "")
    elif c.what == "removed":
        text = _say(lang, "change_removed", kind=kind, value=fmt.bounds(a.min, a.max, lang) if a else "")
    elif c.what in ("min", "max"):
        before, after = (getattr(i, c.what) if i else None for i in (a, b))
        shown_before = fmt.measure(before, lang) if before else none
        shown_after = fmt.measure(after, lang) if after else none
        if c.what == "min":
            text = _say(lang, "change_min", kind=kind, before=shown_before, after=shown_after)
        else:
            text = _say(lang, "change_max", kind=kind, before=shown_before, after=shown_after)
    elif c.what == "amount":

        def shown(i):
            if i is None or (i.min is None and i.max is None):
                return none
            return fmt.measure(i.max, lang) if i.min == i.max else fmt.bounds(i.min, i.max, lang)

        text = _say(lang, "change_amount", kind=kind, before=shown(a), after=shown(b))
    else:  # lifelong, mandatory: a yes/no flag
        yes, no = _say(lang, "yes"), _say(lang, "no")
        flag = lambda i: yes if getattr(i, c.what) else no  # noqa: E731
        if c.what == "lifelong":
            text = _say(lang, "change_lifelong", kind=kind, before=flag(a), after=flag(b))
        else:
            text = _say(lang, "change_mandatory", kind=kind, before=flag(a), after=flag(b))
    return who + text.replace("  ", " ").replace(" ()", "")


def render_diff(changes, lang: str = "en") -> str:
    """A provision's diff in words of `lang`, one change a line ('no change' when there is none)."""
    return "\n".join(render_change(c, lang) for c in changes) or _say(fmt.check_lang(lang), "no_change")


def render_article_history(whole, lang: str = "en") -> str:
    """Every part's history, one after the other."""
    head = f"{label_in(whole, lang)} — {title_in(whole, lang)}"
    return "\n\n".join([head] + [render_history(p, lang) for p in whole.parts])


def render_article_assessment(result, lang: str = "en", explain: bool = False) -> str:
    """Each part assessed, or the reason it could not be, in words of `lang`."""
    whole = result.article
    blocks = [f"{label_in(whole, lang)} — {title_in(whole, lang)}"]
    for part in result.parts:
        if part.assessment is not None:
            blocks.append(render_assessment(part.assessment, lang, explain=explain))
        else:
            blocks.append(f"{label_in(part.provision, lang)}: {refusal_text(part.refusal, lang)}")
    return "\n\n".join(blocks)


def refusal_text(kind: str | None, lang: str) -> str:
    """Why a part of an article was not assessed, by the error's class name, in words of `lang`."""
    if kind == "UnreadWordingError":
        return _say(lang, "refused_unread")
    if kind == "UnknownOffenderError":
        return _say(lang, "refused_offender")
    if kind == "MissingBaseError":
        return _say(lang, "refused_base")
    if kind in ("OutOfCoverageError", "MissingIndexError"):
        return _say(lang, "refused_coverage")
    return _say(lang, "refused_other")


def render_article_diff(result, lang: str = "en") -> str:
    """Every part of an article compared between two dates, in words of `lang`."""
    fmt.check_lang(lang)
    whole = result.article
    d = lambda x: fmt.long_date(x, lang)  # noqa: E731
    lines = [f"{label_in(whole, lang)} — {title_in(whole, lang)}: {d(result.first)} → {d(result.second)}"]
    for part in result.parts:
        label = label_of(part.provision) if lang == "en" else label_in(_provision_of(whole, part.provision), lang)
        acts = "; ".join(_say(lang, "act_from", act=fmt.citation(act, lang), date=d(since)) for act, since in part.acts)
        status = {
            "changed": _say(lang, "status_changed"),
            "unchanged": _say(lang, "status_unchanged"),
            "added": _say(lang, "status_added"),
            "repealed": _say(lang, "status_repealed"),
            "restored": _say(lang, "status_restored"),
            "absent": _say(lang, "status_absent"),
            "unread": _say(lang, "status_unread"),
        }[part.status]
        lines.append(f"  {label}: {status}" + (f" ({acts})" if acts else ""))
        lines.extend(f"    {render_change(c, lang)}" for c in part.changes)
    return "\n".join(lines)


def _provision_of(whole, pid: str):
    return next(p for p in whole.parts if p.id == pid)


def render_amount_explanation(e, lang: str = "en") -> str:
    """`explain_amount()`'s answer in words of `lang`: the amount as MCI, then the matching provisions."""
    fmt.check_lang(lang)
    d = lambda x: fmt.long_date(x, lang)  # noqa: E731
    # a Kazakh date before a noun takes the locative-attributive form ("2020 жылғы 30 сәуірдегі")
    day = fmt.act_date(e.on, lang) if lang == "kk" else d(e.on)
    params = {
        "amount": fmt.money(e.amount_kzt, "KZT", lang),
        "date": day,
        "mci": fmt.money(e.mci.kzt, "KZT", lang),
        "period": f"{d(e.mci.valid_from)} – {d(e.mci.valid_to)}",
        "act": fmt.citation(e.mci.act, lang),
        "count": fmt.mci(e.mci_count, lang),
        "tolerance": fmt.money(e.tolerance_kzt, "KZT", lang),
        "counts": ", ".join(fmt.mci(c, lang) for c in e.candidates),
    }
    rounded = e.tolerance_kzt > 0
    if rounded:
        lines = [messages.message(lang, "amount explanation", "head_rounded").format(**params)]
    else:
        lines = [messages.message(lang, "amount explanation", "head").format(**params)]
    if not e.candidates:
        if rounded:
            lines.append(messages.message(lang, "amount explanation", "none_in_tolerance"))
        else:
            lines.append(messages.message(lang, "amount explanation", "not_whole"))
        return "\n".join(lines)
    fine = messages.message(lang, "kind", "fine")
    for m in e.matches:
        label = id_label(m.provision, lang)
        bound = fmt.bounds(m.item.min, m.item.max, lang) if m.item is not None else (m.range or "")
        line = f"  {label} ({offender_name(m.offender, lang)}): {fine} {bound}"
        if m.reduced_percent is not None:
            line += ", " + messages.message(lang, "amount explanation", "via_reduced").format(
                percent=fmt.number(m.reduced_percent, lang)
            )
        if rounded and m.mci_count is not None:
            line += " — " + messages.message(lang, "amount explanation", "for_count").format(
                count=fmt.mci(m.mci_count, lang)
            )
        lines.append(line)
    if not e.matches:
        lines.append("  " + messages.message(lang, "amount explanation", "no_match"))
    return "\n".join(lines)


def render_search(hits, lang: str = "en") -> str:
    """Search results in words of `lang`: an article a line, with its parts that pass the filters."""
    fmt.check_lang(lang)
    if not hits:
        return _say(lang, "no_result")
    lines = []
    for h in hits:
        head = {
            "en": h.label,
            "ru": f"ст.{h.number} {'УК РК' if h.code == 'cc' else 'КоАП РК'}",
            "kk": f"{'ҚР ҚК' if h.code == 'cc' else 'ҚР ӘҚБтК'} {h.number}-бап",
        }[lang]
        title = h.title.get(lang) or h.title.get("en") or h.title.get("ru", "")
        lines.append(f"{head} — {title}: " + ", ".join(id_label(pid, lang) for pid in h.parts))
    return "\n".join(lines)


def list_line(p: Provision, lang: str = "en") -> str:
    """One line of `penalties list`: label, coverage, versions, verification, title."""
    w = _words(fmt.check_lang(lang))
    first, last = p.coverage
    levels = "/".join(w(level) for level in sorted({v.verification for v in p.versions}))
    end = fmt.long_date(last, lang) if last else w("in_force")
    count = messages.plural_message(lang, "history", "versions", len(p.versions)).format(len(p.versions))
    return f"{label_in(p, lang)}  {fmt.long_date(first, lang)} – {end}  {count}, {levels}  {title_in(p, lang)}"


def coverage_dict(p: Provision) -> dict:
    first, last = p.coverage
    return {
        "provision": p.id,
        "label": p.label,
        "code": p.code,
        "article": p.article,
        "part": p.part,
        "title": dict(p.title),
        "first": first.isoformat(),
        "last": last.isoformat() if last else None,
        "versions": [
            {
                "valid_from": v.valid_from.isoformat(),
                "valid_to": v.valid_to.isoformat() if v.valid_to else None,
                "verification": v.verification,
                "abolished": v.abolished,
            }
            for v in p.versions
        ],
    }


def coverage_markdown(provisions, texts: dict | None = None) -> str:
    """docs/coverage.md: provision by provision, what is encoded and how well it is verified.

    `texts` ({code: (redaction, articles in force in it, articles repealed in it, [(article, title,
    [reasons]) with nothing encoded], articles with something left out)}) gives, for each Code, the
    newest redaction read in full, to compare what the text has with what is encoded.
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
    for code, name in (
        ("cc", "Criminal Code (Special Part)"),
        ("ac", "Code on Administrative Offenses (Special Part)"),
    ):
        mine = [p for p in rows if p.code == code]
        if not mine:
            continue
        own = [v for p in mine for v in p.versions]
        text = ""
        if texts and code in texts:
            day, in_force, repealed, _, _ = texts[code]
            text = f"{in_force} in force, {repealed} repealed ({day:%d.%m.%Y})"
        lines.append(
            f"| {name} | {text} | {len({p.article for p in mine})} | {len(mine)} | {len(own)} | "
            f"{sum(v.verification == 'primary' for v in own)} ({sum(v.verification == 'primary' for v in own) / len(own):.0%}) | "
            f"{sum(len(p.gaps) for p in mine)} in {sum(1 for p in mine if p.gaps)} provisions |"
        )
    lines += [
        "",
        "Parts of the newest texts that are not encoded, with the reason for each: "
        "`statutes/kz/readings/cc/left-out.md` and `statutes/kz/readings/ac/left-out.md`. A gap is a "
        "period in which a provision was in force but its wording was not read (several acts could "
        "have changed it between two redactions read); an assessment on a day inside it is refused "
        "with `UnreadWordingError`, which names the acts.",
        "",
        *_not_encoded(texts or {}),
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
        entries = [
            (
                v.valid_from,
                f"{v.valid_from} .. {v.valid_to or 'in force'}: {v.act.number}, {v.verification}"
                + (" (abolished)" if v.abolished else ""),
            )
            for v in p.versions
        ]
        entries += [
            (g.valid_from, f"{g.valid_from} .. {g.valid_to}: **gap**: {g.reason.replace('|', '/')}") for g in p.gaps
        ]
        spans = "<br>".join(text for _, text in sorted(entries))
        title = (p.title.get("en") or p.title.get("ru", "")).replace("|", "/")
        lines.append(f"| {p.label} | {title} | {spans} |")
    lines.extend(_general_part_coverage())
    return "\n".join(lines) + "\n"


def _not_encoded(texts: dict) -> list[str]:
    """For docs/coverage.md: per Code, how many articles have something left out, and the articles of
    the newest text with nothing encoded, each with the builder's reasons (left-out.md)."""
    lines: list[str] = []
    for code, (day, _, _, missing, partly) in sorted(texts.items(), key=lambda item: item[0] != "cc"):
        name = CODES[code]
        lines.append(
            f"{name}: {partly} articles of the {day:%d.%m.%Y} text have a part or more left out "
            f"(left-out.md); {len(missing)} have nothing encoded" + (":" if missing else ".")
        )
        if missing:
            lines += ["", "| article | title | why nothing is encoded |", "|---|---|---|"]
            for number, title, reasons in sorted(missing, key=lambda m: _article_key(m[0])):
                why = "<br>".join(r.replace("|", "/") for r in reasons) or "not read"
                lines.append(f"| {name} {number} | {title.replace('|', '/')} | {why} |")
        lines.append("")
    return lines


def _article_key(number: str) -> tuple[int, ...]:
    return tuple(int(n) for n in number.split("-") if n.isdigit())


def _general_part_coverage() -> list[str]:
    """The General Parts' rules, one row each, for docs/coverage.md."""
    from ..data.general_part import general_part

    lines = [
        "",
        "## General Parts",
        "",
        "Rules a special-part sanction does not repeat (`statutes/kz/<code>/general.toml`). Between two "
        "rows of one kind nothing is encoded where the wording was not read.",
        "",
        "| code | rule | article | applies to | from .. to | verification |",
        "|---|---|---|---|---|---|",
    ]
    for code in ("cc", "ac"):
        gp = general_part(code)
        rows: list[tuple[str, str, str, Any]] = [
            (
                f"limit: {r.kind}"
                + (f" (arts {', '.join(r.articles)})" if r.articles else "")
                + ("" if r.available else " (not yet in effect)"),
                r.article,
                ", ".join(r.applies_to),
                r,
            )
            for r in gp.limits
        ]
        rows += [(f"MCI valued on the day {r.date}", r.article, "any", r) for r in gp.valuation]
        rows += [
            (f"reduced payment: {r.percent} % within {r.within_days} days", r.article, ", ".join(r.applies_to), r)
            for r in gp.reduced_payment
        ]
        rows += [(f"custody credit: {r.custody}", r.article, "any", r) for r in gp.custody_credit]
        rows += [("law in time, lex mitior", r.article, "any", r) for r in gp.time_rules]
        rows += [(f"equivalents of {r.of} (1 {r.per.unit})", r.article, "any", r) for r in gp.equivalents]
        for rule, article, applies, r in rows:
            span = f"{r.valid_from} .. {r.valid_to or 'in force'}"
            if getattr(r, "valid_from_latest", None):
                span += f" (start known only up to {r.valid_from_latest})"
            lines.append(f"| {code.upper()} | {rule} | {article} | {applies} | {span} | {r.provenance.verification} |")
    return lines


def render_review(r, lang: str = "en") -> str:
    """A review (`penalties.review`) for people: the verdict, then each item imposed with its
    verdict, its reason and the rules it would need; the assessment it was checked against last."""
    fmt.check_lang(lang)
    lines = [
        messages.message(lang, "review", "heading").format(r.imposed_text),
        f"{messages.message(lang, 'review', 'verdict')}: {messages.message(lang, 'review', r.verdict)}",
    ]
    for item in r.items:
        reason = messages.message(lang, "review", item.reason)
        lines.append(f"  - {item.imposed.text}: {messages.message(lang, 'review', item.verdict)} ({reason})")
        for condition in item.rules:
            rule = condition.rule
            article = messages.message(lang, "limitation", f"article_{rule.code}").format(rule.article)
            words = ", ".join(_condition_words(c, lang) for c in condition.conditions)
            lines.append(
                "      "
                + messages.message(lang, "review", "if_rule").format(
                    rule=messages.message(lang, "sentencing rule", rule.rule), article=article, conditions=words
                )
            )
        if item.unencoded:
            names = ", ".join(messages.message(lang, "sentencing rule", u) for u in item.unencoded)
            lines.append("      " + messages.message(lang, "review", "unencoded").format(names))
    if r.not_applied:
        names = ", ".join(messages.message(lang, "sentencing rule", u) for u in r.not_applied)
        lines.append(messages.message(lang, "review", "not_applied").format(names))
    lines.append("")
    lines.append(render_assessment(r.assessment, lang))
    return "\n".join(lines)


def _condition_words(condition: str, lang: str) -> str:
    """A rule's condition id in words where the catalog has it (context "condition"), else as the data writes it."""
    if messages.has_message(lang, "condition", condition):
        return messages.message(lang, "condition", condition)
    return condition


def render_aggregate(g, lang: str = "en") -> str:
    """A combined range (`penalties.assess_aggregate`) for people: the rule and the part of it that
    applies (with its quoted words), each offence with its category, the combined items with where
    their maximum comes from, and the warnings."""
    w = _words(fmt.check_lang(lang))
    r = g.rule
    article = messages.message(lang, "limitation", f"article_{r.code}").format(r.article)
    labels = ", ".join(label_in(a.provision, lang) for a in g.parts)
    lines = [
        messages.message(lang, "aggregate", f"heading_{g.aggregate}").format(article=article, labels=labels),
        messages.message(lang, "aggregate", "rule").format(
            article=article,
            act=fmt.citation(r.provenance.act, lang),
            start=fmt.long_date(r.valid_from, lang),
            end=fmt.long_date(r.valid_to, lang) if r.valid_to else w("in_force"),
            verification=w(r.verification),
            day=fmt.long_date(g.day, lang),
        ),
    ]
    methods = ", ".join(messages.message(lang, "aggregate method", m) for m in g.methods)
    if g.mix is not None:
        lines.append(messages.message(lang, "aggregate", "part").format(text=g.mix.text, methods=methods))
    else:
        lines.append(messages.message(lang, "aggregate", "methods").format(methods=methods))
    for alt in g.combined.also_if:
        alt_methods = ", ".join(messages.message(lang, "aggregate method", m) for m in alt.methods)
        lines.append(
            messages.message(lang, "aggregate", "also_if").format(
                condition=messages.message(lang, "condition", alt.condition), text=alt.text, methods=alt_methods
            )
        )
    lines.append(f"{messages.message(lang, 'aggregate', 'offences')}:")
    for a, category in zip(g.parts, g.categories + (None,) * (len(g.parts) - len(g.categories)), strict=True):
        if r.code != "cc":  # the AC's rule does not depend on categories
            lines.append(f"  - {label_in(a.provision, lang)}")
            continue
        words = messages.message(lang, "category", category if category in RULE_CATEGORIES else "unknown")
        lines.append(f"  - {label_in(a.provision, lang)}: {words}")
    for heading, items in ((w("main"), g.main), (w("additional"), g.additional)):
        if not items:
            continue
        lines.append(f"{heading}:")
        for item in items:
            line = _item_line(item, lang, w)
            basis = item.max.basis if item.max is not None else None
            if basis in ("addition", "aggregate_cap", "general_part_limit"):
                line += f" ({messages.message(lang, 'aggregate', 'max_' + basis)})"
            lines.append(line)
    if g.mci and any(i.unit == "money" for i in g.main + g.additional):
        mci_unit = messages.message(lang, "amount", "mci")
        lines.append(f"1 {mci_unit} = {fmt.money(g.mci.kzt, 'KZT', lang)} ({fmt.citation(g.mci.act, lang)})")
    if g.notices:
        lines.append(f"{w('warnings')}:")
        lines.extend(f"  ! {n.text(lang)}" for n in g.notices)
    return "\n".join(lines)
