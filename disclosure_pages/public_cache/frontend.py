"""A front-end cache (a CDN, nginx, Varnish) in front of the portal: told to forget what changed.

Bodies that run one configure Wagtail's frontend cache invalidation
(``wagtail.contrib.frontend_cache`` and ``WAGTAILFRONTENDCACHE``). Wagtail then purges a page's
own URL when it is published or unpublished; a citizen also reads it in the listings above it,
in every language (translations and the pages served untranslated under ``/zh-hant/``), in the
feeds and in the sitemap. Those are purged too, on publishing, unpublishing, moving, deleting
and a change of view restriction. A change no signal announces (the ORM, SQL) reaches the
front-end cache only when its copy expires: public responses say ``s-maxage`` of
``DISCLOSURE_FRONTEND_CACHE_SECONDS``, and nothing while no front-end cache is configured.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from ..i18n import in_active_language
from ..pagebase import BasePage
from ..taxonomy.models import ClassificationTerm

FEED_KINDS = ("rss", "atom")


def enabled() -> bool:
    return apps.is_installed("wagtail.contrib.frontend_cache") and bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _in_every_language(root_url: str, path: str) -> set[str]:
    urls = set()
    for code in _languages():
        with translation.override(code):
            urls.add(root_url + in_active_language(path))
    return urls


def _steps(path: str) -> list[str]:
    """The tree paths of the pages above one at ``path`` (treebeard: four characters a level)."""
    return [path[:end] for end in range(4, len(path), 4)]


def urls_showing(pages: list[Any]) -> set[str]:
    """Every public URL that may show one of ``pages`` (specific pages): each one and the pages above
    them (their listings), in every language, the catalog's feeds and those of their organs and
    topics, and the sitemap. A constant number of queries for any number of pages."""
    if not pages:
        return set()
    paths = {step for page in pages for step in _steps(page.path)}
    above = BasePage.objects.filter(path__in=paths, depth__gt=1).only("id", "path", "url_path", "depth")
    urls: set[str] = set()
    root_url = ""
    for shown in [*pages, *above]:
        parts = shown.get_url_parts()
        if parts is not None:
            _site_id, root_url, path = parts
            urls |= _in_every_language(root_url, path)
    if not root_url:
        return urls
    organs = {page.publisher_id for page in pages if getattr(page, "publisher_id", None)}
    topics = {page.topic_category_id for page in pages if getattr(page, "topic_category_id", None)}
    topics |= set(ClassificationTerm.objects.filter(pk__in=topics, parent__isnull=False).values_list("parent_id", flat=True))
    scopes = [("disclosure_feed", {}), *(("disclosure_organ_feed", {"organ": pk}) for pk in organs),
              *(("disclosure_topic_feed", {"topic": pk}) for pk in topics)]  # fmt: skip
    for code in _languages():
        with translation.override(code):
            for name, scope in scopes:
                urls |= {root_url + url for kind in FEED_KINDS if (url := _reverse(name, kind=kind, **scope))}
    sitemap = _reverse("disclosure_sitemap")
    return urls | ({root_url + sitemap} if sitemap else set())


def _reverse(name: str, **kwargs: Any) -> str:
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:  # a host that did not mount the feeds or the sitemap
        return ""


def subtree(page: Any) -> list[Any]:
    """``page`` and every page under it, as their specific types (one query per page type)."""
    return list(BasePage.objects.descendant_of(page, inclusive=True).specific())


def purge(urls: set[str]) -> None:
    if not enabled() or not urls:
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    PurgeBatch(urls).purge()


# ------------------------------------------------------------------------------ receivers

_moving: dict[int, set[str]] = {}


def on_page_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    """page_published, page_unpublished, pre_delete of a page (each page of a deleted subtree)."""
    if isinstance(instance, BasePage) and enabled():
        purge(urls_showing([instance.specific]))


def before_move(sender: Any, instance: Any, **kwargs: Any) -> None:
    """The subtree's addresses before it moves: they stop answering."""
    if enabled():
        _moving[instance.pk] = urls_showing(subtree(instance))


def after_move(sender: Any, instance: Any, **kwargs: Any) -> None:
    old = _moving.pop(instance.pk, set())
    if enabled():
        purge(old | urls_showing(subtree(instance)))


def on_restriction_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A view restriction hides the page and everything under it."""
    page = getattr(instance, "page", None)
    if page is not None and enabled():
        purge(urls_showing(subtree(page)))


def connect() -> None:
    from django.db.models.signals import post_delete, post_save, pre_delete
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

    uid = "disclosure_pages_frontend_cache"
    page_published.connect(on_page_changed, dispatch_uid=f"{uid}_published")
    page_unpublished.connect(on_page_changed, dispatch_uid=f"{uid}_unpublished")
    pre_delete.connect(on_page_changed, dispatch_uid=f"{uid}_deleted")
    pre_page_move.connect(before_move, dispatch_uid=f"{uid}_before_move")
    post_page_move.connect(after_move, dispatch_uid=f"{uid}_after_move")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{uid}_restricted")
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{uid}_unrestricted")
