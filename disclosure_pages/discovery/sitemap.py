"""``sitemap.xml``: every page citizens may see on the request's site, in every language."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Site

from ..pagebase import BasePage
from ..public_cache.store import cacheable, mark_public
from ..visibility import visible

#: URLs per file; the protocol allows 50,000, search engines read smaller files sooner.
PER_FILE = 10_000


def sitemap_pages(site: Site) -> QuerySet:
    """Live, public pages under the site's root page and its translations, in tree order."""
    roots = BasePage.objects.filter(translation_key=site.root_page.translation_key).values_list("path", flat=True)
    under = Q()
    for path in roots:
        under |= Q(path__startswith=path)
    if not under:
        return BasePage.objects.none()
    pages = visible(BasePage.objects.live().public().filter(under))
    return pages.only("id", "path", "url_path", "locale_id", "last_published_at", "content_type_id").order_by("path")


@cacheable
def sitemap(request: HttpRequest) -> HttpResponse:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    paginator = Paginator(sitemap_pages(site), PER_FILE)
    number = request.GET.get("p")
    if number is None and paginator.num_pages > 1:
        files = [request.build_absolute_uri(f"?p={n}") for n in paginator.page_range]
        response = TemplateResponse(request, "disclosure_pages/discovery/sitemap_index.xml", {"files": files},
                                    content_type="application/xml")  # fmt: skip
        return mark_public(request, response)
    try:
        page = paginator.page(number or 1)
    except InvalidPage:  # not a number, or past the last file
        raise Http404 from None
    urls = [
        (request.build_absolute_uri(url), item.last_published_at)
        for item in page.object_list
        if (url := item.get_url(request)) is not None
    ]
    response = TemplateResponse(request, "disclosure_pages/discovery/sitemap.xml", {"urls": urls},
                                content_type="application/xml")  # fmt: skip
    return mark_public(request, response)


@cacheable
def robots(request: HttpRequest) -> HttpResponse:
    """Crawlers may read the public pages: not the admin, the APIs, search results (endless
    queries) or an applicant's receipt, tracking and reply pages, in any language."""
    prefixes = ["", *(f"/{code}" for code, _name in settings.LANGUAGES)]
    private = ["search/", "applications/receipt/", "applications/track/", "applications/reply/"]
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /api/"]
    lines += [f"Disallow: {prefix}/{path}" for prefix in prefixes for path in private]
    lines += [f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}", ""]
    return mark_public(request, HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8"))
