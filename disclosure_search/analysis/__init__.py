"""Text analysis for the disclosure portal's full-text search (pure Python, no models).

:mod:`disclosure_search.analysis.normalise` folds width, noise and script (Simplified, Hong Kong
and Taiwan Traditional) into a few normalised forms and extracts 文号/索引号;
:mod:`disclosure_search.analysis.segment` cuts those forms into words with jieba and a
dictionary of the domain's terms. A search backend indexes
:func:`~search.analysis.segment.segment_for_index` and queries with
:func:`~search.analysis.segment.query_token_sets` (OR of ANDs).
"""

from disclosure_search.analysis.normalise import (
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
from disclosure_search.analysis.segment import (
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
