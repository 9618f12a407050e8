"""An experience's "Historik" shows each reader only the versions they could have read.

Kommun A drafts an experience under a working title, renames it and publishes it. Its staff
see every version; the partner, the county officer and Brå, who read it once published, see
only the published version and never the draft title.
"""

import re

import pytest
from django.urls import reverse

from forebygg.methods.domain.experiences import publish_experience, write_experience
from forebygg.orgs.domain.authorities import kommun_administration
from forebygg.orgs.domain.memberships import grant_role
from forebygg.orgs.enums import Role
from tests.backoffice.test_personas import client_for
from tests.personas import make_user

DRAFT_TITLE = "Utkast: nattvandring mot X-gänget"
PUBLISHED_TITLE = "Nattvandring i Råslätt"
FIELDS = {
    "problem_text": "Oro i centrum på kvällarna",
    "what_was_done": "Vuxna vandrade fredagskvällar.",
    "results": "Färre anmälda ordningsstörningar i området.",
}


@pytest.fixture
def renamed(personas):
    by, kommun = personas.coordinator_a, personas.kommun_a
    draft = write_experience(None, kommun=kommun, by=by, title=DRAFT_TITLE, **FIELDS)
    renamed = write_experience(draft, kommun=kommun, by=by, title=PUBLISHED_TITLE)
    return publish_experience(renamed, by=by)


@pytest.fixture
def member_a(personas):
    user = make_user("kim-kommun-a")
    grant_role(user, kommun_administration(personas.kommun_a), Role.KOMMUN_MEMBER)
    return user


def titles_under_historik(response) -> list[str]:
    section = response.content.decode().split('id="history-heading"')[1].split("</section>")[0]
    return re.findall(r"<tr><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>([^<]*)</td>", section)


def history_page(client, experience):
    url = reverse("backoffice:experience", kwargs={"code": "0680", "pk": experience.pk})
    response = client.get(url)
    assert response.status_code == 200
    return titles_under_historik(response)


def test_the_kommuns_coordinator_sees_the_draft_title(client, personas, renamed):
    client.force_login(personas.coordinator_a)

    assert history_page(client, renamed) == [PUBLISHED_TITLE, PUBLISHED_TITLE, DRAFT_TITLE]


def test_the_kommuns_other_staff_see_the_draft_title(client, member_a, renamed):
    client.force_login(member_a)

    assert history_page(client, renamed) == [PUBLISHED_TITLE, PUBLISHED_TITLE, DRAFT_TITLE]


@pytest.mark.parametrize("persona", ["partner_a", "county_a", "analyst"])
def test_readers_of_the_published_experience_see_only_its_published_version(
    client, personas, renamed, persona
):
    client = client_for(client, personas, persona)

    assert history_page(client, renamed) == [PUBLISHED_TITLE]
