"""The eval suite: known facts from the report, scored per question type."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, field_validator

from assistant.errors import AssistantError
from assistant.text import normalize

log = logging.getLogger(__name__)

SUMMARY_KEYS = (
    "n",
    "answer_accuracy",
    "citation_accuracy",
    "hit_at_1",
    "hit_at_3",
    "hit_at_5",
    "mrr",
    "decline_accuracy",
    "false_decline_rate",
    "latency_p50_ms",
    "latency_p95_ms",
)
# Answers to these need arithmetic that an extractive answer cannot do ("arithmetic or comparison
# questions (scored in model mode)"); they are scored for answers only when a model writes them.
MODEL_ONLY_TYPES = frozenset({"arithmetic", "comparison"})


class EvalItem(BaseModel):
    model_config = ConfigDict(extra="ignore")  # other fields (notes, sources) are named by load_eval_set

    id: str
    type: str
    question: str
    history: list[dict | list[str]] = []  # "messages" dicts, or Gradio's older [user, assistant] pairs
    expected: list[str]
    gold: list[str]
    answerable: bool
    facts: list[str] = []  # for arithmetic: the report figures the answer is computed from

    @field_validator("expected", "gold", "facts", mode="before")
    @classmethod
    def _one_or_many(cls, value):
        return [value] if isinstance(value, str) else value  # "expected": "9.1%" is one string


def load_eval_set(path: Path) -> list[EvalItem]:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise AssistantError(f"cannot read eval set {path}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise AssistantError(f"eval set {path} is not UTF-8 text: save it as UTF-8") from None
    items, unknown = [], {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            items.append(EvalItem.model_validate(data))
        except ValueError as error:
            first = str(error).splitlines()[0]
            raise AssistantError(f"{path} line {number} is not a valid eval item ({first}): fix it") from None
        for key in data.keys() - EvalItem.model_fields.keys():
            unknown.setdefault(key, number)
    if unknown:  # a misspelt "histroy" would otherwise pass unseen
        fields = ", ".join(f"{key} (line {number})" for key, number in unknown.items())
        log.warning("%s: not eval fields, ignored: %s", path, fields)
    if not items:
        raise AssistantError(f"{path} has no eval items: add JSON lines")
    return items


@dataclass
class ItemResult:
    item: EvalItem
    answered: bool
    correct: bool | None  # None when not scored (unanswerable, or model-only in offline mode)
    citation_correct: bool | None
    rank: int | None  # 1-based rank of the first gold paragraph among the sources
    latency_ms: float
    text: str
    error: str = ""
    judged: bool | None = None  # the model judge's verdict, when one ran


@dataclass
class EvalReport:
    mode: str
    summary: dict
    by_type: dict[str, dict]
    results: list[ItemResult] = field(default_factory=list)
    baseline: dict | None = None

    def to_json(self) -> dict:
        return {
            "mode": self.mode,
            "summary": self.summary,
            "by_type": self.by_type,
            "baseline": self.baseline,
            "items": [
                {
                    "id": r.item.id,
                    "type": r.item.type,
                    "answered": r.answered,
                    "correct": r.correct,
                    "citation_correct": r.citation_correct,
                    "rank": r.rank,
                    "latency_ms": round(r.latency_ms, 1),
                    "answer": r.text,
                    "error": r.error,
                }
                for r in self.results
            ],
        }


def _first_gold_rank(paragraph_ids: list[str], gold: list[str]) -> int | None:
    return next((rank for rank, pid in enumerate(paragraph_ids, start=1) if pid in gold), None)


def score_item(item: EvalItem, answer, latency_ms: float, model_mode: bool) -> ItemResult:
    cited = [c.paragraph_id for c in answer.citations]
    rank = _first_gold_rank([s.paragraph_id for s in answer.sources], item.gold) if item.answerable else None
    correct = citation_correct = None
    if item.answerable and (model_mode or item.type not in MODEL_ONLY_TYPES):
        text = normalize(answer.text)
        correct = answer.answered and all(normalize(e) in text for e in item.expected)
    if item.answerable and answer.answered:
        citation_correct = any(pid in item.gold for pid in cited)
    return ItemResult(item, answer.answered, correct, citation_correct, rank, latency_ms, answer.text)


def _mean(values: Iterable) -> float | None:
    values = [float(v) for v in values if v is not None]
    return round(sum(values) / len(values), 4) if values else None


def rank_metrics(ranks: list[int | None]) -> dict:
    """hit@1/3/5 and MRR from each question's first gold rank (None: not retrieved)."""
    return {
        "hit_at_1": _mean((r is not None and r <= 1) for r in ranks),
        "hit_at_3": _mean((r is not None and r <= 3) for r in ranks),
        "hit_at_5": _mean((r is not None and r <= 5) for r in ranks),
        "mrr": _mean((1 / r if r else 0.0) for r in ranks),
    }


def summarize(results: list[ItemResult]) -> dict:
    answerable = [r for r in results if r.item.answerable]
    unanswerable = [r for r in results if not r.item.answerable]
    ranks = [r.rank for r in answerable]
    latencies = [r.latency_ms for r in results]
    return {
        "n": len(results),
        "answer_accuracy": _mean(r.correct for r in answerable),
        "citation_accuracy": _mean(r.citation_correct for r in answerable),
        **rank_metrics(ranks),
        "decline_accuracy": _mean((not r.answered) for r in unanswerable),
        "false_decline_rate": _mean((not r.answered) for r in answerable),
        "latency_p50_ms": round(float(np.percentile(latencies, 50)), 1) if latencies else None,
        "latency_p95_ms": round(float(np.percentile(latencies, 95)), 1) if latencies else None,
        "judge_pass_rate": _mean(r.judged for r in answerable),
    }


def naive_baseline(bot, items: list[EvalItem]) -> dict:
    """Retrieval metrics of llama-index's BM25Retriever with its defaults over the same paragraphs."""
    from llama_index.retrievers.bm25 import BM25Retriever

    retriever = BM25Retriever.from_defaults(nodes=bot.index.nodes, similarity_top_k=5)
    ranks = []
    for item in items:
        if item.answerable:
            found = [n.node.node_id for n in retriever.retrieve(item.question)]
            ranks.append(_first_gold_rank(found, item.gold))
    return {"name": "llama-index BM25Retriever (defaults)", **rank_metrics(ranks)}


def make_judge(bot):
    """A model judge for free-form answers: llama-index's CorrectnessEvaluator, which reads a
    numeric score. (FaithfulnessEvaluator passes only on an English "yes", so a judge that
    answers in Chinese would fail every answer; it is not used.)"""
    from llama_index.core.evaluation import CorrectnessEvaluator

    return CorrectnessEvaluator(llm=bot.model.llm)


def run_eval(
    bot,
    items: list[EvalItem],
    on_item: Callable[[ItemResult], None] | None = None,
    baseline: bool = True,
    judge=None,
) -> EvalReport:
    """Ask every question through the public API and score the answers; with a `judge`
    (see `make_judge`), also let the model grade each answer against the expected facts."""
    model_mode = bot.mode != "offline"
    results = []
    for item in items:
        start = time.perf_counter()
        answer = bot.ask(item.question, history=item.history)
        result = score_item(item, answer, (time.perf_counter() - start) * 1000, model_mode)
        if judge is not None and item.answerable:
            verdict = judge.evaluate(query=item.question, response=answer.text, reference="；".join(item.expected))
            result.judged = bool(verdict.passing)
        results.append(result)
        if on_item:
            on_item(result)
    types = sorted({r.item.type for r in results})
    return EvalReport(
        mode=bot.mode,
        summary=summarize(results),
        by_type={t: summarize([r for r in results if r.item.type == t]) for t in types},
        results=results,
        baseline=naive_baseline(bot, items) if baseline else None,
    )


def _cell(value) -> str:
    return "–" if value is None else (f"{value:.3f}" if isinstance(value, float) and value <= 1 else str(value))


def to_markdown(report: EvalReport) -> str:
    """The summary and per-type tables, the baseline, and every miss."""
    columns = ("n", "answer_accuracy", "citation_accuracy", "hit_at_3", "mrr", "decline_accuracy",
               "false_decline_rate", "latency_p50_ms", "latency_p95_ms")
    if report.summary.get("judge_pass_rate") is not None:
        columns += ("judge_pass_rate",)
    lines = [f"# Eval report ({report.mode})", "", "| type | " + " | ".join(columns) + " |",
             "|---|" + "---|" * len(columns)]
    for name, row in [("**all**", report.summary), *report.by_type.items()]:
        lines.append(f"| {name} | " + " | ".join(_cell(row[c]) for c in columns) + " |")
    if report.baseline:
        b = report.baseline
        lines += ["", "| retriever | hit@1 | hit@3 | hit@5 | MRR |", "|---|---|---|---|---|",
                  "| this assistant (hybrid retrieval, cited paragraphs first) | "
                  f"{_cell(report.summary['hit_at_1'])} | {_cell(report.summary['hit_at_3'])}"
                  f" | {_cell(report.summary['hit_at_5'])} | {_cell(report.summary['mrr'])} |",
                  f"| {b['name']} | {_cell(b['hit_at_1'])} | {_cell(b['hit_at_3'])} | {_cell(b['hit_at_5'])} | {_cell(b['mrr'])} |"]
    misses = [r for r in report.results if r.correct is False or (not r.item.answerable and r.answered)]
    if misses:
        lines += ["", "## Misses", ""]
        lines += [f"- `{r.item.id}` {r.item.question} → {r.text[:120]}" for r in misses]
    return "\n".join(lines) + "\n"


def write_json(report: EvalReport, path: Path) -> None:
    Path(path).write_text(json.dumps(report.to_json(), ensure_ascii=False, indent=2), encoding="utf-8")
