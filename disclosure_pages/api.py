"""The portal's REST API: Wagtail's v3 API with nothing unreviewed and no 500s.

Mount it instead of ``wagtail.api.v3.urls.api``::

    from disclosure_pages.api import api
    urlpatterns = [path("api/v3/", api.urls), ...]

Differences from Wagtail's instance, each because the public must get nothing more
than a citizen reaches on a page:

* **Documents** list and retrieve only :func:`disclosure_pages.moderation.files.public_documents`
  (files used by live, public, approved content). Wagtail's lists every upload.
* **Images** are not mounted: they are not reviewed content, and Wagtail's endpoint
  lists every uploaded image to anyone.
* **Paging**: ``limit`` and ``offset`` are checked before the query runs. A huge
  ``offset`` overflowed SQLite's and PostgreSQL's integers (500); any bad value is
  now a 400 with a message, and so is a NUL in any parameter but ``search`` (a 500 on PostgreSQL).
* **Docs**: the OpenAPI schema and the interactive docs are for signed-in admin users
  only (404 for everyone else), and off entirely with ``WAGTAILAPI_DOCS_ENABLED = False``.

Pages, sites, schemas, snippets, redirects, locales and whoami are Wagtail's routers
unchanged (writes need a bearer token; publishing obeys the review rule).
"""

# No ``from __future__ import annotations``: Ninja reads the endpoints' annotations at run time.
from collections.abc import Callable
from functools import wraps
from typing import Any, cast

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Query, Router
from ninja.pagination import paginate
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.errors import problem_response, register_exception_handlers
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.routers.pages import router as pages_router
from wagtail.api.v3.routers.schema import router as schema_router
from wagtail.api.v3.routers.sites import router as sites_router
from wagtail.api.v3.routers.whoami import router as whoami_router
from wagtail.api.v3.schemas.params import APIFieldFilterSchema, OrderingSchema, SearchSchema
from wagtail.contrib.redirects.api.v3.router import router as redirects_router
from wagtail.documents import get_document_model
from wagtail.documents.api.v3 import router as wagtail_documents
from wagtail.locales.api.v3.router import router as locales_router
from wagtail.snippets.api.v3.router import router as snippets_router

from .moderation.files import public_documents

#: No listing has this many rows; larger offsets overflowed the databases' integers.
MAX_OFFSET = 1_000_000


def _admin_only_docs(view: Callable) -> Callable:
    """The OpenAPI schema and docs: signed-in admin users only, and only while enabled."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not getattr(settings, "WAGTAILAPI_DOCS_ENABLED", True):
            raise Http404
        if not request.user.has_perm("wagtailadmin.access_admin"):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def _paging_error(request: HttpRequest) -> str | None:
    """Why the request's ``limit``/``offset`` (or any parameter) are unusable, or None."""
    # PostgreSQL cannot compare text with NUL; search text is cleaned by the search backend.
    params = [(key, value) for key, values in request.GET.lists() if key != "search" for value in values]
    if any("\x00" in key or "\x00" in value for key, value in params):
        return _("参数不能包含空字符（NUL）。")
    max_limit = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)  # Wagtail's setting; None: no limit
    bounds = {"limit": (1, MAX_OFFSET if max_limit is None else max_limit), "offset": (0, MAX_OFFSET)}
    for name, (low, high) in bounds.items():
        for raw in request.GET.getlist(name):
            try:
                value = int(raw.strip())
            except ValueError:
                return _("%(name)s 必须是整数。") % {"name": name}
            if value < low:
                return _("%(name)s 不能小于 %(low)d。") % {"name": name, "low": low}
            if value > high:
                return _("%(name)s 不能大于 %(high)d。") % {"name": name, "high": high}
    return None


def _checked_paging(run: Callable) -> Callable:
    """Answer 400 for a bad ``limit``/``offset`` before Ninja validates or the database sees it."""

    @wraps(run)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        error = _paging_error(request)
        if error:
            return problem_response(status=400, detail=error)
        return run(request, *args, **kwargs)

    return wrapper


def build_documents_router() -> Router:
    """Wagtail's documents endpoints, reads limited to public documents."""
    document_model = get_document_model()
    read_schema = wagtail_documents.DocumentDetailSchema
    base_fields = wagtail_documents.BASE_DOCUMENT_READ_FIELDS
    router = Router(tags=["documents"])

    def public_queryset(request: HttpRequest) -> QuerySet:
        queryset = wagtail_documents.get_documents_queryset(request)
        public = public_documents(document_model.objects.all())
        return queryset.filter(pk__in=public.values_list("pk", flat=True))

    @router.get(
        "/",
        response=list[read_schema],  # type: ignore[valid-type]
        url_name="list_documents",
        summary="List documents",
        operation_id="documents_list",
        auth=[BearerTokenAuth(), AllowAnonymous()],
    )
    @paginate(WagtailLimitOffsetPagination, pass_parameter="pagination_info")  # noqa: S106
    def list_documents(
        request: HttpRequest,
        ordering: OrderingSchema = Query(...),  # noqa: B008 (Ninja's way to declare parameters)
        search: SearchSchema = Query(...),  # noqa: B008
        **kwargs: Any,
    ) -> Any:
        pagination_info = cast(WagtailLimitOffsetPagination.Input, kwargs.get("pagination_info"))
        field_filter = APIFieldFilterSchema.with_exclude_schemas(
            raw_params=request.GET, schemas=(OrderingSchema, SearchSchema), base_fields=base_fields
        )
        queryset = field_filter.filter_queryset(public_queryset(request))
        queryset = ordering.order_queryset(queryset, pagination_info, base_fields=base_fields)
        return search.search_queryset(request, queryset)

    @router.get(
        "/{document_id}/",
        response=read_schema,
        url_name="detail_document",
        summary="Document detail",
        operation_id="documents_detail",
        auth=[BearerTokenAuth(), AllowAnonymous()],
    )
    def get_document(request: HttpRequest, document_id: int) -> Any:
        return get_object_or_404(public_queryset(request), pk=document_id)

    # Writes are Wagtail's (bearer token and permissions); uploads stay unpublished until reviewed.
    writes = [
        ("post", "/", {201: read_schema}, "create_document", wagtail_documents.create_document),
        ("patch", "/{document_id}/", read_schema, "update_document", wagtail_documents.update_document),
        ("delete", "/{document_id}/", {204: None}, "delete_document", wagtail_documents.delete_document),
    ]
    for method, path, response, url_name, view in writes:
        getattr(router, method)(path, response=response, url_name=url_name, auth=BearerTokenAuth())(view)
    return router


def build_api() -> NinjaAPI:
    """A fresh v3 API (namespace ``wagtailapi_v3``) with the portal's routers."""
    api = NinjaAPI(
        title="政府信息公开 API",
        version="3.0.0",
        description="Wagtail v3 API of the disclosure portal (public reads: reviewed content only)",
        urls_namespace="wagtailapi_v3",
        docs_decorator=_admin_only_docs,
        openapi_url="/openapi.json",
        docs_url="/docs/",
    )
    register_exception_handlers(api)
    api.add_decorator(_checked_paging, mode="view")
    api.add_router("/pages/", pages_router)
    api.add_router("/documents/", build_documents_router())
    api.add_router("/schema/", schema_router)
    api.add_router("/sites/", sites_router)
    api.add_router("/snippets/", snippets_router)
    api.add_router("/redirects/", redirects_router)
    api.add_router("/locales/", locales_router)
    api.add_router("/", whoami_router)
    return api


class _LazyAPI:
    """Builds the API on first use, once: a Ninja API registers its URL namespace when built."""

    _api: "NinjaAPI | None" = None

    @property
    def urls(self) -> Any:
        if self._api is None:
            type(self)._api = build_api()
        return self._api.urls


api = _LazyAPI()
