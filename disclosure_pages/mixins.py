"""Behaviour every disclosure page type shares, as an abstract mixin a host can reuse."""

from __future__ import annotations

from django.apps import apps
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from wagtail.search import index
from wagtail.signals import page_unpublished

from .conf import get_setting
from .i18n import in_reader_language, reader_child, reader_locale, source_page
from .moderation.actor import acting_as, code_is_acting
from .moderation.guard import detaches_alias
from .moderation.publication import guarded_save, take_detached_alias_offline
from .page_text import page_text
from .pagebase import BasePage
from .public_cache.store import mark_public
from .text import segment_for_index
from .visibility import may_be_shown, visible


class DisclosurePageMixin(models.Model):
    """Marks a page as government information subject to disclosure rules.

    Gives templates the portal the page belongs to (for the left navigation) and the
    base template configured by ``DISCLOSURE_BASE_TEMPLATE``.

    A page type plugs into moderation through declarations (attributes without a default
    here, so that a mixin after this one in the bases, such as ``CatalogEntryMixin``, can
    declare them) and a method:

    * ``organisation_field``: the foreign key to its Organisation (发布机构), e.g. ``"publisher"``;
    * ``non_content_fields``: fields that are bookkeeping, not what the page says, left out of its review;
    * :meth:`publication_refusal`: why it may not be public whatever its review says.
    """

    is_disclosure_page = True

    # Pre-segmented Chinese for the full-text index (see page_text.py); page types
    # with their own search_fields add these. Title-like text gets the higher boost.
    disclosure_search_fields = [
        index.SearchField("search_title", boost=3),
        index.SearchField("search_document"),
    ]
    search_fields = BasePage.search_fields + disclosure_search_fields

    class Meta:
        abstract = True

    @cached_property
    def disclosure_portal(self):
        # The portal is a disclosure page itself: found through the registry, not an import.
        DisclosurePortalPage = apps.get_model("disclosure_pages", "DisclosurePortalPage")
        if isinstance(self, DisclosurePortalPage):
            return self
        return (
            DisclosurePortalPage.objects.ancestor_of(self).live().order_by("-depth").first()
        )

    def route(self, request, path_components):
        """A reader of another language reaches the pages not translated yet too (see i18n)."""
        if not path_components:
            if not self.live and reader_locale(request) is not None:  # a translation waiting for review
                source = source_page(self)
                if source is not None and source.live:
                    return source.specific.route(request, path_components)
            return super().route(request, path_components)
        child = reader_child(self, path_components[0], request)
        if child is None:
            raise Http404
        return child.specific.route(request, path_components[1:])

    def serve(self, request, *args, **kwargs):
        """Only what citizens may see, whose copy may be cached: any change it shows ends the copy (public_cache).

        A live page whose 公开方式 is not 主动公开 cannot come about through publishing (the
        guard refuses it); should a writer holding a publication pass make one, it is still 404.
        """
        if not may_be_shown(self):
            raise Http404
        return mark_public(request, super().serve(request, *args, **kwargs))

    def save(self, *args, **kwargs):
        """Every write of a disclosure page's content passes the confidentiality guard."""
        detached = detaches_alias(self, kwargs.get("update_fields"))
        if detached:
            kwargs["update_fields"] = take_detached_alias_offline(self, kwargs["update_fields"])
        with guarded_save(self, kwargs.get("update_fields")):
            result = super().save(*args, **kwargs)
        if detached:
            page_unpublished.send(sender=self.specific_class, instance=self)
        return result

    def publish(self, revision, user=None, **kwargs):
        """The publishing user is the actor of the four-eyes check (moderation/four_eyes.py)."""
        if user is None or code_is_acting():  # e.g. an import naming its reviewer
            return super().publish(revision, user=user, **kwargs)
        with acting_as(user):
            return super().publish(revision, user=user, **kwargs)

    def publication_refusal(self) -> str | None:
        """Why this page may not be live whatever its review says, or None; the guard asks before any review.

        The guard itself refuses information whose 公开方式 is not 主动公开; a page type with
        reasons of its own extends this (or a mixin after this one in its bases provides
        ``publication_refusal`` too, and is asked next).
        """
        more = getattr(super(), "publication_refusal", None)
        return more() if more is not None else None

    def fingerprint_content(self, content: dict) -> dict:
        """The content as the confidentiality fingerprint sees it.

        A page type whose validation rewrites equivalent values (numbers typed as text)
        normalises them here, so that approving a draft and publishing it agree.
        """
        return content

    def search_title(self) -> str:
        """Title, 文号 and 索引号 as space-separated words in every script (boosted)."""
        return segment_for_index(page_text(self).title_text)

    def search_document(self) -> str:
        """The rest of the page's text, segmented: FTS tokenisers cannot cut Chinese."""
        return segment_for_index(page_text(self).body_text)

    @classmethod
    def get_indexed_objects(cls):
        """Only what citizens may read: live, no view restriction and, for entries, 主动公开."""
        return visible(super().get_indexed_objects())

    def get_indexed_instance(self):
        """The specific page while it is live and 主动公开, else None (so a save never indexes it)."""
        instance = super().get_indexed_instance()
        return instance if instance is not None and may_be_shown(instance) else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["base_template"] = get_setting("DISCLOSURE_BASE_TEMPLATE")
        portal = self.disclosure_portal  # in the reader's language, on a page not translated yet too
        context["portal"] = in_reader_language([portal], request)[0] if portal is not None else None
        return context

