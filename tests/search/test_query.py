"""Query analysis and snippets: pure functions, tested without the database."""

from __future__ import annotations

from disclosure_search.engine_sql import fts5_match, postgres_tsquery
from disclosure_search.highlight import highlight
from disclosure_search.query import MAX_QUERY_LENGTH, clean_query, fts_words, marked_words


def test_clean_query_drops_control_characters_and_collapses_spaces():
    assert clean_query("\x00信息\u3000 公开\t\n") == ("信息 公开", [])
    assert clean_query(None) == ("", [])
    assert clean_query("\ud800") == ("", [])


def test_clean_query_cuts_long_queries_with_a_notice():
    text, notices = clean_query("信息公开" + "啊" * 10_000)
    assert len(text) == MAX_QUERY_LENGTH and text.startswith("信息公开")
    assert len(notices) == 1 and "过长" in notices[0]


def test_fts_operators_and_symbols_never_reach_the_index():
    assert fts_words('信息"公开') == ["信息", "公开"]
    assert fts_words("NEAR(信息*") == ["NEAR", "信息"]
    assert fts_words("^_^") == []
    assert fts_words("国办发2019") == ["国办发2019"]


def test_match_expression_is_an_or_of_quoted_ands():
    assert fts5_match([["信息", "公开"], ["信息公开"]]) == '("信息" AND "公开") OR ("信息公开")'
    assert fts5_match([['a"b'], []]) == '("ab")'
    assert fts5_match([]) == ""


def test_postgres_tsquery_is_the_same_or_of_ands_with_words_as_parameters():
    sql, params = postgres_tsquery([["信息", "公开"], ["信息公开"], []])
    parse = "plainto_tsquery('simple', %s)"
    assert sql == f"({parse} && {parse}) || ({parse})"
    assert params == ["信息", "公开", "信息公开"]
    assert postgres_tsquery([[""]]) == ("", [])


def test_highlight_escapes_everything_else():
    html = highlight("<script>信息公开</script>", ["信息"])
    assert html == "&lt;script&gt;<mark>信息</mark>公开&lt;/script&gt;"


def test_highlight_marks_traditional_text_and_writes_traditional_snippets():
    assert highlight("推動資訊公開", ["资讯"]) == "推動<mark>資訊</mark>公開"
    assert highlight("信息公开条例", ["信息公开"], traditional=True) == "<mark>信息公開</mark>條例"


def test_highlight_cuts_around_the_first_match():
    text = "前" * 100 + "防汛" + "后" * 100
    html = highlight(text, ["防汛"], length=40)
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>防汛</mark>" in html
    assert len(html.replace("<mark>", "").replace("</mark>", "")) == 42
    assert highlight("短文本", ["无"], length=40) == "短文本"


def test_a_document_number_is_marked_whole_in_any_bracket_style_never_by_character():
    words = marked_words("宜政办秘[2024]8号")
    text = "安庆市人民政府办公室关于印发（宜政办秘〔2024〕8号）的通知，政府8号文件"
    assert highlight(text, words) == "安庆市人民政府办公室关于印发（<mark>宜政办秘〔2024〕8号</mark>）的通知，政府8号文件"
    assert highlight("见国办发(2019)26号。", marked_words("国办发〔2019〕26号")) == "见<mark>国办发(2019)26号</mark>。"


def test_other_words_of_a_query_with_a_document_number_are_still_marked():
    words = marked_words("宜政办秘〔2024〕8号 低保")
    assert highlight("2024年低保资金（宜政办秘〔2024〕8号）", words) == (
        "2024年<mark>低保</mark>资金（<mark>宜政办秘〔2024〕8号</mark>）"
    )


def test_words_shared_by_readings_are_said_once():
    """政府資訊公開's readings share 政府: factored, the engines read it once per document."""
    readings = [["政府", "资讯", "公开"], ["政府信息公开"], ["政府", "政务公开"]]
    assert fts5_match(readings) == '("政府" AND (("资讯" AND "公开") OR "政务公开")) OR ("政府信息公开")'
    sql, params = postgres_tsquery(readings)
    assert params == ["政府", "资讯", "公开", "政务公开", "政府信息公开"]
    assert sql.count("&&") == 2 and sql.count("||") == 2


def test_a_reading_that_holds_another_adds_nothing():
    assert fts5_match([["政府", "信息"], ["政府"], ["公开"], ["政府"]]) == '("政府") OR ("公开")'


def test_factoring_keeps_exactly_the_matching_sets():
    """Every assignment of words to a document matches the factored expression as it matches the sets."""
    import itertools

    from disclosure_search.boolean import Node, expression

    def matches(node, present):
        if isinstance(node, str):
            return node in present
        results = [matches(item, present) for item in node.items]
        return all(results) if node.op == "and" else any(results)

    cases = [
        [["a", "b", "c"], ["d"], ["a", "e"]],
        [["a", "b"], ["a", "c"], ["b", "c"], ["d", "a", "b"]],
        [["x"], ["x", "y"], ["y", "z"], ["z", "x", "w"]],
        [["a", "b", "c"], ["a", "b", "d"], ["a", "e"], ["f"]],
    ]
    for sets in cases:
        node = expression(sets)
        assert isinstance(node, (Node, str))
        words = sorted({w for s in sets for w in s})
        for bits in itertools.product([False, True], repeat=len(words)):
            present = {w for w, bit in zip(words, bits) if bit}
            assert matches(node, present) == any(set(s) <= present for s in sets), (sets, present)
