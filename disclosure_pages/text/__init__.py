"""Text analysis for the disclosure portal's full-text search (pure Python, no models).

:mod:`disclosure_pages.text.normalise` folds width, noise and script (Simplified, Hong Kong
and Taiwan Traditional) into a few normalised forms and extracts 文号/索引号;
:mod:`disclosure_pages.text.segment` cuts those forms into words with jieba and a
dictionary of the domain's terms. A search backend indexes
:func:`~disclosure_pages.text.segment.segment_for_index` and queries with
:func:`~disclosure_pages.text.segment.query_token_sets` (OR of ANDs).
"""

from .normalise import (
    DocNumber,
    IndexNumber,
    NormalisedForms,
    clean,
    docnum_forms,
    find_document_numbers,
    find_index_numbers,
    fold_width,
    forms,
    index_text,
    query_forms,
    to_traditional,
)
from .segment import (
    add_terms,
    query_token_sets,
    segment,
    segment_for_index,
    segment_query,
)

__all__ = [
    "DocNumber",
    "IndexNumber",
    "NormalisedForms",
    "add_terms",
    "clean",
    "docnum_forms",
    "find_document_numbers",
    "find_index_numbers",
    "fold_width",
    "forms",
    "index_text",
    "query_forms",
    "query_token_sets",
    "segment",
    "segment_for_index",
    "segment_query",
    "to_traditional",
]
