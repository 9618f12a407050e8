"""forebygg serve: the web server (gunicorn) and the background worker as one command.

`make run` ends with it. Both run as children in this process's group: Ctrl+C reaches all of
them, and this command waits until both have stopped. If either stops on its own, the other is
stopped too and the command ends with an error, so a server never runs without its worker.
"""

import signal
import subprocess
import sys
import time

from django.core.management.base import BaseCommand, CommandError

GRACE_SECONDS = 20
CLI = [sys.executable, "-c", "from forebygg.cli import main; main()"]


class Command(BaseCommand):
    help = "Startar webbservern och bakgrundsprocessen tillsammans; Ctrl+C stoppar båda."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000", help="Adress och port.")
        parser.add_argument("--workers", type=int, default=3, help="Antal webbprocesser.")

    def handle(self, *args, bind, workers, **options):
        commands = {
            "webbservern": [
                sys.executable, "-m", "gunicorn", "forebygg.wsgi", "--bind", bind,
                "--workers", str(workers), "--access-logfile", "-", "--error-logfile", "-",
            ],
            "bakgrundsprocessen": [*CLI, "worker"],
        }  # fmt: skip
        # Our own interpreter and arguments, never input from a request.
        children = {name: subprocess.Popen(command) for name, command in commands.items()}  # noqa: S603
        stopping = []

        def stop(signum, frame):
            stopping.append(signum)

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        while not stopping and all(child.poll() is None for child in children.values()):
            time.sleep(0.2)
        ended = [name for name, child in children.items() if child.poll() not in (None, 0)]
        _stop_all(children.values())
        if ended and not stopping:
            raise CommandError(f"{', '.join(ended).capitalize()} stannade; allt är stoppat.")


def _stop_all(children) -> None:
    for child in children:
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + GRACE_SECONDS
    for child in children:
        try:
            child.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
