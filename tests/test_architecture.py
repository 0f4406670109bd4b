"""Imports point one way: model → ingest → store → review/evaluate → publish → cli/web.

A lower layer never imports a higher one (STYLE.md "Shape"). Checked on the
source with ``ast``, so a lazy import inside a function counts too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "jixiao"
LAYERS = ("model", "ingest", "store", "review", "evaluate", "publish", "web", "cli")


def _layer(module: str) -> str | None:
    """``jixiao.store.reviews`` → ``store``; ``jixiao.cli_review`` → ``cli``."""
    parts = module.split(".")
    if parts[0] != "jixiao" or len(parts) < 2:
        return None
    name = parts[1]
    if name.startswith("cli"):
        return "cli"
    return name if name in LAYERS else None


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


SOURCES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_architecture__no_import_from_a_higher_layer(path: Path) -> None:
    own = _layer("jixiao." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts))
    if own is None:
        return
    rank = LAYERS.index(own)
    upward = sorted(
        module
        for module in _imports(path)
        if (layer := _layer(module)) is not None and LAYERS.index(layer) > rank
    )
    assert upward == [], f"{own} imports a higher layer"


def test_architecture__model_is_standard_library_only() -> None:
    allowed_roots = {"jixiao", "__future__"}
    import sys

    for path in (PACKAGE / "model").rglob("*.py"):
        third_party = {
            m.split(".")[0]
            for m in _imports(path)
            if m.split(".")[0] not in allowed_roots
            and m.split(".")[0] not in sys.stdlib_module_names
        }
        assert third_party == set(), path.name
