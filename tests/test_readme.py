"""The README's examples run as written."""

import re
import shlex
from pathlib import Path

import pytest

from penalties.cli import main

README = (Path(__file__).parent.parent / "README.md").read_text()


def test_python_example_runs():
    block = re.search(r"## Python\n\n```python\n(.*?)```", README, re.S).group(1)
    exec(compile(block, "README.md", "exec"), {})


COMMANDS = [
    line.split("#")[0].strip()
    for line in re.search(r"## Command line\n\n```sh\n(.*?)```", README, re.S).group(1).splitlines()
]


@pytest.mark.parametrize("command", [c for c in COMMANDS if c])
def test_cli_examples_run(command, capsys):
    args = shlex.split(command)
    assert args[0] == "penalties"
    if args[1] == "check":
        args = ["penalties", "check"]  # the README names the source tree's statutes/
    assert main(args[1:]) == 0, capsys.readouterr().err


def test_the_counts_it_states_are_the_data():
    import penalties

    provisions = list(penalties.provisions())
    articles = {(p.code, p.article) for p in provisions}
    versions = sum(len(p.versions) for p in provisions)
    stated = f"{len(articles)} articles ({len(provisions)} provisions, {versions} versions)"
    assert stated in README.replace("\n", " ")


def test_the_ac_article_count_it_states_is_the_data():
    import penalties

    encoded = {p.article for p in penalties.provisions("ac")}
    assert f"**Code on Administrative Offenses**: {len(encoded)} of the 703 articles" in README.replace("\n", " ")
