"""The fixed chain script on the path a coordinator took before the workspace had a dashboard.

The workspace home was a list of links: the coordinator went from it to each area, and back
to it through the breadcrumbs. This test keeps that path honest: it is the measure the
dashboard's path (`test_chain_through_the_dashboard.py`) is held to, at most half of it.
"""

import re

import pytest
from django.core.management import call_command

from tests.browser import chain_steps as steps
from tests.browser.page_loads import PageLoads
from tests.browser.test_plan import log_in

pytestmark = pytest.mark.browser

# Measured on this path before the dashboard existed; the login is not counted. It was 28
# before a lägesbild could be decided only with its parts written: writing the four parts
# the draft leaves open here (an edit page and a save each) and the confirmation add 9.
PAGE_LOADS_BEFORE_THE_DASHBOARD = 28 + 9


def back_to_the_workspace(page) -> None:
    page.locator(".breadcrumbs").get_by_role("link", name="Jönköping").click()


def test_the_chain_through_the_list_of_links(page, reference_data):
    call_command("create_demo", verbosity=0)
    log_in(page)
    loads = PageLoads(page)

    page.get_by_role("link", name="Jönköpings kommun").click()
    page.get_by_role("link", name="Lägesbild", exact=True).click()
    page.get_by_role("button", name="Skapa utkast från statistiken").click()
    page.wait_for_url(re.compile(r"/lagesbild/1/$"))
    steps.decide_the_lagesbild(page)

    back_to_the_workspace(page)
    page.get_by_role("link", name="Problem och orsaker").click()
    for number, (problem, perspective, cause) in enumerate(steps.PROBLEMS):
        if number:
            page.locator(".breadcrumbs").get_by_role("link", name="Problem").click()
        steps.add_problem(page, problem)
        steps.add_cause(page, perspective, cause)

    back_to_the_workspace(page)
    page.get_by_role("link", name="Åtgärdsplan och uppföljning").click()
    steps.create_plan_draft(page)
    for number, (measure, cause, indicator) in enumerate(steps.MEASURES):
        if number:
            page.locator(".breadcrumbs").get_by_role("link", name="Åtgärdsplan", exact=True).click()
            page.get_by_role("link", name=re.compile("version 1")).click()
        page.get_by_role("link", name="Ny åtgärd").click()
        steps.save_measure(page, measure, cause)
        steps.add_target(page, indicator)
    page.locator(".breadcrumbs").get_by_role("link", name="Åtgärdsplan", exact=True).click()
    page.get_by_role("link", name=re.compile("version 1")).click()
    steps.decide_plan(page)
    page.get_by_role("link", name="Uppföljning", exact=True).click()
    steps.record_follow_up(page)
    document = steps.download_follow_up_report(page)

    print(f"Page loads for the chain: {loads.count}")
    assert document.paragraphs[0].text == "Uppföljning av åtgärdsplan – Jönköpings kommun"
    assert loads.count == PAGE_LOADS_BEFORE_THE_DASHBOARD, "\n".join(loads.urls)
