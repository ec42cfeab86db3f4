"""Record the files of live content published before the files table existed (run once on upgrade).

Pages published since migration 0008 have their files recorded at publication. For older
live pages this writes the rows — but only where the live content still has an approval
of exactly that content, so that a file replaced without review before the upgrade is
not made public by it; those pages are listed and need a new review.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction

from ...mixins import DisclosurePageMixin
from ...moderation.files import write_published_files
from ...moderation.guard import approval_for
from ...pagebase import BasePage


class Command(BaseCommand):
    help = "为升级前已公开的页面记录其已审查的文件；当前内容未经审查的页面列出待重新审查。"

    def handle(self, *args, **options) -> None:
        recorded, unreviewed = 0, []
        for page in BasePage.objects.live().specific().iterator(chunk_size=200):
            if not isinstance(page, DisclosurePageMixin):
                continue
            if approval_for(page) is None:
                unreviewed.append(page)
                continue
            with transaction.atomic():
                write_published_files(page)
            recorded += 1
        self.stdout.write(f"已记录 {recorded} 个页面的文件。")
        for page in unreviewed:
            self.stdout.write(f"未记录（当前内容没有对应的保密审查通过记录，请重新提交审核）：{page.pk} {page.title}")
