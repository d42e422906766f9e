"""The HTML pages: timeline, story dossier, document view, events, ingest, API reference.

Pages take their filters from the query string, validate them like the API and show what is
wrong above the form (status 422) instead of failing. Forms work without JavaScript.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData, UploadFile

from readout.ingest import MAX_BYTES
from readout.web import queries, review
from readout.web.api import db_of, openapi_schema, stage_uploads
from readout.web.app import html
from readout.web.ingest import Staging, ingest_staged, ingest_text
from readout.web.views import article_html, parse_hl, story_url

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50
MAX_PAGE = 1_000_000
MAX_CANDIDATES = 200


def _form_message(e: Exception) -> str:
    """A filter error in the words of the form (its fields are called From and To there)."""
    return str(e).replace("date_from", "“From”").replace("date_to", "“To”")


def _page_number(value: str | None, errors: list[str]) -> int:
    if value is None or value == "":
        return 1
    if not value.isdigit() or not 1 <= int(value) <= MAX_PAGE:
        errors.append(f"page must be a number from 1 to {MAX_PAGE} (got {value[:20]!r})")
        return 1
    return int(value)


def _form(request: Request, names: tuple[str, ...]) -> dict[str, str]:
    return {n: request.query_params.get(n, "")[:500] for n in names}


def _facets(request: Request) -> dict[str, list[str]]:
    db = db_of(request)
    cached = getattr(request.app.state, "facets", None)
    if cached is None or cached[0] != db.generation:
        with db.reader() as store:
            cached = (db.generation, queries.facets(store))
        request.app.state.facets = cached
    return cached[1]


def _pager(request: Request, page: int, total: int, form: dict[str, str]) -> dict[str, Any]:
    pages = max(1, -(-total // PAGE_SIZE))
    base = {k: v for k, v in form.items() if v}

    def url(n: int) -> str:
        return f"{request.url.path}?{urlencode({**base, 'page': n})}"

    return {"page": page, "pages": pages, "total": total,
            "prev": url(page - 1) if page > 1 else None, "next": url(page + 1) if page < pages else None}


@router.get("/", response_class=HTMLResponse)
def timeline(request: Request) -> HTMLResponse:
    form = _form(request, ("actor", "country", "type", "from", "to"))
    errors: list[str] = []
    page = _page_number(request.query_params.get("page"), errors)
    try:
        f = queries.StoryFilter(form["actor"], form["country"], form["type"], form["from"], form["to"]).validated()
    except queries.FilterError as e:
        errors.append(_form_message(e))
        f = queries.StoryFilter()
    db = db_of(request)
    with db.reader() as store:
        total, stories = queries.list_stories(store, f, PAGE_SIZE, (page - 1) * PAGE_SIZE)
        counts = store.counts()
    groups: list[dict[str, Any]] = []
    for s in stories:
        date = s.get("date") or {}
        if not groups or groups[-1]["value"] != date.get("value"):
            groups.append({"value": date.get("value"), "date": date, "stories": []})
        groups[-1]["stories"].append(s)
    return html(request, "timeline.html", {
        "form": form, "errors": errors, "groups": groups, "facets": _facets(request), "counts": counts,
        "filtered": bool(f.active()), "pager": _pager(request, page, total, form),
    }, status=422 if errors else 200)


@router.get("/stories/{story_id:path}", response_class=HTMLResponse)
def story(request: Request, story_id: str) -> HTMLResponse:
    db = db_of(request)
    with db.reader() as store:
        d = queries.dossier(store, story_id)
        if d is None:
            raise HTTPException(404, f"no story {story_id[:200]!r}; the timeline lists them all")
        texts = {}
        for doc_id in {span.get("doc_id") for span in _all_spans(d)}:
            doc = store.document(str(doc_id)) if doc_id else None
            texts[doc_id] = doc["text"] if doc else None
        candidates = _merge_candidates(store, d["story"])
    return html(request, "story.html", {"d": d, "texts": texts, "candidates": candidates,
                                        "hide_rejected": request.query_params.get("rejected") == "hide"})


def _merge_candidates(store: Any, story: dict[str, Any], limit: int = MAX_CANDIDATES) -> list[dict[str, Any]]:
    """Stories to offer in "merge with story…": those sharing a country with this one first, by date."""
    _, stories = queries.list_stories(store, queries.StoryFilter(), 500, 0)
    mine = set(story.get("countries") or [])
    others = [s for s in stories if s["id"] != story["id"]]
    others.sort(key=lambda s: not mine & set(s.get("countries") or []))  # stable: by date within each group
    return others[:limit]


def _all_spans(d: dict[str, Any]) -> list[dict[str, Any]]:
    spans = [s for side in [*d["sides"], d["article_voice"] or {"claims": []}] for c in side["claims"]
             for s in c["evidence"]]
    spans += [s for dis in d["discrepancies"] for acc in dis.get("accounts") or [] for s in acc.get("evidence") or []]
    spans += [s for com in d["commitments"] for h in com.get("history") or [] for s in h.get("evidence") or []]
    return spans


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request) -> HTMLResponse:
    errors: list[str] = []
    page = _page_number(request.query_params.get("page"), errors)
    with db_of(request).reader() as store:
        total, docs = queries.list_documents(store, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    return html(request, "documents.html", {"docs": docs, "errors": errors, "pager": _pager(request, page, total, {})},
                status=422 if errors else 200)


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document(request: Request, doc_id: str) -> HTMLResponse:
    with db_of(request).reader() as store:
        doc = queries.document_detail(store, doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id[:200]!r}; the documents page lists them all")
        stories = {}
        for ev in doc["events"]:
            cid = ev.get("cluster_id")
            if cid and cid not in stories:
                stories[cid] = queries.get_story(store, cid)
    hl = parse_hl(request.query_params.get("hl"))
    return html(request, "document.html", {"doc": doc, "article": article_html(doc, hl) if doc["text"] else None,
                                           "stories": stories, "hl": hl,
                                           "hide_rejected": request.query_params.get("rejected") == "hide"})


@router.get("/events", response_class=HTMLResponse)
def events(request: Request) -> HTMLResponse:
    names = ("actor", "country", "type", "mode", "modality", "claimer_country", "from", "to", "story", "doc", "q",
             "review", "rejected")
    form = _form(request, names)
    errors: list[str] = []
    page = _page_number(request.query_params.get("page"), errors)
    db = db_of(request)
    total, items = 0, list[dict[str, Any]]()
    try:
        f = queries.EventFilter(form["actor"], form["country"], form["type"], form["mode"], form["modality"],
                                form["claimer_country"], form["from"], form["to"], form["story"], form["doc"],
                                form["q"], form["review"], form["rejected"] not in ("", "0")).validated()
        ids = db.index.search(f.q) if f.q else None
        with db.reader() as store:
            total, items = queries.list_events(store, f, PAGE_SIZE, (page - 1) * PAGE_SIZE, ids)
    except (queries.FilterError, ValueError) as e:
        errors.append(_form_message(e))
    return html(request, "events.html", {
        "form": form, "errors": errors, "events": items, "facets": _facets(request), "search_kind": db.index.kind,
        "modalities": queries.MODALITIES, "review_filters": queries.REVIEW_FILTERS,
        "pager": _pager(request, page, total, form),
    }, status=422 if errors else 200)


@router.get("/ingest", response_class=HTMLResponse)
def ingest_page(request: Request) -> HTMLResponse:
    return html(request, "ingest.html", {"result": None, "error": None, "form": {}})


@router.post("/ingest/text", response_class=HTMLResponse)
async def ingest_text_page(request: Request) -> HTMLResponse:
    form = await request.form(max_part_size=MAX_BYTES + 1024)
    values = {k: form.get(k) for k in ("id", "published", "title", "text")}
    if any(v is not None and not isinstance(v, str) for v in values.values()):
        raise HTTPException(400, "the text form takes text fields only")
    text = str(values["text"] or "").replace("\r\n", "\n")  # browsers send CRLF; the pasted text had LF
    fields = {k: (str(v).strip() if v else None) for k, v in values.items() if k != "text"}
    if not text.strip():
        return html(request, "ingest.html", {"result": None, "form": {**fields, "text": text},
                                             "error": "paste the article text first (the text field is empty)"},
                    status=400)
    if fields["id"] and len(fields["id"]) > 200:
        return html(request, "ingest.html", {"result": None, "form": {**fields, "text": text},
                                             "error": "the id is too long (at most 200 characters)"}, status=400)
    report = await run_in_threadpool(ingest_text, db_of(request), text, fields["id"], fields["published"],
                                     title=fields["title"])
    failed = bool(report["rejected"]) and not (report["ingested"] or report["unchanged"] or report["duplicates"])
    return html(request, "ingest.html", {"result": report, "error": None, "form": {} if not failed else
                                         {**fields, "text": text}}, status=400 if failed else 200)


@router.post("/ingest/files", response_class=HTMLResponse)
async def ingest_files_page(request: Request) -> HTMLResponse:
    form = await request.form()
    uploads = [f for f in form.getlist("files") if isinstance(f, UploadFile) and (f.filename or f.size)]
    if not uploads:
        return html(request, "ingest.html", {"result": None, "form": {},
                                             "error": "choose at least one file to upload"}, status=400)
    with Staging() as staging:
        await stage_uploads(uploads, staging)
        report = await run_in_threadpool(ingest_staged, db_of(request), staging, True)
    return html(request, "ingest.html", {"result": report, "error": None, "form": {}})


@router.get("/api-docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    schema = openapi_schema(request.app)
    ops = []
    for path, item in schema.get("paths", {}).items():
        for method, op in item.items():
            ops.append({"path": path, "method": method.upper(), "summary": op.get("summary", ""),
                        "params": op.get("parameters", []), "body": "requestBody" in op,
                        "body_schema": _body_schema(op), "body_fields": _body_fields(op, schema)})
    return html(request, "api_docs.html", {"ops": ops, "info": schema.get("info", {})})


def _body_fields(op: dict[str, Any], schema: dict[str, Any]) -> list[dict[str, Any]]:
    """The fields of a JSON request body, for the reference page."""
    spec = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
    for alt in spec.get("anyOf", [spec]):  # an optional body is "anyOf: [model, null]"
        ref = alt.get("$ref", "")
        if ref:
            model = schema.get("components", {}).get("schemas", {}).get(ref.rsplit("/", 1)[-1], {})
            required = set(model.get("required", []))
            return [{"name": name, "required": name in required, "type": _type_of(prop),
                     "description": prop.get("description", "")}
                    for name, prop in model.get("properties", {}).items()]
    return []


def _type_of(prop: dict[str, Any]) -> str:
    kinds = [x for x in prop.get("anyOf", [prop]) if x.get("type") != "null"]
    out = []
    for k in kinds:
        t = k.get("type") or k.get("$ref", "").rsplit("/", 1)[-1] or "any"
        out.append(f"list of {k.get('items', {}).get('type', 'any')}" if t == "array" else t)
    return " or ".join(out) or "any"


def _body_schema(op: dict[str, Any]) -> str | None:
    content = op.get("requestBody", {}).get("content", {})
    for ctype, spec in content.items():
        ref = spec.get("schema", {}).get("$ref", "")
        return f"{ctype} ({ref.rsplit('/', 1)[-1]})" if ref else ctype
    return None


# -- analysts' corrections (forms posting here, answered with a redirect back) ---------------------

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


async def _review_form(request: Request) -> FormData:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype not in ("application/x-www-form-urlencoded", "multipart/form-data"):
        raise HTTPException(400, "this address takes the page's form (application/x-www-form-urlencoded); "
                                 "programs use the JSON API under /api")
    form = await request.form(max_files=0, max_fields=1000)
    if any(not isinstance(v, str) for _, v in form.multi_items()):
        raise HTTPException(400, "the form takes text fields only")
    return form


def _back(form: FormData, default: str) -> str:
    """Where to return: a path on this server from the form's ``next``, else ``default``."""
    value = form.get("next")
    if isinstance(value, str) and value.startswith("/") and not value.startswith(("//", "/\\")) \
            and len(value) <= 2000 and not _CONTROL.search(value):
        return value
    return default


def _redirect(back: str, done: str, anchor: str | None = None, **values: str | None) -> RedirectResponse:
    """303 to ``back`` with the confirmation (``?done=…``) the page shows."""
    parts = urlsplit(back)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k not in ("done", "event", "story", "name")]
    query += [("done", done), *((k, v) for k, v in values.items() if v)]
    url = urlunsplit(("", "", parts.path, urlencode(query), anchor or parts.fragment))
    return RedirectResponse(url, status_code=303)


def _still_there(request: Request, back: str) -> str:
    """``back``, or the timeline when ``back`` is a story that no longer exists (its last event rejected)."""
    path = urlsplit(back).path
    if not path.startswith("/stories/"):
        return back
    story_id = unquote(path.removeprefix("/stories/"))
    with db_of(request).reader() as store:
        gone = queries.get_story(store, story_id) is None and not store.con.execute(
            "SELECT 1 FROM events WHERE cluster_id = ? LIMIT 1", [story_id]).fetchone()
    return "/" if gone else back


def _failed(request: Request, e: review.ReviewError, back: str) -> HTMLResponse:
    return html(request, "error.html", {"status": e.status, "message": str(e), "back": back}, status=e.status)


@router.post("/events/{event_id}/{action}", response_class=HTMLResponse)
async def review_event(request: Request, event_id: str, action: str) -> Response:
    if action not in ("confirm", "reject", "edit"):
        raise HTTPException(404, f"nothing at {request.url.path[:200]}")
    form = await _review_form(request)
    back = _back(form, "/events")
    author, note = form.get("author"), form.get("note")
    try:
        if action == "confirm":
            result = await run_in_threadpool(review.confirm, db_of(request), event_id, author, note)
        elif action == "reject":
            result = await run_in_threadpool(review.reject, db_of(request), event_id, author, note)
        else:
            given = {k: form.get(k) for k in review.EDIT_FIELDS if k in form}
            result = await run_in_threadpool(review.edit, db_of(request), event_id, given, author, note)
    except review.ReviewError as e:
        return _failed(request, e, back)
    done = {"confirm": "confirmed", "reject": "rejected", "edit": "edited"}[action]
    story = (result.get("event") or {}).get("cluster_id") if action == "edit" else None
    return _redirect(_still_there(request, back), done, event_id, event=event_id, story=story)


@router.post("/stories/{story_id:path}/merge", response_class=HTMLResponse)
async def merge_story(request: Request, story_id: str) -> Response:
    form = await _review_form(request)
    back = _back(form, story_url(story_id))
    other = str(form.get("other_id") or "").strip() or str(form.get("other") or "").strip()
    if not other:
        return _failed(request, review.ReviewError(422, "choose the story to merge into this one"), back)
    try:
        result = await run_in_threadpool(review.merge, db_of(request), [story_id, other], form.get("author"),
                                         form.get("note"))
    except review.ReviewError as e:
        return _failed(request, e, back)
    return _redirect(back, "merged", "h-events", story=result["story"])


@router.post("/stories/{story_id:path}/split", response_class=HTMLResponse)
async def split_story(request: Request, story_id: str) -> Response:
    form = await _review_form(request)
    back = _back(form, story_url(story_id))
    ids = [str(v) for v in form.getlist("event_ids")]
    try:
        result = await run_in_threadpool(review.split, db_of(request), story_id, ids, form.get("author"),
                                         form.get("note"))
    except review.ReviewError as e:
        return _failed(request, e, back)
    return _redirect(back, "split", "h-events", story=result["story"])


@router.get("/kb/people", response_class=HTMLResponse)
def kb_page(request: Request) -> HTMLResponse:
    return _kb(request, {}, None)


def _kb(request: Request, form: dict[str, Any], error: str | None, status: int = 200) -> HTMLResponse:
    with db_of(request).reader() as store:
        people = review.people(store)
    countries = sorted(queries.country_names().items(), key=lambda kv: kv[1])
    return html(request, "kb.html", {"form": form, "error": error, "people": people, "countries": countries},
                status=status)


@router.post("/kb/people", response_class=HTMLResponse)
async def kb_add(request: Request) -> Response:
    form = await _review_form(request)
    fields = {k: str(form.get(k) or "") for k in ("name", "country", "org", "title", "start", "end", "variants")}
    try:
        await run_in_threadpool(review.add_person, db_of(request), fields, form.get("author"), form.get("note"))
    except review.ReviewError as e:
        return _kb(request, fields, str(e), status=e.status)
    return _redirect("/kb/people", "person", "h-added", name=fields["name"].strip())
