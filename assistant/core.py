"""The `Assistant`: retrieve paragraphs, then answer offline or through a model."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import numpy as np
from llama_index.core.schema import NodeWithScore, QueryBundle

from assistant.answer import NOT_IN_REPORT, Answer, Citation, Source
from assistant.config import Settings
from assistant.embeddings import make_embedding
from assistant.errors import InputError
from assistant.knowledge import Paragraph, load_knowledge
from assistant.offline import IdfTable, best_clauses, standalone_question
from assistant.retrieval import Index, build_index
from assistant.text import normalize, years

log = logging.getLogger(__name__)


class Assistant:
    """Answers questions about the reports in a knowledge folder, citing paragraphs.

    >>> bot = Assistant()
    >>> bot.ask("2013年衢州市生产总值是多少？").text
    '全市实现生产总值 1056.6 亿元，增长 9.1% [1]'
    """

    def __init__(self, knowledge_dir: str | Path | None = None, settings: Settings | None = None):
        settings = settings or Settings()
        if knowledge_dir is not None:
            settings = settings.model_copy(update={"knowledge_dir": Path(knowledge_dir)})
        self.settings = settings
        self.paragraphs = load_knowledge(settings.knowledge_dir)
        self.index: Index = build_index(
            self.paragraphs, make_embedding(settings), settings.cache_dir, settings.top_k
        )
        self._idf = IdfTable(self.paragraphs)
        self._corpus_years = set().union(*(years(p.context_text) for p in self.paragraphs))

    @property
    def mode(self) -> str:
        return "offline"

    def check_question(self, question: str) -> str:
        if not isinstance(question, str) or not question.strip():
            raise InputError("the question is empty: type a question about the report")
        if len(question) > self.settings.max_question_chars:
            raise InputError(
                f"the question has {len(question)} characters, over the limit of "
                f"{self.settings.max_question_chars}: shorten it"
            )
        return " ".join(question.split())

    def retrieve(self, query: str) -> tuple[list[NodeWithScore], np.ndarray]:
        """Paragraphs for a standalone query, best first, and the query's embedding."""
        bundle = QueryBundle(query)
        bundle.embedding = self.index.embed_model.get_query_embedding(query)
        results = self.index.retriever.retrieve(bundle)
        return _prefer_question_years(query, results, self.index)[: self.settings.top_k], np.asarray(bundle.embedding, dtype=np.float32)

    def ask(self, question: str, history: list[dict] | None = None) -> Answer:
        """Answer one question; `history` is OpenAI/Gradio "messages" dicts."""
        question = self.check_question(question)
        query = standalone_question(question, history or [])
        results, query_vector = self.retrieve(query)
        sources = [self._source(r) for r in results]
        return self._answer_offline(question, query, query_vector, results, sources)

    def _source(self, result: NodeWithScore) -> Source:
        p = self.index.by_id(result.node.node_id)
        return Source(p.paragraph_id, p.text, float(result.score or 0.0), p.section, p.document)

    def _answer_offline(self, question, query, query_vector, results, sources) -> Answer:
        candidates = [self.index.by_id(r.node.node_id) for r in results]
        positions = [self.paragraphs.index(p) for p in candidates]
        extracts = best_clauses(
            query,
            query_vector,
            candidates,
            [self.index.clause_texts[i] for i in positions],
            [self.index.clause_vectors[i] for i in positions],
            self._idf,
        )
        if not extracts or not self._answerable(query, extracts[0], candidates[extracts[0].paragraph_index]):
            return Answer(question, NOT_IN_REPORT, False, [], sources)
        chosen = [e for e in extracts[:2] if e.score >= extracts[0].score - 0.05]
        citations: list[Citation] = []
        parts = []
        for extract in chosen:
            paragraph = candidates[extract.paragraph_index]
            citation = next((c for c in citations if c.paragraph_id == paragraph.paragraph_id), None)
            if citation is None:
                citation = _citation(len(citations) + 1, paragraph)
                citations.append(citation)
            citation.quote = "；".join(filter(None, [citation.quote, extract.clause]))
            parts.append(f"{extract.clause} [{citation.marker}]")
        return Answer(question, "；".join(parts), True, citations, sources)

    def _answerable(self, query: str, extract, paragraph: Paragraph) -> bool:
        asked_years = years(query)
        if asked_years and not asked_years & self._corpus_years:
            return False
        return extract.coverage >= 0.5 or extract.similarity >= 0.86


def _citation(marker: int, paragraph: Paragraph) -> Citation:
    return Citation(marker, paragraph.paragraph_id, paragraph.section, paragraph.document, paragraph.text)


def _prefer_question_years(query: str, results: list[NodeWithScore], index: Index) -> list[NodeWithScore]:
    """Many topics appear both in a year's results and in the next year's plans:
    rank paragraphs whose section or text names the question's year first."""
    asked = years(query)
    if not asked:
        return results

    def matches(result: NodeWithScore) -> bool:
        paragraph = index.by_id(result.node.node_id)
        return bool(asked & years(f"{paragraph.section} {paragraph.text}"))

    return sorted(results, key=lambda r: not matches(r))  # stable: keeps fused order within each group
