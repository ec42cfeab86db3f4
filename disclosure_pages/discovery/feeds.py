"""RSS and Atom feeds of new catalog entries: the whole catalog, one organ, one topic.

Entries are those citizens may see, newest first, each in the reader's language where its
translation is live (the feed's URL carries the language prefix like the pages).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Site

from ..catalog.listing import filed_under
from ..catalog.models import CatalogEntryPage, CatalogIndexPage
from ..i18n import in_active_language, in_default_language, in_reader_language, in_reader_script, source_page
from ..public_cache.store import cacheable, mark_public
from ..taxonomy.models import ClassificationTerm, Dimension, Organisation
from ..visibility import visible

#: Entries per feed: readers poll; they need the news, not the archive.
ITEMS = 50
FORMATS = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


@dataclass
class Scope:
    """What a feed covers, and where its catalog lives."""

    request: HttpRequest
    catalog: CatalogIndexPage
    organisation: Organisation | None = None
    topic: ClassificationTerm | None = None

    @property
    def name(self) -> str:
        if self.organisation is not None:
            return self.organisation.label
        if self.topic is not None:
            return self.topic.full_label
        return ""

    @property
    def filter_query(self) -> str:
        if self.organisation is not None:
            return f"?organ={self.organisation.pk}"
        if self.topic is not None:
            return f"?topic={self.topic.pk}"
        return ""


def site_catalog(request: HttpRequest) -> CatalogIndexPage:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    catalogs = in_default_language(visible(CatalogIndexPage.objects.live().public()))
    catalog = catalogs.descendant_of(site.root_page, inclusive=True).order_by("path").first()
    if catalog is None:
        raise Http404
    return in_reader_language([catalog], request)[0]


class EntryFeed(Feed):
    """One class for the three scopes; the URL names the scope and the format."""

    _request: HttpRequest

    def __init__(self, feed_type: type) -> None:
        super().__init__()
        self.feed_type = feed_type

    def get_object(self, request: HttpRequest, organ: int | None = None, topic: int | None = None) -> Scope:
        scope = Scope(request, site_catalog(request))
        if organ is not None:
            scope.organisation = get_object_or_404(Organisation, pk=organ)
        if topic is not None:
            scope.topic = get_object_or_404(ClassificationTerm.objects.of(Dimension.TOPIC).select_related("parent"), pk=topic)
        return scope

    def title(self, scope: Scope) -> str:
        catalog = in_reader_script(scope.catalog.title)
        return f"{catalog} - {scope.name}" if scope.name else catalog

    def link(self, scope: Scope) -> str:
        return in_active_language(scope.catalog.get_url(scope.request)) + scope.filter_query

    def description(self, scope: Scope) -> str:
        return _("新发布的政府信息公开目录条目")

    def items(self, scope: Scope) -> list[Any]:
        entries = in_default_language(visible(CatalogEntryPage.objects.live().public()))
        entries = entries.descendant_of(source_page(scope.catalog) or scope.catalog)
        if scope.organisation is not None:
            entries = entries.filter(publisher=scope.organisation)
        if scope.topic is not None:
            entries = entries.filter(filed_under("topic_category", scope.topic))
        newest = list(entries.select_related("publisher").order_by("-publish_date", "-pk")[:ITEMS])
        self._request = scope.request
        return in_reader_language(newest, scope.request, select_related=("publisher",))

    def item_title(self, entry: CatalogEntryPage) -> str:
        return entry.title

    def item_link(self, entry: CatalogEntryPage) -> str:
        return in_active_language(entry.get_url(self._request))

    def item_description(self, entry: CatalogEntryPage) -> str:
        return entry.summary

    def item_author_name(self, entry: CatalogEntryPage) -> str:
        return entry.publisher.label if entry.publisher_id else ""

    def item_pubdate(self, entry: CatalogEntryPage) -> datetime.datetime | None:
        if entry.publish_date is None:
            return entry.first_published_at
        return timezone.make_aware(datetime.datetime.combine(entry.publish_date, datetime.time.min))

    def item_updateddate(self, entry: CatalogEntryPage) -> datetime.datetime | None:
        return entry.last_published_at


@cacheable
def feed(request: HttpRequest, kind: str, **scope: int) -> HttpResponse:
    """One feed object per request: it keeps the request for its items' links."""
    if kind not in FORMATS:
        raise Http404
    return mark_public(request, EntryFeed(FORMATS[kind])(request, **scope))
