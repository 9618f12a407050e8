from django.urls import reverse

from tests.accounts.logins import a_second_passes
from tests.personas import PASSWORD, login_as


def test_login_page_is_in_swedish(client, db):
    html = client.get(reverse("accounts:login")).content.decode()
    assert "<h1>Logga in</h1>" in html
    assert "Användarnamn" in html


def test_the_coordinator_logs_in_and_lands_on_her_workspaces(client, personas):
    response = client.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("backoffice:my_workspaces")


def test_a_wrong_password_gives_a_swedish_error(client, personas):
    response = client.post(reverse("accounts:login"), {"username": "alice", "password": "fel"})
    assert response.status_code == 200
    assert "Ange ett korrekt användarnamn och lösenord" in response.content.decode()


def test_five_failed_logins_lock_the_account_even_for_the_right_password(client, personas):
    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": "alice", "password": "fel"})
        a_second_passes()

    response = client.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})

    assert response.status_code == 429
    assert "Kontot är tillfälligt låst" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_requires_post_and_ends_the_session(client, personas):
    login_as(client, "alice")
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_admin_is_only_for_site_admins(client, personas):
    from django.contrib.auth import get_user_model

    login_as(client, "alice")
    assert client.get("/admin/").status_code == 302

    admin = get_user_model().objects.create_superuser("root", password=PASSWORD)
    client.force_login(admin)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/geo/kommun/").status_code == 200
