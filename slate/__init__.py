"""Slate: an offline production assistant for film crews.

`slate` is the edge: the command line (`slate.cli`) and the Python API (`slate.api.Slate`). Importing it
has no side effects; the entry points prepare the offline runtime (`core.runtime`) when they start.
"""

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # `from slate import Slate` without importing the agent stack on `import slate`.
    if name == "Slate":
        from slate.api import Slate

        return Slate
    raise AttributeError(name)
