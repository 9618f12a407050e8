"""The data-protection boundary as a test: no model may hold personal case data.

Förebygg holds strategic, aggregate information and no data about identifiable individuals
(docs/security.md, "Data-protection boundary"). This test reads every field of every model
of the project's apps, by name and by Swedish label, and fails on anything that looks like
an identity number, a birth date, a diagnosis, a suspicion of crime, a case about an
individual or a description of a person. Contact details (e-mail, phone, address, persons)
are allowed only in the work-contact fields listed in `WORK_CONTACTS`.

If this test fails on a field you are adding: the data belongs in the owning service's own
case system, not here. Store counts, categories and outcomes instead.
"""

import re
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.db import models
from django.test.utils import isolate_apps

NEVER = {
    "a personal identity number": r"person[\s_-]*(nummer|nr|number)|personal[\s_-]*(identity|id)"
    r"|(^|[^a-z])ssn([^a-z]|$)|social[\s_-]*security|samordnings[\s_-]*(nummer|nr)",
    "a date of birth": r"f[öo]delse[\s_-]*(datum|dag|år|ar)|birth[\s_-]*(date|day|year)"
    r"|date[\s_-]*of[\s_-]*birth|(^|_)dob($|_)",
    "a diagnosis or health data": r"diagnos|hälsotillstånd|health[\s_-]*(condition|status)",
    "a suspicion of crime": r"brottsmisstanke|misstank|misstänkt|suspect|suspicion"
    r"|gärningsperson|garningsperson|offender|perpetrator",
    "a victim": r"brottsoffer|målsägande|malsagande|victim",
    "a case about an individual": r"individ[\s_-]*ärende|individ[\s_-]*arende|personärende"
    r"|individual[\s_-]*case|case[\s_-]*(number|id|file|note)|ärendenummer|arendenummer"
    r"|klient|client|brukare|patient|avhoppare|defector",
    "a description of a person": r"beskrivning[\s_-]*av[\s_-]*(en[\s_-]*)?person"
    r"|person[\s_-]*(description|beskrivning)|personbeskrivning|description[\s_-]*of[\s_-]*person",
    "a young person's name": r"namn[\s_-]*på[\s_-]*(ungdom|barn|elev)|ungdomens[\s_-]*namn"
    r"|barnets[\s_-]*namn|elevens[\s_-]*namn|elevnamn|(youth|child|pupil)[\s_-]*name",
    "a protected identity": r"skyddad[\s_-]*identitet|skyddade[\s_-]*personuppgifter"
    r"|protected[\s_-]*identity",
    "a special category of personal data": r"etnicitet|ethnicity|religion|sexuell|sexual",
}
CONTACT_DETAILS = r"e[\s_-]*post|e[\s_-]*mail|(^|[^a-z])mail|telefon|phone|mobil" + (
    r"|address|(^|[\s_])(hem|bostads|post)?adress($|[\s_])|person|företrädare|representative"
)
# Work contacts: people in their professional role, which the law's cooperation needs. Not
# case data. Django's own auth.User (username, name, e-mail of the users themselves) lies
# outside the project's apps and is not read here.
WORK_CONTACTS = {
    # A partner organisation's contact person: name, position, work e-mail and phone.
    ("governance.ContactPerson", "work_email"),
    ("governance.ContactPerson", "work_phone"),
    # The coordination function's shared mailbox and phone, and its contact persons.
    ("governance.CoordinationFunction", "email"),
    ("governance.CoordinationFunction", "phone"),
    ("governance.CoordinationFunction", "persons"),
    # Who represents an organisation in the strategic council.
    ("governance.CouncilMember", "representative"),
    # The work e-mail a partner's invitation was sent to.
    ("orgs.Invitation", "email"),
}


@dataclass(frozen=True)
class Finding:
    model: str
    field: str
    label: str
    reason: str

    def __str__(self) -> str:
        return (
            f"{self.model}.{self.field} ({self.label!r}) looks like {self.reason}: Förebygg "
            "stores no personal case data (docs/security.md, 'Data-protection boundary')."
        )


def project_models() -> list[type[models.Model]]:
    """Every concrete model of the forebygg apps, without the history copies of them."""
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("forebygg.")
        and not hasattr(model, "instance_type")  # django-simple-history's Historical*
    ]


def own_fields(model) -> list[models.Field]:
    """The fields declared on the model (and its bases), not relations pointing at it."""
    return [field for field in model._meta.get_fields() if field.concrete or field.many_to_many]


def reason_to_refuse(model_label: str, name: str, label: str) -> str | None:
    texts = [name.lower(), label.lower()]
    for reason, pattern in NEVER.items():
        if any(re.search(pattern, text) for text in texts):
            return reason
    if (model_label, name) not in WORK_CONTACTS and any(
        re.search(CONTACT_DETAILS, text) for text in texts
    ):
        return "contact details of a person outside the allowed work contacts"
    return None


def findings_in(model_classes) -> list[Finding]:
    findings = []
    for model in model_classes:
        label = model._meta.label
        for field in own_fields(model):
            verbose = str(getattr(field, "verbose_name", "") or "")
            reason = reason_to_refuse(label, field.name, verbose)
            if reason:
                findings.append(Finding(label, field.name, verbose, reason))
        model_reason = reason_to_refuse(label, model.__name__, str(model._meta.verbose_name))
        if model_reason and model_reason in NEVER:
            findings.append(Finding(label, "(model)", str(model._meta.verbose_name), model_reason))
    return findings


def test_no_model_holds_personal_case_data():
    found = findings_in(project_models())

    assert not found, "\n".join(str(finding) for finding in found)


def test_the_project_has_models_to_read():
    """Guard the guard: an empty model list would let anything through."""
    labels = {model._meta.label for model in project_models()}

    assert {"notes.Note", "plans.Measure", "governance.ContactPerson"} <= labels


def test_every_allowed_work_contact_field_still_exists():
    """A stale allow-list entry would quietly allow a new field of the same name."""
    for model_label, field_name in WORK_CONTACTS:
        apps.get_model(model_label)._meta.get_field(field_name)


@isolate_apps("forebygg.notes")
def test_a_personnummer_field_fails_the_guard_with_a_clear_message():
    class YouthCase(models.Model):
        title = models.CharField("rubrik", max_length=100)
        personnummer = models.CharField(max_length=13)

        class Meta:
            app_label = "notes"

        def __str__(self) -> str:
            return self.title

    found = findings_in([YouthCase])

    assert [str(finding) for finding in found] == [
        "notes.YouthCase.personnummer ('personnummer') looks like a personal identity number: "
        "Förebygg stores no personal case data (docs/security.md, 'Data-protection boundary')."
    ]


@isolate_apps("forebygg.governance")
def test_contact_details_outside_the_work_contacts_fail_the_guard():
    class Meeting(models.Model):
        guest_email = models.EmailField("gästens e-post")

        class Meta:
            app_label = "governance"

        def __str__(self) -> str:
            return self.guest_email

    assert [finding.field for finding in findings_in([Meeting])] == ["guest_email"]


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("personnummer", "personnummer"),
        ("person_number", "person number"),
        ("ssn", "SSN"),
        ("pnr", "personnr"),
        ("samordningsnummer", "samordningsnummer"),
        ("fodelsedatum", "födelsedatum"),
        ("birth_date", "date of birth"),
        ("diagnosis", "diagnos"),
        ("suspicion", "brottsmisstanke"),
        ("suspect_name", "misstänkt"),
        ("person_description", "beskrivning av person"),
        ("youth", "namn på ungdom"),
        ("case_number", "ärendenummer"),
        ("client", "klient"),
        ("victim", "målsägande"),
        ("ethnicity", "etnicitet"),
        ("protected", "skyddad identitet"),
        ("home_address", "hemadress"),
    ],
)
def test_the_deny_list_catches(name, label):
    assert reason_to_refuse("notes.Note", name, label) is not None


@pytest.mark.parametrize(
    ("model", "name", "label"),
    [
        ("notes.Note", "title", "rubrik"),
        ("plans.Problem", "description", "beskrivning"),
        ("geo.Kommun", "name", "namn"),
        ("methods.Method", "slug", "kortnamn i adressen"),
        ("governance.CouncilReport", "title", "ärende"),
        ("governance.ContactPerson", "work_email", "e-post i tjänsten"),
        ("stats.Indicator", "counts_crimes", "anmälda brott"),
    ],
)
def test_the_deny_list_lets_aggregate_and_work_fields_pass(model, name, label):
    assert reason_to_refuse(model, name, label) is None
