"""Text a user stores comes back escaped: on the pages that show it and in the change log."""

from django.urls import reverse

from forebygg.notes.domain import write_note
from forebygg.orgs.enums import Visibility
from tests.core.test_security_headers import inline_code_in

PAYLOAD = '<script>alert("x")</script><img src=x onerror="alert(1)">'


def test_markup_in_a_note_is_shown_as_text_everywhere(client, personas):
    note = write_note(
        None,
        kommun=personas.kommun_a,
        by=personas.coordinator_a,
        title=PAYLOAD,
        body=PAYLOAD,
        visibility=Visibility.DRAFT,
        shared_with=[],
    )
    client.force_login(personas.coordinator_a)

    for url in [
        reverse("backoffice:workspace", kwargs={"code": "0680"}),
        reverse("backoffice:note", kwargs={"code": "0680", "pk": note.pk}),
        reverse("backoffice:change_log", kwargs={"code": "0680"}),
    ]:
        html = client.get(url).content.decode()
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html, url
        assert PAYLOAD not in html, url
        assert inline_code_in(html) == [], url
