"""The README and the CLI reference stay true to the commands."""
import re
from pathlib import Path

import click

from kg.cli import cli
from kg.clidoc import cli_reference

ROOT = Path(__file__).resolve().parents[1]


def commands():
    return cli.list_commands(click.Context(cli))


def test_cli_reference_is_up_to_date():
    committed = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert committed == cli_reference(), "run: python -m kg.clidoc > docs/cli.md"


def test_every_command_is_in_the_readme_tour():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [c for c in commands() if not re.search(rf"\bkg {re.escape(c)}\b", readme)]
    assert not missing, f"commands missing from README: {missing}"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_cmd = 'pip install -e ".[test]" && python -m pytest'
    assert test_cmd in readme and test_cmd in ci
