"""Scene heading grammar: English and Chinese prefixes, separators, time of day, scene numbers."""

from __future__ import annotations

import pytest

from knowledge.headings import is_heading, normalise_time, parse_heading, split_scene_number
from knowledge.numerals import digits_in


@pytest.mark.parametrize(
    ("heading", "int_ext", "location", "time", "raw"),
    [
        ("INT. 茶餐廳 CHA CHAAN TENG - NIGHT", "INT", "茶餐廳 CHA CHAAN TENG", "NIGHT", "NIGHT"),
        ("內景。茶餐廳 - 夜", "INT", "茶餐廳", "NIGHT", "夜"),
        ("外景. 貓城市 - 清晨", "EXT", "貓城市", "DAWN", "清晨"),
        ("内景：公寓 — 日", "INT", "公寓", "DAY", "日"),
        ("内外景：的士 - 深夜", "INT/EXT", "的士", "NIGHT", "深夜"),
        ("內外景。的士（行駛中） - 夜", "INT/EXT", "的士（行駛中）", "NIGHT", "夜"),
        ("外。天台 - 黃昏", "EXT", "天台", "DUSK", "黃昏"),
        ("內：後巷 - 凌晨", "INT", "後巷", "NIGHT", "凌晨"),
        ("內/外景。巴士 - 傍晚", "INT/EXT", "巴士", "DUSK", "傍晚"),
        ("外景 街市 晨", "EXT", "街市", "DAWN", "晨"),
        ("外景，碼頭，黄昏", "EXT", "碼頭", "DUSK", "黄昏"),
        ("INT。 医院-天", "INT", "医院", "DAY", "天"),
        ("內景。阿嬌嘅屋企 - 白天", "INT", "阿嬌嘅屋企", "DAY", "白天"),
        ("外景。佢哋㗎車 - 夜晚", "EXT", "佢哋㗎車", "NIGHT", "夜晚"),
        ("內景：冇人嘅酒吧 - 晚上", "INT", "冇人嘅酒吧", "NIGHT", "晚上"),
        (
            "INT. POLICE STATION - INTERROGATION ROOM - NIGHT",
            "INT",
            "POLICE STATION - INTERROGATION ROOM",
            "NIGHT",
            "NIGHT",
        ),
        ("EXT. LIBRARY--DAY", "EXT", "LIBRARY", "DAY", "DAY"),
        ("EXT. PARK – DUSK", "EXT", "PARK", "DUSK", "DUSK"),
        ("INT./EXT. CAR - MOVING - DAY", "INT/EXT", "CAR - MOVING", "DAY", "DAY"),
        ("INT/EXT HOUSE - MAGIC HOUR", "INT/EXT", "HOUSE", "DUSK", "MAGIC HOUR"),
        ("I/E. TAXI - SUNRISE", "INT/EXT", "TAXI", "DAWN", "SUNRISE"),
        ("E/I GARAGE - SUNSET", "INT/EXT", "GARAGE", "DUSK", "SUNSET"),
        ("EST. HONG KONG SKYLINE - EVENING", "EXT", "HONG KONG SKYLINE", "DUSK", "EVENING"),
        ("INT. OFFICE - MORNING", "INT", "OFFICE", "DAY", "MORNING"),
        ("INT. OFFICE - AFTERNOON", "INT", "OFFICE", "DAY", "AFTERNOON"),
        ("int. house - day", "INT", "house", "DAY", "day"),
        ("INT HOUSE DAY", "INT", "HOUSE", "DAY", "DAY"),
        ("INT - HOUSE - DAY", "INT", "HOUSE", "DAY", "DAY"),
        ("INT. SAN FRANCISCO APARTMENT, DAY", "INT", "SAN FRANCISCO APARTMENT", "DAY", "DAY"),
        ("INT. HOUSE - DAY (1979)", "INT", "HOUSE", "DAY", "DAY (1979)"),
        ("INT. 7-ELEVEN", "INT", "7-ELEVEN", None, None),
        ("INT. HOUSE - PRE-DAWN", "INT", "HOUSE", "NIGHT", "PRE-DAWN"),
        ("外景。旺角 - 夜市", "EXT", "旺角 - 夜市", None, None),
        ("ИНТ. КВАРТИРА – КУХНЯ – ДЕНЬ", "INT", "КВАРТИРА – КУХНЯ", "DAY", "ДЕНЬ"),
    ],
)
def test_parse_heading(heading: str, int_ext: str, location: str, time: str | None, raw: str | None) -> None:
    parts = parse_heading(heading)
    assert is_heading(heading)
    assert (parts.int_ext, parts.location, parts.time_of_day, parts.time_raw) == (
        int_ext,
        location,
        time,
        raw,
    )


@pytest.mark.parametrize(
    "heading",
    [
        "EXT. ALLEY - CONTINUOUS",
        "INT. HALL, A MOMENT LATER",
        "內景。客廳 - 稍後",
        "内景. 豪华公寓 - 连续",
        "外景。街 - 同時",
    ],
)
def test_continuous_times_inherit(heading: str) -> None:
    parts = parse_heading(heading)
    assert parts.time_of_day is None
    assert parts.inherits_time
    assert parts.time_raw


def test_time_marker_without_time_of_day_is_kept_raw() -> None:
    parts = parse_heading("内景. 宠物展览会大厅 - 一周后")
    assert (parts.location, parts.time_raw, parts.time_of_day, parts.inherits_time) == (
        "宠物展览会大厅",
        "一周后",
        None,
        False,
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("夜", "NIGHT"),
        ("深夜", "NIGHT"),
        ("凌晨", "NIGHT"),
        ("晨", "DAWN"),
        ("清晨", "DAWN"),
        ("早上", "DAY"),
        ("日間", "DAY"),
        ("黃昏", "DUSK"),
        ("黄昏", "DUSK"),
        ("傍晚", "DUSK"),
        ("NIGHT (RAIN)", "NIGHT"),
        ("夜（雨）", "NIGHT"),
        ("LATER THAT NIGHT", "NIGHT"),
        ("THE NEXT MORNING", "DAY"),
        ("DAWN", "DAWN"),
    ],
)
def test_normalise_time(raw: str, expected: str) -> None:
    assert normalise_time(raw)[0] == expected


def test_unknown_time_is_not_recognised() -> None:
    assert normalise_time("生日") == (None, False, False)
    assert normalise_time("INTERROGATION ROOM") == (None, False, False)


@pytest.mark.parametrize(
    ("heading", "number", "location"),
    [
        ("INT. HOUSE - DAY #1#", "1", "HOUSE"),
        ("INT. HOUSE - DAY #12A#", "12A", "HOUSE"),
        ("INT. HOUSE - DAY #I-1-A#", "I-1-A", "HOUSE"),
        ("內景。茶餐廳 - 夜 #5#", "5", "茶餐廳"),
        ("12. 內景 茶餐廳 夜", "12", "茶餐廳"),
        ("第十二場 外景 旺角街頭 深夜", "12", "旺角街頭"),
        ("第3場：內景。差館 - 日", "3", "差館"),
        ("SC 14 INT. OFFICE - DAY", "14", "OFFICE"),
        ("2-B      INT. A FIFTH PLACE - DAY                       2-B", "2-B", "A FIFTH PLACE"),
        ("1-1 日 内 咖啡馆", "1-1", "咖啡馆"),
    ],
)
def test_scene_numbers(heading: str, number: str, location: str) -> None:
    parts = parse_heading(heading)
    assert (parts.scene_number, parts.location) == (number, location)


def test_relaxed_headings_only_in_relaxed_mode() -> None:
    assert not is_heading("12. 內景 茶餐廳 夜")
    assert is_heading("12. 內景 茶餐廳 夜", relaxed=True)
    assert is_heading("1. 咖啡館 日 內", relaxed=True)
    assert is_heading("內景茶餐廳－夜", relaxed=True)


@pytest.mark.parametrize(
    "line",
    [
        "外面落緊雨。",
        "內容好多嘢",
        "外景地點待定",
        "INTERIOR",
        "ESTABLISHING",
        "... not a scene header.",
        "內景拍攝完畢後，大家返屋企。",
        "外：佢哋走咗喇！",
        "",
    ],
)
def test_not_headings(line: str) -> None:
    assert not is_heading(line)
    assert not is_heading(line, relaxed=True)


def test_leading_number_that_is_not_a_heading_is_kept() -> None:
    assert split_scene_number("3 men walk in.", relaxed=True) == ("men walk in.", "3")
    assert parse_heading("12 ANGRY MEN").location == "12 ANGRY MEN"


def test_chinese_numbers() -> None:
    assert [digits_in(n) for n in ("十二", "一百零五", "二十", "3", "１２", "十")] == [
        "12",
        "105",
        "20",
        "3",
        "12",
        "10",
    ]
