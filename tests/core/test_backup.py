"""forebygg backup / restore: a round trip gives identical content, a bad file changes nothing."""

import builtins
import json
import struct
import zipfile
from datetime import date

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

from forebygg.core.domain.backup import (
    BackupRejected,
    check_backup,
    content_checksum,
    restore_backup,
    sign_manifest,
    table_checksums,
    write_backup,
)
from forebygg.governance.domain.agreements import save_agreement
from forebygg.governance.domain.documents import store_document
from forebygg.governance.models import Agreement, Document
from forebygg.notes.domain import write_note
from forebygg.notes.models import Note
from forebygg.orgs.enums import Visibility

PDF = b"%PDF-1.7\n" + bytes(range(256)) + "åäö".encode()


@pytest.fixture
def content(personas):
    """The personas, an agreement with a binary document, an edited note, a failed login."""
    by = personas.coordinator_a
    document = store_document(personas.kommun_a, name="avtal.pdf", data=PDF, by=by)
    save_agreement(
        None,
        kommun=personas.kommun_a,
        by=by,
        kind="samverkan",
        title="Samverkansöverenskommelse 2026–2028",
        valid_from=date(2026, 1, 1),
        parties=[personas.police_a],
        document=document,
    )
    write_note(
        personas.draft_a,
        kommun=personas.kommun_a,
        by=by,
        title="Ändrad rubrik",
        body='Ny text – med citattecken " och radbrytning\n',
        visibility=Visibility.DRAFT,
        shared_with=[personas.police_a],
    )
    Client().post(reverse("accounts:login"), {"username": "alice", "password": "fel"})
    return personas


@pytest.fixture
def backup(content, tmp_path):
    path = tmp_path / "forebygg.zip"
    write_backup(path)
    return path


def rewrite(path, *, manifest=None, entries=None):
    """A copy of the backup as a valid zip file, with the manifest or table files changed.

    A changed manifest is signed again with the installation's key, as only its holder could,
    so that the checks after the signature are reached (`test_backup_signature.py` shows that
    a changed manifest without a new signature is refused first).
    """
    changed = path.with_name("changed.zip")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(changed, "w") as target:
        new_manifest = source.read("manifest.json")
        if manifest is not None:
            new_manifest = json.dumps(manifest(json.loads(new_manifest))).encode()
        for name in source.namelist():
            data = source.read(name)
            if name == "manifest.json":
                data = new_manifest
            if name == "signature.json" and manifest is not None:
                data = sign_manifest(new_manifest, settings.FOREBYGG_BACKUP_KEY)
            if entries and name in entries:
                data = entries[name](data)
            target.writestr(name, data)
    return changed


def wipe():
    """Empty every table as `flush` does (on PostgreSQL the test's deferred checks run first)."""
    connection.check_constraints()
    call_command("flush", interactive=False, verbosity=0)


def table_lines(path, table):
    with zipfile.ZipFile(path) as archive:
        return archive.read(f"tables/{table}.jsonl").decode().splitlines()


@pytest.mark.django_db
def test_a_restored_database_has_identical_content_and_row_counts(backup):
    before = table_checksums()
    wipe()
    assert not Document.objects.exists()

    manifest = restore_backup(backup)

    assert table_checksums() == before
    assert content_checksum() == manifest["checksum"]
    assert bytes(Document.objects.get().data) == PDF
    assert Note.history.filter(title="Ändrad rubrik").count() == 1
    assert Agreement.objects.get().parties.count() == 2
    assert AccessAttempt.objects.get().ip_address == "127.0.0.1"


@pytest.mark.django_db
def test_the_backup_holds_every_table_with_binary_data_history_and_links(backup):
    with zipfile.ZipFile(backup) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    rows = {table["table"]: table["rows"] for table in manifest["tables"]}

    assert manifest["format"] == "forebygg-backup"
    assert manifest["checksum"] == content_checksum()
    assert rows["governance_document"] == 1
    assert rows["notes_historicalnote"] == Note.history.count()
    assert rows["notes_note_shared_with"] == Note.shared_with.through.objects.count()
    assert rows["auth_user"] == get_user_model().objects.count()
    assert "django_session" not in rows
    assert PDF.hex() in table_lines(backup, "governance_document")[1]


@pytest.mark.django_db
def test_new_rows_after_a_restore_get_fresh_ids(backup):
    highest = get_user_model().objects.order_by("-pk").first().pk

    restore_backup(backup)
    new = get_user_model().objects.create_user(username="ny", password="ett-långt-lösenord")

    assert new.pk > highest


@pytest.mark.django_db
def test_the_checksum_follows_the_content(content):
    before = content_checksum()
    note = Note.objects.get(pk=content.published_a.pk)
    note.title += "!"
    note.save()

    assert content_checksum() != before
    assert len(before) == 64


def assert_refused(path, message):
    before = content_checksum()
    with pytest.raises(BackupRejected, match=message) as refused:
        restore_backup(path)
    assert str(refused.value).endswith("Inget har ändrats.")
    assert content_checksum() == before


@pytest.mark.django_db
def test_a_truncated_file_is_refused_and_nothing_changes(backup):
    data = backup.read_bytes()
    backup.write_bytes(data[: len(data) // 2])
    Note.objects.filter(pk=Note.objects.first().pk).delete()  # something to lose

    assert_refused(backup, "ingen läsbar säkerhetskopia från Förebygg")


@pytest.mark.django_db
def test_a_damaged_byte_inside_a_table_is_refused(backup):
    with zipfile.ZipFile(backup) as archive:
        entry = max(archive.infolist(), key=lambda info: info.compress_size)
    data = bytearray(backup.read_bytes())
    name_length, extra_length = struct.unpack_from("<HH", data, entry.header_offset + 26)
    start = entry.header_offset + 30 + name_length + extra_length
    position = start + entry.compress_size // 2
    data[position] ^= 0xFF
    backup.write_bytes(bytes(data))

    assert_refused(backup, "ingen läsbar säkerhetskopia")


@pytest.mark.django_db
def test_a_changed_row_does_not_match_the_checksum_inside(backup):
    def retitle(data):
        return data.replace("Ändrad rubrik".encode(), "Förfalskad rubrik".encode())

    changed = rewrite(backup, entries={"tables/notes_note.jsonl": retitle})

    assert_refused(changed, "Kontrollsumman för tabellen notes_note")


@pytest.mark.django_db
def test_a_changed_manifest_checksum_is_refused(backup):
    def other_checksum(manifest):
        return manifest | {"checksum": "0" * 64}

    assert_refused(rewrite(backup, manifest=other_checksum), "Kontrollsumman för innehålls")


@pytest.mark.django_db
def test_a_backup_from_another_migration_state_is_refused(backup):
    def newer(manifest):
        manifest["migrations"]["notes"].append("9999_from_the_future")
        return manifest

    assert_refused(
        rewrite(backup, manifest=newer),
        "annan databasstruktur .*notes: kopian 9999_from_the_future",
    )


@pytest.mark.django_db
def test_a_file_that_is_no_backup_is_refused(tmp_path, content):
    path = tmp_path / "anteckningar.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("anteckning.txt", "hej")

    assert_refused(path, "ingen läsbar säkerhetskopia")


@pytest.mark.django_db
def test_restore_asks_first_and_no_changes_nothing(backup, monkeypatch):
    monkeypatch.setattr(builtins, "input", lambda prompt: "nej")
    before = content_checksum()
    Note.objects.filter(pk=Note.objects.first().pk).delete()
    after_delete = content_checksum()

    with pytest.raises(CommandError, match="Återställningen avbröts; inget har ändrats."):
        call_command("restore", str(backup), verbosity=0)

    assert content_checksum() == after_delete != before


@pytest.mark.django_db
def test_restore_check_reads_the_file_without_changing_anything(backup, capsys):
    call_command("restore", str(backup), check=True, verbosity=0)

    assert "är hel och passar den här databasen" in capsys.readouterr().out
    assert check_backup(backup)["checksum"] == content_checksum()


@pytest.mark.django_db
def test_backup_refuses_to_overwrite_a_file(backup):
    with pytest.raises(CommandError, match="finns redan"):
        call_command("backup", str(backup), verbosity=0)


@pytest.mark.django_db
def test_backup_checksum_prints_the_content_checksum(content, capsys):
    call_command("backup", checksum=True)

    assert capsys.readouterr().out.strip() == content_checksum()


@pytest.mark.django_db(transaction=True)
def test_the_commands_round_trip_outside_any_transaction(tmp_path, capsys):
    """As an operator runs them: the restore commits, and the sequences continue after it."""
    users = get_user_model().objects
    kept = users.create_user(username="kvar", password="ett-långt-lösenord").pk
    path = tmp_path / "forebygg.zip"
    call_command("backup", str(path))
    before = content_checksum()
    users.filter(pk=kept).delete()
    users.create_user(username="ny-efter-kopian", password="ett-långt-lösenord")

    call_command("restore", str(path), yes=True)

    output = capsys.readouterr()
    assert content_checksum() == before
    usernames = set(users.values_list("username", flat=True))
    assert "kvar" in usernames
    assert "ny-efter-kopian" not in usernames
    assert "auth_user: 1 rader" in output.err
    assert "Databasen är återställd" in output.out
    assert users.create_user(username="nästa", password="ett-långt-lösenord").pk > kept


@pytest.mark.django_db
def test_a_restore_ends_every_login_session(backup, client, content):
    client.force_login(content.coordinator_a)
    assert Session.objects.count() == 1

    restore_backup(backup)

    assert Session.objects.count() == 0
