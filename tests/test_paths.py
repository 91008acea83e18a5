"""Writing outputs: whole or not at all, with normal file permissions, inside the project."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from core.errors import SlateError
from core.paths import atomic_write_bytes, inside, safe_name


def test_atomic_write_gives_a_normal_file_and_leaves_no_temp(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "out" / "shots.csv"
        atomic_write_bytes(target, "鏡號,景別\n".encode())
    finally:
        os.umask(old)
    assert target.read_text(encoding="utf-8") == "鏡號,景別\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["shots.csv"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    target.write_text("old", encoding="utf-8")

    with pytest.raises(TypeError):  # the write fails half-way: not bytes
        atomic_write_bytes(target, object())  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def test_safe_names_keep_chinese_and_drop_paths() -> None:
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("夜更 第3稿.fountain") == "夜更-第3稿.fountain"
    with pytest.raises(SlateError):
        safe_name("///")


def test_inside_refuses_escapes(tmp_path: Path) -> None:
    assert inside(tmp_path, tmp_path / "a" / "b.txt") == (tmp_path / "a" / "b.txt").resolve()
    with pytest.raises(SlateError):
        inside(tmp_path, tmp_path / ".." / "x.txt")


def test_stale_temporaries_of_a_killed_write_are_removed(tmp_path: Path) -> None:
    from core.paths import remove_stale_temporaries

    (tmp_path / "documents").mkdir()
    for name in (".manifest.json.qq4ldm0v", "documents/.notes.md.a1B2_c3d", ".ingest.lock", "manifest.json"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert sorted(remove_stale_temporaries(tmp_path)) == [".manifest.json.qq4ldm0v", ".notes.md.a1B2_c3d"]
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [".ingest.lock", "manifest.json"]
