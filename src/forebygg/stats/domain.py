"""Verb-named entry points for importing statistics, shared by the CLI and the web upload."""

from __future__ import annotations

from pathlib import Path

from forebygg.stats.importers.base import Preview
from forebygg.stats.importers.registry import importer_for
from forebygg.stats.importers.writing import write_preview


def preview_file(kind: str, data: bytes, *, file_name: str) -> Preview:
    return importer_for(kind).parse(data, file_name=file_name)


def write_import(preview: Preview, *, by=None, kommun=None):
    """Write a clean preview: with its importer's own writer (areas), else as observations."""
    writer = getattr(importer_for(preview.kind), "write", write_preview)
    return writer(preview, by=by, kommun=kommun)


def import_file(kind: str, path: Path, *, by=None, kommun=None):
    """Parse and write one file; raises ImportRejected with every problem if anything is wrong."""
    preview = preview_file(kind, path.read_bytes(), file_name=path.name)
    return write_import(preview, by=by, kommun=kommun)
