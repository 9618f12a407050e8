"""The daily run e-mails kommun A's staff one message with every kind of reminder in it."""

from datetime import timedelta

from django.core import mail
from django.urls import reverse

from forebygg.reminders.domain.sending import send_reminders

A = "0680"


def bullets(message) -> list[str]:
    return [line for line in message.body.splitlines() if line.startswith("– ")]


def html_of(message) -> str:
    [(html, mime)] = message.alternatives
    assert mime == "text/html"
    return html


def test_each_kind_is_in_the_coordinators_email(world):
    sent = send_reminders(today=world.today)

    message = {m.to[0]: m for m in mail.outbox}["alice@example.se"]
    in_30_days = (world.today + timedelta(days=30)).isoformat()
    assert sent == 4  # alice and agnes of A; Värnamo's nils and nora get their own
    assert message.subject == "Förebygg: 5 påminnelser"
    assert bullets(message) == [
        f"– Jönköpings kommun: Lägesbilden (version 1) ska vara uppdaterad senast {in_30_days} "
        "(§ 6). Om 30 dagar.",
        f"– Jönköpings kommun: Åtgärdsplanen (version 1) ska vara uppföljd senast {in_30_days} "
        "(§ 6). Om 30 dagar.",
        "– Jönköpings kommun: Överenskommelsen ”Samverkansöverenskommelse 2026–2028” gäller "
        f"till och med {world.agreement.valid_until.isoformat()}. Om 5 dagar.",
        f"– Jönköpings kommun: Länsstyrelsen återförvisade årsredovisningen för "
        f"{world.report.year} den {world.today.isoformat()}.",
        "– Jönköpings kommun: Beslutet ”Ta fram en ny trygghetsmätning” från mötet "
        f"{world.meeting.held_on.isoformat()} skulle vara klart "
        f"{world.decision.due_on.isoformat()}.",
    ]


def test_the_links_are_absolute_and_lead_to_each_page(world, settings):
    settings.FOREBYGG_BASE_URL = "https://forebygg.example.se"
    send_reminders(today=world.today)

    message = {m.to[0]: m for m in mail.outbox}["alice@example.se"]
    links = [line.strip() for line in message.body.splitlines() if line.startswith("  https://")]
    pages = [
        reverse("backoffice:lagesbild_index", kwargs={"code": A}),
        reverse("backoffice:follow_up", kwargs={"code": A, "number": world.plan.number}),
        reverse("backoffice:agreement", kwargs={"code": A, "pk": world.agreement.pk}),
        reverse("backoffice:yearly_report", kwargs={"code": A, "year": world.report.year}),
        reverse("backoffice:meeting", kwargs={"code": A, "pk": world.meeting.pk}),
    ]
    assert links == ["https://forebygg.example.se" + page for page in pages]
    html = html_of(message)
    assert [link in html for link in links] == [True] * 5
    assert message.body.strip().splitlines()[-1] == "https://forebygg.example.se/konto/"


def test_the_html_part_names_the_same_things(world):
    send_reminders(today=world.today)

    message = {m.to[0]: m for m in mail.outbox}["alice@example.se"]
    html = html_of(message)
    assert html.count("<li>") == 5
    assert ("Ta fram en ny trygghetsmätning" in html) is True
