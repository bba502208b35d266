"""Load: 50 concurrent gradio_client sessions, 5 questions each, against `assistant serve` on localhost.

    python benchmarks/load.py [--clients 50] [--questions 5]

Bounded: 250 requests in all, each with a 120 s timeout; prints errors and latency p50/p95.
"""

import argparse
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

QUESTIONS = ["2013年衢州市生产总值是多少？", "2014年淘汰黄标车多少辆？", "2013年新增养老机构床位多少张？",
             "What is the 2014 GDP growth target?", "衢州有几所大学？"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--questions", type=int, default=5)
    args = parser.parse_args()
    port = free_port()
    # The server runs in its own process, as a user would start it, so that the clients'
    # threads do not share its interpreter lock.
    server = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--offline", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    for _ in range(240):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.5)
    from gradio_client import Client

    def session(number: int) -> tuple[list[float], int]:
        client = Client(url, verbose=False)
        timings, errors = [], 0
        for k in range(args.questions):
            start = time.perf_counter()
            try:
                result = client.predict(QUESTIONS[(number + k) % len(QUESTIONS)], api_name="/ask")
                errors += "text" not in result
            except Exception:
                errors += 1
            timings.append((time.perf_counter() - start) * 1000)
        return timings, errors

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.clients) as pool:
        results = list(pool.map(session, range(args.clients)))
    elapsed = time.perf_counter() - start
    timings = sorted(t for ts, _ in results for t in ts)
    errors = sum(e for _, e in results)
    print(f"{args.clients} clients x {args.questions} questions: {len(timings)} requests in {elapsed:.1f} s, "
          f"{errors} errors; latency p50 {statistics.median(timings):.0f} ms, "
          f"p95 {timings[round(0.95 * (len(timings) - 1))]:.0f} ms")
    server.terminate()
    server.wait(timeout=30)
    raise SystemExit(1 if errors else 0)


if __name__ == "__main__":
    main()
