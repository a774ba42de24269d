"""The HTTP JSON API's questions: each endpoint's parameters, read and checked, and its answer.

Each endpoint answers with the document the command line prints with `--json` (the same
`to_dict()` and `penalties.output.render` functions; there is no second serialisation), so a
client of the API and a user of `penalties … --json` read one contract (docs/json-contract.md,
the schemas in `penalties/schema/`). Parameters come from the query string (GET) or a JSON object
(POST) under the same names; an unknown or repeated parameter is refused, so that a misspelt
`comitted` is not silently ignored. Nothing here imports the web framework: `penalties.web.app`
carries requests to `answer()`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from .problems import RequestError

#: longest reference, unit or word accepted (a reference as people write it is well under this)
MAX_TEXT = 200
#: the separator of a list's items in a query string ("CC 188(2);CC 190(1)": no reference contains it)
LIST_SEPARATOR = ";"
#: most items a list parameter takes (an aggregate of more offences than this is not a question people ask)
MAX_ITEMS = 20


@attrs.frozen
class Parameter:
    """One parameter of an endpoint: its name, type (`text`, `date`, `amount`, `boolean`, `integer`,
    `text_list`, `date_list`, or a tuple of the values allowed), whether it is required, its default
    and what it means. A list is a JSON array of strings (POST) or one string whose items are
    separated by `LIST_SEPARATOR` (GET, where a repeated parameter is refused)."""

    name: str
    type: str | tuple[str, ...]
    description: str
    required: bool = False
    default: Any = None


def _text(name: str, value) -> str:
    if not isinstance(value, str):
        raise RequestError("bad_parameter", f"{name}: expected a string, got {type(value).__name__}", parameter=name)
    if len(value) > MAX_TEXT:
        raise RequestError("bad_parameter", f"{name}: longer than {MAX_TEXT} characters", parameter=name)
    return value


def _date(name: str, value) -> date:
    text = _text(name, value)
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise RequestError("bad_parameter", f"{name}: not a date (YYYY-MM-DD): {text[:40]!r}", parameter=name) from None


def _amount(name: str, value):
    # strings as people write them, integers, and JSON numbers read exactly (the body is parsed
    # with Decimal for non-integers); the library checks the rest (AmountError)
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        raise RequestError(
            "bad_parameter", f"{name}: expected a number or a string, got {type(value).__name__}", parameter=name
        )
    return _text(name, value) if isinstance(value, str) else value


def _boolean(name: str, value) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise RequestError("bad_parameter", f"{name}: expected true or false", parameter=name)


def _integer(name: str, value) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.isdigit() and len(value) <= 9:
        return int(value)
    raise RequestError("bad_parameter", f"{name}: expected a whole number", parameter=name)


def _items(name: str, value) -> list[str]:
    if isinstance(value, str):
        items = [item.strip() for item in _text(name, value).split(LIST_SEPARATOR)]
    elif isinstance(value, list) and all(isinstance(item, str) for item in value):
        items = [_text(name, item).strip() for item in value]
    else:
        raise RequestError(
            "bad_parameter",
            f"{name}: expected a list of strings (or one string, its items separated by {LIST_SEPARATOR!r})",
            parameter=name,
        )
    if not items or any(not item for item in items):
        raise RequestError("bad_parameter", f"{name}: an empty item", parameter=name)
    if len(items) > MAX_ITEMS:
        raise RequestError("bad_parameter", f"{name}: more than {MAX_ITEMS} items", parameter=name)
    return items


def _text_list(name: str, value) -> list[str]:
    return _items(name, value)


def _date_list(name: str, value) -> list[date]:
    return [_date(name, item) for item in _items(name, value)]


def read(parameters: tuple[Parameter, ...], given: Mapping[str, Any]) -> dict[str, Any]:
    """The checked values of `parameters` from `given` (query or body): RequestError for a missing,
    unknown or malformed one."""
    known = {p.name for p in parameters}
    unknown = sorted(set(given) - known)
    if unknown:
        raise RequestError(
            "unknown_parameter",
            f"unknown parameter {unknown[0]!r}; this endpoint takes " + ", ".join(sorted(known)),
            parameter=unknown[0][:MAX_TEXT],
            accepted=sorted(known),
        )
    out: dict[str, Any] = {}
    for p in parameters:
        value = given.get(p.name)
        if value is None or value == "":
            if p.required:
                raise RequestError(
                    "missing_parameter", f"missing parameter {p.name!r}: {p.description}", parameter=p.name
                )
            out[p.name] = p.default
        elif isinstance(p.type, tuple):
            text = _text(p.name, value)
            if text not in p.type:
                raise RequestError(
                    "bad_parameter",
                    f"{p.name}: {text[:40]!r} is not one of {', '.join(p.type)}",
                    parameter=p.name,
                    accepted=list(p.type),
                )
            out[p.name] = text
        else:
            out[p.name] = {
                "text": _text,
                "date": _date,
                "amount": _amount,
                "boolean": _boolean,
                "integer": _integer,
                "text_list": _text_list,
                "date_list": _date_list,
            }[p.type](p.name, value)
    return out


REFERENCE = Parameter(
    "reference",
    "text",
    'a provision as people write it: "CC 403(1)", "ч.1 ст.403 УК РК", "kz.ac.489.10"',
    required=True,
)


def _assess(reference, on, committed, initiated, decided, offender, base_amount):
    from ..assessment import assess

    if on is None and committed is None:
        raise RequestError("missing_parameter", "give on or committed (a date, YYYY-MM-DD)", parameter="on")
    return assess(
        reference,
        on,
        committed=committed,
        initiated=initiated,
        decided=decided,
        offender=offender,
        base_amount=base_amount,
    ).to_dict()


def _aggregate(references, on, committed, initiated, decided, offender, aggregate, categories, base_amount):
    from ..aggregating import assess_aggregate

    if on is None and committed is None:
        raise RequestError(
            "missing_parameter", "give on or committed (a date, YYYY-MM-DD; or one per reference)", parameter="on"
        )
    if committed is not None and len(committed) == 1:
        committed = committed[0]
    if categories is not None:
        categories = [None if c == "-" else c for c in categories]
    return assess_aggregate(
        references,
        on,
        committed=committed,
        initiated=initiated,
        decided=decided,
        offender=offender,
        aggregate=aggregate,
        categories=categories,
        base_amount=base_amount,
    ).to_dict()


def _provisions(code):
    from ..lookup import provisions
    from ..output.render import coverage_dict

    return [coverage_dict(p) for p in provisions(code)]


def _history(reference):
    from ..lookup import provision
    from ..output.render import history_dict

    return history_dict(provision(reference))


def _diff(reference, first, second):
    from ..changes import diff

    return [c.to_dict() for c in diff(reference, first, second)]


def _convert(amount, unit, to, on, purpose):
    from ..conversion import convert_with_basis

    return convert_with_basis(amount, unit, to, on, purpose).to_dict()


def _explain_amount(amount, unit, on):
    from ..changes import explain_amount

    return explain_amount(amount, unit, on).to_dict()


def _search(q, code, on, fine_above_mci, arrest, lang, limit):
    from ..searching import search

    return [
        h.to_dict()
        for h in search(q, code=code, on=on, fine_above_mci=fine_above_mci, arrest=arrest, lang=lang, limit=limit)
    ]


@attrs.frozen
class Endpoint:
    """An API path, what it answers, its parameters, the schema of its answer and the function
    that computes it (keyword arguments named as the parameters)."""

    path: str
    summary: str
    parameters: tuple[Parameter, ...]
    schema: str
    compute: Callable[..., Any]


_ON = "the day (YYYY-MM-DD)"
ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint(
        "/api/assess",
        "The applicable penalty on the case's dates (= penalties show --json)",
        (
            REFERENCE,
            Parameter("on", "date", "sets committed, initiated and decided at once (YYYY-MM-DD)"),
            Parameter("committed", "date", "the day the offence was committed"),
            Parameter("initiated", "date", "the day the administrative case was opened"),
            Parameter("decided", "date", "the day of the decision (lex mitior up to it)"),
            Parameter(
                "offender",
                "text",
                "individual, official, small_business, medium_business, large_business, "
                "legal_entity, individual_entrepreneur",
                default="individual",
            ),
            Parameter("base_amount", "amount", "tenge: the bribe or damage a fine is a multiple of"),
        ),
        "assessment",
        _assess,
    ),
    Endpoint(
        "/api/aggregate",
        "The combined range for several offences (CC art. 58) or sentences (art. 60) (= penalties aggregate --json)",
        (
            Parameter(
                "references",
                "text_list",
                "two or more provisions: a JSON array, or in a query string one "
                f'string separated by "{LIST_SEPARATOR}" ("CC 188(2);CC 190(1)")',
                required=True,
            ),
            Parameter("on", "date", "sets committed, initiated and decided at once (YYYY-MM-DD)"),
            Parameter("committed", "date_list", "the day the offences were committed: one date, or one per reference"),
            Parameter("initiated", "date", "the day the administrative case was opened"),
            Parameter("decided", "date", "the day of the judgment (lex mitior up to it)"),
            Parameter(
                "offender",
                "text",
                "individual, official, small_business, medium_business, large_business, "
                "legal_entity, individual_entrepreneur",
                default="individual",
            ),
            Parameter(
                "aggregate",
                ("offences", "sentences"),
                "several offences in one judgment (CC art. 58) or several sentences (CC art. 60)",
                default="offences",
            ),
            Parameter(
                "categories",
                "text_list",
                "one per reference (criminal_misdemeanour, minor, medium, grave, "
                "especially_grave; - keeps the data's): the category a judgment states where the data has none",
            ),
            Parameter("base_amount", "amount", "tenge: the bribe or damage a fine is a multiple of"),
        ),
        "aggregate",
        _aggregate,
    ),
    Endpoint(
        "/api/provisions",
        "The encoded provisions and their coverage (= penalties list --json)",
        (Parameter("code", ("cc", "ac"), "only the Criminal Code (cc) or the Code on Administrative Offenses (ac)"),),
        "provisions",
        _provisions,
    ),
    Endpoint(
        "/api/history",
        "Every encoded version of a provision (= penalties history --json)",
        (REFERENCE,),
        "history",
        _history,
    ),
    Endpoint(
        "/api/diff",
        "What changed in a sanction between two dates (= penalties diff --json)",
        (
            REFERENCE,
            Parameter("first", "date", "the earlier day (YYYY-MM-DD)", required=True),
            Parameter("second", "date", "the later day (YYYY-MM-DD)", required=True),
        ),
        "diff",
        _diff,
    ),
    Endpoint(
        "/api/convert",
        "MCI, KZT and USD into each other on a date (= penalties convert --json)",
        (
            Parameter("amount", "amount", 'the amount: 5000, "1 500,50"', required=True),
            Parameter("unit", "text", "MCI, KZT or USD", required=True),
            Parameter("to", "text", "MCI, KZT or USD", required=True),
            Parameter("on", "date", _ON, required=True),
            Parameter("purpose", ("fine", "tax", "social"), "which MCI value (a fine's by default)", default="fine"),
        ),
        "convert",
        _convert,
    ),
    Endpoint(
        "/api/explain-amount",
        "A quoted tenge amount as MCI, and the provisions allowing it (= penalties explain-amount --json)",
        (
            Parameter("amount", "amount", "the amount in tenge", required=True),
            Parameter("unit", "text", "KZT", default="KZT"),
            Parameter("on", "date", _ON, required=True),
        ),
        "explain_amount",
        _explain_amount,
    ),
    Endpoint(
        "/api/search",
        "Articles by words of their titles, best first (= penalties search --json)",
        (
            Parameter(
                "q", "text", "words of a title or summary, in Russian, Kazakh or English (any word form)", required=True
            ),
            Parameter("code", ("cc", "ac"), "only one Code"),
            Parameter("on", "date", "only parts in force on that day"),
            Parameter("fine_above_mci", "amount", "only parts whose fine can exceed that many MCI"),
            Parameter(
                "arrest", "boolean", "true: only parts whose sanction names arrest; false: only those that do not"
            ),
            Parameter("lang", ("ru", "kk", "en"), "match only that language's titles"),
            Parameter("limit", "integer", "at most that many articles"),
        ),
        "search",
        _search,
    ),
)

BY_PATH = {e.path: e for e in ENDPOINTS}


def answer(endpoint: Endpoint, given: Mapping[str, Any]) -> Any:
    """The document `endpoint` answers for the parameters `given`; a RequestError or a documented
    library error (`penalties.errors`) when it refuses."""
    return endpoint.compute(**read(endpoint.parameters, given))
