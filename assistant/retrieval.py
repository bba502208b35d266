"""Hybrid Chinese retrieval as llama-index retrievers: jieba + bm25s, dense e5, fused.

llama-index's own `BM25Retriever` tokenizes a whole Chinese clause as one token
(llama_index#13866) and ignores `tokenizer=`, so the BM25 side is ours.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import bm25s
import numpy as np
from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.llms import MockLLM
from llama_index.core.retrievers import QueryFusionRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

from assistant.knowledge import Paragraph
from assistant.text import clauses, tokenize

log = logging.getLogger(__name__)


class BM25ChineseRetriever(BaseRetriever):
    """Okapi BM25 (bm25s) over jieba search tokens of each paragraph's contextual text."""

    def __init__(self, nodes: list[TextNode], tokens: list[list[str]], top_k: int = 5):
        """`tokens`: each node's `tokenize()`d contextual text."""
        super().__init__()
        self._nodes = nodes
        self._top_k = top_k
        self._bm25 = bm25s.BM25()
        self._bm25.index([t or ["<empty>"] for t in tokens], show_progress=False)

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        tokens = [t for t in tokenize(query_bundle.query_str) if t in self._bm25.vocab_dict]
        if not tokens:
            return []
        k = min(self._top_k, len(self._nodes))
        ids, scores = self._bm25.retrieve([tokens], k=k, show_progress=False, n_threads=1)
        return [
            NodeWithScore(node=self._nodes[i], score=float(s)) for i, s in zip(ids[0], scores[0]) if s > 0
        ]


class DenseRetriever(BaseRetriever):
    """Cosine similarity against a matrix of paragraph embeddings.

    Written by hand because llama-index's SimpleVectorStore scores nodes in a
    Python loop; one numpy product is what makes 100k paragraphs fast."""

    def __init__(self, nodes: list[TextNode], matrix: np.ndarray, embed_model: BaseEmbedding, top_k: int = 5):
        super().__init__()
        self._nodes = nodes
        self._matrix = matrix
        self._embed_model = embed_model
        self._top_k = top_k

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        if query_bundle.embedding is None:
            query_bundle.embedding = self._embed_model.get_query_embedding(query_bundle.query_str)
        scores = self._matrix @ np.asarray(query_bundle.embedding, dtype=np.float32)
        k = min(self._top_k, len(self._nodes))
        best = np.argpartition(-scores, k - 1)[:k]
        best = best[np.argsort(-scores[best])]
        return [NodeWithScore(node=self._nodes[i], score=float(scores[i])) for i in best]


class ClauseDenseRetriever(BaseRetriever):
    """Scores a paragraph by its best clause's cosine similarity: a long paragraph's
    single embedding blurs the one clause that answers a question."""

    def __init__(self, nodes: list[TextNode], clause_vectors: list[np.ndarray], embed_model: BaseEmbedding, top_k: int = 5):
        super().__init__()
        self._nodes = nodes
        self._owner = np.repeat(np.arange(len(nodes)), [len(v) for v in clause_vectors])
        self._matrix = np.concatenate([v for v in clause_vectors if len(v)]) if len(self._owner) else None
        self._embed_model = embed_model
        self._top_k = top_k

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        if self._matrix is None:
            return []
        if query_bundle.embedding is None:
            query_bundle.embedding = self._embed_model.get_query_embedding(query_bundle.query_str)
        clause_scores = self._matrix @ np.asarray(query_bundle.embedding, dtype=np.float32)
        best = np.full(len(self._nodes), -1.0, dtype=np.float32)
        np.maximum.at(best, self._owner, clause_scores)
        order = np.argsort(-best)[: self._top_k]
        return [NodeWithScore(node=self._nodes[i], score=float(best[i])) for i in order if best[i] > -1]


def _text_key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:24]


class EmbeddingCache:
    """Embeddings on disk keyed by the text's digest and the model name, so a rebuild
    only embeds what changed. Writes are atomic; an unreadable file is rebuilt."""

    def __init__(self, cache_dir: Path, model_name: str):
        slug = "".join(ch if ch.isalnum() else "-" for ch in model_name)
        self.path = Path(cache_dir) / f"embeddings-{slug}.npz"
        self._vectors: dict[str, np.ndarray] = {}
        self._dirty = False
        try:
            with np.load(self.path, allow_pickle=False) as data:
                self._vectors = dict(zip(data["keys"].tolist(), data["vectors"]))
        except FileNotFoundError:
            pass
        except Exception as error:  # a half-written or foreign file: start again
            log.warning("index cache %s is unreadable (%s); rebuilding it", self.path, error)

    def __len__(self) -> int:
        return len(self._vectors)

    def embed(self, texts: list[str], embed_model: BaseEmbedding, batch_size: int = 32) -> np.ndarray:
        keys = [_text_key(text) for text in texts]
        missing = sorted({key: text for key, text in zip(keys, texts) if key not in self._vectors}.items())
        for start in range(0, len(missing), batch_size):
            batch = missing[start : start + batch_size]
            vectors = embed_model.get_text_embedding_batch([text for _, text in batch])
            for (key, _), vector in zip(batch, vectors):
                self._vectors[key] = np.asarray(vector, dtype=np.float32)
            self._dirty = True
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        return np.stack([self._vectors[key] for key in keys])

    def save(self) -> None:
        if not self._dirty:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            keys = np.array(list(self._vectors), dtype=str)
            vectors = np.stack(list(self._vectors.values()))
            handle, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as out:
                    np.savez(out, keys=keys, vectors=vectors)
                os.replace(tmp, self.path)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        except OSError as error:
            log.warning("cannot write the index cache to %s (%s); it stays in memory", self.path, error)
        self._dirty = False


@dataclass
class Index:
    """Everything retrieval and extraction need, built once per knowledge folder."""

    paragraphs: list[Paragraph]
    nodes: list[TextNode]
    retriever: BaseRetriever  # the fused hybrid
    bm25: BM25ChineseRetriever
    dense: DenseRetriever
    embed_model: BaseEmbedding
    tokens: list[list[str]]  # per paragraph, the search tokens of its contextual text
    clause_texts: list[list[str]]  # per paragraph, its clauses
    clause_vectors: list[np.ndarray]  # per paragraph, one row per clause
    embedded: int  # texts embedded in this build (not found in the cache)

    def by_id(self, paragraph_id: str) -> Paragraph:
        return self._by_id[paragraph_id]

    def __post_init__(self):
        self._by_id = {p.paragraph_id: p for p in self.paragraphs}


def build_index(paragraphs: list[Paragraph], embed_model: BaseEmbedding, cache_dir: Path, top_k: int) -> Index:
    """Index the paragraphs, reusing cached embeddings; embeds only new text."""
    nodes = [p.to_node() for p in paragraphs]
    contexts = [p.context_text for p in paragraphs]
    clause_texts = [clauses(p.text) for p in paragraphs]
    cache = EmbeddingCache(cache_dir, embed_model.model_name)
    before = len(cache)
    matrix = cache.embed(contexts, embed_model)
    flat = cache.embed([c for cs in clause_texts for c in cs], embed_model)
    embedded = len(cache) - before
    cache.save()
    clause_vectors, start = [], 0
    for cs in clause_texts:
        clause_vectors.append(flat[start : start + len(cs)])
        start += len(cs)
    candidates = max(top_k, 10)
    tokens = [tokenize(context) for context in contexts]
    bm25 = BM25ChineseRetriever(nodes, tokens, top_k=candidates)
    dense = DenseRetriever(nodes, matrix, embed_model, top_k=candidates)
    clause_dense = ClauseDenseRetriever(nodes, clause_vectors, embed_model, top_k=candidates)
    fused = QueryFusionRetriever(
        [bm25, dense, clause_dense],
        llm=MockLLM(),  # one query, no rewriting: the LLM is never called
        mode="reciprocal_rerank",
        similarity_top_k=candidates,
        num_queries=1,
        use_async=False,
    )
    return Index(paragraphs, nodes, fused, bm25, dense, embed_model, tokens, clause_texts, clause_vectors, embedded)
