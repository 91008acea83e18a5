"""The production's own vocabulary, for understanding requests without a language model.

Character names and aliases (劉督察, 劉Sir, LAU, INSPECTOR LAU), set names in both languages, scene
numbers and subtitle files come from the production itself; generic words (rooftop ⇄ 天台, cab ⇄
的士) come from a small table. Matching is longest-first and never overlaps, so "劉督察" is one
mention, not "劉" plus "督察".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from knowledge.production import Production
from knowledge.vocabulary import TIME_QUESTION_WORDS, discover_words, fold, has_cjk, word_pattern

# Words that are part of names but do not identify anyone on their own.
NAME_STOPWORDS = frozenset(
    [
        "ah",
        "a",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "doctor",
        "inspector",
        "sergeant",
        "sgt",
        "officer",
        "madam",
        "uncle",
        "auntie",
        "aunt",
        "siu",
        "lo",
        "the",
        "of",
        "and",
        "young",
        "old",
        "big",
        "little",
        "fat",
    ]
)
PLACE_STOPWORDS = frozenset(
    [
        "int",
        "ext",
        "the",
        "of",
        "and",
        "a",
        "road",
        "street",
        "st",
        "room",
        "day",
        "night",
        "dawn",
        "dusk",
        "continuous",
        "later",
        "moving",
        "in",
        "on",
        "at",
        "to",
        "shop",
        "house",
        "flat",
        "building",
        "block",
        "floor",
        # Words a crew uses for its own work, and everyday phrases, before any place they may end a
        # name of: "gets a line" is dialogue (not the FINISH LINE), "of course" is not the race
        # COURSE, "the last shot", "a cover set", "on a break", "that take".
        "line",
        "lines",
        "shot",
        "shots",
        "take",
        "takes",
        "cut",
        "call",
        "wrap",
        "cover",
        "mark",
        "break",
        "course",
        "point",
        "side",
        "end",
        "front",
        "back",
    ]
)

# Generic place words people use in questions → words found in sets/aliases. Lets "cafe scenes" find
# the cha chaan teng and "roof" the rooftop even when the location list does not list those words.
PLACE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "roof": ("rooftop", "天台"),
    "rooftops": ("rooftop", "天台"),
    "天台": ("rooftop",),
    "cafe": ("茶餐廳", "cha chaan teng", "cafe"),
    "café": ("茶餐廳", "cha chaan teng"),
    "diner": ("茶餐廳", "cha chaan teng"),
    "restaurant": ("茶餐廳", "restaurant", "酒樓"),
    "餐廳": ("茶餐廳",),
    "cab": ("taxi", "的士"),
    "car": ("taxi", "的士", "car"),
    "taxi": ("taxi", "的士"),
    "的士": ("taxi",),
    "車": ("的士", "taxi", "車"),
    "station": ("police station", "警署", "station"),
    "police": ("police station", "警署"),
    "警察局": ("警署", "police station"),
    "差館": ("警署", "police station"),
    "apartment": ("flat", "屋企", "apartment"),
    "home": ("flat", "屋企", "home"),
    "屋企": ("flat",),
    "ferry": ("pier", "碼頭", "ferry"),
    "pier": ("pier", "碼頭"),
    "碼頭": ("pier",),
    "hospital": ("hospital", "醫院"),
    "醫院": ("hospital",),
    "street": ("road", "街", "street"),
    "街": ("road", "street", "街"),
}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    value: str  # canonical character, or the location query term


@dataclass
class Lexicon:
    """Aliases → canonical names for one production."""

    characters: dict[str, str] = field(default_factory=dict)  # folded alias → canonical
    locations: dict[str, str] = field(default_factory=dict)  # folded alias → term for find_scenes(location=)
    rooms: set[str] = field(default_factory=set)  # folded parts of sets ("courtroom" of "COURT - COURTROOM")
    scene_numbers: list[str] = field(default_factory=list)
    omitted: set[str] = field(default_factory=set)  # scene numbers kept in the script as OMITTED
    subtitle_files: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    plan_start: date | None = None
    display: dict[str, str] = field(default_factory=dict)  # canonical → "INSPECTOR LAU (劉督察)"
    chinese: dict[str, str] = field(default_factory=dict)  # canonical → 劉督察 (the first Chinese alias)
    # What the production's own text says (folded): its script, card notes and ingested documents.
    # "What kind of flour do we throw?" is this production's matter when its documents talk of flour.
    corpus: str = ""
    # (character, relation) → the character the cast list's notes say is that relation ("Pim's mother").
    relatives: dict[tuple[str, str], str] = field(default_factory=dict)
    # The production's own Chinese words (names of people, places and things, found in its text, and
    # the Chinese aliases): kept whole when a question is segmented (knowledge.vocabulary).
    words: frozenset[str] = frozenset()

    @classmethod
    def from_production(cls, production: Production) -> Lexicon:
        lex = cls()
        names = production.character_names() if production.screenplay or production.cast else {}
        word_owner: dict[str, set[str]] = {}
        for canonical, aliases in names.items():
            for alias in [canonical, *aliases]:
                key = fold(alias).strip()
                if len(key) >= 2 or has_cjk(key):
                    lex.characters.setdefault(key, canonical)
                for word in re.findall(r"[a-z][a-z'\-]+", key):
                    if len(word) >= 3 and word not in NAME_STOPWORDS:
                        word_owner.setdefault(word, set()).add(canonical)
            zh = next((a for a in aliases if has_cjk(a)), None)
            lex.display[canonical] = f"{canonical} ({zh})" if zh and zh != canonical else canonical
            if has_cjk(canonical):
                # A script whose cues are Chinese (強哥): English answers name the person in English
                # when the cast list gives a name in Latin letters ("Keung Gor (強哥)").
                latin = next((a for a in aliases if not has_cjk(a) and len(a) >= 2), None)
                if latin:
                    lex.display[canonical] = f"{latin} ({canonical})"
            if zh:
                lex.chinese[canonical] = zh
        ordinary = _ordinary_words(production)
        raw = _raw_corpus(production)
        # Words the production's text (script, cards, notes) writes in lower case: what they say.
        prose = ordinary | set(re.findall(r"(?<![A-Za-z'\-])[a-z][a-z'\-]+", raw))
        for word, owners in word_owner.items():
            # "Night" of a NIGHT HAWK alone is the time of day, "hawk" the bird: a word of a name is the
            # person on its own only when the script never writes it as an ordinary lower-case word
            # and it is not a time of day.
            if len(owners) == 1 and word not in ordinary:
                lex.characters.setdefault(word, next(iter(owners)))
        lex.rooms = {fold(part) for part in production.sublocations()}
        place_words: dict[str, set[str]] = {}
        for entry_id, aliases in production.location_names().items():
            for alias in [entry_id, *aliases]:
                key = fold(alias).strip()
                if key:
                    lex.locations.setdefault(key, alias)
                words = re.findall(r"[a-z][a-z'\-]+", key)
                # Single distinctive words and every run of 2+ words ("cha chaan teng" in "KAM WAH CHA
                # CHAAN TENG") name the place too, when no other place shares them.
                for size in range(1, len(words) + 1):
                    for start in range(len(words) - size + 1):
                        phrase = " ".join(words[start : start + size])
                        if size == 1 and (len(phrase) < 4 or phrase in PLACE_STOPWORDS):
                            continue
                        if re.sub(r"['’]s$", "", phrase) in lex.characters:
                            continue  # "Ah Fai's" in AH FAI'S FLAT names the person, not the flat
                        if start + size < len(words) and all(w in prose for w in phrase.split()):
                            # Without its head word, a name of ordinary words is what they say: "lion
                            # dance" of a LION DANCE HALL is the dance (the script writes it so).
                            continue
                        place_words.setdefault(phrase, set()).add(entry_id)
        for phrase, owners in place_words.items():
            if len(owners) == 1:
                lex.locations.setdefault(phrase, next(iter(owners)))
        known = set(lex.locations)
        for word, targets in PLACE_SYNONYMS.items():
            key = fold(word)
            if key in lex.locations:
                continue
            for target in targets:
                folded_target = fold(target)
                if any(folded_target in alias for alias in known):
                    lex.locations[key] = target
                    break
        lex.scene_numbers = [s.number for s in production.scenes]
        lex.omitted = {s.number for s in production.scenes if is_omitted(s.heading)}
        lex.subtitle_files = [d.name for d in production.documents if d.doc_type == "subtitles"]
        lex.documents = [d.name for d in production.documents]
        lex.corpus = fold(raw)
        kept = {a for a in [*lex.characters, *lex.locations] if has_cjk(a) and len(a) >= 2 and " " not in a}
        lex.words = discover_words(lex.corpus) | frozenset(kept)
        for member in production.cast:
            notes = fold(member.notes or "")
            for mention in _find(notes, lex.characters, []):
                relation = relation_after(notes, mention.end)
                if relation and mention.value != member.id:
                    lex.relatives.setdefault(
                        (mention.value, relation), lex.characters.get(fold(member.id), member.id)
                    )
        if production.plan_path is not None:
            lex.plan_start = _plan_start(production)
        return lex

    def mentions(self, word: str) -> bool:
        """Whether the production's own text uses `word` (folded; a Latin word as a whole word)."""
        if not self.corpus or not word:
            return False
        if has_cjk(word):
            return word in self.corpus
        return word_pattern(word, "a-z", None).search(self.corpus) is not None

    def mentions_in_either_language(self, word: str) -> bool:
        """`mentions`, or for a Chinese word one of its English translations (knowledge.bilingual) is
        in the production's text: 聲樂指導 asked, "vocal coach" written in the English notes."""
        if self.mentions(word):
            return True
        if not has_cjk(word) or not self.corpus:
            return False
        from knowledge.bilingual import english_for_word

        # Short stems (box, rol) are too loose to stand for a word.
        stems = [stem for stem in english_for_word(word) if len(stem) >= 4]
        return any(word_pattern(stem, "a-z", None).search(self.corpus) for stem in stems)

    def aliases(self, value: str) -> list[str]:
        """Every name the production uses for a character (canonical) or a place (its query term)."""
        found = [alias for alias, target in self.characters.items() if target == value]
        found += [alias for alias, target in self.locations.items() if target == value]
        return list(dict.fromkeys([value, *found]))

    def name(self, canonical: str, lang: str = "en") -> str:
        """How an answer names a character: `INSPECTOR LAU (劉督察)`, or in a Chinese answer `劉督察`."""
        if lang == "zh" and canonical in self.chinese:
            return self.chinese[canonical]
        return self.display.get(canonical, canonical)

    def find_characters(self, text: str, taken: list[Mention]) -> list[Mention]:
        return _find(fold(text), self.characters, taken)

    def find_locations(self, text: str, taken: list[Mention]) -> list[Mention]:
        folded = fold(text)
        found = _find(folded, self.locations, taken, places=True)
        return [m for m in found if not _PERSON_AFTER.match(folded, m.end)]


# A place's name followed by a word for someone who works or hangs about there names that person, not
# the place: "the shop assistant", "the pier guard", "the hospital porter" (English compounds).
_PERSON_AFTER = re.compile(
    r"\s+(?:assistants?|keepers?|guards?|workers?|clerks?|porters?|attendants?|janitors?|cleaners?|"
    r"waiters?|waitress(?:es)?|girls?|boys?|regulars?|receptionists?|doorman|doormen)\b"
)  # not "owner" or "manager": the flat's owner is the place card's contact, a question about the place


# Someone named by their relation to a character ("Pim's late father", 阿芬嘅阿媽) is another person:
# the relation word, and the key it is known by in either language.
RELATIONS = {
    "father": ("father", "dad", "daddy", "老豆", "老竇", "阿爸", "爸爸", "父親", "爸"),
    "mother": ("mother", "mum", "mom", "mama", "阿媽", "媽媽", "母親", "媽"),
    "wife": ("wife", "老婆", "妻子"),
    "husband": ("husband", "老公", "丈夫"),
    "son": ("son", "個仔", "兒子"),
    "daughter": ("daughter", "個女", "女兒"),
    "brother": ("brother", "阿哥", "哥哥", "細佬", "弟弟"),
    "sister": ("sister", "家姐", "姐姐", "細妹", "妹妹"),
    "grandfather": ("grandfather", "grandpa", "阿爺", "爺爺", "外公"),
    "grandmother": ("grandmother", "grandma", "granny", "嫲嫲", "阿嫲", "外婆"),
    "girlfriend": ("girlfriend", "女朋友"),
    "boyfriend": ("boyfriend", "男朋友"),
}
_RELATION_WORD = {word: key for key, words in RELATIONS.items() for word in words}
_RELATION_AFTER = re.compile(
    r"(?:(?<='s)|(?<=’s)|'s|’s|(?<=s)')\s+(?:late\s+|dead\s+|deceased\s+|real\s+|own\s+|ex-?\s*|former\s+|old\s+|missing\s+)?"
    r"(?P<en>" + "|".join(w for w in _RELATION_WORD if w.isascii()) + r")\b"
    r"|\s*(?:嘅|的|個|之)?\s*(?:已故|過咗身嘅|死咗嘅|過世的|去世的|已過世的)?\s*"
    r"(?P<zh>" + "|".join(sorted((w for w in _RELATION_WORD if not w.isascii()), key=len, reverse=True)) + ")"
)


def relation_after(folded: str, end: int) -> str | None:
    """The relation named right after a character's name at `end` ("'s late father" → father)."""
    match = _RELATION_AFTER.match(folded, end)
    if not match:
        return None
    return _RELATION_WORD.get(match.group("en") or match.group("zh"))


_OMITTED = re.compile(r"^\W*(?:\d+[A-Z]?\W*)?(?:OMITTED|OMIT|DELETED|刪除|刪去|略去)\b", re.IGNORECASE)


def is_omitted(heading: str) -> bool:
    """A scene kept only to lock its number ("14 OMITTED", "OMITTED")."""
    return bool(_OMITTED.search(heading.strip()))


def _raw_corpus(production: Production) -> str:
    """The production's text as written: the ingested chunks (the keyword index keeps them) or, for a
    production opened from files, the script and the cards' notes."""
    parts: list[str] = []
    index = production.project_dir / "keyword_index.json" if production.project_dir else None
    if index is not None and index.is_file():
        import json

        try:
            records = json.loads(index.read_text(encoding="utf-8")).get("records", {})
            parts = [str(r.get("text", "")) for r in records.values() if isinstance(r, dict)]
        except (OSError, ValueError):
            parts = []
    if not parts:
        if production.screenplay is not None:
            parts = [e.text for e in production.screenplay.elements]
        parts += [m.notes or "" for m in production.cast] + [p.notes or "" for p in production.locations]
    return "\n".join(parts)


def _plan_start(production: Production) -> date | None:
    """The plan's start date, read cheaply (the scheduler validates the plan properly)."""
    import yaml

    try:
        assert production.plan_path is not None
        data = yaml.safe_load(production.plan_path.read_text(encoding="utf-8"))
        start = data.get("start_date") if isinstance(data, dict) else None
        if isinstance(start, date):
            return start
        return date.fromisoformat(str(start)) if start else None
    except Exception:  # a broken plan is reported by the scheduler, not here
        return None


def _overlaps(start: int, end: int, taken: list[Mention]) -> bool:
    return any(start < m.end and m.start < end for m in taken)


def _find(folded: str, table: dict[str, str], taken: list[Mention], places: bool = False) -> list[Mention]:
    found: list[Mention] = []
    for alias in sorted(table, key=len, reverse=True):
        if has_cjk(alias):
            pattern = re.escape(alias)
        else:
            # Latin aliases match whole words, allowing a plural or possessive ending.
            pattern = r"(?<![a-z0-9])" + re.escape(alias) + r"(?:'s|s)?(?![a-z0-9])"
        for match in re.finditer(pattern, folded):
            if _overlaps(match.start(), match.end(), taken + found):
                continue
            if places and len(alias) == 1 and has_cjk(alias) and not _stands_alone(folded, match.start()):
                continue
            found.append(Mention(match.start(), match.end(), match.group(), table[alias]))
    return sorted(found, key=lambda m: m.start)


# What may come right before a one-character place word (車, 街) that names the place itself: a
# measure word, a verb of going or being somewhere, a particle. After any other character it is the end
# of another word: 燈光車 is a lighting truck, 單車 a bicycle, not the picture car.
_BEFORE_A_PLACE_WORD = frozenset("架部輛條間個隻喺上落搭坐開揸入出去返嚟到嘅咗呢嗰個啲番同定或在的和跟")


def _stands_alone(folded: str, start: int) -> bool:
    """Whether the one-character word at `start` is a word of its own, not the end of a longer one."""
    before = folded[start - 1] if start > 0 else " "
    return not has_cjk(before) or before in _BEFORE_A_PLACE_WORD


def _ordinary_words(production: Production) -> set[str]:
    """Words the script writes in lower case in its action and dialogue (a name is capitalised), and
    the time-of-day words of a question."""
    words = {w for group in TIME_QUESTION_WORDS.values() for w in group if " " not in w}
    if production.screenplay is None:
        return words
    for scene in production.screenplay.scenes:
        for element in scene.elements:
            if element.type in ("action", "dialogue"):
                words.update(re.findall(r"(?<![A-Za-z'\-])[a-z][a-z'\-]+", element.text))
    return words
