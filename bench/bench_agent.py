"""Offline agent turn latency over the planner's golden requests, warm.

Ingests the sample production into a fresh SLATE_HOME (real e5 embedder, embedded Chroma), opens the
agent with the offline planner, runs every golden request once to warm up (its figures are printed too: the first time a
request is asked), then again N times, and prints p50/p95/max per turn and the slowest requests. Targets (issue 12): p50 within 150 ms, p95
within 400 ms on 2 cores.

    python bench/bench_agent.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    os.environ["SLATE_HOME"] = tempfile.mkdtemp(prefix="slate-bench-agent-")
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SLATE_LLM"):
        os.environ.pop(var, None)

    import yaml

    from agent.service import open_agent
    from core.settings import load_settings
    from knowledge.ingest import ingest
    from knowledge.sample_production import sample_files

    settings = load_settings()
    started = time.perf_counter()
    ingest(settings, "bench", list(sample_files().values()))
    print(f"ingest sample production: {time.perf_counter() - started:.1f} s")
    agent = open_agent(settings, "bench")
    cases = yaml.safe_load(
        (REPO / "tests" / "golden" / "agent" / "planner_cases.yaml").read_text(encoding="utf-8")
    )
    requests = [c["ask"] if isinstance(c["ask"], list) else [c["ask"]] for c in cases]

    slowest: dict[str, float] = {}
    slowest_first: dict[str, float] = {}

    def run_all(tag: str) -> list[float]:
        times = []
        for i, messages in enumerate(requests):
            for message in messages:
                t0 = time.perf_counter()
                agent.ask(message, session=f"{tag}-{i}")
                elapsed = time.perf_counter() - t0
                times.append(elapsed)
                if tag != "warm":
                    slowest[message] = max(slowest.get(message, 0.0), elapsed)
                elif i >= 5:
                    slowest_first[message] = elapsed
        return times

    # The first time each request is asked: nothing of it is cached yet (only what earlier, other
    # requests read). The first few turns also load the process's models and tables; left out.
    first = sorted(run_all("warm")[5:])
    samples: list[float] = []
    for r in range(args.rounds):
        samples += run_all(f"r{r}")
    samples.sort()
    p50 = statistics.median(samples)
    p95 = samples[int(0.95 * (len(samples) - 1))]
    print(f"turns: {len(samples)} ({len(requests)} golden requests x {args.rounds} rounds, warm)")
    print(
        f"offline turn latency: p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max {samples[-1] * 1000:.0f} ms"
    )
    print(
        f"first ask of each request: p50 {statistics.median(first) * 1000:.0f} ms, "
        f"p95 {first[int(0.95 * (len(first) - 1))] * 1000:.0f} ms, max {first[-1] * 1000:.0f} ms"
    )
    print(
        "  slowest first asks: "
        + "; ".join(
            f"{message[:40]} {elapsed * 1000:.0f} ms"
            for message, elapsed in sorted(slowest_first.items(), key=lambda item: -item[1])[:4]
        )
    )
    print(f"targets: p50 <= 150 ms, p95 <= 400 ms -> {'met' if p50 <= 0.15 and p95 <= 0.4 else 'NOT met'}")
    print("slowest requests (worst of the rounds):")
    for message, elapsed in sorted(slowest.items(), key=lambda item: -item[1])[:12]:
        print(f"  {elapsed * 1000:6.0f} ms  {message[:70]}")


if __name__ == "__main__":
    main()
