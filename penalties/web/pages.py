"""The web pages of `penalties serve` (server-rendered HTML in ru, kk and en)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response


def routes() -> list:
    return []


def error_page(request: Request, status: int) -> Response:
    return HTMLResponse(f"<!doctype html><title>{status}</title><p>{status}</p>", status_code=status)
