"""`forebygg check --deploy` is clean under production settings, and HTTPS follows one switch.

The settings are read in a fresh process, because they come from the environment at start-up.
"""

import json
import os
import secrets
import subprocess
import sys

import pytest

PRODUCTION = {
    "FOREBYGG_SECRET_KEY": secrets.token_urlsafe(60),
    "FOREBYGG_ALLOWED_HOSTS": "forebygg.example.se",
    "FOREBYGG_SSL_REDIRECT": "True",
    "FOREBYGG_EMAIL_HOST": "smtp.example.se",
}
SHOW_SETTINGS = """
import json
import django
from django.conf import settings
django.setup()
names = [
    "DEBUG", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD", "SECURE_PROXY_SSL_HEADER", "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE", "SESSION_COOKIE_AGE",
    "CSRF_COOKIE_SECURE", "CSRF_COOKIE_SAMESITE", "X_FRAME_OPTIONS",
    "SECURE_CONTENT_TYPE_NOSNIFF", "SECURE_REFERRER_POLICY",
]
print(json.dumps({name: getattr(settings, name, None) for name in names}))
"""


def run_with(env: dict, *args: str, tmp_path) -> subprocess.CompletedProcess:
    """Run Python with the production settings module and only the given FOREBYGG_* vars."""
    clean = {
        key: value
        for key, value in os.environ.items()
        # The browser tests allow async-unsafe ORM calls in this process; a server never would.
        if not key.startswith("FOREBYGG_")
        and key not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    clean.update(
        {
            "DJANGO_SETTINGS_MODULE": "forebygg.settings",
            "FOREBYGG_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            # Always given, so that no key file is created in the working tree.
            "FOREBYGG_SECRET_KEY": PRODUCTION["FOREBYGG_SECRET_KEY"],
            **env,
        }
    )
    return subprocess.run(
        [sys.executable, *args], env=clean, capture_output=True, text=True, timeout=120
    )


def settings_with(env: dict, tmp_path) -> dict:
    result = run_with(env, "-c", SHOW_SETTINGS, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_check_deploy_reports_nothing_under_production_settings(tmp_path):
    result = run_with(
        PRODUCTION,
        "-m",
        "django",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        tmp_path=tmp_path,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_check_deploy_does_complain_about_the_development_defaults(tmp_path):
    """The test above proves something only if the check can fail."""
    result = run_with(
        {},
        "-m",
        "django",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        tmp_path=tmp_path,
    )

    assert result.returncode != 0
    assert "security.W008" in result.stderr  # SECURE_SSL_REDIRECT
    assert "security.W012" in result.stderr  # SESSION_COOKIE_SECURE


def test_production_cookies_are_secure_http_only_and_same_site(tmp_path):
    production = settings_with(PRODUCTION, tmp_path)

    assert production["DEBUG"] is False
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_HSTS_SECONDS"] == 31536000
    assert production["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert production["SECURE_HSTS_PRELOAD"] is True
    assert production["SESSION_COOKIE_SECURE"] is True
    assert production["CSRF_COOKIE_SECURE"] is True
    assert production["SESSION_COOKIE_HTTPONLY"] is True
    assert production["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert production["CSRF_COOKIE_SAMESITE"] == "Lax"
    assert production["SESSION_COOKIE_AGE"] == 8 * 60 * 60
    assert production["X_FRAME_OPTIONS"] == "DENY"
    assert production["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert production["SECURE_REFERRER_POLICY"] == "same-origin"


def test_plain_http_on_localhost_stays_possible_without_the_switch(tmp_path):
    development = settings_with({}, tmp_path)

    assert development["SECURE_SSL_REDIRECT"] is False
    assert development["SECURE_HSTS_SECONDS"] == 0
    assert development["SESSION_COOKIE_SECURE"] is False
    assert development["CSRF_COOKIE_SECURE"] is False
    assert development["SESSION_COOKIE_HTTPONLY"] is True


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"FOREBYGG_BEHIND_HTTPS_PROXY": "True"}, ["HTTP_X_FORWARDED_PROTO", "https"]),
        ({}, None),
    ],
)
def test_the_proxy_header_is_trusted_only_when_asked(tmp_path, env, expected):
    assert settings_with(env, tmp_path)["SECURE_PROXY_SSL_HEADER"] == expected
