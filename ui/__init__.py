"""The Gradio chat UI: layout and event wiring only."""

# Importing slate first makes the process offline (analytics off, no hub downloads) before Gradio loads.
import slate  # noqa: F401
