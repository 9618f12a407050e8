"""Kommun A with its governance in place: actors, agreement, council, coordination, leadership."""

from dataclasses import dataclass
from datetime import date

import pytest

from forebygg.governance.domain import actors, agreements, coordination, council
from forebygg.governance.models import Agreement, CoordinationFunction, Council
from forebygg.orgs.domain.authorities import kommun_administration
from forebygg.orgs.models import Organisation
from tests.plans.conftest import build_chain


@dataclass
class Governance:
    civil_society: Organisation
    agreement: Agreement
    council: Council
    function: CoordinationFunction


def build_governance(personas) -> Governance:
    kommun, by = personas.kommun_a, personas.coordinator_a
    civil_society = actors.register_actor(
        kommun, by=by, name="Föreningen Nattvandrarna", type="civilsamhalle",
        contribution="Vuxennärvaro kvällstid",
    ).organisation  # fmt: skip
    agreement = agreements.save_agreement(
        None,
        kommun=kommun,
        by=by,
        kind="samverkan",
        title="Samverkansöverenskommelse 2026–2028",
        purposes="Minska bostadsinbrotten och öka tryggheten.",
        areas="Bostadsområden, skolor, centrum.",
        valid_from=date(2026, 1, 1),
        valid_until=date(2028, 12, 31),
        signed_on=date(2026, 1, 15),
        parties=[personas.police_a, civil_society],
    )
    strategic = council.create_council(kommun, name="Trygg i Jönköping", by=by)
    council.add_member(
        strategic, organisation=kommun_administration(kommun), position="Kommundirektör",
        seniority="ledande", is_chair=True, by=by,
    )  # fmt: skip
    council.add_member(
        strategic, organisation=personas.police_a, position="Lokalpolisområdeschef",
        seniority="ledande", by=by,
    )  # fmt: skip
    function = coordination.save_coordination_function(
        kommun, by=by, name="Brottsförebyggande samordnare", email="trygg@jonkoping.se"
    )
    coordination.publish_contact_point(function, by=by)
    coordination.record_leadership(kommun, body_kind="ks", body_name="Kommunstyrelsen", by=by)
    coordination.log_report_to_council(
        kommun, reported_on=date(2026, 6, 10), title="Rapport om brottsförebyggande arbete", by=by
    )
    coordination.link_plan(kommun, kind="rsa", name="Risk- och sårbarhetsanalys 2023–2026", by=by)
    return Governance(civil_society, agreement, strategic, function)


@pytest.fixture
def governance(personas) -> Governance:
    return build_governance(personas)


@pytest.fixture
def chain(personas):
    return build_chain(personas)
