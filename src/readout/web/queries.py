"""Read-side queries over a readout store, shared by the JSON API and the HTML pages.

Filters are validated here, once, so the API (422) and the pages (a message above the form) say
the same thing about the same mistake. Lists come back as ``(total, items)`` in a stable order:
events in stored order (``seq, id``, as in the export), stories by date (unknown dates last) then
id, documents in ingest order.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields
from functools import lru_cache
from importlib.resources import files
from typing import Any

import duckdb

from readout.store import Store
from readout.store.corrections import apply_to_events

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES = ("asserted", "planned", "negated", "hypothetical")
DISCREPANCY_KINDS = ("omission", "contradiction", "tone")
COMMITMENT_STATUSES = ("announced", "in_force", "kept", "broken", "expired", "unknown")
REVIEW_FILTERS = ("confirmed", "edited", "rejected", "reviewed", "unreviewed")
REVIEW_KINDS = ("confirm", "reject", "edit")  # the corrections that mark single events
MAX_TEXT_PARAM = 200

_DATE = re.compile(r"^\d{4}(?:-(\d{2})(?:-(\d{2}))?)?$", re.ASCII)
_CODE = re.compile(r"^(?:IGO:)?[A-Za-z]{2,12}$")
_MODE = re.compile(r"^[a-z][a-z-]{0,40}$")
MODE_RE = _MODE


class FilterError(ValueError):
    """A filter value that cannot be used; the message says what is expected."""


def _date_bound(name: str, value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    value = value.strip()
    m = _DATE.match(value)
    if not m or (m.group(1) and not 1 <= int(m.group(1)) <= 12) or (m.group(2) and not 1 <= int(m.group(2)) <= 31):
        raise FilterError(f"{name} must be a date YYYY, YYYY-MM or YYYY-MM-DD (got {value[:40]!r})")
    return value


def _code(name: str, value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    value = value.strip().upper()
    if not _CODE.match(value):
        raise FilterError(f"{name} must be a country code like RUS (ISO 3166-1 alpha-3) or an organisation "
                          f"like EU (got {value[:40]!r})")
    return value.removeprefix("IGO:")


def _text(name: str, value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > MAX_TEXT_PARAM:
        raise FilterError(f"{name} is too long ({len(value)} characters; at most {MAX_TEXT_PARAM})")
    if "\x00" in value:
        raise FilterError(f"{name} contains a NUL character")
    return value.strip()


def _choice(name: str, value: str | None, choices: tuple[str, ...], upper: bool = False) -> str | None:
    if value is None or not value.strip():
        return None
    value = value.strip().upper() if upper else value.strip().lower()
    if value not in choices:
        raise FilterError(f"{name} must be one of {', '.join(choices)} (got {value[:40]!r})")
    return value


@dataclass
class EventFilter:
    """What an event list is narrowed to; every field is optional and they combine with AND."""

    actor: str | None = None  # part of an actor's, recipient's or participant's name, or their exact code
    country: str | None = None  # ISO alpha-3 (or organisation code) of an actor, recipient or participant
    type: str | None = None  # PLOVER type
    mode: str | None = None  # PLOVER mode
    modality: str | None = None
    claimer_country: str | None = None  # country (or organisation) of a claim's claimer
    date_from: str | None = None  # YYYY[-MM[-DD]]; compared at the coarser of the two precisions
    date_to: str | None = None
    story: str | None = None
    doc: str | None = None
    q: str | None = None  # free text over the evidence (see readout.web.search)
    review: str | None = None  # confirmed, edited, rejected, reviewed (any of the three) or unreviewed
    rejected: bool = False  # include rejected events (left out by default, as in the exports)

    def validated(self) -> EventFilter:
        """A normalised copy; raises :class:`FilterError` naming the first bad field."""
        out = EventFilter(
            actor=_text("actor", self.actor),
            country=_code("country", self.country),
            type=_choice("type", self.type, PLOVER_TYPES, upper=True),
            mode=_text("mode", self.mode),
            modality=_choice("modality", self.modality, MODALITIES),
            claimer_country=_code("claimer_country", self.claimer_country),
            date_from=_date_bound("date_from", self.date_from),
            date_to=_date_bound("date_to", self.date_to),
            story=_text("story", self.story),
            doc=_text("doc", self.doc),
            q=_text("q", self.q),
            review=_choice("review", self.review, REVIEW_FILTERS),
            rejected=bool(self.rejected),
        )
        if out.mode is not None:
            out.mode = out.mode.lower()
            if not _MODE.match(out.mode):
                raise FilterError(f"mode must be a PLOVER mode such as phone or visit (got {out.mode[:40]!r})")
        if out.date_from and out.date_to and out.date_from > out.date_to and not out.date_to.startswith(out.date_from):
            raise FilterError(f"date_from {out.date_from} is after date_to {out.date_to}")
        return out

    def active(self) -> dict[str, str]:
        return {f.name: v for f in fields(self) if (v := getattr(self, f.name))}


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


_PEOPLE = ("actors", "recipients", "participants")


def _list(path: str) -> str:
    return f"coalesce(json_extract_string(record, '{path}'), [])"


def _people(attr: str) -> str:
    return "list_concat(" + ", ".join(_list(f"$.{k}[*].{attr}") for k in _PEOPLE) + ")"


def _codes(prefix: str) -> str:
    return f"list_transform(list_concat({_list(prefix + '.country')}, {_list(prefix + '.org')}), lambda x: upper(x))"


def _date_cond(column: str, op: str) -> str:
    # Compare at the coarser precision: a month-only date is inside a range that touches its month.
    n = f"least(length({column}), length(?))"
    return f"({column} IS NOT NULL AND left({column}, {n}) {op} left(?, {n}))"


def event_where(f: EventFilter, ids: list[str] | None = None,
                review: Review | None = None) -> tuple[str, list[Any]]:
    """SQL condition and parameters over the events (``review``: the analysts' marks, which decide
    whether rejected events are left out and what ``f.review`` keeps)."""
    where: list[str] = ["true"]
    params: list[Any] = []
    if f.actor:
        where.append(
            f"(len(list_filter({_people('name')}, lambda x: x ILIKE ? ESCAPE '\\')) > 0 "
            f"OR list_contains(list_concat({_codes('$.actors[*]')}, {_codes('$.recipients[*]')}, "
            f"{_codes('$.participants[*]')}), upper(?)))"
        )
        params += [_like(f.actor), f.actor]
    if f.country:
        where.append(f"list_contains(list_concat({_codes('$.actors[*]')}, {_codes('$.recipients[*]')}, "
                     f"{_codes('$.participants[*]')}), ?)")
        params.append(f.country)
    if f.claimer_country:
        where.append(f"list_contains({_codes('$.claims[*].claimer')}, ?)")
        params.append(f.claimer_country)
    for column, value in (("type", f.type), ("modality", f.modality), ("cluster_id", f.story), ("doc_id", f.doc)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    if f.mode:
        where.append("lower(mode) = ?")
        params.append(f.mode)
    for bound, op in ((f.date_from, ">="), (f.date_to, "<=")):
        if bound:
            where.append(_date_cond("date_value", op))
            params += [bound, bound, bound]
    if ids is not None:
        where.append("id IN (SELECT unnest(?::VARCHAR[]))")
        params.append(ids)
    review = review or Review()
    if f.review in ("confirmed", "edited", "rejected", "reviewed"):
        keep = review.reviewed if f.review == "reviewed" else review.with_status(f.review)
        where.append("id IN (SELECT unnest(?::VARCHAR[]))")
        params.append(keep)
    elif f.review == "unreviewed":
        where.append("id NOT IN (SELECT unnest(?::VARCHAR[]))")
        params.append(review.reviewed)
    if not f.rejected and f.review not in ("rejected", "reviewed") and review.with_status("rejected"):
        where.append("id NOT IN (SELECT unnest(?::VARCHAR[]))")
        params.append(review.with_status("rejected"))
    return " AND ".join(where), params


# -- the analysts' corrections ------------------------------------------------------------------


def load_corrections(store: Store) -> list[dict[str, Any]]:
    """Every correction recorded for the database, oldest first ([] when there is no table yet)."""
    try:
        rows = store.con.execute("SELECT record FROM corrections ORDER BY seq").fetchall()
    except duckdb.Error:
        return []
    return [json.loads(r[0]) for r in rows]


@dataclass
class Review:
    """The analysts' marks on events: the confirm/reject/edit corrections and each event's status."""

    corrections: list[dict[str, Any]] = field(default_factory=list)
    status: dict[str, str] = field(default_factory=dict)  # event id -> confirmed, edited or rejected

    @classmethod
    def of(cls, store: Store, corrections: list[dict[str, Any]] | None = None) -> Review:
        marks = [c for c in (load_corrections(store) if corrections is None else corrections)
                 if c.get("kind") in REVIEW_KINDS]
        stubs = [{"id": t} for c in marks for t in targets_of(c)]
        # the status is what apply_to_events makes of them (the last mark wins), so ask it
        status = {e["id"]: e["review"]["status"] for e in apply_to_events(stubs, marks, keep_rejected=True)
                  if e.get("review")}
        return cls(marks, status)

    @property
    def reviewed(self) -> list[str]:
        return sorted(self.status)

    def with_status(self, status: str) -> list[str]:
        return sorted(i for i, s in self.status.items() if s == status)

    def apply(self, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The events with the corrections applied and marked (``review``); rejected ones are kept.
        Stories are not re-applied here: the stored ``cluster_id`` already has merges and splits."""
        if not self.status or not events:
            return events
        return apply_to_events(events, self.corrections, keep_rejected=True)

    def source(self, store: Store) -> tuple[str, list[Any]]:
        """A ``WITH ev AS (…)`` prefix: the events table with edited events' filter columns (and
        JSON) as corrected, and their machine record in ``machine``. Queries then read ``ev``."""
        edited = self.with_status("edited")
        if not edited:
            return "WITH ev AS (SELECT *, record AS machine FROM events) ", []
        rows = store.con.execute("SELECT record FROM events WHERE id IN (SELECT unnest(?::VARCHAR[])) ORDER BY id",
                                 [edited]).fetchall()
        fixed = self.apply([json.loads(r[0]) for r in rows])
        cols = {"type": "'$.type'", "mode": "'$.mode'", "modality": "'$.modality'", "date_value": "'$.date.value'"}
        picks = ", ".join(f"CASE WHEN f.fid IS NULL THEN e.{c} ELSE json_extract_string(f.frec, {path}) END AS {c}"
                          for c, path in cols.items())
        sql = ("WITH fix AS (SELECT unnest(?::VARCHAR[]) AS fid, unnest(?::VARCHAR[]) AS frec), "
               f"ev AS (SELECT e.id, e.doc_id, e.seq, e.cluster_id, {picks}, "
               "coalesce(f.frec::JSON, e.record) AS record, e.record AS machine "
               "FROM events e LEFT JOIN fix f ON f.fid = e.id) ")
        return sql, [[e["id"] for e in fixed], [json.dumps(e, ensure_ascii=False) for e in fixed]]


def targets_of(c: dict[str, Any]) -> list[str]:
    t = c.get("target")
    return [str(x) for x in t] if isinstance(t, list) else [str(t)]


def list_events(store: Store, f: EventFilter, limit: int, offset: int,
                ids: list[str] | None = None) -> tuple[int, list[dict[str, Any]]]:
    """Events matching a validated filter (``ids``: the search hits, when there is a query), with the
    analysts' corrections applied and marked; edited values are what the filters see."""
    if ids is not None and not ids:
        return 0, []
    review = Review.of(store)
    with_ev, ev_params = review.source(store)
    where, params = event_where(f, ids, review)
    row = store.con.execute(f"{with_ev}SELECT count(*) FROM ev WHERE {where}", [*ev_params, *params]).fetchone()
    rows = store.con.execute(
        f"{with_ev}SELECT machine FROM ev WHERE {where} ORDER BY seq, id LIMIT ? OFFSET ?",
        [*ev_params, *params, limit, offset]
    ).fetchall()
    return int(row[0]) if row else 0, review.apply([json.loads(r[0]) for r in rows])


def get_event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event with the corrections applied and marked (a rejected event too, marked so)."""
    row = store.con.execute("SELECT record FROM events WHERE id = ?", [event_id]).fetchone()
    return Review.of(store).apply([json.loads(row[0])])[0] if row else None


# -- stories ----------------------------------------------------------------------------------


@dataclass
class StoryFilter:
    actor: str | None = None
    country: str | None = None
    type: str | None = None
    date_from: str | None = None
    date_to: str | None = None

    def validated(self) -> StoryFilter:
        ev = EventFilter(actor=self.actor, country=self.country, type=self.type,
                         date_from=self.date_from, date_to=self.date_to).validated()
        return StoryFilter(ev.actor, ev.country, ev.type, ev.date_from, ev.date_to)

    def active(self) -> dict[str, str]:
        return {f.name: v for f in fields(self) if (v := getattr(self, f.name))}


_STORY_DATE = "json_extract_string(record, '$.date.value')"


def list_stories(store: Store, f: StoryFilter, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    """Stories by date (unknown last), each with counts of its events, documents, discrepancies, commitments.

    Only stories that events belong to are listed: a story merged into another by an analyst keeps
    its stored record but no longer has events."""
    review = Review.of(store)
    with_ev, ev_params = review.source(store)
    where: list[str] = ["id IN (SELECT cluster_id FROM ev)"]
    params: list[Any] = []
    ev_filter = EventFilter(actor=f.actor, country=f.country, type=f.type)
    if ev_filter.active():
        ev_where, filter_params = event_where(ev_filter, None, review)
        cond = f"id IN (SELECT cluster_id FROM ev WHERE {ev_where})"
        if f.country and not f.actor and not f.type:
            # a story's countries include the parties its outcomes bear on
            cond = f"({cond} OR list_has_any({_list('$.countries[*]')}, [?, 'IGO:' || ?]))"
            filter_params = [*filter_params, f.country, f.country]
        where.append(cond)
        params += filter_params
    for bound, op in ((f.date_from, ">="), (f.date_to, "<=")):
        if bound:
            where.append(_date_cond(_STORY_DATE, op))
            params += [bound, bound, bound]
    cond = " AND ".join(where)
    row = store.con.execute(f"{with_ev}SELECT count(*) FROM stories WHERE {cond}", [*ev_params, *params]).fetchone()
    rows = store.con.execute(
        f"{with_ev}SELECT record FROM stories WHERE {cond} ORDER BY {_STORY_DATE} NULLS LAST, id LIMIT ? OFFSET ?",
        [*ev_params, *params, limit, offset],
    ).fetchall()
    stories = [json.loads(r[0]) for r in rows]
    counts = _story_counts(store, [s["id"] for s in stories])
    for s in stories:
        s["counts"] = counts[s["id"]]
    return int(row[0]) if row else 0, stories


def _story_counts(store: Store, ids: list[str]) -> dict[str, dict[str, int]]:
    """Events and documents as they are now (analysts may have moved events), discrepancies, commitments."""
    out: dict[str, dict[str, int]] = {i: {"events": 0, "documents": 0, "discrepancies": 0, "commitments": 0}
                                      for i in ids}
    if not ids:
        return out
    for cid, n, docs in store.con.execute(
        "SELECT cluster_id, count(*), count(DISTINCT doc_id) FROM events WHERE cluster_id IN "
        "(SELECT unnest(?::VARCHAR[])) GROUP BY cluster_id", [ids]
    ).fetchall():
        out[cid].update(events=int(n), documents=int(docs))
    for table in ("discrepancies", "commitments"):
        for cid, n in store.con.execute(
            f"SELECT cluster_id, count(*) FROM {table} WHERE cluster_id IN (SELECT unnest(?::VARCHAR[])) "
            "GROUP BY cluster_id", [ids]
        ).fetchall():
            out[cid][table] = int(n)
    return out


def get_story(store: Store, story_id: str) -> dict[str, Any] | None:
    row = store.con.execute("SELECT record FROM stories WHERE id = ?", [story_id]).fetchone()
    return json.loads(row[0]) if row else None


def _records(store: Store, table: str, where: str = "true", params: list[Any] | None = None) -> list[dict[str, Any]]:
    rows = store.con.execute(f"SELECT record FROM {table} WHERE {where} ORDER BY seq, id", params or []).fetchall()
    return [json.loads(r[0]) for r in rows]


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO alpha-3 code -> English name, from the actor knowledge base (empty when it is not there)."""
    names: dict[str, str] = {}
    try:
        text = files("readout").joinpath("data", "kb", "states.jsonl").read_text(encoding="utf-8")
    except OSError:
        return names
    for line in text.splitlines():
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(rec, dict) and rec.get("country") and (rec.get("name_en") or rec.get("name_de")):
            names[str(rec["country"])] = str(rec.get("name_en") or rec.get("name_de"))
    return names


def side_of(claimer: dict[str, Any] | None) -> str | None:
    """The party a claim speaks for: the claimer's country or organisation; None for the article itself."""
    if not claimer:
        return None
    if claimer.get("country"):
        return str(claimer["country"])
    if claimer.get("org"):
        return f"IGO:{claimer['org']}"
    return "other"


def side_label(side: str | None) -> str:
    if side is None:
        return "The article's own voice"
    if side == "other":
        return "Other sources"
    if side.startswith("IGO:"):
        return side[4:]
    name = country_names().get(side)
    return f"{name} ({side})" if name else side


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(a.get("doc_id") == b.get("doc_id") and a.get("start", 0) < b.get("end", 0)
                and b.get("start", 0) < a.get("end", 0))


def dossier(store: Store, story_id: str) -> dict[str, Any] | None:
    """One story with its events, participants, claims grouped by side, discrepancies, commitments."""
    corrections = load_corrections(store)
    review = Review.of(store, corrections)
    story = get_story(store, story_id)
    events = review.apply(_records(store, "events", "cluster_id = ?", [story_id]))
    if story is None:
        if not events:
            return None
        story = _story_of(story_id, events)  # split off by an analyst: no stored record (yet)
    merged_into = next((targets_of(c)[0] for c in reversed(corrections)
                        if c.get("kind") == "merge" and story_id in targets_of(c)[1:]), None)
    # events an analyst rejected from this story (the web records the story with the rejection)
    gone = [i for i, s in review.status.items() if s == "rejected" and any(
        c.get("kind") == "reject" and i in targets_of(c) and (c.get("changes") or {}).get("story") == story_id
        for c in review.corrections)]
    rejected = review.apply(_records(store, "events", "id IN (SELECT unnest(?::VARCHAR[]))", [gone])) if gone else []
    discrepancies = _records(store, "discrepancies", "cluster_id = ?", [story_id])
    commitments = _records(store, "commitments", "cluster_id = ?", [story_id])

    disputed_spans = [(d["id"], d.get("kind"), span) for d in discrepancies
                      for acc in d.get("accounts") or [] for span in acc.get("evidence") or []]
    sides: dict[str | None, dict[str, Any]] = {}
    for ev in events:
        for claim in ev.get("claims") or []:
            side = side_of(claim.get("claimer"))
            entry = sides.setdefault(side, {"side": side, "label": side_label(side), "claimers": [], "claims": []})
            name = (claim.get("claimer") or {}).get("name")
            if name and name not in entry["claimers"]:
                entry["claimers"].append(name)
            spans = claim.get("evidence") or ev.get("evidence") or []
            disputes = sorted({(did, kind) for did, kind, span in disputed_spans for s in spans if _overlaps(s, span)})
            entry["claims"].append({
                "event_id": ev["id"], "doc_id": ev.get("doc_id"), "summary": ev.get("summary"), "type": ev.get("type"),
                "mode": ev.get("mode"), "modality": ev.get("modality"), "date": ev.get("date"), "claim": claim,
                "evidence": spans, "disputed": [{"id": d, "kind": k} for d, k in disputes],
                "review": ev.get("review"),
            })
    parties = sorted((s for s in sides.values() if s["side"] is not None),
                     key=lambda s: (-len(s["claims"]), s["side"]))
    article = sides.get(None)

    doc_ids = list(dict.fromkeys([*(story.get("doc_ids") or []), *(e.get("doc_id") for e in events)]))
    docs = []
    for doc_id in doc_ids:
        row = store.con.execute("SELECT doc_id, title, published, published_precision, outlet, dateline FROM documents "
                                "WHERE doc_id = ?", [doc_id]).fetchone()
        if row:
            docs.append(dict(zip(("doc_id", "title", "published", "published_precision", "outlet", "dateline"), row,
                                 strict=True)))
    return {
        "story": story,
        "participants": participants(events),
        "sides": parties,
        "article_voice": article,
        "events": events,
        "rejected": rejected,
        "merged_into": merged_into,
        "discrepancies": discrepancies,
        "commitments": commitments,
        "documents": docs,
    }


def _story_of(story_id: str, events: list[dict[str, Any]]) -> dict[str, Any]:
    """A story record for events an analyst split off, until the stories are rebuilt with it."""
    dates = sorted((e.get("date") or {}).get("value") or "" for e in events)
    dated = [d for d in dates if d]
    countries = sorted({p.get("country") or f"IGO:{p['org']}" for e in events
                        for k in ("actors", "recipients", "participants") for p in e.get(k) or []
                        if isinstance(p, dict) and (p.get("country") or p.get("org"))})
    head = events[0]
    return {"id": story_id, "kind": "split", "label": head.get("summary") or head.get("type") or story_id,
            "date": {"value": dated[0], "precision": _precision_of(dated[0])} if dated else
            {"value": None, "precision": "unknown"},
            "countries": countries, "event_ids": [e["id"] for e in events],
            "doc_ids": list(dict.fromkeys(str(e.get("doc_id")) for e in events))}


def _precision_of(value: str) -> str:
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "unknown")


def participants(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Everyone who acts, is acted on or takes part in the events, most involved first."""
    seen: dict[tuple[str, str | None], dict[str, Any]] = {}
    for ev in events:
        for role, key in (("actor", "actors"), ("recipient", "recipients"), ("participant", "participants")):
            for p in ev.get(key) or []:
                if not isinstance(p, dict) or not p.get("name"):
                    continue
                k = (str(p["name"]), p.get("country"))
                entry = seen.setdefault(k, {"name": p["name"], "country": p.get("country"), "org": p.get("org"),
                                            "sector": p.get("sector"), "wikidata": p.get("wikidata"),
                                            "titles": [], "roles": [], "events": 0})
                if p.get("title") and p["title"] not in entry["titles"]:
                    entry["titles"].append(p["title"])
                if role not in entry["roles"]:
                    entry["roles"].append(role)
                entry["events"] += 1
    return sorted(seen.values(), key=lambda p: (-p["events"], p["name"]))


# -- documents --------------------------------------------------------------------------------

DOC_COLUMNS = (
    "doc_id", "source", "content_hash", "body_start", "published", "published_precision", "published_source",
    "title", "url", "outlet", "dateline", "author", "language", "duplicate_of", "near_duplicate_of", "similarity",
)


def list_documents(store: Store, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    row = store.con.execute("SELECT count(*) FROM documents").fetchone()
    rows = store.con.execute(
        f"SELECT {', '.join('d.' + c for c in DOC_COLUMNS)}, length(d.text), "
        "(SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id) "
        "FROM documents d ORDER BY d.seq, d.doc_id LIMIT ? OFFSET ?", [limit, offset]
    ).fetchall()
    items = []
    for r in rows:
        item = dict(zip(DOC_COLUMNS, r[: len(DOC_COLUMNS)], strict=True))
        item["chars"], item["events"] = r[-2], int(r[-1])
        items.append(item)
    return int(row[0]) if row else 0, items


def document_detail(store: Store, doc_id: str) -> dict[str, Any] | None:
    """A document with its text, annotations, events and links to its copies."""
    row = store.con.execute(
        f"SELECT {', '.join(DOC_COLUMNS)}, text, annotations FROM documents WHERE doc_id = ?", [doc_id]
    ).fetchone()
    if row is None:
        return None
    doc = dict(zip(DOC_COLUMNS, row[: len(DOC_COLUMNS)], strict=True))
    doc["text"] = row[-2]
    doc["annotations"] = json.loads(row[-1]) if row[-1] else None
    doc["events"] = Review.of(store).apply(_records(store, "events", "doc_id = ?", [doc_id]))
    doc["duplicates"] = [r[0] for r in store.con.execute(
        "SELECT doc_id FROM documents WHERE duplicate_of = ? ORDER BY seq", [doc_id]).fetchall()]
    doc["near_duplicates"] = [r[0] for r in store.con.execute(
        "SELECT doc_id FROM documents WHERE near_duplicate_of = ? ORDER BY seq", [doc_id]).fetchall()]
    return doc


# -- discrepancies and commitments ----------------------------------------------------------------


def list_records(store: Store, table: str, story: str | None, field: str | None, value: str | None,
                 limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    """Discrepancies or commitments, optionally of one story and with one field (kind, status) equal to value."""
    if table not in ("discrepancies", "commitments"):
        raise ValueError(f"unknown table {table!r}")
    where, params = ["true"], []
    if story:
        where.append("cluster_id = ?")
        params.append(story)
    if field and value:
        where.append(f"json_extract_string(record, '$.{field}') = ?")
        params.append(value)
    cond = " AND ".join(where)
    row = store.con.execute(f"SELECT count(*) FROM {table} WHERE {cond}", params).fetchone()
    rows = store.con.execute(f"SELECT record FROM {table} WHERE {cond} ORDER BY seq, id LIMIT ? OFFSET ?",
                             [*params, limit, offset]).fetchall()
    return int(row[0]) if row else 0, [json.loads(r[0]) for r in rows]


def facets(store: Store) -> dict[str, list[str]]:
    """The values present in the database, for the choices of the filter forms."""
    def col(sql: str) -> list[str]:
        return [str(r[0]) for r in store.con.execute(sql).fetchall() if r[0]]

    return {
        "types": col("SELECT DISTINCT type FROM events WHERE type IS NOT NULL ORDER BY 1"),
        "modes": col("SELECT DISTINCT lower(mode) FROM events WHERE mode IS NOT NULL ORDER BY 1"),
        "countries": col(f"SELECT DISTINCT unnest({_list('$.countries[*]')}) AS c FROM stories ORDER BY 1"),
        "claimer_countries": col(
            f"SELECT DISTINCT unnest({_list('$.claims[*].claimer.country')}) AS c FROM events ORDER BY 1"),
    }
