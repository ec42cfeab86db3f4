"""Files follow reviews: a document reaches citizens only as part of approved, public content.

When a disclosure page's approved content goes live (the guard's ``content_published``
signal), the documents it shows or links to are recorded with their file hashes
(:class:`~.published_files.PublishedFile`). A document is public while a publicly
visible page — the rule of ``disclosure_pages.visibility`` — has a row with the document's
*current* hash and stored name, so an upload nobody reviewed, or bytes other than the
reviewed ones, are never served: the download view, the documents API and anything else that asks
:func:`public_documents` agree.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction
from wagtail.permissions import policy_registry

from ..pagebase import BasePage
from ..visibility import visible
from .fingerprint import document_ids
from .guard import approval_for, is_disclosure_page
from .published_files import PublishedFile
from .signals import content_published

# What a logged-in admin user needs (on the document's collection) to get drafts' files.
ADMIN_DOCUMENT_ACTIONS = ("add", "change", "delete", "choose")


def _private_collections_q() -> Q:
    """Documents in a collection with a view restriction (its own or an ancestor's)."""
    q = Q()
    for path in CollectionViewRestriction.objects.values_list("collection__path", flat=True):
        q |= Q(collection__path__startswith=path)
    return q


def reviewed_documents(queryset: QuerySet | None = None) -> QuerySet:
    """``queryset`` narrowed to documents whose current file a publicly visible page publishes.

    Collection privacy is left to Wagtail's own serve hook (it asks for the password).
    """
    if queryset is None:
        queryset = get_document_model().objects.all()
    published = PublishedFile.objects.filter(
        document=OuterRef("pk"), file_hash=OuterRef("file_hash"), file=OuterRef("file"), page__in=visible(BasePage.objects.all())
    )
    return queryset.filter(Exists(published))


def public_documents(queryset: QuerySet | None = None) -> QuerySet:
    """``queryset`` (all documents by default) narrowed to what citizens may download.

    A document qualifies while a publicly visible page's approved live content contains
    exactly its current file, and no collection privacy hides it.
    """
    queryset = reviewed_documents(queryset)
    private = _private_collections_q()
    return queryset.exclude(private) if private else queryset


def is_public_document(document) -> bool:
    return public_documents(type(document)._default_manager.filter(pk=document.pk)).exists()


def is_reviewed_document(document) -> bool:
    return reviewed_documents(type(document)._default_manager.filter(pk=document.pk)).exists()


def may_see_unreviewed_documents(user, document) -> bool:
    """Admin users with a document permission on its collection (reviewers open drafts' files)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if not user.has_perm("wagtailadmin.access_admin"):
        return False
    policy = policy_registry.get_by_type(get_document_model())
    return policy.user_has_any_permission_for_instance(user, ADMIN_DOCUMENT_ACTIONS, document)


def write_published_files(page, *, new: bool = False) -> None:
    """(Re)write the rows of ``page``'s files from its content, which has just gone live.

    ``new``: the page was created in this publication (a bulk import), so it has no rows yet.
    """
    ids = document_ids(page)
    current = get_document_model().objects.filter(pk__in=ids).values_list("pk", "file_hash", "file") if ids else []
    if not new:  # one statement (no deletion collector: nothing refers to these rows)
        PublishedFile.objects.filter(page_id=page.pk)._raw_delete(PublishedFile.objects.db)
    PublishedFile.objects.bulk_create(
        [
            PublishedFile(page_id=page.pk, document_id=pk, file_hash=file_hash or "", file=name or "")
            for pk, file_hash, name in current
        ]
    )


@receiver(content_published, dispatch_uid="disclosure_pages_record_published_files")
def record_published_files(sender, page, review=None, fingerprint=None, new=False, **kwargs) -> None:
    write_published_files(page, new=new)


def pages_showing(document) -> QuerySet:
    """Live pages whose published content contains ``document`` (whatever its hash now)."""
    rows = PublishedFile.objects.filter(document_id=document.pk).values("page_id")
    return BasePage.objects.filter(live=True, pk__in=rows)


def record_files_of_live_pages() -> tuple[int, list]:
    """Record the files of live content published before the files table existed (an upgrade).

    Only where the live content still has an approval of exactly that content, so that a
    file replaced without review before the upgrade is not made public by it. Returns the
    number of pages recorded and the pages left unrecorded (they need a new review).
    """
    recorded, unreviewed = 0, []
    for page in BasePage.objects.live().specific().iterator(chunk_size=200):
        if not is_disclosure_page(page):
            continue
        if approval_for(page) is None:
            unreviewed.append(page)
            continue
        with transaction.atomic():
            write_published_files(page)
        recorded += 1
    return recorded, unreviewed
