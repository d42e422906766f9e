from __future__ import annotations

import json

import duckdb
import pytest

from readout.model import Actor, DateValue, Document, Event, Span
from readout.store import SCHEMA_VERSION, Store, StoreError, export


def _doc(doc_id: str = "d1", text: str = "Putin und Trump telefonierten am Dienstag.") -> Document:
    doc = Document(doc_id=doc_id, text=text, published=DateValue("2025-03-19", "day"), content_hash=doc_id + "h")
    ev = Event(
        id="ev-0001", doc_id=doc_id, type="CONSULT", mode="phone",
        actors=[Actor("Wladimir Putin", "RUS"), Actor("Donald Trump", "USA")], recipients=[],
        date={"value": "2025-03-18", "precision": "day", "text": "am Dienstag", "basis": "weekday"},
        modality="asserted", evidence=[Span(doc_id, 0, len(text), text)], producer="test", summary="call",
    )
    doc.events = [ev]
    return doc


def test_schema_version_is_recorded(tmp_path):
    db = tmp_path / "x.duckdb"
    with Store(db):
        pass
    con = duckdb.connect(str(db))
    assert con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="schema version 999"):
        Store(db)


def test_document_and_events_in_one_transaction(tmp_path):
    with Store(tmp_path / "x.duckdb") as store:
        doc = _doc()
        doc.events.append(doc.events[0])  # the same id twice: the second insert fails ...
        with pytest.raises(duckdb.Error):
            store.add_document(doc)
        # ... and the whole document was rolled back, not half stored
        assert store.counts()["documents"] == 0
        assert store.counts()["events"] == 0
        store.add_document(_doc())
        assert store.counts() == {"documents": 1, "events": 1, "stories": 0, "discrepancies": 0, "commitments": 0}


def test_duplicate_is_stored_as_link(tmp_path):
    with Store(tmp_path / "x.duckdb") as store:
        store.add_document(_doc("a"))
        dup = _doc("b")
        dup.events = []
        dup.duplicate_of = "a"
        store.add_document(dup)
        docs = {d["doc_id"]: d for d in store.documents()}
        assert docs["b"]["duplicate_of"] == "a" and docs["b"]["text"] is None


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_exports_round_trip(tmp_path, fmt):
    with Store(tmp_path / "x.duckdb") as store:
        store.add_document(_doc())
        path = tmp_path / f"events.{fmt}"
        assert export(store, "events", path, fmt) == 1
    if fmt == "jsonl":
        rec = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
        assert rec["actors"][0]["country"] == "RUS"
        assert "trigger" not in rec
    else:
        reader = "read_csv_auto" if fmt == "csv" else "read_parquet"
        row = duckdb.sql(f"SELECT id, type FROM {reader}('{path}')").fetchall()
        assert row == [("ev-0001", "CONSULT")]


def test_empty_exports_are_valid_files(tmp_path):
    with Store(tmp_path / "x.duckdb") as store:
        for what in ("discrepancies", "commitments", "stories"):
            for fmt in ("jsonl", "csv", "parquet"):
                assert export(store, what, tmp_path / f"{what}.{fmt}", fmt) == 0
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{tmp_path / 'stories.parquet'}')").fetchall()[0][0] == 0
