"""The public search page (/search/, in every language) and the JSON API (/api/search/).

Neither needs a login and neither can show more than the public site does: both read
through :func:`disclosure_search.service.search_pages`, which only ever sees live, unrestricted,
主动公开 content. Bad parameters are ignored with a notice; nothing a visitor types
can make them fail.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Site

from disclosure_pages.catalog.listing import DIMENSION_FILTERS, Facet, public_entries
from disclosure_pages.conf import get_setting
from disclosure_pages.taxonomy.models import Dimension

from .service import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    SEARCH_DIMENSIONS,
    FilterChoices,
    SearchFilters,
    SearchResults,
    disclosure_models,
    load_choices,
    parse_search_filters,
    search_pages,
    type_label,
)

FILTER_PARAMS = ("type", "organ", "year", *SEARCH_DIMENSIONS)


def _int_param(value: str | None, default: int) -> int:
    value = (value or "").strip()
    if value.isascii() and value.isdigit() and len(value) <= 6:
        return int(value)
    return default


def _portal(request: HttpRequest) -> Any:
    """The portal for the left navigation: the site root if it is one, else its first live portal child."""
    from disclosure_pages.portal.models import DisclosurePortalPage

    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    root = site.root_page.specific
    if isinstance(root, DisclosurePortalPage):
        return root
    return DisclosurePortalPage.objects.child_of(root).live().public().order_by("path").first()


def _search(request: HttpRequest, language: str | None) -> tuple[SearchResults, SearchFilters, FilterChoices]:
    params = request.GET
    choices = load_choices()
    filters = parse_search_filters(params, choices)
    results = search_pages(
        params.get("q"),
        filters=filters,
        sort=params.get("sort") or "relevance",
        page=_int_param(params.get("page"), 1),
        page_size=_int_param(params.get("page_size"), DEFAULT_PAGE_SIZE),
        language=language,
        request=request,
    )
    return results, filters, choices


def _facets(filters: SearchFilters, choices: FilterChoices) -> list[Facet]:
    catalog = filters.catalog
    selected_type = filters.content_type._meta.model_name if filters.content_type else ""
    facets = [
        Facet("type", _("信息类型"), [(m._meta.model_name, type_label(m)) for m in disclosure_models()], selected_type),
        Facet(
            "organ",
            _("发布机构"),
            [(str(o.pk), o.name) for o in choices.organisations],
            str(catalog.organisation.pk) if catalog.organisation else "",
        ),
    ]
    from disclosure_pages.catalog.models import CatalogEntryPage

    years = sorted({d.year for d in public_entries(CatalogEntryPage.objects.all()).dates("publish_date", "year")}, reverse=True)
    facets.append(Facet("year", _("年份"), [(str(y), str(y)) for y in years], str(catalog.year or "")))
    for param in SEARCH_DIMENSIONS:
        dimension = DIMENSION_FILTERS[param][0]
        options = [(str(t.pk), t.full_name) for t in choices.terms if t.dimension == dimension]
        if options:
            term = catalog.terms.get(param)
            facets.append(Facet(param, str(Dimension(dimension).label), options, str(term.pk) if term else ""))
    return facets


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    results, filters, choices = _search(request, translation.get_language())
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "base_template": get_setting("DISCLOSURE_BASE_TEMPLATE"),
        "portal": _portal(request),
        "results": results,
        "hits": results.hits,
        "page_obj": results.page_obj if results.count else None,
        "facets": _facets(filters, choices),
        "filters_active": filters.active,
        "filter_query": query.urlencode(),
        "sorts": [("relevance", _("按相关度")), ("date", _("按发布日期"))],
    }
    return TemplateResponse(request, "disclosure_search/search_page.html", context)


@require_GET
def search_api(request: HttpRequest) -> JsonResponse:
    """``GET /api/search/?q=…&page=…&page_size=…`` (+ the page's filters and ``sort``, ``lang``).

    ``page_size`` above 50 is served as 50 (the response says which size was used);
    snippets are HTML with the query words in ``<mark>``.
    """
    language = request.GET.get("lang") or translation.get_language()
    results, _filters, _choices = _search(request, language)
    return JsonResponse(
        {
            "count": results.count,
            "page": results.page,
            "page_size": results.page_size,
            "max_page_size": MAX_PAGE_SIZE,
            "num_pages": results.num_pages,
            "sort": results.sort,
            "degraded": results.degraded,
            "notices": [str(n) for n in results.notices],
            "results": [
                {**hit.as_json(), "url": request.build_absolute_uri(hit.url) if hit.url else ""}
                for hit in results.hits
            ],
        }
    )
