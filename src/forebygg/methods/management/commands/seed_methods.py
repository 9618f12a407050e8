"""forebygg seed-methods: load the method library's starting content (safe to run again)."""

from django.core.management.base import BaseCommand

from forebygg.methods.domain.library import seed_method_library


class Command(BaseCommand):
    help = "Lägger in metodbibliotekets grunddata som saknas. Ändrar aldrig befintliga metoder."

    def handle(self, *args, **options):
        result = seed_method_library()
        self.stdout.write(
            f"Metodbiblioteket: tillagda metoder {result.methods_added}, "
            f"tillagda effektbedömningar {result.ratings_added}."
        )
