"""Shot-list drafting speed over a feature-length script.

The corpus has no 120-page screenplay in Fountain (Big Fish was not taken, see its SOURCES.md), so
this builds one from the real corpus scripts: The Last Birthday Card, Brick & Steel, the two
public-domain scripts and the Chinese cat-master script (title pages dropped), repeated in order
until the loader counts at least --pages pages. It then drafts every scene in each style (rules
only, no model) and prints scenes/s and shots/s, plus CSV and XLSX export and import of the lot.

    python bench/bench_shot_list.py [--pages 120] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SOURCES = (
    "screenplays/fountain/samples/The-Last-Birthday-Card.fountain",
    "screenplays/fountain/samples/Brick-and-Steel.fountain",
    "screenplays/fountain/public-domain/THE_LIBRARY_FREAK-OUT.fountain",
    "screenplays/fountain/public-domain/Cyber_Bob_ep00001.fountain",
    "screenplays/fountain/zh/cat-master-daily.zh-Hant-TW.fountain",
)


def corpus_dir() -> Path:
    for candidate in (
        os.environ.get("SLATE_CORPUS"),
        REPO.parent / "shared" / "corpus",
        "/work/shared/corpus",
    ):
        if candidate and Path(candidate, "SOURCES.md").exists():
            return Path(candidate)
    sys.exit("bench_shot_list: ../shared/corpus not found (set SLATE_CORPUS)")


def without_title_page(text: str) -> str:
    """Fountain body: a leading `Key: value` block (and its indented lines) is the title page."""
    lines = text.lstrip("\ufeff").splitlines()
    if lines and re.match(r"^[^\s:]+[:：]", lines[0]):
        end = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
        lines = lines[end:]
    return "\n".join(lines)


def build_script(corpus: Path, pages: int, folder: Path) -> Path:
    from knowledge.loader import load_screenplay

    bodies = [without_title_page((corpus / rel).read_text(encoding="utf-8")) for rel in SOURCES]
    text = "Title: Slate shot-list benchmark (built from the corpus)\n\n"
    path = folder / "feature.fountain"
    n = 0
    while True:
        text += "\n\n" + bodies[n % len(bodies)]
        n += 1
        path.write_text(text, encoding="utf-8")
        if n % len(bodies) == 0 and load_screenplay(path).pages >= pages:
            return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=120, help="smallest script length to build")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds per style (median reported)")
    args = parser.parse_args()

    from knowledge.production import Production
    from tools.shot_list import STYLES, draft_rule_shot_list
    from tools.shot_list_io import read_shot_lists, write_shot_lists

    with tempfile.TemporaryDirectory(prefix="slate-bench-shots-") as tmp:
        folder = Path(tmp)
        script = build_script(corpus_dir(), args.pages, folder)
        started = time.perf_counter()
        production = Production.from_files(script, output_dir=folder)
        scenes = production.scenes
        load_s = time.perf_counter() - started
        assert production.screenplay is not None
        print(f"script: {production.screenplay.pages} pages, {len(scenes)} scenes (parsed in {load_s:.2f} s)")

        for scene in scenes:  # warm up: regex compilation and the character index are built once
            draft_rule_shot_list(production, scene)
        for style in STYLES:
            timings = []
            for _ in range(args.rounds):
                started = time.perf_counter()
                lists = [draft_rule_shot_list(production, scene, style) for scene in scenes]
                timings.append(time.perf_counter() - started)
            seconds = statistics.median(timings)
            shots = sum(sl.shot_count for sl in lists)
            hours = sum(sl.total_minutes for sl in lists) / 60
            print(
                f"{style:>9}: {len(scenes) / seconds:7.0f} scenes/s  {shots / seconds:8.0f} shots/s  "
                f"({shots} shots, {hours:.0f} setup hours, {seconds * 1000:.0f} ms median of {args.rounds})"
            )

        for suffix in ("csv", "xlsx"):
            started = time.perf_counter()
            path = write_shot_lists(lists, folder / f"all.{suffix}")
            written = time.perf_counter() - started
            started = time.perf_counter()
            back = read_shot_lists(production, path)
            read = time.perf_counter() - started
            same = {sl.scene: sl.shots for sl in back} == {sl.scene: sl.shots for sl in lists if sl.shots}
            print(
                f"{suffix:>9}: export {written * 1000:.0f} ms, import+check {read * 1000:.0f} ms "
                f"({path.stat().st_size // 1024} KB, round trip {'identical' if same else 'DIFFERENT'})"
            )


if __name__ == "__main__":
    main()
