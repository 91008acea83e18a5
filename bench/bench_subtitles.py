"""Benchmark: read, check and fix a 10,000-cue Hong Kong bilingual SRT (seeded, so runs compare).

About one event in ten is two-speaker dialogue and one in eight carries inline styling (italics, bold,
a colour, `{\\an8}`), so the dialogue rules and the styled writer are timed too.

Prints seconds and cues per second for each step and for check + fix together (the target: within 2 s
on one core). Run: `.venv/bin/python bench/bench_subtitles.py [--cues N] [--seed S]`.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from core.runtime import prepare_offline_runtime

prepare_offline_runtime()

from knowledge.subtitle_file import format_timecode, read_subtitle_file  # noqa: E402
from tools.subtitles.checks import check_document  # noqa: E402
from tools.subtitles.convert import write_subtitles  # noqa: E402
from tools.subtitles.fixes import fix_cues  # noqa: E402
from tools.subtitles.linebreak import chinese_tokens  # noqa: E402
from tools.subtitles.profiles import HK_BILINGUAL  # noqa: E402

ZH_PHRASES = [
    "你哋食咗飯未呀", "今晚喺天台拍攝", "劉督察話", "佢哋喺樓下等緊", "唔該幫我攞部機", "點解咁遲先到",
    "我哋要快啲走", "阿輝揸的士", "呢度好危險", "收到", "等陣先", "冇問題", "好重要嘅嘢", "你姪仔幾大",
    "落雨之前", "搬晒啲器材上去", "坤哥唔會放過你", "記住埋單",
]  # fmt: skip
ZH_PUNCT = ["，", "。", "？", "！", "⋯"]
EN_WORDS = (
    "the night taxi driver found a ledger in his back seat and the inspector has forty eight hours to "
    "find it before the enforcer does so nobody leaves this roof until the rain stops"
).split()


def make_srt(cues: int, seed: int) -> str:
    rng = random.Random(seed)
    clock = 1000
    blocks = []
    for index in range(1, cues + 1):
        zh = "".join(rng.choice(ZH_PHRASES) + rng.choice(ZH_PUNCT) for _ in range(rng.randint(1, 3)))
        words = rng.sample(EN_WORDS, rng.randint(3, 14))
        en = " ".join(words).capitalize() + rng.choice([".", "?", "!", "..."])
        if rng.random() < 0.1:
            zh = "－" + zh + "－" + rng.choice(ZH_PHRASES) + "。"
            en = "-" + en + "\n-" + " ".join(rng.sample(EN_WORDS, rng.randint(2, 6))).capitalize() + "."
        if rng.random() < 0.125:
            en = rng.choice(
                ["<i>{}</i>", "<b>{}</b>", '<font color="#ffff00">{}</font>', "{{\\an8}}{}"]
            ).format(en)
        duration = rng.choice([400, 900, 1500, 2200, 3000, 4200, 8000])
        clock += rng.choice([-300, 0, 40, 120, 300, 800, 2000])
        clock = max(clock, 0)
        blocks.append(
            f"{index}\n{format_timecode(clock)} --> {format_timecode(clock + duration)}\n{zh}\n{en}\n"
        )
        clock += duration
    return "\n".join(blocks)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cues", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    chinese_tokens("預熱")  # jieba loads its dictionary once per process (~1 s); timed separately below
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "bench.zh-en.srt"
        source.write_text(make_srt(args.cues, args.seed), encoding="utf-8")

        wall: list[float] = []
        cpu: list[float] = []

        def mark() -> None:
            wall.append(time.perf_counter())
            cpu.append(time.process_time())

        mark()
        doc = read_subtitle_file(source)
        mark()
        report = check_document(doc, HK_BILINGUAL)
        mark()
        outcome = fix_cues(doc.cues, HK_BILINGUAL, report.fps)
        mark()
        write_subtitles(doc, outcome.cues, Path(tmp) / "fixed.srt", origins=outcome.origins)
        mark()

    n = len(doc.cues)
    steps = [("read", 0, 1), ("check", 1, 2), ("fix", 2, 3), ("write", 3, 4), ("check + fix", 1, 3),
             ("read + check + fix + write", 0, 4)]  # fmt: skip
    print(f"subtitles: {n} bilingual cues (seed {args.seed}), {len(report.issues)} issues found, "
          f"{len(outcome.remaining)} left after fixing ({sum(outcome.changes.values())} changes)")  # fmt: skip
    # CPU time is what "on one core" means; wall time also counts waiting for a shared machine.
    print(f"  {'step':<28} {'CPU s':>7} {'cues/s':>10}   {'wall s':>7}")
    for label, a, b in steps:
        seconds = cpu[b] - cpu[a]
        print(f"  {label:<28} {seconds:7.3f} {n / seconds:10,.0f}   {wall[b] - wall[a]:7.3f}")
    jieba_start = time.perf_counter()
    chinese_tokens("今晚我哋要喺天台拍攝夜景")
    print(
        f"  (jieba dictionary load, once per process, not included above; warm call {time.perf_counter() - jieba_start:.4f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
