"""The JSON API under ``/api``: thin handlers over :mod:`readout.web.queries` and the pipeline."""

from __future__ import annotations

import copy
import json
import shutil
import tempfile
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.background import BackgroundTask
from starlette.datastructures import UploadFile as StarletteUpload

from readout import __version__
from readout.schemas import NAMES as SCHEMA_NAMES
from readout.schemas import schema as contract_schema
from readout.store.export import export_records, records_for
from readout.web import queries, review
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

Analysts' corrections (confirm, reject or edit an event, merge or split stories, add a person to
the knowledge base) are recorded apart from the machine records, as `readout review` does, and
applied on the way out: every corrected event carries a `review` object (status confirmed, edited
or rejected, who, when, the note, and for an edit the machine's `original` values). Rejected events
leave the stories, the event lists (unless `rejected=true`) and the exports. After each correction
the stories are rebuilt. Write bodies are JSON (`Content-Type: application/json`).
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
    review: Annotated[str | None, _text_param("Analysts' review: confirmed, edited, rejected, reviewed (any of "
                                              "those) or unreviewed.", "confirmed")] = None,
    rejected: Annotated[bool, Query(description="Include rejected events (marked `review.status: rejected`); "
                                                "left out by default, as in the exports.")] = False,
) -> queries.EventFilter:
    return queries.EventFilter(actor, country, type, mode, modality, claimer_country, date_from, date_to,
                               story, doc, q, review, rejected).validated()


def search_ids(db: WebDatabase, f: queries.EventFilter) -> list[str] | None:
    return db.index.search(f.q) if f.q else None


@router.get("/events", response_model=EventPage, summary="Events, filtered and paged (stored order)")
def events(db: DB, f: Annotated[queries.EventFilter, Depends(event_filter)],
           limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
    ids = search_ids(db, f)
    with db.reader() as store:
        total, items = queries.list_events(store, f, limit, offset, ids)
    return _page(total, limit, offset, items)


@router.get("/events/{event_id}", summary="One event (corrections applied and marked; a rejected one too)",
            responses={404: {"description": "No such event"}})
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


@router.get("/export/gold", summary="Download the gold file: confirmed and edited events (readout-gold/1)",
            response_class=Response,
            responses={200: {"content": {"application/json": {}},
                             "description": "gold.json, for `readout eval --gold` (as `readout export gold`)."}})
def export_gold(db: DB) -> Response:
    with db.reader() as store:
        gold = records_for(store, "gold")[0]
    return Response(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", media_type="application/json",
                    headers={"Content-Disposition": 'attachment; filename="gold.json"'})


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


# -- analysts' corrections ------------------------------------------------------------------------


async def require_json(request: Request) -> None:
    """A body in another format is refused up front (400), not half-read as something else."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if not ctype or ctype == "application/json" or ctype.endswith("+json"):
        return
    if await request.body():
        raise HTTPException(400, f"send the body as JSON (Content-Type: application/json), not {ctype[:60]!r}")


Author = Annotated[str | None, Field(max_length=review.MAX_AUTHOR, description="Who makes the correction.",
                                     examples=["A. Analyst"])]
Note = Annotated[str | None, Field(max_length=review.MAX_NOTE, description="Why.")]


class ReviewNote(BaseModel):
    """Who confirms or rejects, and why (both optional; the body may be left out)."""

    model_config = ConfigDict(extra="forbid")
    author: Author = None
    note: Note = None


class EventEdit(BaseModel):
    """The fields to correct (at least one, and it must differ from the event's value). ``mode`` or
    ``date`` given as null clears them."""

    model_config = ConfigDict(extra="forbid")
    type: str | None = Field(None, max_length=40, description="PLOVER type.", examples=["CONSULT"])
    mode: str | None = Field(None, max_length=40, description="PLOVER mode; null for none.", examples=["phone"])
    modality: str | None = Field(None, max_length=40, description="asserted, planned, negated or hypothetical.")
    actors: list[str] | None = Field(None, max_length=review.MAX_CODES,
                                     description='Codes: a country ("RUS", ISO 3166-1 alpha-3) or an organisation '
                                                 '("IGO:EU"). A party the event already names under the code is kept.',
                                     examples=[["RUS", "IGO:EU"]])
    recipients: list[str] | None = Field(None, max_length=review.MAX_CODES, description="Codes, as for actors.")
    date: str | None = Field(None, max_length=40, description="YYYY, YYYY-MM or YYYY-MM-DD; null for unknown.",
                             examples=["2025-03-18"])
    author: Author = None
    note: Note = None


class MergeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    story_ids: list[str] = Field(max_length=review.MAX_IDS, description="Two or more stories; the first one keeps "
                                                                         "the events of the others.")
    author: Author = None
    note: Note = None


class SplitRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    event_ids: list[str] = Field(max_length=review.MAX_IDS, description="Events of the story to move into a story "
                                                                        "of their own (not all of them).")
    author: Author = None
    note: Note = None


class PersonRequest(BaseModel):
    """A person for the actor knowledge base (as `readout review kb-add`); used from the next ingest on."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(max_length=review.MAX_AUTHOR, examples=["Kaja Kallas"])
    country: str | None = Field(None, max_length=10, description="ISO 3166-1 alpha-3, e.g. EST.")
    org: str | None = Field(None, max_length=20, description="Organisation code, e.g. EU (country or org is needed).",
                            examples=["EU"])
    title: str | None = Field(None, max_length=review.MAX_AUTHOR, description="Office, e.g. Außenbeauftragte.")
    start: str | None = Field(None, max_length=10, description="Role start, YYYY-MM-DD.", examples=["2024-12-01"])
    end: str | None = Field(None, max_length=10, description="Role end, YYYY-MM-DD.")
    variants: list[str] = Field(default_factory=list, max_length=review.MAX_VARIANTS,
                                description="Other spellings of the name.", examples=[["Kallas"]])
    author: Author = None
    note: Note = None


class Correction(BaseModel):
    """One recorded correction (a line of ``<db>.corrections.jsonl``)."""

    id: str
    kind: str = Field(description="confirm, reject, edit, merge, split or kb_add.")
    target: str | list[str] = Field(description="Event id, story id(s) or the person's name.")
    changes: dict[str, Any]
    author: str | None
    note: str | None
    at: str = Field(description="When (UTC, ISO 8601).")


class EventCorrected(BaseModel):
    correction: Correction
    event: dict[str, Any] = Field(description="The event as it is now, corrections applied and marked (`review`).")
    stories: dict[str, int] = Field(description="Counts after the stories were rebuilt.")


class StoriesCorrected(BaseModel):
    correction: Correction
    story: str | None = Field(description="Merge: the story that keeps the events. Split: the new story.")
    stories: dict[str, int]
    events: int | None = Field(None, description="Merge: how many events the story has now.")
    from_: str | None = Field(None, alias="from", description="Split: the story the events came from.")


class PersonAdded(BaseModel):
    correction: Correction
    entry: dict[str, Any] = Field(description="The knowledge-base entry (people.jsonl format).")
    stories: dict[str, int]


class CorrectionPage(Page):
    """Corrections, oldest first."""


class CorrectionKind(StrEnum):
    confirm = "confirm"
    reject = "reject"
    edit = "edit"
    merge = "merge"
    split = "split"
    kb_add = "kb_add"


WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "The body is not JSON"}, 404: {"description": "No such event or story"},
    422: {"description": "A value that cannot be used (the error says which)"}}
JSON_ONLY = Depends(require_json)


def _note(body: ReviewNote | None) -> tuple[str | None, str | None]:
    return (body.author, body.note) if body is not None else (None, None)


@router.post("/events/{event_id}/confirm", response_model=EventCorrected, summary="Confirm an event as coded",
             responses=WRITE_ERRORS, dependencies=[JSON_ONLY])
def confirm_event(event_id: str, db: DB, body: ReviewNote | None = None) -> JSONResponse:
    return JSONResponse(review.confirm(db, event_id, *_note(body)))


@router.post("/events/{event_id}/reject", response_model=EventCorrected,
             summary="Reject an event: it leaves the stories, the lists and the exports (the record stays)",
             responses=WRITE_ERRORS, dependencies=[JSON_ONLY])
def reject_event(event_id: str, db: DB, body: ReviewNote | None = None) -> JSONResponse:
    return JSONResponse(review.reject(db, event_id, *_note(body)))


@router.post("/events/{event_id}/edit", response_model=EventCorrected,
             summary="Correct an event's type, mode, modality, actors, recipients or date",
             responses=WRITE_ERRORS, dependencies=[JSON_ONLY])
def edit_event(event_id: str, body: EventEdit, db: DB) -> JSONResponse:
    given = {k: getattr(body, k) for k in review.EDIT_FIELDS if k in body.model_fields_set}
    if not given:
        raise HTTPException(422, f"give at least one field to correct: {', '.join(review.EDIT_FIELDS)}")
    return JSONResponse(review.edit(db, event_id, given, body.author, body.note))


@router.post("/stories/merge", response_model=StoriesCorrected, summary="Merge stories into the first one given",
             responses=WRITE_ERRORS, dependencies=[JSON_ONLY])
def merge_stories(body: MergeRequest, db: DB) -> JSONResponse:
    return JSONResponse(review.merge(db, body.story_ids, body.author, body.note))


@router.post("/stories/{story_id:path}/split", response_model=StoriesCorrected,
             summary="Split events off a story into a story of their own", responses=WRITE_ERRORS,
             dependencies=[JSON_ONLY])
def split_story(story_id: str, body: SplitRequest, db: DB) -> JSONResponse:
    return JSONResponse(review.split(db, story_id, body.event_ids, body.author, body.note))


@router.post("/kb/people", response_model=PersonAdded, summary="Add a person to the actor knowledge base",
             responses={400: WRITE_ERRORS[400], 422: WRITE_ERRORS[422]}, dependencies=[JSON_ONLY])
def add_person(body: PersonRequest, db: DB) -> JSONResponse:
    fields = body.model_dump(exclude={"author", "note"})
    return JSONResponse(review.add_person(db, fields, body.author, body.note))


@router.get("/corrections", response_model=CorrectionPage, summary="The analysts' corrections, oldest first")
def corrections(db: DB, kind: CorrectionKind | None = None,
                target: Annotated[str | None, _text_param("An event id, story id or name the corrections are "
                                                          "about.")] = None,
                limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
    with db.reader() as store:
        total, items = review.list_corrections(store, kind.value if kind else None, target, limit, offset)
    return _page(total, limit, offset, items)


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
