"""The labelled question set (questions.yaml) and how a search result is scored against it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from knowledge.citations import SearchHit
from knowledge.production import normalise_scene_number

QUESTIONS_FILE = Path(__file__).with_name("questions.yaml")


@dataclass(frozen=True)
class Question:
    id: str
    lang: str
    question: str
    scenes: frozenset[str] = field(default_factory=frozenset)
    files: frozenset[str] = field(default_factory=frozenset)

    def answered_by(self, hit: SearchHit) -> bool:
        """Whether one passage answers the question: a listed scene of the script, or a listed document."""
        if hit.file in self.files:
            return True
        return (
            hit.doc_type == "screenplay"
            and bool(hit.scene)
            and normalise_scene_number(hit.scene) in self.scenes
        )

    def rank(self, hits: Sequence[SearchHit]) -> int | None:
        """1-based rank of the first answering hit, None when none answers."""
        return next((i for i, hit in enumerate(hits, start=1) if self.answered_by(hit)), None)


def load_questions(path: Path = QUESTIONS_FILE) -> list[Question]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    questions = []
    for entry in entries:
        answers = entry["answers"]
        questions.append(
            Question(
                id=entry["id"],
                lang=entry["lang"],
                question=entry["question"],
                scenes=frozenset(normalise_scene_number(str(a["scene"])) for a in answers if "scene" in a),
                files=frozenset(a["file"] for a in answers if "file" in a),
            )
        )
    return questions
