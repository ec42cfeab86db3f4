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


def urls_showing(page: Any) -> set[str]:
    """Every public URL that may show ``page``: itself and the pages above it (their listings),
    in every language, the catalog's feeds and the sitemap."""
    urls: set[str] = set()
    root_url = ""
    for shown in [page, *BasePage.objects.ancestor_of(page).filter(depth__gt=1)]:
        parts = shown.get_url_parts()
        if parts is None:
            continue
        _site_id, root_url, path = parts
        urls |= _in_every_language(root_url, path)
    if not root_url:
        return urls
    scopes: list[dict[str, Any]] = [{}]
    specific = page.specific
    if getattr(specific, "publisher_id", None):
        scopes.append({"organ": specific.publisher_id})
    topic = getattr(specific, "topic_category", None) if getattr(specific, "topic_category_id", None) else None
    if topic is not None:
        scopes += [{"topic": pk} for pk in (topic.pk, topic.parent_id) if pk]
    for code in _languages():
        with translation.override(code):
            for scope in scopes:
                name = "disclosure_feed" if not scope else f"disclosure_{next(iter(scope))}_feed"
                for kind in FEED_KINDS:
                    try:
                        urls.add(root_url + reverse(name, kwargs={"kind": kind, **scope}))
                    except NoReverseMatch:
                        break
    try:
        urls.add(root_url + reverse("disclosure_sitemap"))
    except NoReverseMatch:
        pass
    return urls


def purge(pages: list[Any]) -> None:
    if not enabled() or not pages:
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    for page in pages:
        batch.add_urls(urls_showing(page))
    batch.purge()


# ------------------------------------------------------------------------------ receivers

_moving: dict[int, set[str]] = {}


def on_page_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    """page_published, page_unpublished, pre_delete of a page."""
    if isinstance(instance, BasePage):
        purge([instance])


def before_move(sender: Any, instance: Any, **kwargs: Any) -> None:
    if enabled():
        _moving[instance.pk] = urls_showing(instance)


def after_move(sender: Any, instance: Any, **kwargs: Any) -> None:
    old = _moving.pop(instance.pk, set())
    if enabled():
        from wagtail.contrib.frontend_cache.utils import PurgeBatch

        PurgeBatch(old | urls_showing(instance)).purge()


def on_restriction_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A view restriction hides the page and everything under it."""
    page = getattr(instance, "page", None)
    if page is not None and enabled():
        purge([page, *BasePage.objects.descendant_of(page)])


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
