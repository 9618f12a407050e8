"""Path converters that keep numbers in URLs within range: outside it, the URL matches nothing
and the answer is the one 404, never a 500 from a database that cannot hold the number.

Registered as `<id:…>`, `<year:…>`, `<docx_or_pdf:…>` and `<csv_or_xlsx:…>` when the core app
is ready (`CoreConfig.ready`), before any URLconf is read.
"""

from django.urls import register_converter

from forebygg.core.bounds import parse_id, parse_year


class IdConverter:
    """An id or a version number: 1 to 2³¹−1, at most ten digits."""

    regex = "[0-9]{1,10}"

    def to_python(self, value: str) -> int:
        number = parse_id(value)
        if number is None:
            raise ValueError(value)  # no match: the resolver goes on and ends in a 404
        return number

    def to_url(self, value) -> str:
        return str(value)


class YearConverter:
    """A year with four digits, FIRST_YEAR to LAST_YEAR."""

    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        year = parse_year(value)
        if year is None:
            raise ValueError(value)
        return year

    def to_url(self, value) -> str:
        return str(value)


class _OneOf:
    regex = ""

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        return str(value)


class DocxOrPdfConverter(_OneOf):
    regex = "docx|pdf"


class CsvOrXlsxConverter(_OneOf):
    regex = "csv|xlsx"


CONVERTERS = {
    "id": IdConverter,
    "year": YearConverter,
    "docx_or_pdf": DocxOrPdfConverter,
    "csv_or_xlsx": CsvOrXlsxConverter,
}


def register() -> None:
    for name, converter in CONVERTERS.items():
        register_converter(converter, name)
