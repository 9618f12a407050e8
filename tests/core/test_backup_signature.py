"""A backup restores only with a signature made with this installation's key.

The checksums inside a backup find damage, not intent: whoever edits a row can recompute
every checksum. Only the signature, made with a key that is never in the file, tells a
forged backup from a real one. Every refusal changes nothing: the row count and checksum of
every table are the same before and after.
"""

import hashlib
import json
import zipfile

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from forebygg.core.domain.backup import (
    BackupKeyMissing,
    BackupRejected,
    check_backup,
    content_checksum,
    key_id,
    restore_backup,
    sign_manifest,
    table_checksums,
    write_backup,
)

FORGER_KEY = "the-forgers-own-key-which-is-long-enough-0123456789"
OLD_KEY = "last-years-backup-key-kept-for-old-backups-0123456789"


@pytest.fixture
def backup(personas, tmp_path):
    path = tmp_path / "forebygg.zip"
    write_backup(path)
    return path


def entries(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_entries(path, files: dict[str, bytes]):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def with_superuser(table: bytes, username: str) -> bytes:
    """The auth_user table file with `username` made a superuser."""
    header, *rows = table.decode().splitlines()
    columns = json.loads(header)[1]
    lines = [header]
    for line in rows:
        row = json.loads(line)
        if row[columns.index("username")] == username:
            row[columns.index("is_superuser")] = True
            row[columns.index("is_staff")] = True
        lines.append(json.dumps(row, ensure_ascii=False, separators=(",", ":"), sort_keys=True))
    return ("\n".join(lines) + "\n").encode()


def recomputed(manifest: dict, table: str, data: bytes) -> bytes:
    """The manifest with the table's SHA-256, row count and the content checksum redone."""
    for entry in manifest["tables"]:
        if entry["table"] == table:
            entry["sha256"] = hashlib.sha256(data).hexdigest()
            entry["rows"] = data.count(b"\n") - 1
    lines = "".join(
        f"{entry['table']} {entry['rows']} {entry['sha256']}\n"
        for entry in sorted(manifest["tables"], key=lambda entry: entry["table"])
    )
    manifest["checksum"] = hashlib.sha256(lines.encode()).hexdigest()
    return json.dumps(manifest, ensure_ascii=False, indent=1).encode()


def forge(backup, *, signing_key=None):
    """alice made a superuser, every checksum recomputed; signed with `signing_key`, if any.

    Without a key the original signature stays, as a forger without the key must leave it.
    """
    files = entries(backup)
    files["tables/auth_user.jsonl"] = with_superuser(files["tables/auth_user.jsonl"], "alice")
    manifest = recomputed(
        json.loads(files["manifest.json"]), "auth_user", files["tables/auth_user.jsonl"]
    )
    files["manifest.json"] = manifest
    if signing_key is not None:
        files["signature.json"] = sign_manifest(manifest, signing_key)
    return write_entries(backup.with_name("forged.zip"), files)


def assert_refused_and_nothing_changed(path, message):
    tables_before, content_before = table_checksums(), content_checksum()
    with pytest.raises(BackupRejected, match=message) as refused:
        restore_backup(path)
    assert str(refused.value).endswith("Inget har ändrats.")
    assert table_checksums() == tables_before
    assert content_checksum() == content_before


def alice_is_superuser() -> bool:
    return get_user_model().objects.get(username="alice").is_superuser


@pytest.mark.django_db
def test_a_forged_backup_with_every_checksum_recomputed_is_refused(backup):
    forged = forge(backup)

    assert_refused_and_nothing_changed(
        forged, "Signaturen i säkerhetskopian forged.zip stämmer inte"
    )
    assert alice_is_superuser() is False


@pytest.mark.django_db
def test_the_forgery_passes_every_checksum_so_only_the_signature_stops_it(backup):
    """Signed again with the right key, as only its holder can, the forgery restores."""
    forged = forge(backup, signing_key=settings.FOREBYGG_BACKUP_KEY)

    restore_backup(forged)

    assert alice_is_superuser() is True


@pytest.mark.django_db
def test_the_restore_command_refuses_a_forged_backup(backup):
    forged = forge(backup)
    before = table_checksums()

    with pytest.raises(CommandError, match="har ändrats efter att den signerades"):
        call_command("restore", str(forged), yes=True, verbosity=0)

    assert table_checksums() == before


@pytest.mark.django_db
def test_a_backup_signed_with_another_key_is_refused(backup):
    forged = forge(backup, signing_key=FORGER_KEY)

    assert_refused_and_nothing_changed(
        forged, f"är signerad med en annan nyckel \\(nyckel-id {key_id(FORGER_KEY)}\\)"
    )


@pytest.mark.django_db
def test_an_unsigned_backup_is_refused(backup):
    files = entries(backup)
    del files["signature.json"]
    unsigned = write_entries(backup.with_name("unsigned.zip"), files)

    assert_refused_and_nothing_changed(unsigned, "Säkerhetskopian unsigned.zip är inte signerad")


@pytest.mark.django_db
def test_an_edited_manifest_under_the_old_signature_is_refused(backup):
    files = entries(backup)
    manifest = json.loads(files["manifest.json"])
    manifest["created_at"] = "2020-01-01T00:00:00+00:00"
    files["manifest.json"] = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
    edited = write_entries(backup.with_name("edited.zip"), files)

    assert_refused_and_nothing_changed(edited, "har ändrats efter att den signerades")


@pytest.mark.django_db
def test_a_signature_with_an_unknown_algorithm_is_refused(backup):
    files = entries(backup)
    files["signature.json"] = json.dumps({"algorithm": "none", "signature": ""}).encode()
    stripped = write_entries(backup.with_name("stripped.zip"), files)

    assert_refused_and_nothing_changed(stripped, "har ändrats efter att den signerades")


@pytest.mark.django_db
def test_a_backup_signed_with_an_earlier_key_restores_while_that_key_is_listed(
    personas, tmp_path, settings
):
    settings.FOREBYGG_BACKUP_KEY = OLD_KEY
    path = tmp_path / "forra-aret.zip"
    write_backup(path)
    settings.FOREBYGG_BACKUP_KEY = "this-years-backup-key-which-is-new-0123456789"

    assert_refused_and_nothing_changed(path, "signerad med en annan nyckel")

    settings.FOREBYGG_BACKUP_OLD_KEYS = [OLD_KEY]
    assert restore_backup(path)["checksum"] == content_checksum()


@pytest.mark.django_db
def test_backup_refuses_to_run_without_a_key_and_says_how_to_set_one(personas, tmp_path, settings):
    settings.FOREBYGG_BACKUP_KEY = ""
    path = tmp_path / "forebygg.zip"

    with pytest.raises(CommandError) as refused:
        call_command("backup", str(path), verbosity=0)

    assert str(refused.value).startswith("Ingen nyckel för säkerhetskopior är inställd")
    assert "FOREBYGG_BACKUP_KEY_FILE=" in str(refused.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.django_db
def test_backup_refuses_a_short_key(personas, tmp_path, settings):
    settings.FOREBYGG_BACKUP_KEY = "kort"

    with pytest.raises(BackupKeyMissing, match="för kort \\(4 tecken\\)"):
        write_backup(tmp_path / "forebygg.zip")

    assert list(tmp_path.iterdir()) == []


@pytest.mark.django_db
def test_restore_without_a_key_is_refused_and_changes_nothing(backup, settings):
    settings.FOREBYGG_BACKUP_KEY = ""
    before = table_checksums()

    with pytest.raises(CommandError, match="Ingen nyckel för säkerhetskopior är inställd"):
        call_command("restore", str(backup), yes=True, verbosity=0)

    assert table_checksums() == before


@pytest.mark.django_db
def test_the_check_names_the_key_that_signed(backup, capsys):
    call_command("restore", str(backup), check=True)

    assert (
        f"signerad med nyckel-id {key_id(settings.FOREBYGG_BACKUP_KEY)}" in capsys.readouterr().err
    )
    assert check_backup(backup)["format_version"] == 2
