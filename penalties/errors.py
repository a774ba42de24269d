"""The exceptions `penalties` raises. Each carries the data a caller needs to react.

Every exception is a `PenaltiesError`. The command line turns a `UserInputError` into a one-line
message and exit status 2; a `DataFileError` is a defect in `statutes/` and makes
`penalties check` exit 1.
"""

from __future__ import annotations

from datetime import date


def shown(value) -> str:
    """`value` as an error message shows it: its repr, shortened; a huge integer by its size."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 133:
        return f"an integer of about {int(value.bit_length() * 0.30103) + 1} digits"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class PenaltiesError(Exception):
    """Base class of every error raised by this library.

    Every instance pickles with its data (so it crosses `multiprocessing` and
    `concurrent.futures.ProcessPoolExecutor`): the subclasses' constructors take other arguments
    than the message that ends up in `Exception.args`, so the arguments they were built with are
    kept and the copy is rebuilt through the same constructor, with the same message.
    """

    _constructor_arguments: tuple[tuple, dict]

    def __new__(cls, *args, **kwargs):
        self = super().__new__(cls, *args)
        self._constructor_arguments = (args, kwargs)
        return self

    def __reduce__(self):
        args, kwargs = self._constructor_arguments
        state = {k: v for k, v in vars(self).items() if k != "_constructor_arguments"}
        return _rebuild, (type(self), args, kwargs), state


def _rebuild(cls, args, kwargs):
    return cls(*args, **kwargs)


class UserInputError(PenaltiesError, ValueError):
    """The question cannot be answered as asked (exit status 2 on the command line)."""


class UnknownProvisionError(UserInputError, LookupError):
    """No encoded provision matches the reference.

    `reference` is what was asked; `suggestions` are the closest known provision labels.
    """

    def __init__(self, reference: str, suggestions: tuple[str, ...] = (), reason: str = ""):
        self.reference = reference
        self.suggestions = tuple(suggestions)
        self.reason = reason
        message = f"unknown provision {reference!r}"
        if reason:
            message += f" ({reason})"
        if self.suggestions:
            message += "; closest known: " + ", ".join(self.suggestions)
        super().__init__(message)


class ReferenceSyntaxError(UnknownProvisionError):
    """The reference could not be read as a provision reference at all."""


class OutOfCoverageError(UserInputError, LookupError):
    """The date lies outside what is encoded for this provision or index.

    `first` and `last` are the encoded coverage (`last` is None while open-ended).
    """

    def __init__(self, what: str, when: date, first: date | None, last: date | None, hint: str = ""):
        self.what = what
        self.when = when
        self.first = first
        self.last = last
        span = f"{first.isoformat() if first else '?'} to {last.isoformat() if last else 'today'}"
        message = f"{what}: {when.isoformat()} is outside the encoded coverage ({span})"
        if hint:
            message += f"; {hint}"
        super().__init__(message)


class UnreadWordingError(OutOfCoverageError):
    """The provision was in force on the date, but its wording then was not read (a gap in the data).

    `unread_from`..`unread_to` is the gap; `reason` says which wording is missing and why (the acts
    that amended it between the redactions read). Refusing is deliberate: the neighbouring wordings
    are not carried into the gap.
    """

    def __init__(
        self,
        what: str,
        when: date,
        first: date | None,
        last: date | None,
        unread_from: date,
        unread_to: date,
        reason: str,
    ):
        self.unread_from = unread_from
        self.unread_to = unread_to
        self.reason = reason
        super().__init__(what, when, first, last, reason)
        self.args = (
            f"{what}: the wording in force on {when.isoformat()} is not encoded (the data has no reading "
            f"for {unread_from.isoformat()} to {unread_to.isoformat()}): {reason}",
        )

    def __str__(self) -> str:
        return self.args[0]


class MissingRuleError(UserInputError, LookupError):
    """A General-Part rule of sentencing or limitation (`penalties.law.sentencing`) is not encoded
    for the date: the data file is missing, or no wording of the rule covers `when`. `what` names
    the Code and the rule ("CC limitation"); `reason` says what the data has."""

    def __init__(self, what: str, when: date, reason: str):
        self.what = what
        self.when = when
        self.reason = reason
        super().__init__(f"{what}: no wording encoded for {when.isoformat()} ({reason})")


class ImposedPunishmentError(UserInputError):
    """A punishment as imposed (`penalties.review(imposed=...)`: "18 months imprisonment",
    "27 000 тенге") that the library cannot read. `text` is what was given, `phrase` the part not
    understood, `reason` why."""

    def __init__(self, text: str, phrase: str, reason: str):
        self.text = text
        self.phrase = phrase
        self.reason = reason
        super().__init__(f"cannot read the punishment imposed {text!r}: {reason}: {phrase!r}")


class SanctionTextError(UserInputError):
    """A sanction sentence the sanction reader cannot read. `phrase` is the part not understood."""

    def __init__(self, text: str, phrase: str, reason: str):
        self.text = text
        self.phrase = phrase
        self.reason = reason
        super().__init__(f"cannot read the sanction: {reason}: {phrase!r}")


class MissingIndexError(OutOfCoverageError):
    """No MCI value is known for the date and purpose."""


class MissingRateError(UserInputError, LookupError):
    """No USD/KZT exchange rate is known for the date.

    The message says how to supply one: a CSV table (`penalties.RateTable.from_csv`, CLI
    `--rates FILE`) or the optional National Bank fetcher (`penalties.nbk`).
    """

    def __init__(self, when: date, covered: tuple[tuple[date, date], ...] = ()):
        self.when = when
        self.covered = covered
        spans = ", ".join(f"{a.isoformat()}..{b.isoformat()}" for a, b in covered[:4])
        message = (
            f"no USD/KZT rate for {when.isoformat()}"
            + (f" (the shipped table covers {spans}{', ...' if len(covered) > 4 else ''})" if spans else "")
            + "; supply one with --rates FILE.csv (columns date,rate) or "
            "penalties.RateTable.from_csv(), or enable the National Bank fetcher (penalties.nbk)"
        )
        super().__init__(message)


class MissingBaseError(UserInputError):
    """The sanction is a multiple of a base amount (a bribe, the damage) and none was given."""

    def __init__(self, provision: str, base: str):
        self.provision = provision
        self.base = base
        super().__init__(f"{provision}: the fine is a multiple of the {base}; pass base_amount=")


class MissingCountError(MissingBaseError):
    """The fine is an amount for each unit of a count ("за каждый платежный документ") and no count was
    given (`assess(count=)`; `assess_batch` takes a `count` column)."""

    def __init__(self, provision: str, base: str):
        self.provision = provision
        self.base = base  # what is counted ("payment_document"): `Item.per`
        UserInputError.__init__(self, f"{provision}: the fine is an amount for each {base}; pass count=")


class UnknownOffenderError(UserInputError, LookupError):
    """The provision sets no sanction for the offender category asked."""

    def __init__(self, provision: str, offender: str, available: tuple[str, ...]):
        self.provision = provision
        self.offender = offender
        self.available = available
        super().__init__(f"{provision} sets no sanction for offender {offender!r}; it covers: {', '.join(available)}")


class UnitError(UserInputError):
    """A unit is unknown, or two units cannot be converted into each other."""


class AmountError(UnitError):
    """An amount is not one this library accepts: not a number, a float, NaN or an infinity,
    negative, too large, or with too many decimal places (`penalties.inputs` lists the forms and
    caps). A `UnitError`, as `convert` raised for a bad amount before this class existed.

    `argument` names the parameter; `value` is what was passed (shortened when huge).
    """

    def __init__(self, argument: str, value, problem: str):
        self.argument = argument
        self.value = value
        self.problem = problem
        super().__init__(f"{argument}: {problem}, got {shown(value)}")


class DateError(UserInputError, TypeError):
    """A date argument is not a `datetime.date` (a string, a datetime, None where a date is
    required). `argument` names the parameter; `value` is what was passed."""

    def __init__(self, argument: str, value, hint: str = ""):
        self.argument = argument
        self.value = value
        super().__init__(
            f"{argument} should be a datetime.date such as date(2019, 6, 1), got {shown(value)}"
            + (f"; {hint}" if hint else "")
        )


class DataFileError(PenaltiesError):
    """A statute data file is malformed. `problems` lists `Problem`s with file and line."""

    def __init__(self, problems):
        self.problems = tuple(problems)
        first = self.problems[0] if self.problems else None
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(f"{first}{more}" if first else "malformed statute data")


class RateFileError(DataFileError, UserInputError):
    """A rate table the caller supplied (`RateTable.from_csv`, CLI `--rates FILE`) cannot be used:
    missing, a directory, not UTF-8 text, without the columns `date` and `rate`, a date given twice,
    or a rate that is not a positive number within `penalties.law.rates.PLAUSIBLE_KZT_PER_USD`.
    `problems` lists them with file and line. A `DataFileError` (as such tables raised before this
    class) and a `UserInputError`: the command line prints one line and exits with status 2."""


class PhraseError(PenaltiesError, ValueError):
    """Official Russian text the library reads (an entry-into-force rule, an amendment footnote)
    is not in a form it knows. `phrase` is the text; `expected` says what form was looked for."""

    def __init__(self, phrase: str, expected: str):
        self.phrase = phrase
        self.expected = expected
        super().__init__(f"unrecognised {expected}: {phrase!r}")


class EntryIntoForceError(PhraseError):
    """A rule phrase (`вводится в действие …`) that `penalties.law.entry_into_force` cannot read."""


class FootnoteError(PhraseError):
    """A footnote (`Сноска. Статья … с изменениями, внесенными …`) that `penalties.law.footnotes`
    cannot read."""


class MissingMessageError(PenaltiesError, LookupError):
    """A language's catalog (`penalties/locale/<lang>/`) has no wording for a message: a defect of
    the installed package, not of the question. `lang`, `context` and `key` name the message."""

    def __init__(self, lang: str, context: str, key: str):
        self.lang = lang
        self.context = context
        self.key = key
        super().__init__(
            f"the {lang} catalog has no message {key!r} in context {context!r}; add it to "
            f"penalties/locale/{lang}/LC_MESSAGES/penalties.po (see docs/translations.md)"
        )
