"""Print offline latency figures: index build (cold and cached), warm answer p50/p95, peak memory.

    python benchmarks/latency.py
"""

import resource
import statistics
import tempfile
import time
from pathlib import Path

from assistant import Assistant, Settings
from assistant.evaluation import load_eval_set

REPO = Path(__file__).resolve().parent.parent


def main():
    items = load_eval_set(REPO / "evals" / "quzhou-2014.jsonl")
    with tempfile.TemporaryDirectory() as cache:
        settings = Settings(cache_dir=Path(cache), offline=True)
        start = time.perf_counter()
        Assistant(settings=settings)
        cold = time.perf_counter() - start
        start = time.perf_counter()
        bot = Assistant(settings=settings)
        cached = time.perf_counter() - start
        timings = []
        for item in items * 3:
            start = time.perf_counter()
            bot.ask(item.question, history=item.history)
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(f"index build, empty cache: {cold:.1f} s; with cache: {cached:.2f} s")
    print(f"warm offline answers over {len(timings)} questions: p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms")
    print(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
