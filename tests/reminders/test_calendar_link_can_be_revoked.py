"""A new calendar link revokes the old one, and turning the feed off ends it: 404 both."""

import re

from django.test import Client
from django.urls import reverse

from forebygg.reminders.models import CalendarFeed

LINK = re.compile(r'value="(http[^"]+\.ics)"')


def create_link(client) -> str:
    response = client.post(reverse("accounts:calendar_new"), follow=True)
    assert response.status_code == 200
    return LINK.search(response.content.decode()).group(1)


def test_the_new_link_is_shown_once_and_works(world, client):
    client.force_login(world.personas.coordinator_a)

    link = create_link(client)
    again = client.get(reverse("accounts:account")).content.decode()

    assert Client().get(link).status_code == 200
    assert LINK.search(again) is None
    assert (link.rsplit("/", 1)[1] in again) is False


def test_a_new_link_makes_the_old_one_a_404(world, client):
    client.force_login(world.personas.coordinator_a)
    old = create_link(client)

    new = create_link(client)

    assert Client().get(old).status_code == 404
    assert Client().get(new).status_code == 200
    assert CalendarFeed.objects.filter(user=world.personas.coordinator_a).count() == 1


def test_turned_off_the_link_is_a_404(world, client):
    client.force_login(world.personas.coordinator_a)
    link = create_link(client)

    response = client.post(reverse("accounts:calendar_off"))

    assert response.status_code == 302
    assert Client().get(link).status_code == 404
    assert CalendarFeed.objects.filter(user=world.personas.coordinator_a).exists() is False


def test_a_made_up_token_is_a_404(db):
    url = reverse("accounts:calendar_feed", kwargs={"token": "gissat-och-fel"})

    assert Client().get(url).status_code == 404


def test_only_the_hash_of_the_token_is_stored(world, client):
    client.force_login(world.personas.coordinator_a)
    link = create_link(client)

    token = link.rsplit("/", 1)[1].removesuffix(".ics")
    stored = CalendarFeed.objects.get(user=world.personas.coordinator_a).token_hash
    assert (token in stored, len(stored)) == (False, 64)


def test_a_deactivated_accounts_link_is_a_404(world, client):
    client.force_login(world.personas.coordinator_a)
    link = create_link(client)

    world.personas.coordinator_a.is_active = False
    world.personas.coordinator_a.save(update_fields=["is_active"])

    assert Client().get(link).status_code == 404
