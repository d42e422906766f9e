"""Running the per-document stages in parallel with Dask.distributed (``--engine dask``).

Documents are read and de-duplicated on the client, in input order. Each new document is sent
to a worker in a partition of ``partition_size`` documents; a worker runs
:func:`readout.pipeline.analyse_document` on each and returns the partition as Parquet (an
explicit Arrow schema; events, with their claims and evidence, as JSON text). The client writes
the partition to ``parts/part-NNNNN.parquet``, reads it back and hands the documents, still in
input order, to :func:`readout.pipeline.ingest`, which stores them exactly as the single-process
run does: the same decisions, the same order, the same ids. Workers need no shared filesystem,
only the same readout installed.

    >>> from readout.distributed import run_dask
    >>> report = run_dask(["../shared/corpus/seeds"], "out", workers=2)     # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import logging
import shutil
import tempfile
import time
import types
import typing
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from readout import __version__
from readout.ingest import Rejection
from readout.model import Document, Event, to_record
from readout.pipeline import (
    TIME_LIMIT_S,
    Analysed,
    IngestReport,
    analyse_document,
    analysis_failure,
    ingest,
    run,
)
from readout.pipeline import annotations as document_annotations
from readout.store import Store

log = logging.getLogger(__name__)

PARTITION_SIZE = 50

# One row per analysed document. Nested records are JSON text to keep the schema flat and stable.
PART_SCHEMA = pa.schema([
    pa.field("position", pa.int32(), nullable=False),  # place of the document in its partition
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("status", pa.string(), nullable=False),  # "ok" or "rejected"
    pa.field("reason", pa.string()),  # why it was rejected; null when ok
    pa.field("seconds", pa.float64(), nullable=False),  # analysis time on the worker
    pa.field("n_events", pa.int32(), nullable=False),
    pa.field("document", pa.string()),  # JSON: the document's metadata after analysis (language, ...)
    pa.field("annotations", pa.string()),  # JSON, as stored in documents.annotations
    pa.field("events", pa.string()),  # JSON list of event records (claims and evidence nested)
], metadata={"readout": __version__, "format": "readout-part/1"})

# Document fields a stage may set (the language, ...) travel back; the text and the
# annotation lists do not (the client has the text; the rest is in annotations and events).
_DOC_SKIP = {"text", "sentences", "entities", "timexes", "quantities", "events"}


class DaskEngineError(RuntimeError):
    """The Dask cluster cannot be used (unreachable scheduler, workers with another readout, ...)."""


# -- on the workers ----------------------------------------------------------------------------

def analyse_partition(docs: list[Document], time_limit: float | None = TIME_LIMIT_S,
                      people: list[dict[str, Any]] | None = None) -> bytes:
    """Analyse ``docs`` and return them as one Parquet file (bytes) in :data:`PART_SCHEMA`.

    ``people``: knowledge-base entries analysts added in the client's database (the local ingest
    loads them too), added to the worker's knowledge base first.
    """
    if people:
        from readout.entities.kb import add_user_entries

        add_user_entries(people)
    rows = []
    for i, doc in enumerate(docs):
        started = time.perf_counter()
        try:
            analyse_document(doc, time_limit)
        except Exception as e:  # reported per document, like the local run
            rows.append({"position": i, "doc_id": doc.doc_id, "status": "rejected", "reason": analysis_failure(e),
                         "seconds": time.perf_counter() - started, "n_events": 0,
                         "document": None, "annotations": None, "events": None})
            continue
        meta = {f.name: to_record(getattr(doc, f.name)) for f in dataclasses.fields(Document)
                if f.name not in _DOC_SKIP}
        rows.append({
            "position": i, "doc_id": doc.doc_id, "status": "ok", "reason": None,
            "seconds": time.perf_counter() - started, "n_events": len(doc.events),
            "document": json.dumps(meta, ensure_ascii=False),
            "annotations": json.dumps(document_annotations(doc), ensure_ascii=False),
            "events": json.dumps([to_record(ev) for ev in doc.events], ensure_ascii=False),
        })
    sink = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_pylist(rows, schema=PART_SCHEMA), sink, compression="zstd")
    return sink.getvalue().to_pybytes()


def fingerprint() -> str:
    """readout's version and a hash of its code and data files: workers must match the client."""
    import readout

    root = Path(readout.__file__).parent
    h = hashlib.sha1(__version__.encode())
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.suffix in {".py", ".json", ".jsonl", ".txt", ".tsv"} and "__pycache__" not in p.parts:
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return f"{__version__}+{h.hexdigest()[:12]}"


# -- from Parquet rows back to records ----------------------------------------------------------

def _build(tp: Any, value: Any) -> Any:
    """Rebuild a value of type ``tp`` (a dataclass, list, optional, ...) from its :func:`to_record` form."""
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            if dataclasses.is_dataclass(arg) and isinstance(value, dict):
                return _build(arg, value)
        return value
    if origin is list:
        (arg,) = typing.get_args(tp) or (Any,)
        return [_build(arg, v) for v in value]
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        return tp(**{k: _build(hints[k], v) for k, v in value.items() if k in hints})
    return value


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """The field types of a dataclass (resolved once; get_type_hints is slow)."""
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in typing.get_type_hints(cls).items() if k in names}


def event_from_record(rec: dict[str, Any]) -> Event:
    """The :class:`Event` whose :func:`to_record` is ``rec`` (internal audit fields stay unset)."""
    ev = _build(Event, rec)
    if to_record(ev) != rec:  # a field type the rebuild does not know: better stop than store it wrong
        raise DaskEngineError(f"event {rec.get('id')} does not survive the round trip through Parquet")
    return ev


def analysed_from_row(doc: Document, row: dict[str, Any]) -> Analysed:
    """The client's ``doc`` completed with a worker's result row."""
    if row["status"] != "ok":
        return Analysed(doc, None, row["reason"] or "analysis failed on a worker")
    hints = _hints(Document)
    for name, value in json.loads(row["document"]).items():
        if name in hints and name not in _DOC_SKIP:
            setattr(doc, name, _build(hints[name], value))
    doc.events = [event_from_record(r) for r in json.loads(row["events"])]
    return Analysed(doc, json.loads(row["annotations"]))


# -- on the client ------------------------------------------------------------------------------

@dataclass
class _Partition:
    index: int
    items: list[Document | Rejection]  # every input of this stretch, in order
    docs: list[Document]  # the ones sent to the workers
    future: Any = None


@dataclass
class DaskAnalyser:
    """An :data:`readout.pipeline.Analyser` that runs the per-document stages on a Dask cluster.

    The client plans ahead of the store: a document is sent to the workers unless its id or its
    text was already stored or sent in this run. Should the store decide otherwise after all (the
    first copy of a text was rejected), :func:`~readout.pipeline.ingest` analyses it locally.
    """

    client: Any
    parts_dir: Path
    partition_size: int = PARTITION_SIZE
    time_limit: float | None = TIME_LIMIT_S
    max_in_flight: int = 8
    people: list[dict[str, Any]] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=lambda: {"partitions": 0, "sent": 0, "retried": 0,
                                                           "worker_seconds": 0.0})

    def __call__(self, items: Iterator[Document | Rejection], store: Store) -> Iterator[Document | Rejection | Analysed]:
        self.parts_dir.mkdir(parents=True, exist_ok=True)
        run_key = uuid.uuid4().hex[:8]
        self.people = _user_people(store)
        # What the store holds, read once, then kept up to date with what this run sends.
        stored = store.documents(with_text=False)
        planned_ids: set[str] = {d["doc_id"] for d in stored}
        planned_hashes: set[str] = {d["content_hash"] for d in stored if d["duplicate_of"] is None}
        pending: deque[_Partition] = deque()
        current = _Partition(0, [], [])

        def submit(part: _Partition) -> None:
            if part.docs:
                part.future = self.client.submit(analyse_partition, part.docs, self.time_limit, self.people, pure=False,
                                                 key=f"readout-{run_key}-{part.index:05d}", retries=1)
                self.stats["partitions"] += 1
                self.stats["sent"] += len(part.docs)
            pending.append(part)

        for item in items:
            current.items.append(item)
            if isinstance(item, Document):
                if item.doc_id in planned_ids:
                    pass  # already stored (or an id clash): nothing to analyse
                elif item.content_hash in planned_hashes:
                    planned_ids.add(item.doc_id)  # a duplicate: stored as a link
                else:
                    planned_ids.add(item.doc_id)
                    planned_hashes.add(item.content_hash)
                    current.docs.append(item)
            if len(current.docs) >= self.partition_size:
                submit(current)
                current = _Partition(current.index + 1, [], [])
                while len(pending) > self.max_in_flight:
                    yield from self._merge(pending.popleft())
        submit(current)
        while pending:
            yield from self._merge(pending.popleft())

    def _merge(self, part: _Partition) -> Iterator[Document | Rejection | Analysed]:
        rows: dict[int, dict[str, Any]] = {}
        if part.docs:
            path = self.parts_dir / f"part-{part.index:05d}.parquet"
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(self._result(part))
            tmp.replace(path)
            table = pq.read_table(path, schema=PART_SCHEMA)
            rows = {r["position"]: r for r in table.to_pylist()}
            self.stats["worker_seconds"] += sum(r["seconds"] for r in rows.values())
        sent = {id(d): i for i, d in enumerate(part.docs)}
        for item in part.items:
            i = sent.get(id(item))
            if i is None:
                yield item
            else:
                yield analysed_from_row(item, rows[i])  # type: ignore[arg-type]

    def _result(self, part: _Partition) -> bytes:
        try:
            return part.future.result()
        except Exception as e:  # a worker died on this partition: find the document that kills it
            log.warning("partition %d failed on the cluster (%s: %s); retrying its documents one by one",
                        part.index, type(e).__name__, e)
            self.stats["retried"] += 1
            futures = [self.client.submit(analyse_partition, [d], self.time_limit, self.people, pure=False)
                       for d in part.docs]
            tables = []
            for i, (doc, fut) in enumerate(zip(part.docs, futures, strict=True)):
                try:
                    t = pq.read_table(pa.BufferReader(fut.result()), schema=PART_SCHEMA).to_pylist()
                    t[0]["position"] = i
                except Exception as e2:
                    t = [{"position": i, "doc_id": doc.doc_id, "status": "rejected",
                          "reason": f"analysis failed on the Dask workers: {type(e2).__name__}: {e2}",
                          "seconds": 0.0, "n_events": 0, "document": None, "annotations": None, "events": None}]
                tables.extend(t)
            sink = pa.BufferOutputStream()
            pq.write_table(pa.Table.from_pylist(tables, schema=PART_SCHEMA), sink)
            return sink.getvalue().to_pybytes()


def _user_people(store: Store) -> list[dict[str, Any]]:
    """The people analysts added to the knowledge base of this database (empty when none)."""
    try:
        from readout.store.corrections import Corrections, kb_entries
    except ImportError:  # a readout without analyst corrections
        return []
    return kb_entries(Corrections(store).all())


@contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None) -> Iterator[Any]:
    """A Dask client: to the cluster at ``scheduler``, or to a new local cluster of ``workers``
    single-threaded processes (default: one per CPU core)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:  # pragma: no cover - dask is a dependency, but may be stripped
        raise DaskEngineError("the dask engine needs dask[distributed]; pip install 'dask[distributed]'") from e
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as e:
            raise DaskEngineError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from e
        try:
            _check_workers(client)
            yield client
        finally:
            client.close()
        return
    import os

    n = workers or os.cpu_count() or 1
    with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def _check_workers(client: Any) -> None:
    client.wait_for_workers(1, timeout=60)
    mine = fingerprint()
    try:
        theirs = client.run(fingerprint)
    except Exception as e:  # ModuleNotFoundError on the worker, mostly
        raise DaskEngineError(f"the Dask workers cannot run readout ({type(e).__name__}: {e}); install it on "
                              "every worker: pip install -e . (or the wheel)") from e
    bad = {w: f for w, f in theirs.items() if f != mine}
    if bad:
        listing = ", ".join(f"{w} has {f}" for w, f in sorted(bad.items()))
        raise DaskEngineError(f"workers run another readout than this client ({mine}): {listing}; "
                              "install the same version on every worker")


def _parts_dir(out: Path) -> Path:
    parts = out / "parts"
    if parts.exists():
        shutil.rmtree(parts)
    return parts


@contextmanager
def _client_for(client: Any, scheduler: str | None, workers: int | None) -> Iterator[Any]:
    if client is not None:
        yield client
    else:
        with dask_client(scheduler, workers) as own:
            yield own


def _analyser(client: Any, parts: Path, partition_size: int, time_limit: float | None) -> DaskAnalyser:
    n = max(1, len(client.scheduler_info().get("workers", {})))
    return DaskAnalyser(client, parts, partition_size, time_limit, max_in_flight=2 * n + 2)


def run_dask(paths: Iterable[str], out_dir: str | Path, scheduler: str | None = None, workers: int | None = None,
             on_item: Callable[[str], None] | None = None, partition_size: int = PARTITION_SIZE,
             time_limit: float | None = TIME_LIMIT_S, client: Any = None) -> IngestReport:
    """:func:`readout.pipeline.run` with the per-document stages on Dask; partitions kept in OUT/parts/.

    ``client``: an open ``distributed.Client`` to use; else one is made from ``scheduler``/``workers``.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    parts = _parts_dir(out)
    with _client_for(client, scheduler, workers) as c:
        analyser = _analyser(c, parts, partition_size, time_limit)
        report = run(paths, out, on_item, analyser=analyser)
    log.info("dask: %s", analyser.stats)
    return report


def ingest_dask(paths: Iterable[str], store: Store, scheduler: str | None = None, workers: int | None = None,
                on_item: Callable[[str], None] | None = None, partition_size: int = PARTITION_SIZE,
                time_limit: float | None = TIME_LIMIT_S, client: Any = None) -> IngestReport:
    """:func:`readout.pipeline.ingest` with the per-document stages on Dask (partitions in a temp dir)."""
    with tempfile.TemporaryDirectory(prefix="readout-parts-") as tmp, _client_for(client, scheduler, workers) as c:
        return ingest(paths, store, on_item, analyser=_analyser(c, Path(tmp), partition_size, time_limit))
