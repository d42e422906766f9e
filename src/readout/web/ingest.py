"""Ingest through the server: uploaded files and pasted text go through the pipeline's own ingest.

Uploads are staged as files in a temporary directory (one sub-directory per upload, under the
file's own base name, so the document id is the file name without extension, as with the CLI) and
handed to :func:`readout.pipeline.ingest`; validation and messages are therefore the CLI's. A
pasted text becomes a one-record JSONL file, so it is checked like a JSONL line (``id``, ``text``,
``published``). Afterwards the temporary paths in stored sources and messages are replaced by the
names the client gave, and the stories are recomputed.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readout.ingest import Rejection, iter_inputs
from readout.pipeline import IngestReport, update_stories
from readout.pipeline import ingest as pipeline_ingest
from readout.store import Store
from readout.web.database import WebDatabase

PASTE_SOURCE = "pasted text"
_UNSAFE = re.compile(r"[\x00-\x1f\x7f]")
MAX_NAME_BYTES = 200  # file systems allow 255 bytes per name
HTML_SUFFIXES = (".html", ".htm")


def safe_name(client_name: str) -> str:
    """A file name to stage an upload under: the base name, without path or control characters, so
    the document id is the file name without extension as with the CLI.

    >>> safe_name("../../etc/passwd.txt"), safe_name("C:\\\\x\\\\a b.html"), safe_name("..")
    ('passwd.txt', 'a b.html', 'upload')
    """
    base = re.split(r"[/\\]", client_name)[-1]
    base = _UNSAFE.sub("_", base).strip().lstrip(".")
    if not base:
        return "upload"
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    suffix = suffix[:16]
    while len(stem.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
        stem = stem[: len(stem) * 3 // 4]
    stem = stem or "upload"
    return f"{stem}.{suffix}" if dot else stem


@dataclass
class Staging:
    """A temporary directory holding the files of one ingest request, with the client's names."""

    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="readout-upload-")))
    files: list[tuple[str, Path]] = field(default_factory=list)  # (client name, staged path)
    exact: dict[str, str] = field(default_factory=dict)  # staged source -> shown source

    def add(self, client_name: str) -> Path:
        """A path to write the next upload to."""
        d = self.root / str(len(self.files))
        d.mkdir()
        path = d / safe_name(client_name)
        self.files.append((client_name, path))
        return path

    def add_text(self, record: dict[str, Any]) -> None:
        path = self.add(PASTE_SOURCE + ".jsonl")
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        self.files[-1] = (PASTE_SOURCE, path)
        self.exact[f"{path}:1"] = PASTE_SOURCE

    def shown(self, source: str) -> str:
        """The name a client knows for a staged source (``/tmp/…/0/feed.jsonl:3`` -> ``feed.jsonl:3``)."""
        if source in self.exact:
            return self.exact[source]
        for client, path in self.files:
            p = str(path)
            if source == p or source.startswith(p + ":"):
                return client + source[len(p):]
        return source

    def cleanup(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cleanup()


def _prescan(staging: Staging) -> tuple[list[str], dict[str, list[int]], list[Rejection]]:
    """Read the staged files once before the pipeline does: which document ids each file holds, and
    which files the reader cannot get through at all (a reader error must not take the other files
    down with it). HTML is not read twice: its document id is the file name."""
    readable: list[str] = []
    ids: dict[str, list[int]] = {}
    failed: list[Rejection] = []
    for i, (_, path) in enumerate(staging.files):
        if path.suffix.lower() in HTML_SUFFIXES:
            found = [path.stem]
        else:
            try:
                found = [item.doc_id for item in iter_inputs([str(path)]) if not isinstance(item, Rejection)]
            except Exception as e:  # noqa: BLE001 - reported as a rejection of this file
                failed.append(Rejection(str(path), f"cannot read the file: {type(e).__name__}: {e}"))
                continue
        readable.append(str(path))
        for doc_id in found:
            ids.setdefault(doc_id, []).append(i)
    return readable, ids, failed


def _restore_sources(store: Store, staging: Staging) -> None:
    for staged, shown in staging.exact.items():
        store.con.execute("UPDATE documents SET source = ? WHERE source = ?", [shown, staged])
    for client, path in staging.files:
        p = str(path)
        store.con.execute(
            "UPDATE documents SET source = ? || substr(source, ?) WHERE source = ? OR starts_with(source, ?)",
            [client, len(p) + 1, p, p + ":"],
        )


def report_json(report: IngestReport, staging: Staging, ids: dict[str, list[int]], events_per_doc: dict[str, int],
                stories: dict[str, int] | None) -> dict[str, Any]:
    """The API's account of one ingest: the CLI's summary, and the results file by file."""
    rejected = [{"source": staging.shown(r.source), "reason": r.reason, "line": r.line} for r in report.rejected]
    summary = (f"{len(report.ingested)} ingested, {len(report.unchanged)} already stored, "
               f"{len(report.duplicates)} duplicates, {len(report.rejected)} rejected; {report.events} events")
    files: list[dict[str, Any]] = [{"name": client, "results": []} for client, _ in staging.files]

    def put(doc_id: str, result: dict[str, Any]) -> None:
        for i in ids.get(doc_id, []):
            files[i]["results"].append({"doc_id": doc_id, **result})

    near = {later: (first, sim) for later, first, sim in report.near_duplicates}
    for doc_id in report.ingested:
        result: dict[str, Any] = {"status": "ingested", "events": events_per_doc.get(doc_id, 0),
                                  "detail": f"{events_per_doc.get(doc_id, 0)} events"}
        if doc_id in near:
            result["detail"] += f"; near-duplicate of {near[doc_id][0]} (similarity {near[doc_id][1]:.2f})"
        put(doc_id, result)
    for doc_id in report.unchanged:
        put(doc_id, {"status": "already stored", "detail": "the same document is already in the database"})
    for later, first in report.duplicates:
        put(later, {"status": "duplicate", "detail": f"same text as {first}; stored once, linked"})
    for r, shown in zip(report.rejected, rejected, strict=True):
        hit = False
        for i, (_, path) in enumerate(staging.files):
            p = str(path)
            if r.source == p or r.source.startswith(p + ":"):
                files[i]["results"].append({"doc_id": None, "status": "rejected", "detail": shown["reason"],
                                            "source": shown["source"]})
                hit = True
                break
        if not hit:  # a document rejected after reading (id clash, analysis failure) is named by its id
            put(r.source, {"status": "rejected", "detail": shown["reason"], "source": shown["source"]})
    return {
        "ok": report.ok,
        "summary": summary,
        "ingested": report.ingested,
        "unchanged": report.unchanged,
        "duplicates": [{"doc_id": a, "duplicate_of": b} for a, b in report.duplicates],
        "near_duplicates": [{"doc_id": a, "near_duplicate_of": b, "similarity": s} for a, b, s in report.near_duplicates],
        "rejected": rejected,
        "events": report.events,
        "stories": stories,
        "files": files,
    }


def ingest_staged(db: WebDatabase, staging: Staging, stories: bool = True) -> dict[str, Any]:
    """Ingest the staged files into the server's database (one writer at a time)."""
    readable, ids, failed = _prescan(staging)
    with db.writer() as store:
        report = pipeline_ingest(readable, store) if readable else IngestReport()
        report.rejected[:0] = failed
        _restore_sources(store, staging)
        counts = update_stories(store) if stories else None
        per_doc = dict(store.con.execute(
            "SELECT doc_id, count(*) FROM events WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY doc_id",
            [report.ingested]).fetchall()) if report.ingested else {}
    return report_json(report, staging, ids, per_doc, counts)


def paste_id(text: str) -> str:
    """The id a pasted text gets when none is given: the same text always gets the same id."""
    return "paste-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def ingest_text(db: WebDatabase, text: str, doc_id: str | None = None, published: str | None = None,
                **meta: str | None) -> dict[str, Any]:
    """Ingest one pasted text (checked like a JSONL record: id, text, published)."""
    record = {"id": doc_id or paste_id(text), "text": text, "published": published,
              **{k: v for k, v in meta.items() if v}}
    with Staging() as staging:
        staging.add_text(record)
        return ingest_staged(db, staging)


def report_from_json(data: dict[str, Any]) -> IngestReport:
    """An :class:`IngestReport` from the API's JSON (what ``readout ingest`` prints when a server holds the db)."""
    return IngestReport(
        ingested=list(data.get("ingested") or []),
        duplicates=[(d["doc_id"], d["duplicate_of"]) for d in data.get("duplicates") or []],
        unchanged=list(data.get("unchanged") or []),
        near_duplicates=[(d["doc_id"], d["near_duplicate_of"], float(d["similarity"]))
                         for d in data.get("near_duplicates") or []],
        rejected=[Rejection(r["source"], r["reason"], r.get("line")) for r in data.get("rejected") or []],
        events=int(data.get("events") or 0),
    )
