"""Free-text search over evidence: an SQLite FTS5 index with the trigram tokenizer.

DuckDB 2.0 cannot load its ``fts`` extension offline, so the server keeps its own index. SQLite
ships with Python; its FTS5 ``trigram`` tokenizer matches any substring of three or more
characters, case-folded, which suits German compounds: "stillstand" finds "Waffenstillstand",
"energie" finds "Energie-Infrastruktur". Terms shorter than three characters are matched by a
case-folded substring test over the indexed rows. Where SQLite lacks FTS5 or the trigram tokenizer
(builds older than 3.34), a plain table with the same substring test is used: slower, not different.

The index is a cache: it lives next to the database (``FILE.search``, or in memory) and is brought
up to date with :meth:`EvidenceIndex.sync` when the server starts and after every ingest. Each
event's evidence has a fingerprint, so only new, changed or removed events are touched, and a
restart of the server on an unchanged database costs one scan of the fingerprints.

    >>> index = EvidenceIndex()
    >>> index.sync({"ev-1": 1}, lambda ids: [("ev-1", "Der Waffenstillstand gilt 30 Tage")])
    1
    >>> index.search("stillstand 30")
    ['ev-1']
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

MAX_QUERY_CHARS = 500
MAX_TERMS = 16
_TERM = re.compile(r'"([^"]*)"|(\S+)')


class QueryError(ValueError):
    """A search query that cannot be used (too long, nothing to search for)."""


def parse_query(q: str) -> list[str]:
    """The terms of a query: words, or "quoted phrases"; every term must occur (AND).

    >>> parse_query('Putin "30 Tage" Energie')
    ['Putin', '30 Tage', 'Energie']
    """
    if len(q) > MAX_QUERY_CHARS:
        raise QueryError(f"search query too long ({len(q)} characters; at most {MAX_QUERY_CHARS})")
    terms = []
    for quoted, word in _TERM.findall(q):
        term = " ".join((quoted or word).split())
        if term:
            terms.append(term)
    if not terms:
        raise QueryError("search query has no words")
    if len(terms) > MAX_TERMS:
        raise QueryError(f"search query has {len(terms)} terms; at most {MAX_TERMS}")
    return terms


def _contains(body: str | None, term: str) -> bool:
    return body is not None and term.casefold() in body.casefold()


INDEX_VERSION = "1"


class EvidenceIndex:
    """Event ids by the text of their evidence (event evidence and every claim's evidence)."""

    def __init__(self, path: str | Path = ":memory:") -> None:
        self.path = str(path)
        self._lock = threading.Lock()
        try:
            self._con = self._open(self.path)
        except (sqlite3.Error, OSError):  # a broken or unwritable cache is rebuilt, or kept in memory
            try:
                if self.path != ":memory:":
                    Path(self.path).unlink(missing_ok=True)
                self._con = self._open(self.path)
            except (sqlite3.Error, OSError):
                self.path = ":memory:"
                self._con = self._open(self.path)
        self.kind = self._kind()

    @staticmethod
    def _open(path: str) -> sqlite3.Connection:
        con = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        con.create_function("contains_ci", 2, _contains, deterministic=True)
        con.execute("PRAGMA synchronous = OFF")  # a cache: losing it costs a rebuild, nothing more
        con.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        row = con.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        if row is not None and row[0] != INDEX_VERSION:
            for table in ("evidence", "seen"):
                con.execute(f"DROP TABLE IF EXISTS {table}")
        try:
            con.execute("CREATE VIRTUAL TABLE IF NOT EXISTS evidence USING fts5(event_id UNINDEXED, body, "
                        "tokenize='trigram')")
        except sqlite3.OperationalError:  # no FTS5 or no trigram tokenizer in this SQLite build
            con.execute("CREATE TABLE IF NOT EXISTS evidence (event_id TEXT, body TEXT)")
        con.execute("CREATE TABLE IF NOT EXISTS seen (event_id TEXT PRIMARY KEY, fingerprint INTEGER, rid INTEGER)")
        con.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (INDEX_VERSION,))
        con.execute("SELECT count(*) FROM evidence").fetchone()  # fails here when the file is not a database
        return con

    def _kind(self) -> str:
        sql = self._con.execute("SELECT sql FROM sqlite_master WHERE name = 'evidence'").fetchone()[0]
        return "sqlite-fts5-trigram" if "fts5" in sql.lower() else "sqlite-scan"

    @property
    def size(self) -> int:
        """How many events have evidence in the index."""
        with self._lock:
            return int(self._con.execute("SELECT count(*) FROM seen WHERE rid IS NOT NULL").fetchone()[0])

    def sync(self, current: dict[str, int],
             fetch: Callable[[list[str]], Iterable[tuple[str, str]]]) -> int:
        """Bring the index up to ``current`` (event id -> fingerprint of its evidence): drop the
        events that are gone or changed, add the texts ``fetch(ids)`` gives for new and changed
        ones. Returns how many events were (re)indexed."""
        with self._lock:
            known = dict(self._con.execute("SELECT event_id, fingerprint FROM seen").fetchall())
            stale = [i for i, fp in known.items() if current.get(i) != fp]
            new = [i for i, fp in current.items() if known.get(i) != fp]
            if not stale and not new:
                return 0
            con = self._con
            con.execute("BEGIN")
            try:
                for i in range(0, len(stale), 500):
                    chunk = stale[i:i + 500]
                    marks = ",".join("?" * len(chunk))
                    con.execute(f"DELETE FROM evidence WHERE rowid IN (SELECT rid FROM seen WHERE event_id IN ({marks}))",
                                chunk)
                    con.execute(f"DELETE FROM seen WHERE event_id IN ({marks})", chunk)
                texts = dict(fetch(new)) if new else {}
                for event_id in new:
                    rid = None
                    if texts.get(event_id):
                        rid = con.execute("INSERT INTO evidence (event_id, body) VALUES (?, ?)",
                                          (event_id, texts[event_id])).lastrowid
                    con.execute("INSERT INTO seen VALUES (?, ?, ?)", (event_id, current[event_id], rid))
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            return len(new)

    def search(self, q: str) -> list[str]:
        """Ids of the events whose evidence contains every term of ``q``."""
        terms = parse_query(q)
        long_terms = [t for t in terms if len(t) >= 3] if self.kind == "sqlite-fts5-trigram" else []
        short_terms = [t for t in terms if t not in long_terms]
        where, params = [], []
        if long_terms:
            where.append("evidence MATCH ?")
            params.append(" AND ".join('"' + t.replace('"', '""') + '"' for t in long_terms))
        for t in short_terms:
            where.append("contains_ci(body, ?)")
            params.append(t)
        sql = f"SELECT event_id FROM evidence WHERE {' AND '.join(where)} ORDER BY rowid"
        with self._lock:
            return [r[0] for r in self._con.execute(sql, params).fetchall()]

    def close(self) -> None:
        with self._lock:
            self._con.close()


def evidence_text(texts: Iterable[str | None]) -> str:
    """The indexed text of one event: its distinct evidence texts, one per line."""
    return "\n".join(dict.fromkeys(t for t in texts if t))
