"""Keep the answers each submitted report showed, before the questions change.

Until now the answers to Brå's questions were computed from the report's facts whenever a
page or an export was made. Reports already with the county (submitted, approved or included)
get those answers stored as they were shown, with the combined question on the council's
region and civil society. The rules are copied here, not imported, so that later changes to
the questions cannot change what this migration stores.
"""

from django.db import migrations, models

FROZEN_STATES = ["inskickad", "godkand", "sammanstalld"]
CIVIL_SOCIETY = {"civilsamhalle", "trossamfund"}


def _party(*types):
    return lambda facts: bool(set(facts.get("agreement_party_types", [])) & set(types))


def _fact(key):
    return lambda facts: bool(facts.get(key, False))


def _council_with_region_and_civil_society(facts):
    members = set(facts.get("council_member_types", []))
    return "region" in members and bool(members & CIVIL_SOCIETY)


ASKED_UNTIL_NOW = [
    ("coordination_function", _fact("coordination_function")),
    ("current_lagesbild", _fact("current_lagesbild")),
    ("decided_plan", _fact("decided_plan")),
    ("followed_up", _fact("followed_up")),
    ("agreement_civil_society", _party(*CIVIL_SOCIETY)),
    ("agreement_region", _party("region")),
    ("agreement_rescue", _party("raddningstjanst")),
    ("agreement_lansstyrelse", _party("lansstyrelse")),
    ("council_region_civil_society", _council_with_region_and_civil_society),
]


def keep_the_answers_shown(apps, schema_editor):
    YearlyReport = apps.get_model("reporting", "YearlyReport")
    reports = YearlyReport.objects.filter(status__in=FROZEN_STATES)
    for pk, content in reports.values_list("pk", "content"):
        facts = content.get("facts", {})
        answers = [
            {"key": key, "answer": bool(test(facts)), "evidence": []}
            for key, test in ASKED_UNTIL_NOW
        ]
        # An update, not a save: an approved report is frozen and its history stays as it was.
        YearlyReport.objects.filter(pk=pk).update(answers=answers)


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0002_history_of_links"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalyearlyreport",
            name="answers",
            field=models.JSONField(blank=True, default=list, verbose_name="svar på Brå:s frågor"),
        ),
        migrations.AddField(
            model_name="yearlyreport",
            name="answers",
            field=models.JSONField(blank=True, default=list, verbose_name="svar på Brå:s frågor"),
        ),
        migrations.RunPython(keep_the_answers_shown, migrations.RunPython.noop),
    ]
