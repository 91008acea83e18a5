"""The Gradio chat UI: layout and event wiring only."""
