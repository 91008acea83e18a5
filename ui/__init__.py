"""The Gradio chat UI: layout and event wiring only."""

# The UI runs Gradio: make the process offline (analytics off, no hub downloads) before any ui module
# imports it.
from core.runtime import prepare_offline_runtime

prepare_offline_runtime()
