"""The one contract every import follows: preview (every problem, nothing written) → write.

Statistics files (`stats.importers`), the reference data (`stats.reference`) and the measures
spreadsheet (`plans.domain.spreadsheet`) all read their files through this module:

- `ImportFile` is the uploaded or named file, read as a stream (never a second copy in memory).
- `ImportPreview` collects the problems: Swedish, each with its line (`Rad 12: …`, or
  `geo/counties.csv rad 12: …` when an import reads several files). Only the first
  `MAX_MESSAGES_KEPT` are kept, so a file with a million bad rows costs no more memory than one
  with a thousand; the count stays exact.
- `ImportRejected` is raised when a preview with problems is asked to write: nothing is written.
  It is a `ValidationError`, so the views show it like any other refusal.
- `csv_records` is the one CSV reader: UTF-8 (with or without BOM) only, every line ending,
  a line it cannot read ends the file with a Swedish error, and the reading is streamed.
- `DuplicateCells` finds rows that say the same thing twice in bounded memory (16 bytes a row).
- `LineList` keeps the first lines of a warning about many rows and counts the rest.

Writes are all or nothing: each importer writes a clean preview in one transaction.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import time
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import BinaryIO, TextIO

from django.core.exceptions import ValidationError

MAX_MESSAGES_KEPT = 1000
MAX_ERRORS_SHOWN = 200
CHUNK_BYTES = 1 << 20
PROGRESS_EVERY_SECONDS = 0.5

NOT_UTF8 = "Filen är inte UTF-8-kodad. Spara den som UTF-8 (i Excel: 'CSV UTF-8') och försök igen."
HAS_NUL = (
    "raden innehåller ett NUL-tecken, så filen är inte en textfil i UTF-8 (kanske UTF-16). "
    "Spara den som UTF-8 (i Excel: 'CSV UTF-8') och försök igen."
)


# ---------------------------------------------------------------- the file


@dataclass(frozen=True)
class ImportFile:
    """A file to import: bytes in memory (tests, small files) or a path on disk (uploads)."""

    name: str
    path: Path | None = None
    data: bytes | None = None

    @classmethod
    def of(cls, content: bytes | Path | ImportFile, *, name: str = "") -> ImportFile:
        if isinstance(content, ImportFile):
            return content
        if isinstance(content, Path):
            return cls(name=name or content.name, path=content)
        return cls(name=name, data=bytes(content))

    def open(self) -> BinaryIO:
        if self.path is not None:
            return self.path.open("rb")
        return io.BytesIO(self.data or b"")

    @property
    def size(self) -> int:
        return self.path.stat().st_size if self.path is not None else len(self.data or b"")

    @cached_property
    def checksum(self) -> str:
        digest = hashlib.sha256()
        with self.open() as handle:
            for chunk in iter(lambda: handle.read(CHUNK_BYTES), b""):
                digest.update(chunk)
        return digest.hexdigest()

    def head(self, size: int) -> bytes:
        with self.open() as handle:
            return handle.read(size)


# ---------------------------------------------------------------- problems


def printable(message: str) -> str:
    """A message that can be shown on a web page: half a surrogate pair (from a JSON escape
    such as \\ud800 quoted in the message) is written out as its escape."""
    return message.encode("utf-8", "backslashreplace").decode("utf-8")


@dataclass
class ImportPreview:
    """What reading a file found: its problems and warnings, and how far the reading got."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error_count: int = 0
    warning_count: int = 0
    lines_read: int = 0
    rows_checked: int = 0
    progress: Callable[[ImportPreview], None] | None = field(default=None, repr=False)
    _reported_at: float = field(default=0.0, repr=False)

    @property
    def ok(self) -> bool:
        return self.error_count == 0

    def error(self, line: int | None, message: str, *, file: str = "") -> None:
        self.error_count += 1
        if len(self.errors) < MAX_MESSAGES_KEPT:
            self.errors.append(printable(located(line, message, file)))

    def warn(self, line: int | None, message: str, *, file: str = "") -> None:
        self.warning_count += 1
        if len(self.warnings) < MAX_MESSAGES_KEPT:
            self.warnings.append(printable(located(line, message, file)))

    def errors_shown(self, limit: int = MAX_ERRORS_SHOWN) -> list[str]:
        """The first `limit` errors, and how many more there are."""
        more = self.error_count - min(limit, len(self.errors))
        return self.errors[:limit] + ([f"… och {more} fel till."] if more > 0 else [])

    def reject(self, empty: str = "Filen innehåller inga rader att läsa in.") -> None:
        """Raise ImportRejected unless the preview may be written."""
        if self.error_count:
            raise ImportRejected(self)
        if empty and not self.has_content():
            self.error(None, empty)
            raise ImportRejected(self)

    def has_content(self) -> bool:
        return True

    def tick(self, *, force: bool = False) -> None:
        """Tell whoever watches (a background job's progress) how far the reading has come."""
        if self.progress is None:
            return
        now = time.monotonic()
        if force or now - self._reported_at >= PROGRESS_EVERY_SECONDS:
            self._reported_at = now
            self.progress(self)


def located(line: int | None, message: str, file: str = "") -> str:
    if file:
        return f"{file} rad {line}: {message}" if line else f"{file}: {message}"
    return f"Rad {line}: {message}" if line else message


class ImportRejected(ValidationError):
    """The file has errors; nothing was written. `preview` holds every problem found."""

    def __init__(self, preview: ImportPreview):
        self.preview = preview
        super().__init__(preview.errors_shown() or ["Filen kunde inte läsas in."])

    def __str__(self) -> str:
        return "\n".join(self.messages)


# ---------------------------------------------------------------- text


def check_text(source: ImportFile, preview: ImportPreview, *, file: str = "") -> bool:
    """UTF-8 (with or without BOM) only; anything else is a clear error, never a guess.

    Read in chunks, so a large file is checked without being held in memory. NUL is valid
    UTF-8 but never in a text file: it is what UTF-16 without a BOM looks like, and PostgreSQL
    cannot store it.
    """
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    line = 1
    with source.open() as handle:
        for chunk in iter(lambda: handle.read(CHUNK_BYTES), b""):
            try:
                text = decoder.decode(chunk)
            except UnicodeDecodeError:
                preview.error(None, NOT_UTF8, file=file)
                return False
            if "\x00" in text:
                preview.error(line + text.count("\n", 0, text.index("\x00")), HAS_NUL, file=file)
                return False
            line += text.count("\n")
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        preview.error(None, NOT_UTF8, file=file)
        return False
    return True


def open_text(source: ImportFile, preview: ImportPreview, *, file: str = "") -> TextIO | None:
    """The file as text for the CSV reader, or None after a Swedish error."""
    if not check_text(source, preview, file=file):
        return None
    return io.TextIOWrapper(source.open(), encoding="utf-8-sig", newline="")


def read_text(
    source: ImportFile, preview: ImportPreview, *, limit: int, what: str = "filen"
) -> str | None:
    """The whole file as one text (JSON needs it whole), refused above `limit` bytes."""
    if source.size > limit:
        megabytes = limit // (1024 * 1024)
        preview.error(
            None,
            f"{what[:1].upper()}{what[1:]} är större än {megabytes} MB och läses inte in. "
            "Dela upp den i mindre filer.",
        )
        return None
    if not check_text(source, preview):
        return None
    with source.open() as handle:
        return handle.read().decode("utf-8-sig")


def first_line(source: ImportFile) -> str:
    """The file's first line (to tell formats and delimiters apart), at most 64 kB of it."""
    head = source.head(1 << 16).decode("utf-8-sig", errors="replace")
    return head.split("\n", 1)[0]


# ---------------------------------------------------------------- CSV


class CsvRecords:
    """csv.reader's records, with line numbers; a line it cannot read ends the file with a
    Swedish error. Reports progress to the preview as it goes."""

    def __init__(self, text: TextIO, preview: ImportPreview, delimiter: str, file: str = ""):
        self._text = text
        self._reader = csv.reader(text, delimiter=delimiter)
        self._preview = preview
        self._file = file
        self._closed = False

    @property
    def line_num(self) -> int:
        return self._reader.line_num

    def __iter__(self) -> Iterator[list[str]]:
        return self

    def __next__(self) -> list[str]:
        if self._closed:
            raise StopIteration
        try:
            record = next(self._reader)
        except csv.Error:
            limit = f"{csv.field_size_limit():_}".replace("_", " ")
            self._preview.error(
                self._reader.line_num,
                f"raden kan inte läsas: ett fält är längre än {limit} tecken (saknas ett "
                "avslutande citattecken?). Resten av filen läses inte.",
                file=self._file,
            )
            self.close()
            raise StopIteration from None
        except StopIteration:
            self.close()
            raise
        self._preview.lines_read = self._reader.line_num
        self._preview.tick()
        return record

    def close(self) -> None:
        self._closed = True
        self._text.close()


def csv_records(
    source: ImportFile, preview: ImportPreview, *, delimiter: str = ",", file: str = ""
) -> CsvRecords | None:
    """Records of a CSV file, read as a stream; None (after a Swedish error) if it is not
    UTF-8 text."""
    text = open_text(source, preview, file=file)
    if text is None:
        return None
    return CsvRecords(text, preview, delimiter, file)


def csv_dict_records(records: CsvRecords) -> csv.DictReader:
    """`csv.DictReader` over `csv_records`, keeping its line numbers and Swedish errors."""
    reader = csv.DictReader([])
    reader.reader = records
    return reader


# ---------------------------------------------------------------- bounded bookkeeping


class DuplicateCells:
    """Which rows repeat an earlier row's cell (the same indicator, place and period …).

    Each cell is kept as a 128-bit digest and its line in two compact arrays, so a million
    rows cost 20 MB, not the gigabyte a set of tuples would.
    """

    def __init__(self) -> None:
        self._digests = array("Q")
        self._lines = array("q")

    def add(self, cell: tuple, line: int) -> None:
        digest = hashlib.blake2b(repr(cell).encode(), digest_size=16).digest()
        self._digests.frombytes(digest)
        self._lines.append(line)

    def __len__(self) -> int:
        return len(self._lines)

    def repeated(self) -> list[tuple[int, int]]:
        """(line, line of the first row with the same cell) for every repeat, by line."""
        import numpy

        if len(self._lines) < 2:
            return []
        digests = numpy.frombuffer(self._digests, dtype=numpy.uint64).reshape(-1, 2)
        lines = numpy.frombuffer(self._lines, dtype=numpy.int64)
        order = numpy.lexsort((lines, digests[:, 1], digests[:, 0]))
        ordered = digests[order]
        same = numpy.zeros(len(order), dtype=bool)
        same[1:] = numpy.all(ordered[1:] == ordered[:-1], axis=1)
        if not same.any():
            return []
        positions = numpy.arange(len(order))
        run_starts = numpy.maximum.accumulate(numpy.where(same, 0, positions))
        repeats = [
            (int(lines[order[position]]), int(lines[order[run_starts[position]]]))
            for position in numpy.nonzero(same)[0]
        ]
        return sorted(repeats)


class LineList:
    """The first `kept` lines of a warning about many rows, and how many there were.

    Lines come in file order; a line given twice in a row (two values missing on one row)
    counts once.
    """

    def __init__(self, kept: int = 15):
        self.kept = kept
        self.lines: list = []
        self.count = 0
        self._last = None

    def append(self, line) -> None:
        if line == self._last:
            return
        self._last = line
        self.count += 1
        if len(self.lines) < self.kept:
            self.lines.append(line)

    def __bool__(self) -> bool:
        return self.count > 0

    def __len__(self) -> int:
        return self.count
