"""The command line: `penalties show|history|convert|list|check|serve|…`.

Exit status: 0 on success; 2 on bad input (unknown provision, date out of coverage, no MCI or
rate, a bad option), with one line on stderr; 1 when `check` finds problems in the statute data;
3 for an internal error (a bug: one line asking for a report, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from datetime import date

from . import __version__
from .errors import DataFileError, UserInputError

EPILOG = """examples:
  penalties show "CC 403(1)" --on 2016-06-01
  penalties show "ч.1 ст.403 УК РК" --on 2016-06-01 --json
  penalties history "CC 403(1)"
  penalties show "CC 378" --on 2020-01-01 --lang ru     # a whole article: every part
  penalties diff "AC 73-3" 2019-01-01 2021-01-01        # parts added or repealed, by which act
  penalties convert 5000 MCI --to KZT --on 2019-06-01
  penalties diff "CC 403(1)" 2016-01-01 2019-01-01
  penalties explain-amount 41670 KZT --on 2020-04-30
  penalties review "CC 190(1)" --committed 2016-06-01 --imposed "1 год 6 месяцев лишения свободы"
  penalties aggregate "CC 188(2)" "CC 190(1)" --on 2020-06-01 --category medium -
  penalties list --code cc
  penalties search кража --code cc --fine-above 500
  penalties check statutes/
  penalties rates update --from 2025-06-01 --to 2025-06-30
  penalties serve --port 8000"""


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


INTERNAL_ERROR = 3
#: exit status of a run stopped by Ctrl+C (128 + SIGINT), as shells report it
INTERRUPTED = 130
#: `--nbk-cache` without a folder: the user cache (`penalties.nbk.default_cache_dir()`, resolved when used)
_DEFAULT_CACHE = "<user cache>"


class _Parser(argparse.ArgumentParser):
    """argparse with the one-line error the CLI promises (no usage block)."""

    def error(self, message):
        self.exit(2, f"penalties: error: {_one_line(message)} (see {self.prog} --help)\n")


def _one_line(text) -> str:
    return " ".join(str(text).split())


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="penalties",
        description="What penalty does Kazakh law provide for this offence, on this date?",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"penalties {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    show = sub.add_parser("show", help="the applicable penalty on a date")
    show.add_argument(
        "reference", help='e.g. "CC 403(1)", "ч.1 ст.403 УК РК", "kz.ac.489.10"; an article ("CC 378") gives every part'
    )
    show.add_argument("--on", type=_date, help="sets committed, initiated and decided at once")
    show.add_argument("--committed", type=_date)
    show.add_argument("--initiated", type=_date)
    show.add_argument("--decided", type=_date)
    show.add_argument(
        "--offender",
        default="individual",
        help="individual, official, individual_entrepreneur, small_business, medium_business, "
        "large_business, legal_entity, notary, bailiff, lawyer, mediator, legal_consultant, "
        "non_commercial_organisation, nonresident_bank_branch, nonresident_insurer_branch, "
        "nonresident_broker_branch, parent_or_guardian, legal_representative, driver, "
        "aircraft_commander, first_head, auditor, audit_organisation, expert_organisation, "
        "local_executive_body, candidate, elected_person, negotiation_representative, "
        "agreement_representative, borrower_head, nonresident_branch_or_office, monitored_taxpayer, "
        "fiscal_data_operator, energy_organisation_official, energy_transmission_official, "
        "local_executive_official, epr_operator_head, origin_expert_auditor, "
        "origin_certificate_organisation, internal_origin_certificate_body, kazakh_citizen, "
        "foreigner_or_stateless_person, housing_operator_official, homeowner, reservist, conscript, "
        "head_of_these_organisations, attested_person (tests/test_cli.py checks this list)",
    )
    show.add_argument("--base-amount", help="tenge; for fines that are a multiple of a bribe or damage")
    show.add_argument("--count", help='a whole number; for fines per unit of a count ("за каждый платежный документ")')
    show.add_argument("--lang", choices=("en", "ru", "kk"), default="en")
    show.add_argument("--rates", help="CSV of USD/KZT rates (columns date,rate) used before the shipped table")
    show.add_argument(
        "--nbk-cache",
        metavar="DIR",
        nargs="?",
        const=_DEFAULT_CACHE,
        help="fetch missing official rates from the National Bank and cache them in DIR "
        "(network; without DIR: the cache `penalties rates update` fills)",
    )
    show.add_argument("--explain", action="store_true", help="add the reasoning, step by step, with sources")
    show.add_argument("--json", action="store_true")

    rv = sub.add_parser("review", help="was the punishment imposed within the law? (General-Part rules included)")
    rv.add_argument("reference")
    rv.add_argument(
        "--imposed",
        required=True,
        help='e.g. "18 months imprisonment", "1 год 6 месяцев лишения свободы", "27 000 тенге"',
    )
    rv.add_argument("--on", type=_date, help="sets committed, initiated and decided at once")
    rv.add_argument("--committed", type=_date)
    rv.add_argument("--initiated", type=_date)
    rv.add_argument("--decided", type=_date)
    rv.add_argument("--offender", default="individual")
    rv.add_argument("--stage", choices=("preparation", "attempt"))
    rv.add_argument(
        "--plea-agreement",
        nargs="?",
        const="yes",
        choices=("yes", "plea", "cooperation"),
        help="a procedural agreement; its kind where the Code distinguishes them",
    )
    rv.add_argument("--prior-convictions", type=int)
    rv.add_argument("--base-amount")
    rv.add_argument("--count")
    rv.add_argument("--lang", choices=("en", "ru", "kk"), default="en")
    rv.add_argument("--json", action="store_true")

    agg = sub.add_parser(
        "aggregate", help="the combined range for several offences (CC art. 58) or sentences (art. 60)"
    )
    agg.add_argument("references", nargs="+", help='two or more, e.g. "CC 188(2)" "CC 190(1)"')
    agg.add_argument("--on", type=_date, help="sets every date at once")
    agg.add_argument("--committed", type=_date, nargs="+", help="one date, or one per reference")
    agg.add_argument("--initiated", type=_date)
    agg.add_argument("--decided", type=_date)
    agg.add_argument("--offender", default="individual")
    agg.add_argument("--sentences", action="store_true", help="several sentences (CC art. 60), not several offences")
    agg.add_argument(
        "--category",
        nargs="+",
        metavar="CATEGORY",
        help="one per reference (criminal_misdemeanour, minor, medium, grave, especially_grave; "
        "- keeps the data's): the category a judgment states where the data has none",
    )
    agg.add_argument("--base-amount")
    agg.add_argument("--lang", choices=("en", "ru", "kk"), default="en")
    agg.add_argument("--json", action="store_true")

    history = sub.add_parser("history", help="every encoded version of a provision (or of every part of an article)")
    history.add_argument("reference")
    history.add_argument("--lang", choices=("en", "ru", "kk"), default="en")
    _formats(history, csv=True)

    convert = sub.add_parser("convert", help="convert between MCI, KZT and USD on a date")
    convert.add_argument("amount")
    convert.add_argument("unit", help="MCI, KZT or USD")
    convert.add_argument("--to", required=True, help="MCI, KZT or USD")
    convert.add_argument("--on", type=_date, required=True)
    convert.add_argument("--purpose", default="fine", choices=("fine", "tax", "social"))
    convert.add_argument("--rates", help="CSV of USD/KZT rates (columns date,rate)")
    convert.add_argument(
        "--nbk-cache",
        metavar="DIR",
        nargs="?",
        const=_DEFAULT_CACHE,
        help="fetch missing official rates from the National Bank and cache them in DIR "
        "(network; without DIR: the cache `penalties rates update` fills)",
    )
    convert.add_argument("--json", action="store_true")

    listing = sub.add_parser("list", help="the encoded provisions and their coverage")
    listing.add_argument("reference", nargs="?", help='only this article\'s parts (e.g. "CC 378") or this provision')
    listing.add_argument("--code", choices=("cc", "ac"))
    listing.add_argument("--lang", choices=("en", "ru", "kk"), default="en")
    _formats(listing, csv=True)

    diff = sub.add_parser("diff", help="what changed in a sanction (or in every part of an article) between two dates")
    diff.add_argument("reference")
    diff.add_argument("first", type=_date)
    diff.add_argument("second", type=_date)
    diff.add_argument("--lang", choices=("en", "ru", "kk"), default="en")
    diff.add_argument("--json", action="store_true")

    finder = sub.add_parser("search", help="articles by words of their titles (ru, kk, en), best first")
    finder.add_argument("words", nargs="+", help='e.g. кража, "оскорбление представителя власти", ұрлық, insult')
    finder.add_argument("--code", choices=("cc", "ac"))
    finder.add_argument("--on", type=_date, help="only parts in force on this date")
    finder.add_argument("--fine-above", metavar="MCI", help="only parts whose fine can exceed this many MCI")
    finder.add_argument("--arrest", action="store_true", help="only parts whose sanction names arrest")
    finder.add_argument("--limit", type=int, default=20, help="at most this many articles (default 20)")
    finder.add_argument("--lang", choices=("en", "ru", "kk"), default="en", help="the language of the text output")
    _formats(finder, csv=True)

    amount = sub.add_parser("explain-amount", help="read a quoted amount as MCI and find the provisions that allow it")
    amount.add_argument("amount", help='e.g. 41670, "12.63 million", "about 54,000", "12,6 млн"')
    amount.add_argument("unit", help="KZT")
    amount.add_argument("--on", type=_date, required=True)
    amount.add_argument(
        "--tolerance",
        metavar="KZT",
        help="± tenge around the amount (default: what a rounded quotation implies, else 0)",
    )
    amount.add_argument("--code", choices=("cc", "ac"), help="only provisions of this Code")
    amount.add_argument("--offender", help="only matches for this offender category")
    amount.add_argument("--lang", choices=("en", "ru", "kk"), default="en")
    amount.add_argument("--json", action="store_true")

    credit = sub.add_parser("credit", help="what days of pre-trial custody count for (CC art. 62)")
    credit.add_argument("days", type=int)
    credit.add_argument("--toward", required=True, help="a kind of punishment: imprisonment, arrest, fine, …")
    credit.add_argument("--on", type=_date, required=True, help="the day the rule is read on (the sentence)")
    credit.add_argument("--regime", help="security level for imprisonment: maximum, medium, minimum")
    credit.add_argument("--house-arrest", action="store_true", help="house arrest instead of detention")
    credit.add_argument("--json", action="store_true")

    equivalent = sub.add_parser("equivalent", help="one punishment in another when they are added (CC art. 61)")
    equivalent.add_argument("quantity", help="days (imprisonment, restriction of freedom, arrest), hours or MCI")
    equivalent.add_argument("--of", required=True, help="the punishment the quantity is of")
    equivalent.add_argument("--to", required=True, help="the punishment to express it in")
    equivalent.add_argument("--on", type=_date, required=True)
    equivalent.add_argument("--json", action="store_true")

    sub.add_parser("coverage", help="docs/coverage.md: what is encoded and how well it is verified (Markdown)")

    draft = sub.add_parser("draft", help="the TOML of a new article file from its pasted official text")
    draft.add_argument("file", nargs="?", help="a text file with the article (default: standard input)")
    draft.add_argument("--code", choices=["cc", "ac"], help="the Code (default: from the wording of the sanctions)")

    serve = sub.add_parser("serve", help="the web page and HTTP JSON API on this machine (extra: penalties[web])")
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)"
    )
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")

    rates = sub.add_parser("rates", help="USD/KZT rates: fill the National Bank fetcher's cache")
    rates_sub = rates.add_subparsers(dest="rates_command", required=True)
    update = rates_sub.add_parser(
        "update", help="fetch the National Bank's official rates of a range of days into the cache (resumable)"
    )
    update.add_argument("--from", dest="first", type=_date, required=True, help="the first day (YYYY-MM-DD)")
    update.add_argument("--to", dest="last", type=_date, required=True, help="the last day, included")
    update.add_argument(
        "--cache", metavar="DIR", help="the cache folder (default: the user cache, as a bare --nbk-cache)"
    )
    update.add_argument(
        "--delay", type=float, default=0.2, help="seconds between two requests to the bank (default 0.2)"
    )
    update.add_argument(
        "--url", help="the bank's endpoint (default: the National Bank's); for a mirror or a test server"
    )

    check = sub.add_parser("check", help="validate statute data files (exit 1 with file:line errors)")
    check.add_argument("path", nargs="?", help="a directory or one file (default: the shipped statutes)")
    return parser


def _formats(command, csv: bool = False) -> None:
    """--json, and --csv where a command's answer is a table; one of them at most."""
    group = command.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_true")
    if csv:
        group.add_argument("--csv", action="store_true", help="a table with a header row (RFC 4180)")


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # an ASCII terminal gets \u escapes, not a UnicodeEncodeError
        if (
            getattr(stream, "errors", None) == "strict"
            and hasattr(stream, "reconfigure")
            and not str(getattr(stream, "encoding", "")).lower().replace("_", "-").startswith("utf")
        ):
            stream.reconfigure(errors="backslashreplace")
    try:
        args = _parser().parse_args(argv)
    except SystemExit as done:  # --help, or a usage error already printed on one line
        return done.code if isinstance(done.code, int) else 2
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _show_warning
            return _COMMANDS[args.command](args)
    except UserInputError as error:
        print(f"penalties: error: {_one_line(error)}{_hint_if_no_rate(error)}", file=sys.stderr)
        return 2
    except DataFileError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    except BrokenPipeError:  # pragma: no cover - `penalties list | head`
        return 0
    except Exception as error:  # the last resort: tests assert no run gets here
        print(
            f"penalties: internal error: {type(error).__name__}: {_one_line(error)[:300]} "
            "(please report it with the command line)",
            file=sys.stderr,
        )
        return INTERNAL_ERROR


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """A warning on the command line is one line on stderr, like an error (not Python's two lines
    with the file and the source line, which mean nothing to someone who did not write the code)."""
    print(f"penalties: warning: {_one_line(message)}", file=sys.stderr)


def _rates(args):
    """The extra rate sources the options name: a CSV table, then the National Bank fetcher."""
    sources: list = []  # RateTable or NBKRates: anything with .rate(on)
    if getattr(args, "rates", None):
        from .law.rates import RateTable

        sources.append(RateTable.from_csv(args.rates))  # RateFileError: a UserInputError, exit 2
    if getattr(args, "nbk_cache", None):
        from .nbk import NBKRates, default_cache_dir

        sources.append(NBKRates(cache_dir=default_cache_dir() if args.nbk_cache == _DEFAULT_CACHE else args.nbk_cache))
    return sources or None


def _hint_if_no_rate(error, lang: str = "en") -> str:
    """The end of the error line after "no USD rate for D" (not after a failed fetch, which has its
    own reason): the command that fetches the day's official rate into the cache `--nbk-cache` reads."""
    from .errors import MissingRateError
    from .nbk import RateFetchError

    if isinstance(error, MissingRateError) and not isinstance(error, RateFetchError):
        return f"; {_rate_hint(error.when, lang)}"
    return ""


def _rate_hint(day: date, lang: str) -> str:
    from .output.messages import message

    return message(lang, "cli", "rates_update_hint").format(day.isoformat())


def _show(args) -> int:
    from .assessment import assess
    from .output.render import render_assessment
    from .whole_articles import Article, assess_article, find

    if args.on is None and args.committed is None:
        raise UserInputError("give --on DATE or --committed DATE")
    case = dict(
        committed=args.committed,
        initiated=args.initiated,
        decided=args.decided,
        offender=args.offender,
        base_amount=args.base_amount,
        rates=_rates(args),
    )
    target = find(args.reference)
    if isinstance(target, Article):
        whole = assess_article(target, args.on, **case)
        if args.json:
            _print_json(whole.to_dict())
        else:
            print(whole.format(args.lang, explain=args.explain))
        return 0
    result = assess(target, args.on, **case, count=args.count)
    if args.json:
        _print_json(result.to_dict())
    else:
        print(render_assessment(result, args.lang, explain=args.explain))
    for notice in result.notices:  # the dollars are missing: one line on how to fetch the day's rate
        if notice.code == "no_rate":
            print(f"penalties: {_rate_hint(notice.params[0], args.lang)}", file=sys.stderr)
    return 0


def _review(args) -> int:
    from .reviewing import review

    if args.on is None and args.committed is None:
        raise UserInputError("give --on DATE or --committed DATE")
    agreement = {None: None, "yes": True}.get(args.plea_agreement, args.plea_agreement)
    result = review(
        args.reference,
        args.on,
        imposed=args.imposed,
        committed=args.committed,
        initiated=args.initiated,
        decided=args.decided,
        offender=args.offender,
        stage=args.stage,
        plea_agreement=agreement,
        prior_convictions=args.prior_convictions,
        base_amount=args.base_amount,
        count=args.count,
    )
    if args.json:
        _print_json(result.to_dict())
    else:
        print(result.format(args.lang))
    return 0


def _aggregate(args) -> int:
    from .aggregating import assess_aggregate

    if args.on is None and args.committed is None:
        raise UserInputError("give --on DATE or --committed DATE")
    committed = args.committed[0] if args.committed and len(args.committed) == 1 else args.committed
    categories = None if args.category is None else [None if c == "-" else c for c in args.category]
    result = assess_aggregate(
        args.references,
        args.on,
        committed=committed,
        initiated=args.initiated,
        decided=args.decided,
        offender=args.offender,
        aggregate="sentences" if args.sentences else "offences",
        categories=categories,
        base_amount=args.base_amount,
    )
    if args.json:
        _print_json(result.to_dict())
    else:
        print(result.format(args.lang))
    return 0


def _history(args) -> int:
    from .output import tables
    from .output.render import history_dict, render_article_history, render_history
    from .whole_articles import Article, find

    found = find(args.reference)
    parts = found.parts if isinstance(found, Article) else (found,)
    if args.json:
        _print_json([entry for p in parts for entry in history_dict(p)])
    elif args.csv:
        sys.stdout.write(tables.history_csv(parts))
    else:
        print(
            render_article_history(found, args.lang) if isinstance(found, Article) else render_history(found, args.lang)
        )
    return 0


def _convert(args) -> int:
    from .conversion import convert_with_basis

    result = convert_with_basis(args.amount, args.unit, args.to, args.on, args.purpose, _rates(args))
    if args.json:
        _print_json(result.to_dict())
    else:
        basis = f" ({result.usd.basis}, {result.usd.kzt_per_usd} KZT/USD)" if result.usd else ""
        print(f"{result.to_dict()['amount']} {result.unit}{basis}")
    return 0


def _list(args) -> int:
    from .lookup import provisions
    from .output import tables
    from .output.render import coverage_dict, list_line
    from .whole_articles import Article, find

    if args.reference:
        target = find(args.reference)
        found = tuple(
            p
            for p in (target.parts if isinstance(target, Article) else (target,))
            if args.code is None or p.code == args.code
        )
    else:
        found = provisions(args.code)
    if args.json:
        _print_json([coverage_dict(p) for p in found])
    elif args.csv:
        sys.stdout.write(tables.list_csv(found))
    else:
        for p in found:
            print(list_line(p, args.lang))
    return 0


def _diff(args) -> int:
    from .changes import diff
    from .output.render import render_diff
    from .whole_articles import Article, diff_article, find

    target = find(args.reference)
    if isinstance(target, Article):
        whole = diff_article(target, args.first, args.second)
        if args.json:
            _print_json(whole.to_dict())
        else:
            print(whole.format(args.lang))
        return 0
    changes = diff(target, args.first, args.second)
    if args.json:
        _print_json([c.to_dict() for c in changes])
    else:
        print(render_diff(changes, args.lang))
    return 0


def _search(args) -> int:
    from .output import tables
    from .output.render import render_search
    from .searching import search

    hits = search(
        " ".join(args.words),
        code=args.code,
        on=args.on,
        fine_above_mci=args.fine_above,
        arrest=True if args.arrest else None,
        limit=args.limit,
    )
    if args.json:
        _print_json([h.to_dict() for h in hits])
    elif args.csv:
        sys.stdout.write(tables.search_csv(hits))
    else:
        print(render_search(hits, args.lang))
    return 0


def _credit(args) -> int:
    from .crediting import custody_credit

    return _emit(
        args,
        custody_credit(
            args.days,
            args.toward,
            args.on,
            regime=args.regime,
            custody="house_arrest" if args.house_arrest else "detention",
        ),
    )


def _equivalent(args) -> int:
    from .crediting import punishment_equivalent

    return _emit(args, punishment_equivalent(args.quantity, args.of, args.to, args.on))


def _explain_amount(args) -> int:
    from .changes import explain_amount

    result = explain_amount(
        args.amount, args.unit, args.on, tolerance=args.tolerance, code=args.code, offender=args.offender
    )
    if args.json:
        _print_json(result.to_dict())
    else:
        print(result.format(args.lang))
    return 0


def _emit(args, result) -> int:
    """A result as its JSON document (`--json`) or as its text."""
    if args.json:
        _print_json(result.to_dict())
    else:
        print(result)
    return 0


def _coverage(args) -> int:
    from .data.readings import left_out, readings
    from .lookup import provisions
    from .output.render import coverage_markdown

    texts = {}
    encoded = {(p.code, p.article) for p in provisions()}
    for code in ("cc", "ac"):
        russian = [(day, articles) for (day, lang), articles in readings(code).items() if lang == "ru"]
        if russian:  # the newest redaction read is read whole (the builder's last link for every article)
            day, articles = max(russian, key=lambda item: item[0])
            repealed = sum(1 for a in articles.values() if a.repealed)
            reasons = left_out(code)
            # the articles of that text with nothing encoded, with the builder's reasons
            missing = [
                (number, a.title, reasons.get(number, []))
                for number, a in articles.items()
                if (code, number) not in encoded
            ]
            texts[code] = (day, len(articles) - repealed, repealed, missing, len(reasons))
    sys.stdout.write(coverage_markdown(provisions(), texts))
    return 0


def _draft(args) -> int:
    from .data.drafting import draft_article

    if args.file:
        try:
            text = open(args.file, encoding="utf-8").read()
        except (OSError, UnicodeDecodeError) as error:
            raise UserInputError(f"cannot read {args.file}: {error}") from None
    else:
        text = sys.stdin.read()
    sys.stdout.write(draft_article(text, args.code))
    return 0


def _check(args) -> int:
    from .data.articles import check_report

    problems, warnings, files = check_report(args.path)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {files} file(s)", file=sys.stderr)
        return 1
    print(f"ok: {files} file(s) checked" + (f", {len(warnings)} warning(s)" if warnings else ""))
    return 0


def _rates_command(args) -> int:
    return {"update": _rates_update}[args.rates_command](args)


class _Progress:
    """Progress of `rates update` on stderr: one line rewritten in place on a terminal, else a
    line every twentieth of the range (every day when it is short)."""

    def __init__(self, stream):
        self.stream = stream
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.done = 0

    def __call__(self, done: int, total: int, day: date, status: str) -> None:
        self.done = done
        line = f"penalties: rates update: {done}/{total} days ({day.isoformat()} {status})"
        if self.tty:
            self.stream.write("\r" + line + ("\n" if done == total else ""))
            self.stream.flush()
        elif done == total or done % -(-total // 20) == 0:  # ceil(total / 20)
            print(line, file=self.stream)


def _rates_update(args) -> int:
    from .rates_update import update_cache

    if not 0 <= args.delay <= 60:  # a NaN fails both comparisons
        raise UserInputError(f"--delay should be between 0 and 60 seconds, got {args.delay}")
    progress = _Progress(sys.stderr)
    options = {"base_url": args.url} if args.url else {}
    try:
        report = update_cache(args.first, args.last, args.cache, progress=progress, delay=args.delay, **options)
    except KeyboardInterrupt:
        if progress.tty:
            sys.stderr.write("\n")
        print(
            f"penalties: interrupted after {progress.done} of {(args.last - args.first).days + 1} days; the days "
            "fetched are cached: run the same command again to resume",
            file=sys.stderr,
        )
        return INTERRUPTED
    print(
        f"{report.first.isoformat()}..{report.last.isoformat()}: {report.days} day(s), {report.fetched} fetched, "
        f"{report.cached} already cached, {len(report.failed)} failed; cache {report.cache_dir}"
    )
    if report.failed:
        shown = "; ".join(f"{day.isoformat()}: {_one_line(reason)[:120]}" for day, reason in report.failed[:3])
        more = f"; and {len(report.failed) - 3} more" if len(report.failed) > 3 else ""
        print(
            f"penalties: error: {len(report.failed)} day(s) not fetched ({shown}{more}); the others are cached: "
            "run the same command again to retry",
            file=sys.stderr,
        )
        return 2
    return 0


def web_missing() -> str | None:
    """What `penalties serve` lacks to run (None: nothing): the extra's packages."""
    import importlib.util

    missing = [name for name in ("starlette", "uvicorn", "anyio") if importlib.util.find_spec(name) is None]
    if missing:
        return (
            f"penalties serve needs the web extra ({', '.join(missing)} not installed): "
            'pip install "penalties[web]" (or, from a checkout, pip install ".[web]")'
        )
    return None


def _serve(args) -> int:
    problem = web_missing()
    if problem:
        raise UserInputError(problem)
    if not 0 < args.port < 65536:
        raise UserInputError(f"--port should be between 1 and 65535, got {args.port}")
    from .web import serve

    serve(
        args.host, args.port, announce=lambda url: print(f"penalties: serving on {url} (Ctrl+C stops)", file=sys.stderr)
    )
    return 0


def _print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


_COMMANDS = {
    "show": _show,
    "review": _review,
    "aggregate": _aggregate,
    "history": _history,
    "convert": _convert,
    "list": _list,
    "check": _check,
    "coverage": _coverage,
    "diff": _diff,
    "explain-amount": _explain_amount,
    "search": _search,
    "credit": _credit,
    "equivalent": _equivalent,
    "draft": _draft,
    "serve": _serve,
    "rates": _rates_command,
}
