"""Scale: synthetic corpora of 10, 100 and 1,000 reports made from the Quzhou report.

    python benchmarks/scale.py [--sizes 10 100 1000] [--embedding hashed|e5]

Each document gets its own city name, shifted years and scaled figures, so no two
are alike. For each size, in a fresh process (for an honest peak memory): index
build time, peak memory, query p50/p95, and an incremental rebuild after one file
changes. The bundled e5 embeds about 15 texts a second on 2 cores (a 1,000-report
corpus has ~300k paragraph and clause texts, about 6 hours), so by default the
dense side uses a hashed character-bigram embedding of the same size (384): build
and query figures then measure everything except the e5 model itself, whose cost
per query is one 17 ms query embedding at any corpus size.
"""

import argparse
import json
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
CITIES = ["湖州", "嘉兴", "绍兴", "金华", "台州", "丽水", "温州", "宁波", "舟山", "义乌"]


def synthetic_report(text: str, number: int) -> str:
    rng = random.Random(number)
    city = f"{CITIES[number % len(CITIES)]}{number}"
    shift = number % 5
    factor = 1 + rng.uniform(-0.3, 0.3)

    def figure(match: re.Match) -> str:
        value = match.group(0)
        if re.fullmatch(r"(19|20)\d\d", value):
            return str(int(value) + shift)
        scaled = float(value) * factor
        return f"{scaled:.1f}" if "." in value else str(max(1, round(scaled)))

    return re.sub(r"\d+(?:\.\d+)?", figure, text.replace("衢州", city))


def make_corpus(folder: Path, size: int) -> None:
    source = (REPO / "knowledge" / "quzhou-2014.md").read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(size):
        (folder / f"report-{number:04d}.md").write_text(synthetic_report(source, number), encoding="utf-8")


def hashed_embedding_class():
    from llama_index.core.base.embeddings.base import BaseEmbedding

    class HashedBigrams(BaseEmbedding):
        """Character bigrams hashed into 384 dimensions, L2-normalized: a stand-in for e5's cost."""

        model_name: str = "hashed-bigrams-384"

        def _vector(self, text):
            vector = np.zeros(384, dtype=np.float32)
            for a, b in zip(text, text[1:]):
                vector[zlib.crc32((a + b).encode()) % 384] += 1.0
            return (vector / (np.linalg.norm(vector) or 1.0)).tolist()

        def _get_query_embedding(self, query):
            return self._vector(query)

        async def _aget_query_embedding(self, query):
            return self._vector(query)

        def _get_text_embedding(self, text):
            return self._vector(text)

    return HashedBigrams


def measure(size: int, embedding: str) -> dict:
    """One size, in this process."""
    import assistant.core
    from assistant import Assistant, Settings
    from assistant.evaluation import load_eval_set

    if embedding == "hashed":
        stand_in = hashed_embedding_class()()
        assistant.core.make_embedding = lambda settings: stand_in
    with tempfile.TemporaryDirectory() as work:
        corpus, cache = Path(work) / "knowledge", Path(work) / "cache"
        make_corpus(corpus, size)
        settings = Settings(knowledge_dir=corpus, cache_dir=cache, offline=True)
        start = time.perf_counter()
        bot = Assistant(settings=settings)
        build = time.perf_counter() - start
        questions = [i.question for i in load_eval_set(REPO / "evals" / "quzhou-2014.jsonl")[:60]]
        timings = []
        for question in questions:
            start = time.perf_counter()
            bot.ask(question.replace("衢州", CITIES[1] + "1"))
            timings.append((time.perf_counter() - start) * 1000)
        changed = corpus / "report-0000.md"
        changed.write_text(changed.read_text(encoding="utf-8").replace("。", "。 ", 3), encoding="utf-8")
        start = time.perf_counter()
        rebuilt = Assistant(settings=settings)
        rebuild = time.perf_counter() - start
        timings.sort()
        return {
            "reports": size,
            "paragraphs": len(bot.paragraphs),
            "build_s": round(build, 1),
            "rebuild_after_one_change_s": round(rebuild, 1),
            "embedded_after_one_change": rebuilt.index.embedded,
            "query_p50_ms": round(statistics.median(timings), 1),
            "query_p95_ms": round(timings[round(0.95 * (len(timings) - 1))], 1),
            "peak_memory_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--embedding", choices=["hashed", "e5"], default="hashed")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.embedding)))
        return
    print(f"{'reports':>8} {'paragraphs':>10} {'build s':>8} {'rebuild s':>9} {'re-embedded':>11} "
          f"{'p50 ms':>7} {'p95 ms':>7} {'peak MiB':>8}")
    for size in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(size), "--embedding", args.embedding],
                             check=True, capture_output=True, text=True).stdout
        row = json.loads(out.strip().splitlines()[-1])
        print(f"{row['reports']:>8} {row['paragraphs']:>10} {row['build_s']:>8} {row['rebuild_after_one_change_s']:>9} "
              f"{row['embedded_after_one_change']:>11} {row['query_p50_ms']:>7} {row['query_p95_ms']:>7} "
              f"{row['peak_memory_mib']:>8}")


if __name__ == "__main__":
    main()
