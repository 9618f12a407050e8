from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OversightConfig(AppConfig):
    name = "forebygg.oversight"
    verbose_name = _("Länsstyrelsens och Brå:s översikter")
