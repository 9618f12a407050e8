"""Fetch the official files the importers read. Every download URL is in DOWNLOADS, here only.

`forebygg download [kind …] [--to DIR]` saves each file under its file name in DIR (default:
the data directory's downloads/ folder); then `forebygg import <kind> FILE` reads it. Nothing
is fetched anywhere else in the code, and the tests swap DOWNLOADS for a local server.
"""

from __future__ import annotations

import os
import socket
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

TIMEOUT_SECONDS = 60
MAX_BYTES = 500 * 1024 * 1024
USER_AGENT = "Forebygg/1.0 (brottsförebyggande lägesbild; hämtar öppna data)"


@dataclass(frozen=True)
class Download:
    url: str
    file_name: str
    description: str
    note: str = ""


def _kolada_years() -> str:
    return ",".join(str(year) for year in range(2015, date.today().year))


# kind (the importer that reads the file) → where to fetch it and what to call it.
DOWNLOADS: dict[str, Download] = {
    "bra-csv": Download(
        url=(
            "https://bra.se/download/18.3b6b697b19d24d83762a45f/1774625599791/"
            "Anm%C3%A4lda%20brott%20kommunerna%202025.csv"
        ),
        file_name="anmalda_brott_kommuner_2025.csv",
        description="Brå: Anmälda brott i kommunerna 2025",
        note="Brå byter adress varje år; se bra.se (Statistik → Anmälda brott) för nya årgångar.",
    ),
    "scb-jsonstat": Download(
        url=(
            "https://statistikdatabasen.scb.se/api/v2/tables/TAB638/data?lang=sv"
            "&outputFormat=json-stat2&valueCodes[ContentsCode]=BE0101N1"
            "&valueCodes[Tid]=*&valueCodes[Region]=*"
        ),
        file_name="scb_folkmangd_tab638.json",
        description="SCB: folkmängd 31 december per region och år (TAB638, JSON-stat 2.0)",
    ),
    "scb-pxweb-csv": Download(
        url=(
            "https://statistikdatabasen.scb.se/api/v2/tables/TAB638/data?lang=sv"
            "&outputFormat=csv&outputFormatParams=UseCodesAndTexts"
            "&valueCodes[ContentsCode]=BE0101N1&valueCodes[Tid]=*&valueCodes[Region]=*"
        ),
        file_name="scb_folkmangd_tab638.csv",
        description="SCB: folkmängd 31 december per region och år (TAB638, CSV)",
    ),
    "kolada": Download(
        url=f"https://api.kolada.se/v3/data/kpi/N07403/year/{_kolada_years()}",
        file_name="kolada_N07403.json",
        description="Kolada: N07403 Anmälda våldsbrott, antal/100 000 inv",
    ),
    "police-areas": Download(
        url=(
            "https://polisen.se/33a4eb398c9ca7879ac47049931a252f/contentassets/"
            "1f86e17354294629b5b66559eef35972/uso_2025_geojson.zip"
        ),
        file_name="uso_2025_geojson.zip",
        description="Polisen: utsatta områden 2025 (GeoJSON i zip, SWEREF 99 TM)",
        note=(
            "Zip-filen har koordinater i SWEREF 99 TM och ingen kommunkod; den måste packas upp, "
            "räknas om till WGS 84 och få kommun_code innan `forebygg import police-areas` "
            "kan läsa den (se PROVENANCE §8)."
        ),
    ),
}


class DownloadError(Exception):
    """A file could not be fetched; the message says why in Swedish."""


def default_target_dir() -> Path:
    return Path(settings.FOREBYGG_DATA_DIR) / "downloads"


def fetch(kind: str, target_dir: Path, *, timeout: float = TIMEOUT_SECONDS) -> Path:
    """Download one kind's file into target_dir (atomically) and return its path."""
    try:
        spec = DOWNLOADS[kind]
    except KeyError:
        known = ", ".join(sorted(DOWNLOADS))
        raise DownloadError(f"Okänd nedladdning {kind!r}. Välj en av: {known}.") from None
    parts = urlsplit(spec.url)
    if parts.scheme not in ("http", "https"):
        raise DownloadError(f"{kind}: bara http- och https-adresser hämtas, inte {spec.url!r}.")
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / spec.file_name
    request = urllib.request.Request(spec.url, headers={"User-Agent": USER_AGENT})  # noqa: S310
    handle, temporary = tempfile.mkstemp(dir=target_dir, prefix=".hamtar-")
    try:
        # The scheme is checked above; the URL comes from DOWNLOADS, not from a user.
        with (
            os.fdopen(handle, "wb") as out,
            urllib.request.urlopen(request, timeout=timeout) as response,  # noqa: S310
        ):
            size = 0
            while chunk := response.read(1 << 16):
                size += len(chunk)
                if size > MAX_BYTES:
                    raise DownloadError(f"{kind}: filen är större än {MAX_BYTES} byte.")
                out.write(chunk)
        if size == 0:
            raise DownloadError(f"{kind}: servern skickade en tom fil ({spec.url}).")
        os.replace(temporary, target)
    except urllib.error.HTTPError as error:
        raise DownloadError(
            f"{kind}: servern svarade {error.code} ({error.reason}) för {spec.url}. "
            "Adressen kan ha ändrats; uppdatera DOWNLOADS i stats/download.py."
        ) from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise DownloadError(
            f"{kind}: kunde inte ansluta till {parts.hostname} ({_explain(reason)}). "
            f"Är datorn offline? Hämta {spec.url} för hand och lägg filen som "
            f"{target}."
        ) from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return target


def _explain(reason) -> str:
    if isinstance(reason, socket.gaierror):
        return "adressen kunde inte slås upp – ingen nätverksanslutning?"
    if isinstance(reason, ConnectionRefusedError):
        return "anslutningen nekades"
    if isinstance(reason, TimeoutError | socket.timeout):
        return "inget svar inom tidsgränsen"
    return str(reason) or reason.__class__.__name__
