"""Brå's national overview for all 290 kommuner: computed, rendered, and served from the cache.

    make bench

Every kommun gets a yearly report built from its data by `build_content`, approved and sent on
in its county's combined report, so the overview counts 290 reports in 21 län. Targets: the
computation ≤ 0.3 s and the cached page ≤ 50 ms at the 95th percentile.
"""

import statistics
import time

from benchkit import report, setup_django

setup_django()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from forebygg.geo.models import Kommun, Lan  # noqa: E402
from forebygg.orgs.domain.authorities import bra  # noqa: E402
from forebygg.orgs.domain.memberships import grant_role  # noqa: E402
from forebygg.orgs.enums import Role  # noqa: E402
from forebygg.reporting.domain import overview  # noqa: E402
from forebygg.reporting.domain.yearly import build_content, content_hash  # noqa: E402
from forebygg.reporting.enums import CountyState, ReportState  # noqa: E402
from forebygg.reporting.models import CountyReport, YearlyReport  # noqa: E402

YEAR = 2026


def reports_for_every_kommun() -> None:
    """290 reports sent to Brå; facts vary by kommun so every share is neither 0 nor 100 %."""
    county_reports = {
        lan.pk: CountyReport.objects.create(lan=lan, year=YEAR, status=CountyState.SUBMITTED)
        for lan in Lan.objects.all()
    }
    reports = []
    for index, kommun in enumerate(Kommun.objects.order_by("code")):
        content = build_content(kommun, YEAR)
        content["facts"].update(
            coordination_function=index % 10 < 8,
            current_lagesbild=index % 3 != 0,
            decided_plan=index % 4 != 0,
            followed_up=index % 5 < 2,
            agreement_party_types=["polis", *(["civilsamhalle"] if index % 6 == 0 else [])],
            council_member_types=[
                "polis",
                *(["region", "civilsamhalle"] if index % 5 == 0 else []),
            ],
        )
        reports.append(
            YearlyReport(
                kommun=kommun,
                year=YEAR,
                status=ReportState.INCLUDED,
                visibility="inskickad",
                content=content,
                content_hash=content_hash(content),
                county_report=county_reports[kommun.lan_id],
            )
        )
    YearlyReport.objects.bulk_create(reports)


def p95(function, repeat: int) -> tuple[float, float]:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return statistics.quantiles(timings, n=20)[18], statistics.median(timings)


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("import_reference", verbosity=0)
    analyst = get_user_model().objects.create_user("bench-analytiker")
    grant_role(analyst, bra(), Role.NATIONAL_ANALYST)
    reports_for_every_kommun()
    data = overview.national_overview(YEAR, analyst)
    print(
        f"reports counted: {data.reported} of {len(data.rows)} kommuner, {len(data.lan_rows)} län"
    )

    report(
        "National overview computed (290 reports → shares, län and kommun tables)",
        lambda: (
            overview.kommun_table((computed := overview.national_overview(YEAR, analyst)).rows),
            overview.lan_table(computed.lan_rows),
        ),
        lambda: list(YearlyReport.objects.filter(year=YEAR).values_list("kommun_id", "content")),
        repeat=9,
    )

    client = Client()
    client.force_login(analyst)
    url = f"/oversikt/nationellt/?ar={YEAR}"

    def uncached():
        cache.clear()
        assert client.get(url).status_code == 200

    report(
        "National page, computed and rendered (cache emptied)",
        uncached,
        lambda: client.get("/kallor/"),
        repeat=7,
    )

    client.get(url)
    page_p95, page_median = p95(lambda: client.get(url), 200)
    base_p95, base_median = p95(lambda: client.get("/kallor/"), 200)
    print(
        f"National page once cached: p95 {page_p95 * 1000:.1f} ms "
        f"(median {page_median * 1000:.1f} ms), baseline data-sources page p95 "
        f"{base_p95 * 1000:.1f} ms, ratio {page_p95 / base_p95:.2f}× (target ≤ 50 ms)"
    )


if __name__ == "__main__":
    main()
