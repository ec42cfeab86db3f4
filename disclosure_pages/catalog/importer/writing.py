"""Creating the checked entries under a catalog, in one transaction."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from ...moderation.models import Source
from ...moderation.permissions import is_confidentiality_reviewer
from ...taxonomy.models import ClassificationTerm
from ..bulk import BulkPublisher
from ..models import CatalogEntryPage, CatalogIndexPage
from .records import SLUG_PREFIX, EntryData, ImportResult, ImportSetupError

# --- setup -------------------------------------------------------------------------------------


def resolve_catalog(spec: str | int | None = None) -> CatalogIndexPage:
    """The catalog to import into: by id, by URL path, or the only one there is."""
    catalogs = CatalogIndexPage.objects.all()
    if spec is None or spec == "":
        found = list(catalogs[:2])
        if len(found) == 1:
            return found[0]
        if not found:
            raise ImportSetupError(_("没有政府信息公开目录页 (no CatalogIndexPage); create one first"))
        listing = "; ".join(f"{c.pk} {c.url_path}" for c in catalogs.order_by("path"))
        message = _("有多个目录页，请用 --catalog 指定 (several catalogs; pass --catalog): %(catalogs)s")
        raise ImportSetupError(message % {"catalogs": listing})
    spec = str(spec).strip()
    if spec.isdigit():
        catalog = catalogs.filter(pk=int(spec)).first()
    else:
        wanted = spec.strip("/")
        catalog = next(
            (
                c
                for c in catalogs
                if wanted in {c.url_path.strip("/"), (c.get_url_parts() or (None, None, ""))[2].strip("/")}
            ),
            None,
        )
    if catalog is None:
        message = _("找不到目录页「%(catalog)s」(no CatalogIndexPage with this id or URL path)")
        raise ImportSetupError(message % {"catalog": spec})
    return catalog


def resolve_reviewer(username: str, catalog: CatalogIndexPage):
    """The active confidentiality reviewer (保密审查员) on whose review the entries go live.

    Checked before anything is written. Reviewers usually cannot publish in the admin;
    the import publishes on the authority of whoever runs the command, and records the
    named reviewer's review of each entry.
    """
    user_model = get_user_model()
    user = user_model._default_manager.filter(**{user_model.USERNAME_FIELD: username}).first()
    if user is None:
        message = _("用户「%(user)s」不存在 (no such user)")
    elif not user.is_active:
        message = _("用户「%(user)s」已停用 (user is not active)")
    elif not is_confidentiality_reviewer(user):
        message = _("用户「%(user)s」不是保密审查员，不能为导入内容作审查记录 (not a confidentiality reviewer)")
    else:
        return user
    raise ImportSetupError(message % {"user": username})


# --- writing --------------------------------------------------------------------------------------


def existing_import_keys(keys: Iterable[str], chunk: int = 500) -> set[str]:
    """Which of ``keys`` are already used by an entry (in chunks: SQLite's variable limit)."""
    keys = list(keys)
    found: set[str] = set()
    for start in range(0, len(keys), chunk):
        found.update(
            CatalogEntryPage.objects.filter(import_key__in=keys[start : start + chunk]).values_list(
                "import_key", flat=True
            )
        )
    return found


#: Entries published per batch: enough to amortise each statement, few enough to keep memory flat.
BATCH_SIZE = 500
IMPORT_COMMENT = "批量导入的既有公开信息"


def write_entries(
    entries: Iterable[EntryData],
    catalog: CatalogIndexPage,
    *,
    reviewer=None,
    on_entry: Callable[[EntryData, bool], None] | None = None,
) -> ImportResult:
    """Create the entries under ``catalog`` in one transaction; skip already imported ones.

    ``entries`` is read a batch at a time (a generator keeps memory flat; if it raises, nothing
    is written). With a ``reviewer`` the entries are published in batches
    (:class:`~..bulk.BulkPublisher`: a revision, the reviewer's approval of exactly that
    content, 索引号, search index), otherwise each is saved as a draft. ``on_entry(entry,
    created)`` is called after each entry (progress bars).
    """
    result = ImportResult()
    with transaction.atomic():
        catalog = CatalogIndexPage.objects.get(pk=catalog.pk)  # fresh tree fields
        publisher = None
        if reviewer is not None:
            publisher = BulkPublisher(catalog, reviewer=reviewer, source=Source.IMPORT, comment=IMPORT_COMMENT)
        # Each batch is checked against what is stored, earlier batches of this import included
        # (same transaction): nothing remembered grows with the file.
        for batch in batches(entries, BATCH_SIZE):
            existing = existing_import_keys(e.import_key for e in batch)
            fresh: list[EntryData] = []
            for entry in batch:
                if entry.import_key in existing:
                    result.skipped += 1
                    if on_entry is not None:
                        on_entry(entry, False)
                    continue
                existing.add(entry.import_key)
                fresh.append(entry)
            audience_terms = ClassificationTerm.objects.in_bulk({i for e in fresh for i in e.audience_ids})
            pages = [entry.build_page(slug, audience_terms) for entry, slug in zip(fresh, _free_slugs(catalog, fresh))]
            result.created += len(pages)
            if publisher is not None:
                if pages:
                    result.page_ids.extend(publisher.publish(pages))
            else:
                for page in pages:
                    catalog.add_child(instance=page)
                    page.save_revision()
                    result.page_ids.append(page.pk)
            for entry in fresh:
                if on_entry is not None:
                    on_entry(entry, True)
        if publisher is not None:
            publisher.finish()
    return result


def batches(entries: Iterable[EntryData], size: int) -> Iterator[list[EntryData]]:
    """``entries`` in lists of ``size``: what one batch of queries handles."""
    batch: list[EntryData] = []
    for entry in entries:
        batch.append(entry)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _free_slugs(catalog: CatalogIndexPage, entries: list[EntryData]) -> list[str]:
    """A slug for each entry: the shortest prefix (12 hex digits or more) of its import key's
    digest that no page under ``catalog`` and no other entry of the batch has."""
    digests = [hashlib.sha256(entry.import_key.encode()).hexdigest() for entry in entries]
    slugs = [""] * len(entries)
    chosen: set[str] = set()
    pending = list(range(len(entries)))
    for length in range(12, 65, 4):
        if not pending:
            break
        candidates = {n: SLUG_PREFIX + digests[n][:length] for n in pending}
        taken = set(catalog.get_children().filter(slug__in=set(candidates.values())).values_list("slug", flat=True))
        still = []
        for n in pending:
            if candidates[n] in taken or candidates[n] in chosen:
                still.append(n)
            else:
                chosen.add(candidates[n])
                slugs[n] = candidates[n]
        pending = still
    if pending:
        raise RuntimeError(f"no free slug for {entries[pending[0]].import_key}")  # pragma: no cover
    return slugs
