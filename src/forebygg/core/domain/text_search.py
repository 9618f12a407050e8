"""Finding text in the database the same way on SQLite and PostgreSQL: å, ä, ö in any case.

SQLite's LOWER() and LIKE fold ASCII only, so `icontains` misses "Ö" for "ö" there, and
PostgreSQL's unaccent is an extension we do not require. Both sides are folded instead: the
column with LOWER() and one REPLACE() per letter below, the query string in Python with the
same table. "jonkoping", "JÖNKÖPING" and "Jönköping" then find the same rows on both.
"""

from django.db.models import F, Q, QuerySet, TextField, Value
from django.db.models.functions import Lower, Replace

# Letters folded to their base letter, lower and upper case: Swedish first, then those in
# Nordic and borrowed names. Anything else is only lower-cased.
FOLDED_LETTERS = {
    "å": "a",
    "ä": "a",
    "ö": "o",
    "é": "e",
    "è": "e",
    "ü": "u",
    "æ": "a",
    "ø": "o",
    "á": "a",
    "à": "a",
}
_TABLE = str.maketrans(
    {**FOLDED_LETTERS, **{upper.upper(): base for upper, base in FOLDED_LETTERS.items()}}
)


def fold(text: str) -> str:
    """The query as the database sees its folded columns."""
    return text.lower().translate(_TABLE).strip()


def folded(field: str):
    """`field` lower-cased and with FOLDED_LETTERS replaced, on every database."""
    expression = Lower(F(field), output_field=TextField())
    for letter, base in FOLDED_LETTERS.items():
        for variant in (letter, letter.upper()):
            expression = Replace(expression, Value(variant), Value(base), output_field=TextField())
    return expression


def containing(queryset: QuerySet, query: str, *fields: str) -> QuerySet:
    """Rows where any of `fields` contains `query`, ignoring case and å/ä/ö accents."""
    needle = fold(query)
    if not needle:
        return queryset.none()
    names = {field: f"folded_{field.replace('__', '_')}" for field in fields}
    matches = Q()
    for name in names.values():
        matches |= Q(**{f"{name}__contains": needle})
    return queryset.alias(**{name: folded(field) for field, name in names.items()}).filter(matches)
