"""A query's word sets (a document matches if it has every word of any set) as one boolean
expression, with the words several sets share said once.

A query in Traditional or Taiwan phrasing has several readings that share words:
政府資訊公開 is (政府 资讯 公开) or (政府信息公开) or, through a synonym, (政府 政务公开).
Both engines rank by reading every phrase of the expression in every matching document
(FTS5's bm25, PostgreSQL's ts_rank), so 政府 written twice was read twice: factored,
(政府 AND ((资讯 AND 公开) OR 政务公开)) OR 政府信息公开 matches the same documents and
ranks the broadest queries a sixth faster. A set that holds all the words of another adds
nothing (A or (A and B) is A) and is dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Node:
    op: str  # "and" or "or"
    items: tuple[Node | str, ...]


def expression(word_sets: Sequence[Sequence[str]]) -> Node | str | None:
    """The OR of the ANDs of ``word_sets`` (empty words and sets ignored), shared words factored."""
    sets = []
    for words in word_sets:
        kept = tuple(dict.fromkeys(word for word in words if word))
        if kept and kept not in sets:
            sets.append(kept)
    sets = [s for s in sets if not any(other != s and set(other) <= set(s) for other in sets)]
    return _factor(sets) if sets else None


def _factor(sets: list[tuple[str, ...]]) -> Node | str:
    if len(sets) == 1:
        return _and(sets[0])
    counts = Counter(word for words in sets for word in words)
    word, shared = max(counts.items(), key=lambda item: item[1])  # the first of the most shared
    if shared < 2:
        return Node("or", tuple(_and(words) for words in sets))
    rests = [tuple(w for w in words if w != word) for words in sets if word in words]
    others = [words for words in sets if word not in words]
    # No rest is empty: a set that was the shared word alone would have absorbed the others.
    factored: Node | str = Node("and", (word, _factor(rests)))
    if not others:
        return factored
    rest = _factor(others)
    return Node("or", (factored, *(rest.items if isinstance(rest, Node) and rest.op == "or" else (rest,))))


def _and(words: tuple[str, ...]) -> Node | str:
    return words[0] if len(words) == 1 else Node("and", words)


def render(node: Node | str, word: Callable[[str], str], ops: dict[str, str], *, top: bool = True) -> str:
    """``node`` as text: each word through ``word``, ``ops`` naming AND and OR; groups in
    parentheses (the top-level OR's members too, each in its own)."""
    if isinstance(node, str):
        return f"({word(node)})" if top else word(node)
    if node.op == "or" and top:
        return f" {ops['or']} ".join(render(item, word, ops, top=True) for item in node.items)
    return "(" + f" {ops[node.op]} ".join(render(item, word, ops, top=False) for item in node.items) + ")"
