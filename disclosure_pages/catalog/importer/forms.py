"""One line of an import file as a Django form: the JSON object is the form's data.

Organisations and terms come from :class:`.Lookups`, read once per import, so that a
line costs no query. Errors become :class:`.Problem` records named by the line's own
keys (``classifications.topic`` for a key inside ``classifications``).
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ...text.cleaning import clean_inline, clean_text, text_to_paragraphs
from ..models import CatalogEntryPage, Validity
from .classifications import classify
from .fields import IsoDateField, KeywordsField, LabelChoiceField, ObjectField, SharedFields, SourceIdField, TextField
from .lookups import Lookups
from .reading import field_label
from .records import (
    ID_PREFIX,
    MAX_BODY,
    MAX_DOC_NUMBER,
    MAX_ID,
    MAX_KEYWORDS,
    MAX_SUMMARY,
    MAX_TITLE,
    EntryData,
    Problem,
    content_key,
    shown,
)

# Values seen on real portals for the same choices (有效 on gov.cn mirrors, §2.2).
VALIDITY_ALIASES = {"有效": Validity.IN_FORCE, "失效": Validity.EXPIRED, "废止": Validity.REPEALED}
# An unpaired ***marker*** at either end of a 文号 (two asterisks may be a redaction: **政发).
_STRAY_MARKERS = re.compile(r"^\*{3,}|\*{3,}$")


def _doc_number(value: str) -> str:
    return _STRAY_MARKERS.sub("", clean_inline(value)).strip()


def _total_length(paragraphs: list[str]) -> int:
    return sum(map(len, paragraphs))


def _model_field(name: str) -> Any:
    return CatalogEntryPage._meta.get_field(name)


class ImportLineForm(forms.Form):
    """Checks one line against ``lookups``; :meth:`entry` is the result, :attr:`warnings` the doubts."""

    title = TextField(
        tidy=clean_inline,
        blank=False,
        max_length=MAX_TITLE,
        error_messages={
            "blank": gettext_lazy("标题为空 (empty)"),
            "max_length": gettext_lazy("标题过长：%(show_value)d 字，最多 %(limit_value)d (too long)"),
        },
    )
    body = TextField(
        tidy=text_to_paragraphs,
        max_length=MAX_BODY,
        measure=_total_length,
        error_messages={"max_length": gettext_lazy("正文过长：%(show_value)d 字，最多 %(limit_value)d (too long)")},
    )
    published = IsoDateField()
    written = IsoDateField(required=False)
    publisher = TextField()
    doc_number = TextField(
        tidy=_doc_number,
        max_length=MAX_DOC_NUMBER,
        error_messages={"max_length": gettext_lazy("文号过长：%(show_value)d 字，最多 %(limit_value)d (too long)")},
    )
    genre = TextField()
    classifications = ObjectField(required=False)
    summary = TextField(
        required=False,
        tidy=clean_text,
        empty_value="",
        max_length=MAX_SUMMARY,
        error_messages={"max_length": gettext_lazy("内容概述过长：%(show_value)d 字，最多 %(limit_value)d (too long)")},
    )
    keywords = KeywordsField(
        required=False,
        max_length=MAX_KEYWORDS,
        error_messages={"max_length": gettext_lazy("主题词过长：%(show_value)d 字，最多 %(limit_value)d (too long)")},
    )
    id = SourceIdField(
        required=False,
        max_length=MAX_ID,
        error_messages={"max_length": gettext_lazy("过长：%(show_value)d 字符，最多 %(limit_value)d (too long)")},
    )
    validity = LabelChoiceField(_model_field("validity"), aliases=VALIDITY_ALIASES)
    disclosure_mode = LabelChoiceField(_model_field("disclosure_mode"))
    disclosure_scope = LabelChoiceField(_model_field("disclosure_scope"))

    def __init__(self, data: dict[str, Any], *, lookups: Lookups, line: int) -> None:
        super().__init__(data)
        self.lookups, self.line = lookups, line
        self.warnings = [
            Problem(line, field_label(name), _("未知字段，已忽略 (unknown field, ignored)"))
            for name in data
            if name not in self.fields
        ]

    def warn(self, label: str, message: str) -> None:
        self.warnings.append(Problem(self.line, label, message))

    def clean_body(self) -> list[str]:
        paragraphs = self.cleaned_data["body"]
        if not paragraphs:
            self.warn("body", _("正文为空 (empty body)"))
        return paragraphs

    def clean_publisher(self) -> int:
        value = self.cleaned_data["publisher"]
        organisation = self.lookups.organisation(value)
        if organisation is not None:
            return organisation
        full_name = self.lookups.short_names.get(clean_inline(value))
        hint = (
            _("；「%(short)s」是简称，请用全称「%(full)s」") % {"short": value, "full": full_name} if full_name else ""
        )
        raise ValidationError(
            _("未找到发布机构「%(value)s」(no organisation with this name or code)%(hint)s"),
            code="unknown",
            params={"value": shown(value), "hint": hint},
        )

    def clean(self) -> dict[str, Any]:
        data = self.cleaned_data
        published, written = data.get("published"), data.get("written")
        if published and written and written > published:
            self.add_error(
                "written",
                ValidationError(
                    _("成文日期 %(written)s 晚于发布日期 %(published)s (after the publication date)"),
                    code="after_published",
                    params={"written": written, "published": published},
                ),
            )
        classified = classify(self.lookups, data.get("genre"), data.get("classifications") or {})
        for form_field, error in classified.errors:
            self.add_error(form_field, error)
        self.warnings.extend(Problem(self.line, label, message) for label, message in classified.warnings)
        data["terms"], data["audience"] = classified.terms, classified.audience
        return data

    def import_key(self) -> str:
        """``id:<source id>``, or without an id a hash of what identifies the entry."""
        data = self.cleaned_data
        if data["id"] is not None:
            return ID_PREFIX + data["id"]
        code = self.lookups.org_codes[data["publisher"]]
        return content_key(code, data["doc_number"], data["title"], data["published"])

    def problems(self) -> list[Problem]:
        """Every error, as ``line N: key: message``, in the order of the fields.

        An error about a key inside a field's value says so in its ``label`` parameter.
        """
        errors = self.errors.as_data()
        return [
            Problem(self.line, (error.params or {}).get("label", name), _message(error))
            for name in self.fields
            for error in errors.get(name, ())
        ]

    def entry(self) -> EntryData | None:
        """The checked entry, or None if the line has any error."""
        if not self.is_valid():
            return None
        data = self.cleaned_data
        return EntryData(
            line=self.line,
            import_key=self.import_key(),
            title=data["title"],
            paragraphs=data["body"],
            publish_date=data["published"],
            publisher_id=data["publisher"],
            doc_number=data["doc_number"],
            written_date=data["written"],
            validity=data["validity"],
            disclosure_mode=data["disclosure_mode"],
            disclosure_scope=data["disclosure_scope"],
            summary=data["summary"],
            keywords=data["keywords"],
            terms=data["terms"],
            audience_ids=data["audience"],
        )


def _message(error: ValidationError) -> str:
    return str(error.message % error.params if error.params else error.message)


ImportLineForm.base_fields = SharedFields(ImportLineForm.base_fields)
REQUIRED_FIELDS = tuple(name for name, field in ImportLineForm.base_fields.items() if field.required)
OPTIONAL_FIELDS = tuple(name for name, field in ImportLineForm.base_fields.items() if not field.required)
KNOWN_FIELDS = frozenset(ImportLineForm.base_fields)
