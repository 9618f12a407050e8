"""Every importer by kind. An importer has KIND, LABEL and parse(data, *, file_name).

An importer that does not write observations (police areas) also has
write(preview, *, by=None, kommun=None) -> ImportBatch; see stats.domain.write_import.
"""

from forebygg.stats.importers import (
    bra_csv,
    bra_kommun,
    generic,
    kolada,
    police_areas,
    polisen_events,
    scb,
    sol,
)

IMPORTERS = {
    module.KIND: module
    for module in (
        bra_kommun,
        bra_csv,
        sol,
        scb.PXWEB_CSV,
        scb.JSONSTAT,
        kolada,
        polisen_events,
        police_areas,
        generic,
    )
}

# The datasets shipped in the data directory, loaded by `forebygg import-statistics`.
SHIPPED = [
    (bra_kommun.KIND, bra_kommun.DEFAULT_FILE),
    (polisen_events.KIND, polisen_events.DEFAULT_FILE),
    (police_areas.KIND, police_areas.DEFAULT_FILE),
]


def importer_for(kind: str):
    try:
        return IMPORTERS[kind]
    except KeyError:
        known = ", ".join(sorted(IMPORTERS))
        raise KeyError(f"Okänd importtyp {kind!r}. Välj en av: {known}.") from None
