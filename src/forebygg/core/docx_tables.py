"""The one way Förebygg writes a table into a Word document."""


def add_table(document, header, rows) -> None:
    """A gridded table: a header row, then one row per item, every cell as text."""
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = str(text)
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = str(text)
