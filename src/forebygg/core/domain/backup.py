"""Backup and restore of the whole database, the same on SQLite and PostgreSQL.

A backup is one zip file: `manifest.json`, its signature `signature.json`, and one
`tables/<table>.jsonl` per table. Each table file is the table's canonical text (a header
line with the column names, then one JSON array per row in primary-key order), so its SHA-256
is also the table's content checksum and the file can be checked without a database. The
canonical values are the same on both engines (see docs/backup.md), so a backup taken on one
restores on the other.

The checksums find damage; the signature (HMAC-SHA256 of the manifest with the
installation's backup key, which is never in the file) finds intent: whoever edits a row and
recomputes every checksum still cannot sign the new manifest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from importlib import metadata
from pathlib import Path
from uuid import UUID

import django
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder

FORMAT = "forebygg-backup"
FORMAT_VERSION = 2  # 2: signed; version 1 files have no signature and are refused
MANIFEST = "manifest.json"
SIGNATURE = "signature.json"
SIGNATURE_ALGORITHM = "HMAC-SHA256"
SIGNED_PREFIX = b"forebygg-backup-manifest\n"
MIN_KEY_LENGTH = 32
# Login sessions are not content: restoring them could revive old logins, so they are left
# out of the backup and emptied by a restore (everyone logs in again).
EXCLUDED_TABLES = frozenset({"django_session"})
INSERT_BATCH = 1000
READ_CHUNK = 2000
INTEGER_TYPES = frozenset(
    {
        "AutoField",
        "BigAutoField",
        "SmallAutoField",
        "IntegerField",
        "BigIntegerField",
        "SmallIntegerField",
        "PositiveIntegerField",
        "PositiveBigIntegerField",
        "PositiveSmallIntegerField",
    }
)

Progress = Callable[[str], None]


class BackupRejected(Exception):
    """The file cannot be restored; the message is Swedish and nothing has been changed."""


class BackupKeyMissing(Exception):
    """No usable backup key is set; the message is Swedish and says how to set one."""


@dataclass(frozen=True)
class TableSum:
    table: str
    rows: int
    sha256: str


def _quiet(message: str) -> None:
    pass


# --- canonical text ------------------------------------------------------------------------


def _base_field(field: models.Field) -> models.Field:
    """The field that decides a column's stored type (a foreign key's target field)."""
    while field.is_relation:
        field = field.target_field
    return field


def _to_canonical(field: models.Field) -> Callable:
    """A function from the value Django reads to text-stable JSON, the same on every engine."""
    kind = _base_field(field).get_internal_type()
    if kind == "BinaryField":
        return lambda value: bytes(value).hex()
    if kind == "DateTimeField":
        return lambda value: (value.astimezone(dt.UTC) if value.tzinfo else value).isoformat()
    if kind in ("DateField", "TimeField"):
        return lambda value: value.isoformat()
    if kind == "DecimalField":
        places = Decimal(1).scaleb(-_base_field(field).decimal_places)
        return lambda value: format(Decimal(value).quantize(places), "f")
    if kind == "DurationField":
        return lambda value: value // dt.timedelta(microseconds=1)
    if kind == "FloatField":
        return float
    if kind in ("UUIDField", "GenericIPAddressField"):
        return str
    if kind in INTEGER_TYPES:
        return int
    if kind == "BooleanField":
        return bool
    return lambda value: value


def _from_canonical(field: models.Field) -> Callable:
    """The inverse of _to_canonical: canonical JSON back to the Python value Django writes."""
    kind = _base_field(field).get_internal_type()
    if kind == "BinaryField":
        return bytes.fromhex
    if kind == "DateTimeField":
        return dt.datetime.fromisoformat
    if kind == "DateField":
        return dt.date.fromisoformat
    if kind == "TimeField":
        return dt.time.fromisoformat
    if kind == "DecimalField":
        return Decimal
    if kind == "DurationField":
        return lambda value: dt.timedelta(microseconds=value)
    if kind == "UUIDField":
        return UUID
    return lambda value: value


def _canonical_line(values: list) -> bytes:
    text = json.dumps(values, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.encode("utf-8") + b"\n"


def _header(model: type[models.Model]) -> bytes:
    return _canonical_line([model._meta.db_table, _columns(model)])


def _columns(model: type[models.Model]) -> list[str]:
    return [field.column for field in model._meta.concrete_fields]


def backed_up_models() -> list[type[models.Model]]:
    """Every table of every installed app (history and m2m tables too), by table name."""
    by_table = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.managed and not meta.proxy and not meta.swapped:
            by_table.setdefault(meta.db_table, model)
    return [model for table, model in sorted(by_table.items()) if table not in EXCLUDED_TABLES]


def _table_lines(model: type[models.Model], using: str) -> Iterator[bytes]:
    """The header line, then each row's canonical line in primary-key order."""
    fields = model._meta.concrete_fields
    converters = [_to_canonical(field) for field in fields]
    pk = _base_field(model._meta.pk)
    rows = model._base_manager.using(using).values_list(*[field.attname for field in fields])
    yield _header(model)
    if pk.get_internal_type() in INTEGER_TYPES:
        stream = rows.order_by("pk").iterator(chunk_size=READ_CHUNK)
    else:
        # Text keys sort differently per database collation; sort them here instead.
        position = [field.attname for field in fields].index(model._meta.pk.attname)
        stream = iter(sorted(rows, key=lambda row: row[position]))
    for row in stream:
        values = [
            None if value is None else convert(value)
            for value, convert in zip(row, converters, strict=True)
        ]
        yield _canonical_line(values)


def _combined(sums: list[TableSum]) -> str:
    digest = hashlib.sha256()
    for item in sorted(sums, key=lambda item: item.table):
        digest.update(f"{item.table} {item.rows} {item.sha256}\n".encode())
    return digest.hexdigest()


def _sum_table(
    model: type[models.Model], using: str, sink: Callable[[bytes], object] | None = None
) -> TableSum:
    digest, rows = hashlib.sha256(), -1  # the header line is not a row
    for line in _table_lines(model, using):
        digest.update(line)
        rows += 1
        if sink is not None:
            sink(line)
    return TableSum(model._meta.db_table, rows, digest.hexdigest())


@contextmanager
def _snapshot(using: str) -> Iterator[None]:
    """One consistent view of every table while they are read one after the other."""
    connection = connections[using]
    outermost = not connection.in_atomic_block
    with transaction.atomic(using=using):
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        # SQLite: a transaction reads one snapshot from its first read until it ends.
        yield


def table_checksums(*, using: str = DEFAULT_DB_ALIAS) -> list[TableSum]:
    with _snapshot(using):
        return [_sum_table(model, using) for model in backed_up_models()]


def content_checksum(*, using: str = DEFAULT_DB_ALIAS) -> str:
    """SHA-256 over every table's canonical content; equal on SQLite and PostgreSQL."""
    return _combined(table_checksums(using=using))


def migration_state(*, using: str = DEFAULT_DB_ALIAS) -> dict[str, list[str]]:
    state: dict[str, list[str]] = {}
    for app, name in MigrationRecorder(connections[using]).applied_migrations():
        state.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(state.items())}


def _forebygg_version() -> str:
    try:
        return metadata.version("forebygg")
    except metadata.PackageNotFoundError:
        return "okänd"


# --- signature ------------------------------------------------------------------------------

HOW_TO_SET_A_KEY = (
    "Skapa en slumpmässig nyckel, till exempel med "
    "python3 -c 'import secrets; print(secrets.token_urlsafe(48))' > /etc/forebygg/backup_key, "
    "och ange den med FOREBYGG_BACKUP_KEY_FILE=/etc/forebygg/backup_key (eller "
    "FOREBYGG_BACKUP_KEY). Spara en kopia av nyckeln skild från säkerhetskopiorna: utan den "
    "kan de inte återställas. Se docs/backup.md."
)


def key_id(key: str) -> str:
    """A short name for a key that gives nothing of it away, to tell keys apart."""
    return hmac.new(key.encode(), b"forebygg-backup-key-id", hashlib.sha256).hexdigest()[:16]


def _checked_key(key: str, setting: str) -> str:
    if len(key) < MIN_KEY_LENGTH:
        raise BackupKeyMissing(
            f"Nyckeln i {setting} är för kort ({len(key)} tecken); en nyckel för "
            f"säkerhetskopior ska ha minst {MIN_KEY_LENGTH} slumpmässiga tecken. "
            + HOW_TO_SET_A_KEY
        )
    return key


def signing_key() -> str:
    """The key new backups are signed with (FOREBYGG_BACKUP_KEY)."""
    key = settings.FOREBYGG_BACKUP_KEY
    if not key:
        raise BackupKeyMissing(
            "Ingen nyckel för säkerhetskopior är inställd, så ingen säkerhetskopia skrivs: "
            "en osignerad kopia skulle inte gå att återställa. " + HOW_TO_SET_A_KEY
        )
    return _checked_key(key, "FOREBYGG_BACKUP_KEY")


def verification_keys() -> list[str]:
    """The signing key first, then the earlier keys still accepted (FOREBYGG_BACKUP_OLD_KEYS)."""
    current = settings.FOREBYGG_BACKUP_KEY
    keys = [_checked_key(current, "FOREBYGG_BACKUP_KEY")] if current else []
    keys += [
        _checked_key(key, "FOREBYGG_BACKUP_OLD_KEYS") for key in settings.FOREBYGG_BACKUP_OLD_KEYS
    ]
    if not keys:
        raise BackupKeyMissing(
            "Ingen nyckel för säkerhetskopior är inställd, så säkerhetskopians signatur kan "
            "inte kontrolleras och inget återställs. Ange nyckeln som kopian signerades med i "
            "FOREBYGG_BACKUP_KEY_FILE (eller FOREBYGG_BACKUP_KEY). Se docs/backup.md."
        )
    return keys


def _mac(key: str, manifest: bytes) -> str:
    return hmac.new(key.encode(), SIGNED_PREFIX + manifest, hashlib.sha256).hexdigest()


def sign_manifest(manifest: bytes, key: str) -> bytes:
    """The contents of signature.json for these exact manifest bytes."""
    signature = {
        "algorithm": SIGNATURE_ALGORITHM,
        "key_id": key_id(key),
        "signature": _mac(key, manifest),
    }
    return json.dumps(signature, indent=1).encode()


def _verify_signature(path: Path, archive: zipfile.ZipFile, manifest: bytes) -> str:
    """The id of the key that signed these manifest bytes, or BackupRejected."""
    if SIGNATURE not in archive.namelist():
        raise BackupRejected(
            f"Säkerhetskopian {path.name} är inte signerad. Förebygg återställer bara "
            "säkerhetskopior som är signerade med installationens nyckel, så att en ändrad "
            "fil inte kan läsas in (kopior från äldre versioner av Förebygg saknar signatur; "
            "ta en ny säkerhetskopia). Inget har ändrats."
        )
    signature = json.loads(archive.read(SIGNATURE))
    if not isinstance(signature, dict) or signature.get("algorithm") != SIGNATURE_ALGORITHM:
        raise _forged(path)
    keys = verification_keys()
    claimed = str(signature.get("signature", "")).encode()
    for key in keys:
        if hmac.compare_digest(_mac(key, manifest).encode(), claimed):
            return key_id(key)
    ours = [key_id(key) for key in keys]
    if signature.get("key_id") in ours:
        raise _forged(path)
    raise BackupRejected(
        f"Säkerhetskopian {path.name} är signerad med en annan nyckel (nyckel-id "
        f"{str(signature.get('key_id'))[:16]}) än de som är inställda här (nyckel-id "
        f"{', '.join(ours)}). Är den gjord på en annan installation, eller har nyckeln bytts? "
        "Ange den gamla nyckeln i FOREBYGG_BACKUP_OLD_KEYS (se docs/backup.md). "
        "Inget har ändrats."
    )


def _forged(path: Path) -> BackupRejected:
    return BackupRejected(
        f"Signaturen i säkerhetskopian {path.name} stämmer inte med innehållet: filen har "
        "ändrats efter att den signerades och återställs inte. Inget har ändrats."
    )


# --- backup --------------------------------------------------------------------------------


def write_backup(path: Path, *, using: str = DEFAULT_DB_ALIAS, progress: Progress = _quiet) -> dict:
    """Write every table to `path` (a temporary file, renamed when done); return the manifest.

    Raises BackupKeyMissing, before anything is read or written, when no key is set.
    """
    path = Path(path)
    key = signing_key()
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".forebygg-backup-")
    os.close(handle)
    try:
        with (
            zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive,
            _snapshot(using),
        ):
            manifest = _write_tables(archive, using, progress)
            manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            archive.writestr(MANIFEST, manifest_bytes)
            archive.writestr(SIGNATURE, sign_manifest(manifest_bytes, key))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return manifest


def _write_tables(archive: zipfile.ZipFile, using: str, progress: Progress) -> dict:
    tables, sums = [], []
    for model in backed_up_models():
        name = f"tables/{model._meta.db_table}.jsonl"
        with archive.open(name, "w", force_zip64=True) as entry:
            table_sum = _sum_table(model, using, sink=entry.write)
        sums.append(table_sum)
        tables.append(
            {
                "table": table_sum.table,
                "model": model._meta.label,
                "file": name,
                "columns": _columns(model),
                "rows": table_sum.rows,
                "sha256": table_sum.sha256,
            }
        )
        progress(f"{table_sum.table}: {table_sum.rows} rader")
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "forebygg_version": _forebygg_version(),
        "django_version": django.get_version(),
        "database_engine": connections[using].vendor,
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "migrations": migration_state(using=using),
        "checksum": _combined(sums),
        "tables": tables,
    }


# --- checking a file -----------------------------------------------------------------------


def _damaged(path: Path, detail: str = "") -> BackupRejected:
    reason = f" ({detail})" if detail else ""
    return BackupRejected(
        f"Filen {path.name} är ingen läsbar säkerhetskopia från Förebygg: den är skadad, "
        f"avkortad eller av fel slag{reason}. Inget har ändrats."
    )


@contextmanager
def _open_backup(path: Path) -> Iterator[tuple[zipfile.ZipFile, dict, str]]:
    """The archive, its manifest and the id of the key that signed it, once that is checked.

    Nothing in the manifest is read before its signature is found right; any unreadable part
    is reported as a damaged file.
    """
    if not path.is_file():
        raise BackupRejected(f"Filen {path} finns inte. Inget har ändrats.")
    try:
        with zipfile.ZipFile(path) as archive:
            manifest_bytes = archive.read(MANIFEST)
            signed_by = _verify_signature(path, archive, manifest_bytes)
            manifest = json.loads(manifest_bytes)
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise _damaged(path, "innehållsförteckningen saknas eller är fel")
            yield archive, manifest, signed_by
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, TypeError, ValueError) as error:
        raise _damaged(path, f"teknisk orsak: {error}") from error


def _check_manifest(path: Path, manifest: dict, using: str) -> None:
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupRejected(
            f"Säkerhetskopian {path.name} har formatversion {manifest.get('format_version')}, "
            f"men den här versionen av Förebygg läser bara version {FORMAT_VERSION}. "
            "Inget har ändrats."
        )
    ours, theirs = migration_state(using=using), manifest.get("migrations")
    if theirs != ours:
        differing = sorted(
            app for app in set(ours) | set(theirs or {}) if ours.get(app) != (theirs or {}).get(app)
        )
        details = "; ".join(
            f"{app}: kopian {_last(theirs, app)}, databasen {_last(ours, app)}"
            for app in differing[:5]
        )
        raise BackupRejected(
            f"Säkerhetskopian {path.name} gjordes med en annan databasstruktur än den här "
            f"databasen har ({details}). Migrera databasen till samma version som kopian "
            "(eller använd en kopia från den här versionen). Inget har ändrats."
        )
    expected = {model._meta.db_table: _columns(model) for model in backed_up_models()}
    found = {table["table"]: table["columns"] for table in manifest["tables"]}
    if found != expected:
        raise BackupRejected(
            f"Tabellerna i säkerhetskopian {path.name} stämmer inte med databasens, fast "
            "migreringarna är desamma. Inget har ändrats."
        )
    sums = [TableSum(t["table"], t["rows"], t["sha256"]) for t in manifest["tables"]]
    if _combined(sums) != manifest.get("checksum"):
        raise _checksum_mismatch(path, "innehållsförteckningen")


def _last(state: dict | None, app: str) -> str:
    names = (state or {}).get(app) or []
    return names[-1] if names else "inga migreringar"


def _checksum_mismatch(path: Path, where: str) -> BackupRejected:
    return BackupRejected(
        f"Kontrollsumman för {where} i säkerhetskopian {path.name} stämmer inte: filen har "
        "ändrats eller skadats efter att den skrevs. Inget har ändrats."
    )


def _read_rows(archive: zipfile.ZipFile, table: dict, path: Path) -> Iterator[list]:
    """The rows of one table file, checked against the manifest's sha256 and row count."""
    digest, rows = hashlib.sha256(), 0
    with archive.open(table["file"]) as entry:
        header = entry.readline()
        digest.update(header)
        if json.loads(header) != [table["table"], table["columns"]]:
            raise _damaged(path, f"fel rubrikrad i {table['file']}")
        for line in entry:
            digest.update(line)
            rows += 1
            yield json.loads(line)
    if digest.hexdigest() != table["sha256"] or rows != table["rows"]:
        raise _checksum_mismatch(path, f"tabellen {table['table']}")


def check_backup(path: Path, *, using: str = DEFAULT_DB_ALIAS, progress: Progress = _quiet) -> dict:
    """Read the whole file and return its manifest, or raise BackupRejected. Writes nothing.

    Raises BackupKeyMissing when no key to check the signature with is set.
    """
    path = Path(path)
    with _open_backup(path) as (archive, manifest, signed_by):
        progress(f"{path.name}: signerad med nyckel-id {signed_by}")
        _check_manifest(path, manifest, using)
        for table in manifest["tables"]:
            for _row in _read_rows(archive, table, path):
                pass
        progress(f"{path.name}: {len(manifest['tables'])} tabeller, kontrollsummorna stämmer")
    return manifest


# --- restore -------------------------------------------------------------------------------


def restore_backup(
    path: Path, *, using: str = DEFAULT_DB_ALIAS, progress: Progress = _quiet
) -> dict:
    """Replace all content with the backup's, in one transaction, or change nothing at all.

    The file is checked completely first (check_backup). The database is then emptied and
    loaded, foreign keys are checked, the content checksum is compared with the manifest's,
    and only then are the sequences set and the transaction committed.
    """
    path = Path(path)
    manifest = check_backup(path, using=using, progress=progress)
    try:
        _replace_content(path, manifest, using, progress)
    except DatabaseError as error:
        raise BackupRejected(
            f"Säkerhetskopian {path.name} kunde inte läsas in i databasen ({error}). "
            "Återställningen är ångrad; inget har ändrats."
        ) from error
    ContentType.objects.clear_cache()
    return manifest


def _replace_content(path: Path, manifest: dict, using: str, progress: Progress) -> None:
    connection = connections[using]
    restored = backed_up_models()
    by_table = {model._meta.db_table: model for model in restored}
    with transaction.atomic(using=using), _open_backup(path) as (archive, _manifest, _signed_by):
        progress("Tömmer databasen …")
        if connection.vendor == "postgresql":
            # TRUNCATE refuses tables with deferred foreign-key checks pending in this
            # transaction (only inside a larger one, as in tests): run those checks now.
            connection.check_constraints()
        tables = [*by_table, *sorted(EXCLUDED_TABLES)]
        with connection.cursor() as cursor:
            for statement in connection.ops.sql_flush(no_style(), tables, reset_sequences=True):
                cursor.execute(statement)
        for table in manifest["tables"]:
            _load_table(by_table[table["table"]], _read_rows(archive, table, path), using)
            progress(f"{table['table']}: {table['rows']} rader")
        progress("Kontrollerar det inlästa innehållet …")
        connection.check_constraints()
        if content_checksum(using=using) != manifest["checksum"]:
            raise BackupRejected(
                f"Innehållet efter inläsningen av {path.name} fick en annan kontrollsumma än "
                "säkerhetskopian. Återställningen är ångrad; inget har ändrats."
            )
        # Last, after every check: on PostgreSQL the sequences were restarted by the flush
        # in this transaction, so setting them here is undone too if the commit fails.
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), restored):
                cursor.execute(statement)


def _load_table(model: type[models.Model], rows: Iterator[list], using: str) -> None:
    """Insert the rows as they are: no save(), no signals, no new history rows."""
    connection = connections[using]
    fields = model._meta.concrete_fields
    converters = [_from_canonical(field) for field in fields]
    prepared = (
        [
            field.get_db_prep_save(None if value is None else convert(value), connection)
            for field, convert, value in zip(fields, converters, row, strict=True)
        ]
        for row in rows
    )
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(field.column) for field in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY (psycopg 3) is several times faster than INSERT for large tables.
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in prepared:
                    copy.write_row(row)
        else:
            _insert_many(cursor, table, columns, len(fields), prepared, connection)


def _insert_many(
    cursor, table: str, columns: str, width: int, rows: Iterator[list], connection
) -> None:
    """Multi-row INSERT statements, as many rows each as the database takes parameters."""
    max_params = connection.features.max_query_params or 65535
    per_statement = max(1, min(INSERT_BATCH, max_params // width))
    # Table and column names come from the models, quoted; the values are parameters.
    prefix = f"INSERT INTO {table} ({columns}) VALUES "  # noqa: S608
    placeholders = "({})".format(", ".join(["%s"] * width))

    def insert(batch: list[list]) -> None:
        cursor.execute(
            prefix + ", ".join([placeholders] * len(batch)), [v for r in batch for v in r]
        )

    batch: list[list] = []
    for row in rows:
        batch.append(row)
        if len(batch) == per_statement:
            insert(batch)
            batch = []
    if batch:
        insert(batch)
