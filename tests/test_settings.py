"""Settings: one object from SLATE_* variables and .env; every field documented in the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import ConfigError
from core.settings import Settings, load_settings

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_setting_is_documented_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [name for name in Settings.model_fields if f"SLATE_{name.upper()}" not in text]
    assert not missing, f"undocumented settings: {missing}"


def test_environment_and_dotenv(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("SLATE_PROJECT=夜更\nSLATE_UI_PORT=9999\n", encoding="utf-8")
    monkeypatch.setenv("SLATE_UI_PORT", "8080")
    settings = load_settings()
    assert settings.project == "夜更"  # from .env
    assert settings.ui_port == 8080  # the environment wins over .env
    assert load_settings(project="other").project == "other"  # explicit arguments win


def test_llm_auto_resolves_from_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().llm_kind == "offline"
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    assert load_settings().llm_kind == "openai"  # a key alone means OpenAI
    monkeypatch.delenv("OPENAI_API_KEY")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1")
    assert load_settings().llm_kind == "openai"  # a local server needs no key
    monkeypatch.setenv("SLATE_LLM", "offline")
    assert load_settings().llm_kind == "offline"


def test_bad_values_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLATE_LLM", "gpt")
    with pytest.raises(ConfigError, match="SLATE_LLM"):
        load_settings()


def test_the_cli_reports_a_bad_setting_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from slate.cli import main

    monkeypatch.setenv("SLATE_UI_PORT", "not-a-port")
    assert main(["projects"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("slate: error: Setting SLATE_UI_PORT is invalid") and "Traceback" not in err
