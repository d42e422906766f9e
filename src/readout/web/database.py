"""The server's hold on one readout database.

A DuckDB file open for writing cannot be opened by any other process, so the server owns the
database for as long as it runs and everything, ingest included, goes through it. Inside the
process one DuckDB connection is shared by the request threads the DuckDB way: every request gets
its own cursor (a connection to the same database instance), so readers never share a cursor with
each other or with a writer; MVCC gives each reader a consistent snapshot while an ingest commits
document by document. Writers are serialised by a lock, so two uploads never interleave.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from readout.store import Store
from readout.store.corrections import Corrections, sidecar
from readout.web.search import EvidenceIndex, evidence_text

log = logging.getLogger("readout.web")
SEARCH_SUFFIX = ".search"  # the search index cache next to the database (safe to delete)
# What the index holds per event, and a fingerprint of it (changes when the evidence does).
_TEXTS = ("list_concat(coalesce(json_extract_string(record, '$.evidence[*].text'), []), "
          "coalesce(json_extract_string(record, '$.claims[*].evidence[*].text'), []))")
_FINGERPRINT = ("(hash(json_extract(record, '$.evidence')::VARCHAR, "
                "json_extract(record, '$.claims')::VARCHAR) >> 1)::BIGINT")


class _CursorStore(Store):
    """A :class:`Store` on one cursor of the server's connection (no schema work, no own file handle)."""

    def __init__(self, path: str, con: duckdb.DuckDBPyConnection) -> None:
        # Store.__init__ opens the file; here the file is already open, only the queries are wanted.
        self.path = path
        self.con = con


class WebDatabase:
    """The database a server owns: per-request cursors, one writer at a time, a search index."""

    def __init__(self, path: str | Path, index_path: str | Path | None = None) -> None:
        self.path = str(path)
        self._store = Store(self.path)  # StoreError when locked by another process or of another version
        # the analysts' corrections table (taken back from the sidecar file after a fresh re-run)
        try:
            Corrections(self._store)
        except (OSError, ValueError) as e:  # a damaged sidecar must not keep the server from starting
            log.warning("could not take back the corrections from %s: %s", sidecar(self.path), e)
        self._cursor_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._closed = False
        self.generation = 0  # increases after every write, for caches of derived data
        self.index = EvidenceIndex(index_path if index_path is not None else self.path + SEARCH_SUFFIX)
        self.refresh()

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        with self._cursor_lock:
            if self._closed:
                raise RuntimeError("the database is closed")
            return self._store.con.cursor()

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A store for reading, valid inside the ``with`` block."""
        cur = self._cursor()
        try:
            yield _CursorStore(self.path, cur)
        finally:
            cur.close()

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """The one store that may write; the search index is rebuilt when the block ends."""
        with self._write_lock:
            cur = self._cursor()
            try:
                yield _CursorStore(self.path, cur)
            finally:
                cur.close()
                self.refresh()

    def refresh(self) -> None:
        """Bring what is derived from the stored events (the search index) up to date."""
        with self.reader() as store:
            current = dict(store.con.execute(f"SELECT id, {_FINGERPRINT} FROM events").fetchall())
            self.index.sync(current, lambda ids: self._evidence(store, ids))
        self.generation += 1

    @staticmethod
    def _evidence(store: Store, ids: list[str]) -> Iterator[tuple[str, str]]:
        for i in range(0, len(ids), 10_000):
            rows = store.con.execute(
                f"SELECT id, {_TEXTS} FROM events WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids[i:i + 10_000]]
            ).fetchall()
            for event_id, texts in rows:
                yield event_id, evidence_text(texts or [])

    def counts(self) -> dict[str, Any]:
        with self.reader() as store:
            return store.counts()

    def close(self) -> None:
        with self._write_lock, self._cursor_lock:
            if self._closed:
                return
            self._closed = True
            self._store.close()
            self.index.close()
