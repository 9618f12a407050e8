from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MethodsConfig(AppConfig):
    name = "forebygg.methods"
    verbose_name = _("Metodbibliotek och erfarenhetsbank")
