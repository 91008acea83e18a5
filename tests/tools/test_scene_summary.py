"""A scene's summary quotes what happens across the whole scene, not only its opening lines."""

from __future__ import annotations

from pathlib import Path

from knowledge.loader import load_screenplay
from tools.script_lookup import action_summary

SCRIPT = """Title: Summary test

INT. NOODLE SHOP - NIGHT #1#

Steam everywhere. Two cooks argue over a ladle.

A delivery boy waits at the counter, scrolling his phone.

A shelf gives way. Jars of chilli oil smash across the floor.

The owner grabs the boy by the collar and drags him clear.

The cooks stop arguing and start to laugh.

INT. BACK ROOM - NIGHT #2#

The owner counts the float.

OWNER
We open at six tomorrow.

BOY
I'll be late.

OWNER
Then you're fired. No, wait. Bring the van at five and you get double.
"""


def _scenes(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "summary.fountain"
    path.write_text(SCRIPT, encoding="utf-8")
    return load_screenplay(path).scenes


def test_summary_reaches_the_end_of_the_scene(tmp_path: Path) -> None:
    summary = action_summary(_scenes(tmp_path)[0])
    assert summary.startswith("Steam everywhere. Two cooks argue over a ladle.")
    assert "A shelf gives way." in summary and "chilli oil" in summary  # a very short sentence is joined
    assert "The cooks stop arguing and start to laugh." in summary  # the ending is told
    assert summary.index("shelf") < summary.index("cooks stop")  # in script order


def test_a_scene_carried_by_dialogue_tells_its_last_speech(tmp_path: Path) -> None:
    summary = action_summary(_scenes(tmp_path)[1])
    assert summary.startswith("The owner counts the float.")
    assert "Bring the van at five and you get double." in summary


def test_the_facts_a_scene_states_in_dialogue_are_its_key_lines(tmp_path: Path) -> None:
    from tools.script_lookup import spoken_facts

    script = (
        "Title: Talk\n\nINT. PAWN SHOP - DAY #1#\n\nA counter, a grille.\n\n"
        "阿明\n我要當呢隻戒指。\n\n老闆\n最多俾你三千。唔要就算。\n\n阿明\n得啦。\n\n"
        "MAY\nIt was my mother's. She bought it in 1979.\n"
    )
    path = tmp_path / "talk.fountain"
    path.write_text(script, encoding="utf-8")
    scene = load_screenplay(path).scenes[0]
    assert spoken_facts(scene) == ["老闆: 最多俾你三千。", "MAY: She bought it in 1979."]
