"""The JSON API under ``/api``: thin handlers over :mod:`readout.web.queries` and the pipeline."""

from __future__ import annotations

import copy
import shutil
import tempfile
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.background import BackgroundTask
from starlette.datastructures import UploadFile as StarletteUpload

from readout import __version__
from readout.schemas import NAMES as SCHEMA_NAMES
from readout.schemas import schema as contract_schema
from readout.store.export import export_records, records_for
from readout.web import queries
from readout.web.database import WebDatabase
from readout.web.ingest import Staging, ingest_staged, ingest_text

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000_000
CHUNK = 1024 * 1024

DESCRIPTION = """\
The HTTP face of readout. Records are those of the export contract (SPEC.md): events,
discrepancies, commitments, stories, documents. Lists are paged with `limit` (1-500) and
`offset`, come in a stable order and report `total`. Errors are `{"error": message}` with status
400 (bad input), 403 (cross-site write), 404 (unknown id), 413 (too large) or 422 (bad
parameters; unknown query parameters are refused, not ignored).

Free-text search (`q` on `/api/events`) runs over the evidence texts with an SQLite FTS5 trigram
index: every term (a word, or a "quoted phrase") must occur as a substring, case-insensitively.
"""


def db_of(request: Request) -> WebDatabase:
    return request.app.state.db  # type: ignore[no-any-return]


def _query_names(dependant: Any) -> set[str]:
    names = {getattr(p, "alias", None) or p.name for p in getattr(dependant, "query_params", [])}
    for sub in getattr(dependant, "dependencies", []):
        names |= _query_names(sub)
    return names


def refuse_unknown_params(request: Request) -> None:
    """A misspelt filter must not silently return everything."""
    route = request.scope.get("route")
    known = _query_names(getattr(route, "dependant", None))
    unknown = sorted({k for k in request.query_params if k not in known})
    if unknown:
        takes = ", ".join(sorted(known)) or "no query parameters"
        raise HTTPException(422, f"unknown query parameter {', '.join(repr(u[:40]) for u in unknown[:5])}; "
                                 f"this endpoint takes {takes}")


router = APIRouter(prefix="/api", dependencies=[Depends(refuse_unknown_params)])
DB = Annotated[WebDatabase, Depends(db_of)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1-{MAX_LIMIT}.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]


def _text_param(description: str, example: str | None = None) -> Any:
    return Query(max_length=queries.MAX_TEXT_PARAM, description=description,
                 examples=[example] if example else None)


class Page(BaseModel):
    total: int = Field(description="How many items match, over all pages.")
    limit: int
    offset: int
    items: list[dict[str, Any]]


class EventPage(Page):
    """Events (contract records of events.jsonl)."""


class StoryPage(Page):
    """Stories, each with ``counts`` of its events, documents, discrepancies and commitments."""


class DocumentPage(Page):
    """Document metadata (no text), with ``chars`` and ``events`` counts."""


class DiscrepancyPage(Page):
    """Discrepancies (contract records of discrepancies.jsonl)."""


class CommitmentPage(Page):
    """Commitments (contract records of commitments.jsonl)."""


class Status(BaseModel):
    version: str
    db: str = Field(description="The database file this server holds.")
    counts: dict[str, int]
    search: dict[str, Any]


class Rejected(BaseModel):
    source: str = Field(description="The file as the client named it, with :LINE for a JSONL/CSV line.")
    reason: str
    line: int | None = None


class FileResult(BaseModel):
    name: str
    results: list[dict[str, Any]] = Field(description="One entry per document or rejected line: doc_id, status "
                                                      "(ingested, already stored, duplicate, rejected), detail.")


class IngestResult(BaseModel):
    ok: bool = Field(description="False when something was rejected (the CLI exits 2 then).")
    summary: str = Field(description="The CLI's summary line.")
    ingested: list[str]
    unchanged: list[str] = Field(description="Already stored with the same text.")
    duplicates: list[dict[str, Any]]
    near_duplicates: list[dict[str, Any]]
    rejected: list[Rejected]
    events: int
    stories: dict[str, int] | None = Field(description="Counts after the stories were recomputed (null if skipped).")
    files: list[FileResult]


class PastedText(BaseModel):
    """One article as text; checked like a JSONL record (``published`` wins over a header date)."""

    model_config = ConfigDict(extra="forbid")
    id: str | None = Field(None, max_length=200, description="Document id; default: paste-<hash of the text>.")
    text: str = Field(description="The article, exactly as it should be stored (offsets count from its start).")
    published: str | None = Field(None, max_length=40, description="YYYY, YYYY-MM or YYYY-MM-DD.")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=200)
    language: str | None = Field(None, max_length=20)


def _page(total: int, limit: int, offset: int, items: list[dict[str, Any]]) -> JSONResponse:
    return JSONResponse({"total": total, "limit": limit, "offset": offset, "items": items})


# -- reading ------------------------------------------------------------------------------------


@router.get("/status", response_model=Status, summary="What this server holds")
def status(db: DB) -> JSONResponse:
    return JSONResponse({"version": __version__, "db": str(Path(db.path).resolve()), "counts": db.counts(),
                         "search": {"kind": db.index.kind, "indexed_events": db.index.size}})


@router.get("/documents", response_model=DocumentPage, summary="Documents in ingest order")
def documents(db: DB, limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
    with db.reader() as store:
        total, items = queries.list_documents(store, limit, offset)
    return _page(total, limit, offset, items)


@router.get("/documents/{doc_id:path}", summary="One document with its text, annotations and events",
            responses={404: {"description": "No such document"}})
def document(doc_id: str, db: DB) -> JSONResponse:
    with db.reader() as store:
        doc = queries.document_detail(store, doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id[:200]!r}")
    return JSONResponse(doc)


def event_filter(
    actor: Annotated[str | None, _text_param("Part of an actor's, recipient's or participant's name, "
                                             "or their exact country/organisation code.", "Putin")] = None,
    country: Annotated[str | None, _text_param("Country (ISO 3166-1 alpha-3) or organisation code of an "
                                               "actor, recipient or participant.", "RUS")] = None,
    type: Annotated[str | None, _text_param("PLOVER type.", "CONSULT")] = None,
    mode: Annotated[str | None, _text_param("PLOVER mode.", "phone")] = None,
    modality: Annotated[str | None, _text_param("asserted, planned, negated or hypothetical.")] = None,
    claimer_country: Annotated[str | None, _text_param("Country or organisation of a claim's claimer.", "USA")] = None,
    date_from: Annotated[str | None, _text_param("Earliest date, YYYY[-MM[-DD]]; compared at the coarser "
                                                 "precision, so a month-only date inside the range counts.",
                                                 "2025-03")] = None,
    date_to: Annotated[str | None, _text_param("Latest date, YYYY[-MM[-DD]].", "2025-03-31")] = None,
    story: Annotated[str | None, _text_param("Story id (cluster_id).")] = None,
    doc: Annotated[str | None, _text_param("Document id.")] = None,
    q: Annotated[str | None, Query(max_length=500, description='Free text over the evidence: every term, or '
                                   '"quoted phrase", must occur (substring, case-insensitive).')] = None,
) -> queries.EventFilter:
    return queries.EventFilter(actor, country, type, mode, modality, claimer_country, date_from, date_to,
                               story, doc, q).validated()


def search_ids(db: WebDatabase, f: queries.EventFilter) -> list[str] | None:
    return db.index.search(f.q) if f.q else None


@router.get("/events", response_model=EventPage, summary="Events, filtered and paged (stored order)")
def events(db: DB, f: Annotated[queries.EventFilter, Depends(event_filter)],
           limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
    ids = search_ids(db, f)
    with db.reader() as store:
        total, items = queries.list_events(store, f, limit, offset, ids)
    return _page(total, limit, offset, items)


@router.get("/events/{event_id}", summary="One event", responses={404: {"description": "No such event"}})
def event(event_id: str, db: DB) -> JSONResponse:
    with db.reader() as store:
        ev = queries.get_event(store, event_id)
    if ev is None:
        raise HTTPException(404, f"no event {event_id[:200]!r}")
    return JSONResponse(ev)


def story_filter(
    actor: Annotated[str | None, _text_param("Part of a participant's name, or a code.", "Trump")] = None,
    country: Annotated[str | None, _text_param("Country or organisation code.", "UKR")] = None,
    type: Annotated[str | None, _text_param("PLOVER type of one of the story's events.")] = None,
    date_from: Annotated[str | None, _text_param("Earliest story date, YYYY[-MM[-DD]].")] = None,
    date_to: Annotated[str | None, _text_param("Latest story date, YYYY[-MM[-DD]].")] = None,
) -> queries.StoryFilter:
    return queries.StoryFilter(actor, country, type, date_from, date_to).validated()


@router.get("/stories", response_model=StoryPage, summary="Stories by date (unknown dates last)")
def stories(db: DB, f: Annotated[queries.StoryFilter, Depends(story_filter)],
            limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
    with db.reader() as store:
        total, items = queries.list_stories(store, f, limit, offset)
    return _page(total, limit, offset, items)


@router.get("/stories/{story_id:path}", summary="A story's dossier: participants, events, claims by side, "
            "discrepancies, commitments", responses={404: {"description": "No such story"}})
def story(story_id: str, db: DB) -> JSONResponse:
    with db.reader() as store:
        d = queries.dossier(store, story_id)
    if d is None:
        raise HTTPException(404, f"no story {story_id[:200]!r}")
    return JSONResponse(d)


class Kind(StrEnum):
    omission = "omission"
    contradiction = "contradiction"
    tone = "tone"


class CommitmentStatus(StrEnum):
    announced = "announced"
    in_force = "in_force"
    kept = "kept"
    broken = "broken"
    expired = "expired"
    unknown = "unknown"


@router.get("/discrepancies", response_model=DiscrepancyPage, summary="Where the parties' accounts disagree")
def discrepancies(db: DB, story: Annotated[str | None, _text_param("Story id.")] = None,
                  kind: Kind | None = None, limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
    with db.reader() as store:
        total, items = queries.list_records(store, "discrepancies", story, "kind", kind.value if kind else None,
                                            limit, offset)
    return _page(total, limit, offset, items)


@router.get("/commitments", response_model=CommitmentPage, summary="Commitments and their status")
def commitments(db: DB, story: Annotated[str | None, _text_param("Story id.")] = None,
                status: CommitmentStatus | None = None, limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
    with db.reader() as store:
        total, items = queries.list_records(store, "commitments", story, "status", status.value if status else None,
                                            limit, offset)
    return _page(total, limit, offset, items)


class ExportWhat(StrEnum):
    events = "events"
    discrepancies = "discrepancies"
    commitments = "commitments"
    documents = "documents"
    stories = "stories"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


MEDIA = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8", "parquet": "application/vnd.apache.parquet"}


@router.get("/export/{what}", summary="Download an export in the SPEC formats (as `readout export`)",
            response_class=FileResponse,
            responses={200: {"content": {m: {} for m in MEDIA.values()}, "description": "The export file."}})
def export(what: ExportWhat, db: DB, format: ExportFormat = ExportFormat.jsonl) -> FileResponse:
    tmp = Path(tempfile.mkdtemp(prefix="readout-export-"))
    path = tmp / f"{what.value}.{format.value}"
    try:
        with db.reader() as store:
            export_records(records_for(store, what.value), path, format.value)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return FileResponse(path, media_type=MEDIA[format.value], filename=path.name,
                        background=BackgroundTask(shutil.rmtree, tmp, ignore_errors=True))


# -- writing ------------------------------------------------------------------------------------


async def stage_uploads(files: Sequence[StarletteUpload], staging: Staging) -> None:
    for upload in files:
        path = staging.add(upload.filename or "upload")
        with path.open("wb") as out:
            while chunk := await upload.read(CHUNK):
                out.write(chunk)


@router.post("/ingest", response_model=IngestResult, summary="Ingest uploaded files (.txt, .html, .jsonl, .csv)",
             responses={400: {"description": "No files in the request"}, 413: {"description": "Request too large"}})
async def ingest(
    request: Request,
    files: Annotated[list[UploadFile] | None, File(description="The files (multipart field `files`, repeated).")] = None,
    update_stories: Annotated[bool, Query(description="Recompute stories afterwards (a client sending many "
                                                      "batches may skip it for all but the last).")] = True,
) -> JSONResponse:
    if not files:
        raise HTTPException(400, "no files in the request; send them as multipart/form-data, field 'files'")
    db = db_of(request)
    with Staging() as staging:
        await stage_uploads(files, staging)
        report = await run_in_threadpool(ingest_staged, db, staging, update_stories)
    return JSONResponse(report)


@router.post("/ingest/text", response_model=IngestResult, summary="Ingest one pasted text",
             responses={400: {"description": "The text was rejected (the error says why; the report is attached)"}})
def ingest_pasted(body: PastedText, db: DB) -> JSONResponse:
    report = ingest_text(db, body.text, body.id, body.published, title=body.title, url=body.url,
                         outlet=body.outlet, language=body.language)
    if report["rejected"] and not (report["ingested"] or report["unchanged"] or report["duplicates"]):
        return JSONResponse({"error": report["rejected"][0]["reason"], "report": report}, status_code=400)
    return JSONResponse(report)


# -- the schema -----------------------------------------------------------------------------------


def _contract_components() -> dict[str, Any]:
    """The export contract's JSON Schemas as OpenAPI components (``$defs`` lifted, refs rewritten)."""
    out: dict[str, Any] = {}
    titles = {"events": "Event", "discrepancies": "Discrepancy", "commitments": "Commitment"}
    for name in SCHEMA_NAMES:
        s = copy.deepcopy(contract_schema(name))
        prefix = titles.get(name, name.title())
        defs = s.pop("$defs", {})
        s.pop("$schema", None)
        s.pop("$id", None)

        def fix(node: Any, prefix: str = prefix) -> Any:
            if isinstance(node, dict):
                return {k: (f"#/components/schemas/{prefix}_{v.split('/')[-1]}"
                            if k == "$ref" and isinstance(v, str) and v.startswith("#/$defs/") else fix(v))
                        for k, v in node.items()}
            if isinstance(node, list):
                return [fix(x) for x in node]
            return node

        out[prefix] = fix(s)
        for key, sub in defs.items():
            out[f"{prefix}_{key}"] = fix(sub)
    return out


def openapi_schema(app: Any) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema  # type: ignore[no-any-return]
    schema = get_openapi(title=app.title, version=app.version, summary=app.summary, description=app.description,
                         routes=app.routes)
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    try:
        components.update(_contract_components())
    except (OSError, ValueError):  # the contract files are optional for the API to work
        pass
    for page, record in (("EventPage", "Event"), ("DiscrepancyPage", "Discrepancy"),
                         ("CommitmentPage", "Commitment")):
        if page in components and record in components:
            components[page]["properties"]["items"]["items"] = {"$ref": f"#/components/schemas/{record}"}
    schema["components"]["schemas"]["Error"] = {
        "type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}}
    for path in schema.get("paths", {}).values():
        for op in path.values():
            for code, resp in op.get("responses", {}).items():
                if code[0] in "45":
                    resp["content"] = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    app.openapi_schema = schema
    return schema
