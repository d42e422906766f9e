"""Analyst corrections through the server: confirm, reject or edit an event, merge or split stories,
add a person to the knowledge base.

The API and the pages' forms share these functions, so both check the same things and say the
same thing about the same mistake. Every write goes through the server's writer (one at a time);
the correction is recorded with :class:`readout.store.corrections.Corrections` (table and sidecar
file, as ``readout review`` does), then the stories are rebuilt with
:func:`readout.pipeline.update_stories`, then the search index is synced (the writer does that when
the block ends). Machine records are never changed: corrections are applied on the way out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any

from readout.pipeline import update_stories
from readout.store import Store
from readout.store.corrections import CorrectionError, Corrections, kb_entries
from readout.web import queries
from readout.web.database import WebDatabase

MAX_AUTHOR = 200
MAX_NOTE = 2000
MAX_CODES = 20
MAX_IDS = 200
MAX_VARIANTS = 50
EDIT_FIELDS = ("type", "mode", "modality", "actors", "recipients", "date")

_COUNTRY = re.compile(r"^[A-Z]{3}$")
_ORG = re.compile(r"^[A-Z][A-Z0-9&.\-]{1,19}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", re.ASCII)


class ReviewError(ValueError):
    """A correction that cannot be made; ``status`` is 404 (unknown id) or 422 (bad value)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


# -- checking values ----------------------------------------------------------------------------


def clean_text(name: str, value: Any, limit: int, multiline: bool = False) -> str | None:
    """An optional free text (author, note, title): stripped, None when empty; no control characters."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ReviewError(422, f"{name} must be text")
    value = value.replace("\r\n", "\n").strip()
    if not value:
        return None
    if len(value) > limit:
        raise ReviewError(422, f"{name} is too long ({len(value)} characters; at most {limit})")
    if _CONTROL.search(value) or (not multiline and ("\n" in value or "\t" in value)):
        raise ReviewError(422, f"{name} contains a control character")
    return value


def check_date(name: str, value: str, day_only: bool = False) -> tuple[str, str]:
    """(value, precision) of ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a real calendar date)."""
    m = _DATE.match(value.strip())
    want = "YYYY-MM-DD" if day_only else "YYYY, YYYY-MM or YYYY-MM-DD"
    if not m or (day_only and not m.group(3)):
        raise ReviewError(422, f"{name} must be a date {want} (got {value[:40]!r})")
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise ReviewError(422, f"{name} is not a date in the calendar (got {value[:40]!r})") from None
    return m.group(0), "day" if day else "month" if month else "year"


def parse_codes(name: str, value: str | Sequence[str] | None) -> list[str]:
    """Party codes from a list or a comma/space separated text: ``RUS``, ``IGO:EU``."""
    if value is None:
        return []
    items = re.split(r"[,;\s]+", value) if isinstance(value, str) else list(value)
    codes: list[str] = []
    for raw in items:
        if not isinstance(raw, str):
            raise ReviewError(422, f"{name} must be codes like RUS or IGO:EU")
        code = raw.strip().upper()
        if not code:
            continue
        if code.startswith("IGO:"):
            if not _ORG.match(code[4:]):
                raise ReviewError(422, f"{name}: {raw[:40]!r} is not an organisation code like IGO:EU or IGO:NATO")
        elif not _COUNTRY.match(code):
            raise ReviewError(422, f"{name}: {raw[:40]!r} is not a country code like RUS (ISO 3166-1 alpha-3) "
                                   "or an organisation like IGO:EU")
        elif queries.country_names() and code not in queries.country_names():
            raise ReviewError(422, f"{name}: {code!r} is not a known country code (ISO 3166-1 alpha-3)")
        if code not in codes:
            codes.append(code)
    if len(codes) > MAX_CODES:
        raise ReviewError(422, f"{name}: at most {MAX_CODES} codes")
    return codes


def code_of(party: dict[str, Any]) -> str | None:
    if party.get("country"):
        return str(party["country"])
    if party.get("org"):
        return f"IGO:{party['org']}"
    return None


def codes_of(parties: list[dict[str, Any]] | None) -> list[str]:
    return [c for p in parties or [] if isinstance(p, dict) and (c := code_of(p))]


def parties(codes: list[str], event: dict[str, Any]) -> list[dict[str, Any]]:
    """Actor records for codes; a party the event already names under that code is kept as it is
    (so ``RUS`` stays *Wladimir Putin (RUS)* when he was the actor)."""
    review = event.get("review") or {}
    known: dict[str, dict[str, Any]] = {}
    for source in (event, review.get("original") or {}):
        for key in ("actors", "recipients", "participants"):
            for p in source.get(key) or []:
                if isinstance(p, dict) and (c := code_of(p)):
                    known.setdefault(c, p)
    out = []
    for code in codes:
        if code in known:
            out.append(dict(known[code]))
            continue
        org = code[4:] if code.startswith("IGO:") else None
        name = org or queries.country_names().get(code) or code
        out.append({"name": name, "country": None if org else code, "org": org, "sector": None,
                    "wikidata": None, "title": None})
    return out


def edit_changes(event: dict[str, Any], given: dict[str, Any]) -> dict[str, Any]:
    """The changes an edit makes to ``event`` (as it stands, corrections applied): only the fields
    whose values differ. ``given`` maps field names to the new values (text or, for parties, lists)."""
    unknown = sorted(set(given) - set(EDIT_FIELDS))
    if unknown:
        raise ReviewError(422, f"cannot edit {', '.join(unknown)}; editable are {', '.join(EDIT_FIELDS)}")
    changes: dict[str, Any] = {}
    if "type" in given:
        value = str(given["type"] or "").strip().upper()
        if value not in queries.PLOVER_TYPES:
            raise ReviewError(422, f"type must be a PLOVER type, one of {', '.join(queries.PLOVER_TYPES)} "
                                   f"(got {value[:40]!r})")
        if value != event.get("type"):
            changes["type"] = value
    if "mode" in given:
        mode = str(given["mode"] or "").strip().lower() or None
        if mode is not None and not queries.MODE_RE.match(mode):
            raise ReviewError(422, f"mode must be a PLOVER mode such as phone or visit (got {mode[:40]!r})")
        if mode != (event.get("mode") or None):
            changes["mode"] = mode
    if "modality" in given:
        modality = str(given["modality"] or "").strip().lower()
        if modality not in queries.MODALITIES:
            raise ReviewError(422, f"modality must be one of {', '.join(queries.MODALITIES)} (got {modality[:40]!r})")
        if modality != event.get("modality"):
            changes["modality"] = modality
    for key in ("actors", "recipients"):
        if key in given:
            codes = parse_codes(key, given[key])
            if codes != codes_of(event.get(key)):
                changes[key] = parties(codes, event)
    if "date" in given:
        raw = str(given["date"] or "").strip()
        current = (event.get("date") or {}).get("value")
        if raw:
            value, precision = check_date("date", raw)
            if value != current:
                changes["date"] = {"value": value, "precision": precision, "text": None, "basis": "analyst correction"}
        elif current:
            changes["date"] = {"value": None, "precision": "unknown", "text": None, "basis": "analyst correction"}
    if not changes:
        raise ReviewError(422, "nothing to change: the event already has these values "
                               "(to accept it as it is, confirm it)")
    return changes


def person_changes(fields: dict[str, Any]) -> dict[str, Any]:
    """A knowledge-base entry (``readout review kb-add``) from form or JSON fields."""
    name = clean_text("name", fields.get("name"), MAX_AUTHOR)
    if not name:
        raise ReviewError(422, "name is required")
    country = clean_text("country", fields.get("country"), 10)
    if country:
        country = country.upper()
        if not _COUNTRY.match(country) or (queries.country_names() and country not in queries.country_names()):
            raise ReviewError(422, f"country must be a country code like RUS (ISO 3166-1 alpha-3) (got {country!r})")
    org = clean_text("org", fields.get("org"), 20)
    if org:
        org = org.upper().removeprefix("IGO:")
        if not _ORG.match(org):
            raise ReviewError(422, f"org must be an organisation code like EU or NATO (got {org!r})")
    if not country and not org:
        raise ReviewError(422, "give the person's country (like RUS) or organisation (like EU)")
    title = clean_text("title", fields.get("title"), MAX_AUTHOR)
    start = clean_text("start", fields.get("start"), 10)
    end = clean_text("end", fields.get("end"), 10)
    if start:
        start = check_date("start", start, day_only=True)[0]
    if end:
        end = check_date("end", end, day_only=True)[0]
    if start and end and end < start:
        raise ReviewError(422, f"end {end} is before start {start}")
    raw = fields.get("variants") or []
    items = re.split(r"[\n;]+", raw) if isinstance(raw, str) else raw
    if not isinstance(items, list):
        raise ReviewError(422, "variants must be a list of names")
    variants: list[str] = []
    for v in items:
        v = clean_text("variants", v, MAX_AUTHOR)
        if v and v != name and v not in variants:
            variants.append(v)
    if len(variants) > MAX_VARIANTS:
        raise ReviewError(422, f"at most {MAX_VARIANTS} variants")
    return {"name": name, "country": country, "org": org, "title": title, "start": start, "end": end,
            "names": variants}


# -- recording ------------------------------------------------------------------------------------


def _record(db: WebDatabase, kind: str, prepare: Callable[[Store], tuple[str | list[str], dict[str, Any] | None]],
            author: Any, note: Any, after: Callable[[Store, dict[str, Any]], dict[str, Any]] | None = None
            ) -> dict[str, Any]:
    """Check and record one correction under the write lock, then rebuild the stories."""
    author = clean_text("author", author, MAX_AUTHOR)
    note = clean_text("note", note, MAX_NOTE, multiline=True)
    with db.writer() as store:
        target, changes = prepare(store)
        try:
            rec = Corrections(store).add(kind, target, changes, author, note)
        except CorrectionError as e:  # prepare() checked already; this is the backend's last word
            raise ReviewError(422, str(e).replace(f" in {store.path}", "")) from e
        counts = update_stories(store)
        out = {"correction": rec, "stories": counts}
        if after is not None:
            out.update(after(store, rec))
    return out


def _event(store: Store, event_id: str) -> dict[str, Any]:
    ev = queries.get_event(store, event_id)
    if ev is None:
        raise ReviewError(404, f"no event {event_id[:200]!r}")
    return ev


def _after_event(event_id: str) -> Callable[[Store, dict[str, Any]], dict[str, Any]]:
    return lambda store, rec: {"event": queries.get_event(store, event_id)}


def confirm(db: WebDatabase, event_id: str, author: Any = None, note: Any = None) -> dict[str, Any]:
    """Confirm an event as coded (a rejected event is restored so)."""
    def prepare(store: Store) -> tuple[str, None]:
        _event(store, event_id)
        return event_id, None

    return _record(db, "confirm", prepare, author, note, _after_event(event_id))


def reject(db: WebDatabase, event_id: str, author: Any = None, note: Any = None) -> dict[str, Any]:
    """Reject an event: it leaves the stories and the exports; the story it was in is noted."""
    def prepare(store: Store) -> tuple[str, dict[str, Any] | None]:
        ev = _event(store, event_id)
        return event_id, {"story": ev["cluster_id"]} if ev.get("cluster_id") else None

    return _record(db, "reject", prepare, author, note, _after_event(event_id))


def edit(db: WebDatabase, event_id: str, given: dict[str, Any], author: Any = None, note: Any = None
         ) -> dict[str, Any]:
    """Correct fields of an event; the machine's values stay in ``review.original``."""
    def prepare(store: Store) -> tuple[str, dict[str, Any]]:
        return event_id, edit_changes(_event(store, event_id), given)

    return _record(db, "edit", prepare, author, note, _after_event(event_id))


def _ids(name: str, values: Any) -> list[str]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ReviewError(422, f"{name} must be a list of ids")
    ids = list(dict.fromkeys(v.strip() for v in values if v.strip()))
    if len(ids) > MAX_IDS:
        raise ReviewError(422, f"{name}: at most {MAX_IDS} ids")
    for i in ids:
        if len(i) > 200 or _CONTROL.search(i):
            raise ReviewError(422, f"{name}: {i[:40]!r} is not an id")
    return ids


def _story_events(store: Store, story_id: str) -> list[str]:
    return [r[0] for r in store.con.execute("SELECT id FROM events WHERE cluster_id = ? ORDER BY seq, id",
                                            [story_id]).fetchall()]


def merge(db: WebDatabase, story_ids: Any, author: Any = None, note: Any = None) -> dict[str, Any]:
    """Merge stories into the first one given."""
    ids = _ids("story_ids", story_ids)
    if len(ids) < 2:
        raise ReviewError(422, "merge needs two or more different story ids (the first one keeps the events)")

    def prepare(store: Store) -> tuple[list[str], None]:
        for sid in ids:
            if not _story_events(store, sid):
                raise ReviewError(404, f"no story {sid[:200]!r} (or no events left in it)")
        return ids, None

    def after(store: Store, rec: dict[str, Any]) -> dict[str, Any]:
        return {"story": ids[0], "events": len(_story_events(store, ids[0]))}

    return _record(db, "merge", prepare, author, note, after)


def split(db: WebDatabase, story_id: str, event_ids: Any, author: Any = None, note: Any = None) -> dict[str, Any]:
    """Move events out of a story into a story of their own."""
    ids = _ids("event_ids", event_ids)
    if not ids:
        raise ReviewError(422, "choose the events to split off (event_ids)")

    def prepare(store: Store) -> tuple[str, dict[str, Any]]:
        members = _story_events(store, story_id)
        if not members:
            raise ReviewError(404, f"no story {story_id[:200]!r}")
        for i in ids:
            if i not in members:
                _event(store, i)  # 404 when there is no such event at all
                raise ReviewError(422, f"event {i!r} is not in story {story_id!r}")
        if len(ids) == len(members):
            raise ReviewError(422, "that is every event of the story; leave at least one in it")
        return story_id, {"event_ids": ids}

    def after(store: Store, rec: dict[str, Any]) -> dict[str, Any]:
        row = store.con.execute("SELECT cluster_id FROM events WHERE id = ?", [ids[0]]).fetchone()
        return {"story": row[0] if row else None, "from": story_id}

    return _record(db, "split", prepare, author, note, after)


def add_person(db: WebDatabase, fields: dict[str, Any], author: Any = None, note: Any = None) -> dict[str, Any]:
    """Add a person (and role) to the knowledge base; used from the next ingest on."""
    changes = person_changes(fields)

    def after(store: Store, rec: dict[str, Any]) -> dict[str, Any]:
        return {"entry": kb_entries([rec])[0]}

    return _record(db, "kb_add", lambda store: (changes["name"], changes), author, note, after)


def list_corrections(store: Store, kind: str | None, target: str | None, limit: int, offset: int
                     ) -> tuple[int, list[dict[str, Any]]]:
    """The corrections, oldest first, optionally of one kind or about one target id."""
    recs = queries.load_corrections(store)
    if kind:
        recs = [r for r in recs if r.get("kind") == kind]
    if target:
        recs = [r for r in recs if target in queries.targets_of(r)]
    return len(recs), recs[offset:offset + limit]


def people(store: Store) -> list[dict[str, Any]]:
    """The knowledge-base entries analysts added, newest first, with the correction behind each."""
    recs = [r for r in queries.load_corrections(store) if r.get("kind") == "kb_add"]
    return [{**entry, "correction": rec} for rec, entry in zip(reversed(recs), kb_entries(list(reversed(recs))),
                                                                 strict=True)]
