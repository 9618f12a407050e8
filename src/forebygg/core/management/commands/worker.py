"""forebygg worker: run the background jobs, and the periodic tasks, until stopped.

The jobs are Django tasks in the database queue (django-tasks-db); this command runs its
`db_worker` in the main thread. Beside it, a scheduling loop in a thread of its own queues the
periodic tasks when they are due (`core.periodic`: the sweep of abandoned uploads every hour,
the reminder e-mails once a day from 06:00), and the worker runs them like any other task.
`make run` starts this command together with the web server (`forebygg serve`).
"""

import logging
import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections
from django.utils import timezone

from forebygg.core import periodic

logger = logging.getLogger(__name__)


def schedule(every: float, stop: threading.Event) -> None:
    """Queue the periodic tasks due now and then every `every` seconds, until `stop` is set."""
    daily_last_queued = None
    while not stop.is_set():
        now = timezone.localtime()
        daily = periodic.daily_due(now, last_queued=daily_last_queued)
        if queue(periodic.HOURLY + (periodic.DAILY if daily else [])) and daily:
            daily_last_queued = now.date()
        stop.wait(every)


def queue(tasks: list) -> bool:
    """Queue each task; False if the database refused (it is tried again at the next tick)."""
    try:
        for task in tasks:
            task.enqueue()
    except Exception:  # a locked or unreachable database: try again next time
        logger.exception("De återkommande jobben kunde inte köas")
        return False
    finally:
        connections.close_all()
    return True


class Command(BaseCommand):
    help = (
        "Kör bakgrundsjobben (inläsningar av filer), städar bort uppladdningar som ingen "
        "läst in inom ett dygn och skickar påminnelserna en gång om dagen. Avsluta med Ctrl+C."
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
            help="Sekunder mellan städningarna, då även dagens påminnelser köas om det är dags "
            "(standard 3600).",
        )
        parser.add_argument(
            "--batch",
            action="store_true",
            help="Kör det som väntar i kön och avsluta sedan (utan städning och påminnelser).",
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
