"""Several connections writing at once: the database they share and the ways to start them.

Each call runs on a thread of its own, so it gets a connection of its own, as two requests do
on a served site. The rows they work on must be committed: such a test carries the mark
`COMMITTED` and asks for the fixture `committed_database` (tests/conftest.py).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction

# On PostgreSQL the rows are committed and the tables emptied afterwards. On SQLite the test
# works on a file copy of its own (`sqlite_file_connections`), so the in-memory test database keeps
# its usual rollback and its reference data.
COMMITTED = pytest.mark.django_db(transaction=connection.vendor != "sqlite")
WON = "vann"
LOST = "nekad"


@dataclass
class Outcome:
    result: str  # WON, LOST, or the name of an unexpected error
    message: str = ""
    finished_at: float = 0.0
    committed_at: float = 0.0


def outcome_of(call: Callable[[], object]) -> Outcome:
    try:
        call()
    except ValidationError as refused:
        return Outcome(LOST, " ".join(refused.messages), finished_at=time.monotonic())
    except Exception as error:  # a server error is what the race tests look for
        return Outcome(type(error).__name__, str(error), finished_at=time.monotonic())
    return Outcome(WON, finished_at=time.monotonic())


def _on_own_connection(target: Callable[[], None]) -> threading.Thread:
    def run() -> None:
        try:
            target()
        finally:
            connection.close()

    return threading.Thread(target=run)


def _run_all(threads: list[threading.Thread]) -> None:
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a writer is still waiting"


def at_once(*calls: Callable[[], object]) -> list[Outcome]:
    """Release every call at the same moment, each on its own connection."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[Outcome | None] = [None] * len(calls)

    def runner(index: int, call: Callable[[], object]) -> Callable[[], None]:
        def run() -> None:
            barrier.wait(timeout=30)
            outcomes[index] = outcome_of(call)

        return run

    _run_all([_on_own_connection(runner(i, call)) for i, call in enumerate(calls)])
    return outcomes


def second_while_first_is_open(
    first: Callable[[], object], second: Callable[[], object], *, hold: float = 0.5
) -> tuple[Outcome, Outcome]:
    """`first` makes its change and keeps its transaction open; `second` starts meanwhile.

    Whatever `second` read before (its page) is stale by the time it may write: it has to wait
    for `first` to commit and then decide on what is stored.
    """
    first_done = threading.Event()
    outcomes: dict[str, Outcome] = {}

    def run_first() -> None:
        try:
            with transaction.atomic():
                outcomes["first"] = outcome_of(first)
                first_done.set()
                time.sleep(hold)
            outcomes["first"].committed_at = time.monotonic()
        finally:
            first_done.set()

    def run_second() -> None:
        first_done.wait(timeout=30)
        outcomes["second"] = outcome_of(second)

    _run_all([_on_own_connection(run_first), _on_own_connection(run_second)])
    return outcomes["first"], outcomes["second"]


def save_sqlite_copy(path: Path) -> None:
    """Write the in-memory test database to a file; no transaction may be open on it."""
    memory = connections["default"]
    assert not memory.in_atomic_block
    memory.ensure_connection()
    target = sqlite3.connect(path)
    try:
        memory.connection.backup(target)
    finally:
        target.close()


@contextmanager
def sqlite_file_connections(path: Path) -> Iterator[None]:
    """Point every connection of the test, on any thread, at the SQLite file `path`.

    In memory, connections share one cache and a lock held by one fails the other at once;
    a served site has a file, where the other waits. The in-memory connection is kept aside
    with its own name, because closing an in-memory database throws it away.
    """
    shared = connections.settings["default"]  # the entry each new thread's connection reads
    memory = connections["default"]
    memory_name = shared["NAME"]
    memory.settings_dict = {**shared}
    shared["NAME"] = str(path)
    connections["default"] = memory.__class__(shared, "default")
    try:
        yield
    finally:
        connections["default"].close()
        shared["NAME"] = memory_name
        memory.settings_dict = shared
        connections["default"] = memory
