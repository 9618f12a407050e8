"""The problem page preselects the proposals from the data and shows the numbers behind them."""

import lxml.html
import pytest
from django.urls import reverse

from forebygg.geo.models import Area
from forebygg.plans.domain.problems import create_problem
from forebygg.plans.domain.proposals import propose_scores
from forebygg.stats.models import Indicator


@pytest.fixture
def problem(personas, crime_statistics):
    return create_problem(
        personas.kommun_a,
        by=personas.coordinator_a,
        title="Bostadsinbrott i Råslätt",
        indicators=[Indicator.objects.get(key="bra.anmalda.burglary")],
        areas=[Area.objects.get(kommun__code="0680", name="Råslätt", list_year=2025)],
    )


def selected(page, name: str) -> str:
    return page.xpath(f"string(//select[@name='{name}']/option[@selected]/@value)")


def test_the_coordinator_sees_the_proposals_preselected_but_not_saved(client, personas, problem):
    proposals = propose_scores(problem)
    client.force_login(personas.coordinator_a)
    response = client.get(reverse("backoffice:problem", args=["0680", problem.pk]))
    page = lxml.html.fromstring(response.content)
    assert [selected(page, name) for name in ("okande", "avvikande", "koncentrerat", "offer")] == [
        str(proposals["okande"].score),
        str(proposals["avvikande"].score),
        "1",
        "",
    ]
    rows = {
        row.findtext("th"): " ".join(" ".join(row.xpath("td[2]//text()")).split())
        for row in page.xpath("//table[@aria-labelledby='proposals-heading']/tbody/tr")
    }
    assert rows["Koncentrerat till platser"] == (
        "Problemet gäller 1 av polisens utpekade områden: Råslätt (utsatt område). "
        "Källa: Polismyndigheten. Period: polisens lista 2025. Formel: Antal områden per klass "
        "på polisens lista som problemet gäller. Regel: Förslag 1 för utsatt område, 2 för "
        "riskområde och 3 för särskilt utsatt område, efter den allvarligaste klassen bland "
        "problemets områden på polisens lista."
    )
    evidence = proposals["avvikande"].evidence[0]
    assert rows["Avviker från liknande kommuner"].startswith(
        " ".join(f"{evidence.text}. {evidence.source}. Period: {evidence.period}.".split())
    )
    problem.refresh_from_db()
    assert problem.scores == {}


def test_a_reader_sees_no_proposals(client, personas, problem):
    client.force_login(personas.member_a)
    response = client.get(reverse("backoffice:problem", args=["0680", problem.pk]))
    assert response.status_code == 200
    assert b"proposals-heading" not in response.content
