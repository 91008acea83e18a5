"""Subtitle tools: check, fix, retime, convert, merge/split bilingual tracks, translate (see docs/subtitles.md)."""
