"""Offline extractive answers: the retrieved clauses that answer the question, verbatim.

No model writes anything here, so nothing can be invented: the answer is made
of clauses copied from the report, each followed by its paragraph's marker.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import jieba.posseg
import numpy as np

from assistant.knowledge import Paragraph
from assistant.text import normalize, numbers, tokenize, years

_QUANTITY = re.compile(r"多少|几|多大|多高|多长|比例|比重|率|增长|金额|规模|总额|数量|how (many|much)|percent|rate|number")
_FOLLOW_UP = re.compile(r"^(那|那么|还有|另外|and |what about |how about )|[呢吗]？?\??$", re.IGNORECASE)


@dataclass
class Extract:
    paragraph_index: int  # position in the candidate list
    clause: str
    score: float
    coverage: float
    similarity: float


def is_follow_up(question: str) -> bool:
    """Short or elliptical turns ("农村居民呢？", "那2014年呢") lean on the previous question."""
    return len(normalize(question)) <= 8 or bool(_FOLLOW_UP.search(question.strip()))


def standalone_question(question: str, history: list[dict]) -> str:
    """Offline condensation: merge a follow-up into the previous user turn(s).

    Years in the follow-up replace those of the earlier question:
    "2013年生产总值是多少？" + "2014年呢？" -> "生产总值是多少？ 2014年呢？".
    """
    previous = [m.get("content", "") for m in history if m.get("role") == "user" and isinstance(m.get("content"), str)]
    if not previous or not is_follow_up(question):
        return question
    base = previous[-1]
    for earlier in reversed(previous[:-1]):
        if not is_follow_up(base):
            break
        base = f"{earlier} {base}"
    if years(question):
        base = re.sub(r"(?:19|20)\d\d\s*年?", "", base)
    return f"{base} {question}"


class IdfTable:
    """Inverse document frequency of search tokens over the paragraphs."""

    def __init__(self, tokens: list[list[str]]):
        """`tokens`: each paragraph's search tokens."""
        self.counts = counts = Counter(token for paragraph in tokens for token in set(paragraph))
        self._n = len(tokens)
        self._idf = {token: math.log(1 + self._n / count) for token, count in counts.items()}
        self._unseen = math.log(1 + self._n)

    def weight(self, token: str) -> float:
        return self._idf.get(token, self._unseen)


Concept = tuple[str, ...]  # alternative terms for one idea of the question: ('养老', '老年人')


def concepts(query: str, translated: list[Concept] = ()) -> list[Concept]:
    """The question's ideas: each search token on its own, plus each translated English
    word with its alternatives (any one of them counts as present)."""
    alternatives = {term for group in translated for term in group}
    return [(t,) for t in dict.fromkeys(tokenize(query)) if t not in alternatives] + list(translated)


def _coverage(ideas: list[Concept], weights: list[float], text: str) -> float:
    """Share of the question's weight found (as substrings) in the text."""
    total = sum(weights)
    if not total:
        return 0.0
    return sum(w for idea, w in zip(ideas, weights) if any(term in text for term in idea)) / total


# Answer types: what kind of thing a question asks for, and how to see it in a clause.
_WHO = re.compile(r"谁|哪位|何人|\bwho\b", re.IGNORECASE)
_WHEN = re.compile(r"哪天|哪一天|什么时候|何时|日期|几月|\bwhen\b|\bdate\b", re.IGNORECASE)
_DATE = re.compile(r"\d+\s*年\s*\d+\s*月|\d+\s*月\s*\d+\s*日|(?:19|20)\d\d\s*年")
_CHINESE_COUNT = re.compile(r"[一二两三四五六七八九十百千万]+[个项家名所条座张辆人次倍批类大]")


def answer_type(question: str) -> str | None:
    """"quantity", "person", "date", or None: "衢州市市长是谁？" -> "person"."""
    if _QUANTITY.search(question.lower()):
        return "quantity"
    if _WHO.search(question):
        return "person"
    if _WHEN.search(question):
        return "date"
    return None


def has_answer_type(kind: str | None, clause: str, asked_years: set[str] = frozenset()) -> bool:
    """Whether the clause holds that kind of answer. A figure is a number other than the years the
    question names ("2013 年是…的一年" has none; "十个方面" has one); a person, a name jieba tags "nr"."""
    if kind == "quantity":
        return any(n not in asked_years for n in numbers(clause)) or bool(_CHINESE_COUNT.search(clause))
    if kind == "person":
        return any(word.flag == "nr" for word in jieba.posseg.lcut(clause))
    if kind == "date":
        return bool(_DATE.search(clause))
    return True


def best_clauses(
    question: str,
    query_vector: np.ndarray,
    candidates: list[Paragraph],
    clause_texts: list[list[str]],
    clause_vectors: list[np.ndarray],
    idf: IdfTable,
    ideas: list[Concept] | None = None,
    kind: str | None = None,
) -> list[Extract]:
    """Clauses of the candidate paragraphs ranked by how well they answer the question.

    Score = lexical coverage of the question's weighted tokens (in the clause and,
    at half weight, in its section path) + cosine similarity to the question
    + a small bonus when the clause holds the answer's type: a figure for a quantity,
      a person for "谁", a date for "哪天"
    + a small prior for the paragraph's retrieval rank
    - a penalty when the question names a year that the paragraph's section and text do not."""
    ideas = concepts(question) if ideas is None else ideas
    weights = [max(idf.weight(term) for term in idea) for idea in ideas]
    kind = answer_type(question) if kind is None else kind
    asked_years = years(question)
    extracts = []
    for rank, (paragraph, texts, vectors) in enumerate(zip(candidates, clause_texts, clause_vectors)):
        context = normalize(f"{paragraph.document} {paragraph.section}")
        # The title names the report's year for every paragraph; the section and text tell
        # whether this paragraph is about the year the question asks for.
        other_year = bool(asked_years) and not asked_years & years(f"{paragraph.section} {paragraph.text}")
        similarities = vectors @ query_vector if len(texts) else []
        for clause, similarity in zip(texts, similarities):
            clause_norm = normalize(clause)
            coverage = _coverage(ideas, weights, clause_norm)
            context_coverage = _coverage(ideas, weights, clause_norm + context)
            score = (
                coverage
                + 0.5 * context_coverage
                + 4.0 * float(similarity)
                + (0.3 if kind and has_answer_type(kind, clause, asked_years) else 0.0)
                - 0.03 * rank
                - (0.5 if other_year else 0.0)
            )
            extracts.append(Extract(rank, clause, score, context_coverage, float(similarity)))
    return sorted(extracts, key=lambda e: e.score, reverse=True)
