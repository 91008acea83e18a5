"""A small bilingual production for the knowledge-store tests (the fixtures are in conftest.py)."""

from __future__ import annotations

from pathlib import Path

SCRIPT = """Title: 夜更 NIGHT SHIFT
Author: 測試編劇

EXT. 天台 ROOFTOP - NIGHT #1#

阿輝 climbs onto the roof. 細強 is waiting by the water tank with a USB STICK.

細強
(冷笑)
阿輝，你欠我哋嘅錢幾時還？

阿輝
下個禮拜，一定還。

INT. 金華茶餐廳 KAM WAH CHA CHAAN TENG - NIGHT #2#

阿美 pours 奶茶. 陳太 counts the till.

陳太
今晚好靜呀。

阿美
劉Sir 話佢會嚟。

INT. MONG KOK POLICE STATION - DAY #3#

INSPECTOR LAU reads the file on Siu Keung.

INSPECTOR LAU
Get me the CCTV from Nathan Road.

外景：天台 - 凌晨 #4#

劉督察 finds the BROKEN PHONE next to the pigeon coop.

劉督察
呢部電話……係阿輝嘅。
"""

CAST = """id,name_zh,names,actor,daily_rate,unavailable,notes
AH FAI,阿輝,阿輝;Ah Fai,鄺家豪,15000,2027-03-02,Taxi driver
MEI,阿美,阿美;Ah Mei,譚穎詩,12000,,Waitress
INSPECTOR LAU,劉督察,劉督察;劉Sir;LAU;Inspector Lau,方志偉,14000,2027-03-10..2027-03-11,CID inspector
SIU KEUNG,細強,細強;Siu Keung,羅文傑,10000,,Triad enforcer
MRS CHAN,陳太,陳太;Mrs Chan,李鳳儀,3000,,Cafe owner
"""

LOCATIONS = """id,name_zh,names,address,int_ext,unavailable,contact,notes
ROOFTOP,天台,天台;Rooftop,"57 Tung Choi Street, Mong Kok",EXT,2027-03-04,Mr Leung,Seven floors; no lift
KAM WAH CHA CHAAN TENG,金華茶餐廳,金華茶餐廳;茶餐廳;Kam Wah,"112 Fa Yuen Street, Mong Kok",INT,,Mr Chan,Shoot after closing
MONG KOK POLICE STATION,旺角警署,旺角警署;警署;Police Station,"142 Prince Edward Road West",INT,,PR office,Standing set
"""

NOTES = """# Director's notes 導演筆記

## Tone

A love letter to Mong Kok at three in the morning. Warm practicals, never grim.

## Scene 4 — the phone

The broken phone is the turn of the film: hold on it for a full five seconds, macro lens.

## 阿美嘅造型

阿美永遠着住茶餐廳嘅圍裙，頭髮紮起。
"""

SUBS = """1
00:00:01,000 --> 00:00:03,000
阿輝，你欠我哋嘅錢幾時還？
Ah Fai, when will you pay us back?

2
00:00:04,000 --> 00:00:06,000
下個禮拜，一定還。
Next week, I promise.
"""


def write_mini_production(folder: Path) -> Path:
    """The mini production's five files (script, cast, locations, notes, subtitles) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "night.fountain": SCRIPT,
        "cast.csv": CAST,
        "locations.csv": LOCATIONS,
        "notes.md": NOTES,
        "rough.zh-en.srt": SUBS,
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
