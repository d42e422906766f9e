"""Exports in the SPEC formats: JSONL (the contract), CSV (nested fields as JSON text), Parquet."""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path
from typing import Any

import duckdb

from readout.store.db import Store

EXPORTS = ("events", "discrepancies", "commitments", "documents", "stories", "gold")
FORMATS = ("jsonl", "csv", "parquet", "plover", "polecat")
INTERCHANGE = ("plover", "polecat")  # events only


def records_for(store: Store, what: str) -> list[dict[str, Any]]:
    if what in ("events", "gold"):
        from readout.store.corrections import Corrections, apply_to_events, gold_from_confirmed

        events = apply_to_events(store.events(), Corrections(store).all())  # corrections marked in `review`
        return [gold_from_confirmed(events)] if what == "gold" else events
    if what == "documents":
        return store.documents(with_text=False)
    if what in ("discrepancies", "commitments", "stories"):
        return store.records(what)
    raise ValueError(f"unknown export {what!r}; choose one of {', '.join(EXPORTS)}")


def export_records(records: list[dict[str, Any]], path: str | Path, fmt: str = "jsonl",
                   docs: dict[str, dict[str, Any]] | None = None) -> int:
    """Write records to ``path`` in ``fmt``; returns how many were written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":  # one JSON document (the gold file)
        path.write_text(json.dumps(records[0] if len(records) == 1 else records, ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")
    elif fmt == "jsonl":
        with path.open("w", encoding="utf-8", newline="\n") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        columns: list[str] = []
        for r in records:
            columns.extend(k for k in r if k not in columns)
        with path.open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(columns)
            for r in records:
                w.writerow([_cell(r.get(c)) for c in columns])
    elif fmt == "parquet":
        _write_parquet(records, path)
    elif fmt in INTERCHANGE:
        from readout.store import interchange

        docs = docs or {}
        writer = interchange.write_plover if fmt == "plover" else interchange.write_polecat
        return writer(records, path, docs)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return len(records)


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, dict | list):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def _write_parquet(records: list[dict[str, Any]], path: Path) -> None:
    # DuckDB infers a nested schema from JSON, which keeps lists and structs as Parquet types.
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "records.jsonl"
        export_records(records, src, "jsonl")
        con = duckdb.connect()
        try:
            if records:
                con.execute(
                    f"COPY (SELECT * FROM read_json_auto('{_sql_str(src)}', format='newline_delimited', "
                    f"sample_size=-1)) TO '{_sql_str(path)}' (FORMAT parquet)"
                )
            else:
                con.execute(f"COPY (SELECT NULL::VARCHAR AS id WHERE false) TO '{_sql_str(path)}' (FORMAT parquet)")
        finally:
            con.close()


def _sql_str(p: Path) -> str:
    return str(p).replace("'", "''")


def export(store: Store, what: str, path: str | Path, fmt: str = "jsonl") -> int:
    if what == "gold":
        fmt = "json"
    if fmt in INTERCHANGE and what != "events":
        raise ValueError(f"--format {fmt} holds events only (not {what}); see docs/interchange.md")
    docs = {d["doc_id"]: d for d in store.documents(with_text=False)} if fmt in INTERCHANGE else None
    return export_records(records_for(store, what), path, fmt, docs)
