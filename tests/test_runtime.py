"""The offline runtime: importing slate switches analytics and hub downloads off and seeds tiktoken so
its encodings load with no network."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.runtime import seed_tiktoken_cache

REPO = Path(__file__).resolve().parents[1]


def test_the_ui_and_token_counting_make_the_process_offline_first(tmp_path: Path) -> None:
    # `import slate` does nothing (tests/test_layers.py); the modules that bring in Gradio and tiktoken
    # prepare the offline environment themselves.
    code = (
        "import json, os, ui; from knowledge.tokens import count_tokens; n = count_tokens('夜更 night shift'); "
        "print(json.dumps({k: os.environ.get(k) for k in "
        "('GRADIO_ANALYTICS_ENABLED', 'HF_HUB_OFFLINE', 'TIKTOKEN_CACHE_DIR')}))"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    seen = json.loads(done.stdout)
    assert seen["GRADIO_ANALYTICS_ENABLED"] == "False" and seen["HF_HUB_OFFLINE"] == "1"
    assert seen["TIKTOKEN_CACHE_DIR"] and Path(seen["TIKTOKEN_CACHE_DIR"]).is_relative_to(tmp_path)


def test_tiktoken_encodings_load_from_the_seeded_cache_and_never_download(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tiktoken
    import tiktoken.load
    from tiktoken_ext import openai_public

    monkeypatch.delenv("TIKTOKEN_CACHE_DIR", raising=False)
    cache = seed_tiktoken_cache(tmp_path / "tiktoken")
    assert sorted(p.name for p in cache.iterdir()) == sorted(
        [
            "9b5ad71b2ce5302211f9c61530b329a4922fc6a4",  # sha1 of the cl100k_base URL
            "fb374d419588a4632f3f557e76b4b70aebbca790",  # sha1 of the o200k_base URL
        ]
    )

    def no_network(blobpath: str) -> bytes:
        raise AssertionError(f"tiktoken tried to download {blobpath}")

    monkeypatch.setattr(tiktoken.load, "read_file", no_network)
    text = "劉督察喺天台 rooftop, 第12場"
    for make in (openai_public.cl100k_base, openai_public.o200k_base):
        params = make()  # tiktoken checks each table's sha256: the bundled copies must be OpenAI's own
        encoding = tiktoken.Encoding(**params)
        assert encoding.decode(encoding.encode(text)) == text
    assert tiktoken.encoding_for_model("gpt-4o").name == "o200k_base"
