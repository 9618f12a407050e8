"""A kommun's headline indicators: the latest year's reported crime with its source."""

import pytest

from forebygg.geo.models import Kommun
from forebygg.stats.headline import headline_for
from forebygg.stats.national import latest_levels

pytestmark = pytest.mark.django_db


def test_the_headline_is_the_latest_year_of_the_overviews_with_its_source(crime_statistics):
    kommun = Kommun.objects.get(code="0680")
    year, levels = latest_levels("total")

    headline = headline_for(kommun)

    assert (headline.year, headline.count, headline.rate, headline.riket_rate) == (
        year,
        levels["0680"]["count"],
        levels["0680"]["rate"],
        levels["0680"]["riket_rate"],
    )
    assert headline.source is not None
    assert headline.source.attribution != ""
