from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from forebygg.core.env import env_bool, parse_database_url


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
