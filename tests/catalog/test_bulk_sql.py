"""Many rows in one statement (catalog.bulk_sql): each object gets its own row's id, values intact."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Revision

from disclosure_pages.catalog.bulk_sql import insert_returning_ids
from disclosure_pages.pagebase import BasePage

pytestmark = pytest.mark.django_db


def test_each_object_gets_the_id_of_its_own_row(monkeypatch) -> None:
    monkeypatch.setattr("disclosure_pages.catalog.bulk_sql.MAX_PARAMETERS", 16)  # several statements
    page_type = ContentType.objects.get_for_model(BasePage)
    now = timezone.now()
    contents = [
        {"title": f'关于"引号"与\\反斜杠的通知{n}', "body": '[{"type": "paragraph", "value": "<p>\\"x\\"</p>"}]'}
        for n in range(7)
    ]
    revisions = [
        Revision(
            content_type=page_type,
            base_content_type=page_type,
            object_id=str(1000 + n),
            object_str=content["title"],
            content=content,
            created_at=now,
        )
        for n, content in enumerate(contents)
    ]
    insert_returning_ids(revisions)
    assert all(not revision._state.adding for revision in revisions)
    assert len({revision.pk for revision in revisions}) == 7
    stored = {revision.pk: (revision.object_id, revision.content) for revision in Revision.objects.all()}
    for n, revision in enumerate(revisions):
        assert stored[revision.pk] == (str(1000 + n), contents[n])


def test_nothing_to_insert_sends_nothing(django_assert_num_queries) -> None:
    with django_assert_num_queries(0):
        insert_returning_ids([])
