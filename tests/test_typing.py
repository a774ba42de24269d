"""Types for users: the names checkers see are the names `import penalties` gives, and the Literal
types hold the categories the data uses."""

import ast
import importlib.util
from pathlib import Path
from typing import get_args

import penalties
from penalties.law.provisions import CODES, OFFENDERS, UNNAMED

INIT = Path(penalties.__file__)


def _type_checking_names() -> set[str]:
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    block = next(
        node for node in tree.body if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING"
    )
    return {
        alias.asname or alias.name for node in block.body if isinstance(node, ast.ImportFrom) for alias in node.names
    }


def test_checkers_see_every_public_name_and_only_those():
    assert _type_checking_names() == set(penalties._EXPORTS) == set(penalties.__all__)
    assert len(penalties.__all__) == len(set(penalties.__all__))


def test_the_names_checkers_import_are_the_objects_users_get():
    for name, module in penalties._EXPORTS.items():
        assert getattr(penalties, name) is getattr(importlib.import_module(f"penalties.{module}"), name)


def test_offender_literal_covers_every_category_the_statute_files_name():
    named = {o for p in penalties.provisions() for v in p.versions for o in v.offenders} - {UNNAMED}
    assert named <= set(get_args(penalties.Offender)) == set(OFFENDERS)
    assert "individual" in named and "legal_entity" in named  # both Codes' files are read


def test_code_literal_is_the_two_codes():
    assert set(get_args(penalties.Code)) == set(CODES) == {p.code for p in penalties.provisions()}


def test_the_typed_example_runs():
    path = Path(__file__).parent / "typecheck" / "example.py"
    spec = importlib.util.spec_from_file_location("typed_example", path)
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    out = example.main()
    assert out["counts"]["cc"] > 0 and out["counts"]["ac"] > 0
    # statutes/kz/indices/mci.toml: 3,063 tenge from 2022-06-01 ("fine" purpose); 2,525 in 2019
    assert out["mci"] == 3063 and out["tenge"] == 5000 * 2525
    # statutes/kz/cc/403.toml, 01.01.2015-22.07.2018: "штрафом в размере до трехсот месячных расчетных
    # показателей"; the MCI of 2017 is 2,269 tenge
    assert out["ceiling"] == 300 * 2269
