"""Who may sign in, and who may read or change which project (server mode for a production office).

One file, `access.toml` (`slate ui --access FILE`), kept by whoever runs the server:

    [users]
    ada = "scrypt$16384$8$1$<salt hex>$<hash hex>"   # python -m core.access hash
    ben = "scrypt$..."

    [projects."night-shift"]
    readers = ["ben"]
    editors = ["ada"]          # editors may read too

Passwords are stored as scrypt hashes (hashlib, standard library: no extra dependency for a few
lines, and scrypt is memory-hard). A project not listed is open to nobody; a name that is not
exactly a project's own folder name ("../secret", "secret/") is refused before any lookup.
Failed sign-ins are throttled per user name and per client address (`LoginThrottle`).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sys
import threading
import time
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from core.errors import ConfigError, SlateError
from core.paths import safe_name

Right = Literal["read", "change"]
_N, _R, _P = 2**14, 8, 1


class AccessDenied(SlateError):
    """The signed-in person may not open (or change) this project."""


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """An scrypt hash of `password`, with its parameters and salt, for the users table."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    """Whether `password` matches a `hash_password` string (constant-time comparison)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(
            password.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32
        )
    except (ValueError, OverflowError):  # a malformed entry matches nothing
        return False
    return hmac.compare_digest(got.hex(), digest)


@dataclass(frozen=True)
class ProjectAccess:
    readers: frozenset[str] = frozenset()
    editors: frozenset[str] = frozenset()


@dataclass
class AccessPolicy:
    """The users table and each project's readers and editors."""

    users: dict[str, str]
    projects: dict[str, ProjectAccess]
    throttle: LoginThrottle = field(default_factory=lambda: LoginThrottle())

    @classmethod
    def load(cls, path: Path) -> AccessPolicy:
        """Read `access.toml`; a missing or malformed file is a ConfigError naming it."""
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(
                f"{path.name}: no such access file (slate ui --access)", value=str(path)
            ) from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path.name}: not a readable access file ({exc})", value=path.name) from None
        users = data.get("users", {})
        if not isinstance(users, dict) or not all(isinstance(v, str) for v in users.values()):
            raise ConfigError(f'{path.name}: [users] maps each name to a hash ("scrypt$...")', value="users")
        projects: dict[str, ProjectAccess] = {}
        for name, entry in (data.get("projects") or {}).items():
            readers, editors = entry.get("readers", []), entry.get("editors", [])
            if not all(isinstance(x, list) for x in (readers, editors)):
                raise ConfigError(f"{path.name}: projects.{name}: readers and editors are lists", value=name)
            projects[name] = ProjectAccess(frozenset(map(str, readers)), frozenset(map(str, editors)))
        return cls(users=dict(users), projects=projects)

    def sign_in(self, user: str, password: str, client: str = "") -> bool:
        """Whether the user may sign in; refused outright while this user or client is throttled."""
        if not self.throttle.allowed(user, client):
            return False
        stored = self.users.get(user)
        # Hash even for an unknown user, so a wrong name takes as long as a wrong password.
        ok = check_password(password, stored or hash_password("", salt=b"\0" * 16)) and stored is not None
        self.throttle.record(user, client, ok)
        return ok

    def may(self, user: str | None, project: str, right: Right = "read") -> bool:
        if user is None:
            return False
        entry = self.projects.get(project)
        if entry is None:
            return False
        return user in entry.editors or (right == "read" and user in entry.readers)

    def visible(self, user: str | None, projects: Iterable[str]) -> list[str]:
        """The projects this user may read, in the given order."""
        return [p for p in projects if self.may(user, p)]

    def check(self, user: str | None, project: str | None, right: Right = "read") -> str:
        """`project` itself when the user may open it for `right`; AccessDenied otherwise.

        The name must be a project's own folder name: "../secret" is not read as "secret".
        """
        name = str(project or "")
        try:
            exact = bool(name) and safe_name(name) == name
        except SlateError:
            exact = False
        if not exact or not self.may(user, name, right):
            # The same sentence whether the project exists or not: nothing to learn by guessing.
            raise AccessDenied("You do not have access to that project", value=name)
        return name


class LoginThrottle:
    """Failed sign-ins per user name and per client address: after `limit` failures within
    `window` seconds, that name (or address) is refused until the window has passed."""

    def __init__(self, limit: int = 5, window: float = 300.0, clock: Callable[[], float] = time.monotonic):
        self.limit, self.window, self.clock = limit, window, clock
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str) -> list[float]:
        now = self.clock()
        kept = [t for t in self._failures.get(key, []) if now - t < self.window]
        self._failures[key] = kept
        return kept

    def allowed(self, user: str, client: str = "") -> bool:
        with self._lock:
            keys = [f"user:{user}"] + ([f"client:{client}"] if client else [])
            return all(len(self._recent(k)) < self.limit for k in keys)

    def record(self, user: str, client: str, ok: bool) -> None:
        with self._lock:
            if ok:
                self._failures.pop(f"user:{user}", None)
                return
            for key in [f"user:{user}"] + ([f"client:{client}"] if client else []):
                self._recent(key).append(self.clock())


def main(argv: list[str] | None = None) -> int:
    """`python -m core.access hash`: read a password from the terminal, print its hash."""
    import getpass

    args = sys.argv[1:] if argv is None else argv
    if args != ["hash"]:
        print("usage: python -m core.access hash", file=sys.stderr)
        return 2
    print(hash_password(getpass.getpass("Password: ")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
