"""Storage and exports: the embedded DuckDB database and the SPEC export formats."""

from readout.store.db import DEFAULT_DB, SCHEMA_VERSION, Store, StoreError
from readout.store.export import EXPORTS, FORMATS, export, export_records

__all__ = ["DEFAULT_DB", "EXPORTS", "FORMATS", "SCHEMA_VERSION", "Store", "StoreError", "export", "export_records"]
