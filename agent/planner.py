"""The offline planner: a deterministic chat model that drives the same agent loop with no LLM.

It reads the person's message (agent.intents), emits tool calls with the right arguments, and once
the tools have answered, composes the reply from their results with citations (agent.compose). It
is not a language model and never pretends to be one: where a request needs free writing it does
what the tools can and says that connecting a model adds the rest.

Stateless between calls: each call re-reads the conversation, so memory comes from the checkpointer
like any other model's. Only the person's messages are read for intent; tool results and documents
are data and can never trigger a tool.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage, HumanMessage, ToolMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import ConfigDict, Field

from agent.compose import compose_answer
from agent.intents import Understanding, asks_clock, asks_place_clock, understand
from agent.lexicon import Lexicon, fold, has_cjk
from agent.skills import skill_for_intent
from agent.skills.base import call as _call
from agent.skills.shot_lists import CLAUSE as _CLAUSE
from knowledge.numerals import parse_number
from knowledge.production import Production
from knowledge.vocabulary import production_words
from tools.registry import ToolError, ToolResult, load_artifact
from tools.script_lookup import CharacterReport, LocationReport, SceneDetail, ScenesResult, SearchResult
from tools.shot_list import ShotListResult

logger = logging.getLogger(__name__)
PLANNER_FAILED = (
    "Sorry, I could not work that request out. Try naming a scene, a character or a place, or ask for help. "
    "／唔好意思，我唔明呢個要求，試吓講出場次、角色或者場景。"
)

# Intents whose answer needs a scene; when none is named, the planner searches the script first.
NEEDS_SCENE = {"scene_details", "shot_list", "show_shot_list"}
# Tools a request may run beyond its first step's calls (those that depend on earlier results).
INTENT_CHANGES: dict[str, set[str]] = {
    "shot_list": {"draft_shot_list"},
    "schedule": {"plan_schedule"},
    "schedule_day": {"plan_schedule"},
    "call_sheet": {"call_sheet", "plan_schedule"},
    "unavailable": {"add_unavailability", "plan_schedule"},
    "transcribe": {"transcribe_media"},
    "shot_changes": {"find_shot_changes"},
    "breakdown": {"breakdown_scenes"},
    "department_list": {"department_list"},
}
# Question families answered by picking one fact from a result (agent.families).
FAMILIES = {"scene_order", "scene_rank", "cast_rank", "schedule_day"}


R = TypeVar("R", bound=ToolResult | ToolError)


@dataclass
class Turn:
    """One earlier or current turn: the person's message, the calls made, and their artifacts."""

    human: str
    calls: list[dict[str, Any]] = field(default_factory=list)
    artifacts: list[dict[str, Any]] = field(default_factory=list)

    def result(self, model: type[R]) -> R | None:
        """The turn's last result of this model, re-validated from the checkpoint's plain data."""
        return next((r for r in map(load_artifact, reversed(self.artifacts)) if isinstance(r, model)), None)

    def call(self, name: str) -> dict[str, Any] | None:
        return next((c for c in reversed(self.calls) if c["name"] == name), None)

    def only(self, keys: set[str]) -> Turn:
        """The turn restricted to the calls (and their results) whose keys are given."""
        kept = [(c, a) for c, a in zip(self.calls, self.artifacts, strict=False) if call_key(c) in keys]
        return Turn(self.human, [c for c, _ in kept], [a for _, a in kept])


def split_turns(messages: Sequence[BaseMessage]) -> list[Turn]:
    """The conversation as turns (each starts at a human message)."""
    turns: list[Turn] = []
    for message in messages:
        if isinstance(message, HumanMessage):
            turns.append(Turn(human=message.text))
        elif not turns:
            continue
        elif isinstance(message, AIMessage):
            turns[-1].calls.extend({"name": c["name"], "args": c["args"]} for c in message.tool_calls)
        elif isinstance(message, ToolMessage):
            artifact = message.artifact if isinstance(message.artifact, dict) else None
            if artifact is None:
                artifact = _artifact_from_content(message)
            turns[-1].artifacts.append(artifact)
    return turns


def _artifact_from_content(message: ToolMessage) -> dict[str, Any]:
    """A tool message without an artifact (e.g. from another agent): recover what we can."""
    text = str(message.content)
    if text.startswith("<tool-data>"):
        try:
            data = json.loads(text.removeprefix("<tool-data>").removesuffix("</tool-data>").strip())
            if isinstance(data, dict):
                return data
        except ValueError:
            pass
    failed = message.status == "error" or text.startswith(("ERROR", "BLOCKED"))
    return {
        "kind": "error" if failed else "message",
        "message": text,
        "tool": message.name,
    }


def _scene_numbers(result: ScenesResult | None) -> list[str]:
    return [row.number for row in result.scenes] if result else []


_THAT_SCENE = re.compile(
    r"\b(?:that|this|the same) scene\b|嗰場|呢場|果場|那場|這場|該場|同一場", re.IGNORECASE
)
NARROWING = ("of those", "of them", "of these", "其中", "當中", "嗰啲", "入面", "呢啲")


def _follow_scene_search(u: Understanding, previous: Turn) -> Understanding:
    """A follow-up to a scene search: narrow the previous scenes, or ask the same about someone else."""
    prior = (previous.call("find_scenes") or {"args": {}})["args"]
    narrowing = any(word in u.text.casefold() for word in NARROWING)
    replaces_people = bool(u.characters) and bool(prior.get("characters")) and not narrowing
    replaces_place = bool(u.locations) and bool(prior.get("location")) and not narrowing
    u.intent = "find_scenes"
    # "咁日景呢？" after night scenes asks the same question at another time: filtering the night
    # scenes by day would always find none.
    swaps_filter = not narrowing and any(
        getattr(u, key) and prior.get(key) not in (None, getattr(u, key))
        for key in ("time_of_day", "int_ext")
    )
    if swaps_filter:
        u.characters = u.characters or list(prior.get("characters") or [])
        if not u.locations and prior.get("location"):
            u.locations = [prior["location"]]
        u.time_of_day = u.time_of_day or prior.get("time_of_day")
        u.int_ext = u.int_ext or prior.get("int_ext")
        u.scenes = list(prior.get("numbers") or [])
    elif replaces_people or replaces_place:
        # "what about Mei?": the same question about someone (or somewhere) else.
        u.time_of_day = u.time_of_day or prior.get("time_of_day")
        u.int_ext = u.int_ext or prior.get("int_ext")
        if not u.locations and prior.get("location"):
            u.locations = [prior["location"]]
        if not u.characters and prior.get("characters"):
            u.characters = list(prior["characters"])
    else:
        # "and which of those are at night?": filter the scenes of the previous answer, carrying its
        # filters along so a later "what about Fat Jai?" still knows the rest of the question.
        u.scenes = _scene_numbers(previous.result(ScenesResult)) or ["__none__"]
        u.characters = list(dict.fromkeys([*(prior.get("characters") or []), *u.characters]))
        if not u.locations and prior.get("location"):
            u.locations = [prior["location"]]
        u.time_of_day = u.time_of_day or prior.get("time_of_day")
        u.int_ext = u.int_ext or prior.get("int_ext")
    return u


# "he / her / 佢 / 她" and "there / 嗰度 / 那裡" stand for the person or the place the last turn was about.
# 其他 ("other") and 佢哋/他們 (plural) are not a person; "is there …" is not a place.
_PERSON_REF = re.compile(
    r"\b(?:he|she|him|her|his|hers)\b|佢(?!哋)|(?<!其)他(?![們们])|她(?![們们])", re.IGNORECASE
)
_PLACE_REF = re.compile(
    r"(?<!\bis )(?<!\bare )(?<!\bwas )\bthere\b(?!\s*(?:is|are|was|were|'s|’s|be|any)\b)"
    r"|\bthat (?:place|location|set)\b|那裡|那里|那兒|那邊|嗰度|嗰邊|嗰個地方|那個地方|該處|嗰個場景|那個場景"
    r"|(?:嗰|那|該)個?\s*(?:set|location|景|場地|地點)(?![a-z])"
    # "the same place", 同一個地方, 同一座山, 同一間屋: the place the last answer was about
    r"|\b(?:the )?same (?:place|location|set|spot|building)\b"
    r"|同一\s*(?:個|座|間|條|處|棟|幢|隻|架)?\s*(?:地方|地點|場地|場景|景|山|屋|樓|街|船|車|位置)",
    re.IGNORECASE,
)
# "her day rate" (her + a noun) is possessive; "call her at 6" is not.
_NOT_A_NOUN = {
    "at",
    "on",
    "in",
    "for",
    "to",
    "and",
    "or",
    "up",
    "off",
    "out",
    "about",
    "with",
    "from",
    "by",
    "be",
}
# "That scene" pointing back, with nothing before it to point at: at the start of a Chinese message
# (嗰場幾時拍？ — not 最短嗰場 or 殯儀館嗰場, where 嗰場 only ends a description), or an English
# "that scene" not followed by a description ("that scene where …").
_DEICTIC_SCENE = re.compile(
    r"\b(?:that|this|the same) scene\b(?!\s+(?:where|in which|with|that|when|at|in)\b)"
    r"|^\W*(?:咁|即係|請問|噉)?\s*(?:嗰場|呢場|果場|那場|這場|該場|那一場|這一場|嗰一場)",
    re.IGNORECASE,
)


def _previous_person(previous: Turn, lexicon: Lexicon) -> str | None:
    report = previous.result(CharacterReport)
    if report and report.name and not report.shared_with:
        return report.name
    people = understand(previous.human, lexicon, route=False).characters
    return people[0] if len(people) == 1 else None


def _previous_place(previous: Turn, lexicon: Lexicon) -> str | None:
    report = previous.result(LocationReport)
    if report and report.name:
        return report.name
    places = understand(previous.human, lexicon, route=False).locations
    if len(places) == 1:
        return places[0]
    scene = previous.result(SceneDetail)
    if scene and scene.scene.location:
        return scene.scene.location
    return None


def _refer(text: str, pattern: re.Pattern[str], name: str) -> str:
    def swap(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        if low in ("his", "hers"):
            return f"{name}'s"
        if low == "her":
            after = re.match(r"\s*([A-Za-z]+)", text[m.end() :])
            if after and after.group(1).lower() not in _NOT_A_NOUN:
                return f"{name}'s"
        if low == "there":
            return f"at {name}"
        return name

    return pattern.sub(swap, text)


def carry_entities(u: Understanding, previous: Turn | None, lexicon: Lexicon) -> Understanding:
    """Read "what's her day rate?" / "佢最後一場呢？" / "who do I call there?" as naming the person or place
    the last turn was about: the reference is replaced by that name and the request understood again."""
    if previous is None:
        return u
    text = u.text
    if not u.characters and _PERSON_REF.search(text):
        person = _previous_person(previous, lexicon)
        if person:
            name = lexicon.chinese.get(person, person) if has_cjk(text) else person
            text = _refer(text, _PERSON_REF, name)
    if not u.locations and _PLACE_REF.search(text):
        place = _previous_place(previous, lexicon)
        if place:
            text = _refer(text, _PLACE_REF, place)
    if text == u.text:
        return u
    carried = understand(text, lexicon)
    carried.lang = u.lang  # the person's own words decide the answer's language
    return carried


_YES = re.compile(
    r"^\W*(?:yes|yeah|yep|yup|right|correct|exactly|that one|that's (?:it|right|the one)|ok(?:ay)?|sure|"
    r"係|係呀|係啊|係喇|係啦|冇錯|無錯|沒錯|啱|啱呀|啱啦|對|對呀|是|是的|對的)\W*$",
    re.IGNORECASE,
)
_ORDINALS = {
    "first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3, "last": -1,
    "第一": 0, "第二": 1, "第三": 2, "第四": 3, "頭一": 0, "最後": -1, "尾嗰": -1,
}  # fmt: skip


def _choice(text: str, options: list[str]) -> str | None:
    """Which offered option a short reply picks: "yes"/"冇錯" (the only or first one), "the second one"
    /"第二個", or one of the options named."""
    folded = fold(text).strip()
    named = [o for o in options if fold(o) in folded or (folded in fold(o) and len(folded) >= 3)]
    if len(named) == 1:
        return named[0]
    if _YES.match(text):
        return options[0]
    if len(folded) <= 24:
        for word, index in _ORDINALS.items():
            if word in folded and (index < len(options)):
                return options[index]
        number = re.fullmatch(r"\W*(?:no\.?|number|#)?\s*([1-9])\W*", folded)
        if number and int(number.group(1)) <= len(options):
            return options[int(number.group(1)) - 1]
    return None


def _answer_to_offer(u: Understanding, previous: Turn, lexicon: Lexicon) -> Understanding | None:
    """ "Did you mean KELVIN?" → "yes" / "the second one": the earlier request, with the name chosen."""
    errors = (r for r in map(load_artifact, reversed(previous.artifacts)) if isinstance(r, ToolError))
    offer = next((e for e in errors if e.error and e.nearest), None)
    if offer is None or len(u.human_words()) > 5:
        return None
    options = [str(o) for o in offer.nearest]
    chosen = _choice(u.text, options)
    value = str(offer.value or "")
    if chosen is None or not value:
        return None
    if offer.error == "SceneNotFound":
        redone = understand(previous.human, lexicon)
        redone.scenes = [chosen]
        return redone
    pattern = re.compile(re.escape(value), re.IGNORECASE)
    if not pattern.search(previous.human):
        return None
    redone = understand(pattern.sub(chosen, previous.human, count=1), lexicon)
    redone.lang = understand(previous.human, lexicon, route=False).lang
    return redone


# "That actor", 那個演員, 佢 opening a message: a person pointed at, named nowhere.
_DEICTIC_PERSON = re.compile(
    r"\b(?:that|this|the same) (?:actor|actress|character|guy|woman|man|person|girl|boy)\b"
    r"|^\W*(?:咁|即係|請問|噉)?\s*(?:佢|她|他)(?![哋們们])"
    r"|(?:那個|那位|嗰個|嗰位|呢個|這個|這位|該)(?:演員|角色|人|女仔|男仔|女人|男人|細路)"
    # A question whose subject is "she"/"his"…: "what's her day rate?", "when does he arrive?"
    r"|^\W*(?:what|how|when|where|which|who|is|are|was|does|did|do|can|will)\b[^?.!]{0,25}\b(?:his|her|he|she|him)\b"
    # Whose things, or who is acted on, anywhere in a request: 佢個 rate, 她的戲, 把她…, "move all her scenes".
    # (其他 is "other", not "he": 其他的場景 names nobody.)
    r"|(?<!其)(?:佢|她|他)(?:個|嘅|的|啲|嗰|條|部|架)|(?:把|將|幫|同|俾|畀|找|叫|問)\s*(?:吓|下)?\s*(?:佢|她|他)(?![哋們们])"
    r"|\b(?:his|her)\s+(?:scenes?|rate|day rate|fee|lines?|call(?: time)?|double|stand-in|agent|costume|dates?)\b",
    re.IGNORECASE,
)
# "There" with nothing said before: 嗰度最遲幾點收工？, "what's the address of that place?"
_DEICTIC_PLACE = re.compile(
    r"^\W*(?:咁|即係|請問|噉)?\s*(?:嗰度|嗰邊|嗰個地方|嗰個景|那裏|那裡|那邊|那個地方|那個場景|該處|呢度|這裏|這裡)"
    r"|\b(?:that|this|the same) (?:place|location|set)\b(?!\s+(?:where|in which|with|that|when)\b)",
    re.IGNORECASE,
)


def _asks_which_person(u: Understanding) -> bool:
    return not u.characters and u.intent not in ("cast_rank",) and bool(_DEICTIC_PERSON.search(u.text))


def resolve_follow_up(u: Understanding, previous: Turn | None, lexicon: Lexicon) -> Understanding:
    """Fill in what a follow-up leaves out ("and which of those are at night?", "咁夜景呢？", "what about Mei?")."""
    if previous is None:
        if not u.scenes and _DEICTIC_SCENE.search(u.text) and u.intent not in ("edit_shot", "shot_list"):
            # "嗰場幾時拍？" with nothing said before: which scene is "that scene"? Ask.
            u.intent, u.ask_which = "scene_details", True
        elif _asks_which_person(u):
            # "呢位演員一日收幾多？" with nothing said before: which person? Ask.
            u.intent, u.ask_which = "character_report", True
        elif not (u.locations or u.scenes or u.characters) and _DEICTIC_PLACE.search(u.text):
            u.intent, u.ask_which = "location_report", True  # "嗰度幾點收工？": which place? Ask.
        return u
    chosen = _answer_to_offer(u, previous, lexicon)
    if chosen is not None:
        return chosen
    u = carry_entities(u, previous, lexicon)
    u = _ordinal_shot(u, previous, lexicon)
    if not (u.characters or u.locations or u.scenes) and asks_clock(fold(u.text)):
        # "until what time can we use it?", "幾點開門？" after a place: that place's card.
        place = _previous_place(previous, lexicon)
        if place:
            placed = replace(u, locations=[place])
            if asks_place_clock(placed, fold(u.text)):
                placed.intent, placed.time_of_day = "location_report", None
                return placed
    if _asks_which_person(u) and not u.locations and not u.scenes:
        u.intent, u.ask_which = "character_report", True
        return u
    if (
        u.order in ("next", "previous")
        and not u.scenes
        and u.intent in ("help", "search", "find_scenes", "scene_details", "scene_order")
        and (previous.result(SceneDetail) or previous.result(ScenesResult))
    ):
        u.intent = "scene_order"  # "and the one after that?" after a scene or a list of scenes
    if not u.scenes and _THAT_SCENE.search(u.text):
        # "嗰場幾時拍？", "when is that scene shot?": the scene just discussed.
        last = previous.result(SceneDetail)
        named = [last.scene.number] if last else []
        named = named or understand(previous.human, lexicon, route=False).scenes
        if named:
            u.scenes = named[-1:]
            if u.intent in ("help", "search", "find_scenes"):
                u.intent = "scene_details"
            return u
    if u.intent == "scene_order" and u.order in ("next", "previous", "after", "before") and not u.scenes:
        # "the next one?" after a scene: relative to the scene just discussed.
        last = previous.result(SceneDetail)
        if last:
            u.scenes = [last.scene.number]
        else:
            named = understand(previous.human, lexicon, route=False).scenes or _scene_numbers(
                previous.result(ScenesResult)
            )
            u.scenes = named[-1:]
        return u
    if not u.follow_up:
        return _answer_to_question(u, previous, lexicon)
    prev = understand(previous.human, lexicon)
    open_ended = u.intent in ("find_scenes", "search", "character_report", "location_report")
    if previous.call("find_scenes") and open_ended and u.has_filters and not u.scenes:
        return _follow_scene_search(u, previous)
    if prev.intent == "character_report" and u.characters and open_ended:
        u.intent = "character_report"
    elif prev.intent == "location_report" and u.locations and not u.characters and open_ended:
        u.intent = "location_report"
    elif (
        prev.intent in ("scene_details", "shot_list", "show_shot_list")
        and u.scenes
        and u.intent
        in (
            "scene_details",
            "find_scenes",
        )
    ):
        u.intent = prev.intent
        u.style = u.style or prev.style
    elif prev.intent == "shot_list" and u.style and not u.scenes:
        u.intent = "shot_list"
        u.scenes = prev.scenes or [
            str(c["args"].get("scene")) for c in previous.calls if c["name"] == "draft_shot_list"
        ]
    elif (
        prev.intent == "call_sheet"
        and u.day is not None
        and u.intent in ("search", "find_scenes", "schedule")
    ):
        u.intent = "call_sheet"
    return u


def _answer_to_question(u: Understanding, previous: Turn, lexicon: Lexicon) -> Understanding:
    """A bare reply ("17", "第17場") to Slate's "Which scene?" completes the earlier request, and a bare
    name ("Mei", 阿美) to its "Which character?"."""
    if previous.calls:
        return u
    if u.characters and len(u.human_words()) <= 3 and _DEICTIC_PERSON.search(previous.human):
        # "That actor's day rate?" → "Which character?" → "Mei": the earlier request, about Mei.
        name = u.characters[0]
        spoken = lexicon.chinese.get(name, name) if has_cjk(previous.human) else name
        completed = understand(_DEICTIC_PERSON.sub(spoken, previous.human, count=1), lexicon)
        completed.lang = understand(previous.human, lexicon, route=False).lang
        return completed
    if not (u.scenes and len(u.human_words()) <= 3):
        return u
    if _DEICTIC_SCENE.search(previous.human):
        # "When is that scene shot?" → "Which scene?" → "17": the earlier request, about scene 17.
        number = u.scenes[0]
        named = _DEICTIC_SCENE.sub(
            lambda m: f"第{number}場" if has_cjk(m.group(0)) else f"scene {number}", previous.human, count=1
        )
        completed = understand(named, lexicon)
        completed.lang = understand(previous.human, lexicon, route=False).lang
        return completed
    prev = understand(previous.human, lexicon)
    if prev.intent in NEEDS_SCENE and not prev.scenes:
        prev.scenes = list(u.scenes)
        prev.text, prev.search_text = u.text, u.search_text
        return prev
    return u


_ORDINAL_SHOT = re.compile(
    r"\b(?:the\s+)?(?P<en>first|second|third|fourth|fifth|sixth|seventh|eighth|last|final|1st|2nd|3rd|[4-8]th)\s+shot\b"
    r"|(?:第\s*(?P<zh>[一二三四五六七八九十]|\d{1,2})|(?P<zlast>最後一?|最尾|尾)|(?P<zfirst>頭一))\s*(?:個|隻)?\s*(?:shot|鏡頭|鏡)",
    re.IGNORECASE,
)
_EN_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
               "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8}  # fmt: skip


def _ordinal_shot(u: Understanding, previous: Turn, lexicon: Lexicon) -> Understanding:
    """ "make the second shot a close-up" / "第二個鏡頭改做手持" after a shot list: that list's shot, by id."""
    shot_list = previous.result(ShotListResult)
    shots = shot_list.shots if shot_list else []
    matches = list(_ORDINAL_SHOT.finditer(u.text))
    if not shots or not matches:
        return u
    text = u.text
    # Every shot named by its place ("turn 4C into a close-up, then lose the final shot" names two), from the
    # end so the earlier places stay where they are.
    for match in reversed(matches):
        shot_id = _shot_at(match, shots)
        if shot_id is None:
            return u
        text = text[: match.start()] + f" {shot_id} " + text[match.end() :]
    named = understand(text, lexicon)
    if named.intent != "edit_shot":
        return u
    named.lang = u.lang
    return named


def _shot_at(match: re.Match[str], shots: list[Any]) -> str | None:
    """The id of the shot an ordinal names ("the second shot", 最後一個鏡頭), None if there is none."""
    if match.group("en"):
        word = match.group("en").lower()
        index = -1 if word in ("last", "final") else _EN_ORDINAL[word] - 1
    elif match.group("zlast"):
        index = -1
    elif match.group("zfirst"):
        index = 0
    else:
        index = (parse_number(match.group("zh")) or 0) - 1
    if not -1 <= index < len(shots):
        return None
    return str(shots[index].id or "") or None


def _edit_scene(u: Understanding, previous: Turn | None) -> Understanding:
    """ "drop 12C" after a shot list: the scene comes from the shot id or the previous shot list."""
    if u.intent not in ("edit_shot", "shot_list", "show_shot_list") or u.scenes or previous is None:
        return u
    last = (
        previous.call("draft_shot_list") or previous.call("edit_shot_list") or previous.call("get_shot_list")
    )
    if last and last["args"].get("scene"):
        u.scenes = [str(last["args"]["scene"])]
    return u


_DESCRIBES = re.compile(
    r"\b(?:where|when|in which|with the|that has|that have|in the scene|the scene)\b|嗰場|果場|嘅場|的那場|場戲入面|嗰一場",
    re.IGNORECASE,
)


def _first_step(u: Understanding, lexicon: Lexicon) -> list[dict[str, Any]]:
    """The first stage's tool calls: the skill that owns the intent plans them (agent.skills)."""
    skill = skill_for_intent(u.intent)
    return skill.plan(u, lexicon) if skill is not None else []


_EVENT_AFTER = re.compile(
    r"\b(?:just |right |immediately )?(?:before|after|follows|precedes)\s+(?P<event>.+)$"
)
_EVENT_BEFORE = re.compile(r"^(?P<event>.+?)(?:之前|之後|以前|以後|前面|後面)")


def _ordered_event(u: Understanding) -> str | None:
    """The event a scene-order question is anchored on when it names no scene, person or place
    ("the scene before the wedding", "婚禮之前嗰場"): the words of the event, to find its scene."""
    if u.intent != "scene_order" or u.order not in ("next", "previous", "before", "after"):
        return None
    if u.scenes or u.characters or u.locations:
        return None
    return event_words(u.text)


def event_words(text: str) -> str | None:
    """The words naming the event in "the scene before the wedding" / "婚禮之前嗰場"."""
    folded = fold(text).strip(" ?？。.!！")
    match = _EVENT_AFTER.search(folded) or _EVENT_BEFORE.search(folded)
    if not match:
        return None
    event = re.sub(r"^(?:the|a|an)\s+|^(?:喺|係|在)", "", match.group("event").strip())
    words = [w for w in re.findall(r"[a-z]+|[\u3400-\u9fff]", event) if w not in ("scene", "one", "場")]
    return event if len(words) >= 2 or any(len(w) >= 5 for w in words if w.isascii()) else None


def describes_a_scene(text: str) -> bool:
    """ "the scene where Mei finds the USB": a scene named by what happens in it, worth a search."""
    return bool(_DESCRIBES.search(text))


def call_key(call: dict[str, Any]) -> str:
    return call["name"] + json.dumps(call.get("args") or {}, sort_keys=True, ensure_ascii=False)


_CARD_QUESTION = re.compile(
    r"\b(?:what|why|how|which|when|did|does|do|is|was)\b|[?？]|咩|乜|點解|點樣|點|幾|邊|嗎|未|冇|唔|什麼|甚麼|為什麼|怎"
)
_ABOUT_THE_CARD = (
    "tell me about", "who is", "who's", "what about", "介紹", "資料", "係咩人", "係邊個", "是誰", "how many", "幾多場",
    "first", "last", "第一", "最後", "scenes", "場",
)  # fmt: skip


def asks_beyond_card(u: Understanding) -> bool:
    """A question about one person or place that asks something of its own ("what does X's gesture
    mean?"), not for the card itself ("tell me about X", "how many scenes is X in?")."""
    from agent.extract import question_parts
    from agent.intents import asks_card_field, has_word

    if u.pinned or u.follow_up or len(u.characters) + len(u.locations) != 1:
        return False
    asked = [w for w in u.residue if w not in ("what's", "who's", "where's", "how's", "tell", "about")]
    if not asked:
        return False
    # One question of several may ask beyond the card ("…the permit's reference, and what hours?").
    for part in question_parts(u.text):
        folded = fold(part)
        if not (has_word(folded, _ABOUT_THE_CARD) or asks_card_field(folded)) and _CARD_QUESTION.search(
            folded
        ):
            return True
    return False


def _card_answers(u: Understanding, card: CharacterReport | LocationReport, lexicon: Lexicon) -> bool:
    from agent.focus import asks_story_pay, card_lead
    from agent.routing import default_router

    if asks_story_pay(fold(u.text)):
        return False  # what someone earns in the story: the script says, not the card's day rate
    from agent.extract import question_parts

    names = [lexicon.aliases(v) for v in [*u.characters, *u.locations]]
    embedder = default_router().embedder
    # Each question of the message ("what's the permit number, and what hours does it cover?") is
    # answered by the card, or the documents are searched too.
    return all(card_lead(part, card, embedder, names) is not None for part in question_parts(u.text))


def _first_hit_scene(turn: Turn) -> str | None:
    """The scene of the first passage this turn's search found in the script (None: no search, or none)."""
    search = turn.result(SearchResult)
    return next((hit.scene for hit in search.hits if hit.scene), None) if search else None


# Reports that never state money: a message asking one of them and also a price ("幾多個 extras？每個幾
# 錢？") has its price looked up in the documents as well.
_REPORTS_WITHOUT_MONEY = frozenset({"breakdown", "scene_details", "find_scenes"})


def money_beside(u: Understanding) -> bool:
    """Whether the message asks one of _REPORTS_WITHOUT_MONEY and, in a question of its own, an amount
    of money the report cannot give."""
    from agent.extract import question_parts
    from knowledge.answer_kinds import money_asked

    if u.intent not in _REPORTS_WITHOUT_MONEY or u.pinned:
        return False
    parts = question_parts(u.text)
    return len(parts) > 1 and any(money_asked(fold(part)) for part in parts)


def plan_stages(u: Understanding, turn: Turn, lexicon: Lexicon) -> list[list[dict[str, Any]]]:
    """The planner's own calls for this request, stage by stage (see _stages); a price asked beside
    a report is searched for last."""
    stages = _stages(u, turn, lexicon)
    if money_beside(u):
        stages = [*stages, [_call("search_documents", query=u.search_text, k=8)]]
    return stages


def _stages(u: Understanding, turn: Turn, lexicon: Lexicon) -> list[list[dict[str, Any]]]:
    """The planner's own calls for this request, stage by stage.

    Most requests are one stage. A request that needs a scene but names none ("shot list for the scene
    where Mei finds the USB stick") searches the script first, then acts on the scene it found.
    """
    if u.ask_which:
        return [[]]  # nothing to run: the answer asks which scene
    if u.intent in NEEDS_SCENE and not u.scenes and describes_a_scene(u.text):
        search = [_call("search_documents", query=u.search_text, k=5, doc_type="screenplay")]
        scene = _first_hit_scene(turn)
        if scene is None:
            return [search]
        u.scenes = [scene]
        return [search, _first_step(u, lexicon)]
    event = _ordered_event(u)
    if event:
        # "the scene right before the wedding": find the scene the event happens in, then its neighbour.
        search = [_call("search_documents", query=event, k=5, doc_type="screenplay")]
        scene = _first_hit_scene(turn)
        if scene is None:
            return [search]
        u.scenes = [scene]
        return [search, _first_step(u, lexicon)]
    if u.intent in ("character_report", "location_report") and asks_beyond_card(u):
        first = _first_step(u, lexicon)
        # An error instead of the card (no such person) has no card to read: the answer says so.
        model: type[CharacterReport | LocationReport]
        model = CharacterReport if u.intent == "character_report" else LocationReport
        card = turn.result(model)
        if card is None or _card_answers(u, card, lexicon):
            return [first]
        # "阿爺摸耳代表咩？": the card (the tool was right to look) says nothing of it; the documents may.
        return [first, [_call("search_documents", query=u.search_text, k=5)]]
    if u.intent == "breakdown" and not u.scenes and u.locations:
        found = _scene_numbers(turn.result(ScenesResult))
        first = [_call("find_scenes", location=u.locations[0])]
        if not found:
            return [first]
        u.scenes = found
        return [first, [_call("breakdown_scenes", scenes=found)]]
    if u.intent == "revisions":
        # "What changed in the new draft?": the drafts kept, then, when there are two or more, what
        # changed from the one before the latest to the latest.
        from tools.revisions import DraftsResult

        first = _first_step(u, lexicon)
        kept = turn.result(DraftsResult)
        if kept is None or len(kept.drafts) < 2:
            return [first]
        return [first, [_call("draft_changes")]]
    if u.intent == "edit_shot":
        # Edits run one after another, each on the version the previous one saved: a turn's edits
        # never start from the same old version (and so never undo each other).
        return [[call] for call in _first_step(u, lexicon)] or [[]]
    return [_first_step(u, lexicon)]


class OfflinePlanner(BaseChatModel):
    """A chat model with no language model inside: intents in, tool calls out, answers composed."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    lexicon: Lexicon = Field(default_factory=Lexicon)
    tool_args: dict[str, set[str]] = Field(default_factory=dict)

    @classmethod
    def for_production(cls, production: Production) -> OfflinePlanner:
        from tools.registry import all_tools

        return cls(
            lexicon=Lexicon.from_production(production),
            tool_args={name: set(spec.args_model.model_fields) for name, spec in all_tools().items()},
        )

    @property
    def _llm_type(self) -> str:
        return "slate-offline-planner"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"planner": "slate-offline"}

    def bind_tools(self, tools: Any, **kwargs: Any) -> OfflinePlanner:
        """Tools are known from the registry; binding changes nothing."""
        return self

    def decide(self, messages: Sequence[BaseMessage]) -> AIMessage:
        """The next message: tool calls for this step, or the composed answer."""
        with production_words(self.lexicon.words):
            return self._decide(messages)

    def _decide(self, messages: Sequence[BaseMessage]) -> AIMessage:
        turns = split_turns(messages)
        if not turns:
            return AIMessage(content="Ask me about the script, the shoot or the subtitles.")
        current = turns[-1]
        previous = turns[-2] if len(turns) > 1 else None
        try:
            u = understand(current.human, self.lexicon)
            u = _edit_scene(resolve_follow_up(u, previous, self.lexicon), previous)
            made = {call_key(c) for c in current.calls}
            own: set[str] = set()
            for stage in plan_stages(u, current, self.lexicon):
                calls = [c for c in stage if self._available(c)]
                own.update(call_key(c) for c in calls)
                pending = [c for c in calls if call_key(c) not in made]
                if pending:
                    # Also after a failed-over model's calls: the planner makes its own, so its answer
                    # rests on calls it understands.
                    return AIMessage(content="", tool_calls=pending)
            answered = current.only(own) if own else current
            return AIMessage(
                content=compose_answer(u, answered, self.lexicon, missing_tools=self._missing(u))
            )
        except Exception:  # the planner must always answer; a bug here is logged, not shown as a traceback
            logger.exception("offline planner failed on %r", current.human)
            return AIMessage(content=PLANNER_FAILED)

    def requested_changes(self, messages: Sequence[BaseMessage]) -> set[str]:
        """The tools the person's current request asks to run, as this planner understands it (for the
        gate on tools that change the production)."""
        turns = split_turns(messages)
        if not turns:
            return set()
        current = turns[-1]
        previous = turns[-2] if len(turns) > 1 else None
        names: set[str] = set()
        # The whole request and each of its parts ("draft a shot list for 7 and drop 7C" asks for both).
        parts = [current.human, *(p for p in _CLAUSE.split(current.human) if p and p.strip())]
        for part in dict.fromkeys(parts):
            try:
                u = understand(part, self.lexicon)
                u = _edit_scene(resolve_follow_up(u, previous, self.lexicon), previous)
                names |= {c["name"] for c in _first_step(u, self.lexicon)}
            except Exception:  # an unreadable request authorises nothing
                logger.exception("planner could not read %r for the gate", part)
                continue
            names |= INTENT_CHANGES.get(u.intent, set())
        return names

    def _available(self, call: dict[str, Any]) -> bool:
        accepted = self.tool_args.get(call["name"])
        if accepted is None:
            return False
        call["args"] = {k: v for k, v in call["args"].items() if k in accepted}
        return True

    def _missing(self, u: Understanding) -> list[str]:
        wanted = {
            "shot_list": "draft_shot_list",
            "edit_shot": "edit_shot_list",
            "schedule": "plan_schedule",
            "call_sheet": "call_sheet",
            "unavailable": "add_unavailability",
            "subs_check": "check_subtitles",
        }.get(u.intent)
        return [wanted] if wanted and wanted not in self.tool_args else []

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        return ChatResult(generations=[ChatGeneration(message=self.decide(messages))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        message = self.decide(messages)
        if message.tool_calls:
            yield ChatGenerationChunk(
                message=AIMessageChunk(
                    content="",
                    tool_call_chunks=[
                        {
                            "name": c["name"],
                            "args": json.dumps(c["args"], ensure_ascii=False),
                            "id": c["id"],
                            "index": i,
                            "type": "tool_call_chunk",
                        }
                        for i, c in enumerate(message.tool_calls)
                    ],
                )
            )
            return
        # Line by line, so a UI shows the answer as it is composed.
        for piece in str(message.content).splitlines(keepends=True):
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=piece))
            if run_manager:
                run_manager.on_llm_new_token(piece, chunk=chunk)
            yield chunk
