"""Django settings for Förebygg. Everything that differs per deployment comes from the env."""

from pathlib import Path

from django.utils.csp import CSP

from forebygg.core.env import (
    env_bool,
    env_http_header,
    env_int,
    env_list,
    env_secrets,
    env_str,
    load_or_create_secret_key,
    parse_database_url,
)

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent.parent

DEBUG = env_bool("FOREBYGG_DEBUG", False)
SECRET_KEY = env_str("FOREBYGG_SECRET_KEY") or load_or_create_secret_key(
    BASE_DIR / "var" / "secret_key"
)
ALLOWED_HOSTS = env_list("FOREBYGG_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])

# Backups are signed with a key that is never in them (docs/backup.md). Only in debug mode is
# one made up in var/: a key created on a server would be lost with it, and with the key every
# backup. Earlier keys stay in FOREBYGG_BACKUP_OLD_KEYS for restoring older backups.
FOREBYGG_BACKUP_KEY = env_str("FOREBYGG_BACKUP_KEY") or (
    load_or_create_secret_key(BASE_DIR / "var" / "backup_key") if DEBUG else ""
)
FOREBYGG_BACKUP_OLD_KEYS = env_secrets("FOREBYGG_BACKUP_OLD_KEYS")

# Public data lives outside the repository (see docs/data.md).
FOREBYGG_DATA_DIR = Path(env_str("FOREBYGG_DATA_DIR") or BASE_DIR.parent / "shared" / "data")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "axes",
    "django_tasks_db",
    "forebygg.core",
    "forebygg.geo",
    "forebygg.stats",
    "forebygg.orgs",
    "forebygg.notes",
    "forebygg.lagesbild",
    "forebygg.plans",
    "forebygg.methods",
    "forebygg.governance",
    "forebygg.reporting",
    "forebygg.support",
    "forebygg.reminders",
    "forebygg.public",
    "forebygg.accounts",
    "forebygg.backoffice",
    "forebygg.oversight",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "forebygg.core.middleware.RequestSizeLimitMiddleware",
]

ROOT_URLCONF = "forebygg.urls"
WSGI_APPLICATION = "forebygg.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "forebygg.core.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": parse_database_url(
        env_str("FOREBYGG_DATABASE_URL", "sqlite:///var/forebygg.sqlite3"), base_dir=BASE_DIR
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "forebygg.accounts.throttle.OneGuessPerSecond",
    "django.contrib.auth.backends.ModelBackend",
]

# Optional single sign-on through OpenID Connect (docs/oidc.md).
OIDC_ENABLED = env_bool("FOREBYGG_OIDC_ENABLED", False)
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("forebygg.accounts.oidc.ForebyggOIDCBackend")
    OIDC_RP_CLIENT_ID = env_str("FOREBYGG_OIDC_CLIENT_ID")
    OIDC_RP_CLIENT_SECRET = env_str("FOREBYGG_OIDC_CLIENT_SECRET")
    OIDC_RP_SIGN_ALGO = env_str("FOREBYGG_OIDC_SIGN_ALGO", "RS256")
    OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("FOREBYGG_OIDC_AUTHORIZATION_ENDPOINT")
    OIDC_OP_TOKEN_ENDPOINT = env_str("FOREBYGG_OIDC_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = env_str("FOREBYGG_OIDC_USER_ENDPOINT")
    OIDC_OP_JWKS_ENDPOINT = env_str("FOREBYGG_OIDC_JWKS_ENDPOINT")
    OIDC_RP_SCOPES = "openid email profile"
    LOGIN_REDIRECT_URL_FAILURE = "/logga-in/"

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "backoffice:my_workspaces"
LOGOUT_REDIRECT_URL = "public:start"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Brute-force protection (docs/security.md, "Login"): five failures lock the username +
# client address pair for one hour, so a stranger elsewhere cannot lock the user out, and
# each username gets at most one password check per second from all addresses together.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "forebygg.accounts.throttle.refusal"
AXES_RESET_ON_SUCCESS = True
# Attempts refused while locked (or throttled) are not failures: they neither extend the lock
# nor count as a guess for the one-per-second limit.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "forebygg.accounts.client_address.client_address"
AXES_VERBOSE = False
FOREBYGG_LOGIN_GUESS_INTERVAL_SECONDS = 1
# The client's address is the connection's unless a reverse proxy is named here: then the
# header it sets (X-Forwarded-For, X-Real-IP), read FOREBYGG_TRUSTED_PROXY_COUNT hops from
# the right, where the proxies wrote it and the client cannot.
FOREBYGG_CLIENT_IP_HEADER = env_http_header("FOREBYGG_CLIENT_IP_HEADER")
FOREBYGG_TRUSTED_PROXY_COUNT = env_int("FOREBYGG_TRUSTED_PROXY_COUNT", 1, minimum=1)

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = False  # figures go through sv_number, years stay 2019

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG and env_bool("FOREBYGG_MANIFEST_STATIC", True)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# Mail goes to the console unless an SMTP server is configured (docs/configuration.md).
_EMAIL_HOST = env_str("FOREBYGG_EMAIL_HOST")
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": _EMAIL_HOST,
            "port": int(env_str("FOREBYGG_EMAIL_PORT", "587")),
            "username": env_str("FOREBYGG_EMAIL_USER"),
            "password": env_str("FOREBYGG_EMAIL_PASSWORD"),
            "use_tls": True,
        },
    }
    if _EMAIL_HOST
    else {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
}
DEFAULT_FROM_EMAIL = env_str("FOREBYGG_FROM_EMAIL", "Förebygg <noreply@forebygg.invalid>")
FOREBYGG_BASE_URL = env_str("FOREBYGG_BASE_URL", "http://127.0.0.1:8000")

# Strict Content-Security-Policy: no inline scripts or styles anywhere (docs/security.md).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60  # a working day; logging in again after that is cheap
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "forebygg.core.views.csrf_failure"  # Swedish, says what to do
# HTTPS is off by default so that `make run` works on http://127.0.0.1; production turns on
# FOREBYGG_SSL_REDIRECT, which also makes the cookies Secure and sends HSTS (docs/security.md).
SECURE_SSL_REDIRECT = env_bool("FOREBYGG_SSL_REDIRECT", False)
SESSION_COOKIE_SECURE = env_bool("FOREBYGG_SECURE_COOKIES", SECURE_SSL_REDIRECT)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = 31536000 if SECURE_SSL_REDIRECT else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("FOREBYGG_HSTS_INCLUDE_SUBDOMAINS", SECURE_SSL_REDIRECT)
SECURE_HSTS_PRELOAD = env_bool("FOREBYGG_HSTS_PRELOAD", SECURE_SSL_REDIRECT)
# Behind a proxy that ends TLS, trust its X-Forwarded-Proto (the proxy must always set it).
if env_bool("FOREBYGG_BEHIND_HTTPS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Background jobs (imports) run through Django's tasks framework with the database as the
# queue; `forebygg worker` runs them (`make run` starts it beside the web server). See
# docs/architecture.md, "Background jobs".
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Uploaded import files wait here, one file per job, until written, rejected or abandoned.
FOREBYGG_UPLOAD_DIR = Path(env_str("FOREBYGG_UPLOAD_DIR") or BASE_DIR / "var" / "uploads")
# No upload is read past this size (the statistics import allows 50 MB, the measures sheet
# less): the rest of the body is never stored (core.uploads.SizeLimitedUploadHandler).
FOREBYGG_MAX_UPLOAD_BYTES = 50 * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "forebygg.core.uploads.SizeLimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# Uploads (docs/security.md, "Hostile input"): no request body over 60 MB (the statistics
# import takes files of 50 MB); form fields up to 2.5 MB in all, files above 2.5 MB go to a
# temporary file. Each upload field has its own, smaller limit (`core.forms.UploadField`).
FOREBYGG_MAX_REQUEST_BYTES = 60 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 1024 * 1024)

# Small counts are suppressed wherever counts are shown (docs/data.md).
FOREBYGG_SMALL_CELL_THRESHOLD = 10
# Invitation links are valid this many days.
FOREBYGG_INVITATION_DAYS = 14

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("FOREBYGG_LOG_LEVEL", "WARNING")},
}
