"""Slate's capabilities as plain typed functions (see tools.registry). No LangChain, no Gradio."""
