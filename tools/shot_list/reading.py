"""Reading a scene the way the drafting rules need it: its paragraphs (beats), who speaks on camera and
who is only heard, the names, props and looks in the action, and the department notes (stunt, vehicle,
extras, SFX, VFX) a paragraph calls for. Nothing here makes a shot."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from knowledge.numerals import chinese_numeral_to_int
from knowledge.production import Production
from knowledge.scenes import is_off_screen
from knowledge.screenplay import Element, Scene
from tools.shot_list.models import NOTE_TAGS, ShotSize

# --- Reading the scene ---------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s*")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9\-]*|\d+|[^\sA-Za-z\d]")
_CAPS = re.compile(r"[A-Z][A-Z0-9\-]*[A-Z0-9]")
_ZH_PROP = re.compile(r"「([^「」，。！？、：；…\n]{1,12})」")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words in capitals that are screenplay craft, not props.
_CRAFT_WORDS = _words(
    """POV INSERT ANGLE CLOSE ON BACK TO SCENE CUT FADE DISSOLVE SMASH MATCH INTERCUT CONTINUOUS CONT'D
    V.O O.S O.C OS VO OC MOS SFX VFX CGI FX STUNT STUNTS EXTRAS EXTRA CROWD MOVING DAY NIGHT DAWN DUSK INT EXT
    LATER SUPER TITLE TITLES CARD MONTAGE SERIES SHOTS FLASHBACK END BEGIN OK TV PM AM SOUND MUSIC SONG
    WIDE SHOT TIGHT PAN TILT ZOOM DOLLY CRANE TRACKING HANDHELD REVERSE ESTABLISHING AERIAL FREEZE FRAME
    SLOW MOTION SLO-MO MO"""
)
_SOUND_WORDS = _words(
    """BANG BOOM CRASH THUD SLAM WHAM KNOCK KNOCKS RING RINGS RINGING BEEP BEEPS BUZZ BUZZES CLICK CLICKS
    SNAP CRACK POP SCREAM SCREAMS SHOUT SHOUTS YELL YELLS THUMP WHOOSH SMASH SPLASH HONK HONKS BLARES
    SIRENS SIREN GUNSHOT GUNSHOTS BLAM BLAMMO CLANG RUMBLE ROAR ROARS"""
)
_PERSON_NOUNS = _words(
    """MAN MEN WOMAN WOMEN GIRL GIRLS BOY BOYS KID KIDS GUY GUYS LADY LADIES GUARD GUARDS COP COPS OFFICER
    OFFICERS DRIVER DRIVERS NURSE DOCTOR WAITER WAITRESS THUG THUGS GANG GANGSTER GANGSTERS BAND TEAM
    FAMILY PARENTS MOTHER FATHER MOM DAD SON DAUGHTER BROTHER SISTER UNCLE AUNT BOSS CLERK OWNER SERGEANT
    INSPECTOR DETECTIVE AGENT SOLDIER SOLDIERS MINION MINIONS CUSTOMER CUSTOMERS PASSENGER PASSENGERS
    STRANGER STRANGERS TRIAD TRIADS VICTIM WITNESS SNIPER KILLER PEOPLE PERSON CHILD CHILDREN BABY"""
)
# A lowercase word right before a capitalised word that makes it a description, not a prop.
_AUX_WORDS = _words(
    """is are was were be been being am gets get got so very too only totally really more most less not
    all quite just even almost utterly"""
)
# A lowercase word right after a capitalised word that makes that word a verb ("SMACKS him").
_OBJECT_WORDS = _words(
    """the a an him her them it his its their me us you my your our this that these those himself herself
    themselves everyone everything into onto against off through"""
)
_DETERMINERS = _words(
    """the a an his her their its my your our this that these those some two three four five six several
    s one another each every no any"""
)
_SENTENCE_STARTERS = frozenset({".", "!", "?", ":", ";", '"', "—", "-", "("})

_LOOK_EN = re.compile(
    r"\b(?:look(?:s|ed|ing)?|star(?:e|es|ed|ing)|glanc(?:e|es|ed|ing)|peer(?:s|ed|ing)?|gaz(?:e|es|ed|ing))"
    r"\b(?:\s+\w+)?\s+(?:at|into|through|out|over|across|toward|towards|down\s+at|up\s+at|on)\b\s*(?P<obj>[^.!?;]*)"
    r"|\b(?:sees|saw|watch(?:es|ed|ing)?|spots|spotted|notices|noticed)\b\s+(?P<obj2>[^.!?;]*)",
    re.IGNORECASE,
)
_LOOK_ZH = re.compile(
    r"(?:睇住|望住|盯住|見到|看著|看着|看向|望向|盯著|看到|望著|注視|凝視)(?P<obj>[^，。！？；\n]*)"
)
_MUTUAL = re.compile(r"^\s*(?:each other|one another)|互相|對望", re.IGNORECASE)

_STUNT_LABEL = re.compile(r"^\s*(?:STUNTS?|特技)\s*[:：]\s*")
_STUNT = re.compile(r"\bSTUNTS?\b|特技|危險動作|替身", re.IGNORECASE)
_EXTRAS = re.compile(
    r"\bEXTRAS\b|(?i:\bextras\b)|臨記|群眾|人群|途人|\b(?:a|the|of|into)\s+(?:[\w-]+\s+){0,2}crowds?\b|\bpassers-by\b|"
    r"\bpedestrians\b|\bonlookers\b|\bbystanders\b",
)
_CN_NUM_CHARS = "零〇一二兩三四五六七八九十廿卅百千"
_EXTRAS_COUNT = re.compile(
    r"(\d+)\s*(?:EXTRAS|extras|background|臨記|名臨記|個臨記)|(?:EXTRAS|臨記)\s*[:：x×X]?\s*(?:約|about|around)?\s*(\d+)"
    r"|crowd of (\d+)|([" + _CN_NUM_CHARS + r"]+)\s*(?:個|名)?臨記"
    r"|臨記\s*[:：]?\s*約?\s*([" + _CN_NUM_CHARS + r"\d]+)\s*[人名個]"
)
_SFX_TERMS: dict[str, re.Pattern[str]] = {
    "rain": re.compile(r"\brain(?:s|ing|y)?\b|落雨|下雨|大雨|雨水", re.IGNORECASE),
    "smoke": re.compile(r"\bsmoke|\bfog\b|濃煙|煙霧|乾冰", re.IGNORECASE),
    "fire": re.compile(r"\bflames?\b|\bon fire\b|\bblaze\b|起火|火光|火焰|着火|著火", re.IGNORECASE),
    "explosion": re.compile(r"\bexplo(?:des?|sion|sions|ded)\b|爆炸", re.IGNORECASE),
    "firearms (armourer on set)": re.compile(
        r"\b(?:pistol|revolver|rifle|shotgun|guns?|glock|beretta)\b|手槍|拔槍|槍",
        re.IGNORECASE,
    ),
    "gunfire (blanks, ear protection, notify police)": re.compile(
        r"\b(?:gunshots?|gunfire|fires (?:at|a shot|twice|again)|shoots|shot at|pulls the trigger)\b|開槍|槍聲",
        re.IGNORECASE,
    ),
    "blood": re.compile(r"\bblood(?:y|ied)?\b|\bbleed(?:s|ing)?\b|鮮血|流血|血跡", re.IGNORECASE),
    "breaking glass": re.compile(r"\bshatter(?:s|ed|ing)?\b|breaking glass|玻璃碎|打碎玻璃", re.IGNORECASE),
    "sparks": re.compile(r"\bsparks?\b|火花", re.IGNORECASE),
}
_VFX_TERMS: dict[str, re.Pattern[str]] = {
    "VFX": re.compile(r"\bVFX\b|\bCGI\b|特效"),
    "green screen": re.compile(r"\bgreen ?screen\b|\bblue ?screen\b|綠幕|藍幕", re.IGNORECASE),
}
_IMPACT = re.compile(
    r"\b(?:hits?|punch(?:es|ed)?|kicks?|kicked|slam(?:s|med)?|smash(?:es|ed)?|smacks?|smacked|crash(?:es|ed)?|"
    r"stabs?|stabbed|tackles?|tackled|shoves?|shoved|headbutts?|elbows?|falls?|fell|flips?|flipped|"
    r"fires|shoots|explodes?)\b|一拳|出拳|踢|撞|開槍|拔槍|揮刀|砍|刺|扭打|打鬥|推開|摔倒|跌落|飛身|爆炸",
    re.IGNORECASE,
)
_VEHICLE = re.compile(
    r"\b(?:cars?|taxis?|cabs?|vans?|trucks?|lorr(?:y|ies)|buses|bus|minibus|motorbikes?|motorcycles?|"
    r"jeeps?|sedans?)\b(?!\s*park)|的士|小巴|巴士|私家車|貨車|電單車|警車|車廂",
    re.IGNORECASE,
)
_MOVING_HEADING = re.compile(r"\bMOVING\b|\bDRIVING\b|行駛中|行駛")
_MOVING_ACTION = re.compile(
    r"\b(?:drives?|driving|drove|speeds?|speeding|sped|crawls along|pulls (?:away|out|up|off)|pulled away|"
    r"(?:behind|at) the wheel|swings the)\b|行駛|揸車|開車|開走|駛",
    re.IGNORECASE,
)
# Shots the writer asks for in the action: `MEI'S POV — IN THE MIRROR: ...`, `INSERT - PHONE SCREEN: ...`.
_WRITTEN_SHOT = re.compile(
    r"^\s*(?:(?P<who>[^\s:：—–-][^:：—–]*?)['’]S\s+|(?P<who_zh>\S{1,8}?)的)?(?P<kind>POV|主觀鏡?)(?![A-Za-z])"
    r"\s*[—–:：\-]*\s*(?P<what>.*)"
    r"|^\s*(?P<kind2>INSERT|CLOSE ON|CLOSE-UP ON|ANGLE ON|ON THE|WIDE ON|特寫|插入)(?![A-Za-z])\s*[—–:：\-]*\s*(?P<what2>.*)",
    re.DOTALL,
)
_WRITTEN_SIZE: dict[str, ShotSize] = {
    "INSERT": "INSERT",
    "ON THE": "INSERT",
    "插入": "INSERT",
    "CLOSE ON": "CU",
    "CLOSE-UP ON": "CU",
    "特寫": "CU",
    "ANGLE ON": "MS",
    "WIDE ON": "WS",
}
_TIME_JUMP = re.compile(
    r"LATER|NEXT|AFTER|DAYS?\b|WEEKS?\b|YEARS?\b|MONTHS?\b|稍後|之後|後來|翌日|第二天|隔日|隔天|天後|日後|年後|數日|幾日"
)
_TIME_SAME = re.compile(r"CONTINUOUS|CONTINUED|SAME|連續|同時|緊接")
_HEADING_POV = re.compile(r"\bPOV\b|主觀")
_HEADING_INSERT = re.compile(r"\bINSERT\b|\bCLOSE ON\b|\bCLOSE-?UP\b|特寫")
_VO = re.compile(r"\bV\.?\s*O\.?\b|旁白|畫外音", re.IGNORECASE)


@dataclass
class _Beat:
    """One paragraph of the scene: an action paragraph or one character's speech."""

    kind: Literal["action", "dialogue"]
    start: int
    end: int
    text: str
    speaker: str | None = None
    voice_over: bool = False
    dual: bool = False

    def overlaps(self, spans: Iterable[tuple[int, int]]) -> bool:
        return any(start <= self.end and self.start <= end for start, end in spans)


@dataclass
class _Reading:
    """What the rules need to know about one scene."""

    scene: Scene
    beats: list[_Beat]
    present: list[str]  # speaking then non-speaking, canonical
    speakers: list[str]  # on-camera speakers in order of first speech
    voice_only: list[str]  # characters heard only in V.O.
    names: dict[str, list[str]] = field(default_factory=dict)  # canonical → aliases to look for in action

    @property
    def span(self) -> tuple[int, int]:
        return (self.scene.line_start, self.scene.line_end)


def _read_scene(production: Production, scene: Scene) -> _Reading:
    beats: list[_Beat] = []
    elements: list[Element] = [e for e in scene.elements if e.type != "scene_heading"]
    if not elements and scene.lines:
        # A reader that kept only numbered text: treat every line after the heading as action.
        for line in scene.lines[1:]:
            if line.text.strip():
                beats.append(_Beat("action", line.line, line.line, line.text.strip()))
    for el in elements:
        if el.type == "action":
            beats.append(_Beat("action", el.line, max(el.end_line, el.line), el.text))
        elif el.type == "character":
            speaker = production.canonical_character(el.character or _strip_extension(el.text))
            vo = is_off_screen(el.extension) or bool(_VO.search(el.text))
            beats.append(
                _Beat(
                    "dialogue",
                    el.line,
                    max(el.end_line, el.line),
                    "",
                    speaker=speaker,
                    voice_over=vo,
                    dual=el.dual is not None,
                )
            )
        elif el.type in ("dialogue", "parenthetical") and beats and beats[-1].kind == "dialogue":
            last = beats[-1]
            last.end = max(last.end, el.end_line, el.line)
            if el.type == "dialogue":
                last.text = (last.text + " " + el.text).strip()
    low, high = scene.line_start, scene.line_end
    for beat in beats:
        beat.start, beat.end = max(beat.start, low), min(beat.end, high)
    beats = [b for b in beats if b.start <= b.end]

    speakers: list[str] = []
    voice_only: list[str] = []
    for beat in beats:
        if beat.kind == "dialogue" and beat.speaker and not beat.voice_over and beat.speaker not in speakers:
            speakers.append(beat.speaker)
    for name in scene.characters:
        if name not in speakers:
            heard = [b for b in beats if b.kind == "dialogue" and b.speaker == name]
            if heard and all(b.voice_over for b in heard):
                voice_only.append(name)
            else:
                speakers.append(name)  # a speaker the elements did not show (or only O.S.): cover anyway
    present = list(dict.fromkeys([*speakers, *scene.non_speaking]))
    all_names = production.character_names()
    names = {canon: [canon, *all_names.get(canon, [])] for canon in [*present, *voice_only]}
    return _Reading(scene, beats, present, speakers, voice_only, names)


def _strip_extension(cue: str) -> str:
    return re.sub(r"\s*\(.*?\)\s*|\s*\^\s*$", "", cue).strip()


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _has_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def _mentions(text: str, reading: _Reading) -> list[tuple[int, str]]:
    """(position, canonical name) of every character named in `text`, in order."""
    found: dict[str, int] = {}
    for canon, aliases in reading.names.items():
        for alias in aliases:
            alias = alias.strip()
            if not alias:
                continue
            if _has_cjk(alias):
                if len(alias) < 2:
                    continue
                pos = text.find(alias)
            else:
                match = re.search(r"(?<![\w])" + re.escape(alias) + r"(?![\w])", text, re.IGNORECASE)
                # Names are capitalised in action ("Steel sits"); "brick wall" is not BRICK.
                pos = match.start() if match and text[match.start()].isupper() else -1
            if pos >= 0 and (canon not in found or pos < found[canon]):
                found[canon] = pos
    return sorted((pos, canon) for canon, pos in found.items())


def _alias_words(reading: _Reading) -> list[list[str]]:
    out = []
    for aliases in reading.names.values():
        for alias in aliases:
            words = re.findall(r"[A-Za-z0-9\-]+", alias.upper())
            if words and not _has_cjk(alias):
                out.append(words)
    return out


def _contains_words(run: list[str], words: list[str]) -> bool:
    n = len(words)
    return any(run[i : i + n] == words for i in range(len(run) - n + 1))


# Lowercase words that may follow a prop: function words, and verbs that do not end in -s/-ed/-ing.
_AFTER_PROP = _words(
    """to in on at of off out up down from into onto with without under over and or but as that which who
    for by behind beside across still again away back open shut aside here there now then so lit closed
    is was are were has had fell fall lies lay went goes sat sits stood stands hung broke flew rang
    held spun slid drops hits spins lands glows round around near inside outside between"""
)


def _modifies_next(word: str) -> bool:
    """True for a lowercase noun-like word after a capitalised one ("the CID office")."""
    if not word.isalpha() or not word.islower():
        return False
    return word not in _AFTER_PROP and not re.search(r"(?:s|ed|ing)$", word)


def find_props(text: str, reading: _Reading) -> list[str]:
    """Props an action paragraph names: CAPITALISED English words that are not people, sound cues
    or screenplay craft, and 「」-marked Chinese words that are not character names."""
    props: list[str] = []
    alias_words = _alias_words(reading)
    tokens = _TOKEN.findall(text)
    i = 0
    while i < len(tokens):
        if not _CAPS.fullmatch(tokens[i]):
            i += 1
            continue
        j = i
        while j < len(tokens) and _CAPS.fullmatch(tokens[j]):
            j += 1
        prop = _prop_from_run(tokens, i, j, alias_words)
        if prop and prop not in props:
            props.append(prop)
        i = j
    for match in _ZH_PROP.finditer(text):
        word = match.group(1).strip()
        if word and not _mentions(word, reading) and word not in props:
            props.append(word)
    return props


def _prop_from_run(tokens: list[str], i: int, j: int, alias_words: list[list[str]]) -> str | None:
    run = tokens[i:j]
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[j] if j < len(tokens) else None
    # A verb at the end of the run ("The TRUCK SLAMS into") is not part of the prop.
    while run and nxt is not None and nxt.lower() in _OBJECT_WORDS and re.search(r"(?:S|ED)$", run[-1]):
        nxt = run.pop()
    if not run or run[0] == "THE":
        return None
    if all(w in _CRAFT_WORDS or w in _SOUND_WORDS for w in run):
        return None
    if any(_contains_words(run, words) for words in alias_words):
        return None
    last = run[-1]
    if last in _PERSON_NOUNS or last.endswith(("MAN", "MEN")):
        return None
    if nxt == "(":  # "MARY (30s)": a character introduction
        return None
    if prev is None or prev in _SENTENCE_STARTERS:  # "JOHN enters.": a name starting a sentence
        return None
    if nxt == "," and prev is not None and prev.lower() not in _DETERMINERS and prev != "'":
        return None  # "COGNITO, the criminal mastermind"
    if prev.lower() in _AUX_WORDS:
        return None
    verb_like = len(run) == 1 and re.search(r"(?:S|ED)$", last) and prev.lower() not in _DETERMINERS
    after_name = prev[:1].isupper() and not prev.isupper()
    if verb_like and (after_name or (prev.islower() and nxt is not None and nxt.isalpha())):
        return None  # "Steel SMACKS him", "the door EXPLODES open": a verb, not a prop
    if len(run) == 1 and nxt is not None and _modifies_next(nxt):
        return None  # "the CID office": a word describing the next one
    if len(run) == 1 and (last.endswith("LY") or (last.endswith("ING") and prev.lower() not in _DETERMINERS)):
        return None
    if sum(ch.isalpha() for ch in "".join(run)) < 3:  # "RM 412", "ID": abbreviations, not props
        return None
    if not (prev.isalpha() or prev.isdigit()) and prev not in ("'", "’", ","):
        return None
    return " ".join(run)


# Where the thing looked at ends: "the RADIO HANDSET and lets the call go".
_OBJECT_END = re.compile(r"\s+and\s+(?=\w+s\b)|,\s*(?=\w+ly\b)")
# A POV needs something to show. "Looks at it" is the insert of the prop just named; "looks at him"
# or "望住阿美" is the reverse, already on the list as that character's single or OTS.
_PRONOUN_OBJECT = re.compile(
    r"^(?:it|them|this|that|these|those|him|me|us|you|her(?=\W*$|\s+(?:for|go|again|and|as|with|then|"
    r"closely|carefully|coolly|\w+ly)\b))\b",
    re.IGNORECASE,
)
_PERSON_WORDS = re.compile(r"佢哋|佢|他們|她們|他|她|^\s*(?:the|a|an)\b|[\W_]+", re.IGNORECASE)


def _nothing_but_people(obj: str, reading: _Reading) -> bool:
    """True when what is looked at is only characters (by any name) and pronouns."""
    rest = obj
    for aliases in reading.names.values():
        for alias in sorted(aliases, key=len, reverse=True):
            if alias.strip():
                rest = re.sub(re.escape(alias.strip()), " ", rest, flags=re.IGNORECASE)
    return not _PERSON_WORDS.sub("", rest).strip()


def find_looks(text: str, reading: _Reading) -> list[tuple[str | None, str, list[str]]]:
    """(looker, what they look at, characters looked at) for every sentence where someone looks."""
    looks = []
    last_named: str | None = None
    for sentence in _sentences(text):
        mentions = _mentions(sentence, reading)
        match = _LOOK_EN.search(sentence) or _LOOK_ZH.search(sentence)
        if match:
            obj = (match.groupdict().get("obj") or match.groupdict().get("obj2") or "").strip(" ,.，")
            obj = _OBJECT_END.split(obj, maxsplit=1)[0].strip(" ,.，")
            if (
                obj
                and not _MUTUAL.search(obj)
                and not _MUTUAL.search(sentence)
                and not _PRONOUN_OBJECT.match(obj)
                and not _nothing_but_people(obj, reading)
            ):
                before = [canon for pos, canon in mentions if pos < match.start()]
                looker = before[0] if before else last_named
                if looker is None and len(reading.present) == 1:
                    looker = reading.present[0]
                seen = [canon for pos, canon in mentions if pos >= match.start() and canon != looker]
                looks.append((looker, obj, seen))
        if mentions:
            last_named = mentions[0][1]
    return looks


def _trim(text: str, limit: int) -> str:
    """One line of at most `limit` characters, Fountain emphasis (*bold*, _underline_) removed."""
    text = re.sub(r"\*+", "", text)
    text = re.sub(r"(?<!\w)_+|_+(?!\w)", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _extras_count(text: str) -> int | None:
    match = _EXTRAS_COUNT.search(text)
    if not match:
        return None
    raw = next(g for g in match.groups() if g)
    try:
        return int(raw) if raw.isdigit() else chinese_numeral_to_int(raw)
    except ValueError:
        return None


# --- Notes ---------------------------------------------------------------------------------------


def _beat_notes(beat: _Beat) -> dict[str, str]:
    """Department notes an action paragraph calls for, by tag."""
    notes: dict[str, str] = {}
    if beat.kind != "action":
        return notes
    text = beat.text
    if _STUNT.search(text):
        notes["STUNT"] = (
            "stunt coordinator on set; safety meeting before the take; rehearse at walking pace; "
            "pads and rigging checked; medic standing by"
        )
    if _is_moving_vehicle(text):
        notes["VEHICLE"] = VEHICLE_IN_SHOT_NOTE
    if _EXTRAS.search(text):
        count = _extras_count(text)
        who = f"{count} background" if count else "background (numbers to confirm)"
        notes["EXTRAS"] = f"{who}; background action and resets between takes; wardrobe continuity"
    sfx = [label for label, pattern in _SFX_TERMS.items() if pattern.search(text)]
    if sfx:
        notes["SFX"] = ", ".join(sfx)
    vfx = [label for label, pattern in _VFX_TERMS.items() if pattern.search(text)]
    if vfx:
        notes["VFX"] = ", ".join(vfx) + "; tracking markers and a clean plate"
    return notes


def _join_notes(parts: dict[str, str], extra: Sequence[str] = ()) -> str:
    segments = [f"{tag}: {parts[tag]}" for tag in NOTE_TAGS if tag in parts]
    return " | ".join([*segments, *extra])


MOVING_VEHICLE_NOTE = (
    "picture car on a low-loader or tow rig; police/traffic control and filming permit; "
    "radio link to the driver; minimum crew in the car"
)
PARKED_VEHICLE_NOTE = "picture car on set, engine off; vehicle wrangler with the keys"
VEHICLE_IN_SHOT_NOTE = "picture car moving in shot; traffic control; precision driver; repeat positions"


def _is_moving_vehicle(text: str) -> bool:
    return bool(_MOVING_ACTION.search(text) and _VEHICLE.search(text))


def _vehicle_scene(scene: Scene, beats: list[_Beat]) -> tuple[str | None, bool]:
    """(VEHICLE note for every shot, moving) when the heading puts the scene in a vehicle
    (a vehicle word, MOVING or 行駛中). Elsewhere a car only matters where it moves (see _beat_notes)."""
    heading = scene.heading
    if not (_VEHICLE.search(heading) or _MOVING_HEADING.search(heading)):
        return None, False
    action = " ".join(b.text for b in beats if b.kind == "action")
    moving = bool(_MOVING_HEADING.search(heading) or _MOVING_ACTION.search(action))
    return (MOVING_VEHICLE_NOTE if moving else PARKED_VEHICLE_NOTE), moving
