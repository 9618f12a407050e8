"""A number or a date no person would type is refused with a Swedish message.

Number fields without bounds of their own get ±(2³¹−1) for whole numbers and ±10¹² for
decimals; dates keep to the years 1990–2100.
"""

import pytest

from forebygg.backoffice.plans.forms import ReadingForm
from forebygg.backoffice.reporting.forms import DraftReportForm

TOO_LARGE = "Talet är orimligt stort."
TOO_SMALL = "Talet är orimligt litet."
DATES = "Ange ett datum mellan år 1990 och 2100."


def reading(**fields):
    form = ReadingForm({"value": "12.5", "measured_on": "2026-05-01", "source": "BRÅ", **fields})
    form.is_valid()
    return form.errors


def test_a_sane_reading_passes():
    assert reading() == {}


@pytest.mark.parametrize(
    ("value", "message"), [("1e13", TOO_LARGE), ("1e308", TOO_LARGE), ("-1e13", TOO_SMALL)]
)
def test_a_figure_beyond_10_to_the_12_is_refused(value, message):
    assert reading(value=value) == {"value": [message]}


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1989-12-31", "2101-01-01"])
def test_a_date_outside_1990_to_2100_is_refused(day):
    assert reading(measured_on=day) == {"measured_on": [DATES]}


@pytest.mark.parametrize("day", ["1990-01-01", "2100-12-31"])
def test_the_first_and_last_days_of_the_range_pass(day):
    assert reading(measured_on=day) == {}


@pytest.mark.parametrize("year", ["1989", "2101", "99999", "-5"])
def test_a_report_year_outside_the_range_names_the_range(year):
    form = DraftReportForm({"year": year})

    assert form.errors == {"year": ["Ange ett år mellan 1990 och 2100."]}
