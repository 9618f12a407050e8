"""A meeting's agenda and minutes keep their lines: numbered points, a "## " heading and
line breaks are rendered, never printed as typed or run together."""

from datetime import date

from django.urls import reverse

from forebygg.governance.domain import council
from tests.governance.conftest import build_governance

AGENDA = "1. Öppnande\n2. Val av justerare\n## Lägesbilden\nUtkastet presenteras\nFrågor"


def test_the_meeting_page_renders_the_agenda_and_minutes_in_the_safe_text_format(client, personas):
    governance = build_governance(personas)
    meeting = council.hold_meeting(
        governance.council, held_on=date(2026, 10, 5), agenda=AGENDA,
        minutes="Mötet öppnades\nJusterare: Anna", by=personas.coordinator_a,
    )  # fmt: skip
    client.force_login(personas.coordinator_a)

    html = client.get(
        reverse("backoffice:meeting", kwargs={"code": "0680", "pk": meeting.pk})
    ).content.decode()

    assert (
        "<ol><li>Öppnande</li><li>Val av justerare</li></ol>\n<h3>Lägesbilden</h3>\n"
        "<p>Utkastet presenteras<br>Frågor</p>"
    ) in html
    assert "<p>Mötet öppnades<br>Justerare: Anna</p>" in html
    assert "##" not in html
