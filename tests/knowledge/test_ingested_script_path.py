"""An ingested project's tools read the stored script by its path, not by the name people see.

`Screenplay.file` is the display name (``tagged.fdx``) once a project is opened; tools that read the
file again (Final Draft breakdown tags, revision history) must use `Screenplay.path` — reading the
display name failed from any other working directory, and the call sheet then failed too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from core.settings import Settings
from knowledge.ingest import ingest
from tests.tools.test_breakdown import FDX_WITH_TAGS


def test_breakdown_tags_read_from_an_ingested_fdx(
    fake_settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from knowledge.production import open_production
    from tools.breakdown.tools import current_breakdown

    source = tmp_path / "in" / "tagged.fdx"
    source.parent.mkdir()
    source.write_text(FDX_WITH_TAGS, encoding="utf-8")
    monkeypatch.setenv("SLATE_EMBEDDER", "fake")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # nothing may resolve against the working directory
    ingest(fake_settings, "tags", [source])
    production = open_production(fake_settings, "tags")
    assert production.screenplay is not None
    assert production.screenplay.file == "tagged.fdx"
    assert Path(production.screenplay.path).is_file()
    breakdown, _edits = current_breakdown(production)
    origins = {src.origin for sheet in breakdown.scenes for el in sheet.elements for src in el.sources}
    assert "fdx_tag" in origins
    assert breakdown.script == "tagged.fdx"
    assert breakdown.fdx_categories["Props"]
