"""Helpers for importer tests: table counts, and 'rejected and nothing written' in one call."""

import pytest

from forebygg.geo.models import Area
from forebygg.stats.domain import preview_file, write_import
from forebygg.stats.importers.base import ImportRejected
from forebygg.stats.models import DataSource, ImportBatch, Indicator, Observation

NOT_UTF8 = "Filen är inte UTF-8-kodad. Spara den som UTF-8 (i Excel: 'CSV UTF-8') och försök igen."


def table_counts() -> dict[str, int]:
    return {
        "observations": Observation.objects.count(),
        "areas": Area.objects.count(),
        "batches": ImportBatch.objects.count(),
        "indicators": Indicator.objects.count(),
        "sources": DataSource.objects.count(),
    }


def assert_rejected(kind: str, data: bytes, file_name: str, expected: str) -> list[str]:
    """The file is refused with `expected` among its errors, and the database is unchanged."""
    before = table_counts()
    preview = preview_file(kind, data, file_name=file_name)
    assert expected in preview.errors, preview.errors
    with pytest.raises(ImportRejected):
        write_import(preview)
    assert table_counts() == before
    return preview.errors


def import_twice(kind: str, data: bytes, file_name: str):
    """Write the file twice; the second run must create and change nothing."""
    preview = preview_file(kind, data, file_name=file_name)
    assert preview.errors == []
    first = write_import(preview)
    after_first = table_counts()
    second = write_import(preview_file(kind, data, file_name=file_name))
    assert (second.rows_created, second.rows_updated) == (0, 0)
    assert second.rows_unchanged == first.rows_created + first.rows_updated + first.rows_unchanged
    after_second = table_counts()
    assert after_second == {**after_first, "batches": after_first["batches"] + 1}
    return first, second


def value_of(indicator: str, geo_code: str, year: int, period_number: int = 0):
    return Observation.objects.get(
        indicator__key=indicator, geo_code=geo_code, year=year, period_number=period_number
    )
