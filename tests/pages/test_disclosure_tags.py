"""Template tags and filters of the public pages that need no database."""

from __future__ import annotations

import datetime

from django.utils import translation

from disclosure_pages.templatetags.disclosure_tags import cn_date


def test_cn_date_in_every_language():
    day = datetime.date(2024, 6, 2)
    with translation.override("zh-hans"):
        assert cn_date(day) == "2024年6月2日"
    with translation.override("zh-hant"):
        assert cn_date(day) == "2024年6月2日"
    with translation.override("en"):
        assert cn_date(day) == "2 June 2024"
        assert cn_date(datetime.datetime(2024, 12, 31, 23, 0, tzinfo=datetime.UTC)) == "1 January 2025"  # Shanghai time
    assert cn_date(None) == "" and cn_date("") == ""
