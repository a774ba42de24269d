"""penalties: what penalty does Kazakh law provide for this offence, on this date?

    >>> import penalties
    >>> from datetime import date
    >>> penalties.mci(date(2022, 6, 1), purpose="fine")
    Decimal('3063')
    >>> penalties.convert("5000", "MCI", "KZT", on=date(2019, 6, 1))
    Decimal('12625000')

The architecture, in layers (each module's first docstring line says its one idea; the same map
is in docs/DESIGN.md, and tests/test_layout.py checks that both name every module):

    law/           the encoded law as frozen values, no I/O: provisions (provisions, versions,
                   sanctions), kinds (kinds of punishment and their measures), quantities,
                   provenance (acts and sources), general_part (the General Parts' dated rules),
                   mci (the MCI series by date and purpose), rates (USD/KZT rate tables and their
                   basis), entry_into_force (an act's first day from a footnote's rule phrase),
                   footnotes (reading official amendment footnotes), sentencing (the General
                   Parts' rules of assigning punishment and of limitation)
    data/          reading and checking statutes/ into law/ values: paths, toml (TOML with line
                   numbers), checker (keys, types, dates, provenance), store (every cache of what
                   was read; store.clear() forgets all), acts (the acts registry), articles (article
                   files, the catalogue, the whole-tree check), chapters, general_part, mci (and
                   mci()), rates (the shipped rates, a user's CSV; usd_rate()), sentencing (the
                   sentencing and limitation rule files), readings (transcribed redactions),
                   builder (article files from readings), reader and reader_ac (a sanction
                   sentence into a sanction), drafting (`penalties draft`), toml_out (writing
                   article files)
    reasoning/     the legal steps, each written once and called by assess(), assess_batch() and
                   explain_amount(): case_dates (dates, defaults, the MCI's valuation day),
                   version_choice (the version applied, with lex mitior), mitior (lex mitior, a
                   partial order), sanction (resolve: the General Part's limits), money (MCI ->
                   tenge -> USD, exact; when the MCI is needed), limitation (the last day a
                   case can be brought), narrowing (the caps for stage and plea agreement),
                   aggregation (several offences and sentences: CC arts 58, 60, AC art. 58),
                   compulsory_payment (CC arts 98-1, 98-2 for a case)
    references.py  lookup.py      a reference as people write it -> an encoded provision
    assessment.py  assess(): the applicable penalty, given the case's dates
    reviewing.py   review(): was the punishment imposed lawful? (imposed.py reads it as written)
    aggregating.py assess_aggregate(): the combined range for several offences or sentences
    crediting.py   CC arts 61-62: equivalents of punishments, credit of pre-trial custody
    conversion.py  MCI <-> KZT <-> USD, exact (quotations.py reads a figure as the press quotes it)
    changes.py     diff() between versions, explain_amount() of a figure
    whole_articles.py  an article with all its parts: article(), assess_article(), diff_article()
    searching.py   search(): articles by words of their titles (Snowball stems, a Kazakh fallback)
    output/        notices (warnings as data), formatting (numbers, terms, dates and acts as
                   cited, per language), messages (the words, from the gettext catalogs in
                   locale/), render (text, JSON, docs/coverage.md), tables (--csv)
    batch/         assess_batch() on Arrow and pandas tables: inputs (columns to codes, days, tiyn),
                   keys (day numbers, dense tables), plan (distinct keys -> reasoning/), refusals
                   (errors worded by assess()), amounts (integer money), limitation (the
                   limitation_date column), compulsory_payment (the compulsory_payment_ columns), rows
                   (rows assess() does itself), arrow (output columns)
    cli.py         the command line          units.py  pint interoperability (lazy)
    web/           `penalties serve` (extra `web`): api, app, openapi, pages, problems (the HTTP
                   JSON API and the web pages); schema/ holds the JSON Schemas of the contract
    nbk.py         optional National Bank rate fetcher (rates_update.py fills its cache)
    errors.py      the exceptions, with data
    inputs.py      validating what callers pass: dates, amounts, units, offenders, references' types
    strategies.py  Hypothesis strategies for users' property tests (optional extra `strategies`)
    _moved.py      old import paths of moved modules and names, with a DeprecationWarning
"""

import importlib

from . import _moved

__version__ = "0.1.0"  # the one place it is written: pyproject.toml reads it (tool.hatch.version)

# Public names and the module each lives in. They are imported on first use (PEP 562), so that
# `import penalties` stays cheap for tools that only need part of the library.
_EXPORTS = {
    "Assessment": "assessment",
    "assess": "assessment",
    "Review": "reviewing",
    "review": "reviewing",
    "AggregateAssessment": "aggregating",
    "assess_aggregate": "aggregating",
    "CustodyCredit": "crediting",
    "custody_credit": "crediting",
    "Equivalent": "crediting",
    "punishment_equivalent": "crediting",
    "convert": "conversion",
    "Conversion": "conversion",
    "mci": "data.mci",
    "diff": "changes",
    "explain_amount": "changes",
    "Article": "whole_articles",
    "article": "whole_articles",
    "assess_article": "whole_articles",
    "diff_article": "whole_articles",
    "search": "searching",
    "SearchHit": "searching",
    "assess_batch": "batch",
    "provision": "lookup",
    "provisions": "lookup",
    "Provision": "law.provisions",
    "Version": "law.provisions",
    "Offender": "law.provisions",
    "Code": "law.provisions",
    "RateTable": "law.rates",
    "UsdRate": "law.rates",
    "usd_rate": "data.rates",
    "Reference": "references",
    "parse_reference": "references",
    **dict.fromkeys(
        (
            "AmountError",
            "DataFileError",
            "RateFileError",
            "DateError",
            "MissingBaseError",
            "MissingIndexError",
            "MissingRateError",
            "MissingRuleError",
            "MissingCountError",
            "ImposedPunishmentError",
            "OutOfCoverageError",
            "PenaltiesError",
            "ReferenceSyntaxError",
            "UnitError",
            "UnknownOffenderError",
            "UnknownProvisionError",
            "UnreadWordingError",
            "UserInputError",
            "SanctionTextError",
            "FootnoteError",
        ),
        "errors",
    ),
}


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'penalties' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(list(globals()) + list(_EXPORTS))


_moved.install()

# What type checkers see: the same names, imported for real (`TYPE_CHECKING` is false at run time,
# and is not read from `typing`, so that `import penalties` imports nothing more). tests/test_typing.py
# checks that this block, `_EXPORTS` and `__all__` name the same things.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from .aggregating import AggregateAssessment, assess_aggregate
    from .assessment import Assessment, assess
    from .batch import assess_batch
    from .changes import diff, explain_amount
    from .conversion import Conversion, convert
    from .crediting import CustodyCredit, Equivalent, custody_credit, punishment_equivalent
    from .data.mci import mci
    from .data.rates import usd_rate
    from .errors import (
        AmountError,
        DataFileError,
        DateError,
        FootnoteError,
        ImposedPunishmentError,
        MissingBaseError,
        MissingCountError,
        MissingIndexError,
        MissingRateError,
        MissingRuleError,
        OutOfCoverageError,
        PenaltiesError,
        RateFileError,
        ReferenceSyntaxError,
        SanctionTextError,
        UnitError,
        UnknownOffenderError,
        UnknownProvisionError,
        UnreadWordingError,
        UserInputError,
    )
    from .law.provisions import Code, Offender, Provision, Version
    from .law.rates import RateTable, UsdRate
    from .lookup import provision, provisions
    from .references import Reference, parse_reference
    from .reviewing import Review, review
    from .searching import SearchHit, search
    from .whole_articles import Article, article, assess_article, diff_article

__all__ = [
    "AggregateAssessment",
    "AmountError",
    "Article",
    "Assessment",
    "Code",
    "Conversion",
    "CustodyCredit",
    "DataFileError",
    "DateError",
    "Equivalent",
    "FootnoteError",
    "ImposedPunishmentError",
    "MissingBaseError",
    "MissingCountError",
    "MissingIndexError",
    "MissingRateError",
    "MissingRuleError",
    "Offender",
    "OutOfCoverageError",
    "PenaltiesError",
    "Provision",
    "RateFileError",
    "RateTable",
    "Reference",
    "ReferenceSyntaxError",
    "Review",
    "SanctionTextError",
    "SearchHit",
    "UnitError",
    "UnknownOffenderError",
    "UnknownProvisionError",
    "UnreadWordingError",
    "UsdRate",
    "UserInputError",
    "Version",
    "article",
    "assess",
    "assess_aggregate",
    "assess_article",
    "assess_batch",
    "convert",
    "custody_credit",
    "diff",
    "diff_article",
    "explain_amount",
    "mci",
    "parse_reference",
    "provision",
    "provisions",
    "punishment_equivalent",
    "review",
    "search",
    "usd_rate",
]
