"""The registry, `forebygg import` and `forebygg import-statistics` with every importer."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from forebygg.stats.importers.registry import IMPORTERS, SHIPPED
from tests.stats.importers.support import table_counts, value_of


def test_every_importer_is_registered_with_kind_label_and_parse():
    assert sorted(IMPORTERS) == [
        "bra-csv",
        "bra-kommun",
        "bra-sol",
        "generic",
        "kolada",
        "police-areas",
        "polisen-events",
        "scb-jsonstat",
        "scb-pxweb-csv",
    ]
    for kind, importer in IMPORTERS.items():
        assert kind == importer.KIND
        assert importer.LABEL
        assert callable(importer.parse)


def test_shipped_files_exist_in_the_data_directory():
    assert SHIPPED == [
        ("bra-kommun", "bra_kommun/bra_anmalda_brott_kommun_1996_2025.csv"),
        ("polisen-events", "polisen_handelser/polisen_events_kommun_month.csv"),
        ("police-areas", "polisen_omraden/polisen_utsatta_omraden_2025.geojson"),
    ]
    for _kind, relative in SHIPPED:
        assert (settings.FOREBYGG_DATA_DIR / relative).is_file()


def test_import_command_dry_run_writes_nothing(db, tmp_path):
    path = tmp_path / "lokal.csv"
    path.write_text(
        "kommun;indikator;namn;enhet;period;värde\n0680;incidenter;Incidenter;antal;2024-03;4\n",
        encoding="utf-8",
    )
    before = table_counts()
    out = StringIO()
    call_command("import", "generic", str(path), dry_run=True, stdout=out)
    assert table_counts() == before
    text = out.getvalue()
    assert "lokal.csv: 1 rader, år 2024–2024, 1 kommuner, 1 indikatorer" in text
    assert (
        "Varning: Antal under 10 sparas som skyddade och visas aldrig som tal, rad (1 st): 2."
        in text
    )
    assert "Förhandsgranskning: inget har skrivits." in text
    call_command("import", "generic", str(path), stdout=StringIO())
    assert value_of("lokal.0680.incidenter", "0680", 2024, 3).suppressed is True


def test_import_command_lists_every_error_and_writes_nothing(db, tmp_path):
    path = tmp_path / "lokal.csv"
    path.write_text(
        "kommun;indikator;namn;enhet;period;värde\n0680;a;A;antal;2024;-1\n9999;a;A;antal;2024;1\n",
        encoding="utf-8",
    )
    before = table_counts()
    with pytest.raises(CommandError) as raised:
        call_command("import", "generic", str(path), stdout=StringIO())
    assert str(raised.value).splitlines() == [
        "Filen lästes inte in; inget har ändrats.",
        "Rad 2: värde får inte vara negativt (-1).",
        "Rad 3: okänd kommun '9999' (ange kommunkod, t.ex. 0680).",
    ]
    assert table_counts() == before
