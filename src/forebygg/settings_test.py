"""Settings for the test suite: the production settings with faster hashing and no manifest."""

import tempfile
from pathlib import Path

from forebygg.core.env import env_bool, env_str
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

# The suite runs a task inside the request that enqueues it, so the web flow upload → check →
# confirm → write is tested in one process. The tests of the worker itself start real
# processes with FOREBYGG_TEST_WORKER=true and use the database queue, as `make run` does.
if not env_bool("FOREBYGG_TEST_WORKER", False):
    TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
FOREBYGG_UPLOAD_DIR = Path(
    env_str("FOREBYGG_UPLOAD_DIR") or Path(tempfile.gettempdir()) / "forebygg-test-uploads"
)
