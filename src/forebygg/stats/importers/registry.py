"""Every importer by kind. An importer module has KIND, LABEL and parse(data, *, file_name)."""

from forebygg.stats.importers import bra_kommun

IMPORTERS = {module.KIND: module for module in (bra_kommun,)}

# The statistical datasets shipped in the data directory, loaded by `forebygg import-statistics`.
SHIPPED = [
    (bra_kommun.KIND, bra_kommun.DEFAULT_FILE),
]


def importer_for(kind: str):
    try:
        return IMPORTERS[kind]
    except KeyError:
        known = ", ".join(sorted(IMPORTERS))
        raise KeyError(f"Okänd importtyp {kind!r}. Välj en av: {known}.") from None
