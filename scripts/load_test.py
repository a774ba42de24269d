"""Load test of `penalties serve` on 127.0.0.1: N concurrent clients for S seconds, latency percentiles.

    python scripts/load_test.py                      # starts a server, 50 clients, 30 s
    python scripts/load_test.py --clients 10 --seconds 5
    python scripts/load_test.py --url http://127.0.0.1:8000   # a server already running

Each client is a keep-alive HTTP/1.1 connection (asyncio streams, no third-party client, so the
clients cost the shared machine as little as possible) sending, one after another, requests drawn
from a fixed mix: assessments of criminal and administrative provisions on several dates and for
several offenders (GET and POST), histories, diffs, conversions, amounts explained, and refusals
the API must answer with a 4xx (an unknown provision, a date out of coverage). An *error* is an
answer with another status than the one expected for that request (a 500, a timeout, a refused
connection); the figures are printed as a Markdown table for docs/performance.md.

Not a test (nothing here is timed in the suite): a measurement, run by hand.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (name, method, path, query or body, expected status)
MIX: list[tuple[str, str, str, dict, int]] = [
    ("assess CC", "GET", "/api/assess", {"reference": "CC 403(1)", "on": "2016-06-01"}, 200),
    ("assess CC", "GET", "/api/assess", {"reference": "ч.1 ст.188 УК РК", "on": "2024-05-01"}, 200),
    (
        "assess CC",
        "GET",
        "/api/assess",
        {"reference": "CC 99(1)", "committed": "2019-03-01", "decided": "2020-01-10"},
        200,
    ),
    ("assess AC", "GET", "/api/assess", {"reference": "AC 434(3)", "on": "2019-06-01"}, 200),
    (
        "assess AC",
        "POST",
        "/api/assess",
        {"reference": "AC 488(7)", "committed": "2021-03-01", "initiated": "2021-03-02", "offender": "legal_entity"},
        200,
    ),
    ("history", "GET", "/api/history", {"reference": "CC 403(1)"}, 200),
    ("diff", "GET", "/api/diff", {"reference": "CC 403(1)", "first": "2016-01-01", "second": "2019-01-01"}, 200),
    ("convert", "GET", "/api/convert", {"amount": "5000", "unit": "MCI", "to": "KZT", "on": "2019-06-01"}, 200),
    ("convert", "POST", "/api/convert", {"amount": "100", "unit": "USD", "to": "MCI", "on": "2016-06-01"}, 200),
    ("explain-amount", "GET", "/api/explain-amount", {"amount": "41670", "on": "2020-04-30"}, 200),
    ("refusal", "GET", "/api/assess", {"reference": "CC 999(1)", "on": "2016-06-01"}, 404),
    ("refusal", "GET", "/api/assess", {"reference": "CC 403(1)", "on": "1990-01-01"}, 422),
    ("page", "GET", "/", {"reference": "CC 403(1)", "committed": "2016-06-01", "lang": "ru"}, 200),
]


def request_bytes(method: str, path: str, params: dict, host: str) -> bytes:
    if method == "GET":
        target = path + "?" + urllib.parse.urlencode(params)
        return f"GET {target} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n\r\n".encode()
    body = json.dumps(params, ensure_ascii=False).encode()
    return (
        f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body


async def read_response(reader: asyncio.StreamReader) -> int:
    """The status of one response, its body read whole (Content-Length or chunked)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status


async def client(host: str, port: int, until: float, seed: int, results: dict, errors: list) -> None:
    rng = random.Random(seed)
    prepared = [
        (name, request_bytes(method, path, params, f"{host}:{port}"), expected)
        for name, method, path, params, expected in MIX
    ]
    reader = writer = None
    while time.monotonic() < until:
        name, data, expected = rng.choice(prepared)
        started = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
            writer.write(data)
            await writer.drain()
            status = await asyncio.wait_for(read_response(reader), timeout=30)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError) as error:
            errors.append(f"{name}: {type(error).__name__}")
            if writer is not None:
                writer.close()
            reader = writer = None
            continue
        elapsed = time.perf_counter() - started
        results[name].append(elapsed)
        results["all"].append(elapsed)
        if status != expected:
            errors.append(f"{name}: status {status}, expected {expected}")
    if writer is not None:
        writer.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    server = subprocess.Popen(
        [sys.executable, "-m", "penalties", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            if server.poll() is not None:
                raise SystemExit(f"the server stopped: {server.stderr.read() if server.stderr else ''}") from None
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start within 60 s")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def run(host: str, port: int, clients: int, seconds: float) -> tuple[dict, list, float]:
    # warm up: the first answer of each kind reads article files (explain-amount reads them all)
    # and builds caches; each request of the mix is sent once, one after another, before measuring
    reader, writer = await asyncio.open_connection(host, port)
    for _, method, path, params, _ in MIX:
        writer.write(request_bytes(method, path, params, f"{host}:{port}"))
        await writer.drain()
        await asyncio.wait_for(read_response(reader), timeout=120)
    writer.close()
    results: dict = defaultdict(list)
    errors: list = []
    started = time.monotonic()
    await asyncio.gather(*(client(host, port, started + seconds, i, results, errors) for i in range(clients)))
    return results, errors, time.monotonic() - started


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--url", help="a running server (default: start one on a free port of 127.0.0.1)")
    args = parser.parse_args(argv)
    server = None
    if args.url:
        parts = urllib.parse.urlsplit(args.url)
        host, port = parts.hostname or "127.0.0.1", parts.port or 80
    else:
        host, port = "127.0.0.1", free_port()
        server = start_server(port)
    try:
        results, errors, elapsed = asyncio.run(run(host, port, args.clients, args.seconds))
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
    total = len(results["all"])
    print(
        f"{args.clients} clients, {elapsed:.1f} s, {total} requests ({total / elapsed:.0f}/s), "
        f"{len(errors)} errors, CPython {sys.version.split()[0]}, {os.cpu_count()} cores\n"
    )
    print("| requests | count | p50 | p90 | p99 | max |")
    print("|---|---|---|---|---|---|")
    for name in ["all"] + sorted({m[0] for m in MIX}):
        values = results.get(name) or [0.0]
        ms = [1000 * percentile(values, q) for q in (50, 90, 99)] + [1000 * max(values)]
        print(f"| {name} | {len(results.get(name, []))} | " + " | ".join(f"{v:.1f} ms" for v in ms) + " |")
    if errors:
        print("\nerrors (first 10):")
        for line in errors[:10]:
            print(f"  {line}")
        print(f"median of all: {statistics.median(results['all']) * 1000:.1f} ms")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
