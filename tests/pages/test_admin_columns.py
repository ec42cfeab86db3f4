"""No admin list shows a raw True or False: yes/no fields read as words (启用, 工作日)."""

from __future__ import annotations

import re

import pytest
from wagtail.snippets.models import get_snippet_models

pytestmark = pytest.mark.django_db
RAW = re.compile(r">\s*(True|False|None)\s*<")
WORDS = re.compile(r">\s*(启用|停用|工作日|休息日)\s*<")


def test_every_snippet_list_reads_as_words(admin_client):
    seen = 0
    for model in get_snippet_models():
        response = admin_client.get(f"/admin/snippets/{model._meta.app_label}/{model._meta.model_name}/")
        assert response.status_code == 200, model.__name__
        html = response.content.decode()
        assert RAW.findall(html) == [], model.__name__
        seen += len(WORDS.findall(html))
    assert seen > 0  # the standard terms are listed as 启用
