"""Verb-named entry points for importing statistics, shared by the CLI, the worker and tests.

- `preview_file` reads a file into a preview that keeps its rows in memory (small files,
  tests); `write_import` writes such a preview.
- `check_file` reads a file of any size in bounded memory: problems, counts and a summary,
  no rows kept, nothing written.
- `import_file` reads, stages and writes a file of any size: the same code for
  `forebygg import` and for a confirmed web upload.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from forebygg.core.domain.imports import ImportFile
from forebygg.stats.importers import generic
from forebygg.stats.importers.base import Preview
from forebygg.stats.importers.registry import importer_for
from forebygg.stats.importers.writing import StagedRows, write_preview
from forebygg.stats.models import ImportBatch


def read_file(
    kind: str,
    file: ImportFile,
    *,
    keep_rows: bool = True,
    sink=None,
    progress=None,
    kommun=None,
) -> Preview:
    """Parse the file with its importer; `kommun` is the workspace a web upload came from."""
    importer = importer_for(kind)
    preview = Preview(
        kind=kind,
        file_name=file.name,
        checksum=file.checksum,
        keep_rows=keep_rows,
        sink=sink,
        progress=progress,
    )
    importer.parse(file, preview)
    if kommun is not None:
        check_kommun(preview, kommun)
    preview.tick(force=True)
    return preview


def check_kommun(preview: Preview, kommun) -> None:
    """Local data uploaded in a workspace must be that kommun's own."""
    found = preview.extra.get("kommun")
    if preview.kind == generic.KIND and found not in (None, kommun.code):
        preview.error(None, f"Filen gäller kommunkod {found}, men du arbetar i {kommun.name}.")


def source_kommun(kind: str, kommun):
    """The kommun a written source belongs to: local data only; official statistics none."""
    return kommun if kind == generic.KIND else None


def preview_file(kind: str, data: bytes | Path | ImportFile, *, file_name: str = "") -> Preview:
    return read_file(kind, ImportFile.of(data, name=file_name))


def check_file(kind: str, file: ImportFile, *, kommun=None, progress=None) -> Preview:
    """Every problem and a summary of a file of any size; no rows kept, nothing written."""
    return read_file(kind, file, keep_rows=False, progress=progress, kommun=kommun)


def write_import(preview: Preview, *, by=None, kommun=None, staged: StagedRows | None = None):
    """Write a clean preview: with its importer's own writer (areas), else as observations."""
    writer = getattr(importer_for(preview.kind), "write", None)
    if writer is not None:
        return writer(preview, by=by, kommun=kommun)
    return write_preview(preview, by=by, kommun=kommun, staged=staged)


def import_file(
    kind: str,
    file: ImportFile | Path,
    *,
    by=None,
    kommun=None,
    progress=None,
    before_writing: Callable[[Preview], None] | None = None,
) -> ImportBatch:
    """Read, stage and write one file; raises ImportRejected with every problem if anything is
    wrong. `kommun` is the workspace of a web upload (checked, and the owner of local data);
    `before_writing` sees the clean preview before the write starts."""
    file = ImportFile.of(file)
    own_writer = hasattr(importer_for(kind), "write")
    staged = None if own_writer else StagedRows()
    try:
        preview = read_file(
            kind,
            file,
            keep_rows=False,
            sink=staged.add if staged else None,
            progress=progress,
            kommun=kommun,
        )
        preview.reject()
        if before_writing is not None:
            before_writing(preview)
        owner = source_kommun(kind, kommun) if kommun is not None else None
        return write_import(preview, by=by, kommun=owner, staged=staged)
    finally:
        if staged is not None:
            staged.drop()
