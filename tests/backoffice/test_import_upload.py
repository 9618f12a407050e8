"""Uploading local data from the workspace: preview first, write on confirm, nothing on error.

The upload starts a job; the suite runs jobs inside the request that queues them
(settings_test), so the job's page already shows the preview, and the confirmation posts the
job's id (never the file again).
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from forebygg.core.models import Job
from forebygg.stats.models import ImportBatch, Observation
from tests.backoffice.test_personas import client_for
from tests.personas import PERSONA_NAMES

GOOD = (
    "kommun;område;indikator;namn;enhet;period;värde\n"
    "0680;;trygghet-kvall;Känner sig otrygg ute på kvällen;procent;2024;23,5\n"
    "0680;;trygghet-kvall;Känner sig otrygg ute på kvällen;procent;2025;21,0\n"
)


def upload(client, text, name="trygghet.csv"):
    url = reverse("backoffice:import_upload", kwargs={"code": "0680"})
    data = {"kind": "generic", "file": SimpleUploadedFile(name, text.encode("utf-8"))}
    return client.post(url, data, follow=True)


def confirm(client):
    job = Job.objects.get()
    return client.post(reverse("backoffice:import_confirm", kwargs={"code": "0680", "job": job.pk}))


def counts():
    return Observation.objects.count(), ImportBatch.objects.count()


def test_preview_then_confirm_writes_the_kommuns_local_data(client, personas):
    client.force_login(personas.coordinator_a)
    before = counts()

    preview = upload(client, GOOD)

    html = preview.content.decode()
    assert "Förhandsgranskning av trygghet.csv" in html
    assert "2024–2025" in html
    assert counts() == before

    response = confirm(client)

    assert response.status_code == 302
    assert counts() == (before[0] + 2, before[1] + 1)
    values = Observation.objects.filter(indicator__key="lokal.0680.trygghet-kvall")
    assert sorted(values.values_list("year", "value")) == [(2024, 23.5), (2025, 21.0)]
    assert values.first().source.kommun == personas.kommun_a


def test_a_file_with_errors_is_shown_with_line_numbers_and_nothing_is_written(client, personas):
    client.force_login(personas.coordinator_a)
    before = counts()
    bad = GOOD + "0680;;trygghet-kvall;Känner sig otrygg;procent;2023;mycket\n"

    html = upload(client, bad).content.decode()

    assert "inget har lästs in" in html
    assert "Rad 4:" in html
    assert confirm(client).status_code == 302
    assert counts() == before


def test_another_kommuns_file_is_refused(client, personas):
    client.force_login(personas.coordinator_a)
    html = upload(client, GOOD.replace("0680;", "1280;")).content.decode()
    assert "Filen gäller kommunkod 1280" in html


def test_a_coordinator_cannot_upload_official_statistics(client, personas):
    client.force_login(personas.coordinator_a)
    url = reverse("backoffice:import_upload", kwargs={"code": "0680"})
    data = {"kind": "bra-kommun", "file": SimpleUploadedFile("x.csv", b"x")}
    response = client.post(url, data)
    assert "Välj ett giltigt alternativ" in response.content.decode()


@pytest.mark.parametrize("persona", PERSONA_NAMES)
def test_only_the_coordinator_reaches_the_upload(client, personas, persona):
    response = client_for(client, personas, persona).get(
        reverse("backoffice:import_upload", kwargs={"code": "0680"})
    )
    assert response.status_code == {"anonymous": 302, "coordinator_a": 200}.get(persona, 404)
