"""The ranges every number from outside must fall in: ids, years, figures typed into forms.

Anything outside them is refused where it enters (a 404 for a URL, a Swedish error for a
form), so no database or date arithmetic ever sees it. Years: 1990–2100 covers the
statistics the platform shows (Brå's series from the 1990s on) and any plan's horizon.
"""

MAX_ID = 2**31 - 1  # the largest value of a 32-bit integer column: a safe bound everywhere
FIRST_YEAR, LAST_YEAR = 1990, 2100
MAX_FIGURE = 10**12  # amounts in kronor and indicator values typed into a form


def parse_id(text: str | None) -> int | None:
    """An id from a query string or a form, or None for what no row can have."""
    number = _digits(text, max_length=len(str(MAX_ID)))
    return number if number is not None and 1 <= number <= MAX_ID else None


def parse_year(text: str | None) -> int | None:
    """A year from a query string, or None outside FIRST_YEAR–LAST_YEAR."""
    number = _digits(text, max_length=4)
    return number if number is not None and FIRST_YEAR <= number <= LAST_YEAR else None


def _digits(text: str | None, *, max_length: int) -> int | None:
    """ASCII digits only: int() would also take "+1", " 1", "1_0" and Arabic-Indic digits."""
    if not text or len(text) > max_length or not (text.isascii() and text.isdigit()):
        return None
    return int(text)
