"""The Chinese-aware Elasticsearch/OpenSearch backends of :mod:`disclosure_search.backends`.

Most tests need no server: the backend is built with a dummy URL (the client connects
lazily, and the tests swap it for an object that fails on any use), and the index
settings, the mapping and the query bodies are produced by the backend's own mapping
and compiler classes, as Wagtail's own backend tests do. The tests at the end run
against a real cluster when ``ELASTICSEARCH_URL`` is set (``ELASTICSEARCH_BACKEND``
picks the module, default ``disclosure_search.backends.elasticsearch8``;
``DISCLOSURE_SEARCH_ANALYZER`` the analyzer, default ``cjk``).
"""

from __future__ import annotations

import importlib.util
import os
import sys
import types
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from modelsearch.backends import import_backend
from modelsearch.query import And, Phrase, PlainText
from wagtail.images.models import Image
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from disclosure_pages.models import CatalogEntryPage, DisclosureMode
from disclosure_search.backends.elasticsearch_facets import BUCKETS, FACET_FIELDS, parse_facets
from disclosure_search.backends.elasticsearch_mixins import query_variants
from disclosure_search.backends.elasticsearch_settings import INDEX_ANALYZER, SEARCH_ANALYZER

DUMMY_URL = "http://elasticsearch.invalid:9200"

ALL_PATHS = [
    "disclosure_search.backends.elasticsearch8",
    "disclosure_search.backends.elasticsearch9",
    "disclosure_search.backends.opensearch2",
    "disclosure_search.backends.opensearch3",
]
CJK_BIGRAM = {"type": "custom", "tokenizer": "standard", "filter": ["cjk_width", "lowercase", "cjk_bigram"]}
ANALYZED = {"analyzer": INDEX_ANALYZER, "search_analyzer": SEARCH_ANALYZER}


class _NoNetwork:
    """Stands in for the client: any use of it is a test failure (no server here)."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"the search client was used ({name}) in a test that needs no server")


class _StubOpenSearch:
    """Constructor-compatible stand-in for ``opensearchpy.OpenSearch`` (replaced by _NoNetwork)."""

    def __init__(self, hosts: Any = None, **options: Any) -> None:
        self.hosts = hosts
        self.options = options


def _stub_bulk(*args: Any, **kwargs: Any) -> None:
    raise AssertionError("bulk indexing in a test that needs no server")


@pytest.fixture(autouse=True)
def _opensearch_importable(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Let the OpenSearch backends be built offline when opensearch-py is not installed.

    The project does not depend on opensearch-py; the offline tests never use the client,
    so a stub module is enough to import Wagtail's and our OpenSearch modules. Modules
    imported against the stub are dropped afterwards, so nothing else ever sees it.
    """
    if importlib.util.find_spec("opensearchpy") is not None:
        yield
        return
    before = set(sys.modules)
    client = types.ModuleType("opensearchpy")
    helpers = types.ModuleType("opensearchpy.helpers")
    client.OpenSearch = _StubOpenSearch  # type: ignore[attr-defined]
    client.NotFoundError = type("NotFoundError", (Exception,), {})  # type: ignore[attr-defined]
    client.helpers = helpers  # type: ignore[attr-defined]
    helpers.bulk = _stub_bulk  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "opensearchpy", client)
    monkeypatch.setitem(sys.modules, "opensearchpy.helpers", helpers)
    yield
    for name in set(sys.modules) - before:
        if "opensearch" in name:
            module = sys.modules.pop(name)
            parent, _, child = name.rpartition(".")
            if getattr(sys.modules.get(parent), child, None) is module:
                delattr(sys.modules[parent], child)


def offline(path: str = "disclosure_search.backends.elasticsearch8", **params: Any) -> Any:
    backend = get_search_backend(path, URLS=[DUMMY_URL], **params)
    backend.es = _NoNetwork()
    return backend


@pytest.fixture(params=ALL_PATHS)
def backend(request: pytest.FixtureRequest) -> Any:
    return offline(request.param)


def _analyzers(backend: Any) -> dict[str, Any]:
    return backend.settings["settings"]["analysis"]["analyzer"]


def _column(properties: dict[str, Any], name: str) -> str:
    """The mapping key of field ``name`` (Wagtail prefixes subclass fields with their model)."""
    matches = [key for key in properties if key == name or key.endswith(f"__{name}")]
    assert len(matches) == 1, (name, matches)
    return matches[0]


def _copy_to(mapping: dict[str, Any]) -> list[str]:
    copy_to = mapping.get("copy_to", [])
    return [copy_to] if isinstance(copy_to, str) else list(copy_to)


def _walk(node: Any) -> Iterator[Any]:
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _clauses(body: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [node[kind] for node in _walk(body) if isinstance(node, dict) and kind in node]


def _body(text: str) -> list[tuple[str, str]]:
    return [("paragraph", f"<p>{text}</p>")]


def _proactive_entries() -> Any:
    return CatalogEntryPage.objects.live().filter(disclosure_mode=DisclosureMode.PROACTIVE)


# --- module paths -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "class_name"),
    [
        ("disclosure_search.backends.elasticsearch8", "Elasticsearch8SearchBackend"),
        ("disclosure_search.backends.elasticsearch9", "Elasticsearch9SearchBackend"),
        ("disclosure_search.backends.elasticsearch", "Elasticsearch8SearchBackend"),
        ("disclosure_search.backends.elasticsearch.Elasticsearch9SearchBackend", "Elasticsearch9SearchBackend"),
        ("disclosure_search.backends.opensearch2", "OpenSearch2SearchBackend"),
        ("disclosure_search.backends.opensearch3", "OpenSearch3SearchBackend"),
        ("disclosure_search.backends.opensearch", "OpenSearch2SearchBackend"),
    ],
)
def test_backend_paths_resolve_like_wagtails(path: str, class_name: str) -> None:
    backend_class = import_backend(path)
    assert backend_class.__name__ == class_name
    assert backend_class.__module__.startswith("disclosure_search.backends.")


def test_backends_subclass_wagtails_own() -> None:
    from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchBackend as WagtailES8
    from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend as WagtailES9

    assert issubclass(import_backend("disclosure_search.backends.elasticsearch8"), WagtailES8)
    assert issubclass(import_backend("disclosure_search.backends.elasticsearch9"), WagtailES9)
    from modelsearch.backends.opensearch2 import OpenSearch2SearchBackend as WagtailOS2
    from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend as WagtailOS3

    assert issubclass(import_backend("disclosure_search.backends.opensearch2"), WagtailOS2)
    assert issubclass(import_backend("disclosure_search.backends.opensearch3"), WagtailOS3)


def test_wagtailsearch_backends_setting_selects_backend_and_analyzer(settings: Any) -> None:
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database"},
        "es": {"BACKEND": "disclosure_search.backends.elasticsearch9", "URLS": [DUMMY_URL], "ANALYZER": "smartcn"},
    }
    backend = get_search_backend("es")
    assert type(backend).__name__ == "Elasticsearch9SearchBackend"
    assert backend.analyzer == "smartcn"
    assert backend.required_plugin == "analysis-smartcn"


# --- index settings ---------------------------------------------------------------------------


def test_default_analyzer_is_the_builtin_cjk_bigram_chain(backend: Any) -> None:
    assert backend.analyzer == "cjk"
    assert backend.required_plugin is None
    analyzers = _analyzers(backend)
    assert analyzers[INDEX_ANALYZER] == CJK_BIGRAM
    assert analyzers[SEARCH_ANALYZER] == CJK_BIGRAM
    # Wagtail's own analysis (autocomplete, ngrams) is kept.
    assert analyzers["edgengram_analyzer"]["filter"] == ["asciifolding", "lowercase", "edgengram"]
    assert "ngram_analyzer" in analyzers
    assert backend.settings["settings"]["index"] == {"max_ngram_diff": 12}


@pytest.mark.parametrize(
    ("choice", "index_analyzer", "search_analyzer", "plugin"),
    [
        ("cjk", CJK_BIGRAM, CJK_BIGRAM, None),
        ("smartcn", {"type": "smartcn"}, {"type": "smartcn"}, "analysis-smartcn"),
        ("ik", {"type": "ik_max_word"}, {"type": "ik_smart"}, "analysis-ik"),
        (" IK ", {"type": "ik_max_word"}, {"type": "ik_smart"}, "analysis-ik"),
    ],
)
@pytest.mark.parametrize("path", ALL_PATHS)
def test_analyzer_setting_defines_the_analysis(
    settings: Any, path: str, choice: str, index_analyzer: dict, search_analyzer: dict, plugin: str | None
) -> None:
    settings.DISCLOSURE_SEARCH_ANALYZER = choice
    backend = offline(path)
    assert backend.analyzer == choice.strip().lower()
    assert backend.required_plugin == plugin
    analyzers = _analyzers(backend)
    assert analyzers[INDEX_ANALYZER] == index_analyzer
    assert analyzers[SEARCH_ANALYZER] == search_analyzer


def test_backend_option_beats_the_setting(settings: Any) -> None:
    settings.DISCLOSURE_SEARCH_ANALYZER = "smartcn"
    assert offline(ANALYZER="ik").analyzer == "ik"
    assert offline().analyzer == "smartcn"


def test_unknown_analyzer_is_a_configuration_error(settings: Any) -> None:
    with pytest.raises(ImproperlyConfigured, match="cjk, ik, smartcn"):
        offline(ANALYZER="standard")
    settings.DISCLOSURE_SEARCH_ANALYZER = "stconvert"
    with pytest.raises(ImproperlyConfigured):
        offline()


def test_index_settings_option_still_overrides_the_analysis() -> None:
    custom = {"type": "custom", "tokenizer": "icu_tokenizer", "filter": ["lowercase"]}
    backend = offline(
        INDEX_SETTINGS={
            "settings": {"index": {"number_of_shards": 1}, "analysis": {"analyzer": {INDEX_ANALYZER: custom}}}
        }
    )
    analyzers = _analyzers(backend)
    assert analyzers[INDEX_ANALYZER] == custom
    assert analyzers[SEARCH_ANALYZER] == CJK_BIGRAM
    assert backend.settings["settings"]["index"] == {"max_ngram_diff": 12, "number_of_shards": 1}


def test_instances_do_not_share_settings() -> None:
    ik = offline(ANALYZER="ik")
    cjk = offline()
    assert _analyzers(ik)[INDEX_ANALYZER] == {"type": "ik_max_word"}
    assert _analyzers(cjk)[INDEX_ANALYZER] == CJK_BIGRAM
    assert INDEX_ANALYZER not in type(cjk).settings["settings"]["analysis"]["analyzer"]


# --- mapping ----------------------------------------------------------------------------------


def _mapping(backend: Any, model: type = CatalogEntryPage) -> dict[str, Any]:
    return backend.mapping_class(model).get_mapping()["properties"]


def test_catalog_entry_mapping_analyses_text_fields_in_chinese(backend: Any) -> None:
    properties = _mapping(backend)
    for name in ("title", "search_title", "search_document", "keywords", "summary", "body", "doc_number"):
        field = properties[_column(properties, name)]
        assert field["type"] == "text", name
        assert {k: field[k] for k in ANALYZED} == ANALYZED, name
    for name in ("_all_text", "_all_text_boost_5_0", "_all_text_boost_3_0"):
        assert properties[name] == {"type": "text", **ANALYZED}
    # The related organisation's name is nested, analysed the same way.
    publisher = properties[_column(properties, "publisher")]
    assert publisher["type"] == "nested"
    assert publisher["properties"]["name"]["analyzer"] == INDEX_ANALYZER


def test_catalog_entry_mapping_keeps_wagtails_autocomplete_and_filters(backend: Any) -> None:
    properties = _mapping(backend)
    edgengram = {"type": "text", "analyzer": "edgengram_analyzer", "search_analyzer": "standard"}
    assert properties["_edgengrams"] == edgengram
    assert properties["title_edgengrams"] == edgengram
    assert properties["live_filter"] == {"type": "boolean"}
    assert properties[_column(properties, "disclosure_mode_filter")] == {"type": "keyword"}
    assert properties["pk"] == {"type": "keyword", "store": True}
    assert properties["_django_content_type"] == {"type": "keyword"}


def test_catalog_entry_mapping_boosts_title_above_keywords_above_body(backend: Any) -> None:
    """Boosts reach queries through Wagtail's copy_to buckets: title 5, keywords 3, body 1."""
    properties = _mapping(backend)
    assert _copy_to(properties["title"]) == ["_all_text", "_all_text_boost_5_0"]  # Page says 2
    assert _copy_to(properties[_column(properties, "search_title")]) == ["_all_text", "_all_text_boost_5_0"]
    assert _copy_to(properties[_column(properties, "keywords")]) == ["_all_text", "_all_text_boost_3_0"]
    for name in ("body", "summary", "search_document"):
        assert _copy_to(properties[_column(properties, name)]) == ["_all_text"], name
    assert not any("boost" in field for field in properties.values())
    assert "_all_text_boost_2_0" not in properties


def test_field_boosts_setting_changes_mapping_and_query_alike(settings: Any) -> None:
    settings.DISCLOSURE_SEARCH_FIELD_BOOSTS = {"keywords": 4, "body": 1.5, "title": None}
    backend = offline()
    properties = _mapping(backend)
    assert _copy_to(properties["title"]) == ["_all_text", "_all_text_boost_2_0"]  # the model's own boost
    assert _copy_to(properties[_column(properties, "keywords")]) == ["_all_text", "_all_text_boost_4_0"]
    assert _copy_to(properties[_column(properties, "body")]) == ["_all_text", "_all_text_boost_1_5"]
    fields = _clauses(backend.query_compiler_class(_proactive_entries(), "信息公开").get_query(), "multi_match")[0][
        "fields"
    ]
    assert {"_all_text_boost_2_0^2.0", "_all_text_boost_4_0^4.0", "_all_text_boost_1_5^1.5"} <= set(fields)
    assert "_all_text_boost_3_0^3.0" in fields  # doc_number keeps the catalog model's 3


def test_non_page_models_keep_their_own_boosts(backend: Any) -> None:
    properties = _mapping(backend, Image)
    assert _copy_to(properties["title"]) == ["_all_text", "_all_text_boost_10_0"]
    assert properties["title"]["analyzer"] == INDEX_ANALYZER


@pytest.mark.django_db
def test_documents_carry_the_normalised_segmented_text(catalog: Any) -> None:
    """What ``add_items`` would send: raw fields as written, plus the folded search fields."""
    from elasticsearch.serializer import JsonSerializer

    from tests import factories

    entry = factories.entry(catalog, title="推動政府資訊公開工作要點", keywords="資訊公開", body=_body("檔案館查閱"))
    page = CatalogEntryPage.objects.get(pk=entry.pk)
    mapping = offline().mapping_class(CatalogEntryPage)
    document = mapping.get_document(page)
    JsonSerializer().dumps(document)  # serialisable as the client will send it
    assert document["title"] == "推動政府資訊公開工作要點"
    assert document["_django_content_type"][0] == "disclosure_pages.CatalogEntryPage"
    assert "wagtailcore.Page" in document["_django_content_type"]
    search_title = document[_column(document, "search_title")].split()
    assert {"资讯", "信息公开", "推动"} <= set(search_title)
    search_document = document[_column(document, "search_document")].split()
    assert {"档案馆", "信息公开"} <= set(search_document)
    assert document[_column(document, "publisher")] == {"name": page.publisher.name}


# --- facets -----------------------------------------------------------------------------------


def test_documents_carry_their_facet_values_in_fields_of_their_own(backend: Any) -> None:
    properties = _mapping(backend)
    assert {properties[field]["type"] for field in FACET_FIELDS.values()} == {"long"}


@pytest.mark.django_db
def test_a_catalog_entry_document_has_the_facets_the_engine_counts(catalog: Any) -> None:
    from disclosure_search.engine import facet_values
    from tests import factories

    entry = factories.entry(catalog, title="关于做好防汛工作的通知")
    page = CatalogEntryPage.objects.get(pk=entry.pk)
    document = offline().mapping_class(CatalogEntryPage).get_document(page)
    values = facet_values(page)
    assert document["_disclosure_type"] == page.content_type_id
    assert document["_disclosure_year"] == values["year"] == page.publish_date.year
    assert document["_disclosure_organ"] == page.publisher_id
    assert document["_disclosure_topic"] == values["topic_id"]
    image_document = offline().mapping_class(Image).get_document(Image(pk=1, title="x", width=1, height=1))
    assert not any(name.startswith("_disclosure_") for name in image_document)


def test_facets_are_one_aggregation_request_over_the_same_query(backend: Any) -> None:
    results = backend.search("資訊公開", CatalogEntryPage.objects.live())
    body = results.facet_body()
    assert body["query"] == results._get_es_body(for_count=True)["query"]
    assert "sort" not in body
    assert body["aggregations"] == {
        name: {"terms": {"field": field, "size": BUCKETS}} for name, field in FACET_FIELDS.items()
    }


def test_aggregation_buckets_become_the_engines_facet_counts() -> None:
    response = {
        "hits": {"total": {"value": 3}, "hits": []},
        "aggregations": {
            "type": {"buckets": [{"key": 46, "doc_count": 3}]},
            "year": {"buckets": [{"key": 2024, "doc_count": 2}, {"key": 2023, "doc_count": 1}]},
            "organ": {"buckets": []},
        },
    }
    counts = parse_facets(response)
    assert set(counts) == set(FACET_FIELDS)
    assert counts["type"] == {46: 3} and counts["year"] == {2024: 2, 2023: 1}
    assert counts["organ"] == {} and counts["topic"] == {}


# --- query bodies -----------------------------------------------------------------------------


def test_query_variants_fold_traditional_and_taiwan_wording() -> None:
    # Simplified forms cut into words (as the index is), then the query in its own script.
    assert query_variants("資訊公開") == ["资讯 公开", "信息公开", "資訊公開"]
    assert query_variants("資訊公開", segmented=False) == ["资讯公开", "信息公开", "資訊公開"]
    assert query_variants("檔案館") == ["档案馆", "檔案館"]
    assert query_variants("政府檔案") == ["政府 档案", "政府 文件", "政府檔案"]
    # A Simplified query is not repeated as is; function words are dropped.
    assert query_variants("信息公开") == ["信息公开"]
    assert query_variants("政府的信息公开") == ["政府 信息公开"]
    assert query_variants("ＡＢＣ１２３") == ["abc123"]
    assert query_variants("   ") == ["   "]


def test_traditional_query_searches_its_simplified_forms_with_boosts_and_filters(backend: Any) -> None:
    compiler = backend.query_compiler_class(_proactive_entries(), "資訊公開")
    body = compiler.get_query()
    must = body["bool"]["must"]
    assert must["bool"]["minimum_should_match"] == 1
    matches = [clause["multi_match"] for clause in must["bool"]["should"]]
    assert [m["query"] for m in matches] == ["资讯 公开", "信息公开", "資訊公開"]
    for match in matches:
        assert match["fields"][0] == "_all_text"
        assert {"_all_text_boost_5_0^5.0", "_all_text_boost_3_0^3.0"} <= set(match["fields"])
        assert "operator" not in match  # Wagtail's default "or"
    filters = body["bool"]["filter"]
    assert {"match": {"_django_content_type": "disclosure_pages.CatalogEntryPage"}} in filters
    conditions = filters[1]["bool"]["must"]
    assert {"term": {"live_filter": True}} in conditions
    mode_column = next(c["term"] for c in conditions if "live_filter" not in c["term"])
    ((name, value),) = mode_column.items()
    assert name.endswith("disclosure_mode_filter") and value == DisclosureMode.PROACTIVE


def test_explicit_fields_carry_their_boosts(backend: Any) -> None:
    compiler = backend.query_compiler_class(
        CatalogEntryPage.objects.all(), "資訊公開", fields=["title", "keywords", "body"], operator="and"
    )
    mapping = compiler.mapping
    by_name = {f.field_name: f for f in CatalogEntryPage.get_searchable_search_fields()}
    keywords = mapping.get_field_column_name(by_name["keywords"])
    body = mapping.get_field_column_name(by_name["body"])
    expected_fields = ["title^5.0", f"{keywords}^3.0", body]
    assert compiler.get_query() == {
        "bool": {
            "must": {
                "bool": {
                    "should": [
                        {"multi_match": {"query": form, "operator": "and", "fields": expected_fields}}
                        for form in ("资讯 公开", "信息公开", "資訊公開")
                    ],
                    "minimum_should_match": 1,
                }
            },
            "filter": {"match": {"_django_content_type": "disclosure_pages.CatalogEntryPage"}},
        }
    }


def test_simplified_query_is_sent_as_one_clause(backend: Any) -> None:
    body = backend.query_compiler_class(Page.objects.live(), "信息公开").get_query()
    assert body["bool"]["must"] == {
        "multi_match": {
            "query": "信息公开",
            "fields": ["_all_text", "_all_text_boost_5_0^5.0", "_all_text_boost_3_0^3.0"],
        }
    }
    assert body["bool"]["filter"] == [
        {"match": {"_django_content_type": "wagtailcore.Page"}},
        {"term": {"live_filter": True}},
    ]


def test_phrase_and_nested_queries_are_normalised(backend: Any) -> None:
    phrase = backend.query_compiler_class(CatalogEntryPage.objects.all(), Phrase("資訊公開")).get_query()
    assert [m["query"] for m in _clauses(phrase, "multi_match")] == ["资讯公开", "信息公开", "資訊公開"]
    assert all(m["type"] == "phrase" for m in _clauses(phrase, "multi_match"))

    tree = And([PlainText("資訊公開"), PlainText("檔案館")])
    nested = backend.query_compiler_class(CatalogEntryPage.objects.all(), tree, fields=["title"]).get_query()
    title_matches = [m["title"] for m in _clauses(nested["bool"]["must"], "match")]
    assert {m["query"] for m in title_matches} == {"资讯 公开", "信息公开", "資訊公開", "档案馆", "檔案館"}
    assert all(m["boost"] == 5.0 for m in title_matches)


def test_autocomplete_is_normalised_too(backend: Any) -> None:
    body = backend.autocomplete_query_compiler_class(CatalogEntryPage.objects.all(), "資訊").get_query()
    queries = [m["_edgengrams"]["query"] for m in _clauses(body["bool"]["must"], "match")]
    assert queries == ["资讯", "信息", "資訊"]


def test_search_method_uses_the_chinese_compiler_without_a_server(backend: Any) -> None:
    results = backend.search("檔案館", CatalogEntryPage.objects.live(), operator="and")
    body = results._get_es_body()
    assert [m["query"] for m in _clauses(body, "multi_match")] == ["档案馆", "檔案館"]
    assert all(m["operator"] == "and" for m in _clauses(body, "multi_match"))


# --- against a real cluster -------------------------------------------------------------------

live_cluster = pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"), reason="needs a cluster: runs when ELASTICSEARCH_URL is set"
)


@pytest.fixture
def live_backend() -> Iterator[Any]:
    backend = get_search_backend(
        os.environ.get("ELASTICSEARCH_BACKEND", "disclosure_search.backends.elasticsearch8"),
        URLS=[os.environ["ELASTICSEARCH_URL"]],
        INDEX_PREFIX=f"test_disclosure_{uuid.uuid4().hex[:8]}_",
        ANALYZER=os.environ.get("DISCLOSURE_SEARCH_ANALYZER", "cjk"),
    )
    index = backend.get_index_for_model(CatalogEntryPage)
    index.reset()
    try:
        yield backend
    finally:
        index.delete()


@pytest.fixture
def indexed_entries(live_backend: Any, catalog: Any) -> dict[str, int]:
    from tests import factories

    pages = {
        "simplified": factories.entry(catalog, title="关于推进政府信息公开工作的通知", keywords="信息公开"),
        "traditional": factories.entry(catalog, title="推動政府資訊公開工作要點", body=_body("資訊公開申請")),
        "archives": factories.entry(catalog, title="市檔案館開放時間調整公告", body=_body("檔案查閱服務")),
        "other": factories.entry(catalog, title="关于做好防汛工作的通知", body=_body("汛期值班安排")),
        "body_only": factories.entry(catalog, title="年度工作安排", body=_body("依法做好信息公开")),
    }
    index = live_backend.get_index_for_model(CatalogEntryPage)
    index.add_model(CatalogEntryPage)
    index.add_items(CatalogEntryPage, CatalogEntryPage.objects.filter(pk__in=[p.pk for p in pages.values()]))
    index.refresh()
    return {name: page.pk for name, page in pages.items()}


def _found(backend: Any, query: str, **kwargs: Any) -> list[int]:
    return [page.pk for page in backend.search(query, CatalogEntryPage.objects.live(), **kwargs)]


@live_cluster
@pytest.mark.django_db
@pytest.mark.slow
def test_live_traditional_and_simplified_queries_find_both_scripts(live_backend: Any, indexed_entries: dict) -> None:
    for query in ("資訊公開", "信息公开"):
        found = _found(live_backend, query, operator="and")
        assert {indexed_entries["simplified"], indexed_entries["traditional"]} <= set(found), query
        assert indexed_entries["other"] not in found, query
        assert indexed_entries["archives"] not in found, query


@live_cluster
@pytest.mark.django_db
@pytest.mark.slow
def test_live_archives_query_matches_traditional_archives_only(live_backend: Any, indexed_entries: dict) -> None:
    for query in ("档案馆", "檔案館"):
        assert _found(live_backend, query, operator="and") == [indexed_entries["archives"]], query


@live_cluster
@pytest.mark.django_db
@pytest.mark.slow
def test_live_title_match_ranks_above_body_match(live_backend: Any, indexed_entries: dict) -> None:
    # Three entries say 信息公开: two in their titles (one in Traditional, 5x), one only in its body.
    found = _found(live_backend, "信息公开")
    body_only = found.index(indexed_entries["body_only"])
    assert found.index(indexed_entries["simplified"]) < body_only
    assert found.index(indexed_entries["traditional"]) < body_only


@live_cluster
@pytest.mark.django_db
@pytest.mark.slow
def test_live_facets_count_the_matches(live_backend: Any, indexed_entries: dict) -> None:
    results = live_backend.search("信息公开", CatalogEntryPage.objects.live())
    facets = results.disclosure_facets()
    assert sum(facets["type"].values()) == results.count()
    assert sum(facets["organ"].values()) == results.count()
