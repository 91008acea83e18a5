"""Server mode: hashed sign-in, per-project readers and editors, throttled failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.access import AccessDenied, AccessPolicy, LoginThrottle, check_password, hash_password
from core.errors import ConfigError


def write_policy(folder: Path) -> Path:
    path = folder / "access.toml"
    path.write_text(
        "[users]\n"
        f'ada = "{hash_password("ada-pass")}"\n'
        f'ben = "{hash_password("班的密碼")}"\n'
        '[projects."night-shift"]\neditors = ["ada"]\n'
        '[projects."夜更"]\nreaders = ["ada"]\neditors = ["ben"]\n'
        '[projects.secret]\neditors = ["ben"]\n',
        encoding="utf-8",
    )
    return path


def test_passwords_are_stored_hashed_and_checked(tmp_path: Path) -> None:
    stored = hash_password("s3cret")
    assert "s3cret" not in stored and stored.startswith("scrypt$")
    assert check_password("s3cret", stored) and not check_password("s3cret ", stored)
    assert not check_password("x", "garbage") and not check_password("x", "scrypt$1$2$3$zz$zz")
    policy = AccessPolicy.load(write_policy(tmp_path))
    assert policy.sign_in("ben", "班的密碼") and not policy.sign_in("ben", "ada-pass")
    assert not policy.sign_in("nobody", "")


def test_each_user_sees_and_opens_only_their_projects(tmp_path: Path) -> None:
    policy = AccessPolicy.load(write_policy(tmp_path))
    every = ["night-shift", "夜更", "secret", "unlisted"]
    assert policy.visible("ada", every) == ["night-shift", "夜更"]
    assert policy.visible("ben", every) == ["夜更", "secret"]
    assert policy.visible(None, every) == []
    assert policy.check("ada", "夜更") == "夜更"
    with pytest.raises(AccessDenied):
        policy.check("ada", "夜更", "change")  # a reader, not an editor
    for name in (
        "secret",
        "../secret",
        "secret/",
        "./secret",
        "/srv/slate/projects/secret",
        "",
        None,
        "unlisted",
    ):
        with pytest.raises(AccessDenied, match="You do not have access to that project"):
            policy.check("ada", name)


def test_failed_sign_ins_are_throttled_per_user_and_per_client(tmp_path: Path) -> None:
    now = [0.0]
    policy = AccessPolicy.load(write_policy(tmp_path))
    policy.throttle = LoginThrottle(limit=3, window=60, clock=lambda: now[0])
    for _ in range(3):
        assert not policy.sign_in("ada", "wrong", "10.0.0.1")
    assert not policy.sign_in("ada", "ada-pass", "10.0.0.9")  # the name is locked, from anywhere
    assert not policy.sign_in("ben", "班的密碼", "10.0.0.1")  # and so is the guessing address
    assert policy.sign_in("ben", "班的密碼", "10.0.0.2")
    now[0] = 61.0
    assert policy.sign_in("ada", "ada-pass", "10.0.0.1")  # the window has passed


def test_a_bad_access_file_is_a_config_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"access\.toml"):
        AccessPolicy.load(tmp_path / "access.toml")
    (tmp_path / "access.toml").write_text("[users\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"access\.toml"):
        AccessPolicy.load(tmp_path / "access.toml")
