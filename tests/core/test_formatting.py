import pytest
from django.utils import translation

from forebygg.core.formatting import format_number, join_with_and


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1234.5, 1, "1\u00a0234,5"),
        (141081, 0, "141\u00a0081"),
        (10327589, 0, "10\u00a0327\u00a0589"),
        (999, 0, "999"),
        (0.05, 1, "0,1"),
        (-1234.25, 1, "−1\u00a0234,3"),
        (None, 0, "–"),
    ],
)
def test_numbers_are_written_the_swedish_way(value, decimals, expected):
    assert format_number(value, decimals) == expected


def test_lists_in_running_text_read_a_b_och_c():
    with translation.override("sv"):
        assert join_with_and([]) == ""
        assert join_with_and(["syften"]) == "syften"
        assert join_with_and(["syften", "områden"]) == "syften och områden"
        assert join_with_and(["a", "b", "c"]) == "a, b och c"


def test_in_english_lists_are_joined_with_and():
    with translation.override("en"):
        assert join_with_and(["a", "b"]) == "a and b"
