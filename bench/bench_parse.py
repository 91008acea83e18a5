"""Benchmark: parse a ~120-page Fountain script built from the corpus; print pages/s and peak memory.

The script is the corpus' long samples, public-domain scripts and Chinese script (plus the bundled
night_shift sample), title pages dropped and scene numbers removed, repeated until the line model
gives at least 120 pages. It is parsed N times in memory (no disk reads in the timed loop).

    .venv/bin/python bench/bench_parse.py [--runs 20] [--pages 120]

Target: at least 500 pages/s on one core.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from knowledge.encoding import read_text  # noqa: E402
from knowledge.fountain import fountain_elements, parse_fountain  # noqa: E402

SOURCES = [
    "screenplays/fountain/samples/The-Last-Birthday-Card.fountain",
    "screenplays/fountain/samples/Brick-and-Steel.fountain",
    "screenplays/fountain/public-domain/THE_LIBRARY_FREAK-OUT.fountain",
    "screenplays/fountain/public-domain/Cyber_Bob_ep00001.fountain",
    "screenplays/fountain/zh/cat-master-daily.zh-Hant-TW.fountain",
]


def _corpus() -> Path | None:
    for candidate in (
        os.environ.get("SLATE_CORPUS"),
        REPO.parent / "shared" / "corpus",
        "/work/shared/corpus",
    ):
        if candidate and Path(candidate, "SOURCES.md").exists():
            return Path(candidate)
    return None


def _body(text: str) -> str:
    """The script without its title page and scene numbers, so the pieces join into one script."""
    document = fountain_elements(text)
    lines = text.replace("\r\n", "\n").split("\n")
    first = next((e.line for e in document.elements), 1)
    body = "\n".join(lines[first - 1 :]) if document.title_page else text
    return re.sub(r"\s*#[\w.\-]+#\s*$", "", body, flags=re.MULTILINE)


def build_script(min_pages: int) -> tuple[str, list[str]]:
    corpus = _corpus()
    paths = [corpus / source for source in SOURCES] if corpus else []
    sample = REPO / "knowledge" / "samples" / "night_shift" / "night_shift.fountain"
    if sample.exists():
        paths.append(sample)
    if not paths:
        raise SystemExit("no corpus (set SLATE_CORPUS) and no bundled sample: nothing to benchmark")
    pieces = [_body(read_text(path).text) for path in paths]
    script = "Title: Slate parse benchmark\n\n"
    while parse_fountain(script).pages < min_pages:
        script += "\n\n".join(pieces) + "\n\n"
    return script, [p.name for p in paths]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--pages", type=int, default=120)
    args = parser.parse_args(argv)

    script, names = build_script(args.pages)
    first = parse_fountain(script)
    print(
        f"script: {first.pages} pages, {len(first.scenes)} scenes, {len(first.elements)} elements, "
        f"{len(script.splitlines())} lines, {len(script.encode()) / 1024:.0f} KiB from {', '.join(names)}"
    )

    timings = []
    for _ in range(args.runs):
        start = time.perf_counter()
        parse_fountain(script)
        timings.append(time.perf_counter() - start)
    best, median = min(timings), sorted(timings)[len(timings) // 2]
    print(f"parse: median {median * 1000:.1f} ms, best {best * 1000:.1f} ms over {args.runs} runs")
    print(
        f"speed: {first.pages / median:.0f} pages/s (median), {first.pages / best:.0f} pages/s (best); target >= 500"
    )

    tracemalloc.start()
    parse_fountain(script)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"memory: peak {peak / 2**20:.1f} MiB allocated while parsing (tracemalloc); process max RSS {rss:.0f} MiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
