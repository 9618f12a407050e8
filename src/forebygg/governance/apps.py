from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "forebygg.governance"
    verbose_name = _("Samverkan, styrning och lagkrav")
