from django.test import override_settings

from forebygg.orgs.domain.invitations import invite_partner

CONSOLE = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}


def test_without_an_smtp_server_the_invitation_is_printed_to_the_console(personas, capsys):
    with override_settings(MAILERS=CONSOLE):
        invitation, token = invite_partner(
            kommun=personas.kommun_a,
            email="skola@example.se",
            by=personas.coordinator_a,
            new_organisation=("Råslätts skola", "skola"),
        )

    printed = capsys.readouterr().out
    assert "To: skola@example.se" in printed
    assert f"/inbjudan/{token}/" in printed
