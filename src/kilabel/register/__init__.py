"""The register of every export and correction: the store (SQLite), its schema, entries made from
exports (record), CSV/JSON listings (csv_json) and image credits (credits)."""
