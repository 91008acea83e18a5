"""The sentence that answers: extractive answers from retrieved passages.

A document or plot question ("how much does he owe?", "導演想用咩鏡頭？") is answered with the sentence
(or table row) of the retrieved passages that best answers it — scored by the question's content words
found in it (Chinese segmented into words first) and by meaning (the same e5 model, so a Cantonese
question finds an English note) — quoted and cited, instead of a list of long passages. When no
sentence shares anything with the question, the answer says the documents don't say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from agent.lexicon import fold, has_cjk
from knowledge.citations import SearchHit

_SENTENCE = re.compile(r"(?<=[.!?。！？；;])\s+|(?<=[。！？；])|\n+")
_STOP = frozenset(
    """a an the is are was were be been do does did of in on at to for with from by about what which who whom
    whose where when how why there here this that these those it its he she they them his her their we our
    you your i me my and or but not no any some can could would should will shall may might must have has
    had get got say says said tell told please much many does did""".split()
)
_FUNCTION_CJK = set("嘅個咗喺係有冇啲呢嗰邊幾咩乜嘢吓下請的了嗎呀啊㗎喎囉吖和同與及或是否哪些都呢點樣會要想")
MAX_SENTENCE = 320


@dataclass(frozen=True)
class Answer:
    sentence: str
    hit: SearchHit
    score: float


def content_terms(question: str) -> set[str]:
    """The question's content words: Latin words without stop words, Chinese words from jieba."""
    folded = fold(question)
    terms = {w.rstrip("s") for w in re.findall(r"[a-z][a-z'\-]+|\d[\d,.]*", folded) if w not in _STOP}
    if has_cjk(folded):
        from tools.subtitles.linebreak import chinese_tokens

        for token in chinese_tokens(folded):
            word = "".join(ch for ch in token if has_cjk(ch) and ch not in _FUNCTION_CJK)
            if word:
                terms.add(word)
    return {t for t in terms if t}


def sentences(text: str) -> list[str]:
    parts = [" ".join(p.split()) for p in _SENTENCE.split(text)]
    return [p for p in parts if len(p) >= (4 if has_cjk(p) else 16)]


def best_sentences(question: str, hits: list[SearchHit], embedder: object | None = None) -> list[Answer]:
    """The sentences that best answer `question`, best first (empty when none shares a word or meaning)."""
    terms = content_terms(question)
    candidates: list[tuple[str, SearchHit, float, int]] = []
    for rank, hit in enumerate(hits[:6]):
        for sentence in sentences(hit.text):
            folded = fold(sentence)
            lexical = sum(1.0 for t in terms if t in folded)
            candidates.append((sentence, hit, lexical, rank))
    if not candidates:
        return []
    scores = np.array([c[2] / max(1, len(terms)) - 0.03 * c[3] for c in candidates])
    meaning = _meaning(question, [c[0] for c in candidates], embedder)
    if meaning is not None:
        scores = scores + meaning
    order = np.argsort(-scores)
    answers = []
    for i in order[:3]:
        sentence, hit, lexical, _ = candidates[int(i)]
        if lexical == 0 and (meaning is None or meaning[int(i)] < 0.35):
            continue
        answers.append(Answer(_trim(sentence), hit, float(scores[int(i)])))
    return answers


def _meaning(question: str, texts: list[str], embedder: object | None) -> np.ndarray | None:
    """Cosine between the question and each sentence, centred so unrelated text scores near 0."""
    if embedder is None or not texts:
        return None
    model = getattr(embedder, "_model", None)
    if model is None:
        return None
    q = np.asarray(model.query(question), dtype=np.float32)
    p = np.asarray(model.passage(texts[:40]), dtype=np.float32)
    q /= np.linalg.norm(q) or 1.0
    p /= np.linalg.norm(p, axis=1, keepdims=True) + 1e-9
    sims = p @ q
    # e5 cosines sit between ~0.7 (unrelated) and ~0.9 (answers): stretch that range to 0–1.
    stretched = np.clip((sims - 0.75) / 0.15, 0.0, 1.0)
    if len(texts) > 40:
        stretched = np.concatenate([stretched, np.zeros(len(texts) - 40)])
    return stretched


def _trim(sentence: str) -> str:
    return sentence if len(sentence) <= MAX_SENTENCE else sentence[:MAX_SENTENCE].rstrip() + "…"
