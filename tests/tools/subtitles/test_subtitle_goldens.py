"""Golden files: tests/golden/subtitles/<case>.<ext> beside <case>.expected.json.

Each expected file holds what reading found (encoding, format, cues, problems), the check report (the
`slate subs check --json` shape) and the fixed file as SRT text. `pytest --update-goldens` rewrites them
after a reviewed change.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.subtitle_file import read_subtitle_file
from tools.subtitles.checks import check_document
from tools.subtitles.convert import subtitle_text
from tools.subtitles.fixes import fix_cues
from tools.subtitles.profiles import DEFAULT_FPS, get_profile

GOLDEN = Path(__file__).resolve().parents[2] / "golden" / "subtitles"
CASES = sorted(p for p in GOLDEN.iterdir() if p.is_file() and not p.name.endswith(".expected.json"))


def render(path: Path) -> dict[str, object]:
    doc = read_subtitle_file(path)
    report = check_document(doc)
    outcome = fix_cues(doc.cues, get_profile(report.profile), doc.fps or DEFAULT_FPS)
    data = report.as_json()
    data["file"] = path.name
    return {
        "read": {
            "format": doc.format,
            "encoding": doc.encoding,
            "fps": doc.fps,
            "cues": [[c.index, c.start_ms, c.end_ms, c.text, c.line, c.style] for c in doc.cues],
            "problems": [[p.line, p.cue, p.code, p.message] for p in doc.problems],
        },
        "check": data,
        "fix": {
            "changes": dict(outcome.changes),
            "remaining": [i.as_json() for i in outcome.remaining],
            "srt": subtitle_text(doc, outcome.cues, "srt", origins=outcome.origins).splitlines(),
        },
    }


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_golden(case: Path, update_goldens: bool) -> None:
    expected_path = case.with_name(case.name + ".expected.json")
    got = render(case)
    if update_goldens or not expected_path.exists():
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        if not update_goldens:
            pytest.fail(f"wrote a new golden file {expected_path.name}; review it and run again")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert got == expected
