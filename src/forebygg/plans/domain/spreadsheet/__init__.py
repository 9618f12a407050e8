"""The plan's measures as a spreadsheet (CSV or Excel) that a person edits and reads back.

- `columns`: the columns and how each value is shown, shared by export and import;
- `query`: which measures (the filters on screen) and how a measure differs from given values;
- `export`: CSV and Excel files, text made safe for Excel;
- `importing`: the edited sheet read back (preview, then all or nothing), hostile files
  refused early.

The names views and tests use are importable from here.
"""

from forebygg.plans.domain.spreadsheet.columns import (
    COLUMNS,
    HEADERS,
    SHEET_TITLE,
    shown_values,
)
from forebygg.plans.domain.spreadsheet.export import write_csv, write_xlsx
from forebygg.plans.domain.spreadsheet.importing import (
    MAX_SHEET_BYTES,
    RowChange,
    SheetPreview,
    apply_sheet,
    preview_sheet,
)
from forebygg.plans.domain.spreadsheet.query import differences, filter_measures

__all__ = [
    "COLUMNS",
    "HEADERS",
    "MAX_SHEET_BYTES",
    "SHEET_TITLE",
    "RowChange",
    "SheetPreview",
    "apply_sheet",
    "differences",
    "filter_measures",
    "preview_sheet",
    "shown_values",
    "write_csv",
    "write_xlsx",
]
