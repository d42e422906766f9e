"""The pipeline: the stages in order, and the one-call Python API.

    >>> from readout.pipeline import run
    >>> report = run(["../shared/corpus/seeds"], "out")          # doctest: +SKIP

Per document: ingest -> language -> entities -> time -> events -> claims -> store (one
transaction). Then across documents: stories -> accounts compared -> commitments.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readout.claims import attribute
from readout.entities import find_entities
from readout.events import extract_events
from readout.ingest import Rejection, find_near_duplicates, iter_inputs
from readout.language import analyze, detect
from readout.model import Document
from readout.store import Store, export
from readout.stories import cross_document
from readout.time import find_quantities, find_timexes


def language_stage(doc: Document) -> Document:
    doc.language = detect(doc.text[doc.body_start:], doc.language)
    doc.sentences = analyze(doc.text, doc.body_start, lang=doc.language)
    return doc


def entities_stage(doc: Document) -> Document:
    doc.entities = find_entities(doc.text, doc.published.value if doc.published else None, doc.body_start,
                                 lang=doc.language or "de")
    return doc


def time_stage(doc: Document) -> Document:
    lang = doc.language or "de"
    doc.timexes = find_timexes(doc.text, doc.published, doc.body_start, lang=lang)
    doc.quantities = find_quantities(doc.text, doc.body_start, lang=lang)
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


# Limits that keep one document from stalling a run. A news article is a few thousand characters;
# some stages grow faster than linearly with the number of sentences, so anything far beyond an
# article is rejected before it is analysed, and the clock is checked between stages.
MAX_ANALYSIS_CHARS = 200_000
MAX_SENTENCES = 5_000
TIME_LIMIT_S = 10.0


class AnalysisRejected(Exception):
    """A document the pipeline will not analyse (too long, too many sentences, too slow)."""


def analyse_document(doc: Document, time_limit: float | None = TIME_LIMIT_S) -> Document:
    """:func:`process_document` within the limits above; raises :class:`AnalysisRejected` past them.

    The time is checked between stages (no threads, no signals), so a document is stopped at most
    one stage after ``time_limit``; the size caps bound how long that one stage can take.
    """
    size = len(doc.text) - doc.body_start
    if size > MAX_ANALYSIS_CHARS:
        raise AnalysisRejected(f"document too long to analyse ({size:,} characters > {MAX_ANALYSIS_CHARS:,}); "
                               "split it into articles")
    started = time.perf_counter()
    for name, stage in STAGES:
        doc = stage(doc)
        if name == "language" and len(doc.sentences) > MAX_SENTENCES:
            raise AnalysisRejected(f"too many sentences to analyse ({len(doc.sentences):,} > {MAX_SENTENCES:,}); "
                                   "split it into articles")
        elapsed = time.perf_counter() - started
        if time_limit is not None and elapsed > time_limit:
            raise AnalysisRejected(f"analysis took longer than {time_limit:g} s (stopped after the {name} stage "
                                   f"at {elapsed:.1f} s); split the document or check that it is an article")
    return doc


def analysis_failure(e: Exception) -> str:
    """The rejection reason for a document whose analysis raised ``e`` (the same on every engine)."""
    if isinstance(e, AnalysisRejected):
        return str(e)
    return f"analysis failed: {type(e).__name__}: {e}"


@dataclass
class Analysed:
    """A document whose per-document stages already ran elsewhere (on a Dask worker): the document
    with its events, what :func:`annotations` gave, or why its analysis was rejected."""

    doc: Document
    annotations: dict[str, Any] | None
    rejected: str | None = None


# Yields the inputs in their order, with some documents replaced by their Analysed results.
Analyser = Callable[[Iterator[Document | Rejection], Store], Iterator[Document | Rejection | Analysed]]

# Set in the store while an ingest writes; still set when a run was killed, so the next ingest
# knows to redo the steps that look at all documents (near duplicates).
_IN_PROGRESS = "ingest"


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


def _load_user_kb(store: Store) -> None:
    """People and roles analysts added (``readout review kb-add``) join the knowledge base."""
    from readout.entities.kb import add_user_entries
    from readout.store.corrections import Corrections, kb_entries

    entries = kb_entries(Corrections(store).all())
    if entries:
        add_user_entries(entries)


def ingest(paths: Iterable[str], store: Store, on_item: Callable[[str], None] | None = None,
           analyser: Analyser | None = None) -> IngestReport:
    """Read, analyse and store every document under ``paths``; bad inputs are reported, not fatal.

    Each document is committed on its own, in input order, so a run that is killed can simply be
    started again: what is stored is skipped, the rest follows with the same ids and order.
    ``analyser`` analyses documents ahead of the store (see :mod:`readout.distributed`); the
    decisions (already stored, duplicate, new) are always taken here, in input order.
    """
    report = IngestReport()
    new_docs: list[Document] = []
    _load_user_kb(store)
    recovering = store.progress(_IN_PROGRESS) is not None
    marked = recovering
    # The store's ids and texts, read once and kept up to date (a query per document is slow).
    stored_hash: dict[str, str] = {}
    first_of: dict[str, str] = {}  # content hash -> the first document stored with it
    for d in store.documents(with_text=False):
        stored_hash[d["doc_id"]] = d["content_hash"]
        if d["duplicate_of"] is None:
            first_of.setdefault(d["content_hash"], d["doc_id"])
    items: Iterator[Document | Rejection | Analysed] = iter_inputs(list(paths))
    if analyser is not None:
        items = analyser(items, store)  # type: ignore[arg-type]
    for item in items:
        if isinstance(item, Rejection):
            report.rejected.append(item)
            if on_item:
                on_item(item.source)
            continue
        done: Analysed | None = None
        if isinstance(item, Analysed):
            done, doc = item, item.doc
        else:
            doc = item
        if doc.doc_id in stored_hash:
            if stored_hash[doc.doc_id] == doc.content_hash:
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
        first = first_of.get(doc.content_hash)
        if not marked:
            store.set_progress(_IN_PROGRESS, "running")
            marked = True
        if first is not None:
            doc.duplicate_of = first
            store.add_document(doc)
            stored_hash[doc.doc_id] = doc.content_hash
            report.duplicates.append((doc.doc_id, first))
        else:
            if done is not None:
                failure, notes = done.rejected, done.annotations
            else:
                try:
                    analyse_document(doc)
                    failure, notes = None, annotations(doc)
                except Exception as e:  # one bad document must not stop the run; it is reported
                    failure, notes = analysis_failure(e), None
            if failure is not None:
                report.rejected.append(Rejection(source=doc.source or doc.doc_id, reason=failure, line=None))
                if on_item:
                    on_item(doc.doc_id)
                continue
            # the dates as extracted: the cross-document stage rewrites the event records (inherited
            # dates) and must start again from these each time, or re-running it changes its result
            notes = {**(notes or {}), "event_dates": {ev.id: ev.date for ev in doc.events}}
            store.add_document(doc, notes)
            stored_hash[doc.doc_id] = doc.content_hash
            first_of[doc.content_hash] = doc.doc_id
            report.ingested.append(doc.doc_id)
            report.events += len(doc.events)
            new_docs.append(doc)
        if on_item:
            on_item(doc.doc_id)
    if new_docs or recovering:
        _flag_near_duplicates(store, new_docs, report, every_pair=recovering)
    if marked:
        store.set_progress(_IN_PROGRESS, None)
    return report


def _flag_near_duplicates(store: Store, new_docs: list[Document], report: IngestReport,
                          every_pair: bool = False) -> None:
    """Link near duplicates among the stored documents. Pairs with a new document are reported;
    ``every_pair`` also sets the links among older ones (after an interrupted run, whose documents
    are no longer new) -- setting a link again is harmless, it gets the same value."""
    stored = [d for d in store.documents() if d["text"] is not None]
    docs = [Document(doc_id=d["doc_id"], text=d["text"], body_start=d["body_start"] or 0) for d in stored]
    new_ids = {d.doc_id for d in new_docs}
    order = {d["doc_id"]: i for i, d in enumerate(stored)}
    for a, b, sim in find_near_duplicates(docs):
        involves_new = a in new_ids or b in new_ids
        if not involves_new and not every_pair:
            continue
        first, later = sorted((a, b), key=lambda x: order[x])
        store.set_near_duplicate(later, first, sim)
        if involves_new:
            report.near_duplicates.append((later, first, sim))


def _as_extracted(store: Store, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The stored events with the dates the per-document stages gave them (kept with each document's
    annotations at ingest), not the ones an earlier cross-document run inherited from a story: so
    the cross-document stage is a function of the documents alone, and running it again (after a
    crash, or a re-ingest of the same files) changes nothing. Older databases lack the record and
    keep the stored dates."""
    rows = store.con.execute(
        "SELECT json_extract(annotations, '$.event_dates') FROM documents WHERE annotations IS NOT NULL").fetchall()
    extracted: dict[str, Any] = {}
    for (dates,) in rows:
        if dates:
            extracted.update(json.loads(dates))
    out = []
    for ev in events:
        if ev["id"] in extracted:
            ev = {**ev, "date": extracted[ev["id"]]}
        out.append(ev)
    return out


def update_stories(store: Store) -> dict[str, int]:
    """Recompute the cross-document stage over everything stored."""
    from readout.store.corrections import Corrections, apply_to_events

    machine = _as_extracted(store, store.events())
    # stories are built on what the analysts corrected (rejected events left out, edits applied,
    # stories merged or split); the machine records only take the results (cluster, inherited date)
    corrections = Corrections(store).all()
    events = apply_to_events(machine, [c for c in corrections if c["kind"] not in ("merge", "split")])
    docs = store.documents()
    texts = {d["doc_id"]: d["text"] for d in docs if d["text"]}
    dates = [d["published"] for d in docs if d.get("published") and len(d["published"]) == 10]
    today = max((dt.date.fromisoformat(x) for x in dates), default=None)
    structural = [c for c in corrections if c["kind"] in ("merge", "split")]
    if structural:
        import copy

        from readout.store.corrections import story_moves

        first, *_ = cross_document(copy.deepcopy(events), texts, today)
        moves = story_moves(first, structural)
        events, stories, discrepancies, commitments = cross_document(events, texts, today, moves)
    else:
        events, stories, discrepancies, commitments = cross_document(events, texts, today)
    result = {e["id"]: e for e in events}
    updates = {}
    for ev in machine:
        rec = dict(ev)
        got = result.get(ev["id"])
        rec["cluster_id"] = got.get("cluster_id") if got else None
        if got and "date" not in ((got.get("review") or {}).get("original") or {}):
            rec["date"] = got.get("date", rec.get("date"))
        rec.pop("review", None)
        updates[ev["id"]] = rec
    store.replace_cross_document({i: r["cluster_id"] for i, r in updates.items()}, updates,
                                 stories, discrepancies, commitments)
    return {"stories": len(stories), "discrepancies": len(discrepancies), "commitments": len(commitments)}


def run(paths: Iterable[str], out_dir: str | Path, on_item: Callable[[str], None] | None = None,
        fresh: bool = True, analyser: Analyser | None = None) -> IngestReport:
    """One shot: ingest into ``out_dir/readout.duckdb`` and write the three SPEC exports there.

    ``analyser`` runs the per-document stages elsewhere (``readout run --engine dask``)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    db = out / "readout.duckdb"
    if fresh:
        for p in (db, out / "readout.duckdb.wal"):
            if p.exists():
                p.unlink() if p.is_file() else shutil.rmtree(p)
    with Store(db) as store:
        report = ingest(paths, store, on_item, analyser)
        update_stories(store)
        for what in ("events", "discrepancies", "commitments"):
            export(store, what, out / f"{what}.jsonl", "jsonl")
    return report


def document_from_record(rec: dict[str, Any]) -> Document:
    fields = {f.name for f in dataclasses.fields(Document)}
    return Document(**{k: v for k, v in rec.items() if k in fields})
