"""The layout holds: the build's code depends only on sitebuild/, and the
project's root comes from mkdocs.yml (not from where the package lives)."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_project

ROOT = Path(__file__).resolve().parent.parent
COMMAND_ROOMS = ("scripts", "tools")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_build_code_imports_nothing_from_scripts_or_tools():
    edges = [f"{path.relative_to(ROOT)} -> {module}"
             for room in ("hooks", "sitebuild") for path in sorted((ROOT / room).rglob("*.py"))
             for module in sorted(imported_modules(path)) if module.split(".")[0] in COMMAND_ROOMS]
    assert edges == []


def mkdocs_command() -> list[str]:
    """The plain `mkdocs` console script of this interpreter's environment."""
    script = Path(sys.executable).parent / "mkdocs"
    if not script.exists():
        pytest.skip("no mkdocs console script next to the interpreter")
    return [str(script)]


def build_env() -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://diversion.example.org/"}
    if not _editable():  # a venv made before `pip install -e .`: give it this checkout's code, not its data
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return env


def _editable() -> bool:
    """True when sitebuild is installed (`pip install -e .`), so it imports from any folder."""
    probe = subprocess.run([sys.executable, "-c", "import sitebuild"], cwd="/", capture_output=True,
                           env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
    return probe.returncode == 0


def test_plain_mkdocs_from_another_folder_builds_the_project_its_config_names(tmp_path):
    """A copy whose firm has another name, built by `mkdocs build -f` from a
    third folder: the pages carry the copy's name, so every path came from
    the config file, none from the package's location."""
    project = tmp_path / "project"
    project.mkdir()
    copy_project(project)
    firm = project / "data" / "firm.yml"
    text = firm.read_text(encoding="utf-8")
    name = re.search(r"(?m)^name:\s*(.+)$", text)
    assert name, "data/firm.yml has a name: line"
    firm.write_text(text.replace(name.group(0), "name: Copyfolder Layout Test Law"), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "site"
    result = subprocess.run([*mkdocs_command(), "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"),
                             "-d", str(out)], cwd=elsewhere, env=build_env(), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "Copyfolder Layout Test Law" in home
    assert "Copyfolder Layout Test Law" in (out / "es" / "index.html").read_text(encoding="utf-8")


def test_each_placeholder_warning_prints_once_per_build(site_build):
    """mkdocs-static-i18n builds each language with the same config: a notice
    about the data is given by the outer build only (read off the session
    build's own output)."""
    _, result = site_build
    warnings = [line for line in (result.stdout + result.stderr).splitlines() if "WARNING" in line]
    assert len(warnings) == len(set(warnings)), sorted(w for w in warnings if warnings.count(w) > 1)
