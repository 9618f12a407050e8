"""Where every number comes from."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from forebygg.core.models import AuditedModel


class SourceStatus(models.TextChoices):
    OFFICIAL = "official", _("Officiell statistik")
    OFFICIAL_AGGREGATED = "official_aggregated", _("Summa av officiella värden")
    DERIVED = "derived", _("Härledd (ej officiell statistik)")


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

    class Meta:
        ordering = ["key"]
        verbose_name = _("datakälla")
        verbose_name_plural = _("datakällor")

    def __str__(self) -> str:
        return self.name
