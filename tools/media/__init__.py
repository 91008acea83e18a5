"""From picture and sound: speech to timed subtitles, shot changes, post-production deliverables."""
