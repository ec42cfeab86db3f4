"""Applying the webmasters' synonyms and dictionary terms without a restart.

Saving or deleting either bumps a version in Django's cache (Redis in production, so
every process sees it); each process compares that version before it segments or
searches and reloads when it changed. With the local-memory cache of development,
a change reaches the process that made it (``runserver`` has one).
"""

from __future__ import annotations

import itertools
import logging
import threading
import uuid

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from disclosure_pages.text import add_terms, forms
from disclosure_pages.text.segment import remove_terms

from .models import DictionaryTerm, SearchSynonym

VERSION_KEY = "disclosure_search_vocabulary_version"
MAX_EXPANSIONS = 8

logger = logging.getLogger("disclosure_search")
_lock = threading.Lock()
_state: dict = {"version": None, "terms": set(), "synonyms": []}


def bump_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def _current_version() -> str:
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            version = uuid.uuid4().hex
            cache.add(VERSION_KEY, version, timeout=None)
            version = cache.get(VERSION_KEY, version)
    except Exception:
        # The cache is down: keep what this process applies (loaded once if nothing yet).
        logger.warning("The cache failed; the search vocabulary is not checked for changes", exc_info=True)
        return _state["version"] or "cache-unavailable"
    return version


def ensure_current() -> None:
    """Reload terms and synonyms if a webmaster changed them since this process last looked."""
    version = _current_version()
    if version == _state["version"]:
        return
    with _lock:
        if version == _state["version"]:
            return
        terms = {
            (t.term, t.frequency) for t in DictionaryTerm.objects.filter(is_active=True).only("term", "frequency")
        }
        removed = {term for term, _freq in _state["terms"]} - {term for term, _freq in terms}
        remove_terms(removed)
        add_terms(terms)
        groups = []
        for synonym in SearchSynonym.objects.filter(is_active=True).only("terms"):
            members = list(dict.fromkeys(forms(t).chars for t in synonym.term_list()))
            if len(members) > 1:
                groups.append(members)
        _state.update(version=version, terms=terms, synonyms=groups)


def vocabulary_version() -> str:
    """The version of the webmasters' vocabulary this process applies (reloaded if changed)."""
    ensure_current()
    return _state["version"]


def current_terms() -> frozenset[tuple[str, int | None]]:
    """The webmasters' active dictionary terms, as this process applies them."""
    ensure_current()
    return frozenset(_state["terms"])


def expand(query: str) -> list[str]:
    """The query and its variants with each synonym group member swapped for the others.

    Members are looked for in both Simplified forms of the query, character by character and
    with Taiwan/Hong Kong phrasing folded (資訊公開 → 信息公开), so a synonym group reaches a
    query in any script or regional wording.
    """
    ensure_current()
    variants = [query]
    for base in forms(query).search_forms:
        for group in _state["synonyms"]:
            present = [m for m in group if m in base]
            for member, other in itertools.product(present, group):
                if other != member:
                    variants.append(base.replace(member, other))
    return list(dict.fromkeys(variants))[: 1 + MAX_EXPANSIONS]


@receiver([post_save, post_delete], sender=SearchSynonym, dispatch_uid="search_synonym_changed")
@receiver([post_save, post_delete], sender=DictionaryTerm, dispatch_uid="search_term_changed")
def vocabulary_changed(sender, **kwargs) -> None:
    bump_version()
