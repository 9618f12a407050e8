"""forebygg download: every URL in one table; tests serve fixtures from 127.0.0.1 only."""

import socket
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import CommandError, call_command

from forebygg.stats import download
from forebygg.stats.domain import preview_file
from forebygg.stats.importers.registry import IMPORTERS

BRA_FILE = "\ufeffKommun;Antal;Per 100 000 inv.\r\nAle;2731;8547\r\n".encode()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def server(tmp_path, monkeypatch):
    """A local HTTP server on 127.0.0.1 (port 0) serving tmp_path/served; yields its base URL."""
    for name in (
        "http_proxy",
        "https_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
    ):
        monkeypatch.delenv(name, raising=False)
    served = tmp_path / "served"
    served.mkdir()
    (served / "bra.csv").write_bytes(BRA_FILE)
    (served / "kolada.json").write_text('{"values": []}', encoding="utf-8")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(served)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def use_table(monkeypatch, **entries):
    table = {
        kind: download.Download(url=url, file_name=file_name, description=f"test {kind}")
        for kind, (url, file_name) in entries.items()
    }
    monkeypatch.setattr(download, "DOWNLOADS", table)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_downloads_into_the_target_directory_and_the_file_imports(
    db, server, tmp_path, monkeypatch
):
    use_table(
        monkeypatch,
        **{
            "bra-csv": (f"{server}/bra.csv", "anmalda_brott_kommuner_2024.csv"),
            "kolada": (f"{server}/kolada.json", "kolada_N07403.json"),
        },
    )
    target = tmp_path / "out"
    out = StringIO()
    call_command("download", "bra-csv", to=target, stdout=out)
    saved = target / "anmalda_brott_kommuner_2024.csv"
    assert saved.read_bytes() == BRA_FILE
    assert sorted(path.name for path in target.iterdir()) == ["anmalda_brott_kommuner_2024.csv"]
    assert f"Läs in med: forebygg import bra-csv {saved}" in out.getvalue()
    preview = preview_file("bra-csv", saved.read_bytes(), file_name=saved.name)
    assert (preview.errors, len(preview.rows)) == ([], 2)
    call_command("download", to=target, stdout=StringIO())
    assert sorted(path.name for path in target.iterdir()) == [
        "anmalda_brott_kommuner_2024.csv",
        "kolada_N07403.json",
    ]


def test_a_missing_file_is_a_clear_error(db, server, tmp_path, monkeypatch):
    use_table(monkeypatch, kolada=(f"{server}/finns-inte.json", "kolada.json"))
    target = tmp_path / "out"
    with pytest.raises(CommandError) as raised:
        call_command("download", "kolada", to=target, stdout=StringIO())
    assert f"kolada: servern svarade 404 (File not found) för {server}/finns-inte.json." in str(
        raised.value
    )
    assert list(target.iterdir()) == []


def test_offline_is_a_clear_swedish_error_and_nothing_is_left_behind(db, tmp_path, monkeypatch):
    url = f"http://127.0.0.1:{closed_port()}/bra.csv"
    use_table(monkeypatch, **{"bra-csv": (url, "anmalda_brott_kommuner_2024.csv")})
    with pytest.raises(CommandError) as raised:
        call_command("download", "bra-csv", to=tmp_path, stdout=StringIO())
    message = str(raised.value)
    assert (
        "bra-csv: kunde inte ansluta till 127.0.0.1 (anslutningen nekades). Är datorn offline?"
        in message
    )
    assert (
        f"Hämta {url} för hand och lägg filen som {tmp_path / 'anmalda_brott_kommuner_2024.csv'}."
        in message
    )
    assert list(tmp_path.iterdir()) == []


def test_unknown_kind(db, tmp_path, monkeypatch):
    use_table(monkeypatch, kolada=("http://127.0.0.1:1/x", "x.json"))
    with pytest.raises(CommandError) as raised:
        call_command("download", "brå", to=tmp_path, stdout=StringIO())
    assert str(raised.value) == "Okänd typ: brå. Välj bland: kolada."


def test_the_real_url_table_is_https_and_names_known_importers():
    assert sorted(download.DOWNLOADS) == [
        "bra-csv",
        "kolada",
        "police-areas",
        "scb-jsonstat",
        "scb-pxweb-csv",
    ]
    for kind, spec in download.DOWNLOADS.items():
        assert kind in IMPORTERS
        assert urlsplit(spec.url).scheme == "https"
        assert "/" not in spec.file_name
    out = StringIO()
    call_command("download", list=True, stdout=out)
    assert out.getvalue().count("https://") == 5
