"""How many entries of a listing each term, organ, year and 有效性 holds.

The filters show the counts and hide what would find nothing. A count is a GROUP BY per
dimension over the listing's entries (tens of milliseconds at 100,000), so the counts are
made once per listing and content generation and then read from the cache: any change
citizens could see draws a new generation (public_cache), so they are never stale.
"""

from __future__ import annotations

from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractYear

from ..conf import get_setting
from ..public_cache import store

Counts = dict[str, dict[str, int]]


def _grouped(entries: QuerySet, field: str) -> dict[str, int]:
    rows = entries.order_by().values_list(field).annotate(n=Count("pk", distinct=True))
    return {str(value): n for value, n in rows if value is not None}


def count(entries: QuerySet, fields: dict[str, str]) -> Counts:
    """Counts by filter parameter: ``{"topic": {"12": 4, …}, "year": {"2024": 9}, …}``."""
    counts = {param: _grouped(entries, field) for param, field in fields.items()}
    counts["year"] = _grouped(entries.annotate(publish_year=ExtractYear("publish_date")), "publish_year")
    return counts


def cached_count(entries: QuerySet, fields: dict[str, str], listing: str) -> Counts:
    """:func:`count`, from the cache while the content generation is the same."""
    generation = store.current_generation()
    if generation is None:
        return count(entries, fields)
    key = f"disclosure:counts:{generation}:{listing}"
    found = store.cache().get(key)
    if found is None:
        found = count(entries, fields)
        store.cache().set(key, found, get_setting("DISCLOSURE_PUBLIC_CACHE_SECONDS") or 60)
    return found
