"""wagtail-localize's machine translator for the portal's scripts: OpenCC, Simplified ⇄ Traditional.

Configured with ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS":
"disclosure_pages.translation.machine.OpenCCTranslator"}``. It runs in the process, needs no
service or key, and translates only between Chinese scripts; English stays a human's work.
The Traditional conventions (Hong Kong characters, or Taiwan characters and wording) are
the webmaster's choice in 信息公开设置, unless the target language names its region (zh-tw,
zh-hk). What it keeps, and why: :mod:`disclosure_pages.text.conversion`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.strings import StringValue

from disclosure_pages.i18n import reads_traditional
from disclosure_pages.site_settings import DisclosureSettings
from disclosure_pages.taxonomy.models import Organisation
from disclosure_pages.text.conversion import Direction, Variant, convert_for_translation

_SIMPLIFIED = ("zh-hans", "zh-cn", "zh-sg", "zh-my")
# A Traditional language that names its region chooses the conventions itself.
_REGION_VARIANTS = {"zh-tw": "tw", "zh-hk": "hk", "zh-mo": "hk"}


def _script(language_code: str) -> str | None:
    code = language_code.lower()
    if code in _SIMPLIFIED:
        return "hans"
    if reads_traditional(code):
        return "hant"
    return None


def direction(source_language: str, target_language: str) -> Direction | None:
    """``to_traditional`` or ``to_simplified``, or None for any other pair of languages."""
    scripts = (_script(source_language), _script(target_language))
    return {("hans", "hant"): "to_traditional", ("hant", "hans"): "to_simplified"}.get(scripts)  # type: ignore[return-value]


def site_variant() -> Variant:
    """The default site's choice (信息公开设置 › 繁体版); Hong Kong characters if none is made."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return "hk"
    return DisclosureSettings.for_site(site).traditional_variant or "hk"  # type: ignore[return-value]


def protected_names() -> list[str]:
    """Names conversion must not reword: every organisation's, and the body's own."""
    names: list[str] = []
    for name, short_name in Organisation.objects.values_list("name", "short_name"):
        names += [name, short_name]
    for settings in DisclosureSettings.objects.all():
        names += [settings.organisation_name, settings.host_organisation]
    return [name for name in names if name]


class OpenCCTranslator(BaseMachineTranslator):
    """One instance serves one action (a page, a section): the protected names and the site's
    conventions are read once per instance, not once per page."""

    display_name = _("OpenCC 简繁转换")

    @cached_property
    def _names(self) -> list[str]:
        return protected_names()

    @cached_property
    def _site_variant(self) -> Variant:
        return site_variant()

    def can_translate(self, source_locale: Any, target_locale: Any) -> bool:
        return direction(source_locale.language_code, target_locale.language_code) is not None

    def translate(self, source_locale: Any, target_locale: Any, strings: Iterable[Any]) -> dict[Any, StringValue]:
        way = direction(source_locale.language_code, target_locale.language_code)
        if way is None:
            return {}
        traditional = target_locale if way == "to_traditional" else source_locale
        variant = _REGION_VARIANTS.get(traditional.language_code.lower()) or self._site_variant
        return {
            string: StringValue(convert_for_translation(string.data, direction=way, variant=variant, names=self._names))
            for string in strings
        }


def fill_missing_strings(translation: Any, user: Any = None, translator: Any = None) -> int:
    """Machine-translate the strings of ``translation`` (wagtail-localize) that have none yet;
    a person's translations stay theirs. Returns how many were filled.

    What the editor's "Translate with OpenCC" button does (wagtail-localize's
    ``apply_machine_translation``), for work done on an editor's behalf (keeping
    translations in step after any publisher's publication, translating a section): that
    function requires the acting user to edit each page, and makes a translator per call.
    """
    translator = translator or get_machine_translator()
    source, locale = translation.source, translation.target_locale
    if translator is None or not translator.can_translate(source.locale, locale):
        return 0
    done = set(
        StringTranslation.objects.filter(locale=locale, translation_of__segments__source=source).values_list(
            "translation_of_id", "context_id"
        )
    )
    missing = [
        segment
        for segment in StringSegment.objects.filter(source=source).select_related("string", "context")
        if (segment.string_id, segment.context_id) not in done
    ]
    if not missing:
        return 0
    values = {segment.string_id: segment.string.as_value() for segment in missing}
    translated = translator.translate(source.locale, locale, list(values.values()))
    for segment in missing:
        value = translated.get(values[segment.string_id])
        if value is None or value.data is None:
            continue
        StringTranslation.objects.get_or_create(
            translation_of_id=segment.string_id,
            locale=locale,
            context_id=segment.context_id,
            defaults={
                "data": value.data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                "tool_name": str(translator.display_name),
                "last_translated_by": user,
            },
        )
    return len(missing)
