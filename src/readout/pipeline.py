"""The pipeline: the stages in order, and the one-call Python API.

    >>> from readout.pipeline import run
    >>> report = run(["../shared/corpus/seeds"], "out")          # doctest: +SKIP

Per document: ingest -> language -> entities -> time -> events -> claims -> store (one
transaction). Then across documents: stories -> accounts compared -> commitments.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readout.claims import attribute
from readout.entities import find_entities
from readout.events import extract_events
from readout.ingest import Rejection, find_near_duplicates, iter_inputs
from readout.language import analyze
from readout.model import Document
from readout.store import Store, export
from readout.stories import cross_document
from readout.time import find_quantities, find_timexes


def language_stage(doc: Document) -> Document:
    doc.sentences = analyze(doc.text, doc.body_start)
    return doc


def entities_stage(doc: Document) -> Document:
    doc.entities = find_entities(doc.text, doc.published.value if doc.published else None, doc.body_start)
    return doc


def time_stage(doc: Document) -> Document:
    doc.timexes = find_timexes(doc.text, doc.published, doc.body_start)
    doc.quantities = find_quantities(doc.text, doc.body_start)
    return doc


def events_stage(doc: Document) -> Document:
    doc.events = extract_events(doc)
    return doc


def claims_stage(doc: Document) -> Document:
    attribute(doc, doc.events)
    return doc


STAGES: list[tuple[str, Callable[[Document], Document]]] = [
    ("language", language_stage),
    ("entities", entities_stage),
    ("time", time_stage),
    ("events", events_stage),
    ("claims", claims_stage),
]


def process_document(doc: Document) -> Document:
    """Run every per-document stage on ``doc`` (in place) and return it."""
    for _, stage in STAGES:
        doc = stage(doc)
    return doc


def annotations(doc: Document) -> dict[str, Any]:
    """What the language core saw, as stored with the document (and printed by `readout analyze`)."""
    return {
        "sentences": [[s.start, s.end] for s in doc.sentences],
        "entities": [
            {"start": m.start, "end": m.end, "text": m.text, "name": m.name, "kind": m.kind,
             "wikidata": m.wikidata, "country": m.country, "org": m.org, "sector": m.sector, "role": m.role,
             "resolved": m.kb_id is not None, "via": m.via}
            for m in doc.entities
        ],
        "timexes": [
            {"start": t.start, "end": t.end, "text": t.text, "value": t.value, "precision": t.precision,
             "kind": t.kind, "basis": t.basis, **({"minutes": t.minutes} if t.minutes is not None else {})}
            for t in doc.timexes
        ],
        "quantities": [
            {"start": q.start, "end": q.end, "text": q.text, "value": q.value, "unit": q.unit,
             "approx": q.approx, "what": q.what}
            for q in doc.quantities
        ],
    }


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (doc id, duplicate of)
    unchanged: list[str] = field(default_factory=list)
    near_duplicates: list[tuple[str, str, float]] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    events: int = 0

    @property
    def ok(self) -> bool:
        return not self.rejected


def ingest(paths: Iterable[str], store: Store, on_item: Callable[[str], None] | None = None) -> IngestReport:
    """Read, analyse and store every document under ``paths``; bad inputs are reported, not fatal."""
    report = IngestReport()
    new_docs: list[Document] = []
    for item in iter_inputs(list(paths)):
        if isinstance(item, Rejection):
            report.rejected.append(item)
            if on_item:
                on_item(item.source)
            continue
        doc = item
        known = store.document_source(doc.doc_id)
        if known is not None:
            if known[1] == doc.content_hash:
                report.unchanged.append(doc.doc_id)
            else:
                report.rejected.append(Rejection(
                    source=doc.source or doc.doc_id,
                    reason=f"document id {doc.doc_id!r} is already stored with a different text; "
                           "rename the file or give it another id",
                    line=None))
            if on_item:
                on_item(doc.doc_id)
            continue
        first = store.document_by_hash(doc.content_hash)
        if first is not None:
            doc.duplicate_of = first
            store.add_document(doc)
            report.duplicates.append((doc.doc_id, first))
        else:
            try:
                process_document(doc)
            except Exception as e:  # one bad document must not stop the run; it is reported
                report.rejected.append(Rejection(source=doc.source or doc.doc_id,
                                                 reason=f"analysis failed: {type(e).__name__}: {e}", line=None))
                if on_item:
                    on_item(doc.doc_id)
                continue
            store.add_document(doc, annotations(doc))
            report.ingested.append(doc.doc_id)
            report.events += len(doc.events)
            new_docs.append(doc)
        if on_item:
            on_item(doc.doc_id)
    if new_docs:
        _flag_near_duplicates(store, new_docs, report)
    return report


def _flag_near_duplicates(store: Store, new_docs: list[Document], report: IngestReport) -> None:
    stored = [d for d in store.documents() if d["text"] is not None]
    docs = [Document(doc_id=d["doc_id"], text=d["text"], body_start=d["body_start"] or 0) for d in stored]
    new_ids = {d.doc_id for d in new_docs}
    order = {d["doc_id"]: i for i, d in enumerate(stored)}
    for a, b, sim in find_near_duplicates(docs):
        if a not in new_ids and b not in new_ids:
            continue
        first, later = sorted((a, b), key=lambda x: order[x])
        store.set_near_duplicate(later, first, sim)
        report.near_duplicates.append((later, first, sim))


def update_stories(store: Store) -> dict[str, int]:
    """Recompute the cross-document stage over everything stored."""
    events = store.events()
    docs = store.documents()
    texts = {d["doc_id"]: d["text"] for d in docs if d["text"]}
    dates = [d["published"] for d in docs if d.get("published") and len(d["published"]) == 10]
    today = max((dt.date.fromisoformat(x) for x in dates), default=None)
    events, stories, discrepancies, commitments = cross_document(events, texts, today)
    store.replace_cross_document(
        {e["id"]: e["cluster_id"] for e in events}, {e["id"]: e for e in events},
        stories, discrepancies, commitments,
    )
    return {"stories": len(stories), "discrepancies": len(discrepancies), "commitments": len(commitments)}


def run(paths: Iterable[str], out_dir: str | Path, on_item: Callable[[str], None] | None = None,
        fresh: bool = True) -> IngestReport:
    """One shot: ingest into ``out_dir/readout.duckdb`` and write the three SPEC exports there."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    db = out / "readout.duckdb"
    if fresh:
        for p in (db, out / "readout.duckdb.wal"):
            if p.exists():
                p.unlink() if p.is_file() else shutil.rmtree(p)
    with Store(db) as store:
        report = ingest(paths, store, on_item)
        update_stories(store)
        for what in ("events", "discrepancies", "commitments"):
            export(store, what, out / f"{what}.jsonl", "jsonl")
    return report


def document_from_record(rec: dict[str, Any]) -> Document:
    fields = {f.name for f in dataclasses.fields(Document)}
    return Document(**{k: v for k, v in rec.items() if k in fields})
