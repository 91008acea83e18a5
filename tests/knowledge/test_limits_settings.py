"""Bad settings are located ConfigErrors (exit 2), never an internal error (issue 19)."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import ConfigError
from core.settings import load_settings


def test_empty_slate_home_is_refused_not_the_current_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLATE_HOME", "")
    with pytest.raises(ConfigError, match="SLATE_HOME"):
        load_settings()


@pytest.mark.parametrize("name", ["SLATE_UI_PORT", "SLATE_CHROMA_PORT"])
def test_port_out_of_range_is_refused(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv(name, "99999")
    with pytest.raises(ConfigError, match=name) as caught:
        load_settings()
    assert caught.value.exit_code == 2


def test_binary_env_file_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / ".env").write_bytes(b"\xff\xfe\x00\x81SLATE_LLM=\x9c\x00")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match="not UTF-8") as caught:
        load_settings()
    assert caught.value.file is not None and caught.value.file.endswith(".env")


def test_slate_home_that_is_a_file_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "home").write_text("not a folder")
    monkeypatch.setenv("SLATE_HOME", str(tmp_path / "home"))
    with pytest.raises(ConfigError, match="is a file, not a folder"):
        load_settings()


def test_read_only_slate_home_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import os

    monkeypatch.setenv("SLATE_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(os, "access", lambda path, mode: False)  # root ignores chmod; pretend it is read-only
    with pytest.raises(ConfigError, match="not writable"):
        load_settings()
