"""The add-on's imports run one way, as the README's architecture drawing shows.

Pure source analysis (no database): ``scripts/import_graph.py`` reads the imports with
:mod:`ast`, at module level and inside functions alike, since a deferred import is still
a dependency.
"""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("import_graph", ROOT / "scripts" / "import_graph.py")
import_graph = importlib.util.module_from_spec(_spec)
sys.modules["import_graph"] = import_graph
_spec.loader.exec_module(import_graph)

# Lowest first; a module may import its own layer and the layers below, never above.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("text analysis", ("disclosure_pages.text",)),
    ("foundations", (
        "disclosure_pages.conf", "disclosure_pages.pagebase", "disclosure_pages.visibility",
        "disclosure_pages.page_text", "disclosure_pages.memo", "disclosure_pages.taxonomy", "disclosure_pages.i18n",
        "disclosure_pages.blocks", "disclosure_pages.public_cache", "disclosure_pages.spreadsheets", "disclosure_pages.admin_columns",
    )),
    ("moderation", ("disclosure_pages.moderation",)),
    ("page types", (
        "disclosure_pages.mixins", "disclosure_pages.sections", "disclosure_pages.site_settings",
        "disclosure_pages.catalog", "disclosure_pages.guide", "disclosure_pages.interpretation",
        "disclosure_pages.annual_report", "disclosure_pages.article", "disclosure_pages.portal",
        "disclosure_pages.topic", "disclosure_pages.models",
    )),
    ("admin and public surface", ("disclosure_pages",)),
    ("applications", ("disclosure_applications",)),
    ("search", ("disclosure_search",)),
]
PAGE_TYPE_PACKAGES = ("catalog", "guide", "interpretation", "annual_report", "article", "portal", "topic")


def layer_of(module: str) -> int:
    best, length = None, -1
    for number, (_name, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > length:
                best, length = number, len(prefix)
    assert best is not None, f"{module} belongs to no layer: add it to LAYERS and to the README drawing"
    return best


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph.imports(import_graph.modules())


def test_every_module_belongs_to_a_layer(graph) -> None:
    for module in graph:
        layer_of(module)


def test_imports_never_point_up_a_layer(graph) -> None:
    upward = [
        f"{module} ({LAYERS[layer_of(module)][0]}) imports {target} ({LAYERS[layer_of(target)][0]})"
        for module, targets in sorted(graph.items())
        for target in sorted(targets)
        if layer_of(target) > layer_of(module)
    ]
    assert upward == []


def test_no_import_cycle_between_modules(graph) -> None:
    assert import_graph.cycles(graph) == []


def test_moderation_knows_no_page_type(graph) -> None:
    """Page types plug into moderation through declared hooks; moderation never names them."""
    wrong = [
        (module, target)
        for module, targets in graph.items() if module.startswith("disclosure_pages.moderation")
        for target in targets if target.split(".")[1] in PAGE_TYPE_PACKAGES
    ]
    assert wrong == []


def test_text_analysis_uses_no_django() -> None:
    """Cleaning, script folding and segmentation run anywhere: only the standard library, OpenCC and rjieba (jieba-rs)."""
    allowed = set(sys.stdlib_module_names) | {"opencc", "rjieba", "__future__"}
    for path in (ROOT / "disclosure_pages" / "text").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module]
            else:
                continue
            for name in names:
                assert name.split(".")[0] in allowed, f"{path.name} imports {name}"


def test_the_add_on_never_imports_the_host_the_demo_or_the_benchmarks(graph) -> None:
    for module, path in import_graph.modules().items():
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                for name in names:
                    assert name.split(".")[0] not in {"hostsite", "benchmarks", "tests"}, f"{module} imports {name}"


def test_the_search_app_is_not_named_search() -> None:
    """``wagtail start`` projects have their own top-level ``search`` app."""
    assert not (ROOT / "search" / "__init__.py").exists()
    assert (ROOT / "search" / "disclosure_search" / "__init__.py").exists()
