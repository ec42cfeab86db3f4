"""Page types plug into moderation by declaration; moderation reads the declarations, never the types."""

from __future__ import annotations

from wagtail.models import get_page_models

from disclosure_pages.models import CatalogEntryPage, Organisation
from disclosure_pages.moderation.guard import is_disclosure_model, verdict
from disclosure_pages.page_text import organisation_field
from disclosure_pages.visibility import DisclosureMode


def test_every_page_type_with_an_organisation_declares_which_field_it_is():
    """A new page type with a 发布机构 must say so, or reviews, the queue and the diff would not show it."""
    for model in get_page_models():
        if not is_disclosure_model(model):
            continue
        organisations = [
            field.name for field in model._meta.concrete_fields if field.is_relation and field.related_model is Organisation
        ]
        assert organisation_field(model) == (organisations[0] if organisations else None), model


def test_the_disclosure_mode_rule_holds_whatever_a_page_type_declares(monkeypatch, db):
    """A page type's ``publication_refusal`` adds reasons; it cannot lift the 主动公开 rule."""
    monkeypatch.setattr(CatalogEntryPage, "publication_refusal", lambda self: None)
    entry = CatalogEntryPage(title="依申请公开的信息", disclosure_mode=DisclosureMode.ON_APPLICATION)
    assert "不是主动公开" in verdict(entry).reason
