"""The import contracts in pyproject.toml hold for the real tree and catch a forbidden import.

`lint-imports` runs on the source as it is, then on a copy of it with one import added that
the contracts forbid: the check must fail and name that import.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
VERDICT = re.compile(r"^(.+ (?:KEPT|BROKEN))(?: \(\d+ ignored imports?\))?$")


def lint_imports(src: Path, workdir: Path) -> subprocess.CompletedProcess:
    """Run the check on the package under `src`; wide columns keep each import on one line."""
    return subprocess.run(
        [LINT_IMPORTS, ROOT / "pyproject.toml", "--no-cache"],
        cwd=workdir,
        env={**os.environ, "PYTHONPATH": str(src), "COLUMNS": "300"},
        capture_output=True,
        text=True,
        timeout=300,
    )


def python_files_only(directory: str, names: list[str]) -> list[str]:
    return [
        name
        for name in names
        if name == "__pycache__" or (Path(directory, name).is_file() and not name.endswith(".py"))
    ]


def copy_with_import(tmp_path: Path, module: str, statement: str) -> tuple[Path, int]:
    """A copy of src/forebygg with `statement` appended to `module`; returns it and the line."""
    src = tmp_path / "src"
    shutil.copytree(ROOT / "src" / "forebygg", src / "forebygg", ignore=python_files_only)
    path = src.joinpath(*module.split(".")).with_suffix(".py")
    lines = path.read_text().splitlines()
    path.write_text("\n".join([*lines, statement, ""]))
    return src, len(lines) + 1


def broken_imports(output: str) -> list[str]:
    """The first import of each chain the report lists as breaking a contract."""
    return [line[1:].strip() for line in output.splitlines() if line.startswith("- ")]


def verdicts(output: str) -> list[str]:
    """Each contract with KEPT or BROKEN, as the report's summary lists them."""
    found = (VERDICT.match(line) for line in output.splitlines())
    return [match.group(1) for match in found if match]


def test_the_real_tree_keeps_every_contract(tmp_path):
    result = lint_imports(ROOT / "src", tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr
    assert verdicts(result.stdout) == [
        "Domain apps import only downwards KEPT",
        "Domain apps never import an audience app KEPT",
        "Audience apps are independent of each other KEPT",
    ]


def test_a_domain_app_importing_a_higher_one_breaks_the_layers(tmp_path):
    src, line = copy_with_import(
        tmp_path, "forebygg.geo.models", "from forebygg.orgs import models as orgs_models"
    )

    result = lint_imports(src, tmp_path)

    assert result.returncode == 1
    assert verdicts(result.stdout) == [
        "Domain apps import only downwards BROKEN",
        "Domain apps never import an audience app KEPT",
        "Audience apps are independent of each other KEPT",
    ]
    assert broken_imports(result.stdout) == [
        f"forebygg.geo.models -> forebygg.orgs.models (l.{line})"
    ]


def test_a_domain_app_importing_an_audience_app_breaks_the_contract(tmp_path):
    command = "forebygg.methods.management.commands.seed_methods"  # imported by no other module
    src, line = copy_with_import(tmp_path, command, "from forebygg.backoffice import entry")

    result = lint_imports(src, tmp_path)

    assert result.returncode == 1
    assert verdicts(result.stdout) == [
        "Domain apps import only downwards KEPT",
        "Domain apps never import an audience app BROKEN",
        "Audience apps are independent of each other KEPT",
    ]
    assert broken_imports(result.stdout) == [f"{command} -> forebygg.backoffice.entry (l.{line})"]


def test_an_audience_app_importing_another_breaks_their_independence(tmp_path):
    src, line = copy_with_import(
        tmp_path, "forebygg.oversight.views", "from forebygg.backoffice import entry"
    )

    result = lint_imports(src, tmp_path)

    assert result.returncode == 1
    assert verdicts(result.stdout) == [
        "Domain apps import only downwards KEPT",
        "Domain apps never import an audience app KEPT",
        "Audience apps are independent of each other BROKEN",
    ]
    assert broken_imports(result.stdout) == [
        f"forebygg.oversight.views -> forebygg.backoffice.entry (l.{line})"
    ]
