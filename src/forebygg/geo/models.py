"""Sweden's administrative geography: 21 län, 290 kommuner, SKR kommungrupper and population."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from forebygg.core.models import AuditedModel
from forebygg.geo.enums import AreaKind


class Lan(AuditedModel):
    code = models.CharField(_("länskod"), max_length=2, unique=True)
    name = models.CharField(_("namn"), max_length=100)
    short_name = models.CharField(_("kortnamn"), max_length=100)
    geometry = models.JSONField(_("gräns (GeoJSON, EPSG:4326)"), null=True, blank=True)
    svg_path = models.TextField(_("gräns som SVG-väg"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("län")
        verbose_name_plural = _("län")

    def __str__(self) -> str:
        return self.name


class Kommun(AuditedModel):
    code = models.CharField(_("kommunkod"), max_length=4, unique=True)
    name = models.CharField(_("namn"), max_length=100)
    short_name = models.CharField(_("kortnamn"), max_length=100)
    lan = models.ForeignKey(Lan, on_delete=models.PROTECT, related_name="kommuner")
    geometry = models.JSONField(_("gräns (GeoJSON, EPSG:4326)"), null=True, blank=True)
    svg_path = models.TextField(_("gräns som SVG-väg"), blank=True)

    class Meta:
        ordering = ["short_name"]
        verbose_name = _("kommun")
        verbose_name_plural = _("kommuner")

    def __str__(self) -> str:
        return self.short_name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("public:kommun", kwargs={"code": self.code})


class KommunGroup(AuditedModel):
    """One of SKR's nine kommungrupper in a given version of the classification."""

    version = models.PositiveSmallIntegerField(_("version"))
    code = models.CharField(_("kod"), max_length=2)
    name = models.CharField(_("namn"), max_length=100)
    main_group_code = models.CharField(_("huvudgrupp"), max_length=1)
    main_group_name = models.CharField(_("huvudgruppens namn"), max_length=100)
    source = models.ForeignKey("stats.DataSource", on_delete=models.PROTECT)

    class Meta:
        ordering = ["version", "code"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="unique_group_per_version")
        ]
        verbose_name = _("kommungrupp")
        verbose_name_plural = _("kommungrupper")

    def __str__(self) -> str:
        return f"{self.code} {self.name} ({self.version})"


class KommunGroupMembership(AuditedModel):
    kommun = models.ForeignKey(Kommun, on_delete=models.CASCADE, related_name="group_memberships")
    version = models.PositiveSmallIntegerField(_("version"))
    group = models.ForeignKey(KommunGroup, on_delete=models.CASCADE, related_name="memberships")

    class Meta:
        ordering = ["kommun", "version"]
        constraints = [
            models.UniqueConstraint(fields=["kommun", "version"], name="one_group_per_version")
        ]
        verbose_name = _("kommungruppstillhörighet")
        verbose_name_plural = _("kommungruppstillhörigheter")


class Population(AuditedModel):
    """Folkmängd 31 december `year`. Only years that exist in a source; never interpolated."""

    kommun = models.ForeignKey(Kommun, on_delete=models.CASCADE, related_name="populations")
    year = models.PositiveSmallIntegerField(_("år"))
    population = models.PositiveIntegerField(_("folkmängd"))
    women = models.PositiveIntegerField(_("kvinnor"), null=True, blank=True)
    men = models.PositiveIntegerField(_("män"), null=True, blank=True)
    source = models.ForeignKey("stats.DataSource", on_delete=models.PROTECT)

    class Meta:
        ordering = ["kommun", "year"]
        constraints = [
            models.UniqueConstraint(fields=["kommun", "year"], name="one_population_per_year")
        ]
        verbose_name = _("folkmängd")
        verbose_name_plural = _("folkmängd")


POLICE_AREA_KINDS = (AreaKind.UTSATT, AreaKind.RISK, AreaKind.SARSKILT_UTSATT)


class Area(AuditedModel):
    """A part of a kommun: a police-designated area of a given list year, or a local district."""

    code = models.SlugField(_("kod"), max_length=120, unique=True)
    name = models.CharField(_("namn"), max_length=200)
    kind = models.CharField(_("typ"), max_length=10, choices=AreaKind.choices)
    kommun = models.ForeignKey(Kommun, on_delete=models.PROTECT, related_name="areas")
    list_year = models.PositiveSmallIntegerField(_("listans år"), null=True, blank=True)
    designated_since = models.DateField(_("klassad sedan"), null=True, blank=True)
    police_place_label = models.CharField(_("polisens ortsangivelse"), max_length=100, blank=True)
    kommun_assignment = models.CharField(_("hur kommunen bestämdes"), max_length=60, blank=True)
    geometry = models.JSONField(_("gräns (GeoJSON, EPSG:4326)"), null=True, blank=True)
    svg_path = models.TextField(_("gräns som SVG-väg"), blank=True)
    source = models.ForeignKey("stats.DataSource", on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        ordering = ["kommun", "name"]
        verbose_name = _("område")
        verbose_name_plural = _("områden")

    def __str__(self) -> str:
        return self.name
