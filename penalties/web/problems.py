"""Errors as the HTTP API answers them: the documented exception classes mapped to a status and a code.

Every refusal is a JSON body `{"error": {"code", "message", ...}}`: `code` is stable (the schema
`penalties/schema/error.json` lists them), `message` is the library's own English sentence (the
one the command line prints), and the exception's data (the reference asked, the closest known
provisions, the coverage, the offender categories available …) is given beside it, so that a
client can react without parsing the sentence. Nothing here imports the web framework.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .. import errors

#: (exception class, HTTP status, code), most specific first: the first class that matches wins.
#: 400 the question is malformed; 404 nothing is encoded under that reference; 422 the question is
#: well formed but the data cannot answer it (a date outside the coverage, an unread wording …).
MAPPING: tuple[tuple[type[errors.PenaltiesError], int, str], ...] = (
    (errors.ReferenceSyntaxError, 400, "reference_syntax"),
    (errors.UnknownProvisionError, 404, "unknown_provision"),
    (errors.UnreadWordingError, 422, "unread_wording"),
    (errors.MissingIndexError, 422, "missing_mci"),
    (errors.OutOfCoverageError, 422, "out_of_coverage"),
    (errors.MissingRateError, 422, "missing_rate"),
    (errors.MissingBaseError, 422, "missing_base_amount"),
    (errors.UnknownOffenderError, 422, "unknown_offender"),
    (errors.AmountError, 400, "bad_amount"),
    (errors.UnitError, 400, "bad_unit"),
    (errors.DateError, 400, "bad_date"),
    (errors.UserInputError, 400, "bad_input"),
)

#: the exceptions' attributes given beside the message, per class (dates as ISO strings)
_DATA = {
    errors.UnknownProvisionError: ("reference", "suggestions", "reason"),
    errors.OutOfCoverageError: ("what", "when", "first", "last"),
    errors.UnreadWordingError: ("unread_from", "unread_to", "reason"),
    errors.MissingRateError: ("when",),
    errors.MissingBaseError: ("provision", "base"),
    errors.UnknownOffenderError: ("provision", "offender", "available"),
    errors.AmountError: ("argument", "problem"),
    errors.DateError: ("argument",),
}

#: codes the web layer gives itself (the request, not the library, is at fault or failed)
REQUEST_CODES = {
    "missing_parameter": 400,
    "unknown_parameter": 400,
    "bad_parameter": 400,
    "bad_json": 400,
    "not_found": 404,
    "method_not_allowed": 405,
    "body_too_large": 413,
    "unsupported_media_type": 415,
    "not_available": 501,
    "timeout": 503,
    "internal_error": 500,
}

CODES = tuple(code for _, _, code in MAPPING) + tuple(REQUEST_CODES)


class RequestError(Exception):
    """A request the API refuses before asking the library: `code` (one of REQUEST_CODES), a
    message, and data (`parameter` …) given in the error body."""

    def __init__(self, code: str, message: str, **data: Any):
        super().__init__(message)
        self.code = code
        self.status = REQUEST_CODES[code]
        self.data = data


def _json_value(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_json_value(v) for v in value]
    return value


def error_body(code: str, message: str, **data: Any) -> dict:
    """The JSON body of a refusal."""
    return {"error": {"code": code, "message": message, **{k: _json_value(v) for k, v in data.items()}}}


def for_exception(error: BaseException) -> tuple[int, dict]:
    """The status and body for an exception raised while answering: the documented classes by
    `MAPPING`, a `RequestError` by its code, anything else a 500 (a bug)."""
    if isinstance(error, RequestError):
        return error.status, error_body(error.code, str(error), **error.data)
    for cls, status, code in MAPPING:
        if isinstance(error, cls):
            data: dict[str, Any] = {}
            for owner, names in _DATA.items():
                if isinstance(error, owner):
                    data.update({name: getattr(error, name) for name in names if hasattr(error, name)})
            return status, error_body(code, " ".join(str(error).split()), **data)
    return 500, error_body("internal_error", f"internal error ({type(error).__name__}); please report the request")
