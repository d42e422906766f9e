"""`--engine dask` gives exactly what the local engine gives: same records, ids, order and links."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from readout.cli import app
from readout.distributed import (
    PART_SCHEMA,
    DaskEngineError,
    _check_workers,
    analyse_partition,
    analysed_from_row,
    event_from_record,
    ingest_dask,
    run_dask,
)
from readout.ingest import iter_inputs
from readout.model import Document, to_record
from readout.pipeline import analyse_document, run
from readout.store import Store

EXPORTS = ("events", "discrepancies", "commitments")


def _sorted_lines(path: Path) -> list[str]:
    return sorted(path.read_text(encoding="utf-8").splitlines())


def _documents(db: Path) -> list[dict]:
    with Store(db, read_only=True) as store:
        return store.documents(with_text=False)


def test_event_records_survive_the_parquet_round_trip(seeds_dir):
    docs = [d for d in iter_inputs([str(seeds_dir)]) if isinstance(d, Document)]
    originals = {d.doc_id: d for d in docs}
    raw = analyse_partition([Document(**{f: getattr(d, f) for f in ("doc_id", "text", "body_start", "published",
                                                                    "published_source", "source", "content_hash")})
                             for d in docs])
    import pyarrow as pa

    rows = pq.read_table(pa.BufferReader(raw), schema=PART_SCHEMA).to_pylist()
    assert [r["doc_id"] for r in rows] == list(originals) and all(r["status"] == "ok" for r in rows)
    n = 0
    for row in rows:
        local = analyse_document(originals[row["doc_id"]])
        remote = analysed_from_row(Document(doc_id=local.doc_id, text=local.text), row)
        assert [to_record(e) for e in remote.doc.events] == [to_record(e) for e in local.events]
        assert remote.doc.language == local.language
        for ev in local.events:
            rec = json.loads(json.dumps(to_record(ev), ensure_ascii=False))
            assert to_record(event_from_record(rec)) == rec
            n += 1
    assert n > 10


def test_dask_run_equals_local_run(scale_corpus, tmp_path, dask_client):
    local = tmp_path / "local"
    report = run([str(scale_corpus)], local)
    assert report.ok and len(report.duplicates) >= 5 and report.near_duplicates, report
    remote = tmp_path / "dask"
    dreport = run_dask([str(scale_corpus)], remote, client=dask_client, partition_size=16)
    assert (dreport.ingested, dreport.duplicates, dreport.near_duplicates, dreport.events) == (
        report.ingested, report.duplicates, report.near_duplicates, report.events)
    for what in EXPORTS:
        a, b = _sorted_lines(local / f"{what}.jsonl"), _sorted_lines(remote / f"{what}.jsonl")
        assert a == b, what
        assert (local / f"{what}.jsonl").read_bytes() == (remote / f"{what}.jsonl").read_bytes(), f"{what} order"
    assert len(_sorted_lines(local / "events.jsonl")) > 500
    # same documents, in the same order, with the same duplicate and near-duplicate links
    assert _documents(local / "readout.duckdb") == _documents(remote / "readout.duckdb")
    parts = sorted((remote / "parts").glob("part-*.parquet"))
    assert len(parts) == -(-len(report.ingested) // 16)
    total = 0
    for p in parts:
        t = pq.read_table(p)
        assert t.schema.equals(PART_SCHEMA, check_metadata=False)
        total += t.num_rows
    assert total == len(report.ingested)


def test_dask_ingest_continues_a_database_like_local(scale_corpus, tmp_path, dask_client, seeds_dir):
    """An existing database: stored documents are skipped, copies of stored texts become links."""
    files = sorted(scale_corpus.glob("a0000*.txt")) + sorted(scale_corpus.glob("a0001*.txt"))
    dbs = {}
    for engine in ("local", "dask"):
        db = tmp_path / f"{engine}.duckdb"
        with Store(db) as store:
            from readout.pipeline import ingest, update_stories

            ingest([str(seeds_dir)], store)
            if engine == "local":
                r = ingest([str(seeds_dir), *map(str, files)], store)
            else:
                r = ingest_dask([str(seeds_dir), *map(str, files)], store, client=dask_client, partition_size=4)
            assert len(r.unchanged) == 5 and r.ingested
            update_stories(store)
            dbs[engine] = (store.documents(), store.events(), store.records("stories"))
    assert dbs["local"] == dbs["dask"]


def test_cli_run_engine_dask(tmp_path, seeds_dir):
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["run", str(seeds_dir), "--out", str(out), "--engine", "dask", "--workers", "1"])
    assert res.exit_code == 0, res.output
    local = tmp_path / "local"
    run([str(seeds_dir)], local)
    for what in EXPORTS:
        assert (out / f"{what}.jsonl").read_bytes() == (local / f"{what}.jsonl").read_bytes()
    assert list((out / "parts").glob("*.parquet"))


def test_cli_rejects_unknown_engine(tmp_path, seeds_dir):
    res = CliRunner().invoke(app, ["run", str(seeds_dir), "--out", str(tmp_path), "--engine", "spark"])
    assert res.exit_code == 2 and "--engine must be local or dask" in res.output


def test_workers_with_another_readout_are_refused():
    class Client:
        def wait_for_workers(self, n: int, timeout: float) -> None:
            pass

        def run(self, fn):
            return {"tcp://10.0.0.7:4000": "0.0.1+000000000000"}

    with pytest.raises(DaskEngineError, match="tcp://10.0.0.7:4000 has 0.0.1"):
        _check_workers(Client())
