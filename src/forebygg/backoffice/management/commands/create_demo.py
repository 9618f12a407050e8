"""forebygg create-demo: demo logins for a first look (never run in production)."""

import os

from django.core.management.base import BaseCommand, CommandError

from forebygg.backoffice.demo import create_demo
from forebygg.geo.models import Kommun

DEFAULT_DEMO_PASSWORD = "demo-forebygg-2026"


class Command(BaseCommand):
    help = "Skapar demoinloggningar: samordnare i Jönköping, länsstyrelsen och Brå."

    def handle(self, *args, **options):
        if not Kommun.objects.exists():
            raise CommandError("Kör först: forebygg import-reference")
        password = os.environ.get("FOREBYGG_DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD)
        logins = create_demo(password=password)
        self.stdout.write(self.style.SUCCESS(f"Demoinloggningar (lösenord för alla: {password}):"))
        for login in logins:
            self.stdout.write(f"  {login.username:<14} {login.role} – {login.organisation}")
