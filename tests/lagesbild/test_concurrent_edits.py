"""Two coordinators editing the same lägesbild: no save silently overwrites the other's work."""

import re
from html import unescape

import pytest
from django.urls import reverse

from forebygg.lagesbild import domain
from forebygg.lagesbild.models import Lagesbild
from forebygg.orgs.domain.authorities import kommun_administration
from forebygg.orgs.domain.memberships import grant_role
from forebygg.orgs.enums import Role
from tests.personas import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(personas):
    return domain.draft_lagesbild(personas.kommun_a, by=personas.coordinator_a)


@pytest.fixture
def second_coordinator(personas):
    user = make_user("anna")
    grant_role(user, kommun_administration(personas.kommun_a), Role.COORDINATOR)
    return user


def section_url(draft, key="analysis"):
    return reverse(
        "backoffice:lagesbild_section",
        kwargs={"code": "0680", "number": draft.number, "key": key},
    )


def open_form(client, user, url) -> str:
    client.force_login(user)
    html = client.get(url).content.decode()
    return re.search(r'name="base" value="([0-9a-f]+)"', html).group(1)


def test_the_second_save_from_a_stale_page_is_refused_and_shows_both_texts(
    client, personas, draft, second_coordinator
):
    url = section_url(draft)
    base_alice = open_form(client, personas.coordinator_a, url)
    base_anna = open_form(client, second_coordinator, url)

    client.force_login(personas.coordinator_a)
    client.post(url, {"text": "Alices analys", "base": base_alice})
    client.force_login(second_coordinator)
    page = client.post(url, {"text": "Annas analys", "base": base_anna}).content.decode()

    assert Lagesbild.objects.get(pk=draft.pk).section_text("analysis") == "Alices analys"
    assert "Någon annan har sparat en ändring medan du skrev." in unescape(page)
    assert "Annas analys</textarea>" in page
    assert "Alices analys" in page.split('id="saved-version"')[1]


def test_after_merging_the_second_writer_saves(client, personas, draft, second_coordinator):
    url = section_url(draft)
    base = open_form(client, second_coordinator, url)
    domain.update_section(draft, key="analysis", text="Alices analys", by=personas.coordinator_a)
    page = client.post(url, {"text": "Annas analys", "base": base}).content.decode()
    merged_base = re.search(r'name="base" value="([0-9a-f]+)"', page).group(1)

    client.post(url, {"text": "Alices och Annas analys", "base": merged_base})

    assert Lagesbild.objects.get(pk=draft.pk).section_text("analysis") == "Alices och Annas analys"


def test_saves_of_different_sections_from_stale_copies_both_survive(personas, draft):
    alice_copy = Lagesbild.objects.get(pk=draft.pk)
    anna_copy = Lagesbild.objects.get(pk=draft.pk)

    domain.update_section(alice_copy, key="analysis", text="Analys", by=personas.coordinator_a)
    domain.update_section(anna_copy, key="context", text="Annat", by=personas.coordinator_a)

    saved = Lagesbild.objects.get(pk=draft.pk)
    assert (saved.section_text("analysis"), saved.section_text("context")) == ("Analys", "Annat")
