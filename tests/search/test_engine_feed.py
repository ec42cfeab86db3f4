"""What the database backends read of a page in one indexing pass (backends.engine_feed), no database."""

from __future__ import annotations

from modelsearch.index import AutocompleteField, FilterField, RelatedFields, SearchField

from disclosure_pages.models import CatalogEntryPage
from disclosure_search.backends.engine_feed import split_fields


def _entry():
    """A catalog entry object that was never saved (its __init__ would look up its content type)."""
    return object.__new__(CatalogEntryPage)


def _asked(obj, fields):
    asked = []

    def prepare_field(obj, field):
        asked.append(field.field_name)
        if isinstance(field, RelatedFields):
            for sub in field.fields:
                yield sub, f"{field.field_name}.{sub.field_name}"
        elif not isinstance(field, FilterField):
            yield field, f"<{field.field_name}>"

    return asked, split_fields(obj, fields, prepare_field, autocomplete_item=lambda text: ("D", text))


def test_a_disclosure_page_reads_only_the_fields_its_entry_keeps(monkeypatch):
    monkeypatch.setattr(CatalogEntryPage, "search_title", lambda self: "关于 防汛 的 通知")
    asked, (title, body, autocomplete) = _asked(_entry(), CatalogEntryPage.get_search_fields())
    # Not the rich body, 文号, summary or publisher: their text is in search_document already
    # (segmented), and computing the rich body's searchable text costs an HTML parse.
    assert sorted(set(asked)) == ["search_document", "search_title", "title"]
    assert title == ["<title>"]
    assert body == ["<search_title>", "<search_document>"]
    assert autocomplete == ["<title>", ("D", "关于 防汛 的 通知")]


def test_related_fields_are_read_when_they_hold_a_kept_field(monkeypatch):
    monkeypatch.setattr(CatalogEntryPage, "search_title", lambda self: "")
    fields = [
        RelatedFields("publisher", [SearchField("name")]),
        RelatedFields("owner", [AutocompleteField("username")]),
        SearchField("summary"),
    ]
    asked, (title, body, autocomplete) = _asked(_entry(), fields)
    assert asked == ["owner"]
    assert autocomplete[0] == "owner.username" and body == [] and title == []


def test_other_pages_keep_every_field():
    class Plain:
        pass

    fields = [SearchField("title"), SearchField("summary"), AutocompleteField("title"), FilterField("live")]
    asked, (title, body, autocomplete) = _asked(Plain(), fields)
    assert asked == ["title", "summary", "title", "live"]
    assert title == ["<title>"] and body == ["<summary>"] and autocomplete == ["<title>"]
