"""`in` on integer columns leaves out the numbers no such column can hold.

Django already drops a number out of range from `exact`, `gt`, `lt` … (`IntegerFieldOverflow`)
but not from `in`: `pk__in=[10**25]`, which a form's multiple choice asks when someone posts
25 digits, is an OverflowError on SQLite and a DataError on PostgreSQL, a 500 either way.
Such a number matches no row, so leaving it out changes no answer.
"""

from django.db import models
from django.db.models.lookups import In


class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            internal_type = self.lhs.output_field.get_internal_type()
            low, high = connection.ops.integer_field_range(internal_type)
            self.rhs = [value for value in self.rhs if _within(value, low, high)]
        return super().process_rhs(compiler, connection)


def _within(value, low, high) -> bool:
    if not isinstance(value, int):
        return True
    return (low is None or value >= low) and (high is None or value <= high)


def register() -> None:
    models.IntegerField.register_lookup(IntegerFieldIn)
