"""The public search page (/search/, in every language) and the JSON API (/api/search/).

Neither needs a login and neither can show more than the public site does: each makes one
call, :func:`disclosure_search.service.search`, which only ever sees live, unrestricted,
主动公开 content. Bad parameters are ignored with a notice; nothing a visitor types
can make them fail.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from disclosure_pages.catalog.listing import Facet, term_facet
from disclosure_pages.catalog.models import CatalogEntryPage
from disclosure_pages.conf import get_setting
from disclosure_pages.i18n import in_active_language
from disclosure_pages.portal.lookup import portal_for_request
from disclosure_pages.templatetags.disclosure_tags import Crumb
from disclosure_pages.visibility import visible

from .facets import facet_counts
from .filters import SEARCH_DIMENSIONS, SearchFilterSet
from .page_types import disclosure_models, type_label
from .results import MAX_PAGE_SIZE
from .service import search


def _facets(filters: SearchFilterSet) -> list[Facet]:
    content_type = filters.value("type")
    facets = [
        Facet(
            "type",
            _("信息类型"),
            [(m._meta.model_name, type_label(m)) for m in disclosure_models()],
            content_type._meta.model_name if content_type else "",
        ),
        Facet("organ", _("发布机构"), [(str(o.pk), o.label) for o in filters.organisations], filters.selected("organ")),
    ]
    years = sorted(
        {d.year for d in visible(CatalogEntryPage.objects.all()).dates("publish_date", "year")}, reverse=True
    )
    facets.append(Facet("year", _("年份"), [(str(y), str(y)) for y in years], filters.selected("year")))
    for param in SEARCH_DIMENSIONS:
        facet = term_facet(param, filters.terms, filters.selected(param))
        if facet is not None:
            facets.append(facet)
    return facets


def _home_url(request: HttpRequest, portal: Any) -> str:
    return (in_active_language(portal.get_url(request)) if portal is not None else None) or "/"


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    results = search(request.GET, language=translation.get_language(), request=request)
    query = request.GET.copy()
    query.pop("page", None)
    portal = portal_for_request(request)
    context = {
        "base_template": get_setting("DISCLOSURE_BASE_TEMPLATE"),
        "portal": portal,
        "results": results,
        "hits": results.hits,
        "page_obj": results.page_obj if results.count else None,
        "facets": _facets(results.filters),
        "facet_counts": facet_counts(results.facet_counts, results.filters, request.GET),
        "crumbs": [Crumb(_("首页"), _home_url(request, portal)), Crumb(_("信息检索"), None, True)],
        "filters_active": results.filters.active,
        "filter_query": query.urlencode(),
        "sorts": [("relevance", _("按相关度")), ("date", _("按发布日期"))],
    }
    return TemplateResponse(request, "disclosure_search/search_page.html", context)


def _requested_language(request: HttpRequest) -> str:
    """``lang`` (zh-hans, zh-hant, zh-TW, zh-HK, en…) when the site has it, else the language
    cookie or ``Accept-Language`` (the API has no language prefix, and LocaleMiddleware gives
    unprefixed paths the default language)."""
    requested = (request.GET.get("lang") or "").strip()
    if requested:
        try:
            return translation.get_supported_language_variant(requested.lower())
        except LookupError:
            pass
    return translation.get_language_from_request(request) or settings.LANGUAGE_CODE


@require_GET
def search_api(request: HttpRequest) -> JsonResponse:
    """``GET /api/search/?q=…&page=…&page_size=…`` (+ the page's filters and ``sort``, ``lang``).

    ``page_size`` above 50 is served as 50 (the response says which size was used);
    snippets are HTML with the query words in ``<mark>``.
    """
    language = _requested_language(request)
    with translation.override(language):  # labels, notices and URLs in the requested language
        return _api_response(request, search(request.GET, language=language, request=request))


def _api_response(request: HttpRequest, results: Any) -> JsonResponse:
    return JsonResponse(
        {
            "count": results.count,
            "count_is_exact": results.count_is_exact,  # false: more than count match (count is the limit)
            "page": results.page,
            "page_size": results.page_size,
            "max_page_size": MAX_PAGE_SIZE,
            "num_pages": results.num_pages,
            "sort": results.sort,
            "degraded": results.degraded,
            "notices": [str(n) for n in results.notices],
            "facets": [f.as_json() for f in facet_counts(results.facet_counts, results.filters, request.GET)],
            "results": [
                {**hit.as_json(), "url": request.build_absolute_uri(hit.url) if hit.url else ""} for hit in results.hits
            ],
        }
    )
