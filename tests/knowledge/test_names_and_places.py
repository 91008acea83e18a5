"""A set belongs to the list entry whose name it holds most fully; a word of a name that the script
uses as an ordinary word (or a time of day) is not the person on its own."""

from __future__ import annotations

from pathlib import Path

from agent.lexicon import Lexicon
from knowledge.production import Production

SCRIPT = """Title: Names and places

EXT. KOWLOON BUS DEPOT - NIGHT #1#

Buses sleep in rows. The night is cold.

INT. BUS - NIGHT #2#

OWL
(V.O.)
Good evening, night people.

INT. BUS - DAY #3#

MAY drives. The radio plays. Her phone lights up: 「夜鷹：今晚收工飲茶？」

MAY
Morning.
"""
CAST = "id,name_zh,names\nOWL,夜鷹,夜鷹;Night Owl;Owl\nMAY,阿美,阿美;May Chan\n"
PLACES = (
    "id,name_zh,names\nBUS DEPOT,巴士廠,巴士廠;Kowloon Bus Depot;Bus Depot\nBUS,巴士,巴士;Bus;Double-decker\n"
)


def _production(tmp_path: Path) -> Production:
    (tmp_path / "script.fountain").write_text(SCRIPT, encoding="utf-8")
    (tmp_path / "cast.csv").write_text(CAST, encoding="utf-8")
    (tmp_path / "locations.csv").write_text(PLACES, encoding="utf-8")
    return Production.from_files(
        tmp_path / "script.fountain",
        cast=tmp_path / "cast.csv",
        locations=tmp_path / "locations.csv",
        name="names",
        output_dir=tmp_path / "out",
    )


def _script_and_places(tmp_path: Path, script: str, places: str) -> Production:
    """A production of one Fountain script and a location list, both given as text."""
    (tmp_path / "script.fountain").write_text(script, encoding="utf-8")
    (tmp_path / "locations.csv").write_text(places, encoding="utf-8")
    return Production.from_files(
        tmp_path / "script.fountain",
        locations=tmp_path / "locations.csv",
        name="p",
        output_dir=tmp_path / "out",
    )


def test_a_place_named_inside_another_is_not_the_other(tmp_path: Path) -> None:
    production = _production(tmp_path)
    assert production.match_location("巴士") == ["BUS"]  # not the depot, which holds the word BUS
    assert production.match_location("bus depot") == ["KOWLOON BUS DEPOT"]


def test_an_ordinary_word_of_a_name_is_not_the_person(tmp_path: Path) -> None:
    lexicon = Lexicon.from_production(_production(tmp_path))
    assert lexicon.characters.get("night owl") == "OWL"
    assert "night" not in lexicon.characters  # a time of day, and the script writes "night"
    assert lexicon.characters.get("chan") == "MAY"  # a word only the name uses still names her


def test_a_name_quoted_on_a_screen_is_not_the_person_in_the_scene(tmp_path: Path) -> None:
    production = _production(tmp_path)
    scene = next(s for s in production.scenes if s.number == "3")
    assert "OWL" not in scene.non_speaking and "OWL" not in scene.characters


def test_the_ordinary_words_before_a_place_name_head_are_not_the_place(tmp_path: Path) -> None:
    script = (
        "Title: Boats\n\nEXT. DRAGON BOAT CLUB - DAY #1#\n\nThe crew carry a dragon boat to the water.\n\n"
        "EXT. SAI KUNG PIER - DAY #2#\n\nGulls.\n"
    )
    production = _script_and_places(
        tmp_path,
        script,
        "id,name_zh,names\nDRAGON BOAT CLUB,龍舟會,龍舟會\nSAI KUNG PIER,西貢碼頭,西貢碼頭\n",
    )
    lexicon = Lexicon.from_production(production)
    # "dragon boat" is what the script rows; without "club" it is the boat, not the place ...
    assert "dragon boat" not in lexicon.locations and "dragon" not in lexicon.locations
    # ... while words the text only writes as a name, or that keep the head word, still name it.
    assert lexicon.locations.get("boat club") == "DRAGON BOAT CLUB"
    assert lexicon.locations.get("sai kung") == "SAI KUNG PIER"
    # A Chinese question word is the production's matter when its English is in the text.
    assert lexicon.mentions_in_either_language("海鷗") and not lexicon.mentions("海鷗")  # "Gulls."
    assert not lexicon.mentions_in_either_language("恒指")  # known only in pieces: no translation


def test_a_place_followed_by_a_word_for_someone_there_names_that_person(tmp_path: Path) -> None:
    script = (
        "Title: Night Market\n\nEXT. TEMPLE STREET MARKET - NIGHT #1#\n\nStalls. Neon. A fortune teller.\n"
    )
    production = _script_and_places(
        tmp_path, script, "id,name_zh,names\nTEMPLE STREET MARKET,廟街夜市,廟街;the market\n"
    )
    lexicon = Lexicon.from_production(production)
    # "the market guard" is a person; "the market" alone, or "the market's owner", is the place.
    assert [m.value for m in lexicon.find_locations("Which scenes have the market guard?", [])] == []
    assert [m.value for m in lexicon.find_locations("scenes at the market", [])] == ["the market"]
    owner = lexicon.find_locations("who owns the market? the market owner's phone", [])
    assert {m.value for m in owner} == {"the market"}


def test_a_name_for_one_room_of_a_place_finds_that_room_scenes(tmp_path: Path) -> None:
    script = (
        "Title: Hotel\n\nINT. HARBOUR HOTEL 海港酒店 - LOBBY - DAY #1#\n\nA bellboy yawns.\n\n"
        "INT. HARBOUR HOTEL 海港酒店 - BAR - NIGHT #2#\n\nIce in a glass.\n\n"
        "INT. HARBOUR HOTEL 海港酒店 - LOBBY - NIGHT #3#\n\nThe bellboy again.\n\n"
        "EXT. TEMPLE STREET - NIGHT #4#\n\nStalls.\n\nEXT. 廟街 - NIGHT #5#\n\nMore stalls.\n\n"
        # The whole hotel, from outside: not its lobby, though the list gives "lobby" as a name of it.
        "EXT. HARBOUR HOTEL 海港酒店 - DAY #6#\n\nTaxis queue.\n"
    )
    production = _script_and_places(
        tmp_path,
        script,
        "id,name_zh,names\nHARBOUR HOTEL,海港酒店,海港酒店;酒店;lobby;bar\nTEMPLE STREET,廟街,廟街;market\n",
    )
    at = {name: [s.number for s in production.scenes if s.location in production.match_location(name)]
          for name in ("lobby", "bar", "酒店", "廟街")}  # fmt: skip
    assert at == {"lobby": ["1", "3"], "bar": ["2"], "酒店": ["1", "2", "3", "6"], "廟街": ["4", "5"]}
    # Of two names for the place in one question, the room's is the one the scenes are filtered by.
    from agent.intents import understand

    lexicon = Lexicon.from_production(production)
    assert understand("酒店 lobby 嘅戲有邊幾場？", lexicon, route=False).locations[0] == "lobby"


def test_a_room_named_in_the_other_language_finds_that_room_scenes(tmp_path: Path) -> None:
    # The headings name the rooms in English; the crew calls the kitchen 廚房 and the bar 酒吧.
    script = (
        "Title: Hotel\n\nINT. HARBOUR HOTEL 海港酒店 - KITCHEN - DAY #1#\n\nSteam.\n\n"
        "INT. HARBOUR HOTEL 海港酒店 - BAR - NIGHT #2#\n\nIce in a glass.\n\n"
        "INT. HARBOUR HOTEL 海港酒店 - KITCHEN - NIGHT #3#\n\nThe chef again.\n"
    )
    production = _script_and_places(
        tmp_path, script, "id,name_zh,names\nHARBOUR HOTEL,海港酒店,海港酒店;酒店;廚房;酒吧\n"
    )
    at = {name: [s.number for s in production.scenes if s.location in production.match_location(name)]
          for name in ("廚房", "酒店")}  # fmt: skip
    assert at == {"廚房": ["1", "3"], "酒店": ["1", "2", "3"]}
    from agent.intents import understand

    lexicon = Lexicon.from_production(production)
    assert understand("海港酒店後面廚房嘅戲有邊幾場？", lexicon, route=False).locations[0] == "廚房"
