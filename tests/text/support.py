"""What the text tests share: does a query find a document, and noisy text for property tests."""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from disclosure_pages.text import query_token_sets, segment_for_index


def index_tokens(text: str) -> set[str]:
    return set(segment_for_index(text).split())


def matches(query: str, document: str) -> bool:
    """A query matches when all words of one of its forms are among the document's words."""
    tokens = index_tokens(document)
    return any(set(words) <= tokens for words in query_token_sets(query))


NOISY = st.text(
    alphabet=st.one_of(
        st.sampled_from(
            list("檔案館档案馆資訊信息公開开文件程式程序專案網路資料庫宜政辦秘號号〔〕【】[]()（）*＊/-kāi 　")
        ),
        st.sampled_from(list("０１２３４５６７８９ＡＢＣａｂｃ0123456789xX\n\t\u200b")),
        st.characters(),
    ),
    max_size=60,
)
PROPERTY_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
