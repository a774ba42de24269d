"""The local web application and HTTP JSON API of `penalties serve` (the optional extra `web`).

    app.py       the Starlette application: routes, bounded bodies and answer times, JSON refusals
    api.py       the API's endpoints: parameters, checked, and the `--json` document each answers
    problems.py  the library's exceptions as HTTP statuses and JSON error bodies
    openapi.py   the OpenAPI 3.1 description, built from the endpoints and penalties/schema/*.json
    pages.py     the HTML pages: the calculator, an article's history, a diff between two dates

`import penalties` never imports this package; `penalties serve` does, and tells how to install
the extra (`pip install "penalties[web]"`) when Starlette or uvicorn is missing.
"""

from __future__ import annotations


def create_app():
    """The ASGI application (Starlette) serving the API and the pages."""
    from .app import create_app as create

    return create()


def serve(host: str = "127.0.0.1", port: int = 8000) -> None:  # pragma: no cover - runs until stopped
    """Serve the application with uvicorn on `host`:`port` until interrupted."""
    import uvicorn

    uvicorn.run(create_app(), host=host, port=port, log_level="info", server_header=False,
                timeout_keep_alive=5, limit_concurrency=512, h11_max_incomplete_event_size=16 * 1024)
