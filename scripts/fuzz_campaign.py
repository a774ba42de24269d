"""Re-measure the reliability audit's campaign (shared/audits/reliability.md) on the current code.

    python scripts/fuzz_campaign.py [--scale 1.0] [--seed 1] [--json out.json]

Five measures, at the audit's sizes with --scale 1 (90,000 API calls, 20,900 CLI runs, 1,213 batch
tables, 29,000 threaded tasks; the boundary checks cover every version boundary of the data):

1. API: random, often hostile, arguments to every public function; each call either returns or
   raises a documented `PenaltiesError`; a returned result is rendered (text in en/ru/kk, JSON) and
   must hold no negative, NaN or infinite amount and no minimum above its maximum.
2. CLI: random command lines, in-process and in real processes: exit 0, 1 (only `check`) or 2; an
   error is one line on stderr; no traceback; `--json` output parses.
3. Batch: random tables through `assess_batch`, every row compared with `assess()`.
4. Threads: the same tasks on 16 threads from a cold start, compared with one thread.
5. Edges: every version boundary assessed on its first day and the day before.

Not a test: it takes minutes and prints figures for the issue notes and docs. The suite holds the
bounded versions of each (tests/test_*fuzz*, test_batch.py, test_units_threads.py, test_mutations.py).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import math
import random
import subprocess
import sys
import time
import traceback
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import penalties  # noqa: E402
from penalties import cli  # noqa: E402
from penalties.errors import PenaltiesError  # noqa: E402

# ---------------------------------------------------------------- hostile values

PROVISIONS = penalties.provisions()
OFFENDERS = [
    "individual",
    "official",
    "legal_entity",
    "small_business",
    "medium_business",
    "large_business",
    "individual_entrepreneur",
    "non_commercial",
    "unnamed",
    "banana",
    "",
    None,
    7,
]
JUNK_REFS = [
    "",
    " ",
    "CC",
    "CC 999(1)",
    "AC 489.1(2)",
    "CC 274 p.4",
    "УК 188 ч.1",
    "ст. 403 УК РК ч.1",
    "CC 403(01)",
    "CC 403(1",
    "CC 403(1))",
    "CC -1(1)",
    "cc 10**9(1)",
    "\x00",
    "CC 403(1)\n",
    "КоАП 489 ч.10",
    "AC 73-3(1)",
    "CC 130(1)",
    "UK 188(1)",
    "CAO 608(1)",
    None,
    403,
    4.03,
    b"CC 403(1)",
    ["CC 403(1)"],
]
AMOUNTS = [
    "500000",
    "500 000",
    "500,000",
    "1,5",
    "abc",
    "-1",
    "-0",
    "0",
    "NaN",
    "nan",
    "Infinity",
    "-Infinity",
    "1e999",
    "1e-999",
    "1e18",
    "60000000000",
    "12.345",
    "0.001",
    "   ",
    "",
    None,
    5,
    -5,
    2.5,
    float("nan"),
    float("inf"),
    Decimal("NaN"),
    Decimal("sNaN"),
    Decimal("-Infinity"),
    Decimal("1E+40"),
    Decimal("0.5"),
    True,
    [],
    "١٢٣",
]
UNITS = ["MCI", "KZT", "USD", "mci", "МРП", "tenge", "day", "month", "year", "hour", "", "xyz", None, 5]
KINDS = [
    "fine",
    "imprisonment",
    "restriction_of_freedom",
    "arrest",
    "community_service",
    "corrective_labour",
    "deprivation_of_right",
    "confiscation",
    "banana",
    "",
    None,
]


def some_date(r: random.Random):
    roll = r.random()
    if roll < 0.55:
        return date(2015, 1, 1) + timedelta(days=r.randrange(0, 12 * 366))
    if roll < 0.65:
        return r.choice(
            [
                date(1, 1, 1),
                date(1969, 12, 31),
                date(1970, 1, 1),
                date(2014, 12, 31),
                date(2027, 1, 1),
                date(9999, 12, 31),
            ]
        )
    return r.choice(
        [
            "2016-06-01",
            "01.06.2016",
            "2016/06/01",
            "",
            "yesterday",
            None,
            20160601,
            1.5,
            "2016-02-30",
            "0000-01-01",
            "2016-06-01T10:00",
        ]
    )


def some_reference(r: random.Random):
    if r.random() < 0.75:
        p = r.choice(PROVISIONS)
        return r.choice([p.label, p.id, p.label_ru, p.label.lower()])
    return r.choice(JUNK_REFS)


# ---------------------------------------------------------------- result checks


def _amounts(value, key=""):
    """Every amount-like string or number in a JSON-shaped document, with its key."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _amounts(v, str(k))
    elif isinstance(value, list):
        for v in value:
            yield from _amounts(v, key)
    elif isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        yield key, Decimal(str(value)) if not isinstance(value, float) or math.isfinite(value) else Decimal("NaN")
    elif isinstance(value, str) and key.lower() in {"mci", "kzt", "usd", "usd_kzt", "value", "amount"}:
        try:
            yield key, Decimal(value)
        except ArithmeticError:
            pass


def wrong_in(document) -> str | None:
    """Why a returned document is wrong (negative, NaN, infinite amount; min above max), or None."""
    for key, amount in _amounts(document):
        if not amount.is_finite():
            return f"{key} = {amount}"
        if amount < 0 and key not in {"line", "days_delta"}:
            return f"{key} = {amount} is negative"
    stack = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            low, high = item.get("min"), item.get("max")
            if isinstance(low, dict) and isinstance(high, dict) and low.get("value") and high.get("value"):
                for unit in ("mci", "kzt", "usd"):
                    a, b = (low["value"] or {}).get(unit), (high["value"] or {}).get(unit)
                    if a is not None and b is not None and Decimal(a) > Decimal(b):
                        return f"min {unit} {a} > max {b}"
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


def render(result) -> dict | list | None:
    """Everything a caller may do with a result: its JSON, and its text in three languages."""
    document = None
    if hasattr(result, "to_dict"):
        document = result.to_dict()
        json.dumps(document, default=str)
    elif isinstance(result, tuple):
        document = [r.to_dict() for r in result if hasattr(r, "to_dict")]
        json.dumps(document, default=str)
    for lang in ("en", "ru", "kk"):
        if hasattr(result, "format"):
            result.format(lang)
    if hasattr(result, "explain"):
        result.explain()
    if isinstance(result, Decimal):
        document = {"value": str(result)}
    return document


# ---------------------------------------------------------------- 1. API


def api_call(r: random.Random):
    name = r.choice(
        [
            "assess",
            "assess",
            "assess",
            "assess",
            "assess",
            "convert",
            "convert",
            "custody_credit",
            "diff",
            "explain_amount",
            "mci",
            "provision",
            "punishment_equivalent",
            "usd_rate",
        ]
    )
    if name == "assess":
        kwargs = {}
        if r.random() < 0.5:
            kwargs["on"] = some_date(r)
        else:
            kwargs["committed"] = some_date(r)
            if r.random() < 0.6:
                kwargs["initiated"] = some_date(r)
            if r.random() < 0.4:
                kwargs["decided"] = some_date(r)
        if r.random() < 0.5:
            kwargs["offender"] = r.choice(OFFENDERS)
        if r.random() < 0.3:
            kwargs["base_amount"] = r.choice(AMOUNTS)
        return name, lambda: penalties.assess(some_reference(r), **kwargs)
    if name == "convert":
        args = (r.choice(AMOUNTS), r.choice(UNITS), r.choice(UNITS), some_date(r))
        return name, lambda: penalties.convert(*args)
    if name == "custody_credit":
        args = (r.choice([1, 0, -1, 10**9, "5", 2.5, None, 30]), r.choice(KINDS), some_date(r))
        return name, lambda: penalties.custody_credit(*args, custody=r.choice(["detention", "house_arrest", "x"]))
    if name == "diff":
        args = (some_reference(r), some_date(r), some_date(r))
        return name, lambda: penalties.diff(*args)
    if name == "explain_amount":
        args = (r.choice(AMOUNTS), r.choice(UNITS), some_date(r))
        return name, lambda: penalties.explain_amount(*args)
    if name == "mci":
        args = (some_date(r), r.choice(["fine", "tax", "social", "x", None]))
        return name, lambda: penalties.mci(*args)
    if name == "provision":
        ref = some_reference(r)
        return name, lambda: penalties.provision(ref)
    if name == "punishment_equivalent":
        args = (r.choice(AMOUNTS), r.choice(KINDS), r.choice(KINDS), some_date(r))
        return name, lambda: penalties.punishment_equivalent(*args)
    day = some_date(r)
    return name, lambda: penalties.usd_rate(day)


def measure_api(n: int, seed: int) -> dict:
    r = random.Random(seed)
    counts: Counter = Counter()
    per: dict[str, Counter] = {}
    undocumented: Counter = Counter()
    wrong: list[str] = []
    for _ in range(n):
        name, call = api_call(r)
        c = per.setdefault(name, Counter())
        c["calls"] += 1
        try:
            result = call()
            problem = wrong_in(render(result))
        except PenaltiesError:
            counts["documented"] += 1
            c["documented"] += 1
            continue
        except Exception as error:
            counts["undocumented"] += 1
            c["undocumented"] += 1
            site = traceback.extract_tb(error.__traceback__)[-1]
            undocumented[f"{type(error).__name__} at {Path(site.filename).name}:{site.lineno}"] += 1
            continue
        counts["returned"] += 1
        c["returned"] += 1
        if problem:
            counts["wrong"] += 1
            c["wrong"] += 1
            wrong.append(f"{name}: {problem}")
    return {
        "calls": n,
        **counts,
        "per_function": {k: dict(v) for k, v in sorted(per.items())},
        "undocumented_sites": dict(undocumented.most_common(20)),
        "wrong_examples": wrong[:20],
    }


# ---------------------------------------------------------------- 2. CLI


def some_argv(r: random.Random) -> list[str]:
    def text(x):
        return "" if x is None else str(x)

    command = r.choice(
        [
            "show",
            "show",
            "show",
            "history",
            "convert",
            "list",
            "diff",
            "explain-amount",
            "credit",
            "equivalent",
            "check",
            "coverage",
            "bogus",
            "--version",
            "--help",
        ]
    )
    argv = [command]
    if command == "show":
        argv += [text(some_reference(r))]
        if r.random() < 0.7:
            argv += ["--on", text(some_date(r))]
        else:
            argv += ["--committed", text(some_date(r)), "--initiated", text(some_date(r))]
        if r.random() < 0.3:
            argv += ["--offender", text(r.choice(OFFENDERS))]
        if r.random() < 0.2:
            argv += ["--base-amount", text(r.choice(AMOUNTS))]
    elif command in ("history",):
        argv += [text(some_reference(r))]
    elif command == "convert":
        argv += [
            text(r.choice(AMOUNTS)),
            text(r.choice(UNITS)),
            "--to",
            text(r.choice(UNITS)),
            "--on",
            text(some_date(r)),
        ]
    elif command == "list":
        argv += r.choice([[], ["--code", "cc"], ["--code", "ac"], ["--code", "xx"]])
    elif command == "diff":
        argv += [text(some_reference(r)), text(some_date(r)), text(some_date(r))]
    elif command == "explain-amount":
        argv += [text(r.choice(AMOUNTS)), text(r.choice(UNITS)), "--on", text(some_date(r))]
    elif command == "credit":
        argv += [text(r.choice([1, 0, -1, "x", 30])), "--toward", text(r.choice(KINDS)), "--on", text(some_date(r))]
    elif command == "equivalent":
        argv += [
            text(r.choice(AMOUNTS)),
            text(r.choice(KINDS)),
            "--to",
            text(r.choice(KINDS)),
            "--on",
            text(some_date(r)),
        ]
    elif command == "check":
        argv += r.choice([[], ["/nonexistent"], [str(ROOT / "statutes" / "kz" / "cc" / "403.toml")]])
    if r.random() < 0.3 and command not in ("check", "bogus"):
        argv.append("--json")
    if r.random() < 0.2:
        argv += ["--lang", r.choice(["ru", "kk", "en", "de"])]
    return argv


def judge_cli(argv, code, out, err) -> list[str]:
    findings = []
    if "Traceback (most recent call last)" in err or "Traceback (most recent call last)" in out:
        findings.append("traceback")
    if code not in (0, 1, 2):
        findings.append(f"exit {code}")
    if code == 1 and argv[0] != "check":
        findings.append("exit 1 outside check")
    if code != 0 and not err.strip():
        findings.append("error with empty stderr")
    if code == 2 and len(err.strip().splitlines()) > 1:
        findings.append("exit 2 with more than one stderr line")
    if code == 0 and "--json" in argv and argv[0] not in ("--help", "--version"):
        try:
            json.loads(out)
        except ValueError:
            findings.append("--json output does not parse")
    return findings


def measure_cli(n_inprocess: int, n_processes: int, seed: int) -> dict:
    r = random.Random(seed)
    found: Counter = Counter()
    examples: list[str] = []
    skip_slow = {"check", "coverage"}  # the whole tree takes seconds: sampled, not drawn every time
    for i in range(n_inprocess):
        argv = some_argv(r)
        if argv[0] in skip_slow and (i % 200 or argv[1:] == []):
            argv = ["show", "CC 403(1)", "--on", "2016-06-01"]
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(argv)
        for f in judge_cli(argv, code, out.getvalue(), err.getvalue()):
            found[f] += 1
            if len(examples) < 20:
                examples.append(f"{f}: {argv}")
    for _ in range(n_processes):
        argv = some_argv(r)
        if argv[0] in skip_slow:
            argv = ["show", "CC 403(1)", "--on", "2016-06-01"]
        argv = [a.replace("\x00", "") for a in argv]  # no operating system passes a NUL in an argument
        done = subprocess.run(
            [sys.executable, "-m", "penalties", *argv],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
            timeout=120,
        )
        for f in judge_cli(argv, done.returncode, done.stdout, done.stderr):
            found[f"process: {f}"] += 1
            if len(examples) < 20:
                examples.append(f"process {f}: {argv}")
    return {
        "runs": n_inprocess + n_processes,
        "in_process": n_inprocess,
        "processes": n_processes,
        "findings": dict(found),
        "examples": examples,
    }


# ---------------------------------------------------------------- 3. batch


def measure_batch(n_tables: int, seed: int) -> dict:
    import pandas as pd

    r = random.Random(seed)
    counts: Counter = Counter()
    differing: list[str] = []
    for _ in range(n_tables):
        rows = r.randint(1, 12)
        refs = [some_reference(r) if r.random() < 0.9 else None for _ in range(rows)]
        refs = [x if isinstance(x, str) or x is None else str(x) for x in refs]
        days = [
            date(2017, 7, 11) + timedelta(days=r.randrange(0, 9 * 365))
            if r.random() < 0.8
            else (d if isinstance(d, date) else None)
            for d in (some_date(r) for _ in range(rows))
        ]
        bases = [
            r.choice(
                [
                    None,
                    None,
                    None,
                    Decimal("1000"),
                    Decimal("60000000000"),
                    Decimal("1e15"),
                    Decimal("12.345"),
                    Decimal("0"),
                ]
            )
            for _ in range(rows)
        ]
        offenders = [
            r.choice(["individual"] * 6 + ["legal_entity", "official", "small_business", "banana"]) for _ in range(rows)
        ]
        table = pd.DataFrame(
            {
                "provision": refs,
                "committed": days,
                "offender": offenders,
                "base_amount": pd.array([None if b is None else str(b) for b in bases], dtype=object),
            }
        )
        try:
            out = penalties.assess_batch(table)
        except PenaltiesError:
            counts["tables refused with a documented error"] += 1
            continue
        except Exception:
            counts["tables crashed"] += 1
            continue
        counts["tables"] += 1
        for i in range(rows):
            counts["rows"] += 1
            try:
                a = penalties.assess(refs[i], committed=days[i], offender=offenders[i], base_amount=bases[i])
                fines = [item for item in a.main if item.kind == "fine"]
                expected = fines[0].max.value.kzt if fines and fines[0].max and fines[0].max.value else None
                error = None
            except PenaltiesError as e:
                expected, error = None, e
            except Exception as e:
                counts["assess crashed"] += 1
                expected, error = None, e
            got_error = out["error"].iloc[i]
            got = out["fine_max_kzt"].iloc[i] if "fine_max_kzt" in out else None
            got = (
                None
                if got is None or got is pd.NA or (isinstance(got, float) and math.isnan(got))
                else Decimal(str(got))
            )
            if error is not None:
                counts["rows: both an error" if isinstance(got_error, str) else "rows: value where assess errs"] += 1
                if not isinstance(got_error, str) and len(differing) < 10:
                    differing.append(f"{refs[i]} {days[i]} {bases[i]}: batch {got}, assess {error!r}")
            elif isinstance(got_error, str):
                counts["rows: error where assess gives a value"] += 1
            elif got == expected:
                counts["rows: equal"] += 1
            else:
                counts["rows: different values"] += 1
                if len(differing) < 10:
                    differing.append(f"{refs[i]} {days[i]} {bases[i]}: batch {got}, assess {expected}")
    return {"tables_drawn": n_tables, **counts, "examples": differing}


# ---------------------------------------------------------------- 4. threads

_THREADS_RUN = r"""
import concurrent.futures, json, random, sys
from datetime import date, timedelta
import penalties
tasks = json.loads(sys.argv[1])
def run(task):
    kind, ref, day = task
    day = date.fromisoformat(day)
    try:
        if kind == "assess":
            return json.dumps(penalties.assess(ref, on=day).to_dict()["main"], sort_keys=True)
        if kind == "convert":
            return str(penalties.convert("1000", "MCI", "KZT", on=day))
        if kind == "usd":
            return str(penalties.usd_rate(day).kzt_per_usd)
        if kind == "units":
            from decimal import Decimal
            from penalties import units
            return str(units.to(units.registry().Quantity(Decimal(day.day), "MCI"), "KZT", on=day))
        return json.dumps(penalties.explain_amount(str(1000 * day.day), "KZT", day).to_dict(), sort_keys=True)
    except penalties.PenaltiesError as e:
        return type(e).__name__
    except Exception as e:
        return "UNDOCUMENTED " + type(e).__name__ + ": " + str(e)[:100]
threads = int(sys.argv[2])
if threads > 1:
    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        out = list(pool.map(run, tasks))
else:
    out = [run(t) for t in tasks]
print(json.dumps(out))
"""


def measure_threads(n_tasks: int, seed: int, rounds: int = 10) -> dict:
    r = random.Random(seed)
    per_round = max(1, n_tasks // rounds)
    mismatches = undocumented = 0
    for _ in range(rounds):
        tasks = []
        for _ in range(per_round):
            p = r.choice(PROVISIONS)
            day = date(2015, 1, 1) + timedelta(days=r.randrange(0, 12 * 366))
            tasks.append(
                [r.choice(["assess", "assess", "convert", "usd", "units", "explain"]), p.label, day.isoformat()]
            )
        outs = []
        for threads in (16, 1):
            done = subprocess.run(
                [sys.executable, "-c", _THREADS_RUN, json.dumps(tasks), str(threads)],
                capture_output=True,
                text=True,
                cwd=ROOT,
                check=False,
                timeout=600,
            )
            outs.append(
                json.loads(done.stdout) if done.returncode == 0 else ["CRASH " + done.stderr[-200:]] * len(tasks)
            )
        mismatches += sum(a != b for a, b in zip(*outs, strict=True))
        undocumented += sum("UNDOCUMENTED" in x or "CRASH" in x for x in outs[0])
    return {
        "tasks": per_round * rounds,
        "rounds": rounds,
        "threads": 16,
        "threaded_vs_single_mismatches": mismatches,
        "undocumented_or_crashed": undocumented,
    }


# ---------------------------------------------------------------- 5. edges


def measure_edges() -> dict:
    checks = failures = 0
    examples = []
    for p in PROVISIONS:
        for v in p.versions:
            start = v.valid_from
            for day, expect in ((start, v), (start - timedelta(days=1), None)):
                if day < date(2015, 1, 1):
                    continue
                checks += 1
                try:
                    found = p.version_on(day)
                except PenaltiesError:
                    found = None
                if expect is not None and found is not v:
                    failures += 1
                    if len(examples) < 10:
                        examples.append(f"{p.id} {day}: expected the version from {v.valid_from}")
                if expect is None and found is v:
                    failures += 1
                    if len(examples) < 10:
                        examples.append(f"{p.id} {day}: the version from {v.valid_from} answers the day before")
    return {"checks": checks, "failures": failures, "examples": examples}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the audit's sizes (default 1)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", choices=["api", "cli", "batch", "threads", "edges"], action="append")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args(argv)
    s = args.scale
    measures = {
        "api": lambda: measure_api(int(90_000 * s), args.seed),
        "cli": lambda: measure_cli(int(20_000 * s), int(900 * s), args.seed + 10),
        "batch": lambda: measure_batch(int(1_213 * s), args.seed + 2),
        "threads": lambda: measure_threads(int(29_000 * s), args.seed + 20),
        "edges": measure_edges,
    }
    report = {}
    for name, run in measures.items():
        if args.only and name not in args.only:
            continue
        began = time.perf_counter()
        report[name] = run()
        report[name]["seconds"] = round(time.perf_counter() - began, 1)
        print(name, json.dumps(report[name], ensure_ascii=False, default=str), flush=True)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
