"""penalties: what penalty does Kazakh law provide for this offence, on this date?

    >>> import penalties
    >>> from datetime import date
    >>> penalties.mci(date(2022, 6, 1), purpose="fine")
    Decimal('3063')
    >>> penalties.convert("5000", "MCI", "KZT", on=date(2019, 6, 1))
    Decimal('12625000')

The architecture, one idea a module:
    references   reading "ч.1 ст.403 УК РК" and friends       lookup       finding encoded provisions
    statutes     loading and validating statutes/*.toml        model        provisions, versions, sanctions
    general_part General-Part limits and the MCI valuation date mitior      lex mitior, the partial order
    mci_index    the MCI by date and purpose                   rates        USD/KZT rates and their basis
    conversion   MCI ⇄ KZT ⇄ USD, exact                        units        pint interoperability (lazy)
    assessment   assess(): the applicable penalty              nbk          optional National Bank fetcher
    changes      diff() between versions, explain_amount()     batch        assess_batch() on Arrow/pandas tables
    cli          the command line                              errors       the exceptions
"""

import importlib

# Public names and the module each lives in. They are imported on first use (PEP 562), so that
# `import penalties` stays cheap for tools that only need part of the library.
_EXPORTS = {
    "Assessment": "assessment", "assess": "assessment",
    "CustodyCredit": "crediting", "custody_credit": "crediting", "Equivalent": "crediting",
    "punishment_equivalent": "crediting",
    "convert": "conversion", "Conversion": "conversion",
    "mci": "mci_index",
    "diff": "changes", "explain_amount": "changes",
    "assess_batch": "batch",
    "provision": "lookup", "provisions": "lookup",
    "Provision": "model", "Version": "model",
    "RateTable": "rates", "UsdRate": "rates", "usd_rate": "rates",
    "Reference": "references", "parse_reference": "references",
    **{name: "errors" for name in (
        "DataFileError", "MissingBaseError", "MissingIndexError", "MissingRateError", "OutOfCoverageError",
        "PenaltiesError", "ReferenceSyntaxError", "UnitError", "UnknownOffenderError", "UnknownProvisionError",
        "UserInputError")},
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


__version__ = "0.1.0"

__all__ = sorted(_EXPORTS)
