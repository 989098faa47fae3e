"""No import circles in build_scripts/: between modules, and between its folders (a folder may import its
own modules and the package's single modules freely, but two folders never import each other, even through
others). Imports inside functions count too: a circle broken by a late import is still a circle."""

from __future__ import annotations

import ast
from pathlib import Path

from graphlib import CycleError, TopologicalSorter

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "build_scripts"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, name: str, modules: set[str]) -> set[str]:
    """The build_scripts modules a file imports (``from a import b`` counts a.b when it is a module)."""
    is_package = path.name == "__init__.py"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return {m for m in found if m in modules and m != name}


def graph() -> dict[str, set[str]]:
    """Each module of build_scripts/ and the modules of build_scripts/ it imports."""
    files = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    # a module importing its own package's __init__ is not a circle of its own making
    return {name: {t for t in imports_of(path, name, set(files)) if not name.startswith(t + ".")}
            for name, path in files.items()}


def folder(module: str) -> str | None:
    """The folder of build_scripts/ a module lives in; None for the package's single modules."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and (PACKAGE / parts[1]).is_dir()) else None


def circle(edges: dict[str, set[str]]) -> list[str]:
    """One circle of the graph, or [] when there is none."""
    try:
        tuple(TopologicalSorter(edges).static_order())
    except CycleError as error:
        return error.args[1]
    return []


def test_no_circle_between_modules():
    assert circle(graph()) == [], "modules of build_scripts/ import each other in a circle"


def test_no_circle_between_folders():
    folders: dict[str, set[str]] = {}
    for a, targets in graph().items():
        for b in targets:
            fa, fb = folder(a), folder(b)
            if fa and fb and fa != fb:
                folders.setdefault(fa, set()).add(fb)
    assert circle(folders) == [], "folders of build_scripts/ import each other in a circle"


def test_the_check_sees_a_circle():
    assert circle({"a": {"b"}, "b": {"c"}, "c": {"a"}})
    assert circle({"a": {"b"}, "b": set()}) == []
