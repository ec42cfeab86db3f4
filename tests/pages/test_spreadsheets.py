"""Every CSV export opens in Excel with its Chinese intact: it starts with the UTF-8 BOM."""

from __future__ import annotations

import csv
import io

import pytest

from disclosure_pages.spreadsheets import BOM

pytestmark = pytest.mark.django_db


def test_wagtail_s_own_reports_export_with_a_bom(admin_client, portal):
    response = admin_client.get("/admin/reports/aging-pages/", {"export": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content)
    assert body.startswith(BOM.encode()) and body.count(BOM.encode()) == 1
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert "政府信息公开" in {row[0] for row in rows[1:]}
