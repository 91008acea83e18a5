"""Reliability figures for docs/reliability.md: fuzzing every reader, and the hostile-file reproducers.

    PYTHONPATH=. .venv/bin/python bench/bench_reliability.py [CASES] [SEED]

Prints the inputs fuzzed, clean errors, files read, tracebacks, hangs (cases past the 10 s budget) and
the process's peak memory. Inputs are seeded mutations of ../shared/corpus made at run time.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import zipfile
from pathlib import Path

from core.runtime import prepare_offline_runtime

prepare_offline_runtime()

from core.errors import SlateError  # noqa: E402
from tests.conftest import CORPUS  # noqa: E402
from tests.fuzz_readers import run_fuzz  # noqa: E402


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def zip_bomb_figures() -> None:
    from knowledge.loader import load_screenplay

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bomb.docx"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            block = b" " * 2**20
            for n in range(4):  # 4 x 512 MB of spaces, streamed so the bench itself stays small
                with archive.open(f"word/part{n}.xml", "w", force_zip64=True) as part:
                    for _ in range(512):
                        part.write(block)
        size = path.stat().st_size
        before = _peak_mb()  # after the fuzz run
        try:
            load_screenplay(path)
            outcome = "read (unexpected)"
        except SlateError as exc:
            outcome = str(exc).split(": ", 1)[-1]
        print(f"zip bomb: {size / 2**20:.1f} MB file declaring 2 GB -> {outcome}")
        print(f"  peak memory before/after: {before:.0f} / {_peak_mb():.0f} MB")


def main(argv: list[str]) -> int:
    cases = int(argv[0]) if argv else 1000
    seed = int(argv[1]) if len(argv) > 1 else 16
    report = run_fuzz(CORPUS, cases, seed=seed)
    print(f"corpus: {CORPUS}")
    print(f"inputs fuzzed: {report.cases} (seed {seed})")
    print(f"clean errors: {report.clean_errors}")
    print(f"read without error: {report.accepted}")
    print(f"tracebacks: {len(report.tracebacks)}")
    print(f"hangs (past 10 s): {len(report.hangs)}")
    print(f"slowest case: {report.slowest_seconds:.2f} s")
    print(f"peak memory: {_peak_mb():.0f} MB")
    for line in report.tracebacks[:5] + report.hangs[:5]:
        print("  ", line[-400:])
    zip_bomb_figures()
    return 1 if report.tracebacks or report.hangs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
