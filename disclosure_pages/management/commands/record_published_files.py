"""Record the files of live content published before the files table existed (run once on upgrade).

Pages published since migration 0008 have their files recorded at publication; for older
live pages see :func:`disclosure_pages.moderation.files.record_files_of_live_pages`.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from ...moderation.files import record_files_of_live_pages


class Command(BaseCommand):
    help = "为升级前已公开的页面记录其已审查的文件；当前内容未经审查的页面列出待重新审查。"

    def handle(self, *args, **options) -> None:
        recorded, unreviewed = record_files_of_live_pages()
        self.stdout.write(f"已记录 {recorded} 个页面的文件。")
        for page in unreviewed:
            self.stdout.write(f"未记录（当前内容没有对应的保密审查通过记录，请重新提交审核）：{page.pk} {page.title}")
