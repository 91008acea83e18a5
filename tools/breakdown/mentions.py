"""Mentions that name an element the scene does not need: kinds of wording, not single sentences.

A word from the lexicon is not always an element of the scene it is in:
- negated or not wanted: `no smoke`, `without a crane`, `Process trailer not needed`, 冇雨, 唔使吊臂;
- over before the scene: `The storm has passed`, `The rain has stopped`, 雨停咗, 颱風過咗 (rain
  just over still leaves the streets wet: `rain_over_spans` finds it for a wet-down);
- figurative or a verb: `storms off`, `cranes her neck`, `drones on`, `laughs like thunder`,
  `in cold blood`, 跑得好似風咁快;
- quoted speech or broadcast inside action: `He yells "Fire!"`, 電視播緊新聞：「八號風球今朝除下。」;
- heard, not seen: `the sound of rain on the roof`, `we hear thunder`, `what they hear: the
  radio, the mahjong tiles`, 傳來雷聲 (a sound, not a practical effect);
- shown, not there: what a photo, a still or a screen shows (`a photo of a man in rimless glasses`,
  `ON THE LAPTOP SCREEN: a folder ...`): the photo or the screen is the scene's, its content is not;
- standing by, not in the picture: `ambulance and medic on standby`, 救護車候命;
- the unit's own words: `picture car`, `on camera`, `three cameras`, `radio mics`, `keep the camera
  with Lau` name the crew's kit, not something the story needs;
- a distance told in vehicles: `two cars behind them`, `a bus length ahead`, 隔住兩架車: how far
  apart, not cars the scene needs.

No library knows film breakdown wording, so these are hand-written patterns; each is one kind of
wording, kept general (articles, possessives and tense vary) rather than a script's sentence.
Masking keeps every offset (spaces for English, ideographic spaces for Chinese) so the detection
that follows still cites the right text.
"""

from __future__ import annotations

import re

_FILLERS = r"(?:(?:a|an|the|any|more|single|sign|trace|drop|of|longer|need|for|real)\s+){0,3}"
_NEGATED = re.compile(
    rf"\b(?:no|not|never|without|nor)\s+{_FILLERS}(?P<span>[\w-]+(?:\s+[\w-]+)?)"
    r"|(?P<span2>\b[\w-]+(?:\s+[\w-]+)?)\s+(?:is\s+|are\s+)?(?:not|no\s+longer)\s+"
    r"(?:needed|required|necessary|wanted)\b",
    re.IGNORECASE,
)
_ENDED = re.compile(
    r"(?P<span>\b[\w-]+)\s+(?:has|had|have)\s+(?:long\s+|already\s+|finally\s+|just\s+|only\s+just\s+|only\s+)?"
    r"(?:passed|stopped|ended|cleared|died\s+down|blown\s+over|eased\s+off|gone)\b",
    re.IGNORECASE,
)
_POSSESSIVE = r"(?:(?:his|her|their|its|my|your|our|one's)\s+)?"
_FIGURATIVE = re.compile(
    "|".join(
        (
            rf"\bcran(?:e|es|ed|ing)\s+{_POSSESSIVE}(?:necks?|heads?|forward|over|round|around|to\s+\w+)",
            r"\bstorm(?:s|ed|ing)\s+(?:out|off|in|into|past|away|through|up|over|around|down|back)\b",
            r"\bstorms?\s+of\s+(?:questions|protest|criticism|applause|emotions?)\b",
            r"\bdron(?:es|ed|ing)\s+on\b",
            r"\bfir(?:e|es|ed|ing)\s+(?:him|her|them|back|off|up|away|questions?)\b",
            r"(?<!\bthe\s)(?<!\ba\s)\bwind(?:s|ing)?\s+(?:up|down|back)\b",
            r"\b(?:let(?:s|ting)?\s+off\s+steam|full\s+steam|steam(?:s|ed|ing)?\s+(?:ahead|off))\b",
            r"\bthunder(?:s|ed|ing|ous)\b",
            r"\brain(?:s|ed|ing)?\s+down\s+(?:blows|punches|kicks|insults|questions)\b",
            r"\brain\s+(?:of|check)\b",
            r"\b(?:bad\s+blood|in\s+cold\s+blood|blood\s+(?:runs|ran)\s+cold|blood\s+boils)\b",
            r"\b(?:smoke\s+and\s+mirrors|holy\s+smoke|up\s+in\s+smoke|smoke\s+(?:break|alarm|detector))\b",
            r"\bflood(?:s|ed|ing)?\s+(?:back|of\s+(?:memories|tears|light|relief|calls|questions))\b",
            r"\bharness(?:es|ed|ing)?\s+(?:the|his|her|their|its)\s+(?:power|energy|anger|rage|fear)\b",
            r"\bwire(?:s|d)?\s+(?:the\s+)?(?:money|cash|funds)\b|\bwire\s+transfer\b",
            r"\blightning[\s-](?:fast|quick|speed|reflexes)\b",
            # a simile: `laughs like thunder`, `runs like the wind`, `as fast as lightning`
            r"\blike\s+(?:a\s+|an\s+|the\s+)?(?:\w+\s+)?(?:thunder|lightning|storm|wind|fire|smoke|rain|drone)\b",
            r"\bas\s+\w+\s+as\s+(?:a\s+|the\s+)?(?:thunder|lightning|storm|wind|fire|smoke|rain)\b",
            # the same with any thing: `a stethoscope worn like a scarf`, `sleeps like a baby`, `a crack
            # like a gunshot`; not a costume that copies one (`dressed like a nurse`)
            r"(?<!dressed\s)(?<!dresses\s)(?<!dress\s)(?<!something\s)\blike\s+(?:a|an)\s+(?:[\w-]+\s+)?[\w-]+",
            # a door that `explodes open` is flung open, not blown up
            r"\b(?:explod|burst)(?:e|es|ed|s|ing)?\s+(?:open|in|inwards)\b",
            # a drone in music is a held note: `a low synth drone`, `the drone of the engines`
            r"\b(?:synth|low|bass|musical|electronic|ambient|humming|single)\s+drones?\b|\bdrones?\s+of\b",
        )
    ),
    re.IGNORECASE,
)
_SHOWN = re.compile(
    r"\b(?:photo(?:graph)?s?|pictures?|(?:CCTV|video|film)\s+stills?|mugshots?|screens?|posters?)\b[^.:\n]{0,60}:"
    r"\s*(?P<span>[^.\n]+)"
    r"|\b(?:photo(?:graph)?|picture|mugshot|still|portrait|drawing)s?\s+(?P<span2>of\s+[^.,;:\n]+)",
    re.IGNORECASE,
)
_STANDBY = re.compile(
    r"(?P<span>\b[\w-]+(?:\s+and\s+(?:an?\s+)?[\w-]+)?)\s+(?:(?:is|are|kept|waits?|waiting)\s+)?"
    r"(?:on\s+standby|standing\s+by|on\s+stand-by)\b",
    re.IGNORECASE,
)
_CREW = re.compile(
    r"\bpicture\s+cars?\b|\b(?:on|off)[\s-]camera\b|\bradio\s+mics?\b"
    r"|\b(?:one|two|three|four|five|six|\d+|second|extra)\s+cameras?\b"
    r"|\bcameras?\s+(?:included|crew|operators?|team|positions?|rolling)\b"
    # the camera a shot is made with, in a direction: `Keep the camera with Lau`, `the camera follows her`
    r"|\b(?:keep|keeps|kept|hold|holds|put|puts|stay|stays)\s+the\s+camera\b"
    r"|\bthe\s+camera\s+(?:follows?|stays?|pushes|pulls|pans|tilts|tracks|moves|holds|finds|lingers|drifts|"
    r"cranes|rises|settles|circles|creeps|glides|whips|races|searches|rests|returns)\b"
    r"|\b(?:shot|shoot|shooting|filmed|built)\s+(?:\w+\s+)?(?:on|in)\s+(?:the\s+|a\s+)?(?:sound\s+)?stage\b",
    re.IGNORECASE,
)
_DISTANCE = re.compile(
    r"\b(?:a|one|two|three|four|five|six|a\s+few|few|several|\d+)\s+"
    r"(?:cars?|vehicles?|bus(?:es)?|taxis?|trucks?|lorries|lorry)(?:\s+lengths?)?\s+"
    r"(?:behind|ahead|back|in\s+front|away|apart|between)\b"
    r"|隔(?:住|咗|著|着)?[一二兩三四五六幾\d]+(?:架|部|輛|台)車",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"\"[^\"\n]{1,200}\"|“[^”\n]{1,200}”")
_HEARD = re.compile(
    r"\b(?:sound|noise|hiss|patter|drumming|roar|rumble|crackle|howl|hammering)\s+of\s+"
    r"(?:the\s+)?(?:distant\s+|heavy\s+|far-off\s+)?(?P<span>[\w-]+(?:\s+on\s+the\s+[\w-]+)?)"
    r"|\b(?:we\s+|can\s+)?hears?\s+(?:the\s+)?(?:distant\s+|heavy\s+)?(?P<span2>[\w-]+)"
    r"|(?P<span3>\b[\w-]+)\s*\((?:O\.S\.|O\.C\.|OS|OC)\)"
    # a list of what is heard: `only what the characters hear: the taxi radio, the mahjong tiles`
    r"|\b(?:hears?|heard)\s*:\s*(?P<span4>[^.;]+)",
    re.IGNORECASE,
)

# Rain that has just stopped: the rain is no element, but everything it fell on is still wet, which
# the effects crew makes with a wet-down (`Rain has just stopped; everything drips`, 雨啱啱停咗).
_RAIN_OVER = re.compile(
    r"\b(?:rain|downpour|rainstorm|showers?)\s+(?:has|had|have)\s+(?:only\s+|just\s+|only\s+just\s+|finally\s+)?"
    r"(?:stopped|ended|eased(?:\s+off)?|let\s+up|cleared|passed|died\s+down)\b"
    r"|\b(?:has|had|it's)\s+(?:only\s+|just\s+|only\s+just\s+|finally\s+)?stopped\s+raining\b"
    # not `等雨停咗` (waiting for it to stop: it is still raining)
    r"|(?<![等到])雨(?:啱啱|剛剛|啱|剛|已經|已)?(?:停咗|停了|收咗)",
    re.IGNORECASE,
)
_ZH_NEGATED_BEFORE = re.compile(
    r"(?:沒有|沒|冇|無|唔|不再|未有|毋須|唔使|唔需要|不用|不需要|無需)(?:再|任何|一滴|一點|啲)?(?:落|下|有|用)?$"
)
_ZH_ENDED_AFTER = re.compile(
    r"^(?:已經|已|經已|啱啱|剛剛|啱|剛)?(?:停咗|停止了|停了|已停|過咗|已過|過後|散咗|散去|完咗)|^(?:唔|不|無)(?:使|用|需要|需)"
)
_ZH_FIGURATIVE = re.compile(
    r"(?:像|好似|好像|似|如|猶如|彷彿)(?:一陣|一場|一團|一道|陣)?(?P<word>風|火|雷|閃電|風暴|暴風雨|颱風)"
    r"(?:一樣|咁|般|似的)"
)
_ZH_QUOTED = re.compile(
    r"(?:[：:]\s*|(?:講|話|叫|喊|說|道|問|答|播|讀|唸|寫住|寫著)\s*)「[^「」\n]{1,200}」|「[^「」\n]*[。！？!?，][^「」\n]*」"
)
_ZH_STANDBY_AFTER = re.compile(r"^[^，。；\n]{0,6}?(?:候命|待命|戒備)")
_ZH_HEARD = re.compile(r"(?:聽到|聽見|聽住|傳來|響起)(?P<span>[\u3400-\u9fff]{1,6})")


def _blank(text: str, start: int, end: int) -> str:
    piece = "".join("　" if "\u3000" <= ch <= "\u9fff" else " " for ch in text[start:end])
    return text[:start] + piece + text[end:]


def mask_unneeded(text: str) -> str:
    """The text with negated, ended, figurative, quoted, shown, standing-by, crew and distance
    mentions blanked."""
    for pattern in (_QUOTED, _ZH_QUOTED, _FIGURATIVE, _ZH_FIGURATIVE, _CREW, _DISTANCE):
        for match in pattern.finditer(text):
            text = _blank(text, match.start(), match.end())
    for pattern in (_NEGATED, _ENDED, _SHOWN, _STANDBY):
        for match in pattern.finditer(text):
            group = "span2" if "span2" in pattern.groupindex and match.group("span2") else "span"
            text = _blank(text, match.start(group), match.end(group))
    return text


def rain_over_spans(text: str) -> list[tuple[int, int]]:
    """Where the text says the rain has just stopped, outside quoted speech: a wet-down."""
    for pattern in (_QUOTED, _ZH_QUOTED):
        for match in pattern.finditer(text):
            text = _blank(text, match.start(), match.end())
    return [(m.start(), m.end()) for m in _RAIN_OVER.finditer(text)]


def heard_spans(text: str) -> list[tuple[int, int]]:
    """Where the text describes a sound (`the sound of rain on the roof`, 傳來雷聲)."""
    spans = []
    for match in _HEARD.finditer(text):
        group = next(g for g in ("span", "span2", "span3", "span4") if match.group(g))
        spans.append((match.start(group), match.end(group)))
    spans += [(m.start("span"), m.end("span")) for m in _ZH_HEARD.finditer(text)]
    return spans


def chinese_unneeded(text: str, start: int, end: int) -> bool:
    """A Chinese word negated (冇雨, 唔使吊臂), over (雨停咗, 颱風過咗) or standing by (救護車候命)."""
    return (
        bool(_ZH_NEGATED_BEFORE.search(text[max(0, start - 6) : start]))
        or bool(_ZH_ENDED_AFTER.match(text[end : end + 6]))
        or bool(_ZH_STANDBY_AFTER.match(text[end : end + 10]))
    )
