"""Shot lists over real scripts: golden files for the sample production and corpus scripts, and the
issue's properties over every scene of every screenplay in the corpus.

Golden cases live in tests/golden/shot_list/: `<case>.case.yaml` names the script (`sample:` for the
bundled production, `corpus:` for ../shared/corpus), the cast list and the style; `<case>.expected.json`
is the reviewed output. `pytest --update-goldens` rewrites the expected files.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
import yaml

from core.errors import NoScenes
from knowledge.loader import load_screenplay
from knowledge.production import Production
from knowledge.screenplay import Scene
from tests.conftest import CORPUS, SAMPLE_DIR
from tools.shot_list import (
    STYLES,
    ShotList,
    draft_rule_shot_list,
    scene_key,
    setup_minutes_for,
    shot_list_problems,
    shot_order_key,
)
from tools.shot_list_io import read_shot_lists, write_shot_lists

GOLDEN_DIR = Path(__file__).resolve().parent.parent / "golden" / "shot_list"
CASES = sorted(GOLDEN_DIR.glob("*.case.yaml"))


def _resolve(ref: str) -> Path:
    kind, _, rel = ref.partition(":")
    if kind == "sample":
        return SAMPLE_DIR / rel
    if kind == "corpus":
        if CORPUS is None:
            pytest.skip("../shared/corpus not found (set SLATE_CORPUS)")
        return CORPUS / rel
    raise ValueError(f"script reference must start with sample: or corpus: ({ref!r})")


def _golden_data(case: dict[str, str], tmp: Path) -> dict[str, object]:
    script = _resolve(case["script"])
    cast = _resolve(case["cast"]) if case.get("cast") else None
    production = Production.from_files(script, cast=cast, output_dir=tmp)
    lists = [draft_rule_shot_list(production, scene, case["style"]) for scene in production.scenes]  # type: ignore[arg-type]
    return {
        "script": case["script"],
        "style": case["style"],
        "scenes": len(lists),
        "shots": sum(sl.shot_count for sl in lists),
        "total_minutes": sum(sl.total_minutes for sl in lists),
        "shot_lists": [sl.model_dump(mode="json", exclude={"version", "saved_at"}) for sl in lists],
    }


def _golden_text(data: dict[str, object]) -> str:
    """JSON with one shot per line, so a reviewed diff shows which shots changed."""
    head = {k: v for k, v in data.items() if k != "shot_lists"}
    parts = [json.dumps(head, ensure_ascii=False)[:-1] + ', "shot_lists": [']
    lists = data["shot_lists"]
    assert isinstance(lists, list)
    for n, sl in enumerate(lists):
        meta = {k: v for k, v in sl.items() if k != "shots"}
        parts.append(" " + json.dumps(meta, ensure_ascii=False)[:-1] + ', "shots": [')
        shots = [json.dumps(shot, ensure_ascii=False) for shot in sl["shots"]]
        parts.append(",\n".join("  " + s for s in shots))
        parts.append(" ]}" + ("," if n < len(lists) - 1 else ""))
    parts.append("]}")
    return "\n".join(parts) + "\n"


@pytest.mark.parametrize("case_file", CASES, ids=[c.name.removesuffix(".case.yaml") for c in CASES])
def test_golden_shot_lists(case_file: Path, tmp_path: Path, update_goldens: bool) -> None:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    data = _golden_data(case, tmp_path)
    expected_file = case_file.with_name(case_file.name.removesuffix(".case.yaml") + ".expected.json")
    text = _golden_text(data)
    if update_goldens:
        expected_file.write_text(text, encoding="utf-8")
    assert expected_file.exists(), (
        f"{expected_file.name} is missing: run pytest --update-goldens and review it"
    )
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    for got, want in zip(data["shot_lists"], expected["shot_lists"], strict=False):  # type: ignore[call-overload]
        assert got == want, f"scene {want['scene']} differs from {expected_file.name}"
    assert data == expected


def test_golden_cases_cover_the_sample_and_the_corpus() -> None:
    scripts = {yaml.safe_load(c.read_text(encoding="utf-8"))["script"] for c in CASES}
    assert "sample:night_shift.fountain" in scripts
    assert sum(s.startswith("corpus:") for s in scripts) >= 5
    assert any(s.endswith(".fdx") for s in scripts) and any("/zh/" in s for s in scripts)


# --- properties over every corpus scene ----------------------------------------------------------


def corpus_scripts() -> list[Path]:
    if CORPUS is None:
        return []
    found = sorted(CORPUS.glob("screenplays/**/*.fountain")) + sorted(CORPUS.glob("fdx/*.fdx"))
    found += sorted(CORPUS.glob("fixtures/fountain/**/*.fountain"))
    return found


def _check(production: Production, scene: Scene, sl: ShotList) -> None:
    subjects = {name for shot in sl.shots for name in shot.subjects}
    missing = [name for name in scene.characters if name not in subjects]
    assert not missing, f"scene {scene.number}: speaking but in no shot: {missing}"
    ids = [shot.id for shot in sl.shots]
    assert len(ids) == len(set(ids)) and ids == sorted(ids, key=lambda i: shot_order_key(i, scene.number))
    for shot in sl.shots:
        for start, end in shot.line_spans():
            assert scene.line_start <= start <= end <= scene.line_end, (scene.number, shot.id, start, end)
        assert shot.setup_minutes == setup_minutes_for(shot.size, shot.movement, shot.notes)
    assert shot_list_problems(production, sl, scene) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "script", corpus_scripts(), ids=lambda p: str(p.relative_to(CORPUS)) if CORPUS else str(p)
)
def test_properties_over_every_corpus_scene(script: Path) -> None:
    try:
        production = Production(name=script.stem, screenplay=load_screenplay(script))
    except NoScenes as exc:
        # Other parsers' test fragments may hold no scene heading (nothing to shoot); real scripts always do.
        assert "/fixtures/" in str(script), f"a corpus script lost its scenes: {exc}"
        assert exc.file == str(script)
        return
    keys = [scene_key(s.number) for s in production.scenes]
    # Shot lists are filed by scene number; a script that numbers two scenes alike (`1A`, `1a`)
    # cannot round-trip through a spreadsheet, and import says so rather than guess.
    unique_numbers = len(keys) == len(set(keys))
    with tempfile.TemporaryDirectory() as tmp:
        production.project_dir = Path(tmp)
        for style in STYLES:
            lists = [draft_rule_shot_list(production, scene, style) for scene in production.scenes]  # type: ignore[arg-type]
            for scene, sl in zip(production.scenes, lists, strict=True):
                _check(production, scene, sl)
            suffixes = ("csv", "xlsx") if style == "classic" else ("csv",)
            for suffix in suffixes:
                if not unique_numbers:
                    continue
                path = write_shot_lists(lists, Path(tmp) / f"{style}.{suffix}")
                back = {sl.scene: sl.shots for sl in read_shot_lists(production, path)}
                assert back == {sl.scene: sl.shots for sl in lists if sl.shots}


def test_big5_and_utf8_copies_of_a_script_draft_the_same_shot_lists() -> None:
    if CORPUS is None:
        pytest.skip("../shared/corpus not found")
    folder = CORPUS / "screenplays" / "fountain" / "zh"
    utf8 = Production(name="a", screenplay=load_screenplay(folder / "cat-master-daily.zh-Hant-TW.fountain"))
    big5 = Production(
        name="b", screenplay=load_screenplay(folder / "cat-master-daily.zh-Hant-TW.big5.fountain")
    )
    for a, b in zip(utf8.scenes, big5.scenes, strict=True):
        assert (
            draft_rule_shot_list(utf8, a, "hk-action").shots
            == draft_rule_shot_list(big5, b, "hk-action").shots
        )
