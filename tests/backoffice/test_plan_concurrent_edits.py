"""Two coordinators on the same plan's pages: the stale save is refused, shown and mergeable."""

import re
from html import unescape

import pytest
from django.urls import reverse

from forebygg.core.models import Job
from forebygg.orgs.domain.authorities import kommun_administration
from forebygg.orgs.domain.memberships import grant_role
from forebygg.orgs.enums import Role
from forebygg.plans.domain.planning import save_measure
from forebygg.plans.models import Measure
from tests.backoffice.test_plan_sheet import as_upload, exported_rows
from tests.personas import make_user
from tests.plans.conftest import build_chain

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(personas):
    return build_chain(personas)


@pytest.fixture
def anna(personas):
    user = make_user("anna")
    grant_role(user, kommun_administration(personas.kommun_a), Role.COORDINATOR)
    return user


def edit_url(chain):
    return reverse("backoffice:measure_edit", args=["0680", chain.plan.number, chain.measure.key])


def opened_form(client, user, url) -> dict:
    """The form's fields as the browser would send them back unchanged."""
    client.force_login(user)
    form = client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields}
    return {name: value for name, value in data.items() if value is not None}


def post_as(client, user, url, data):
    client.force_login(user)
    return client.post(url, data)


def test_the_second_save_is_refused_with_both_values_side_by_side(client, personas, chain, anna):
    url = edit_url(chain)
    alice_form = opened_form(client, personas.coordinator_a, url)
    anna_form = opened_form(client, anna, url)

    post_as(client, personas.coordinator_a, url, {**alice_form, "title": "Alices rubrik"})
    response = post_as(client, anna, url, {**anna_form, "title": "Annas rubrik",
                                           "description": "Annas genomförande"})  # fmt: skip
    page = unescape(response.content.decode())

    assert response.status_code == 200
    assert Measure.objects.get(pk=chain.measure.pk).title == "Alices rubrik"
    assert "Någon annan har sparat en ändring i åtgärden medan du arbetade." in page
    saved = page.split('id="saved-version"')[1].split("</table>")[0]
    assert re.search(r"Åtgärd</th><td[^>]*>Annas rubrik</td><td[^>]*>Alices rubrik</td>", saved)
    assert "Annas genomförande" in saved
    assert response.context["form"]["title"].value() == "Annas rubrik"


def test_the_merged_values_save_on_the_second_try(client, personas, chain, anna):
    url = edit_url(chain)
    anna_form = opened_form(client, anna, url)
    save_measure(chain.plan, by=personas.coordinator_a, measure=chain.measure,
                 title="Alices rubrik", type="social", horizon="kort")  # fmt: skip
    refused = post_as(client, anna, url, {**anna_form, "title": "Annas rubrik"})
    merged = {**anna_form, "title": "Alices och Annas rubrik", "type": "social",
              "base": refused.context["form"]["base"].value()}  # fmt: skip

    response = client.post(url, merged)

    assert response.status_code == 302
    saved = Measure.objects.get(pk=chain.measure.pk)
    assert (saved.title, saved.type) == ("Alices och Annas rubrik", "social")


def test_two_saves_from_one_freshly_opened_page_each_go_through(client, personas, chain):
    url = edit_url(chain)
    form = opened_form(client, personas.coordinator_a, url)
    client.post(url, {**form, "title": "Första"})
    form = opened_form(client, personas.coordinator_a, url)

    assert client.post(url, {**form, "title": "Andra"}).status_code == 302
    assert Measure.objects.get(pk=chain.measure.pk).title == "Andra"


def test_a_sheet_confirmed_after_someone_else_edited_a_measure_is_shown_again(
    client, personas, chain
):
    client.force_login(personas.coordinator_a)
    rows = exported_rows(client, reverse("backoffice:plan_export", args=["0680", 1, "csv"]))
    rows[1][rows[0].index("Tidsperspektiv")] = "Lång sikt"
    url = reverse("backoffice:plan_import", args=["0680", 1])
    client.post(url, {"file": as_upload(rows)}, follow=True)
    job = Job.objects.get()
    save_measure(chain.plan, by=personas.coordinator_a, measure=chain.measure,
                 title="Ändrad i formuläret", type="situationell", horizon="kort")  # fmt: skip

    confirm = reverse("backoffice:plan_import_confirm", args=["0680", 1, job.pk])
    response = client.post(confirm, follow=True)

    assert response.status_code == 200
    assert Measure.objects.get(pk=chain.measure.pk).horizon == "kort"
    page = unescape(response.content.decode())
    assert "Någon har ändrat planens åtgärder sedan du förhandsgranskade filen." in page
    assert "Ändrad i formuläret" in page  # the sheet's title would now undo the other edit
    assert client.post(confirm).status_code == 302
    assert Measure.objects.get(pk=chain.measure.pk).horizon == "lang"
