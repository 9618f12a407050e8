from forebygg.stats.domain import preview_file, write_import
from tests.stats.importers.test_fuzz import (
    FORMATS,
    quick_state,
    rolled_back,
    rows_written,
    unchanged,
)


def test_counter(db):
    form = FORMATS["generic"]
    before = rows_written()
    state = quick_state()
    with rolled_back():
        write_import(preview_file(form.kind, unchanged(form), file_name=form.file_name))
        inside = quick_state()
    after = rows_written()
    print("COUNTER", before, after, state, inside, quick_state())
    assert after > before
    assert inside != state
