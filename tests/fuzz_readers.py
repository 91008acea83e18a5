"""Seeded mutation fuzzing of every reader (shared by tests/test_fuzz_readers.py and bench/bench_reliability.py).

Inputs are real files from the corpus, mutated at test time (never copied into the repo), plus hostile
seeds written here (entity bombs, deep nesting, huge integers, CR-only line ends, NUL bytes). A reader
passes a case when it returns or raises a `SlateError`; anything else is a traceback, and a case that
runs past its budget is a hang.
"""

from __future__ import annotations

import random
import signal
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import SlateError

HOSTILE_SEEDS: dict[str, bytes] = {
    "bomb.fdx": (
        '<?xml version="1.0" encoding="utf-16"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><FinalDraft><Content><Paragraph Type="Action">'
        "<Text>&b;</Text></Paragraph></Content></FinalDraft>"
    ).encode("utf-16"),
    "deep.fdx": b"<FinalDraft><Content>" + b"<a>" * 50_000 + b"</a>" * 50_000 + b"</Content></FinalDraft>",
    "bigint.fdx": b'<FinalDraft><Content><Paragraph Type="Scene Heading" Number="'
    + b"9" * 5000
    + b'"><SceneProperties Length="'
    + b"9" * 5000
    + b' 3/8" Page="'
    + b"9" * 5000
    + b'"/><Text>INT. ROOM - DAY</Text></Paragraph></Content></FinalDraft>',
    "bigint.srt": b"1\n" + b"9" * 5000 + b":00:01,000 --> 00:00:02,000\nhello\n",
    "arrows.srt": b"00:00:01,000 --> 00:00:02,000\n" * 20_000,
    "deep.ttml": b'<tt xmlns="http://www.w3.org/ns/ttml"><body>' + b"<div>\n" * 20_000 + b"</body></tt>",
    "bigint.fountain": b"INT. ROOM - DAY #" + b"9" * 5000 + b"#\n\nAction.\n",
    "mac.csv": b"name,actor,aliases\rINSPECTOR LAU,Tony,LAU\rAH FAI,Ken,FAI\r",
    "deep.yaml": b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n",
    "nul.txt": b"INT. ROOM - DAY\x00\x00\x00\n\nHello\x00",
    "big_field.csv": b'name,actor\n"' + b"x" * 200_000 + b'",y\n',
}

SUFFIXES = {
    ".fountain",
    ".fdx",
    ".pdf",
    ".txt",
    ".srt",
    ".vtt",
    ".ass",
    ".ssa",
    ".ttml",
    ".dfxp",
    ".xml",
    ".csv",
    ".tsv",
    ".yaml",
    ".md",
    ".sub",
    ".docx",
}


def reader_for(suffix: str) -> Callable[[Path], object]:
    """The reader a file of this suffix goes through (as `slate scenes`, ingest and the UI would)."""
    from knowledge.cast_list import load_cast_list
    from knowledge.documents import load_document
    from knowledge.loader import load_screenplay
    from knowledge.plan import load_plan
    from knowledge.subtitle_file import read_subtitle_file

    if suffix in {".fountain", ".fdx", ".pdf", ".docx"}:
        return load_screenplay
    if suffix in {".srt", ".vtt", ".ass", ".ssa", ".ttml", ".dfxp", ".xml", ".sub"}:
        return read_subtitle_file
    if suffix in {".csv", ".tsv"}:
        return load_cast_list
    if suffix == ".yaml":
        return load_plan
    return load_document


def corpus_seeds(corpus: Path | None, limit_bytes: int = 400_000) -> list[tuple[str, bytes]]:
    seeds = [(name, data) for name, data in HOSTILE_SEEDS.items()]
    if corpus is not None:
        for path in sorted(corpus.rglob("*")):
            if path.is_file() and path.suffix.lower() in SUFFIXES and path.stat().st_size <= limit_bytes:
                seeds.append((path.name, path.read_bytes()))
    return seeds


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One seeded mutation: flips, cuts, repeats or hostile splices."""
    if not data:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
    choice = rng.randrange(8)
    at = rng.randrange(len(data))
    if choice == 0:
        buf = bytearray(data)
        for _ in range(rng.randrange(1, 16)):
            buf[rng.randrange(len(buf))] = rng.randrange(256)
        return bytes(buf)
    if choice == 1:
        return data[:at]
    if choice == 2:
        chunk = data[at : at + rng.randrange(1, 200)]
        return data[:at] + chunk * rng.randrange(2, 50) + data[at:]
    if choice == 3:
        return data.replace(b"\n", b"\r").replace(b"\r\r", b"\r")
    if choice == 4:
        token = rng.choice(
            [b"<!ENTITY x 'y'>", b"-->", b"9" * 5000, b"\x00", b"<a>" * 500, b"\xff\xfe", b"+SUM(A1)"]
        )
        return data[:at] + token + data[at:]
    if choice == 5:
        return data.decode("utf-8", "replace").encode("utf-16")
    if choice == 6:
        return data[at:] + data[:at]
    return data + data[:at]


@dataclass
class FuzzReport:
    cases: int = 0
    clean_errors: int = 0
    accepted: int = 0
    tracebacks: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    slowest_seconds: float = 0.0


class _Budget(Exception):
    pass


def _alarm(_signum: int, _frame: object) -> None:
    raise _Budget


def cases(corpus: Path | None, count: int, seed: int) -> Iterator[tuple[str, bytes]]:
    rng = random.Random(seed)
    seeds = corpus_seeds(corpus)
    for name, data in HOSTILE_SEEDS.items():
        yield name, data
    for _ in range(count):
        name, data = rng.choice(seeds)
        yield name, mutate(data, rng)


def run_fuzz(corpus: Path | None, count: int, seed: int = 16, budget_seconds: int = 10) -> FuzzReport:
    """Run `count` mutated cases (plus every hostile seed as is) through their readers."""
    report = FuzzReport()
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        with tempfile.TemporaryDirectory(prefix="slate-fuzz-") as tmp:
            for number, (name, data) in enumerate(cases(corpus, count, seed)):
                path = Path(tmp) / f"{number}-{name}"
                path.write_bytes(data)
                report.cases += 1
                started = time.monotonic()
                signal.alarm(budget_seconds)
                try:
                    reader_for(path.suffix.lower())(path)
                    report.accepted += 1
                except SlateError:
                    report.clean_errors += 1
                except _Budget:
                    report.hangs.append(f"{name} (case {number})")
                except Exception:
                    report.tracebacks.append(f"{name} (case {number}): {traceback.format_exc(limit=-3)}")
                finally:
                    signal.alarm(0)
                report.slowest_seconds = max(report.slowest_seconds, time.monotonic() - started)
                path.unlink()
    finally:
        signal.signal(signal.SIGALRM, previous)
    return report
