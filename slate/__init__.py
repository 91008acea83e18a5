"""Slate: an offline production assistant for film crews.

Importing `slate` (which every layer does, for its errors and settings) first makes the process
offline-safe: analytics and hub downloads off, tiktoken's encodings seeded from a bundled copy.
"""

from slate.runtime import prepare_offline_runtime

__version__ = "0.1.0"

prepare_offline_runtime()


def __getattr__(name: str) -> object:
    # `from slate import Slate` without importing the agent stack for every `slate.errors` user.
    if name == "Slate":
        from slate.api import Slate

        return Slate
    raise AttributeError(name)
