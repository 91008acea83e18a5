"""Fixtures for agent tests: the sample production (script + lists) and a simple keyword retriever."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from knowledge.citations import SearchHit
from knowledge.production import Production


class LineRetriever:
    """A tiny retriever over the script's lines, so search tests don't need the vector store."""

    def __init__(self, production: Production) -> None:
        self.production = production

    def search(self, query: str, *, k: int = 5, filters: dict[str, Any] | None = None) -> list[SearchHit]:
        words = [w for w in query.lower().split() if len(w) > 2] or [query.lower()]
        hits = []
        for scene in self.production.scenes:
            text = "\n".join(line.text for line in scene.lines)
            score = sum(text.lower().count(w) for w in words)
            if score:
                hits.append(
                    SearchHit(
                        file=scene.file,
                        doc_type="screenplay",
                        scene=scene.number,
                        page=scene.page,
                        lines=(scene.line_start, scene.line_end),
                        text=text[:400],
                        score=float(score),
                    )
                )
        return sorted(hits, key=lambda h: -h.score)[:k]


def sample_production(sample_dir: Path) -> Production:
    def maybe(name: str) -> Path | None:
        path = sample_dir / name
        return path if path.exists() else None

    production = Production.from_files(
        sample_dir / "night_shift.fountain",
        cast=maybe("cast.csv"),
        locations=maybe("locations.csv"),
        plan=maybe("plan.yaml"),
        name="night-shift",
    )
    production.retriever = LineRetriever(production)
    production.subtitle_paths = [sample_dir / "rough_subtitles.zh-en.srt"]
    return production


@pytest.fixture
def production(sample_dir: Path, tmp_path: Path) -> Production:
    prod = sample_production(sample_dir)
    prod.project_dir = tmp_path / "project"
    return prod
