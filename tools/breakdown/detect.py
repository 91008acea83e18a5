"""Finding breakdown elements in a scene: action and headings (English and Chinese), Fountain
`[[notes]]`, Final Draft breakdown tags, and production notes that name the scene.

English is matched on word boundaries with the longest phrase winning (`biscuit tin` before
`tin`); Chinese is segmented with jieba first, so a word is only found where jieba finds it whole
(火 is not in 火車, 雨 is not in 雨傘). Capitalised phrases in English action are the screenwriter's
own breakdown marks (`a battered red TAXI`, `the PIGEON COOP`): each becomes an element, in the
category its words suggest, else a prop. Every element keeps where it was found.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from knowledge.fountain import strip_emphasis
from knowledge.numerals import parse_number
from knowledge.production import Production
from knowledge.screenplay import Element, Scene
from tools.breakdown.lexicon import (
    EQUIPMENT_TO_EFFECT,
    LEXICON,
    MEASURED_CHINESE,
    STUNT_ACTIONS,
    STUNT_CHINESE,
    WORN_ADJECTIVES,
    Term,
)
from tools.breakdown.mentions import chinese_unneeded, heard_spans, mask_unneeded, rain_over_spans
from tools.breakdown.model import BreakdownElement, Category, ElementSource, Origin, fold_name
from tools.shot_list import _CRAFT_WORDS, _OBJECT_WORDS, _PERSON_NOUNS, _SOUND_WORDS

_CJK = re.compile(r"[\u3400-\u9fff]")
_CAPS_PHRASE = re.compile(
    r"(?<![\w$])(\$?\d*\s?[A-Z][A-Z0-9'’\-]*[A-Z0-9](?:\s+[A-Z][A-Z0-9'’\-]*[A-Z0-9])*)(?![\w])"
)
_ZH_MARKED = re.compile(r"「([^「」，。！？、：；…\n]{1,12})」")
_NUMBER_WORDS = {
    "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "a hundred": 100, "hundred": 100,
    "a dozen": 12, "dozen": 12, "a couple of": 2, "several": None, "dozens of": None,
}  # fmt: skip
_NUM = r"(?:\d+|" + "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True)) + ")"
_APPROX = r"(?:(?:about|around|some|roughly|nearly|at least|over|up to)\s+)?"
# Group nouns that are background when no character owns them.
_CROWD_WORDS = (
    "crowd|extras|shoppers|passers-by|pedestrians|onlookers|bystanders|joggers|commuters|tourists|"
    "customers|diners|neighbours|neighbors|spectators|audience|mourners|students|workers|protesters|"
    "police officers|officers|forensic officers|guards|nurses|doctors|reporters|waiters|couple"
)
_CROWD_EN = re.compile(
    rf"\b(?:(?P<num>{_NUM})\s+{_APPROX})?(?P<adj>(?:[\w-]+\s+){{0,2}})(?P<noun>{_CROWD_WORDS})\b"
    rf"(?:\s+of\s+{_APPROX}(?P<num2>{_NUM})\b(?:\s+(?P<noun2>[a-z-]+s)\b)?)?",
    re.IGNORECASE,
)
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:a|the|of|into|through|his|her|their)\s+)$", re.IGNORECASE)
# An extras list: at a sentence's start or after a colon, comma or bracket (`the street is packed:
# EXTRAS, a crowd ...`, `餐廳好旺，臨記坐滿晒：...`), with a short Chinese verb allowed before its colon.
_EXTRAS_LINE = re.compile(
    r"(?:^|(?<=[:：，,（(]))\s*(?:EXTRAS|BACKGROUND|臨記|群演)\s*(?:\([^)]*\)|（[^）]*）)?\s*"
    r"(?:[\u3400-\u9fff]{1,3})?\s*(?:[:：]|[,，](?=\s*\S))\s*(?P<body>.+)",
    re.S,
)
_ZH_COUNT = re.compile(
    r"(?:約|大約|大概|差唔多)?(?P<num>[\d零〇一二兩三四五六七八九十廿卅百千]+)\s*(?:個|名)?(?:人|位|名臨記|個臨記)"
)
_ZH_PRONOUNS = frozenset("他們 她們 我們 你們 佢們 它們 牠們 咱們 人們".split())
_ZH_INTRO = re.compile(r"(?:\*\*)?(?P<name>[\u3400-\u9fff]{1,8})(?:\*\*)?\s*[（(](?P<desc>[^）)]{2,40})[）)]")
# What a word heads when it only qualifies the noun after it: a place (貓咪公園, 的士站), a person
# (的士司機, 的士佬), a firm (巴士公司).
_ZH_PLACE_AFTER = re.compile(
    r"^(?:館|店|舖|鋪|公園|商場|市場|街|城|城市|廳|健身房|學校|大廈|餐廳|咖啡館|站|碼頭|公司|司機|佬)"
)
# A table, a car or a boat counting people (幾枱客 a few tables of customers, 一車人 a carful, 成船人):
# a measure word, not the thing.
_ZH_MEASURE_BEFORE = re.compile(r"[一二兩三四五六七八九十幾成半滿]$")
_ZH_PEOPLE_AFTER = re.compile(r"^(?:客|人)")
# The same in English: a lexicon noun followed by one of these is only qualifying it (`cup holder`,
# `clock tower`, `minibus drivers`, `phone numbers`, `STAR FERRY PIER`, `bird garden`, `ICU corridor`).
_COMPOUND_HEADS = frozenset(
    """holder holders tower towers driver drivers pier piers station stations stand stands rank ranks
    terminal terminals stop stops depot depots garden gardens park parks number numbers shop shops
    store stores company companies office offices corridor corridors room rooms ward wards parlour
    parlours licence licences license licenses dealer dealers seller sellers""".split()
)
# A noun is not followed straight by one of these; a verb is (`dresses a cut`, `bags the phone`).
_OBJECT_START = frozenset(
    "a an the his her their its my your our him them it this that these those every".split()
)
_DETERMINERS = frozenset(
    "a an the his her their its my your our this that these those of some any no every each one two three".split()
)
# A capitalised phrase that opens with a preposition is a shot's direction (`THROUGH THE REAR WINDOW`,
# `IN THE MIRROR`, `ON THE LAPTOP SCREEN`), not an element.
_DIRECTION_WORDS = frozenset(
    "IN ON AT THROUGH INTO ONTO FROM OVER UNDER BEHIND INSIDE OUTSIDE ACROSS TOWARDS TOWARD BACK".split()
)
_ZH_CROWD = re.compile(
    r"(?P<plural>[\u3400-\u9fff]{1,3}們)|(?:擠滿了?|坐滿了?|滿是)(?P<who2>[\u3400-\u9fff]{1,6}?)(?=和|與|及|，|。|、|$)|(?:一群|一班|成班|一堆)(?P<who>[\u3400-\u9fff]{1,6}?(?:人類|人|客|警員|途人|街坊|學生|工人|記者|貓咪|貓))|人群|途人|群眾|街坊|鄰居|觀眾|臨記"
)
_INTRO = re.compile(r"(?<![\w])(?P<name>[A-Z][A-Z'’\-]+(?:\s+[A-Z][A-Z'’\-]+)*)\s*\((?P<desc>[^)]*)\)")
_AGE = re.compile(r"\d0s|\b(?:late|early|mid)\b|\d+", re.IGNORECASE)
_STORY_DAY = re.compile(r"(?i)\bstory\s*day\s*[:#]?\s*(\w+)|第\s*([\d一二三四五六七八九十]+)\s*[日天]")
_VO = re.compile(r"\bV\.?\s*O\.?\b|旁白|畫外音|\bON THE PHONE\b|\bFILTERED\b", re.IGNORECASE)
_STUNT_LABEL = re.compile(r"^\s*(?:STUNTS?|特技|危險動作)\s*[:：]|\bstunt\b|特技|替身", re.IGNORECASE)
# Screen content is made one of two ways, and the text that says which department makes it decides:
# composited in post it is a visual effect, made by the art department for playback on set it is a
# prop (`Screen content is a graphics insert (art dept: ...)`).
_MADE_ON_SET = re.compile(
    r"\b(?:art\s+dep(?:t|artment)|props?\s+(?:dep(?:t|artment)|master|team)|(?:video|screen)\s+playback)\b|美術|道具組",
    re.IGNORECASE,
)
# A worn thing's adjective before the noun it describes (`a uniformed OFFICER`, `his gloved hand`),
# not the verb (`the noise masked his steps`).
_WORN = re.compile(
    r"\b(?:a|an|the|his|her|their|its|two|three|four|five|six|several|some|\d+)\s+(?:[a-z]+ly\s+)?"
    rf"(?P<adj>{'|'.join(WORN_ADJECTIVES)})(?=\s+[A-Za-z])",
    re.IGNORECASE,
)
# A banknote called by its value where money changes hands (`drops a crumpled twenty on the
# counter`, `slips him a fifty`, `hands over a 100-dollar bill`): not a count (`counts to a hundred`).
_BANKNOTE = re.compile(
    r"\b(?:drop|hand|slip|pay|paid|toss|leave|left|put|lay|laid|slap|peel|pull|take|took|hold|held|pocket|"
    r"give|gave|throw|threw|offer|tuck|push|slide|slid|flick|fish|press|stuff|wave)(?:s|es|ed|ing)?"
    r"\s+(?:(?!to\b|up\b)\w+\s+)?(?:(?:a|an|another|the|one|his|her|their)\s+)"
    r"(?P<note>(?:(?:crumpled|folded|crisp|fresh|soggy|torn|spare|single|lone|last|greasy|damp)\s+)?"
    r"(?:(?:HK)?\$?\d+|five|ten|twenty|fifty|hundred|five-hundred|thousand)"
    r"(?:[-\s]dollars?)?(?:\s+(?:bill|note|banknote))?)"
    r"(?=\s*(?:[.,;:!?)]|$|(?:on|onto|next|into|to|from|in|under|across|over|at|and|for|between|beside|off)\b))",
    re.IGNORECASE,
)
# What introduces the people a group name stands for: `THE BOY BAND, AKA DAN and JACK`.
_ALIAS_OF = re.compile(
    r"\s*[,(—–-]?\s*(?:AKA|a\.k\.a\.?|also\s+known\s+as|otherwise\s+known\s+as|i\.e\.|that\s+is,?|namely)\s+"
    r"(?:the\s+)?(?P<who>[A-Za-z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)",
    re.IGNORECASE,
)
_TRAILING_CRAFT = frozenset("V.O V.O. O.S. CONT'D POV INSERT".split())
_PEOPLE_WORDS = _PERSON_NOUNS | frozenset("HENCHMAN HENCHMEN OFFICERS POLICE FORENSIC EXTRAS".split())
_NOT_PROPS = (
    _CRAFT_WORDS
    | _SOUND_WORDS
    | frozenset(
        "I A THE AND OR OF TO IN AKA INCHES AWAY FILLS BAD DEAD BURN PINK OK NO YES TX CHASE STUNT FIGHT".split()
    )
)


@dataclass(frozen=True)
class Hit:
    """One element found in one piece of text."""

    category: Category
    name: str
    source: ElementSource
    group: str  # what merges hits into one element: a lexicon entry, or the folded name
    count: int | None = None
    character: str | None = None
    detail: str = ""


@dataclass
class SceneText:
    """The pieces of a scene detection reads, each with where it came from."""

    scene: Scene
    file: str
    pieces: list[tuple[str, int, Origin]] = field(default_factory=list)  # text, line, origin


# --- words ---------------------------------------------------------------------------------------


def _plural(word: str) -> str:
    if word.endswith("="):
        return re.escape(word[:-1])
    escaped = re.escape(word)
    if word.endswith(("s", "x", "ch", "sh")):
        return escaped + "(?:es)?"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return re.escape(word[:-1]) + "(?:y|ies)"
    return escaped + "s?"


@cache
def _english_patterns() -> list[tuple[re.Pattern[str], int, str]]:
    """(pattern, lexicon index, the phrase) for every English phrase, longest first."""
    out = []
    for index, term in enumerate(LEXICON):
        for phrase in term.english:
            words = phrase.split()
            body = r"\s+".join([*(re.escape(w) for w in words[:-1]), _plural(words[-1])])
            out.append((re.compile(rf"(?<![\w$-]){body}(?![\w-])", re.IGNORECASE), index, phrase.rstrip("=")))
    out.sort(key=lambda item: len(item[2]), reverse=True)
    return out


@cache
def _english_leads() -> list[str]:
    """Each English pattern's first word as every match of it starts (without a plural's y), in
    `_english_patterns` order: a substring test skips the patterns that cannot match. Thousands of
    phrases a sentence, each a regex, made the breakdown of a feature-length script take seconds."""
    leads = []
    for _pattern, _index, phrase in _english_patterns():
        first = phrase.split()[0].rstrip("=").lower()
        if len(phrase.split()) == 1 and first.endswith("y") and not phrase.endswith("="):
            first = first[:-1]
        leads.append(first)
    return leads


@cache
def _chinese_index() -> dict[str, int]:
    from tools.subtitles.text import opencc_convert

    index: dict[str, int] = {}
    for number, term in enumerate(LEXICON):
        for word in term.chinese:
            index.setdefault(word, number)
            index.setdefault(opencc_convert(word, "t2s"), number)
            index.setdefault(opencc_convert(word, "s2t"), number)
    return index


@cache
def _segmenter() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    words = set(_chinese_index()) | {w for words in STUNT_CHINESE.values() for w in words}
    for word in words:
        tokenizer.add_word(word, freq=5000)
    return tokenizer


def chinese_words(text: str) -> list[tuple[str, int]]:
    """(word, offset) for Chinese text, segmented by jieba through a Simplified copy.

    Dictionary words only (no HMM): the HMM joins characters into words no dictionary has (風好 of
    風好大, 好件褸 of 拉好件褸), which would hide the lexicon's one-character words inside them."""
    from tools.subtitles.text import opencc_convert

    simplified = opencc_convert(text, "t2s")
    source = simplified if len(simplified) == len(text) else text
    out, pos = [], 0
    for piece in _segmenter().lcut(source, HMM=False):
        out.append((text[pos : pos + len(piece)], pos))
        pos += len(piece)
    return out


def _number(text: str | None) -> int | None:
    if not text:
        return None
    folded = text.strip().lower()
    if folded in _NUMBER_WORDS:
        return _NUMBER_WORDS[folded]
    return parse_number(folded)


# --- reading the scene ---------------------------------------------------------------------------


def scene_text(scene: Scene) -> SceneText:
    """The scene's heading, action, centred text and notes, each with its line and origin."""
    out = SceneText(scene=scene, file=scene.file)
    for element in scene.elements:
        if element.type == "scene_heading":
            out.pieces.append((element.text, element.line, "heading"))
        elif element.type in ("action", "centered", "parenthetical"):
            out.pieces.append((strip_emphasis(element.text), element.line, "action"))
        elif element.type == "note":
            out.pieces.append((element.text, element.line, "note"))
    return out


def story_day(scene: Scene) -> str | None:
    """`Story day 3` / `第三日` in the scene's notes or synopsis."""
    texts = [e.text for e in scene.elements if e.type in ("note", "synopsis")]
    for text in texts:
        match = _STORY_DAY.search(text)
        if match:
            return match.group(1) or str(parse_number(match.group(2)) or match.group(2))
    return None


# --- detection -----------------------------------------------------------------------------------


class Detector:
    """Detection for one production: knows its characters, so names are never props."""

    def __init__(self, production: Production) -> None:
        self.production = production
        names: set[str] = set()
        for member, aliases in production.character_names().items():
            names.add(member.upper())
            names.update(a.upper() for a in aliases)
        for scene in production.scenes:
            names.update(c.upper() for c in scene.characters)
        self.character_names = names
        self.cjk_names = {n for n in names if _CJK.search(n) and len(n) >= 2}
        self.vehicle_names = self._vehicles_named_in_capitals(production.scenes)

    def _vehicles_named_in_capitals(self, scenes: Sequence[Scene]) -> dict[str, str]:
        """A vehicle the writer introduced in capitals by make and model (`a black TOYOTA ALPHARD`)
        is named by its model afterwards, in any scene (`the Alphard pulls up`): the model, Title
        case, to the capitals' group. Only a last word the lexicon does not know already (`POLICE
        CAR` needs nothing) and that is no character's name."""
        vehicle_patterns = [p for p, index, _ in _english_patterns() if LEXICON[index].category == "vehicles"]
        all_patterns = [p for p, _index, _phrase in _english_patterns()]
        out: dict[str, str] = {}
        for scene in scenes:
            for element in scene.elements:
                if element.type != "action":
                    continue
                for match in _CAPS_PHRASE.finditer(strip_emphasis(element.text)):
                    words = [w for w in match.group(1).split() if w not in _NOT_PROPS and not w.isdigit()]
                    phrase = " ".join(words)
                    model = words[-1] if len(words) >= 2 else ""
                    if not (len(model) >= 3 and model.isalpha()) or model in self.character_names:
                        continue
                    if not any(p.search(phrase) for p in vehicle_patterns):
                        continue
                    if any(p.fullmatch(model) for p in all_patterns):
                        continue
                    category, group = self._category_of(phrase)
                    if category == "vehicles":
                        out.setdefault(model.title(), group)
        return out

    def scene_hits(self, scene: Scene, text: SceneText | None = None) -> list[Hit]:
        text = text or scene_text(scene)
        hits = self._cast(scene)
        for piece, line, origin in text.pieces:
            source = ElementSource(file=text.file, line=line, scene=scene.number, origin=origin)
            hits += self.text_hits(piece, source)
            if origin == "note":
                hits.append(
                    Hit("notes", piece.strip(), source, "note:" + piece.strip(), detail=piece.strip())
                )
        return hits

    def text_hits(self, text: str, source: ElementSource) -> list[Hit]:
        """Every element one piece of text names (action, a note, a sentence of production notes)."""
        hits: list[Hit] = []
        masked = text
        sentences = re.split(r"(?<=[.!?。！？])\s*", text)
        for sentence in sentences:
            extras = _EXTRAS_LINE.search(sentence)
            if extras:
                hits += self._extras_line(extras.group("body"), source)
                kept = sentence[: extras.start()]
                masked = masked.replace(sentence, kept + " " * (len(sentence) - len(kept)))
        hits += self._rain_over(masked, source)  # before masking blanks the rain that has stopped
        masked = mask_unneeded(masked)  # `No stunt`, `ambulance on standby`: before anything reads it
        hits += self._stunts(masked, source)
        found, masked = self._intros(masked, source)
        hits += found
        found, masked = self._worn(masked, source)
        hits += found
        found, masked = self._banknotes(masked, source)
        hits += found
        found, masked = self._crowds(masked, source)
        hits += found
        found, masked = self._heard(masked, source)
        hits += found
        if source.origin != "heading":
            found, masked = self._caps(masked, source)
            hits += found
        found, masked = self._vehicle_models(masked, source)
        hits += found
        found, masked = self._english(masked, source)
        hits += found
        hits += self._chinese(masked, source)
        if source.origin == "heading":
            hits = [h for h in hits if h.category in ("vehicles", "weather", "sfx")]
        if _MADE_ON_SET.search(text):
            hits = [_as_playback(h) for h in hits]
        return hits + implied_effects(hits)

    # cast -----------------------------------------------------------------------------------------

    def _cast(self, scene: Scene) -> list[Hit]:
        voiced: dict[str, bool] = {}
        cue_line: dict[str, int] = {}
        for element in scene.elements:
            if element.type == "character" and element.character:
                name = self.production.canonical_character(element.character)
                on_camera = not _VO.search(element.extension or "")
                voiced[name] = voiced.get(name, False) or on_camera
                cue_line.setdefault(name, element.line)
        hits = []
        for name in scene.characters:
            category: Category = "cast" if voiced.get(name, True) else "cast_voice"
            source = ElementSource(
                file=scene.file, line=cue_line.get(name), scene=scene.number, origin="action"
            )
            hits.append(Hit(category, name, source, "cast:" + name))
        for name in scene.non_speaking:
            source = ElementSource(
                file=scene.file, line=scene.line_start, scene=scene.number, origin="action"
            )
            hits.append(Hit("cast_silent", name, source, "cast:" + name))
        return hits

    def _intros(self, text: str, source: ElementSource) -> tuple[list[Hit], str]:
        """`The DRIVER (60s, silent)`: a character introduced by an age who may never speak."""
        hits = []
        for match in _INTRO.finditer(text):
            name, desc = match.group("name").strip(), match.group("desc")
            if not _AGE.search(desc) or name in _CRAFT_WORDS:
                continue
            canonical = self.production.canonical_character(name)
            hits.append(
                Hit("cast_silent", canonical, source.model_copy(update={"text": name}), "cast:" + canonical)
            )
            for hit in self.text_hits(desc, source):
                if hit.category in ("wardrobe", "makeup", "props"):
                    hits.append(Hit(hit.category, hit.name, hit.source, hit.group, character=canonical))
            text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
        for match in _ZH_INTRO.finditer(text):
            name = match.group("name")
            if name.upper() not in self.character_names:
                continue
            canonical = self.production.canonical_character(name)
            for hit in self._chinese(match.group("desc"), source):
                if hit.category in ("wardrobe", "makeup", "props"):
                    hits.append(Hit(hit.category, hit.name, hit.source, hit.group, character=canonical))
            start, end = match.start("desc"), match.end("desc")
            text = text[:start] + "　" * (end - start) + text[end:]
        return hits, text

    # background -----------------------------------------------------------------------------------

    def _extras_line(self, body: str, source: ElementSource) -> list[Hit]:
        """`EXTRAS: a crowd ..., two POLICE OFFICERS` (each item) or `臨記：約四十人，...` (one total)."""
        total = _ZH_COUNT.search(body)
        if total and body.find(total.group(0)) < 8:
            count = _number(total.group("num"))
            src = source.model_copy(update={"text": body.strip()[:80]})
            return [
                Hit(
                    "background",
                    "臨記" if _CJK.search(body) else "EXTRAS",
                    src,
                    "extras",
                    count,
                    detail=body.strip(),
                )
            ]
        hits = []
        for item in re.split(r"[,，、;；]|\band\b", body):
            item = item.strip(" .。）)")
            if _CJK.search(item):
                item = re.split(r"嘅|的(?!士)", item)[-1]  # 食宵夜嘅的士司機: the drivers
            if not item:
                continue
            match = re.match(rf"(?:(?P<num>{_NUM})\s+)?(?P<rest>.+)", item, re.IGNORECASE)
            assert match is not None
            rest = re.sub(r"\s+(?:with|in|on|still|who|\w+ing)\b.*", "", match.group("rest"))
            name = rest.strip()
            count = _number(match.group("num")) if match.group("num") else None
            if count == 1 and match.group("num", "rest") and match.group("num").lower() in ("a", "an"):
                count = None
            src = source.model_copy(update={"text": item})
            hits.append(Hit("background", name, src, "bg:" + fold_name(name), count))
        found, rest = self._english(body, source)
        found += self._chinese(rest, source)
        hits += [
            h for h in found if h.category in ("props", "set_dressing", "wardrobe", "vehicles", "animals")
        ]
        return hits

    def _crowds(self, text: str, source: ElementSource) -> tuple[list[Hit], str]:
        hits = []
        for match in _CROWD_EN.finditer(text):
            noun = match.group("noun")
            adjectives = [w for w in match.group("adj").split() if w.isupper() and len(w) > 1]
            if match.group("adj").split() and not adjectives:
                adjectives = []
            if noun.upper() in self.character_names or text[: match.start("noun")].rstrip().endswith("("):
                continue
            if self._names_characters(text[match.end() :]):
                continue  # `the odd couple, aka MAY and SAM`: characters under a name
            if noun.lower() == "crowd" and not (
                _DETERMINER_BEFORE.search(text[: match.start("noun")]) or match.group("num2")
            ):
                continue  # "the pigeons crowd the wire"
            count = _number(match.group("num2") or match.group("num"))
            if match.group("num") and match.group("num").lower() in ("a", "an") and not match.group("num2"):
                count = None
            if count is None:  # "followed by four POLICE OFFICERS": the number sits among the words before
                numbers = [_number(w) for w in match.group("adj").split() if w.lower() not in ("a", "an")]
                count = next((n for n in numbers if n), None)
            noun = match.group("noun2") or noun
            name = " ".join([*adjectives, noun.upper() if noun.isupper() else noun.lower()])
            hits.append(
                Hit(
                    "background",
                    name,
                    source.model_copy(update={"text": match.group(0)}),
                    "bg:" + fold_name(name),
                    count,
                )
            )
            text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
        for match in _ZH_CROWD.finditer(text):
            who = match.group("who") or match.group("who2") or match.group(0)
            if match.group("plural") and (
                who in _ZH_PRONOUNS or who[-3:] in _ZH_PRONOUNS or who[-2:] in _ZH_PRONOUNS
            ):
                continue
            count_match = _ZH_COUNT.search(text, match.end(), match.end() + 12)
            count = _number(count_match.group("num")) if count_match else None
            hits.append(
                Hit("background", who, source.model_copy(update={"text": match.group(0)}), "bg:" + who, count)
            )
            text = text[: match.start()] + "　" * (match.end() - match.start()) + text[match.end() :]
        return hits, text

    # stunts ---------------------------------------------------------------------------------------

    def _stunts(self, text: str, source: ElementSource) -> list[Hit]:
        hits = []
        names = [name for name, pattern in STUNT_ACTIONS.items() if re.search(pattern, text)]
        if _CJK.search(text):
            words = {w for w, _ in chinese_words(text)}
            names += [name for name, zh in STUNT_CHINESE.items() if words & set(zh) and name not in names]
        if not names and _STUNT_LABEL.search(text):
            names = ["stunt"]
        for name in names:
            hits.append(
                Hit("stunts", name, source.model_copy(update={"text": text.strip()[:80]}), "stunt:" + name)
            )
        return hits

    # props and the rest ---------------------------------------------------------------------------

    def _rain_over(self, text: str, source: ElementSource) -> list[Hit]:
        """`Rain has just stopped`, 雨啱啱停咗: no rain, but a wet-down (the lexicon's entry)."""
        hits = []
        index = _entry_of("wet-down")
        term = LEXICON[index]
        for start, end in rain_over_spans(text):
            said = text[start:end]
            name = term.chinese[0] if _CJK.search(said) else term.english[0]
            hits.append(Hit(term.category, name, source.model_copy(update={"text": said}), f"lex:{index}"))
        return hits

    def _worn(self, text: str, source: ElementSource) -> tuple[list[Hit], str]:
        """`a uniformed officer`, `two masked men`: the uniform, the masks."""
        hits = []
        for match in _WORN.finditer(text):
            garment = WORN_ADJECTIVES[match.group("adj").lower()]
            index = _entry_with(garment)
            said = source.model_copy(update={"text": match.group("adj")})
            hits.append(Hit(LEXICON[index].category, garment, said, f"lex:{index}"))
            text = _blank_span(text, match.start("adj"), match.end("adj"))
        return hits, text

    def _banknotes(self, text: str, source: ElementSource) -> tuple[list[Hit], str]:
        """`drops a crumpled twenty on the counter`: a banknote, a prop."""
        hits = []
        for match in _BANKNOTE.finditer(text):
            name = match.group("note")
            said = source.model_copy(update={"text": name})
            hits.append(Hit("props", name, said, f"lex:{_entry_with('money')}"))
            text = _blank_span(text, match.start("note"), match.end("note"))
        return hits, text

    def _heard(self, text: str, source: ElementSource) -> tuple[list[Hit], str]:
        """`the sound of rain on the roof`, 傳來雷聲: a sound for the sound department, not an effect."""
        hits = []
        for start, end in heard_spans(text):
            span = text[start:end]
            found, _ = self._english(span, source)
            found += self._chinese(span, source)
            for hit in found:
                if hit.category in _HEARD_AS_SOUND:
                    name = f"{hit.name} (sound)"
                    hits.append(Hit("sound", name, hit.source, "sound:" + fold_name(name)))
                elif hit.category == "sound":
                    hits.append(hit)
            if found:
                text = text[:start] + "".join("　" if _CJK.match(ch) else " " for ch in span) + text[end:]
        return hits, text

    def _caps(self, text: str, source: ElementSource) -> tuple[list[Hit], str]:
        hits = []
        for match in _CAPS_PHRASE.finditer(text):
            phrase = match.group(1).strip()
            words = [w for w in re.split(r"\s+", phrase) if w]
            if words and words[0] in _DIRECTION_WORDS:
                text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
                continue  # a shot's direction: `THROUGH THE REAR WINDOW`
            while words and words[0] not in _SOUND_WORDS and (words[0] in _NOT_PROPS or words[0].isdigit()):
                words.pop(0)
            if words and all(w in _SOUND_WORDS for w in words):
                name = " ".join(words).lower()
                hits.append(Hit("sound", name, source.model_copy(update={"text": phrase}), "sound:" + name))
                continue  # `A KNOCK at the door`: the writer's mark for a sound cue
            while words and (words[0] in _NOT_PROPS or words[0].isdigit()):
                words.pop(0)
            while words and words[-1] in _TRAILING_CRAFT:
                words.pop()
            phrase = " ".join(words)
            if not phrase or len(phrase) < 3 or phrase.upper() in self.character_names:
                continue
            if any(w.rstrip("'’S") in self.character_names or w in self.character_names for w in words):
                continue
            if all(w in _NOT_PROPS for w in words):
                continue
            if self._names_characters(text[match.end() :]):
                continue  # `THE BOY BAND, AKA DAN and JACK`: the cast under a name, not extras
            after = text[match.end() :].split(None, 1)
            if words[-1].lower() in _COMPOUND_HEADS or (
                after and after[0].strip(".,;:").lower() in _COMPOUND_HEADS
            ):
                continue  # `the ICU corridor`, `the CID office`: it names a place
            if len(words) == 1 and after and after[0].strip(".,") in _OBJECT_WORDS:
                continue  # a verb in capitals: "is SLAMMED against", "SMACKS him"
            padded = f" {phrase} "
            if any(f" {n} " in padded for n in self.character_names if " " in n or len(n) >= 4):
                continue  # "EXTREMELY HANDSOME MAN" is HANDSOME MAN
            lead = len(match.group(1)) - len(match.group(1).lstrip())
            if self._lexicon_runs_past(text, match.start(1) + lead, match.end()):
                continue  # `LED wall`: the lexicon's longer phrase names it
            category, group = self._category_of(phrase)
            if phrase.title() in self.vehicle_names:
                category, group = "vehicles", self.vehicle_names[phrase.title()]  # `the ALPHARD`
            if words[-1] in _PEOPLE_WORDS or words[-1].rstrip("S") in _PEOPLE_WORDS:
                category, group = "background", "bg:" + fold_name(phrase)
                count = self._count_before(text, match.start())
                hits.append(Hit(category, phrase, source.model_copy(update={"text": phrase}), group, count))
            else:
                hits.append(Hit(category, phrase, source.model_copy(update={"text": phrase}), group))
            text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
        return hits, text

    def _names_characters(self, following: str) -> bool:
        """The text after a capitalised phrase says who it is (`, AKA DAN and JACK`, `— that is,
        MAY`): the phrase is a name for those characters."""
        alias = _ALIAS_OF.match(following)
        if alias is None:
            return False
        words = alias.group("who").upper().split()
        return any(" ".join(words[:n]) in self.character_names for n in (1, 2))

    def _vehicle_models(self, text: str, source: ElementSource) -> tuple[list[Hit], str]:
        """`The Alphard pulls up`: a vehicle the writer introduced in capitals, named by its model."""
        hits = []
        for model, group in self.vehicle_names.items():
            for match in re.finditer(rf"(?<![\w-]){re.escape(model)}(?![\w-])", text):
                hits.append(Hit("vehicles", model, source.model_copy(update={"text": model}), group))
                text = text[: match.start()] + " " * len(model) + text[match.end() :]
        return hits, text

    def _lexicon_words(self, token: str, offset: int, index: dict[str, int]) -> list[tuple[str, int]]:
        if token in index:
            return [(token, offset)]
        return [(word, offset + pos) for word, pos in _longer_words(token, index)]

    def _inside_name(self, text: str, start: int, word: str) -> bool:
        """橘貓 in 橘貓教小王 is the character 橘貓大師, not a cat."""
        for before in range(0, 3):
            for after in range(0, 3):
                if not before and not after:
                    continue
                piece = text[max(0, start - before) : start + len(word) + after]
                if len(piece) > len(word) and any(piece in name for name in self.cjk_names):
                    return True
        return False

    def _count_before(self, text: str, start: int) -> int | None:
        match = re.search(rf"\b({_NUM})\s+{_APPROX}$", text[max(0, start - 20) : start], re.IGNORECASE)
        return _number(match.group(1)) if match else None

    def _lexicon_runs_past(self, text: str, start: int, end: int) -> bool:
        head = text[start : start + 40].lower()
        for (pattern, _index, _phrase), lead in zip(_english_patterns(), _english_leads(), strict=True):
            if not head.startswith(lead):
                continue  # the phrase cannot start here
            found = pattern.match(text, start)
            if found and found.end() > end:
                return True
        return False

    def _category_of(self, phrase: str) -> tuple[Category, str]:
        lowered = phrase.lower()
        for (pattern, index, _phrase), lead in zip(_english_patterns(), _english_leads(), strict=True):
            if lead in lowered and pattern.search(phrase):
                term = LEXICON[index]
                if pattern.fullmatch(phrase.strip()):
                    return term.category, f"lex:{index}"
                return term.category, "caps:" + fold_name(phrase)
        return "props", "caps:" + fold_name(phrase)

    def _english(self, text: str, source: ElementSource) -> tuple[list[Hit], str]:
        hits = []
        original = text
        lowered = text.lower()
        for (pattern, index, _phrase), lead in zip(_english_patterns(), _english_leads(), strict=True):
            if lead not in lowered:
                continue  # the phrase's first word is not in the text: no regex to run
            for match in pattern.finditer(text):
                term: Term = LEXICON[index]
                if not _names_a_thing(original, match.start(), match.end(), term.category):
                    text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
                    continue
                name = re.sub(r"(?i)^(?:the|a|an)\s+", "", match.group(0))
                hits.append(
                    Hit(
                        term.category,
                        name,
                        source.model_copy(update={"text": match.group(0)}),
                        f"lex:{index}",
                    )
                )
                text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
        return hits, text

    def _chinese(self, text: str, source: ElementSource) -> list[Hit]:
        if not _CJK.search(text):
            return []
        index = _chinese_index()
        hits = []
        pockets = _garment_pockets(text)
        words = chinese_words(text)
        for noun, start in _measured_nouns(words):
            if chinese_unneeded(text, start, start + 1):
                continue
            entry = _entry_with(MEASURED_CHINESE[noun][1])
            said = source.model_copy(update={"text": noun})
            hits.append(Hit(LEXICON[entry].category, noun, said, f"lex:{entry}"))
        for token, offset in words:
            for word, start in self._lexicon_words(token, offset, index):
                if self._inside_name(text, start, word) or _ZH_PLACE_AFTER.match(text[start + len(word) :]):
                    continue  # 橘貓 of 橘貓大師; 貓咪 of 貓咪公園, 咖啡 of 咖啡館: names and places
                if start in pockets:
                    continue  # 袋 of 恤衫袋 is the shirt's pocket, not a bag: the shirt stays
                if _ZH_MEASURE_BEFORE.search(text[:start]) and _ZH_PEOPLE_AFTER.match(
                    text[start + len(word) :]
                ):
                    continue  # 幾枱客: tables counting customers
                if chinese_unneeded(text, start, start + len(word)):
                    continue  # 冇雨, 雨停咗: negated or over
                if len(token) > len(word) and _ZH_PLACE_AFTER.search(token[-2:]):
                    continue
                term = LEXICON[index[word]]
                hits.append(
                    Hit(term.category, word, source.model_copy(update={"text": word}), f"lex:{index[word]}")
                )
        for match in _ZH_MARKED.finditer(text) if source.origin != "production_notes" else ():
            word = match.group(1)
            if word in index or word.upper() in self.character_names:
                continue
            hits.append(Hit("props", word, source.model_copy(update={"text": word}), "zh:" + word))
        return hits


def _measured_nouns(words: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    """(noun, offset) for each of MEASURED_CHINESE right after its measure word, as jieba gives it
    (一張 / 相) or joined (封信)."""
    out = []
    for i, (token, offset) in enumerate(words):
        if token in MEASURED_CHINESE and i and words[i - 1][0][-1:] in MEASURED_CHINESE[token][0]:
            out.append((token, offset))
        elif len(token) == 2 and token[1] in MEASURED_CHINESE and token[0] in MEASURED_CHINESE[token[1]][0]:
            out.append((token[1], offset + 1))
    return out


@cache
def _chinese_garments() -> tuple[str, ...]:
    index = _chinese_index()
    words = (w for w, i in index.items() if LEXICON[i].category == "wardrobe" and _CJK.search(w))
    return tuple(sorted(words, key=len, reverse=True))


def _garment_pockets(text: str) -> set[int]:
    """Where 袋 follows a garment (恤衫袋, 褲袋, 外套口袋): a pocket, not a bag (as `his shirt
    pocket` names no bag in English)."""
    out: set[int] = set()
    for match in re.finditer(r"口?袋", text):
        if any(text[: match.start()].endswith(g) for g in _chinese_garments()):
            out.update(range(match.start(), match.end()))
    return out


def _names_a_thing(text: str, start: int, end: int, category: Category) -> bool:
    """False where a lexicon word only qualifies the noun after it (`cup holder`, `STAR FERRY PIER`)
    or is a verb (`a NURSE cleans and dresses a cut`: no article before it, an object straight after).
    A prop's verb still needs the prop (`radios the pier`, `tapes his mouth`, `bags the phone`); a
    costume's or an effect's does not (`dresses a cut`, `fires a shot`, `smokes a cigarette`)."""
    after = re.match(r"[ \t]+([A-Za-z']+)", text[end:])
    if after is None:
        return True
    following = after.group(1).lower()
    if following in _COMPOUND_HEADS:
        return False
    before = re.search(r"([A-Za-z$']+)[ \t]+$", text[:start])
    preceding = before.group(1).lower() if before else ""
    if category in ("props", "set_dressing"):
        return True
    return not (following in _OBJECT_START and preceding not in _DETERMINERS and preceding.isalpha())


def _as_playback(hit: Hit) -> Hit:
    """Screen graphics the art department makes: a prop, not a visual effect."""
    if hit.category == "vfx" and hit.group == f"lex:{_entry_of('screen replacement')}":
        return Hit("props", hit.name, hit.source, hit.group)
    return hit


def _blank_span(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


@cache
def _entry_with(phrase: str) -> int:
    """The lexicon entry listing this English phrase; a phrase no entry lists fails here."""
    return next(i for i, term in enumerate(LEXICON) if phrase in (p.rstrip("=") for p in term.english))


@cache
def _entry_of(phrase: str) -> int:
    """The lexicon entry whose first English phrase this is."""
    return next(i for i, term in enumerate(LEXICON) if term.english and term.english[0].rstrip("=") == phrase)


@cache
def _effect_entries() -> dict[int, int]:
    """EQUIPMENT_TO_EFFECT as lexicon indices; a phrase no entry opens with fails here, not silently."""
    first = {term.english[0].rstrip("="): index for index, term in enumerate(LEXICON) if term.english}
    return {first[equipment]: first[effect] for equipment, effect in EQUIPMENT_TO_EFFECT.items()}


def _equipment_entry(hit: Hit) -> int | None:
    """The lexicon entry an equipment hit is: its group, or the entry its capitals contain (`RAIN
    TOWER RIG`)."""
    if hit.group.startswith("lex:"):
        return int(hit.group[4:])
    for pattern, index, _phrase in _english_patterns():
        if LEXICON[index].category == "equipment" and pattern.search(hit.name):
            return index
    return None


def implied_effects(hits: Sequence[Hit]) -> list[Hit]:
    """The effect each piece of effects equipment makes (rain of a rain tower, 煙霧 of a 煙機),
    cited where the equipment was found and grouped with the effect's own entry, so a scene whose
    action already has the rain still lists it once."""
    out = []
    for hit in hits:
        entry = _equipment_entry(hit) if hit.category == "equipment" else None
        effect = _effect_entries().get(entry) if entry is not None else None
        if effect is None:
            continue
        term = LEXICON[effect]
        name = term.chinese[0] if _CJK.search(hit.name) and term.chinese else term.english[0].rstrip("=")
        out.append(Hit(term.category, name, hit.source, f"lex:{effect}"))
    return out


def _longer_words(token: str, index: dict[str, int]) -> list[tuple[str, int]]:
    """Lexicon words of two or more characters inside a longer jieba word (掌聲 in 掌聲雷動)."""
    out: list[tuple[str, int]] = []
    pos = 0
    while pos < len(token):
        for size in range(min(6, len(token) - pos), 1, -1):
            piece = token[pos : pos + size]
            if piece in index:
                out.append((piece, pos))
                pos += size
                break
        else:
            pos += 1
    return out


# What a described sound names is heard, not seen: the sound department's, not an effect or a
# picture vehicle.
_HEARD_AS_SOUND: frozenset[str] = frozenset({"sfx", "weather", "vfx", "vehicles", "animals", "equipment"})

# Categories whose lexicon entries list different objects of one kind (bowls, bags, knives):
# their elements merge by name. Elsewhere an entry's words are synonyms (rain, 雨, 落雨).
_BY_NAME: frozenset[str] = frozenset({"props", "set_dressing", "wardrobe", "makeup"})


def merge_hits(hits: Iterable[Hit]) -> list[BreakdownElement]:
    """One element per (category, group): first name, largest count, every source."""
    merged: dict[tuple[str, str], BreakdownElement] = {}
    for hit in hits:
        group = hit.group
        if hit.category in _BY_NAME and group.startswith("lex:"):
            group = "name:" + fold_name(hit.name)  # a water bowl is not the cat-food bowl
        key = (hit.category if not hit.category.startswith("cast") else "cast", group)
        element = merged.get(key)
        if element is None:
            merged[key] = BreakdownElement(
                category=hit.category,
                name=hit.name,
                count=hit.count,
                character=hit.character,
                detail=hit.detail,
                sources=[hit.source],
            )
            continue
        if hit.name.isupper() and not element.name.isupper() and not hit.category.startswith("cast"):
            element.name = hit.name  # the writer's own capitals name it best
        if hit.count and (element.count or 0) < hit.count:
            element.count = hit.count
        if element.category == "cast_silent" and hit.category in ("cast", "cast_voice"):
            element.category = hit.category
        if element.category == "cast_voice" and hit.category == "cast":
            element.category = "cast"
        if hit.source not in element.sources:
            element.sources.append(hit.source)
        element.character = element.character or hit.character
    return list(merged.values())


def element_line(elements: Sequence[Element], line: int) -> Element | None:
    return next((e for e in elements if e.line <= line <= e.end_line), None)
