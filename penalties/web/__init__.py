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


def listening_socket(host: str, port: int):
    """A socket bound to `host`:`port` and listening; a UserInputError naming the address when it
    cannot be (the port is taken, the host is not an address of this machine)."""
    import socket

    from ..errors import UserInputError

    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except (OSError, OverflowError) as error:
        raise UserInputError(f"cannot listen on {host}:{port}: {getattr(error, 'strerror', None) or error}") from None
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def serve(host: str = "127.0.0.1", port: int = 8000, announce=None) -> None:  # pragma: no cover - runs until stopped
    """Serve the application with uvicorn on `host`:`port` until interrupted; `announce(url)` is
    called once the address is bound."""
    import uvicorn

    sock = listening_socket(host, port)
    config = uvicorn.Config(
        create_app(),
        log_level="info",
        server_header=False,
        timeout_keep_alive=5,
        limit_concurrency=512,
        h11_max_incomplete_event_size=16 * 1024,
    )
    if announce:
        announce(f"http://{host}:{port}/")
    uvicorn.Server(config).run(sockets=[sock])
