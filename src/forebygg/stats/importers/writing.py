"""Write a validated Preview: one transaction, only changed cells, history on every row."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from forebygg.stats.importers.base import ImportRejected, Preview
from forebygg.stats.models import (
    DataSource,
    ImportBatch,
    Indicator,
    Observation,
    ObservationRevision,
)


def write_preview(preview: Preview, *, by=None, kommun=None) -> ImportBatch:
    """Raise ImportRejected (nothing written) unless the preview is clean."""
    if not preview.ok:
        if not preview.errors:
            preview.error(None, "Filen innehåller inga rader att läsa in.")
        raise ImportRejected(preview)
    with transaction.atomic():
        source = upsert_source(preview, kommun=kommun)
        indicators = _upsert_indicators(preview)
        batch = start_batch(preview, source, by=by)
        created, updated, unchanged = _upsert_observations(preview, indicators, source, batch)
        batch.rows_created, batch.rows_updated, batch.rows_unchanged = created, updated, unchanged
        batch.save(update_fields=["rows_created", "rows_updated", "rows_unchanged"])
    return batch


def start_batch(preview: Preview, source: DataSource, *, by) -> ImportBatch:
    batch = ImportBatch(
        kind=preview.kind,
        file_name=preview.file_name,
        checksum=preview.checksum,
        source=source,
        imported_by=by,
    )
    batch._history_user = by
    batch.save()
    return batch


def upsert_source(preview: Preview, *, kommun=None, row_count: int | None = None) -> DataSource:
    """Record (or refresh) the DataSource a preview's file belongs to."""
    spec = preview.source
    values = {
        "name": spec.name,
        "publisher": spec.publisher,
        "licence": spec.licence,
        "attribution": spec.attribution,
        "file": preview.file_name,
        "retrieved": spec.retrieved,
        "coverage": spec.coverage,
        "status": spec.status,
        "checksum": preview.checksum,
        "row_count": len(preview.rows) if row_count is None else row_count,
        "imported_at": timezone.now(),
        "kommun": kommun,
    }
    source, _created = DataSource.objects.update_or_create(key=spec.key, defaults=values)
    return source


def _upsert_indicators(preview: Preview) -> dict[str, Indicator]:
    existing = {i.key: i for i in Indicator.objects.filter(key__in=preview.indicators)}
    for key, spec in preview.indicators.items():
        values = {
            "name_sv": spec.name_sv,
            "name_en": spec.name_en,
            "unit": spec.unit,
            "formula": spec.formula,
            "direction": spec.direction,
            "category": spec.category,
            "parent_category": spec.parent_category,
            "counts_crimes": spec.counts_crimes,
        }
        indicator = existing.get(key)
        if indicator is None:
            existing[key] = Indicator.objects.create(key=key, **values)
        elif any(getattr(indicator, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(indicator, name, value)
            indicator.save()
    return existing


def _upsert_observations(preview, indicators, source, batch) -> tuple[int, int, int]:
    indicator_ids = {key: indicator.pk for key, indicator in indicators.items()}
    existing = _existing_cells(preview, indicator_ids)
    to_create, to_update, revisions = [], [], []
    for row in preview.rows:
        cell = (indicator_ids[row.indicator], *row.cell[1:])
        current = existing.get(cell)
        new = (row.value, row.preliminary, row.suppressed)
        if current is None:
            to_create.append(
                Observation(
                    indicator_id=cell[0],
                    geo_level=row.geo_level,
                    geo_code=row.geo_code,
                    period_type=row.period_type,
                    year=row.year,
                    period_number=row.period_number,
                    value=row.value,
                    preliminary=row.preliminary,
                    suppressed=row.suppressed,
                    source=source,
                    batch=batch,
                )
            )
        elif current[1:] != new:
            pk, old_value, old_preliminary, old_suppressed = current
            to_update.append(
                Observation(
                    pk=pk,
                    value=row.value,
                    preliminary=row.preliminary,
                    suppressed=row.suppressed,
                    source=source,
                    batch=batch,
                )
            )
            revisions.append(
                ObservationRevision(
                    observation_id=pk,
                    batch=batch,
                    old_value=old_value,
                    new_value=row.value,
                    old_preliminary=old_preliminary,
                    old_suppressed=old_suppressed,
                )
            )
    Observation.objects.bulk_create(to_create, batch_size=5000)
    Observation.objects.bulk_update(
        to_update, ["value", "preliminary", "suppressed", "source", "batch"], batch_size=5000
    )
    ObservationRevision.objects.bulk_create(revisions, batch_size=5000)
    return len(to_create), len(to_update), len(preview.rows) - len(to_create) - len(to_update)


def _existing_cells(preview, indicator_ids) -> dict[tuple, tuple]:
    rows = Observation.objects.filter(
        indicator_id__in=indicator_ids.values(),
        geo_level__in={row.geo_level for row in preview.rows},
        year__in={row.year for row in preview.rows},
    ).values_list(
        "indicator_id",
        "geo_level",
        "geo_code",
        "period_type",
        "year",
        "period_number",
        "pk",
        "value",
        "preliminary",
        "suppressed",
    )
    return {row[:6]: row[6:] for row in rows}
