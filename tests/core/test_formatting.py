import pytest

from forebygg.core.formatting import format_number


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
