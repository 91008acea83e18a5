"""Slate's settings: one object, read once at the entry point.

Values come from (highest first) explicit arguments, `SLATE_*` environment variables, a `.env`
file in the working directory, then the defaults below. Every field is documented in README.md
(a test checks that each one is).
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

LLMKind = Literal["auto", "offline", "openai"]
EmbedderKind = Literal["e5", "openai", "fake"]


def default_home() -> Path:
    """`$XDG_DATA_HOME/slate`, else `~/.local/share/slate`."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "slate"


class Settings(BaseSettings):
    """Everything a deployment can change. Field docs are the README's settings table."""

    model_config = SettingsConfigDict(
        env_prefix="SLATE_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        populate_by_name=True,
    )

    home: Path = Field(default_factory=default_home, description="Data folder: stores, sessions, outputs.")
    project: str = Field("night-shift", description="Project used when a command is given no --project.")

    llm: LLMKind = Field(
        "auto",
        description="`offline` (the built-in planner), `openai` (OpenAI or any compatible server), "
        "or `auto`: `openai` when OPENAI_API_KEY or OPENAI_BASE_URL is set, else `offline`.",
    )
    model: str = Field("gpt-4o-mini", description="Chat model name sent to the OpenAI-compatible server.")
    openai_api_key: str | None = Field(
        None,
        validation_alias=AliasChoices("SLATE_OPENAI_API_KEY", "OPENAI_API_KEY"),
        description="API key (also read from OPENAI_API_KEY). Local servers usually need none.",
    )
    openai_base_url: str | None = Field(
        None,
        validation_alias=AliasChoices("SLATE_OPENAI_BASE_URL", "OPENAI_BASE_URL"),
        description="Base URL of an OpenAI-compatible server (vLLM, Ollama, llama.cpp, LM Studio); "
        "also read from OPENAI_BASE_URL.",
    )
    llm_timeout: float = Field(
        120.0,
        gt=0,
        description="Seconds one model call may take in all (waiting, streaming and retries); "
        "then Slate abandons it and the offline planner answers.",
    )
    llm_first_byte_timeout: float = Field(
        60.0,
        gt=0,
        description="Seconds to wait for the model's first byte (prompt processing), and the longest "
        "silence allowed while it streams; never more than SLATE_LLM_TIMEOUT.",
    )
    llm_max_tokens: int = Field(
        1024, ge=16, description="Most tokens the model may write in one call (sent as max_tokens)."
    )
    llm_retries: int = Field(
        1,
        ge=0,
        description="Retries for a failed or cut-off model call, within SLATE_LLM_TIMEOUT, before "
        "falling back.",
    )
    llm_tool_call_content: Literal["empty", "null"] = Field(
        "empty",
        description="How an assistant message that only calls tools is sent back: `empty` (content "
        '"", accepted by llama-cpp-python, llama.cpp, vLLM and OpenAI) or `null`.',
    )
    llm_stream_tools: Literal["auto", "on", "off"] = Field(
        "auto",
        description="Stream calls that offer tools: `on`, `off` (servers that cannot stream tool "
        "calls), or `auto`: stream, and switch to non-streaming calls when the server fails a "
        "streamed tool call.",
    )
    context_tokens: int = Field(
        16000,
        ge=1000,
        description="Token window of the connected model when its server does not say (llama.cpp "
        "/props, vLLM /v1/models and Ollama /api/show do); set lower than the server's to use less.",
    )
    llm_turn_tokens: int = Field(
        4096,
        ge=16,
        description="Most tokens the model may write in one turn, over all its calls; then the "
        "offline planner finishes the turn.",
    )
    llm_turn_seconds: float = Field(
        180.0,
        gt=0,
        description="Most seconds the model may take in one turn, over all its calls; then the "
        "offline planner finishes the turn.",
    )

    embedder: EmbedderKind = Field(
        "e5",
        description="`e5` (bundled multilingual-e5-small, offline), `openai` (embeddings endpoint), "
        "or `fake` (deterministic, tests only).",
    )
    embedding_model: str = Field(
        "text-embedding-3-small", description="Embedding model name when SLATE_EMBEDDER=openai."
    )
    chroma_host: str | None = Field(None, description="Chroma server host; unset means an embedded store.")
    chroma_port: int = Field(8000, ge=1, le=65535, description="Chroma server port (with SLATE_CHROMA_HOST).")
    chunk_tokens: int = Field(350, ge=50, description="Largest chunk, in tiktoken cl100k tokens.")

    ui_host: str = Field("127.0.0.1", description="Address the chat UI binds to.")
    ui_port: int = Field(7860, ge=1, le=65535, description="Port the chat UI listens on.")
    ui_concurrency: int = Field(4, ge=1, description="Chat turns processed at once in the UI.")
    upload_max_mb: int = Field(50, ge=1, description="Largest file the UI accepts, in MB.")

    whisper_model: Path | None = Field(
        None,
        description="Folder of a Whisper model in CTranslate2 format (model.bin, config.json, tokenizer.json) "
        "for `slate subs transcribe`; never downloaded.",
    )

    debug: bool = Field(False, description="Show tracebacks for unexpected errors.")

    @field_validator("whisper_model", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        if isinstance(value, str):
            return Path(value).expanduser() if value.strip() else None
        return value

    @field_validator("home", mode="before")
    @classmethod
    def _expand_home(cls, value: object) -> object:
        if isinstance(value, str):
            if not value.strip():
                raise ValueError("must name a folder (an empty value would write into the current folder)")
            value = Path(value).expanduser()
        if isinstance(value, Path):
            existing = next((p for p in (value, *value.parents) if p.exists()), None)
            if existing is not None and not existing.is_dir():
                raise ValueError(f"{existing} is a file, not a folder")
            if existing is not None and not os.access(existing, os.W_OK | os.X_OK):
                raise ValueError(f"the folder {existing} is not writable")
            return value
        return value

    @property
    def llm_kind(self) -> Literal["offline", "openai"]:
        """The model actually used once `auto` is resolved."""
        if self.llm != "auto":
            return self.llm
        return "openai" if (self.openai_api_key or self.openai_base_url) else "offline"

    @cached_property
    def projects_dir(self) -> Path:
        return self.home / "projects"

    def project_dir(self, project: str) -> Path:
        """Folder of one project: its uploads, outputs and artifacts."""
        from core.paths import safe_name

        return self.projects_dir / safe_name(project)

    @property
    def chroma_dir(self) -> Path:
        return self.home / "chroma"

    @property
    def sessions_db(self) -> Path:
        return self.home / "sessions.sqlite"


def load_settings(**overrides: object) -> Settings:
    """Read settings from the environment and `.env`; keyword overrides win."""
    from pydantic import ValidationError

    from core.errors import ConfigError

    clean = {k: v for k, v in overrides.items() if v is not None}
    try:
        return Settings(**clean)  # type: ignore[arg-type]
    except UnicodeDecodeError:
        raise ConfigError(
            "The settings file is not UTF-8 text",
            file=str(Path(".env").resolve()),
            hint="Fix or remove it; settings can also come from SLATE_* environment variables",
        ) from None
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first.get("loc") else "?"
        raise ConfigError(
            f"Setting SLATE_{field.upper()} is invalid: {first['msg']}",
            value=first.get("input"),
            hint="See the Settings table in README.md",
        ) from None
