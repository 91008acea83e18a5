"""The registered media tools, called the way the agent and the API call them."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.production import Production
from tests.conftest import SAMPLE_DIR
from tests.tools.media.conftest import CUTS, Programme
from tools.registry import get_tool


@pytest.fixture
def sample(tmp_path: Path) -> Production:
    production = Production.from_files(
        SAMPLE_DIR / "night_shift.fountain", cast=SAMPLE_DIR / "cast.csv", output_dir=tmp_path
    )
    production.subtitle_paths.append(SAMPLE_DIR / "rough_subtitles.zh-en.srt")
    return production


def test_make_dialogue_list_and_adr_tools(sample: Production) -> None:
    listing = get_tool("make_dialogue_list").invoke(sample, {"formats": ["xlsx"]})
    assert listing.kind == "dialogue_list" and listing.files[0].endswith(".dialogue-list.xlsx")
    adr = get_tool("make_adr_list").invoke(sample, {"marks": ["sc2"], "formats": ["xlsx"]})
    assert adr.kind == "adr_list" and "MEI" in adr.characters  # type: ignore[attr-defined]
    assert Path(adr.files[0]).is_file()


@pytest.mark.slow
def test_find_shot_changes_tool(sample: Production, programme: Programme) -> None:
    result = get_tool("find_shot_changes").invoke(sample, {"file": str(programme.video)})
    assert result.kind == "shot_changes"
    assert len(result.shot_changes) == len(CUTS)  # type: ignore[attr-defined]


@pytest.mark.slow
def test_transcribe_media_tool(
    sample: Production, programme: Programme, whisper_dir: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SLATE_WHISPER_MODEL", str(whisper_dir))
    result = get_tool("transcribe_media").invoke(sample, {"file": str(programme.audio), "scene": "8"})
    assert result.kind == "transcript"
    assert result.files[0].endswith("speech.transcript.srt")
    assert [s.file for s in result.sources] == ["night_shift.fountain"]
    texts = [cue.text.replace("\n", " ") for cue in result.cues]  # type: ignore[attr-defined]
    assert "Kam Wah Cha Chaan Teng. Fa Yuen Street. Best pineapple buns in Mong Kok." in texts
    assert result.shot_changes is None  # type: ignore[attr-defined]  # sound only: no picture to cut
