"""The coordinator picks a measure's method from the library; plan pages show and link it."""

import pytest
from django.urls import reverse

from forebygg.plans.models import Measure
from tests.methods.conftest import build_library
from tests.plans.conftest import build_chain


@pytest.fixture
def library(db):
    return build_library()


def test_the_measure_form_saves_the_library_method_and_the_free_text(client, personas, library):
    chain = build_chain(personas)
    client.force_login(personas.coordinator_a)
    edit = reverse("backoffice:measure_edit", args=["0680", 1, "Å1"])
    assert 'name="method"' in client.get(edit).content.decode()

    response = client.post(
        edit,
        {
            "title": "Grannsamverkan",
            "causes": [chain.cause.pk],
            "type": "situationell",
            "horizon": "kort",
            "owner": personas.police_a.pk,
            "area_kind": "kommun",
            "funding": "egen",
            "method": library["trygghetsvandring"].pk,
            "method_text": "Kvällsvandringar med boende",
        },
    )

    assert response.status_code == 302
    measure = Measure.objects.get(pk=chain.measure.pk)
    assert (measure.method, measure.method_text) == (
        library["trygghetsvandring"],
        "Kvällsvandringar med boende",
    )
    method_page = reverse("public:method", kwargs={"slug": "trygghetsvandring"})
    for page in (
        reverse("backoffice:plan", args=["0680", 1]),
        reverse("backoffice:measure", args=["0680", 1, "Å1"]),
    ):
        assert method_page in client.get(page).content.decode(), page
