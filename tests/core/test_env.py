from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from forebygg.core.env import (
    env_bool,
    env_http_header,
    env_int,
    env_secrets,
    parse_database_url,
)


def test_env_bool_accepts_only_true_or_false(monkeypatch):
    monkeypatch.setenv("X_FLAG", "True")
    assert env_bool("X_FLAG", False) is True
    monkeypatch.setenv("X_FLAG", "yes please")
    with pytest.raises(ImproperlyConfigured):
        env_bool("X_FLAG", False)


def test_database_urls_for_sqlite_and_postgres():
    sqlite = parse_database_url("sqlite:///var/db.sqlite3", base_dir=Path("/srv/app"))
    assert sqlite["NAME"] == "/srv/app/var/db.sqlite3"
    postgres = parse_database_url("postgres://u:p%40ss@127.0.0.1:5433/forebygg", base_dir=Path("/"))
    assert (postgres["USER"], postgres["PASSWORD"], postgres["PORT"], postgres["NAME"]) == (
        "u",
        "p@ss",
        "5433",
        "forebygg",
    )
    with pytest.raises(ImproperlyConfigured):
        parse_database_url("mysql://x", base_dir=Path("/"))


def test_env_int_accepts_only_digits_at_least_the_minimum(monkeypatch):
    assert env_int("X_COUNT", 1, minimum=1) == 1
    monkeypatch.setenv("X_COUNT", "2")
    assert env_int("X_COUNT", 1, minimum=1) == 2
    for nonsense in ("0", "-1", "two", " 2", "2.0"):
        monkeypatch.setenv("X_COUNT", nonsense)
        with pytest.raises(ImproperlyConfigured):
            env_int("X_COUNT", 1, minimum=1)


def test_env_secrets_from_a_list_or_a_file_with_one_per_line(monkeypatch, tmp_path):
    assert env_secrets("X_KEYS") == []
    monkeypatch.setenv("X_KEYS", "first-key, second-key")
    assert env_secrets("X_KEYS") == ["first-key", "second-key"]
    keys = tmp_path / "keys"
    keys.write_text("file-key-1\nfile-key-2\n", encoding="utf-8")
    monkeypatch.setenv("X_KEYS_FILE", str(keys))
    assert env_secrets("X_KEYS") == ["file-key-1", "file-key-2"]


def test_env_http_header_gives_the_request_meta_key(monkeypatch):
    assert env_http_header("X_HEADER") == ""
    monkeypatch.setenv("X_HEADER", "X-Forwarded-For")
    assert env_http_header("X_HEADER") == "HTTP_X_FORWARDED_FOR"
    monkeypatch.setenv("X_HEADER", "X-Forwarded-For: 1.2.3.4")
    with pytest.raises(ImproperlyConfigured):
        env_http_header("X_HEADER")
