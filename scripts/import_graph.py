#!/usr/bin/env python
"""Print how the add-on's packages import each other, and any import cycle between modules.

Run: ``python scripts/import_graph.py`` (``--modules`` lists every module-level arrow too).
Reads the source with :mod:`ast` and runs none of it, so it works without Django.
tests/test_architecture.py holds the same graph against the layers the README draws.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Package name -> folder holding it (the search app's package lives in search/).
PACKAGES = {
    "disclosure_pages": ROOT / "disclosure_pages",
    "disclosure_search": ROOT / "search" / "disclosure_search",
    "disclosure_applications": ROOT / "disclosure_applications",
}


def modules(packages: dict[str, Path] = PACKAGES) -> dict[str, Path]:
    """Dotted module name -> file, for every module of the packages except migrations."""
    found = {}
    for name, folder in packages.items():
        for path in sorted(folder.rglob("*.py")):
            relative = path.relative_to(folder).with_suffix("")
            if "migrations" in relative.parts:
                continue
            parts = [name, *relative.parts]
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def imports(found: dict[str, Path]) -> dict[str, set[str]]:
    """Module -> project modules it imports (at module level or inside functions)."""
    graph: dict[str, set[str]] = {}
    for module, path in found.items():
        targets: set[str] = set()
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _resolve(module, is_package, node)
                names = [f"{base}.{alias.name}" for alias in node.names] + [base]
            else:
                continue
            for name in names:
                target = _known(name, found)
                if target and target != module:
                    targets.add(target)
        graph[module] = targets
    return graph


def _known(name: str, found: dict[str, Path]) -> str | None:
    while name:
        if name in found:
            return name
        name = name.rpartition(".")[0]
    return None


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    sys.setrecursionlimit(10_000)
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups)


def unit(module: str) -> str:
    """The part of the add-on a module belongs to: a subpackage of disclosure_pages, or another app."""
    parts = module.split(".")
    if parts[0] in ("disclosure_search", "disclosure_applications"):
        return parts[0]
    if len(parts) > 1 and (PACKAGES["disclosure_pages"] / parts[1]).is_dir():
        return f"disclosure_pages.{parts[1]}"
    return "disclosure_pages"


def unit_arrows(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    arrows: dict[str, set[str]] = {}
    for module, targets in graph.items():
        source = unit(module)
        arrows.setdefault(source, set()).update(unit(t) for t in targets if unit(t) != source)
    return arrows


def _print(lines: Iterable[str]) -> None:
    for line in lines:
        print(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", action="store_true", help="also list every module's imports")
    options = parser.parse_args(argv)
    graph = imports(modules())
    _print(f"{source} -> {', '.join(sorted(targets)) or '(nothing of the project)'}"
           for source, targets in sorted(unit_arrows(graph).items()))
    if options.modules:
        print()
        _print(f"{m} -> {', '.join(sorted(t))}" for m, t in sorted(graph.items()) if t)
    found = cycles(graph)
    print(f"\nimport cycles between modules: {len(found)}")
    _print("  " + " <-> ".join(group) for group in found)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
