"""Slate's base: errors, settings, paths, access tokens and the offline runtime.

Every other package (`knowledge`, `tools`, `agent`, `ui`, and the edges in `slate`) may import these;
`core` imports none of them. Importing `core` does nothing: the offline environment is prepared by
`core.runtime.prepare_offline_runtime()`, which each module that brings in a library able to reach the
network (tiktoken, Chroma, Gradio, LangChain's OpenAI client, faster-whisper) calls before importing it.
"""
