"""Importers: each parses a file into a Preview (validated, nothing written), then
`write_preview` writes it atomically. Register new importers in `registry.py`."""
