"""The sentence that answers: extractive answers from retrieved passages.

A document or plot question ("how much does he owe?", "導演想用咩鏡頭？") is answered with the sentence
(or table row) of the retrieved passages that best answers it — scored by the question's content words
found in it (Chinese segmented into words first) and by meaning (the same e5 model, so a Cantonese
question finds an English note) — quoted and cited, instead of a list of long passages. When no
sentence shares anything with the question, the answer says the documents don't say.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from agent.lexicon import fold, has_cjk
from knowledge.answer_kinds import (
    AMOUNT,
    ASKS_AMOUNT,
    ASKS_CLOCK,
    ASKS_CONTACT,
    ASKS_COUNT,
    ASKS_DURATION,
    ASKS_NUMBER,
    ASKS_REAL,
    ASKS_WHEN,
    ASKS_WHERE_PUT,
    ASKS_WHICH_FIRM,
    ASKS_WHO,
    CLOCK,
    CONTACT,
    COUNTED,
    DURATION,
    NAMED,
    PLACED,
    STAGED,
    WHEN,
    money_asked,
    states_money,
)
from knowledge.bilingual import (
    bridge_stems,
    chinese_for,
    english_for,
    english_stems,
    film_terms,
    says_term,
    written_forms,
)
from knowledge.citations import SearchHit
from knowledge.documents import names_the_card
from knowledge.numerals import parse_amount, parse_number
from knowledge.production import scene_sort_key
from knowledge.retrieval import asks_about_production
from knowledge.scene_refs import strip_scene_mentions
from knowledge.vocabulary import book_titles, current_words

# A sentence ends after its stop and any closing quotation marks: 「……搬走。」 keeps its 」.
_SENTENCE = re.compile(
    r"(?<=[.!?。！？；;])\s+|(?<=[。！？；])(?![」』”’）)\]])|(?<=[。！？；][」』”’）)\]])|\n+"
)
_STOP = frozenset(
    """a an the is are was were be been do does did of in on at to for with from by about what which who whom
    whose where when how why there here this that these those it its he she they them his her their we our
    you your i me my and or but not no any some can could would should will shall may might must have has
    had get got say says said tell told please much many does did isn aren wasn weren don doesn didn won
    can couldn shouldn wouldn haven hasn hadn""".split()
)
_FUNCTION_CJK = set(
    "嘅個咗喺係有冇啲呢嗰邊幾咩乜嘢吓下請的了嗎呀啊㗎喎囉吖和同與及或是否哪些都呢點樣會要想將把被去來嚟到在佢我你他她它們哋誰甚麼什麼怎"
)
_HEADING = re.compile(
    r"^\s*Scene\s+\d+[A-Z]{0,2}\s*:|^\s*#|^\W*(?:\d+[A-Z]?\W+)?(?:INT|EXT|I/E)\b|\s[-–—]\s*(?:DAY|NIGHT|DAWN|DUSK|MORNING|EVENING|CONTINUOUS|LATER)\W*(?:\((?:cont\.?|cont'd|continued)\)\W*)?$"
)
# Words of more than one character that carry no clue either: what can, must or already happen, and how
# sure the asker is (可以, 已經, 其實, 究竟): "幾點可以出發" is found by 出發 and a time, not by 可以.
_FUNCTION_WORDS_CJK = frozenset(
    """可以 可能 已經 已经 應該 应该 能夠 能够 其實 其实 真係 真的 究竟 到底 實際 實際上 实际 需唔需要 使唔使
    係咪 是否 有冇 有沒有 會唔會 會不會 得唔得 一下 一定""".split()
)
# Prepositions, adverbs, a light verb and a measure word, as words of their own (位置, 先生 and 做飯 are
# other words): they say nothing of the answer.
_FUNCTION_ALONE = frozenset("那由位做為於向從就也亦還仲先再又")
_QUESTION_WORDS = frozenset(
    """幾多 多少 幾點 幾時 何時 邊個 邊位 邊度 哪裡 哪裏 哪里 哪兒 哪個 哪些 邊啲 點樣 點解 怎樣 怎麼 為什麼 甚麼
    什麼 幾耐 幾錢 幾個 幾日 幾號 幾月 邊日 邊天 哪天 哪日 哪一天 邊年 哪年 哪一年 時候 邊處 邊間 哪間 邊家 哪家""".split()
)


# Found in the text before segmenting it: jieba splits 邊日 into 邊 + 日, and 日 is no clue.
_CLITIC = re.compile(r"['’](?:s|re|ll|ve|d|m|t)?$")
_QUESTION_SPANS = re.compile("|".join(sorted(_QUESTION_WORDS, key=len, reverse=True)))
# A scene pointed at (第三場, 嗰場, 那場戲, 戲) is where to look, not a word to find.
_SCENE_REF = re.compile(
    r"^第.*[場场]$|^[場场]$|^第?[\d一二三四五六七八九十百零兩]+[場场日天]?$|^(?:那|嗰|呢|這|该|該|此|每|成)?[場场]?戲$"
    r"|^(?:那|嗰|呢|這|該|此|每|一)[場场幕]$"
)
# A date or a time of day is not the number a question asks for ("八月八號" is not a permit number).
_DATE_OR_TIME = re.compile(
    r"\d{1,2}\s*[:：]\s*\d\d|\d+\s*月\s*\d+\s*[日號号]?|[一二三四五六七八九十]+\s*月\s*[一二三四五六七八九十廿卅]+\s*[日號号]"
)


def _numbered(sentence: str) -> bool:
    """Whether a sentence holds a number (a runner's 十七號, a code, a count), dates and times aside."""
    return bool(
        re.search(
            r"\d|[一二三四五六七八九十]+\s*號|第[零一二三四五六七八九十百千萬兩]+",
            _DATE_OR_TIME.sub(" ", sentence),
        )
    )


MAX_SENTENCE = 320
MEANING_CANDIDATES = 12


@dataclass(frozen=True)
class Answer:
    sentence: str
    hit: SearchHit
    score: float


def content_terms(question: str) -> set[str]:
    """The question's content words: Latin words without stop words, Chinese words from jieba."""
    # A scene named in the question says where to look (best_sentences' `scenes`), not a word to find.
    folded = strip_scene_mentions(fold(question))
    # "Lok's", "what's", "they're": the word without its clitic ("lok" is a name, "what" a stop word).
    words = (_CLITIC.sub("", w) for w in re.findall(r"[a-z][a-z'’\-]+|\d[\d,.]*", folded))
    terms = {_singular(w) for w in words if w and w not in _STOP}
    if has_cjk(folded):
        from tools.subtitles.linebreak import chinese_tokens

        # What is asked (an amount, a time, a person) is scored by the kind of answer, not as a word.
        kept = current_words() | book_titles(folded)  # a 《title》 asked about is one word too
        for token in chinese_tokens(_QUESTION_SPANS.sub(" ", folded), kept):
            if token.strip() in _FUNCTION_WORDS_CJK or token.strip() in _FUNCTION_ALONE:
                continue
            word = "".join(ch for ch in token if has_cjk(ch) and ch not in _FUNCTION_CJK)
            if (
                word
                and word not in _FUNCTION_ALONE
                and not (_SCENE_REF.match(token.strip()) or _SCENE_REF.match(word))
            ):
                terms.add(word)
    return {t for t in terms if t}


def _counted_noun(question: str, terms: set[str]) -> str | None:
    """What "how many …?" counts: the question's content word right after the count word ("how many
    safes" → safe, 開過幾多個夾萬 → 夾萬); None when the question counts nothing it names."""
    folded = fold(question)
    match = ASKS_COUNT.search(folded)
    if not match:
        return None
    rest = folded[match.end() :]
    placed = [(rest.find(t), t) for t in terms if 0 <= rest.find(t) <= 12]
    return min(placed)[1] if placed else None


def _singular(word: str) -> str:
    """A plural's one `s` off ("lenses" → "lense", matched with its endings by `_word`); "address",
    "glass" and "bus" keep theirs."""
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# Where one question of a message ends and another begins: after its question mark, before more text.
_NEXT_QUESTION = re.compile(r"(?<=[?？])\s*(?=\S)")


# "What did it cost, and where was it made?": a second question joined to the first by "and" before
# its own question word is asked on its own, like one after a question mark.
_AND_ASKS = re.compile(
    r"(?:\s*[,;]\s*|\s+[—–]\s+|\s+)(?:and|plus)\s+(?=(?:for\s+|until\s+)?(?:how|what|what's|when|where|who|who's|whom|which|why)\b)",
    re.IGNORECASE,
)
# What a question is about, said before it ("The fake elephant — what did it cost"): the later
# questions of the message are about it too.
_LEAD_IN = re.compile(
    r"^(.{8,}?)\s*(?:[—–:]|\s-\s)\s*(?=(?:how|what|when|where|who|which|why)\b)", re.IGNORECASE
)


# The word of a "how …?" that says what is asked, not what it is about ("and for how long?").
_HOW_WORDS = frozenset("long late early much many far old tall big often soon".split())


def _and_asks(asked: str) -> list[str]:
    """`asked` (one question, up to its question mark) split where "and" starts another question."""
    if has_cjk(asked) and len(re.findall(r"[A-Za-z]+", asked)) < 4:
        return [asked]
    clauses = [c.strip() for c in _AND_ASKS.split(asked) if c.strip()]
    if len(clauses) < 2 or any(len(c) < 8 for c in clauses):
        return [asked]
    lead = _LEAD_IN.match(clauses[0])
    if lead:
        clauses[1:] = [f"{lead.group(1)} — {c}" for c in clauses[1:]]
    if any(not content_terms(c) - _HOW_WORDS for c in clauses):
        return [asked]  # "…, and how tall?" says too little on its own: the whole message is its question
    return [c if c.endswith(("?", "？")) else f"{c}?" for c in clauses]


def question_parts(question: str) -> list[str]:
    """The questions a message asks, in order: "借咗幾多錢？每個月還幾多？" is two, each answered by
    its own sentence; a message asking one thing is itself. A part too short to ask anything
    ("ok?") stays with the one before it."""
    parts: list[str] = []
    for part in (clause for asked in _NEXT_QUESTION.split(question.strip()) for clause in _and_asks(asked)):
        part = part.strip()
        if parts and len(part) < (3 if has_cjk(part) else 8):
            parts[-1] = f"{parts[-1]} {part}"
        elif part:
            parts.append(part)
    return parts or [question]


def sentences(text: str, *, join_short: bool = False) -> list[str]:
    """The sentences of `text` long enough to say something. With `join_short` (a line of dialogue),
    a very short sentence is read with the next one instead of dropped: "六十。朱老闆仲欠我上個月。"
    answers "how much a month?" in its first two characters."""
    # A line wrapped inside a sentence (a PDF's or a note's hard wrap: "…fed from a\nwater bowser") is
    # one sentence: a line that stops mid-sentence and a next line that starts in lower case.
    text = _WRAPPED.sub(" ", text)
    parts: list[str] = []
    for piece in (" ".join(p.split()) for p in _SENTENCE.split(text)):
        if parts and _ABBREVIATION.search(parts[-1]):
            parts[-1] = f"{parts[-1]} {piece}"  # "permit no. AF-118", "Sc. 4", "Mr. Law": one sentence
        elif piece:
            parts.append(piece)
    if join_short:
        joined: list[str] = []
        for part in parts:
            if joined and len(joined[-1]) < (4 if has_cjk(joined[-1]) else 16):
                joined[-1] = f"{joined[-1]}{'' if has_cjk(joined[-1]) else ' '}{part}"
            elif joined and has_cjk(part) and len(part) <= 5 and joined[-1].endswith(("」", "』", "”")):
                joined[-1] += part  # a quotation's signature: 「……即日搬走。」陳大文。
            else:
                joined.append(part)
        parts = joined
    return [p for p in parts if len(p) >= (4 if has_cjk(p) else 16)]


# A stop that ends an abbreviation, not a sentence.
_ABBREVIATION = re.compile(
    r"\b(?:no|nos|mr|mrs|ms|dr|st|vs|approx|est|sc|scs|pp?|tel|fig|inc|ltd|co|ref|ext|int)\.$", re.IGNORECASE
)
_WRAPPED = re.compile(r"(?<=[A-Za-z0-9,;'’\-])[ \t]*\n[ \t]*(?=[a-z(])")


# A speech line as passages hold it: "細強: 你攞隻USB…", "SIU KEUNG (V.O.): …".
_SPEECH = re.compile(
    r"^\s*(?P<who>[^\s:：]{1,12}(?:\s[^\s:：]{1,12}){0,2}(?:\s*\([^)]{1,20}\))?)\s*[:：]\s*(?P<said>\S.*)$"
)


def _unwrapped(lines: list[str]) -> list[str]:
    """`lines` with hard-wrapped sentences joined: a notes bullet's second line ("…two days, plus\n
    HK$9,000 for the barge"), a paragraph wrapped mid-sentence. A line is joined to the one before when
    that one stops mid-sentence and this one goes on with it: it starts in lower case or with a
    bracket, is indented under it, or follows a comma or a joining word; never a new bullet, a line of
    dialogue, a heading or a table row."""
    out: list[str] = []
    for line in lines:
        if out and _goes_on(out[-1], line):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
    return out


_ENDS_SENTENCE = re.compile(r"[.!?。！？」』”]\s*$")
_STARTS_ITEM = re.compile(r"^\s*(?:[-*•+]\s|\d+[.)]\s|#|\||>)")
_JOINING_END = re.compile(
    r"(?:,|;|\b(?:and|or|plus|of|for|to|with|the|a|an|at|in|on|by|from|than|per))\s*$", re.I
)


def _goes_on(before: str, line: str) -> bool:
    if not line.strip() or not before.strip() or _ENDS_SENTENCE.search(before):
        return False
    if _STARTS_ITEM.match(line) or before.lstrip().startswith(("#", "|")):
        return False
    if _SPEECH.match(line) or _HEADING.search(line) or _HEADING.search(before):
        return False
    stripped = line.lstrip()
    return bool(
        re.match(r"[a-z(]", stripped) or (len(line) - len(stripped) >= 2) or _JOINING_END.search(before)
    )


def spoken_sentences(text: str) -> list[str]:
    """The sentences of a passage, each line of dialogue's sentences carrying the speaker
    ("細強: 二十八萬，一筆勾銷。"): what someone says is evidence about them, in every sentence of it."""
    out: list[str] = []
    for line in _unwrapped(text.splitlines()):
        speech = _SPEECH.match(line)
        if speech is None or _HEADING.search(line):
            out.extend(sentences(line))
            continue
        prefix = line[: speech.start("said")].strip()
        out.extend(f"{prefix} {s}" for s in sentences(speech.group("said"), join_short=True))
    return out


def _speaker(sentence: str) -> str | None:
    speech = _speech(sentence)
    return speech.group("who") if speech else None


def _speech(sentence: str) -> re.Match[str] | None:
    """The sentence read as a line of dialogue: a cue (SIU KEUNG, 細強, MEI (V.O.)) and what is said.
    A label in lower or mixed case ("address: …", "Line producer: …") is a field of a card or a note,
    and part of what the sentence says."""
    speech = _SPEECH.match(sentence)
    if speech is None:
        return None
    who = re.sub(r"\([^)]*\)", "", speech.group("who"))
    return speech if has_cjk(who) or who == who.upper() else None


def _replies(texts: list[tuple[str, int]]) -> dict[int, int]:
    """Sentence index → the index of the question it answers: the first sentence of the next speech
    in the same passage, by someone else, after a spoken question ("你執衫一個月幾多？" → "六十。…")."""
    out: dict[int, int] = {}
    for i in range(len(texts) - 1):
        (question, rank), (reply, next_rank) = texts[i], texts[i + 1]
        asker, replier = _speaker(question), _speaker(reply)
        if (
            rank == next_rank
            and asker
            and replier
            and asker != replier
            and question.rstrip().endswith(("?", "？"))
        ):
            out[i + 1] = i
    return out


# Words that ask for money are the kind of answer asked for, not what the answer must say again.
_MONEY_WORDS = frozenset({"錢", "money", "dollar", "蚊", "銀紙", "價錢", "price"})
# Cantonese aspect markers jieba leaves on a verb: 儲緊 ("saving") is said as 儲 in 儲夠八百.
_ASPECT = "緊咗過埋返住開"


# The kinds of answer (knowledge.answer_kinds); the short names are kept for agent.compose.
_AMOUNT = AMOUNT
_WHEN = WHEN
_ASKS_AMOUNT = ASKS_AMOUNT
_ASKS_NUMBER = ASKS_NUMBER
_ASKS_WHEN = ASKS_WHEN
_ASKS_WHO = ASKS_WHO
_NAMED = NAMED


def _bridges(terms: set[str]) -> dict[str, frozenset[str]]:
    """Each term's words in the other language (knowledge.bilingual): English stems for a Chinese
    term, Chinese words for an English one."""
    return {t: (english_for(_unmarked(t)) if has_cjk(t) else chinese_for(t)) for t in terms}


def _unmarked(term: str) -> str:
    """A Cantonese verb without its aspect marker (儲緊 → 儲): the dictionary knows the verb."""
    return term[:-1] if len(term) >= 2 and term[-1] in _ASPECT else term


_TITLED_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Madam|Mdm|Sir|Uncle|Auntie|Aunty|Master|Inspector|Sergeant|Officer)\.?"
    r"\s+[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)?"
)


def _bridged(
    term: str, other: frozenset[str], folded: str, stems: set[str], glossed: frozenset[str]
) -> float:
    """Evidence that a sentence in the other language says `term`: less than the word itself.

    `stems` are the sentence's English words; `glossed` the English of its Chinese words (bridge_stems).
    """
    if has_cjk(term):
        if not stems & other:
            return 0.0
        # A Chinese term with many glosses is vague; one with few is specific; one character is weak;
        # a word of two or more characters with a single gloss (a brand, a named thing: 勞力士 → rolex)
        # is as sure as the word itself.
        if len(term) == 1:
            return 0.3 if len(other) <= 8 else 0.0
        if len(other) == 1:
            return 1.0
        return 0.75 if len(other) <= 6 else 0.5
    if any(len(w) >= 2 and w in folded for w in other):
        return 0.75
    if any(len(w) == 1 and w in folded for w in other):
        return 0.4
    # The other way round: a Chinese word of the sentence whose English is the term, where the term's
    # own Chinese words (only those that mean just it) miss it: 阿爺 is "paternal grandfather".
    return 0.4 if glossed and english_stems(term) <= glossed else 0.0


@lru_cache(maxsize=4096)
def _word(term: str) -> re.Pattern[str]:
    """An English term as a word with its endings ("watch": watches, watched; "race": racing), never
    inside another word ("win" is not in "wing", "art" not in "party")."""
    base = term[:-1] if term.endswith("e") and len(term) > 3 else term
    return re.compile(rf"(?<![a-z]){re.escape(base)}(?:e|es|ed|d|ing|er|ers|s+|'s|’s)?(?![a-z])")


def _says(term: str, folded: str) -> bool:
    if has_cjk(term) or not re.fullmatch(r"[a-z][a-z'\-]*", term):
        return term in folded
    return bool(_word(term).search(folded))


def _evidence(
    t: str,
    folded: str,
    stems: set[str],
    registers: dict[str, frozenset[str]],
    bridges: dict[str, frozenset[str]],
    glossed: frozenset[str] = frozenset(),
) -> float:
    """How surely a folded sentence says the question's term `t` (itself, its other register, the verb
    without its aspect marker, or its words in the other language)."""
    if _says(t, folded) or (has_cjk(t) and any(form in folded for form in registers[t])):
        # A single Chinese character is weak evidence (收 is in 收喺 "hide" and in 收到 "receive").
        return 0.5 if len(t) == 1 and has_cjk(t) else 1.0
    if has_cjk(t) and len(t) >= 2 and t[-1] in _ASPECT and t[:-1] in folded:
        return 0.5 if len(t) == 2 else 1.0  # the verb without its aspect marker
    return _bridged(t, bridges[t], folded, stems, glossed)


def _scores(
    question: str,
    texts: list[tuple[str, int]],
    embedder: object | None,
    names: list[list[str]] | None,
    context: bool = False,
    titles: list[str] | None = None,
    subjects: list[str] | None = None,
    topic: str | None = None,
) -> tuple[np.ndarray, list[float], np.ndarray | None]:
    """Score (sentence, rank) pairs for `question`: (scores, shared-word evidence, meaning). With
    `context` (consecutive sentences of passages, as a script reads), a sentence also gets half the
    evidence of a question's word said in the sentences around it (see _CONTEXT). `subjects` are what
    each sentence is about when its passage says so (a card's heading): a name said there counts.
    `topic` is the message's first question when `question` is a later one ("…首歌版權傾掂未？同邊間
    公司傾？"): what it is about carries to the later one, at _TOPIC_SHARE of a word asked."""
    terms = content_terms(question)
    alias_sets = [[fold(a) for a in group if len(a) >= 2] for group in names or []]
    # A name is matched as a name (any alias), never word by word: "uncle" of UNCLE PIU is not a clue.
    name_words = {w for group in alias_sets for alias in group for w in re.findall(r"[a-z][a-z'\-]+", alias)}
    # A Chinese name split by the segmenter (大牌檔 → 大牌 + 檔) is still the name, not two clues.
    terms = {
        t
        for t in terms
        if not any(t in group or (has_cjk(t) and any(t in alias for alias in group)) for group in alias_sets)
        and t not in name_words
    }
    carried = sorted(
        t
        for t in (content_terms(topic) if topic else set()) - terms
        if not any(t in group or (has_cjk(t) and any(t in alias for alias in group)) for group in alias_sets)
        and t not in name_words
        and t not in _MONEY_WORDS
    )
    wants_duration = bool(ASKS_DURATION.search(question))
    # "How many years…?" asks a length of time, answered by "thirty-one years", not by an amount.
    wants_amount = bool(_ASKS_AMOUNT.search(question)) and not wants_duration
    if wants_amount:
        terms -= _MONEY_WORDS
    wants_money = wants_amount and money_asked(fold(question))
    counted = _counted_noun(question, content_terms(question)) if wants_amount else None
    asked_count = ASKS_COUNT.search(question) if wants_amount else None
    measure = asked_count.group()[-1] if asked_count and has_cjk(asked_count.group()[-1]) else None
    counted_bridges = _bridges({counted}) if counted else {}
    counted_registers = {counted: written_forms(counted)} if counted and has_cjk(counted) else {}

    def amount_in(sentence: str) -> bool:
        # "How many safes?" is answered by a count of safes (九十九個夾萬), not by any number; "how
        # much?" about money by a sum, not by a head count or a distance.
        if states_money(sentence) if wants_money else _AMOUNT.search(sentence):
            return True
        if not counted and not measure:
            return False
        for match in COUNTED.finditer(sentence):
            if measure and match.group().endswith(measure):
                return True  # 賣咗四十七張 answers 賣出幾多張票: the noun is left unsaid
            after = fold(sentence[match.end() : match.end() + 12])
            stems = english_stems(after) if re.search(r"[A-Za-z]", after) else set()
            if counted and _evidence(counted, after, stems, counted_registers, counted_bridges) > 0:
                return True
        return False

    wants_when = bool(_ASKS_WHEN.search(question))
    wants_clock = bool(ASKS_CLOCK.search(question))  # a time of day, not a date
    wants_place = bool(ASKS_WHERE_PUT.search(question))
    wants_contact = bool(ASKS_CONTACT.search(question))
    wants_number = bool(_ASKS_NUMBER.search(question))
    wants_who = bool(_ASKS_WHO.search(question) or ASKS_WHICH_FIRM.search(question))
    wants_staging = bool(ASKS_REAL.search(question))
    # Film terms (特技統籌 / stunt coordinator) count once, in either language.
    glossary = film_terms(fold(question))
    # ... and with their pieces they make one clue: 特技統籌 is not 特技 + 統籌 + the term. The pieces
    # still speak for the term where a sentence says it otherwise (拍攝許可: "approved ... the shoot").
    pieces = {g.text: {t for t in terms if t != g.text and t in g.text} for g in glossary}
    terms -= {t for group in pieces.values() for t in group}
    terms -= set(pieces)  # the term itself is counted below, once
    bridges = _bridges(terms | {t for group in pieces.values() for t in group} | set(carried))
    registers = {t: written_forms(t) for t in bridges if has_cjk(t)}  # 不要 in the question, 唔好 in the line
    lexicals: list[float] = []
    kinds: list[float] = []
    ordered = [*sorted(terms), *carried]
    # A word asked counts whole; a word of the message's first question, _TOPIC_SHARE.
    weight = np.array([1.0] * len(terms) + [_TOPIC_SHARE] * len(carried))
    latin_terms = any(not has_cjk(t) for t in ordered)
    found = np.zeros((len(texts), len(ordered)))  # each sentence's evidence for each word
    termed = np.zeros((len(texts), len(glossary)))  # … and for each film term
    for i, (sentence, _) in enumerate(texts):
        folded = fold(sentence)
        speech = _speech(sentence)
        said = sentence[speech.start("said") :] if speech else sentence  # a speaker's name is no gloss
        # Nor is a name after a title: "Mr Law" is a person, not the law 法律 translates to.
        said = _TITLED_NAME.sub(" ", said)
        words = fold(said)  # nor one of the question's words ("WING:" does not say "win")
        stems = english_stems(said) if re.search(r"[A-Za-z]", said) else set()
        glossed = frozenset(bridge_stems(said)) if has_cjk(said) and latin_terms else frozenset()
        found[i] = weight * [_evidence(t, words, stems, registers, bridges, glossed) for t in ordered]
        lexical = float(found[i].sum())
        about = fold(subjects[i]) if subjects and subjects[i] else ""
        lexical += sum(0.5 for group in alias_sets if any(a in folded or a in about for a in group))
        termed[i] = [
            max(
                says_term(term, folded),
                min(
                    1.0,
                    sum(_evidence(t, words, stems, registers, bridges, glossed) for t in pieces[term.text]),
                ),
            )
            for term in glossary
        ]
        lexical += float(termed[i].sum())
        kind = 0.0  # the kind of answer asked for, held by the sentence
        if wants_amount and amount_in(sentence):
            kind += 0.75
        if wants_when and _WHEN.search(sentence):
            kind += 0.75
        if wants_clock and CLOCK.search(sentence):
            kind += 0.5
        if wants_place and PLACED.search(sentence):
            kind += 0.5
        if wants_duration and DURATION.search(sentence):
            kind += 0.75
        if wants_contact and CONTACT.search(sentence):
            kind += 0.5
        if wants_number and _numbered(sentence):
            kind += 0.5
        if wants_who and _NAMED.search(sentence):
            kind += 0.5
        if wants_staging and STAGED.search(sentence):
            kind += 0.5
        lexicals.append(lexical)
        kinds.append(kind)
    if context and ordered:
        headed = weight * _headed(titles, ordered, registers, bridges, latin_terms)
        for i, extra in enumerate(_context(found, texts, headed)):
            lexicals[i] += extra
    if context and glossary and titles:
        # A notes line is also about its section's heading ("## Camera and equipment" over "- Sony
        # VENICE 2, Cooke S4 primes"): the heading lends its evidence of a film term too.
        for i, title in enumerate(titles):
            if title:
                folded_title = fold(title)
                heading = np.array([says_term(term, folded_title) for term in glossary])
                lexicals[i] += float(np.clip(_HEADING_SHARE * heading - termed[i], 0.0, None).sum())
    for i, kind in enumerate(kinds):
        # A sentence of retrieved passages holding the kind of answer asked for (a time, an amount)
        # answers only where it, or the lines around it, say something of what was asked: a time on its
        # own is any time. (A card's line, best_line, is about the card's person or place already.)
        bare = context and ordered and lexicals[i] == 0
        lexicals[i] += _BARE_KIND_SHARE * kind if bare else kind
    for reply, asked in _replies(texts).items():
        # The reply to a spoken question carries the question's words: it is where the answer is.
        lexicals[reply] = max(lexicals[reply], lexicals[asked])
    scale = max(1.0, len(terms) + len(glossary) + 0.5 * len(alias_sets))
    scores = np.array([lex / scale - 0.03 * rank for lex, (_, rank) in zip(lexicals, texts, strict=True)])
    for i, (sentence, _) in enumerate(texts):
        # The kind of answer asked for is not optional: "how much?" is answered by a sentence with an
        # amount, "when?" by one with a time, "what number?" by one with a number; a sentence that is
        # itself a question ("When will he wake up?") rarely answers one.
        if wants_amount and not amount_in(sentence):
            scores[i] -= 0.5
        if wants_when and not _WHEN.search(sentence):
            scores[i] -= 0.5
        if wants_number and not _numbered(sentence):
            scores[i] -= 0.5
        if wants_place and not PLACED.search(sentence):
            scores[i] -= 0.3  # "where is it hidden?" is answered by a sentence that puts it somewhere
        if wants_duration and not DURATION.search(sentence):
            scores[i] -= 0.3
        if wants_who and not (
            _NAMED.search(sentence) or any(a in fold(sentence) for g in alias_sets for a in g)
        ):
            scores[i] -= 0.3  # "who is the stunt coordinator?" is answered by a sentence that names someone
        if sentence.rstrip().endswith(("?", "？")) and not _states_before_asking(sentence):
            scores[i] -= 0.3
    # The embedder reads only the strongest candidates (by shared words, the kind asked for and the
    # passage's rank): it is the slow part of a turn, and a sentence far down that list does not win.
    chosen = sorted(np.argsort(-scores, kind="stable")[:MEANING_CANDIDATES].tolist())
    read = _meaning(f"{topic} {question}" if topic else question, [texts[i][0] for i in chosen], embedder)
    meaning = None
    if read is not None:
        meaning = np.zeros(len(texts))
        meaning[chosen] = read
    if meaning is not None:
        # Meaning breaks ties and bridges languages (a Cantonese question, an English note); shared
        # words and the kind of answer asked for (an amount, a time) weigh more.
        scores = scores + 0.5 * meaning
    return scores, lexicals, meaning


def _states_before_asking(sentence: str) -> bool:
    """A question that first states a figure ("雜誌社俾咗你三千蚊，你用咗去邊？", "You got 3,000 for
    it, so where did it go?"): the statement can answer, though the line ends asking."""
    head = re.split(r"[，,]\s*(?=[^，,]*[?？]\s*$)", sentence.rstrip(), maxsplit=1)
    return len(head) == 2 and bool(_AMOUNT.search(head[0]) or _WHEN.search(head[0]))


# A question's words are often said a line or two before the line that answers it: the action names
# the watch, the next line of dialogue says what it is worth; one speaker names the debt, the next
# line gives the amount. Sentences this close (same passage) lend half their evidence of a word.
_CONTEXT = 2
_CONTEXT_SHARE = 0.5
# A heading names what every line under it is about, more surely than a neighbouring line does.
_HEADING_SHARE = 0.75
_STORY_SHARE = 0.15
# How much the kind of answer asked for counts in a sentence that says nothing else of the question.
_BARE_KIND_SHARE = 0.5
# How much a word of the message's first question counts for a later question that does not say it.
_TOPIC_SHARE = 0.3


def _headed(
    titles: list[str] | None,
    ordered: list[str],
    registers: dict[str, frozenset[str]],
    bridges: dict[str, frozenset[str]],
    latin_terms: bool,
) -> np.ndarray:
    """Each sentence's section heading's evidence for each word (a notes line is about its heading)."""
    headed = np.zeros((len(titles or []), len(ordered)))
    for i, title in enumerate(titles or []):
        if title:
            stems = english_stems(title) if re.search(r"[A-Za-z]", title) else set()
            glossed = frozenset(bridge_stems(title)) if has_cjk(title) and latin_terms else frozenset()
            headed[i] = [_evidence(t, fold(title), stems, registers, bridges, glossed) for t in ordered]
    return headed


def _context(found: np.ndarray, texts: list[tuple[str, int]], headed: np.ndarray) -> list[float]:
    """For each sentence, the evidence its neighbours (and its section's heading, `headed`) lend for
    words it does not say itself."""
    out: list[float] = []
    for i, (_, rank) in enumerate(texts):
        near = [
            j
            for j in range(max(0, i - _CONTEXT), min(len(texts), i + _CONTEXT + 1))
            if j != i and texts[j][1] == rank
        ]
        lent = _CONTEXT_SHARE * (found[near].max(axis=0) if near else np.zeros(found.shape[1]))
        if len(headed):
            lent = np.maximum(lent, _HEADING_SHARE * headed[i])
        out.append(float(np.clip(lent - found[i], 0.0, None).sum()))
    return out


def best_line(
    question: str, lines: list[str], embedder: object | None = None, names: list[list[str]] | None = None
) -> str | None:
    """The one line of `lines` (a card's notes, split into sentences) that answers `question`, if any
    shares a content word with it; None when none does."""
    texts = [(s, 0) for line in lines for s in sentences(line) or [line]]
    if not texts:
        return None
    scores, lexicals, _ = _scores(question, texts, embedder, names)
    best = int(np.argmax(scores))
    # One shared word, or one word bridged from the other language (紋身 → "tattoo"), is enough on a card.
    return _trim(texts[best][0]) if lexicals[best] >= 0.75 else None


def best_sentences(
    question: str,
    hits: list[SearchHit],
    embedder: object | None = None,
    names: list[list[str]] | None = None,
    scenes: list[str] | None = None,
    limit: int = 8,
    after: Answer | None = None,
    topic: str | None = None,
) -> list[Answer]:
    """The sentences that best answer `question`, best first (empty when none shares a word or meaning).

    `names` are the aliases of each character or place the question names: a sentence that calls them
    another way (樂仔 for WONG KA-LOK) still counts. A question asking an amount or a time prefers a
    sentence that holds one; a question naming scenes (`scenes`) prefers the sentences of those scenes.
    `after` is the answer to the question before this one in the same message ("when did he leave? and
    on which boat?"): the second asks about the same moment, so the lines near that answer come first;
    `topic` is that message's first question (see _scores).
    """
    candidates: list[tuple[str, SearchHit, int]] = []
    named = _names_itself(question, names)
    for rank, hit in enumerate(hits[:limit]):
        text = hit.text
        if hit.scene and text.startswith(f"Scene {hit.scene}:"):
            # A scene's passage opens with its heading (knowledge.chunking.scene_header), "(cont.)"
            # on the next ones: never an answer, and its parts ("WATCH CO.") read as sentences.
            text = text.split("\n", 1)[1] if "\n" in text else ""
        if hit.doc_type in ("cast", "locations") and not _ASKS_NAME.search(question):
            # A card's heading and its names say who or where the card is about: they answer "what
            # is she called?", never what was asked about her (her voice, its address).
            text = "\n".join(line for line in text.splitlines() if not names_the_card(line))
        for sentence in spoken_sentences(text):
            if not _HEADING.search(sentence):  # a scene heading never answers a question
                candidates.append((sentence, hit, rank))
    if not candidates:
        return []
    scores, lexicals, meaning = _scores(
        question,
        [(c[0], c[2]) for c in candidates],
        embedder,
        names,
        context=True,
        titles=[_heading_of(c[1]) for c in candidates],
        subjects=[_card_of(c[1], named) for c in candidates],
        topic=topic,
    )
    if scenes:
        asked = set(scenes)
        scores = scores + np.array([0.3 if c[1].scene in asked else 0.0 for c in candidates])
    if after is not None:
        scores = scores + _near(after, candidates)
    if not asks_about_production(question):
        # A question about the story is answered by the script: where a line of dialogue and a line of
        # the notes say as much, the script's is the answer ("what is the watch worth?" is the story's
        # price, not the prop hire's).
        scores = scores + np.array(
            [_STORY_SHARE if c[1].doc_type == "screenplay" else 0.0 for c in candidates]
        )
    if _ASKS_OUTCOME.search(question):
        scores = scores + _later_in_story(candidates)
    order = np.argsort(-scores)
    answers = []
    for i in order[:3]:
        sentence, hit, _ = candidates[int(i)]
        if lexicals[int(i)] == 0 and (meaning is None or meaning[int(i)] < 0.35):
            continue
        answers.append(Answer(_trim(sentence), hit, float(scores[int(i)])))
    return answers


# How a story turns out ("did they marry?", 最後有冇結婚?, "who won in the end?"): the later a scene
# says it, the likelier it is the outcome, not the hope or the threat said before it.
_ASKS_OUTCOME = re.compile(
    r"^\W*(?:did|does|has|have|was|were)\b|\bin the end\b|\beventually\b|\bfinally\b|\bend(?:s|ed)? up\b"
    r"|\bturn(?:s|ed)? out\b|最後|最終|結果|到最後|終於",
    re.IGNORECASE,
)
_OUTCOME_SHARE = 0.15


def _later_in_story(candidates: list[tuple[str, SearchHit, int]]) -> np.ndarray:
    """A lift for the script's lines by how late their scene comes among the candidates' scenes."""
    scenes = sorted(
        {c[1].scene for c in candidates if c[1].doc_type == "screenplay" and c[1].scene},
        key=scene_sort_key,
    )
    if len(scenes) < 2:
        return np.zeros(len(candidates))
    place = {scene: i / (len(scenes) - 1) for i, scene in enumerate(scenes)}
    return np.array(
        [
            _OUTCOME_SHARE * place[c[1].scene]
            if c[1].doc_type == "screenplay" and c[1].scene in place
            else 0.0
            for c in candidates
        ]
    )


# Lines this close to the answer of the message's previous question (same passage, either side) are
# lifted for the next question by this much.
_FOLLOW_ON_SPAN = 6
_FOLLOW_ON_SHARE = 0.2


def _near(after: Answer, candidates: list[tuple[str, SearchHit, int]]) -> np.ndarray:
    """A lift for the candidates near `after` (in its passage, at most _FOLLOW_ON_SPAN sentences away)."""
    lift = np.zeros(len(candidates))
    place = next(
        (i for i, (s, h, _) in enumerate(candidates) if h == after.hit and _trim(s) == after.sentence), None
    )
    if place is None:
        return lift
    for i, (_, hit, _) in enumerate(candidates):
        if hit == after.hit and 0 < abs(i - place) <= _FOLLOW_ON_SPAN:
            lift[i] = _FOLLOW_ON_SHARE
    return lift


# The questions a card's names answer (knowledge.documents.names_the_card).
_ASKS_NAME = re.compile(
    r"\bname[sd]?\b|\bcall(?:s|ed)?\b|nickname|also known|aka\b|叫咩|叫乜|叫甚麼|叫什麼|全名|英文名|中文名|又叫|花名|綽號|稱呼",
    re.IGNORECASE,
)


def _names_itself(question: str, names: list[list[str]] | None) -> bool:
    folded = fold(question)
    return any(len(a) >= 2 and fold(a) in folded for group in names or [] for a in group)


def _card_of(hit: SearchHit, named: bool) -> str:
    """The heading of a cast or locations card ("Location: PIER (碼頭; the pier)"): every line of the
    card is about it. A person's card always is ("佢嘅替身係邊個？" is in the notes of her card); a
    place's only for a question that leans on an earlier one ("…? and its real address?"): one naming
    the place itself often names it as the setting of something else ("the legal adviser for the
    courtroom scenes"), and finds the line that says it."""
    if hit.doc_type == "cast" or (hit.doc_type == "locations" and not named):
        return hit.text.split("\n", 1)[0]
    return ""


def _heading_of(hit: SearchHit) -> str:
    """The nearest heading of a notes passage ("… › Camera and equipment" → "Camera and equipment")."""
    if hit.doc_type == "screenplay" or not hit.section:
        return ""
    return hit.section.rsplit("›", 1)[-1].strip()


class _VectorCache:
    """Unit vectors of sentences and questions already read, kept across turns (least recently used
    dropped first). A production's notes and script are the same sentences turn after turn, so a
    question about the stunt budget after one about the permit reads most of its candidates from here;
    embedding them is the slow part of a document answer (~25 ms a sentence on 2 cores). Keyed by the
    model too, so two embedders never share vectors. Shared by every session of the process: guarded
    by a lock (the UI serves several people from threads)."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._vectors: OrderedDict[tuple[int, str, str], np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def _get(self, key: tuple[int, str, str]) -> np.ndarray | None:
        with self._lock:
            vector = self._vectors.get(key)
            if vector is not None:
                self._vectors.move_to_end(key)
            return vector

    def _put(self, key: tuple[int, str, str], vector: np.ndarray) -> None:
        with self._lock:
            self._vectors[key] = vector
            self._vectors.move_to_end(key)
            while len(self._vectors) > self._size:
                self._vectors.popitem(last=False)

    def query(self, model: Any, text: str) -> np.ndarray:
        key = (id(model), "q", text)
        vector = self._get(key)
        if vector is None:
            vector = _unit(np.asarray(model.query(text), dtype=np.float32))
            self._put(key, vector)
        return vector

    def passages(self, model: Any, texts: list[str]) -> np.ndarray:
        keys = [(id(model), "p", t) for t in texts]
        found = [self._get(k) for k in keys]
        missing = [i for i, v in enumerate(found) if v is None]
        if missing:
            fresh = np.asarray(model.passage([texts[i] for i in missing]), dtype=np.float32)
            for i, row in zip(missing, fresh, strict=True):
                vector = _unit(row)
                found[i] = vector
                self._put(keys[i], vector)
        return np.stack([v for v in found if v is not None])


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / (float(np.linalg.norm(vector)) or 1.0)


# 384 float32 a sentence: 20,000 sentences (a feature's script and notes, many times over) is ~30 MB.
_SENTENCE_VECTORS = _VectorCache(20_000)


def _meaning(question: str, texts: list[str], embedder: object | None) -> np.ndarray | None:
    """Cosine between the question and each sentence, centred so unrelated text scores near 0."""
    if embedder is None or not texts:
        return None
    model = getattr(embedder, "_model", None)
    if model is None:
        return None
    q = _SENTENCE_VECTORS.query(model, question)
    p = _SENTENCE_VECTORS.passages(model, texts[:40])
    sims = p @ q
    # e5 scores a sentence in the question's own language higher than one in the other language,
    # whatever either says (an English question about an offer: any English line naming the two men
    # beats 「二十八萬，一筆勾銷」). The other language's sentences are lifted by half the distance
    # between the two languages' best (all of it overcorrects: held-out rates moved +2 −2).
    asked_cjk = _mostly_cjk(question)
    other = np.array([_mostly_cjk(t) != asked_cjk for t in texts[:40]])
    if other.any() and (~other).any():
        sims = sims + other * 0.5 * max(0.0, float(sims[~other].max()) - float(sims[other].max()))
    # e5 cosines sit between ~0.7 (unrelated) and ~0.9 (answers): stretch that range to 0–1.
    stretched = np.clip((sims - 0.75) / 0.15, 0.0, 1.0)
    if len(texts) > 40:
        stretched = np.concatenate([stretched, np.zeros(len(texts) - 40)])
    return stretched


def _mostly_cjk(text: str) -> bool:
    """More Chinese characters than Latin words (a sentence's language, for e5's language bias)."""
    return sum(map(has_cjk, text)) > len(re.findall(r"[A-Za-z]+", text))


def _trim(sentence: str) -> str:
    return sentence if len(sentence) <= MAX_SENTENCE else sentence[:MAX_SENTENCE].rstrip() + "…"


_ZH_YEAR = re.compile(r"([一二三四五六七八九零〇]{4})\s*年")
_ZH_AMOUNT = re.compile(
    r"(?<![第一二三四五六七八九十兩百千萬])([一二三四五六七八九十兩百千]+萬[一二三四五六七八九]?|[一二三四五六七八九兩]千[一二三四五六七八九]?)"
)


def stated_fact(question: str, sentence: str) -> str | None:
    """The fact a quoted sentence gives in Chinese numerals, in digits, when the question asks for that
    kind: "which year?" over 「一九八三年開館」 → 1983; "how much?" over 「二十八萬」 → 280,000. None when
    the sentence already writes it in digits, or holds none, or holds several."""
    if _ASKS_WHEN.search(question) and not re.search(r"\b(?:1[89]|20)\d\d\b", sentence):
        years = {m.group(1) for m in _ZH_YEAR.finditer(sentence)}
        if len(years) == 1:
            return str(parse_number(years.pop()))
    if _ASKS_AMOUNT.search(question) and not re.search(r"\d", sentence):
        amounts = {parse_amount(m.group(1)) for m in _ZH_AMOUNT.finditer(sentence)}
        amounts.discard(None)
        if len(amounts) == 1:
            return f"{amounts.pop():,}"
    return None
