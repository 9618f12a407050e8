"""Strict settings parsers: reject nonsense instead of guessing."""

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str = "") -> str:
    """Read a setting from NAME, or from the file named by NAME_FILE (for secrets)."""
    file_path = os.environ.get(f"{name}_FILE")
    if file_path:
        return Path(file_path).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw in ("True", "true", "1"):
        return True
    if raw in ("False", "false", "0"):
        return False
    raise ImproperlyConfigured(f"{name} must be True or False, not {raw!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    """A whole number written with digits only, at least `minimum`."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if not re.fullmatch(r"[0-9]+", raw) or int(raw) < minimum:
        raise ImproperlyConfigured(
            f"{name} must be a whole number of at least {minimum}, not {raw!r}"
        )
    return int(raw)


def env_secrets(name: str) -> list[str]:
    """Several secrets from NAME or the file NAME_FILE, separated by commas or line breaks."""
    return [item for item in re.split(r"[,\s]+", env_str(name)) if item]


def env_http_header(name: str) -> str:
    """An HTTP header name such as X-Forwarded-For, as Django's request.META key."""
    raw = os.environ.get(name, "").strip()
    if raw == "":
        return ""
    if not re.fullmatch(r"[A-Za-z0-9]+(-[A-Za-z0-9]+)*", raw):
        raise ImproperlyConfigured(
            f"{name} must be an HTTP header name such as X-Real-IP, not {raw!r}"
        )
    return "HTTP_" + raw.upper().replace("-", "_")


def parse_database_url(url: str, *, base_dir: Path) -> dict:
    """Turn sqlite:///path or postgres://user:pw@host:port/name into a DATABASES entry."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        raw_path = unquote(parsed.path.removeprefix("/")) if parsed.netloc == "" else parsed.netloc
        path = Path(raw_path)
        if not path.is_absolute():
            path = base_dir / path
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(path),
            "OPTIONS": {
                # WAL: readers never wait for the writer, nor the writer for readers.
                "init_command": "PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL;",
                # A transaction takes the write lock when it begins, so a second writer waits
                # (up to `timeout` seconds) instead of failing with "database is locked" when
                # its snapshot is already stale; it then reads what the first one committed.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    if parsed.scheme in ("postgres", "postgresql"):
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": 60,
        }
    raise ImproperlyConfigured(f"Unsupported database URL scheme {parsed.scheme!r}")


def load_or_create_secret_key(path: Path) -> str:
    """A per-installation key kept outside the repository, created on first start."""
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    import secrets

    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key, encoding="utf-8")
    path.chmod(0o600)
    return key
