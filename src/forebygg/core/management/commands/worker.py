"""forebygg worker: run the background jobs, and the periodic sweep, until stopped.

The jobs are Django tasks in the database queue (django-tasks-db); this command runs its
`db_worker` in the main thread. Beside it, a scheduling loop in a thread of its own queues the
periodic tasks when they are due (the sweep of abandoned uploads every hour), and the worker
runs them like any other task. `make run` starts this command together with the web server
(`forebygg serve`).
"""

import logging
import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections

from forebygg.core.tasks import remove_abandoned_uploads

logger = logging.getLogger(__name__)


def schedule(every: float, stop: threading.Event) -> None:
    """Queue the sweep now and then every `every` seconds, until `stop` is set."""
    while not stop.is_set():
        try:
            remove_abandoned_uploads.enqueue()
        except Exception:  # a locked or unreachable database: try again next time
            logger.exception("Det återkommande städjobbet kunde inte köas")
        finally:
            connections.close_all()
        stop.wait(every)


class Command(BaseCommand):
    help = (
        "Kör bakgrundsjobben (inläsningar av filer) och städar bort uppladdningar som ingen "
        "läst in inom ett dygn. Avsluta med Ctrl+C."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Sekunder mellan kontrollerna när kön är tom (standard 1).",
        )
        parser.add_argument(
            "--sweep-every",
            type=float,
            default=3600.0,
            help="Sekunder mellan städningarna (standard 3600).",
        )
        parser.add_argument(
            "--batch",
            action="store_true",
            help="Kör det som väntar i kön och avsluta sedan (utan städning).",
        )

    def handle(self, *args, interval, sweep_every, batch, **options):
        stop = threading.Event()
        if not batch:
            threading.Thread(
                target=schedule, args=(sweep_every, stop), name="forebygg-schedule", daemon=True
            ).start()
        try:
            call_command(
                "db_worker",
                interval=interval,
                batch=batch,
                reload=False,
                startup_delay=False,
                verbosity=options["verbosity"],
            )
        finally:
            stop.set()
