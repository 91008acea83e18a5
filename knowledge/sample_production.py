"""The bundled sample production, 《夜更》 NIGHT SHIFT: where its files are and what each one is.

`make run`, the demo and the tests open the sample through here, so the folder's layout is known in
one place. The files and their conventions are described in `samples/night_shift/README.md`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from core.errors import InputFileError

SAMPLE_DIR = Path(__file__).resolve().parent / "samples" / "night_shift"

SampleFile = Literal[
    "screenplay",
    "cast",
    "locations",
    "plan",
    "director_notes",
    "recce_report",
    "recce_report_pdf",
    "subtitles",
]

# Role → file name, in the order an ingest should take them: the screenplay first (lists and notes
# refer to its scenes), then the lists and the plan, then the documents, then the subtitles.
SAMPLE_FILE_NAMES: dict[SampleFile, str] = {
    "screenplay": "night_shift.fountain",
    "cast": "cast.csv",
    "locations": "locations.csv",
    "plan": "plan.yaml",
    "director_notes": "director_notes.md",
    "recce_report": "recce_report.docx",
    "recce_report_pdf": "recce_report.pdf",
    "subtitles": "rough_subtitles.zh-en.srt",
}


def sample_files() -> dict[str, Path]:
    """The sample production's files by role (`screenplay`, `cast`, `locations`, `plan`,
    `director_notes`, `recce_report`, `recce_report_pdf`, `subtitles`), in ingest order.

    Raises:
        InputFileError: a file is missing (an incomplete install or checkout).
    """
    files: dict[str, Path] = {}
    for role, name in SAMPLE_FILE_NAMES.items():
        path = SAMPLE_DIR / name
        if not path.is_file():
            raise InputFileError(
                f"The sample production's {role.replace('_', ' ')} is missing",
                file=path,
                hint="Reinstall Slate or restore knowledge/samples/night_shift from git",
            )
        files[role] = path
    return files
