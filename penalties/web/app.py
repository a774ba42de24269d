"""The Starlette application of `penalties serve`: the JSON API under /api/, the pages under /.

Requests are bounded: a body above `MAX_BODY_BYTES` is refused (413) before it is read whole, and
an answer that takes longer than `MAX_SECONDS` is abandoned (503; the worker thread finishes on its
own, the client is not kept waiting). Every refusal under /api/ is a JSON error body
(`penalties.web.problems`); an unexpected exception is a 500 with a JSON body too, and the fuzz
test asserts none happens.
"""

from __future__ import annotations

import json
from decimal import Decimal

import anyio
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from . import api, openapi, problems

MAX_BODY_BYTES = 64 * 1024
MAX_SECONDS = 10.0
#: answers computed at once in worker threads (more wait for a free one)
WORKERS = anyio.CapacityLimiter(8)
CONTRACT_HEADER = "Penalties-Contract-Version"


class _Json(JSONResponse):
    """JSON as the command line prints it: UTF-8, Cyrillic as is."""

    def render(self, content) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _json(content, status: int = 200) -> Response:
    return _Json(content, status_code=status, headers={CONTRACT_HEADER: openapi.CONTRACT_VERSION})


def _refusal(error: BaseException) -> Response:
    status, body = problems.for_exception(error)
    return _json(body, status)


async def _body(request: Request) -> dict:
    """The JSON object of a POST body, read up to MAX_BODY_BYTES."""
    length = request.headers.get("content-length")
    if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
        raise problems.RequestError("body_too_large", f"the body is larger than {MAX_BODY_BYTES} bytes")
    kind = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
    if kind != "application/json":
        raise problems.RequestError(
            "unsupported_media_type",
            "send the parameters as a JSON object (Content-Type: application/json) or in the query string",
        )
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise problems.RequestError("body_too_large", f"the body is larger than {MAX_BODY_BYTES} bytes")
        chunks.append(chunk)
    raw = b"".join(chunks)
    if not raw.strip():
        return {}
    try:
        # exact numbers: 1500.50 is read as Decimal("1500.50"), never as a float
        data = json.loads(raw.decode("utf-8"), parse_float=Decimal, parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise problems.RequestError("bad_json", f"the body is not JSON: {str(error)[:120]}") from None
    if not isinstance(data, dict):
        raise problems.RequestError("bad_json", "the body should be a JSON object of parameters")
    return data


def _no_constant(name: str):
    raise ValueError(f"{name} is not a number")


def _query(request: Request) -> dict:
    given: dict = {}
    for key, value in request.query_params.multi_items():
        if key in given:
            raise problems.RequestError(
                "bad_parameter", f"parameter {key[: api.MAX_TEXT]!r} given twice", parameter=key[: api.MAX_TEXT]
            )
        given[key] = value
    return given


async def compute(function, *args):
    """`function(*args)` in a worker thread, abandoned after MAX_SECONDS (RequestError timeout)."""
    with anyio.move_on_after(MAX_SECONDS) as scope:
        return await anyio.to_thread.run_sync(function, *args, abandon_on_cancel=True, limiter=WORKERS)
    if scope.cancelled_caught:
        raise problems.RequestError("timeout", f"no answer within {MAX_SECONDS:g} s")
    raise AssertionError("unreachable")  # pragma: no cover


def _endpoint(endpoint: api.Endpoint):
    async def handle(request: Request) -> Response:
        try:
            given = await _body(request) if request.method == "POST" else _query(request)
            return _json(await compute(api.answer, endpoint, given))
        except Exception as error:  # documented refusals are 4xx; anything else a 500 body (a bug)
            return _refusal(error)

    handle.__name__ = endpoint.path.rsplit("/", 1)[-1].replace("-", "_")
    return handle


async def _openapi(request: Request) -> Response:
    return _json(openapi.document())


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    if not request.url.path.startswith("/api/"):
        from . import pages

        return pages.error_page(request, error.status_code)
    code = {404: "not_found", 405: "method_not_allowed"}.get(error.status_code, "bad_parameter")
    message = {
        404: f"no such endpoint: {request.url.path[:200]}; see /api/openapi.json",
        405: f"{request.method} is not allowed here; use GET or POST",
    }.get(error.status_code, str(error.detail))
    return _json(problems.error_body(code, message), problems.REQUEST_CODES.get(code, error.status_code))


async def _server_error(request: Request, error: Exception) -> Response:
    return _refusal(error)


def create_app() -> Starlette:
    """The application: the API (GET and POST per endpoint), its OpenAPI description, the pages."""
    from . import pages

    routes = [Route(e.path, _endpoint(e), methods=["GET", "POST"]) for e in api.ENDPOINTS]
    routes.append(Route("/api/openapi.json", _openapi, methods=["GET"]))
    routes.extend(pages.routes())
    return Starlette(routes=routes, exception_handlers={HTTPException: _http_error, Exception: _server_error})
