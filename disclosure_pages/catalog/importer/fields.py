"""Form fields that take one value of a JSON line as parsed.

A line is untrusted JSON: a field must tell an absent key from a ``null``, and refuse
the number or list that Django's own fields would quietly turn into a string. Blank
strings and empty lists are values here (an empty 文号, an empty body), not "missing".
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable
from typing import Any

from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ...text.cleaning import clean_inline
from .lookups import untranslated
from .records import shown

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_KEYWORD_SEPARATORS = re.compile(r"[\s,，;；、]+")


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class JsonValue(forms.Widget):
    """Hands the field the value as parsed, or MISSING for an absent key."""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        return data.get(name, MISSING)


class MaxLength(validators.MaxLengthValidator):
    """A column's limit, measured as the field's value needs (a body: all its paragraphs)."""

    def __init__(self, limit_value: int, measure: Callable[[Any], int] = len) -> None:
        super().__init__(limit_value)
        self.measure = measure

    def clean(self, x: Any) -> int:
        return self.measure(x)


class SharedFields(dict):
    """A form's ``base_fields`` used as they are by each form, not deep-copied for each.

    These fields keep no state per form, and an import makes one form per line.
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, forms.Field]:
        return dict(self)


class JsonField(forms.Field):
    """An absent key or ``null`` is "no value"; any other value goes to :meth:`convert`."""

    widget = JsonValue
    empty_values = [None]
    empty_value: Any = None
    default_error_messages = {
        "required": _("缺少必填字段 (required field missing)"),
        "type": _("应为字符串，实为 %(type)s (must be a string)"),
    }

    def __init__(
        self,
        *,
        max_length: int | None = None,
        measure: Callable[[Any], int] = len,
        empty_value: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if empty_value is not None:
            self.empty_value = empty_value
        if max_length is not None:
            self.validators.append(MaxLength(max_length, measure))

    def to_python(self, value: Any) -> Any:
        if value is MISSING or (value is None and not self.required):
            return None
        return self.convert(value)

    def convert(self, value: Any) -> Any:
        return value

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        return self.empty_value if value is None else value

    def wrong_type(self, value: Any) -> ValidationError:
        return ValidationError(self.error_messages["type"], code="type", params={"type": type(value).__name__})


class TextField(JsonField):
    """A string, tidied (``tidy``) before its length is measured; ``blank=False`` refuses ""."""

    def __init__(self, *, tidy: Callable[[str], Any] | None = None, blank: bool = True, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.tidy, self.blank = tidy, blank

    def convert(self, value: Any) -> Any:
        if not isinstance(value, str):
            raise self.wrong_type(value)
        return self.tidy(value) if self.tidy else value

    def validate(self, value: Any) -> None:
        super().validate(value)
        if not self.blank and value == "":
            raise ValidationError(self.error_messages["blank"], code="blank")


class IsoDateField(JsonField):
    """YYYY-MM-DD only: the one spelling every source system can be asked for."""

    default_error_messages = {
        "format": _("「%(value)s」不是 YYYY-MM-DD 格式 (expected YYYY-MM-DD)"),
        "no_such_date": _("日期不存在：%(value)s (no such date)"),
    }

    def convert(self, value: Any) -> datetime.date | None:
        if not isinstance(value, str):
            raise self.wrong_type(value)
        value = value.strip()
        if not value and not self.required:
            return None
        if not _ISO_DATE.fullmatch(value):
            raise ValidationError(self.error_messages["format"], code="format", params={"value": shown(value)})
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise ValidationError(
                self.error_messages["no_such_date"], code="no_such_date", params={"value": value}
            ) from None


@functools.cache
def _choice_keys(model_field: models.Field, aliases: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Key, Chinese label or alias -> key; built on first use, when translations are ready."""
    keys = dict(aliases)
    for value, label in model_field.choices:
        keys[value] = value
        keys[untranslated(label)] = value
    return keys


class LabelChoiceField(JsonField):
    """One of a model field's choices, by key or Chinese label; blank gives the field's default."""

    default_error_messages = {"unknown": _("未知取值「%(value)s」(unknown value); 可用: %(allowed)s")}

    def __init__(self, model_field: models.Field, aliases: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(required=False, **kwargs)
        self.model_field, self.aliases = model_field, tuple((aliases or {}).items())
        self.empty_value = model_field.default

    def convert(self, value: Any) -> str | None:
        if not isinstance(value, str):
            raise self.wrong_type(value)
        if not value.strip():
            return None
        keys = _choice_keys(self.model_field, self.aliases)
        key = keys.get(value.strip()) or keys.get(value.strip().lower())
        if key is None:
            allowed = "、".join(label for label, key in keys.items() if label != key)
            raise ValidationError(
                self.error_messages["unknown"], code="unknown", params={"value": shown(value), "allowed": allowed}
            )
        return key


class KeywordsField(JsonField):
    """主题词 as a string or a list; stored once each, separated by spaces."""

    empty_value = ""
    default_error_messages = {"type": _("应为字符串或字符串列表 (must be a string or a list of strings)")}

    def convert(self, value: Any) -> str:
        if isinstance(value, str):
            words = _KEYWORD_SEPARATORS.split(clean_inline(value))
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            words = [w for v in value for w in _KEYWORD_SEPARATORS.split(clean_inline(v))]
        else:
            raise self.wrong_type(value)
        return " ".join(dict.fromkeys(w for w in words if w))


class SourceIdField(JsonField):
    """The source system's id, a string or an integer (JSON exporters write either)."""

    default_error_messages = {"type": _("应为字符串或整数 (must be a string or an integer)")}

    def convert(self, value: Any) -> str | None:
        if isinstance(value, str) and value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise self.wrong_type(value)
        return str(value).strip()


class ObjectField(JsonField):
    """A JSON object, handed on as it is (its keys are checked by the form)."""

    default_error_messages = {"type": _("应为对象 {维度: 分类} (must be an object: dimension -> term)")}

    def convert(self, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.wrong_type(value)
        return value
