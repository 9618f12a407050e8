"""Organisations, who belongs to them in which role, and which kommun works with which partner."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from forebygg.core.models import AuditedModel
from forebygg.orgs.enums import OrganisationType, Role

# Organisations that are authorities with their own role in the law, not invited partners.
AUTHORITY_TYPES = {OrganisationType.KOMMUN, OrganisationType.LANSSTYRELSE, OrganisationType.BRA}


# Which organisation types each role may be held in.
ROLE_ORGANISATION_TYPES: dict[str, set[str]] = {
    Role.COORDINATOR: {OrganisationType.KOMMUN},
    Role.KOMMUN_MEMBER: {OrganisationType.KOMMUN},
    Role.PARTNER_MEMBER: set(OrganisationType.values) - AUTHORITY_TYPES,
    Role.COUNTY_OFFICER: {OrganisationType.LANSSTYRELSE},
    Role.NATIONAL_ANALYST: {OrganisationType.BRA},
    Role.SITE_ADMIN: set(OrganisationType.values),
}


class Organisation(AuditedModel):
    name = models.CharField(_("namn"), max_length=200)
    type = models.CharField(_("typ"), max_length=20, choices=OrganisationType.choices)
    home_kommun = models.ForeignKey(
        "geo.Kommun",
        verbose_name=_("hemkommun"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
    )
    home_lan = models.ForeignKey(
        "geo.Lan",
        verbose_name=_("hemlän"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")
        constraints = [
            models.UniqueConstraint(
                fields=["home_kommun"],
                condition=models.Q(type="kommun"),
                name="one_administration_per_kommun",
            ),
            models.UniqueConstraint(
                fields=["home_lan"],
                condition=models.Q(type="lansstyrelse"),
                name="one_lansstyrelse_per_lan",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.type == OrganisationType.KOMMUN and not self.home_kommun_id:
            raise ValidationError({"home_kommun": _("En kommunförvaltning måste ha en hemkommun.")})
        if self.type == OrganisationType.LANSSTYRELSE and not self.home_lan_id:
            raise ValidationError({"home_lan": _("En länsstyrelse måste ha ett hemlän.")})


class Membership(AuditedModel):
    """A person's role in an organisation; a partner member's role holds for one kommun only.

    Access belongs to the kommun relationship, not to the organisation: a member of a police
    area that works with several kommuner sees a kommun's material only where that kommun's
    coordinator invited (or confirmed) the person (`kommun`). Other roles have no `kommun`:
    staff belong to their kommun's administration, county officers to their länsstyrelse.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices)
    kommun = models.ForeignKey(
        "geo.Kommun",
        verbose_name=_("samverkanspart för kommun"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Bara för samverkansparter: kommunen som bjöd in eller bekräftade personen."),
    )

    class Meta:
        verbose_name = _("medlemskap")
        verbose_name_plural = _("medlemskap")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"],
                condition=models.Q(kommun__isnull=True),
                name="unique_membership",
            ),
            models.UniqueConstraint(
                fields=["user", "organisation", "role", "kommun"],
                condition=models.Q(kommun__isnull=False),
                name="unique_partner_membership_per_kommun",
            ),
        ]

    def __str__(self) -> str:
        text = f"{self.user} – {self.organisation} ({self.get_role_display()})"
        return f"{text}, {self.kommun}" if self.kommun_id else text

    def clean(self) -> None:
        allowed = ROLE_ORGANISATION_TYPES[self.role]
        if self.organisation_id and self.organisation.type not in allowed:
            raise ValidationError(
                _("Rollen %(role)s kan inte innehas i en organisation av typen %(type)s.")
                % {"role": self.get_role_display(), "type": self.organisation.get_type_display()}
            )
        if self.role == Role.PARTNER_MEMBER:
            self._clean_partner_kommun()
        elif self.kommun_id:
            raise ValidationError(
                {"kommun": _("Bara en samverkanspart är medlem för en viss kommun.")}
            )

    def _clean_partner_kommun(self) -> None:
        if not self.kommun_id:
            raise ValidationError({"kommun": _("Ange vilken kommun samverkansparten arbetar med.")})
        partners = Partnership.objects.filter(
            kommun_id=self.kommun_id, organisation_id=self.organisation_id
        )
        if not partners.exists():
            raise ValidationError(
                {"kommun": _("Organisationen är inte samverkanspart i den kommunen.")}
            )


class PartnershipQuerySet(models.QuerySet):
    """The kommun's actor registry: its staff read it, its coordinator changes it."""

    def visible_to(self, user) -> "PartnershipQuerySet":
        access = _access_for(user)
        return self if access.is_site_admin else self.filter(kommun_id__in=access.staff_kommun_ids)

    def editable_by(self, user) -> "PartnershipQuerySet":
        return self.filter(kommun_id__in=_access_for(user).coordinator_kommun_ids)

    def in_kommun(self, kommun) -> "PartnershipQuerySet":
        return self.filter(kommun=kommun)


def _access_for(user):
    # access.py computes access from the models in this module, so it is imported when used.
    from forebygg.orgs.access import access_for

    return access_for(user)


class Partnership(AuditedModel):
    """A partner organisation works with a kommun: its members may see what the kommun shares."""

    kommun = models.ForeignKey("geo.Kommun", on_delete=models.CASCADE, related_name="partnerships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="partnerships"
    )
    contribution = models.TextField(_("vad organisationen bidrar med"), blank=True)

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("samverkanspart")
        verbose_name_plural = _("samverkansparter")
        constraints = [
            models.UniqueConstraint(fields=["kommun", "organisation"], name="unique_partnership")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} i {self.kommun}"

    @classmethod
    def kommun_lookup(cls) -> str:
        return "kommun"


class Invitation(AuditedModel):
    """A coordinator invites a person at a partner organisation by an e-mailed link."""

    kommun = models.ForeignKey("geo.Kommun", on_delete=models.CASCADE, related_name="invitations")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-postadress"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    expires_at = models.DateTimeField(_("gäller till"))
    accepted_at = models.DateTimeField(_("accepterad"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("inbjudan")
        verbose_name_plural = _("inbjudningar")

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"
