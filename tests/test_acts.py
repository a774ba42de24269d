"""The acts registry (statutes/kz/acts.toml): references by number, lookup, validation, check warnings."""

import re
import textwrap
import tomllib
from datetime import date
from pathlib import Path

import pytest

import penalties
from penalties.cli import main
from penalties.data.acts import load_acts, normalise_number, registry, registry_for
from penalties.data.articles import check, check_report, load_article
from penalties.data.paths import statutes_dir
from penalties.errors import DataFileError

STATUTES = statutes_dir() / "kz"

ARTICLE = """\
code = "cc"
article = "999"

[title]
ru = "Пример"

[[parts]]
part = "1"

[[parts.versions]]
valid_from = 2032-01-01
act = ACT
verification = "primary"
sources = ["https://zan.gov.kz/client/#!/doc/81097/rus/24.11.2015"]

[[parts.versions.sanctions]]
main = [{ kind = "fine", max = "300 MCI" }]
"""


def write(root: Path, text: str, name: str = "999.toml", folder: str = "cc") -> Path:
    path = root / "kz" / folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def article_with(tmp_path, act: str, extra: str = "") -> Path:
    return write(tmp_path, ARTICLE.replace("act = ACT", f"act = {act}" + (f"\n{extra}" if extra else "")))


def test_every_act_number_in_the_shipped_data_is_registered():
    numbers = set()
    for path in sorted(p for code in ("cc", "ac") for p in (STATUTES / code).glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        numbers |= {line.split('"')[1] for line in text.splitlines() if line.startswith('act = "')}
    assert numbers and all(n in registry() for n in numbers)
    # 226-V and 235-V are the Codes themselves; every article file cites its Code
    assert registry().get("226-V").kind == "code" and registry().get("235-V").kind == "code"


def test_the_shipped_data_has_no_inline_table_for_a_registered_act():
    problems, warnings, _ = check_report()
    assert problems == [] and warnings == []


def test_lookup_ignores_look_alike_letters_spaces_and_case():
    # official footnotes print "12-VІ" with a Cyrillic І (statutes/kz/cc/174.toml notes)
    assert registry().get("12-VІ") is registry().get("12-VI") is not None
    assert registry().get(" 180 - VI ") is registry().get("180-VI")
    assert normalise_number("28-VІ") == normalise_number("28-vi") == "28-VI"
    assert registry().get("999-IX") is None


def test_a_version_names_its_act_by_number_and_gets_the_registry_act():
    # statutes/kz/ac/73-3.toml part 1: act = "349-VI", no rule of its own beside it
    v = penalties.provision("AC 73-3(1)").versions[0]
    assert v.act is registry().get("349-VI")
    assert (v.act.number, v.act.date) == ("349-VI", date(2020, 6, 26))


def test_a_version_rule_beside_the_act_replaces_the_acts_rule_for_that_version_only():
    # statutes/kz/ac/434.toml: 155-VIII's amendments to art. 434 are in force from 01.09.2025
    # (footnote 'вводится в действие с 01.09.2025'), unlike the act's general sixty-day rule
    versions = [v for v in penalties.provision("AC 434(1)").versions if v.act.number == "155-VIII"]
    assert versions and all("2025-09-01" in v.act.entry_into_force for v in versions)
    assert "60 calendar days" in registry().get("155-VIII").entry_into_force
    assert all(v.act.date == registry().get("155-VIII").date for v in versions)


def test_the_json_of_an_act_keeps_its_keys():
    # the registry's further fields are attributes, not JSON (docs/json-contract.md)
    act = registry().get("12-VI")
    assert act.published == date(2016, 8, 10) and act.kind == "law"
    assert set(act.to_dict()) == {"number", "date", "entry_into_force"}


def test_the_registry_is_read_once():
    assert registry() is registry()
    a, b = penalties.provision("CC 403(1)").versions[0].act, penalties.provision("CC 174(2)").versions[0].act
    assert a is b is registry().get("226-V")


def test_an_unknown_act_number_is_a_data_error_with_its_line(tmp_path):
    path = article_with(tmp_path, '"999-IX"')
    with pytest.raises(DataFileError) as error:
        load_article(path)
    [problem] = error.value.problems
    assert problem.line == 12 and "unknown act '999-IX'" in problem.message


def test_a_reference_written_with_a_cyrillic_letter_resolves(tmp_path):
    [provision] = load_article(article_with(tmp_path, '"226-V"'))
    assert provision.versions[0].act is registry().get("226-V")
    [provision] = load_article(article_with(tmp_path, '"12-VІ"'))
    assert provision.versions[0].act is registry().get("12-VI")


def test_an_inline_table_still_loads_and_check_warns_with_its_line(tmp_path, capsys):
    path = article_with(tmp_path, '{ number = "226-V", date = 2014-07-03 }')
    [provision] = load_article(path)
    assert provision.versions[0].act.number == "226-V" and provision.versions[0].act.title is None
    problems, warnings, _ = check_report(path)
    assert problems == [] and [(w.line, "226-V" in w.message) for w in warnings] == [(12, True)]
    assert check(path) == ([], 1)
    assert main(["check", str(path)]) == 0
    err = capsys.readouterr().err
    assert f"warning: {path}:12: inline act table for '226-V'" in err


def test_an_inline_table_for_an_act_the_registry_does_not_hold_is_not_warned_about(tmp_path):
    path = article_with(tmp_path, '{ number = "1-IX", date = 2031-12-29 }')
    assert check_report(path)[:2] == ([], [])


def test_a_rule_beside_an_inline_table_is_a_problem(tmp_path):
    path = article_with(tmp_path, '{ number = "226-V", date = 2014-07-03 }', 'entry_into_force = "с 01.01.2015"')
    found, _ = check(path)
    assert [(p.line, "goes with an act number" in p.message) for p in found] == [(13, True)]


def test_a_rule_beside_a_reference_is_that_versions_rule(tmp_path):
    [provision] = load_article(
        article_with(tmp_path, '"415-V"', 'entry_into_force = "вводится в действие с 01.01.2016"')
    )
    act = provision.versions[0].act
    assert act.entry_into_force == "вводится в действие с 01.01.2016"
    assert (act.number, act.date, act.in_force) == ("415-V", date(2015, 11, 23), date(2016, 1, 1))


REGISTRY = """\
[[acts]]
number = "226-V"
date = 2014-07-03
kind = "code"
entry_into_force = "2015-01-01"

[[acts]]
number = "1-I"
date = 2020-01-01
kind = "law"
entry_into_force = "с 01.02.2020"
"""


@pytest.mark.parametrize(
    "old, new, line, fragment",
    [
        ('number = "1-I"', 'number = "226-V"', 8, "already registered"),
        ('number = "1-I"', 'number = "226 - V"', 8, "already registered"),
        ('kind = "law"', 'kind = "statute"', 10, "kind should be one of code, law, decree"),
        ('kind = "law"', 'kind = "law"\npublished = 2020-01-02', 11, "needs 'published_source'"),
        (
            'kind = "law"',
            'kind = "law"\npublished = 2019-12-31\npublished_source = "x"',
            11,
            "before the act was signed",
        ),
        ('kind = "law"', 'kind = "law"\ncolour = "red"', 11, "unknown key 'colour'"),
        ('kind = "law"', 'kind = "law"\nurl = "zan.gov.kz"', 11, "http(s) URL"),
        ("date = 2020-01-01", 'date = "2020-01-01"', 9, "'date' should be a date"),
        ('entry_into_force = "с 01.02.2020"', "", 7, "missing key 'entry_into_force'"),
    ],
)
def test_registry_problems_are_reported_at_their_line(tmp_path, old, new, line, fragment):
    path = tmp_path / "kz" / "acts.toml"
    path.parent.mkdir(parents=True)
    assert old in REGISTRY
    path.write_text(REGISTRY.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_acts(path)
    assert [(p.line, fragment in p.message) for p in error.value.problems] == [(line, True)]
    found, _ = check(tmp_path, whole_tree=False)
    assert [(p.line, fragment in p.message) for p in found] == [(line, True)]


def test_a_data_tree_with_its_own_registry_uses_it(tmp_path):
    (tmp_path / "kz").mkdir()
    (tmp_path / "kz" / "acts.toml").write_text(REGISTRY, encoding="utf-8")
    path = article_with(tmp_path, '"1-I"')
    assert registry_for(path).get("1-I").entry_into_force == "с 01.02.2020"
    assert registry_for(path).get("180-VI") is None  # not the shipped registry
    assert check(tmp_path, whole_tree=False) == ([], 2)
    [provision] = load_article(path)
    assert provision.versions[0].act.number == "1-I"


def test_every_registered_act_is_cited_and_in_force_matches_its_rule():
    cited = set()
    for path in sorted(p for code in ("cc", "ac") for p in (STATUTES / code).glob("*.toml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith('act = "'):
                cited.add(normalise_number(line.split('"')[1]))
    data = tomllib.loads((STATUTES / "acts.toml").read_text(encoding="utf-8"))
    hand = {normalise_number(a["number"]) for a in data["acts"]}
    from_footnotes = tomllib.loads((STATUTES / "acts-footnotes.toml").read_text(encoding="utf-8"))
    # every hand-registered act is cited by a version, or named in a footnote the readings quote (its
    # entry-into-force day then dates what the builder reads from that footnote: 327-VI, whose
    # publication date is known, amended AC articles without starting a version of its own)
    named = {
        normalise_number(m)
        for path in (STATUTES / "readings").rglob("*.toml")
        for m in re.findall(r"№\s*(\d+-[IVXІ]+)", path.read_text(encoding="utf-8"))
    }
    assert hand <= cited | named
    # every cited act is registered: by hand, or from the footnotes the readings quote (which also
    # lists acts that amended an article without starting a version of its own)
    assert cited <= hand | {normalise_number(a["number"]) for a in from_footnotes["acts"]}
    for act in registry():
        if act.in_force is not None:  # the rule names that date (e.g. "2016-01-01 (footnote: ...)")
            assert act.entry_into_force.startswith(act.in_force.isoformat())


def test_a_malformed_registry_is_reported_once_and_its_references_say_so(tmp_path):
    (tmp_path / "kz").mkdir()
    (tmp_path / "kz" / "acts.toml").write_text(REGISTRY.replace('kind = "law"', 'kind = "statute"'), encoding="utf-8")
    article_with(tmp_path, '"1-I"')
    write(tmp_path, ARTICLE.replace("act = ACT", 'act = "226-V"').replace('"999"', '"998"'), name="998.toml")
    found, files = check(tmp_path, whole_tree=False)
    assert files == 3
    assert sorted((Path(p.path).name, p.line) for p in found) == [("998.toml", 12), ("999.toml", 12), ("acts.toml", 10)]
    assert all("registry is malformed" in p.message for p in found if not p.path.endswith("acts.toml"))
