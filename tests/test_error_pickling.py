"""Every exception crosses process boundaries (pickle) with its data and its message."""

import concurrent.futures
import copy
import inspect
import pickle
from datetime import date

import pytest

import penalties
from penalties import errors
from penalties.nbk import RateFetchError
from penalties.tomlfile import Problem

# A value for every constructor parameter name used in penalties.errors. A new exception class with
# a new parameter fails `test_every_parameter_has_a_sample` until a sample is added here.
SAMPLES = {
    "lang": "kk",
    "context": "notice",
    "key": "no_rate",
    "argument": "base_amount",
    "value": "abc",
    "problem": "is not a number",
    "reference": "CC 999(1)",
    "suggestions": ("CC 403(1)", "CC 404(1)"),
    "reason": "CC 999 is not encoded",
    "what": "CC 403(1)",
    "when": date(2014, 6, 1),
    "first": date(2015, 1, 1),
    "last": None,
    "hint": "both Codes are in force from 2015-01-01",
    "covered": ((date(2015, 4, 1), date(2020, 2, 29)),),
    "provision": "CC 366(1)",
    "base": "bribe",
    "offender": "banana",
    "available": ("individual", "legal_entity"),
    "unread_from": date(2018, 7, 23),
    "unread_to": date(2020, 1, 6),
    "text": "наказывается ссылкой на срок до трех лет.",
    "phrase": "вводится в действие по истечении десяти лун",
    "expected": "entry-into-force rule",
    "problems": (
        Problem("statutes/kz/cc/403.toml", 12, "valid_to before valid_from"),
        Problem("statutes/kz/cc/404.toml", None, "cannot read"),
    ),
}

CLASSES = sorted(
    (
        cls
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, errors.PenaltiesError) and cls.__module__ == errors.__name__
    ),
    key=lambda cls: cls.__name__,
)


def _parameters(cls):
    return [p for p in inspect.signature(cls).parameters.values() if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]


def _instance(cls):
    params = _parameters(cls)
    if not params:
        return cls("a message")
    return cls(**{p.name: SAMPLES[p.name] for p in params})


def _data(error):
    return {k: v for k, v in vars(error).items() if not k.startswith("_")}


def test_the_module_has_the_documented_classes():
    # the introspection must find the classes, or the tests below would pass vacuously
    names = {cls.__name__ for cls in CLASSES}
    assert {
        "PenaltiesError",
        "UserInputError",
        "UnknownProvisionError",
        "ReferenceSyntaxError",
        "OutOfCoverageError",
        "MissingIndexError",
        "MissingRateError",
        "MissingBaseError",
        "UnknownOffenderError",
        "UnitError",
        "DataFileError",
    } <= names


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_every_parameter_has_a_sample(cls):
    assert {p.name for p in _parameters(cls)} <= set(SAMPLES)


@pytest.mark.parametrize("cls", CLASSES + [RateFetchError], ids=lambda c: c.__name__)
@pytest.mark.parametrize("protocol", [0, pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL])
def test_pickle_round_trip(cls, protocol):
    if cls is RateFetchError:
        original = RateFetchError(date(2021, 3, 1), "HTTP 503")
    else:
        original = _instance(cls)
    original.add_note("while reading row 7")
    copied = pickle.loads(pickle.dumps(original, protocol))
    assert type(copied) is cls
    assert str(copied) == str(original)
    assert copied.args == original.args
    assert _data(copied) == _data(original)
    assert copied.__notes__ == ["while reading row 7"]
    if _parameters(cls):  # the data is really there, not just two empty dicts
        assert _data(copied)
    assert str(copy.copy(original)) == str(original)


def test_messages_are_unchanged():
    # the wording the CLI prints; pickling support must not alter it
    error = errors.OutOfCoverageError(
        "CC 403(1)", date(2014, 6, 1), date(2015, 1, 1), None, "both Codes are in force from 2015-01-01"
    )
    assert str(error) == (
        "CC 403(1): 2014-06-01 is outside the encoded coverage (2015-01-01 to today); "
        "both Codes are in force from 2015-01-01"
    )
    error = errors.UnknownProvisionError("CC 999(1)", ("CC 403(1)",), "CC 999 is not encoded")
    assert str(error) == "unknown provision 'CC 999(1)' (CC 999 is not encoded); closest known: CC 403(1)"


def test_data_file_error_keeps_its_problems():
    original = errors.DataFileError(SAMPLES["problems"])
    copied = pickle.loads(pickle.dumps(original))
    assert copied.problems == SAMPLES["problems"]
    assert all(isinstance(p, Problem) for p in copied.problems)
    assert str(copied) == "statutes/kz/cc/403.toml:12: valid_to before valid_from (and 1 more)"


def _assess_before_the_codes():
    # the Codes of 2014 are in force from 2015-01-01 (docs/DESIGN.md; statutes/kz/cc/403.toml)
    return penalties.assess("CC 403(1)", on=date(2014, 6, 1))


def test_a_worker_process_error_reaches_the_parent_with_its_fields():
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
        future = pool.submit(_assess_before_the_codes)
        with pytest.raises(errors.OutOfCoverageError) as info:
            future.result(timeout=120)
    error = info.value
    assert error.what == "CC 403(1)"
    assert error.when == date(2014, 6, 1)
    assert error.first == date(2015, 1, 1)
    assert "2014-06-01 is outside the encoded coverage" in str(error)
