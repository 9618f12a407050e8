"""A coordinator uploads 400 000 rows of local data, watches the check, confirms, and sees the
file written: the web server and the worker run as `make run` starts them (`forebygg serve`,
real processes on a shared SQLite file), and Ctrl+C stops both.

A file this size (17 MB) used to run past the web server's 30 s and end in a bare 500.
"""

import re
import socket
import sqlite3

import pytest

from tests.browser.conftest import assert_accessible
from tests.processes import database_of, environment, interrupt, start, step, wait_for

pytestmark = pytest.mark.browser

ROWS = 400_000
INDICATORS = 223  # × 1 800 months (1951–2100) ≥ 400 000 cells


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def local_data(path):
    months = [(year, month) for year in range(1951, 2101) for month in range(1, 13)]
    with path.open("w", encoding="utf-8") as handle:
        handle.write("kommun;område;indikator;namn;enhet;period;värde\n")
        written = 0
        for index in range(INDICATORS):
            for year, month in months:
                if written == ROWS:
                    return path
                handle.write(f"0680;;ind{index};Indikator {index};antal;{year}-{month:02d};42\n")
                written += 1
    return path


def answers(url: str) -> bool:
    host, port = url.removeprefix("http://").split(":")
    with socket.socket() as probe:
        return probe.connect_ex((host, int(port))) == 0


def shown_number(page, label: str) -> int:
    text = page.locator(f"dt:text-is('{label}') + dd").inner_text()
    digits = re.sub(r"\D", "", text)
    return int(digits or 0)


@pytest.fixture
def server(tmp_path):
    env = environment(tmp_path)
    step(env, "schema")
    url = f"http://127.0.0.1:{free_port()}"
    serve = start(env, "serve", "--bind", url.removeprefix("http://"), "--workers", "2",
                  log=tmp_path / "serve.log")  # fmt: skip
    wait_for(lambda: answers(url), timeout=60, every=0.2, what="the web server")
    yield env, url, serve
    if serve.poll() is None:
        interrupt(serve)


def test_a_large_upload_shows_its_progress_and_is_written_once_confirmed(browser, server, tmp_path):
    env, url, serve = server
    context = browser.new_context(base_url=url, locale="sv-SE")
    page = context.new_page()
    page.csp_violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and page.csp_violations.append(message.text)
        ),
    )
    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill("samordnare")
    page.get_by_label("Lösenord").fill("demo-forebygg-2026")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(re.compile(r"/arbetsyta/$"))

    page.goto("/arbetsyta/0680/import/")
    assert_accessible(page)
    page.get_by_label("Fil", exact=True).set_input_files(str(local_data(tmp_path / "trygghet.csv")))
    page.get_by_role("button", name="Kontrollera filen").click()
    page.wait_for_url(re.compile(r"/import/jobb/[0-9a-f-]+/$"), timeout=120_000)

    status = page.locator(".job-status")
    status.filter(has_text="Läser och kontrollerar filen").wait_for(timeout=120_000)
    wait_for(lambda: 0 < shown_number(page, "Lästa rader") < ROWS, timeout=120, every=0.2,
             what="rows read, part of the file")  # fmt: skip
    assert_accessible(page)

    page.get_by_role("button", name="Läs in").wait_for(timeout=300_000)
    assert shown_number(page, "Kontrollerade rader") == ROWS
    assert shown_number(page, "Rader") == ROWS
    assert_accessible(page)
    page.get_by_role("button", name="Läs in").click()

    done = page.get_by_text("Inläst: 400\u00a0000 nya, 0 ändrade och 0 oförändrade värden.")
    done.wait_for(timeout=300_000)
    assert shown_number(page, "Skrivna rader") == ROWS
    assert_accessible(page)
    context.close()

    with sqlite3.connect(database_of(env)) as db:
        assert db.execute("SELECT count(*) FROM stats_observation").fetchone() == (ROWS,)
    db.close()
    assert list((tmp_path / "uploads").iterdir()) == []
    assert interrupt(serve) == 0
