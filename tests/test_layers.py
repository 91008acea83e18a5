"""The layers import downwards only: core ← knowledge ← tools ← agent ← ui / slate (the edges).

`core` (errors, settings, paths, access, the offline runtime) imports none of Slate's other packages;
no lower layer imports `slate`, the edge; and importing `slate` or `core` changes nothing in the process
(no environment variables, no network-capable library loaded).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# What each package may import from Slate's own packages.
ALLOWED = {
    "core": {"core"},
    "knowledge": {"core", "knowledge"},
    "tools": {"core", "knowledge", "tools"},
    "agent": {"core", "knowledge", "tools", "agent"},
    "ui": {"core", "knowledge", "tools", "agent", "ui"},
}
OWN = {"core", "knowledge", "tools", "agent", "ui", "slate"}


def _imported_packages(path: Path) -> set[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[tuple[str, int]] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {(alias.name.split(".")[0], node.lineno) for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add((node.module.split(".")[0], node.lineno))
    return found


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_package_imports_only_the_layers_below(package: str) -> None:
    wrong = []
    for path in sorted((REPO / package).rglob("*.py")):
        for name, line in _imported_packages(path):
            if name in OWN and name not in ALLOWED[package]:
                wrong.append(f"{path.relative_to(REPO)}:{line} imports {name}")
    assert not wrong, "\n".join(wrong)


def test_importing_slate_or_core_has_no_side_effects() -> None:
    probe = (
        "import json, os, sys\n"
        "before = dict(os.environ)\n"
        "import slate, core, core.errors, core.settings, core.paths, core.runtime\n"
        "changed = sorted(k for k in os.environ if before.get(k) != os.environ[k])\n"
        "heavy = sorted(m for m in ('gradio', 'chromadb', 'tiktoken', 'langchain', 'agent', 'tools')"
        " if m in sys.modules)\n"
        "print(json.dumps({'changed': changed, 'heavy': heavy}))\n"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(REPO)}
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, env=env, capture_output=True, text=True, check=True
    )
    seen = json.loads(out.stdout)
    assert seen == {"changed": [], "heavy": []}
