"""The method library and the experience bank.

`Method` describes a way of working (GVI, SSPF, trygghetsvandring …). `EvidenceRating` holds
what one registry says about one method for one outcome, in the registry's own scale, plus a
normalised verdict for the warnings. A method without ratings is "ej bedömd": Förebygg never
turns silence into a grade. `Experience` is what a kommun learned from a measure, published
in aggregate so that other kommuner can use it (Brå's erfarenhetsbank, seed 001).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from forebygg.core.models import AuditedModel
from forebygg.methods.enums import Rating, Registry, Verdict
from forebygg.orgs.access import KommunOwnedModel
from forebygg.plans.enums import MeasureType

ADVERSE_VERDICTS = frozenset({Verdict.INEFFECTIVE, Verdict.HARMFUL})
SUPPORTING_VERDICTS = frozenset({Verdict.EFFECTIVE, Verdict.PROMISING})


_GENERIC_SCALE = {
    Rating.EFFECTIVE: Verdict.EFFECTIVE,
    Rating.PROMISING: Verdict.PROMISING,
    Rating.INCONCLUSIVE: Verdict.INCONCLUSIVE,
    Rating.INEFFECTIVE: Verdict.INEFFECTIVE,
    Rating.HARMFUL: Verdict.HARMFUL,
    Rating.NOT_RATED: Verdict.NOT_RATED,
}
SCALES: dict[str, dict[str, str]] = {
    Registry.CRIMESOLUTIONS: {
        Rating.CS_EFFECTIVE: Verdict.EFFECTIVE,
        Rating.CS_PROMISING: Verdict.PROMISING,
        Rating.CS_INEFFECTIVE: Verdict.INEFFECTIVE,
        Rating.CS_NEGATIVE: Verdict.HARMFUL,
        Rating.CS_INCONCLUSIVE: Verdict.INCONCLUSIVE,
    },
    Registry.BLUEPRINTS: {
        Rating.BP_PROMISING: Verdict.PROMISING,
        Rating.BP_MODEL: Verdict.EFFECTIVE,
        Rating.BP_MODEL_PLUS: Verdict.EFFECTIVE,
    },
    # Metodguiden says explicitly that it does not recommend: a description, never a grade.
    Registry.METODGUIDEN: {Rating.MG_DESCRIBED: Verdict.NOT_RATED},
    Registry.UK_TOOLKIT: _GENERIC_SCALE,
    Registry.OTHER: _GENERIC_SCALE,
}


def verdict_for(registry: str, rating: str) -> str:
    """The normalised verdict of a registry's rating; a rating outside its scale is refused."""
    try:
        return SCALES[registry][rating]
    except KeyError:
        raise ValidationError(
            _("Bedömningen hör inte till registrets skala."), code="rating_outside_scale"
        ) from None


class Method(AuditedModel):
    """One entry of the library, maintained by Brå's analysts and the site admins."""

    slug = models.SlugField(_("kortnamn i adressen"), max_length=80, unique=True)
    name = models.CharField(_("namn"), max_length=200)
    other_names = models.CharField(_("andra namn"), max_length=200, blank=True)
    summary = models.TextField(_("kort beskrivning"))
    kind = models.CharField(_("typ"), max_length=14, choices=MeasureType.choices)
    target_group = models.TextField(_("målgrupp"), blank=True)
    risk_factors = models.TextField(_("riskfaktorer som påverkas"), blank=True)
    protective_factors = models.TextField(_("skyddsfaktorer som stärks"), blank=True)
    mechanism = models.TextField(_("verkningsmekanism"), blank=True)
    implementation = models.TextField(_("vad genomförandet kräver"), blank=True)
    cost = models.TextField(_("kostnad"), blank=True)
    swedish_notes = models.TextField(_("i Sverige"), blank=True)
    data_protection = models.TextField(_("uppgifter som aldrig förs in i Förebygg"), blank=True)
    sources = models.TextField(
        _("källor"), help_text=_("Varifrån varje uppgift kommer, en källa per rad.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("metod")
        verbose_name_plural = _("metoder")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("public:method", kwargs={"slug": self.slug})

    def source_lines(self) -> list[str]:
        return [line.strip() for line in self.sources.splitlines() if line.strip()]

    # The three below read `ratings.all()`, so a prefetch serves a whole list of methods.

    def adverse_ratings(self) -> list["EvidenceRating"]:
        return [rating for rating in self.ratings.all() if rating.verdict in ADVERSE_VERDICTS]

    def supporting_ratings(self) -> list["EvidenceRating"]:
        return [rating for rating in self.ratings.all() if rating.verdict in SUPPORTING_VERDICTS]

    def is_rated(self) -> bool:
        return any(rating.verdict != Verdict.NOT_RATED for rating in self.ratings.all())


class EvidenceRating(AuditedModel):
    """What one registry says about one method for one outcome (CrimeSolutions rates per
    outcome since 2025), with the date and the link, so a reader can check it."""

    method = models.ForeignKey(Method, on_delete=models.CASCADE, related_name="ratings")
    registry = models.CharField(_("register"), max_length=16, choices=Registry.choices)
    rating = models.CharField(_("bedömning"), max_length=16, choices=Rating.choices)
    rating_text = models.CharField(
        _("registrets egen formulering"),
        max_length=200,
        blank=True,
        help_text=_("Ordagrant som registret skriver, om det skiljer sig från valet ovan."),
    )
    verdict = models.CharField(
        _("sammanfattande bedömning"), max_length=14, choices=Verdict.choices, editable=False
    )
    outcome = models.CharField(
        _("utfall"),
        max_length=200,
        blank=True,
        help_text=_("Vilket utfall bedömningen gäller, t.ex. återfall i brott."),
    )
    population = models.CharField(_("population"), max_length=200, blank=True)
    rated_on = models.DateField(_("bedömningens datum"), null=True, blank=True)
    url = models.URLField(_("länk till registret"), max_length=500, blank=True)
    source_note = models.TextField(
        _("källa för uppgiften"), help_text=_("Var uppgiften om bedömningen kommer ifrån.")
    )

    class Meta:
        ordering = ["method", "registry", "outcome", "population"]
        verbose_name = _("effektbedömning")
        verbose_name_plural = _("effektbedömningar")
        constraints = [
            models.UniqueConstraint(
                fields=["method", "registry", "outcome", "population"],
                name="one_rating_per_registry_outcome_population",
            )
        ]

    def __str__(self) -> str:
        return f"{self.method}: {self.get_registry_display()} – {self.get_rating_display()}"

    def clean(self) -> None:
        super().clean()
        verdict_for(self.registry, self.rating)

    def save(self, *args, **kwargs):
        self.verdict = verdict_for(self.registry, self.rating)
        super().save(*args, **kwargs)

    @property
    def shown_rating(self) -> str:
        return self.rating_text or str(self.get_rating_display())

    @property
    def outcome_label(self) -> str:
        return self.outcome or str(_("utfall inte angivet i källan"))


class Experience(KommunOwnedModel):
    """What a kommun did about a problem and what came of it, in aggregate only.

    The contact is the kommun's coordination function, never a named person: the public page
    shows the function the kommun has published.
    """

    title = models.CharField(_("rubrik"), max_length=200)
    measure = models.ForeignKey(
        "plans.Measure",
        verbose_name=_("åtgärd i planen"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="experiences",
    )
    method = models.ForeignKey(
        Method,
        verbose_name=_("metod"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="experiences",
    )
    problem = models.ForeignKey(
        "plans.Problem",
        verbose_name=_("problem i kommunens analys"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="experiences",
    )
    problem_text = models.CharField(_("problem som åtgärden riktades mot"), max_length=300)
    what_was_done = models.TextField(_("vad som gjordes"), blank=True)
    results = models.TextField(_("resultat"), blank=True)
    result_indicator = models.CharField(_("vad som mättes"), max_length=200, blank=True)
    value_before = models.FloatField(_("värde före"), null=True, blank=True)
    value_after = models.FloatField(_("värde efter"), null=True, blank=True)
    unit = models.CharField(_("enhet"), max_length=60, blank=True)
    period_before = models.CharField(_("period före"), max_length=60, blank=True)
    period_after = models.CharField(_("period efter"), max_length=60, blank=True)
    lessons = models.TextField(_("lärdomar"), blank=True)
    published_at = models.DateTimeField(_("publicerad"), null=True, blank=True)

    class Meta:
        ordering = ["-published_at", "title", "pk"]
        verbose_name = _("erfarenhet")
        verbose_name_plural = _("erfarenheter")

    def __str__(self) -> str:
        return self.title

    @property
    def has_values(self) -> bool:
        return self.value_before is not None and self.value_after is not None
