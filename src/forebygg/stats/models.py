"""Where every number comes from, what it measures, and the numbers themselves."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from forebygg.core.models import AuditedModel
from forebygg.stats.enums import Direction, GeoLevel, PeriodType, SourceStatus, Unit


class DataSource(AuditedModel):
    """One loaded dataset: who published it, under which terms, from which file, covering what."""

    key = models.SlugField(_("nyckel"), max_length=80, unique=True)
    name = models.CharField(_("namn"), max_length=200)
    publisher = models.CharField(_("utgivare"), max_length=200)
    licence = models.CharField(_("licens / villkor"), max_length=300)
    attribution = models.CharField(_("källhänvisning"), max_length=300)
    file = models.CharField(_("fil"), max_length=300)
    retrieved = models.DateField(_("hämtad"), null=True, blank=True)
    coverage = models.CharField(_("täckning"), max_length=300)
    status = models.CharField(_("status"), max_length=30, choices=SourceStatus.choices)
    checksum = models.CharField(_("kontrollsumma (SHA-256)"), max_length=64, blank=True)
    row_count = models.PositiveIntegerField(_("antal rader"), default=0)
    imported_at = models.DateTimeField(_("importerad"), null=True, blank=True)
    kommun = models.ForeignKey(
        "geo.Kommun",
        verbose_name=_("kommun (lokala data)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Satt för lokala data som bara kommunen själv ska se."),
    )

    class Meta:
        ordering = ["key"]
        verbose_name = _("datakälla")
        verbose_name_plural = _("datakällor")

    def __str__(self) -> str:
        return self.name


class Indicator(AuditedModel):
    """What is measured. Rates we compute ourselves are never stored as indicators."""

    key = models.SlugField(_("nyckel"), max_length=100, unique=True)
    name_sv = models.CharField(_("namn (svenska)"), max_length=200)
    name_en = models.CharField(_("namn (engelska)"), max_length=200)
    unit = models.CharField(_("enhet"), max_length=12, choices=Unit.choices)
    formula = models.CharField(_("formel"), max_length=300)
    direction = models.CharField(
        _("riktning"), max_length=8, choices=Direction.choices, default=Direction.NEUTRAL
    )
    category = models.CharField(
        _("brottskategori (Brå)"),
        max_length=100,
        blank=True,
        help_text=_("Nyckel i Brå:s kategorihierarki, t.ex. 'person' eller 'person.misshandel'."),
    )
    parent_category = models.CharField(_("överordnad kategori"), max_length=100, blank=True)
    counts_crimes = models.BooleanField(
        _("anmälda brott"),
        default=False,
        help_text=_("Sant bara för Brå:s anmälda brott; polishändelser är aldrig brott."),
    )

    class Meta:
        ordering = ["key"]
        verbose_name = _("indikator")
        verbose_name_plural = _("indikatorer")

    def __str__(self) -> str:
        return self.name_sv


RIKET_CODE = "SE"


class Observation(models.Model):
    """indicator × geography × period → value.

    Bulk data is audited per import: `batch` says who wrote the current value from which file,
    and every later change of a value leaves an ObservationRevision with before and after.
    """

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    geo_level = models.CharField(max_length=8, choices=GeoLevel.choices)
    geo_code = models.CharField(
        max_length=40, help_text=_("Kommunkod, länskod, 'SE' eller områdeskod.")
    )
    period_type = models.CharField(max_length=8, choices=PeriodType.choices)
    year = models.PositiveSmallIntegerField()
    period_number = models.PositiveSmallIntegerField(
        default=0, help_text=_("0 för år, 1–4 för kvartal, 1–12 för månad.")
    )
    value = models.FloatField(null=True, blank=True)
    preliminary = models.BooleanField(default=False)
    suppressed = models.BooleanField(default=False)
    source = models.ForeignKey(DataSource, on_delete=models.PROTECT, related_name="+")
    batch = models.ForeignKey("ImportBatch", on_delete=models.PROTECT, related_name="observations")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "indicator",
                    "geo_level",
                    "geo_code",
                    "period_type",
                    "year",
                    "period_number",
                ],
                name="one_observation_per_cell",
            )
        ]
        indexes = [models.Index(fields=["geo_level", "geo_code", "indicator"])]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.geo_code} {self.period_label}: {self.value}"

    @property
    def period_label(self) -> str:
        if self.period_type == PeriodType.QUARTER:
            return f"{self.year} kv. {self.period_number}"
        if self.period_type == PeriodType.MONTH:
            return f"{self.year}-{self.period_number:02d}"
        return str(self.year)


class ImportBatch(AuditedModel):
    """One run of an importer: what file, by whom, what it wrote. Observations point here."""

    kind = models.CharField(_("typ"), max_length=40)
    file_name = models.CharField(_("fil"), max_length=300)
    checksum = models.CharField(_("kontrollsumma"), max_length=64)
    source = models.ForeignKey(DataSource, on_delete=models.PROTECT, related_name="batches")
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    rows_created = models.PositiveIntegerField(default=0)
    rows_updated = models.PositiveIntegerField(default=0)
    rows_unchanged = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("importer")

    def __str__(self) -> str:
        return f"{self.kind}: {self.file_name}"


class ObservationRevision(models.Model):
    """A value an import changed: before, after, and the batch (who, when, which file)."""

    observation = models.ForeignKey(Observation, on_delete=models.CASCADE, related_name="revisions")
    batch = models.ForeignKey(ImportBatch, on_delete=models.PROTECT, related_name="revisions")
    old_value = models.FloatField(null=True)
    new_value = models.FloatField(null=True)
    old_preliminary = models.BooleanField(default=False)
    old_suppressed = models.BooleanField(default=False)

    class Meta:
        ordering = ["batch_id"]

    def __str__(self) -> str:
        return f"{self.observation_id}: {self.old_value} → {self.new_value}"
