"""Values computed once per object within a pass (disclosure_pages.memo), no database."""

from __future__ import annotations

from disclosure_pages.memo import PassMemo


class Page:
    def __init__(self, text: str) -> None:
        self.text = text


def test_within_a_pass_each_object_is_computed_once_and_afresh_after_it() -> None:
    calls = []
    memo = PassMemo(lambda page: calls.append(page) or page.text.upper())
    page, other = Page("a"), Page("b")
    assert memo(page) == "A" and memo(page) == "A" and len(calls) == 2  # no pass: every time
    with memo.active():
        with memo.active():  # nested passes share the outer one's values
            assert memo(page) == "A"
        page.text = "changed"
        assert memo(page) == "A" and memo(other) == "B"
    assert calls[2:] == [page, other]
    assert memo(page) == "CHANGED"  # the pass is over: read afresh
