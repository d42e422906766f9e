"""Crash safety: `readout ingest` killed with SIGKILL at random moments, then run again, ends with
exactly the database an uninterrupted run gives (documents, events, stories, discrepancies,
commitments; same ids, same order, no duplicates, nothing lost).

The long variants (more kills, a second ingest into a filled database, the Dask engine) are
marked slow:
    .venv/bin/python -m pytest -m slow tests/scale/test_crash.py
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from corpora import write_articles

TABLES = {
    "documents": "doc_id", "events": "id", "stories": "id", "discrepancies": "id", "commitments": "id", "meta": "key",
}


# `readout ingest`, with a line on stdout after each committed document and when the cross-document
# stage starts, so that kills can be aimed at moments of the run whatever the machine's load.
_INGEST = """
import sys
from readout.store import db
import readout.pipeline as pipeline
add, stories = db.Store.add_document, pipeline.update_stories
def add_document(self, *a, **k):
    add(self, *a, **k)
    print("stored", flush=True)
def update_stories(*a, **k):
    print("stories", flush=True)
    return stories(*a, **k)
db.Store.add_document, pipeline.update_stories = add_document, update_stories
from readout.cli import app
sys.argv[0] = "readout"
app()
"""


def _cmd(inputs: Path, db: Path, *extra: str) -> list[str]:
    return [sys.executable, "-c", _INGEST, "ingest", str(inputs), "--db", str(db), *extra]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["COLUMNS"] = "200"
    return env


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: the canonical content of a readout database."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: sorted(map(tuple, con.execute(f"SELECT * FROM {t} ORDER BY {key}").fetchall()), key=repr)
                for t, key in TABLES.items()}
    finally:
        con.close()


def _state(db: Path) -> tuple[int, int]:
    """(documents, stories) in a database a killed process left behind."""
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return (-1, -1)
    try:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "stories"))
    except duckdb.Error:  # killed before the schema was committed
        return (0, 0)
    finally:
        con.close()


def _complete(inputs: Path, db: Path, *extra: str) -> float:
    started = time.monotonic()
    res = subprocess.run(_cmd(inputs, db, *extra), capture_output=True, text=True, timeout=600, env=_env())
    assert res.returncode == 0, res.stderr[-3000:]
    return time.monotonic() - started


Moment = tuple[str, int, float]  # kill after this many lines of this kind, and these seconds more


def moment(rng: random.Random, kind: str | None = None) -> Moment:
    """A random moment to kill: at start-up, among the documents, or in the cross-document stage."""
    kind = kind or rng.choices(["start", "stored", "stories"], [0.15, 0.65, 0.2])[0]
    if kind == "start":
        return ("start", 0, rng.uniform(0.0, 1.5))  # imports, opening or creating the database
    if kind == "stories":
        return ("stories", 1, rng.uniform(0.0, 0.8))  # near duplicates done; the cross-document stage
    return ("stored", rng.randint(1, 30), rng.uniform(0.0, 0.05))  # after the n-th committed document


def kill_and_resume(inputs: Path, db: Path, moments: list[Moment], *extra: str) -> list[dict]:
    """Start the ingest once per moment and kill it with SIGKILL then (unless it finished first);
    finally run it to completion. Returns what happened each time."""
    log = []
    for what, count, extra_s in moments:
        proc = subprocess.Popen(_cmd(inputs, db, *extra), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                text=True, env=_env())
        assert proc.stdout is not None
        seen = 0
        while what != "start" and seen < count:
            line = proc.stdout.readline()
            if not line:
                break  # finished before the moment came
            seen += line.strip() == what
        time.sleep(extra_s)
        finished = proc.poll() is not None
        if not finished:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        log.append({"at": f"{what} {count} +{extra_s:.2f}s", "killed": not finished, "state": _state(db)})
    _complete(inputs, db, *extra)
    return log


@pytest.fixture(scope="module")
def crash_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("crash-corpus")
    write_articles(d, 145, seed=21)  # 150 documents with the examples, copies and JSONL/CSV records
    return d


@pytest.fixture(scope="module")
def reference(crash_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, float]:
    db = tmp_path_factory.mktemp("crash-ref") / "ref.duckdb"
    seconds = _complete(crash_corpus, db)
    content = dump(db)
    assert len(content["documents"]) == 150 and content["events"] and content["stories"]
    assert not [r for r in content["meta"] if r[0].startswith("progress:")]
    return content, seconds


def _check(db: Path, reference: dict, log: list[dict]) -> None:
    got = dump(db)
    for table in TABLES:
        assert got[table] == reference[table], f"{table} differs after the kills {log}"


def test_killed_ingest_resumes_to_the_same_database(crash_corpus, reference, tmp_path):
    ref, _ = reference
    db = tmp_path / "crash.duckdb"
    rng = random.Random(20251125)
    moments = [moment(rng, k) for k in ("start", "stored", "stored", "stored", "stored", "stories")]
    log = kill_and_resume(crash_corpus, db, moments)
    assert sum(e["killed"] for e in log) >= 5, log
    # the kills landed at different stages: before, during and (mostly) across the documents
    assert len({e["state"] for e in log}) >= 3, log
    _check(db, ref, log)
    print("kills:", log)


@pytest.mark.slow
def test_killed_ingest_of_new_documents_into_a_database(crash_corpus, reference, tmp_path):
    """A second ingest into a database that already holds part of the corpus, killed at random
    and mostly late (near duplicates, stories), ends like the same two ingests without kills. The
    documents of the killed run are no longer new when it is resumed: their near duplicates and
    stories must still be found."""
    part = tmp_path / "part"
    part.mkdir()
    for p in sorted(crash_corpus.glob("a000[0-4]*.txt")):
        (part / p.name).write_bytes(p.read_bytes())
    base = tmp_path / "base.duckdb"
    _complete(part, base)
    _complete(crash_corpus, base)
    db = tmp_path / "two-step.duckdb"
    _complete(part, db)
    rng = random.Random(7)
    log = []
    for _ in range(3):
        log += kill_and_resume(crash_corpus, db, [moment(rng)])
    _check(db, dump(base), log)


@pytest.mark.slow
def test_many_kills(crash_corpus, reference, tmp_path):
    """Twelve fresh databases: each ingest killed at random, its resumption killed again, then
    completed (24 kills, spread over the whole run and over recoveries)."""
    ref, _ = reference
    killed = 0
    for chain in range(12):
        db = tmp_path / f"many-{chain}.duckdb"
        rng = random.Random(1000 + chain)
        log = kill_and_resume(crash_corpus, db, [moment(rng), moment(rng)])
        killed += sum(e["killed"] for e in log)
        _check(db, ref, log)
        print(f"chain {chain}:", log)
    assert killed >= 16


@pytest.mark.slow
def test_many_kills_dask_engine(crash_corpus, reference, tmp_path):
    ref, _ = reference
    db = tmp_path / "dask.duckdb"
    rng = random.Random(5)
    log = kill_and_resume(crash_corpus, db, [moment(rng, "stored") for _ in range(3)] + [moment(rng, "stories")],
                          "--engine", "dask", "--workers", "2")
    assert sum(e["killed"] for e in log) >= 3, log
    _check(db, ref, log)
