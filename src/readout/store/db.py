"""The embedded DuckDB store: schema, versioning and transactional writes.

One document and everything extracted from it are written in one transaction, so an interrupted
run never leaves half a document behind. Cross-document results (stories, discrepancies,
commitments) are replaced as a whole, also in one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from readout.model import Document, Event, to_record

SCHEMA_VERSION = 1
DEFAULT_DB = "readout.duckdb"

_SCHEMA = [
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    """CREATE TABLE IF NOT EXISTS documents (
        doc_id VARCHAR PRIMARY KEY,
        source VARCHAR,
        content_hash VARCHAR,
        text VARCHAR,
        body_start INTEGER,
        published VARCHAR,
        published_precision VARCHAR,
        published_source VARCHAR,
        title VARCHAR, url VARCHAR, outlet VARCHAR, dateline VARCHAR, author VARCHAR, language VARCHAR,
        duplicate_of VARCHAR,
        near_duplicate_of VARCHAR,
        similarity DOUBLE,
        annotations JSON,
        seq INTEGER
    )""",
    """CREATE TABLE IF NOT EXISTS events (
        id VARCHAR PRIMARY KEY, doc_id VARCHAR, seq INTEGER, type VARCHAR, mode VARCHAR,
        modality VARCHAR, date_value VARCHAR, cluster_id VARCHAR, record JSON
    )""",
    "CREATE TABLE IF NOT EXISTS stories (id VARCHAR PRIMARY KEY, seq INTEGER, record JSON)",
    "CREATE TABLE IF NOT EXISTS discrepancies (id VARCHAR PRIMARY KEY, seq INTEGER, cluster_id VARCHAR, record JSON)",
    "CREATE TABLE IF NOT EXISTS commitments (id VARCHAR PRIMARY KEY, seq INTEGER, cluster_id VARCHAR, record JSON)",
]


class StoreError(RuntimeError):
    """The database cannot be used (wrong schema version, locked by another process, ...)."""


class Store:
    """A readout database file. Use as a context manager; ``Store(path)`` creates it when missing."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = str(path)
        if path != ":memory:" and not read_only:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as e:
            raise StoreError(
                f"cannot open {self.path}: {e}. Another readout process (ingest or serve) may hold it open."
            ) from e
        if not read_only:
            self._migrate()
        self._check_version()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- schema ---------------------------------------------------------------------------
    def _migrate(self) -> None:
        with self.transaction():
            for ddl in _SCHEMA:
                self.con.execute(ddl)
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if row is None:
                self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])

    def _check_version(self) -> None:
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None or int(row[0]) != SCHEMA_VERSION:
            found = row[0] if row else "none"
            raise StoreError(
                f"{self.path} has schema version {found}, this readout needs {SCHEMA_VERSION}; "
                "re-run the ingest into a new database file"
            )

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # -- progress records -------------------------------------------------------------------
    def progress(self, key: str) -> str | None:
        """The progress record ``key`` (e.g. an ingest that has not finished), or None."""
        row = self.con.execute("SELECT value FROM meta WHERE key = ?", [f"progress:{key}"]).fetchone()
        return row[0] if row else None

    def set_progress(self, key: str, value: str | None) -> None:
        """Set (or, with None, clear) a progress record; committed at once."""
        if value is None:
            self.con.execute("DELETE FROM meta WHERE key = ?", [f"progress:{key}"])
        else:
            self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [f"progress:{key}", value])

    # -- documents ------------------------------------------------------------------------
    def document_by_hash(self, content_hash: str) -> str | None:
        row = self.con.execute(
            "SELECT doc_id FROM documents WHERE content_hash = ? AND duplicate_of IS NULL ORDER BY seq LIMIT 1",
            [content_hash],
        ).fetchone()
        return row[0] if row else None

    def document_source(self, doc_id: str) -> tuple[str | None, str | None] | None:
        row = self.con.execute("SELECT source, content_hash FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
        return (row[0], row[1]) if row else None

    def _next_seq(self, table: str) -> int:
        row = self.con.execute(f"SELECT coalesce(max(seq), -1) + 1 FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def add_document(self, doc: Document, annotations: dict[str, Any] | None = None) -> None:
        """Store a document and its events in one transaction (a duplicate is stored as a link only)."""
        with self.transaction():
            seq = self._next_seq("documents")
            pub = doc.published
            self.con.execute(
                "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    doc.doc_id, doc.source, doc.content_hash,
                    None if doc.duplicate_of else doc.text,
                    doc.body_start,
                    pub.value if pub else None, pub.precision if pub else None, doc.published_source,
                    doc.title, doc.url, doc.outlet, doc.dateline, doc.author, doc.language,
                    doc.duplicate_of, doc.near_duplicate_of, None,
                    json.dumps(annotations, ensure_ascii=False) if annotations is not None else None,
                    seq,
                ],
            )
            for i, ev in enumerate(doc.events):
                self._insert_event(ev, seq * 10000 + i)

    def _insert_event(self, ev: Event, seq: int) -> None:
        rec = to_record(ev)
        self.con.execute(
            "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?)",
            [ev.id, ev.doc_id, seq, ev.type, ev.mode, ev.modality, (ev.date or {}).get("value"),
             ev.cluster_id, json.dumps(rec, ensure_ascii=False)],
        )

    def set_near_duplicate(self, doc_id: str, other: str, similarity: float) -> None:
        self.con.execute(
            "UPDATE documents SET near_duplicate_of = ?, similarity = ? WHERE doc_id = ?",
            [other, similarity, doc_id],
        )

    def documents(self, with_text: bool = True) -> list[dict[str, Any]]:
        cols = [
            "doc_id", "source", "content_hash", "text", "body_start", "published", "published_precision",
            "published_source", "title", "url", "outlet", "dateline", "author", "language",
            "duplicate_of", "near_duplicate_of", "similarity",
        ]
        if not with_text:
            cols.remove("text")
        rows = self.con.execute(f"SELECT {', '.join(cols)} FROM documents ORDER BY seq").fetchall()
        return [dict(zip(cols, r, strict=True)) for r in rows]

    def document(self, doc_id: str) -> dict[str, Any] | None:
        row = self.con.execute(
            "SELECT doc_id, text, annotations, published, published_precision, title, source, duplicate_of "
            "FROM documents WHERE doc_id = ?",
            [doc_id],
        ).fetchone()
        if row is None:
            return None
        keys = ["doc_id", "text", "annotations", "published", "published_precision", "title", "source", "duplicate_of"]
        out = dict(zip(keys, row, strict=True))
        out["annotations"] = json.loads(out["annotations"]) if out["annotations"] else None
        return out

    # -- events and cross-document records --------------------------------------------------
    def events(self) -> list[dict[str, Any]]:
        rows = self.con.execute("SELECT record FROM events ORDER BY seq, id").fetchall()
        return [json.loads(r[0]) for r in rows]

    def replace_cross_document(
        self,
        cluster_of: dict[str, str | None],
        event_updates: dict[str, dict[str, Any]],
        stories: Iterable[dict[str, Any]],
        discrepancies: Iterable[dict[str, Any]],
        commitments: Iterable[dict[str, Any]],
    ) -> None:
        """Write the results of the cross-document stage in one transaction."""
        with self.transaction():
            for eid, rec in event_updates.items():
                self.con.execute(
                    "UPDATE events SET cluster_id = ?, date_value = ?, record = ? WHERE id = ?",
                    [cluster_of.get(eid), (rec.get("date") or {}).get("value"), json.dumps(rec, ensure_ascii=False), eid],
                )
            for table, recs in (("stories", stories), ("discrepancies", discrepancies), ("commitments", commitments)):
                self.con.execute(f"DELETE FROM {table}")
                for i, rec in enumerate(recs):
                    if table == "stories":
                        self.con.execute("INSERT INTO stories VALUES (?,?,?)", [rec["id"], i, json.dumps(rec, ensure_ascii=False)])
                    else:
                        self.con.execute(
                            f"INSERT INTO {table} VALUES (?,?,?,?)",
                            [rec["id"], i, rec.get("cluster_id"), json.dumps(rec, ensure_ascii=False)],
                        )

    def records(self, table: str) -> list[dict[str, Any]]:
        if table not in {"stories", "discrepancies", "commitments"}:
            raise ValueError(f"unknown table {table!r}")
        rows = self.con.execute(f"SELECT record FROM {table} ORDER BY seq").fetchall()
        return [json.loads(r[0]) for r in rows]

    def counts(self) -> dict[str, int]:
        out = {}
        for t in ("documents", "events", "stories", "discrepancies", "commitments"):
            row = self.con.execute(f"SELECT count(*) FROM {t}").fetchone()
            out[t] = int(row[0]) if row else 0
        return out
