from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "forebygg.plans"
    verbose_name = _("Problem, åtgärdsplan och uppföljning")

    def ready(self) -> None:
        from forebygg.plans.jobs import register_jobs

        register_jobs()
