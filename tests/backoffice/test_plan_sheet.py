"""The measures spreadsheet through the web: export, edit, preview, confirm — all or nothing.

The upload starts a job (run inside the request in the suite); the confirmation posts the
job's id, never the file again.
"""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from forebygg.core.models import Job
from forebygg.plans.domain.planning import save_measure
from forebygg.plans.models import Measure
from tests.plans.conftest import build_chain


def exported_rows(client, url):
    text = client.get(url).content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def as_upload(rows, name="atgarder.csv"):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode("utf-8-sig"), "text/csv")


def test_export_edit_preview_and_confirm_applies_exactly_the_two_changes(client, personas):
    chain = build_chain(personas)
    for title in ("Föräldrastöd", "Belysning"):
        save_measure(chain.plan, by=personas.coordinator_a, title=title, type="social",
                     horizon="lang", causes=[chain.cause])  # fmt: skip
    before = {
        m.key: (m.title, m.horizon, m.method_text) for m in Measure.objects.filter(plan=chain.plan)
    }
    client.force_login(personas.coordinator_a)
    rows = exported_rows(client, reverse("backoffice:plan_export", args=["0680", 1, "csv"]))
    header = rows[0]
    rows[1][header.index("Åtgärd")] = "Grannsamverkan i alla villaområden"
    rows[3][header.index("Tidsperspektiv")] = "Kort sikt"
    url = reverse("backoffice:plan_import", args=["0680", 1])

    preview = client.post(url, {"file": as_upload(rows)}, follow=True)
    assert "Förhandsgranskning: 2 åtgärder ändras, 1 är oförändrade" in preview.content.decode()
    assert Measure.objects.get(plan=chain.plan, key="Å1").title == "Grannsamverkan"

    job = Job.objects.get()
    confirm = client.post(reverse("backoffice:plan_import_confirm", args=["0680", 1, job.pk]))
    assert confirm.status_code == 302
    after = {
        m.key: (m.title, m.horizon, m.method_text) for m in Measure.objects.filter(plan=chain.plan)
    }
    assert after == {
        "Å1": ("Grannsamverkan i alla villaområden", *before["Å1"][1:]),
        "Å2": before["Å2"],
        "Å3": ("Belysning", "kort", before["Å3"][2]),
    }


def test_a_file_with_one_bad_row_is_shown_with_its_line_and_changes_nothing(client, personas):
    chain = build_chain(personas)
    client.force_login(personas.coordinator_a)
    rows = exported_rows(client, reverse("backoffice:plan_export", args=["0680", 1, "csv"]))
    rows[1][rows[0].index("Typ")] = "Blandad"
    response = client.post(reverse("backoffice:plan_import", args=["0680", 1]),
                           {"file": as_upload(rows)}, follow=True)  # fmt: skip
    assert "Rad 2" in response.content.decode()
    assert "Genomför ändringarna" not in response.content.decode()
    assert Measure.objects.get(plan=chain.plan).type == "situationell"


def test_the_export_follows_the_filters_on_screen(client, personas):
    chain = build_chain(personas)
    save_measure(chain.plan, by=personas.coordinator_a, title="Föräldrastöd", type="social",
                 horizon="lang", causes=[chain.cause])  # fmt: skip
    client.force_login(personas.coordinator_a)
    url = reverse("backoffice:plan_export", args=["0680", 1, "csv"]) + "?typ=social"
    assert [row[1] for row in exported_rows(client, url)[1:]] == ["Föräldrastöd"]
