"""Print offline speed figures on this machine; nothing here asserts a timing.

    python benchmarks/latency.py

- index build time with an empty cache and with the cache, and peak memory;
- warm answer latency p50/p95 over the eval questions;
- cold start of `assistant ask` in a new process, with and without the cache,
  against a bare `python -c "import llama_index.core"`;
- the same retrieval workload through a plain llama-index pipeline
  (VectorStoreIndex with the same embeddings + the default BM25Retriever).
"""

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from assistant import Assistant, Settings
from assistant.evaluation import load_eval_set

REPO = Path(__file__).resolve().parent.parent
QUESTION = "2013年衢州市生产总值是多少？"


def percentile(values, share):
    values = sorted(values)
    return values[round(share * (len(values) - 1))]


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, (time.perf_counter() - start) * 1000


def run_seconds(command, env):
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def cold_start(cache: str) -> None:
    env = {**os.environ, "ASSISTANT_CACHE_DIR": cache, "ASSISTANT_OFFLINE": "1"}
    bare = run_seconds([sys.executable, "-c", "import llama_index.core"], env)
    cached = run_seconds([sys.executable, "-m", "assistant.cli", "ask", QUESTION], env)
    with tempfile.TemporaryDirectory() as empty:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "assistant.cli", "ask", QUESTION],
                       env={**env, "ASSISTANT_CACHE_DIR": empty}, check=True, capture_output=True)
        uncached = time.perf_counter() - start
    print(f"cold start: bare 'import llama_index.core' {bare:.2f} s; 'assistant ask' with the cache {cached:.2f} s "
          f"({cached / bare:.1f}x); without the cache {uncached:.1f} s")


def peer(bot: Assistant, items) -> None:
    from llama_index.core import VectorStoreIndex
    from llama_index.core.llms import MockLLM
    from llama_index.core.retrievers import QueryFusionRetriever
    from llama_index.retrievers.bm25 import BM25Retriever

    nodes = [node.model_copy() for node in bot.index.nodes]
    for node, vector in zip(nodes, bot.index.dense._matrix):
        node.embedding = vector.tolist()
    vector_index = VectorStoreIndex(nodes, embed_model=bot.index.embed_model)
    plain = QueryFusionRetriever(
        [vector_index.as_retriever(similarity_top_k=5), BM25Retriever.from_defaults(nodes=nodes, similarity_top_k=5)],
        llm=MockLLM(), mode="reciprocal_rerank", similarity_top_k=5, num_queries=1, use_async=False,
    )
    answerable = [i for i in items if i.answerable]
    ours, theirs, our_hits, their_hits = [], [], 0, 0
    for item in answerable:
        (results, _), ms = timed(bot.retrieve, item.question)
        ours.append(ms)
        our_hits += any(r.node.node_id in item.gold for r in results[:3])
        results, ms = timed(plain.retrieve, item.question)
        theirs.append(ms)
        their_hits += any(r.node.node_id in item.gold for r in results[:3])
    n = len(answerable)
    print(f"retrieval, this assistant: p50 {statistics.median(ours):.1f} ms, p95 {percentile(ours, .95):.1f} ms, "
          f"hit@3 {our_hits / n:.3f}")
    print(f"retrieval, plain llama-index (VectorStoreIndex + default BM25Retriever): p50 "
          f"{statistics.median(theirs):.1f} ms, p95 {percentile(theirs, .95):.1f} ms, hit@3 {their_hits / n:.3f}")
    print(f"ratio (plain / ours): latency p50 {statistics.median(theirs) / statistics.median(ours):.2f}, "
          f"hit@3 {their_hits / max(our_hits, 1):.2f}")


def main():
    items = load_eval_set(REPO / "evals" / "quzhou-2014.jsonl")
    with tempfile.TemporaryDirectory() as cache:
        settings = Settings(cache_dir=Path(cache), offline=True)
        _, cold = timed(Assistant, settings=settings)
        bot, cached = timed(Assistant, settings=settings)
        print(f"index build: {cold / 1000:.1f} s with an empty cache; {cached / 1000:.2f} s with the cache")
        timings = [timed(bot.ask, i.question, history=i.history)[1] for i in items * 3]
        print(f"warm offline answers over {len(timings)} questions: p50 {statistics.median(timings):.1f} ms, "
              f"p95 {percentile(timings, .95):.1f} ms")
        print(f"peak memory (max RSS) of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
        peer(bot, items)
        cold_start(cache)


if __name__ == "__main__":
    main()
