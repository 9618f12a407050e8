"""Settings for the test suite: the production settings with faster hashing and no manifest."""

from forebygg.settings import *  # noqa: F403
from forebygg.settings import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests serve static files through the finders; there is no collected STATIC_ROOT.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
# A fixed backup key: the tests sign and check backups with it.
FOREBYGG_BACKUP_KEY = "test-backup-key-0123456789-abcdefghijklmnopqrstuvwxyz"
FOREBYGG_BACKUP_OLD_KEYS = []
