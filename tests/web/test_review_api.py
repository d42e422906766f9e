"""The corrections API: confirm, reject, edit, merge, split, people, the list, the gold export.

A test that records corrections gets its own copy of the seed database (``make_client``); the
refused requests share one (``client``) and check that nothing was recorded. The answers are
checked against what the backend (readout.store.corrections, readout.store.export) makes of the
same corrections, so the API and `readout review` / `readout export` cannot drift apart.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from readout.schemas import validate
from readout.store import Store
from readout.store.export import records_for


def _story(c: Any, min_events: int = 3) -> dict[str, Any]:
    """A dossier of a seed story with at least ``min_events`` events."""
    for s in c.get("/api/stories", params={"limit": 500}).json()["items"]:
        if s["counts"]["events"] >= min_events:
            return c.get(f"/api/stories/{s['id']}").json()
    raise AssertionError("no seed story is big enough")


def _db_path(c: Any) -> Path:
    return Path(c.get("/api/status").json()["db"])


def _error(r: Any, status: int, *words: str) -> str:
    assert r.status_code == status, (r.status_code, r.text)
    body = r.json()
    assert set(body) == {"error"} and isinstance(body["error"], str), body
    for w in words:
        assert w in body["error"], (w, body["error"])
    return str(body["error"])


# -- confirm and reject -------------------------------------------------------------------------


def test_confirm_marks_the_event_everywhere(make_client):
    c = make_client()
    ev = c.get("/api/events", params={"limit": 1}).json()["items"][0]
    r = c.post(f"/api/events/{ev['id']}/confirm", json={"author": "Ana", "note": "checked against the source"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["correction"]["kind"] == "confirm" and body["correction"]["target"] == ev["id"]
    assert body["correction"]["author"] == "Ana" and body["correction"]["note"] == "checked against the source"
    assert set(body["stories"]) == {"stories", "discrepancies", "commitments"}
    review = body["event"]["review"]
    assert review["status"] == "confirmed" and review["by"] == "Ana" and review["correction"] == body["correction"]["id"]
    validate("events", body["event"])

    assert c.get(f"/api/events/{ev['id']}").json()["review"]["status"] == "confirmed"
    listed = {e["id"]: e for e in c.get("/api/events", params={"limit": 500}).json()["items"]}
    assert listed[ev["id"]]["review"]["status"] == "confirmed"
    assert [e["id"] for e in c.get("/api/events", params={"review": "confirmed"}).json()["items"]] == [ev["id"]]
    exported = [json.loads(x) for x in c.get("/api/export/events").text.splitlines()]
    assert next(e for e in exported if e["id"] == ev["id"])["review"]["status"] == "confirmed"
    doc = c.get(f"/api/documents/{ev['doc_id']}").json()
    assert next(e for e in doc["events"] if e["id"] == ev["id"])["review"]["status"] == "confirmed"


def test_confirm_without_a_body_and_the_list_of_corrections(make_client):
    c = make_client()
    ids = [e["id"] for e in c.get("/api/events", params={"limit": 2}).json()["items"]]
    assert c.post(f"/api/events/{ids[0]}/confirm").status_code == 200  # curl -X POST, no body
    assert c.post(f"/api/events/{ids[1]}/confirm", content=b"", headers={"content-type": "text/plain"}).status_code == 200
    page = c.get("/api/corrections").json()
    assert page["total"] == 2 and [x["target"] for x in page["items"]] == ids
    assert all(x["author"] is None and x["kind"] == "confirm" for x in page["items"])
    assert c.get("/api/corrections", params={"target": ids[1]}).json()["total"] == 1
    assert c.get("/api/corrections", params={"kind": "reject"}).json()["total"] == 0
    assert c.get("/api/corrections", params={"limit": 1, "offset": 1}).json()["items"][0]["target"] == ids[1]
    # the sidecar file keeps them for `readout review list` and a re-run
    sidecar = Path(str(_db_path(c)) + ".corrections.jsonl")
    assert [json.loads(x)["target"] for x in sidecar.read_text().splitlines()] == ids


def test_reject_removes_the_event_from_lists_stories_and_exports_but_not_from_its_document(make_client):
    c = make_client()
    d = _story(c)
    ev = d["events"][0]
    total = c.get("/api/events").json()["total"]
    r = c.post(f"/api/events/{ev['id']}/reject", json={"note": "not an event"})
    assert r.status_code == 200, r.text
    assert r.json()["event"]["review"]["status"] == "rejected"
    assert r.json()["correction"]["changes"] == {"story": d["story"]["id"]}  # the story it left

    assert c.get("/api/events").json()["total"] == total - 1
    assert ev["id"] not in {e["id"] for e in c.get("/api/events", params={"limit": 500}).json()["items"]}
    with_rejected = c.get("/api/events", params={"limit": 500, "rejected": "true"}).json()
    assert with_rejected["total"] == total
    assert c.get("/api/events", params={"review": "rejected"}).json()["items"][0]["id"] == ev["id"]
    assert c.get("/api/events", params={"review": "unreviewed"}).json()["total"] == total - 1
    assert c.get(f"/api/events/{ev['id']}").json()["review"]["status"] == "rejected"
    assert ev["id"] not in {json.loads(x)["id"] for x in c.get("/api/export/events").text.splitlines()}
    after = c.get(f"/api/stories/{d['story']['id']}").json()
    assert ev["id"] not in {e["id"] for e in after["events"]}
    assert [e["id"] for e in after["rejected"]] == [ev["id"]]
    doc = c.get(f"/api/documents/{ev['doc_id']}").json()
    assert next(e for e in doc["events"] if e["id"] == ev["id"])["review"]["status"] == "rejected"

    # confirming brings it back
    assert c.post(f"/api/events/{ev['id']}/confirm").json()["event"]["review"]["status"] == "confirmed"
    assert c.get("/api/events").json()["total"] == total


# -- edit -------------------------------------------------------------------------------------


def test_edit_changes_fields_keeps_the_machine_values_and_filters_see_the_edit(make_client):
    c = make_client()
    ev = next(e for e in c.get("/api/events", params={"limit": 500}).json()["items"]
              if e["type"] == "CONSULT" and any(a.get("country") == "RUS" for a in e["actors"]))
    body = {"type": "agree", "modality": "planned", "actors": ["RUS", "IGO:EU"], "recipients": ["ukr"],
            "date": "2025-03-18", "mode": None, "author": "Ana"}
    r = c.post(f"/api/events/{ev['id']}/edit", json=body)
    assert r.status_code == 200, r.text
    got = r.json()["event"]
    validate("events", got)
    assert got["type"] == "AGREE" and got["modality"] == "planned" and got["mode"] is None
    assert got["date"] == {"value": "2025-03-18", "precision": "day", "text": None, "basis": "analyst correction"}
    putin = next(a for a in ev["actors"] if a.get("country") == "RUS")
    assert got["actors"][0] == putin  # the party the event named under RUS is kept as it was
    assert got["actors"][1]["org"] == "EU" and got["recipients"][0]["country"] == "UKR"
    review = got["review"]
    assert review["status"] == "edited" and review["by"] == "Ana"
    assert review["original"]["type"] == "CONSULT" and review["original"]["actors"] == ev["actors"]

    # the filters see the corrected values, not the machine's
    agree = c.get("/api/events", params={"type": "AGREE", "limit": 500}).json()["items"]
    assert ev["id"] in {e["id"] for e in agree}
    assert ev["id"] not in {e["id"] for e in c.get("/api/events", params={"type": "CONSULT", "limit": 500}).json()["items"]}
    day = c.get("/api/events", params={"date_from": "2025-03-18", "date_to": "2025-03-18", "country": "UKR",
                                       "review": "edited"}).json()
    assert [e["id"] for e in day["items"]] == [ev["id"]]

    # the export says the same as the backend's own records_for
    exported = next(json.loads(x) for x in c.get("/api/export/events").text.splitlines() if ev["id"] in x)
    assert exported["type"] == "AGREE" and exported["review"]["original"]["type"] == "CONSULT"


def test_an_edit_that_changes_nothing_or_names_no_field_is_422(make_client):
    c = make_client()
    ev = c.get("/api/events", params={"limit": 1}).json()["items"][0]
    url = f"/api/events/{ev['id']}/edit"
    _error(c.post(url, json={"type": ev["type"]}), 422, "nothing to change")
    _error(c.post(url, json={"author": "Ana"}), 422, "at least one field")
    _error(c.post(url, json={}), 422)
    assert c.get("/api/corrections").json()["total"] == 0


@pytest.mark.parametrize("body, words", [
    ({"type": "DEMAND"}, ["PLOVER type"]),
    ({"type": None}, ["PLOVER type"]),
    ({"modality": "maybe"}, ["modality"]),
    ({"mode": "PHONE; DROP"}, ["mode"]),
    ({"actors": ["EU"]}, ["IGO:EU"]),
    ({"actors": ["XYZ"]}, ["not a known country"]),
    ({"actors": ["IGO:"]}, ["organisation code"]),
    ({"actors": "RUS"}, ["actors"]),
    ({"actors": [1, 2]}, ["actors"]),
    ({"recipients": ["RUS"] * 21}, ["recipients"]),
    ({"date": "March"}, ["date"]),
    ({"date": "2025-02-30"}, ["not a date in the calendar"]),
    ({"date": "2025-13"}, ["date"]),
    ({"date": "\uff12\uff10\uff12\uff15"}, ["date"]),  # full-width digits are not a date of the contract
    ({"date": 2025}, ["date"]),
    ({"actors": [{"country": "RUS"}]}, ["actors"]),
    ({"location": "Paris"}, ["location"]),
    ({"type": "AGREE", "author": "x" * 201}, ["author"]),
    ({"type": "AGREE", "author": "a\x00b"}, ["control character"]),
    ({"type": "AGREE", "note": "n" * 2001}, ["note"]),
    ({"type": "AGREE", "evil": 1}, ["evil"]),
])
def test_bad_edits_are_422(client, body, words):
    c = client
    ev = c.get("/api/events", params={"limit": 1}).json()["items"][0]
    _error(c.post(f"/api/events/{ev['id']}/edit", json=body), 422, *words)
    assert c.get("/api/corrections").json()["total"] == 0


# -- unknown ids, wrong bodies -------------------------------------------------------------------


@pytest.mark.parametrize("path, body", [
    ("/api/events/ev-0000000000000000/confirm", None),
    ("/api/events/ev-0000000000000000/reject", {"note": "x"}),
    ("/api/events/ev-0000000000000000/edit", {"type": "AGREE"}),
    ("/api/events/%F0%9F%92%A5/confirm", None),
    ("/api/stories/story-0000000000000000/split", {"event_ids": ["ev-1"]}),
])
def test_unknown_ids_are_404(client, path, body):
    c = client
    _error(c.post(path, json=body) if body is not None else c.post(path), 404, "no ")


def test_wrong_content_types_and_broken_bodies(make_client):
    c = make_client()
    ev = c.get("/api/events", params={"limit": 1}).json()["items"][0]
    for path in (f"/api/events/{ev['id']}/confirm", f"/api/events/{ev['id']}/edit", "/api/stories/merge",
                 "/api/kb/people"):
        _error(c.post(path, content=b'{"type": "AGREE"}', headers={"content-type": "text/plain"}), 400, "JSON")
        _error(c.post(path, data={"type": "AGREE"}), 400, "application/x-www-form-urlencoded")
        _error(c.post(path, files={"f": ("a.json", b"{}")}), 400, "multipart/form-data")
        _error(c.post(path, content=b'{"type": ', headers={"content-type": "application/json"}), 400, "not valid JSON")
        _error(c.post(path, content=b"\xff\xfe", headers={"content-type": "application/json"}), 400)
    _error(c.post(f"/api/events/{ev['id']}/edit", content=b"[1, 2]", headers={"content-type": "application/json"}), 422)
    _error(c.post(f"/api/events/{ev['id']}/confirm", json=["x"]), 422)
    _error(c.post(f"/api/events/{ev['id']}/confirm", json={"author": 5}), 422, "author")
    # JSON with a charset or a +json type is JSON
    r = c.post(f"/api/events/{ev['id']}/confirm", content=b'{"note": "ok"}',
               headers={"content-type": "application/merge-patch+json; charset=utf-8"})
    assert r.status_code == 200, r.text
    _error(c.get(f"/api/events/{ev['id']}/confirm"), 405)
    _error(c.post(f"/api/events/{ev['id']}/confirm?author=x"), 422, "unknown query parameter")
    assert c.get("/api/corrections").json()["total"] == 1


# -- stories ------------------------------------------------------------------------------------


def test_merge_moves_the_events_into_the_first_story(make_client):
    c = make_client()
    stories = c.get("/api/stories", params={"limit": 500}).json()["items"]
    a, b = stories[0], stories[1]
    moving = [e["id"] for e in c.get(f"/api/stories/{b['id']}").json()["events"]]
    r = c.post("/api/stories/merge", json={"story_ids": [a["id"], b["id"]], "author": "Ana", "note": "same call"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["story"] == a["id"] and body["correction"]["target"] == [a["id"], b["id"]]
    assert body["events"] == a["counts"]["events"] + b["counts"]["events"]
    merged = c.get(f"/api/stories/{a['id']}").json()
    assert set(moving) <= {e["id"] for e in merged["events"]}
    gone = c.get(f"/api/stories/{b['id']}")
    assert gone.status_code == 404 or (gone.json()["events"] == [] and gone.json()["merged_into"] == a["id"])
    listed = {s["id"]: s for s in c.get("/api/stories", params={"limit": 500}).json()["items"]}
    assert b["id"] not in listed and listed[a["id"]]["counts"]["events"] == body["events"]
    assert all(e["cluster_id"] == a["id"] for e in c.get("/api/events", params={"story": a["id"], "limit": 500}).json()["items"])


@pytest.mark.parametrize("body, status, words", [
    ({"story_ids": []}, 422, ["two or more"]),
    ({"story_ids": ["story-x"]}, 422, ["two or more"]),
    ({"story_ids": "story-x"}, 422, ["story_ids"]),
    ({}, 422, ["story_ids"]),
    ({"story_ids": ["SAME", "SAME"]}, 422, ["two or more"]),
    ({"story_ids": ["FIRST", "story-0000000000000000"]}, 404, ["story-0000000000000000"]),
    ({"story_ids": ["FIRST", "a\x00b"]}, 422, ["not an id"]),
    ({"story_ids": ["FIRST"] + [f"s{i}" for i in range(300)]}, 422, ["story_ids"]),
])
def test_bad_merges(client, body, status, words):
    c = client
    first = c.get("/api/stories", params={"limit": 1}).json()["items"][0]["id"]
    if isinstance(body.get("story_ids"), list):
        body = {"story_ids": [first if x in ("FIRST", "SAME") else x for x in body["story_ids"]]}
    _error(c.post("/api/stories/merge", json=body), status, *words)
    assert c.get("/api/corrections").json()["total"] == 0


def test_split_moves_events_into_a_story_of_their_own(make_client):
    c = make_client()
    d = _story(c)
    sid = d["story"]["id"]
    ids = [e["id"] for e in d["events"]][:1]
    r = c.post(f"/api/stories/{sid}/split", json={"event_ids": ids, "note": "a different meeting"})
    assert r.status_code == 200, r.text
    body = r.json()
    new = body["story"]
    assert body["from"] == sid and new and new != sid
    assert c.get(f"/api/events/{ids[0]}").json()["cluster_id"] == new
    split_off = c.get(f"/api/stories/{new}").json()
    assert [e["id"] for e in split_off["events"]] == ids
    assert ids[0] not in {e["id"] for e in c.get(f"/api/stories/{sid}").json()["events"]}


def test_bad_splits(make_client):
    c = make_client()
    d = _story(c)
    sid = d["story"]["id"]
    ids = [e["id"] for e in d["events"]]
    other = next(e["id"] for e in c.get("/api/events", params={"limit": 500}).json()["items"] if e["id"] not in ids)
    url = f"/api/stories/{sid}/split"
    _error(c.post(url, json={"event_ids": []}), 422, "choose the events")
    _error(c.post(url, json={"event_ids": ids}), 422, "every event")
    _error(c.post(url, json={"event_ids": [other]}), 422, "is not in story")
    _error(c.post(url, json={"event_ids": ["ev-0000000000000000"]}), 404, "no event")
    _error(c.post(url, json={"event_ids": "x"}), 422)
    _error(c.post(url, json={"events": ids[:1]}), 422)
    assert c.get("/api/corrections").json()["total"] == 0


# -- people ---------------------------------------------------------------------------------------


def test_add_a_person_to_the_knowledge_base(make_client):
    c = make_client()
    r = c.post("/api/kb/people", json={"name": "Kaja Kallas", "org": "eu", "title": "Hohe Vertreterin",
                                       "start": "2024-12-01", "variants": ["Kallas", "Kaja Kallas"],
                                       "author": "Ana"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["correction"]["kind"] == "kb_add" and body["correction"]["target"] == "Kaja Kallas"
    assert body["entry"]["names"] == ["Kaja Kallas", "Kallas"]
    assert body["entry"]["roles"] == [{"title": "Hohe Vertreterin", "country": None, "org": "EU", "sector": "GOV",
                                       "start": "2024-12-01", "end": None}]
    r = c.post("/api/kb/people", json={"name": "Annalena Baerbock", "country": "deu"})
    assert r.status_code == 200 and r.json()["entry"]["nationality"] == "DEU"
    assert c.get("/api/corrections", params={"kind": "kb_add"}).json()["total"] == 2


@pytest.mark.parametrize("body, words", [
    ({}, ["name"]),
    ({"name": "  ", "country": "DEU"}, ["name is required"]),
    ({"name": "X"}, ["country", "organisation"]),
    ({"name": "X", "country": "ZZZ"}, ["country"]),
    ({"name": "X", "country": "Germany"}, ["country"]),
    ({"name": "X", "org": "<b>"}, ["org"]),
    ({"name": "X", "country": "DEU", "start": "2024"}, ["start", "YYYY-MM-DD"]),
    ({"name": "X", "country": "DEU", "start": "2024-02-30"}, ["calendar"]),
    ({"name": "X", "country": "DEU", "start": "2024-05-01", "end": "2024-01-01"}, ["before"]),
    ({"name": "X", "country": "DEU", "variants": "X2"}, ["variants"]),
    ({"name": "X", "country": "DEU", "variants": ["a\nb"]}, ["control character"]),
    ({"name": "X" * 201, "country": "DEU"}, ["name"]),
    ({"name": "X", "country": "DEU", "wikidata": "Q1"}, ["wikidata"]),
])
def test_bad_people_are_422(client, body, words):
    _error(client.post("/api/kb/people", json=body), 422, *words)
    assert client.get("/api/corrections").json()["total"] == 0


# -- gold export and the schema ---------------------------------------------------------------------


def test_gold_export_is_the_backends_gold_file(make_client):
    c = make_client()
    evs = c.get("/api/events", params={"limit": 3}).json()["items"]
    empty = c.get("/api/export/gold")
    assert empty.status_code == 200 and empty.json()["format"] == "readout-gold/1" and empty.json()["docs"] == []
    c.post(f"/api/events/{evs[0]['id']}/confirm")
    c.post(f"/api/events/{evs[1]['id']}/edit", json={"modality": "hypothetical"})
    c.post(f"/api/events/{evs[2]['id']}/reject")
    r = c.get("/api/export/gold")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    assert 'filename="gold.json"' in r.headers["content-disposition"]
    gold = r.json()
    ids = [e["id"] for d in gold["docs"] for e in d["events"]]
    assert ids == [evs[0]["id"], evs[1]["id"]] or sorted(ids) == sorted([evs[0]["id"], evs[1]["id"]])
    assert next(e for d in gold["docs"] for e in d["events"] if e["id"] == evs[1]["id"])["modality"] == "hypothetical"
    _error(c.get("/api/export/gold", params={"format": "csv"}), 422)
    db = _db_path(c)
    c.__exit__(None, None, None)  # let go of the database to read it the CLI's way
    with Store(db, read_only=True) as store:
        assert records_for(store, "gold")[0] == gold


def test_openapi_documents_the_correction_endpoints(client):
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    for path in ("/api/events/{event_id}/confirm", "/api/events/{event_id}/reject", "/api/events/{event_id}/edit",
                 "/api/stories/merge", "/api/stories/{story_id}/split", "/api/kb/people"):
        op = paths[path]["post"]
        assert op["summary"] and "application/json" in op["requestBody"]["content"], path
        for code in ("400", "422"):
            assert op["responses"][code]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/Error"}, (path, code)
    assert "404" in paths["/api/events/{event_id}/edit"]["post"]["responses"]
    assert {"get"} == set(paths["/api/corrections"]) and {"get"} == set(paths["/api/export/gold"])
    names = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"review", "rejected"} <= names
    comps = schema["components"]["schemas"]
    assert {"type", "mode", "modality", "actors", "recipients", "date", "author", "note"} == set(comps["EventEdit"]["properties"])
    assert {"story_ids", "author", "note"} == set(comps["MergeRequest"]["properties"])
    assert {"name", "country", "org", "title", "start", "end", "variants", "author", "note"} == set(
        comps["PersonRequest"]["properties"])
    docs = client.get("/api-docs").text
    assert "/api/events/{event_id}/edit" in docs and "<code>recipients</code>" in docs


def test_event_list_review_filter_is_validated(client):
    _error(client.get("/api/events", params={"review": "maybe"}), 422, "review")
    _error(client.get("/api/events", params={"rejected": "perhaps"}), 422, "rejected")
    assert client.get("/api/events", params={"review": "unreviewed"}).json()["total"] == \
        client.get("/api/events").json()["total"]
    assert client.get("/api/corrections", params={"kind": "delete"}).status_code == 422


def test_nothing_sent_to_the_correction_endpoints_is_a_500(make_client):
    """The TestClient re-raises server errors, so any unhandled one fails here."""
    c = make_client()
    ev = c.get("/api/events", params={"limit": 1}).json()["items"][0]["id"]
    sid = c.get("/api/stories", params={"limit": 1}).json()["items"][0]["id"]
    paths = [f"/api/events/{ev}/confirm", f"/api/events/{ev}/reject", f"/api/events/{ev}/edit",
             "/api/stories/merge", f"/api/stories/{sid}/split", "/api/kb/people"]
    bodies: list[bytes] = [b"null", b"0", b'""', b"[]", b'{"author": null}', b'{"note": "\\u0000"}',
                           b"[" * 3000 + b"]" * 3000, b'{"a": ' * 500 + b"1" + b"}" * 500,
                           b'{"story_ids": [[]], "event_ids": [{}], "name": []}', "{\"name\": \"\U0001f4a5\"}".encode(),
                           b'{"type": "AGREE", "actors": ["\\ud800"]}', b"\xef\xbb\xbf{}"]
    for path in paths:
        for body in bodies:
            r = c.post(path, content=body, headers={"content-type": "application/json"})
            assert r.status_code in (200, 400, 404, 422), (path, body[:40], r.status_code, r.text)
            assert "error" in r.json() or r.status_code == 200
    for path in ("/events/x/confirm", f"/events/{ev}/edit", f"/stories/{sid}/merge", f"/stories/{sid}/split",
                 "/kb/people"):
        for data in ({"next": "\x00"}, {"type": "\x00", "actors": "\U0001f4a5", "date": "9999-99-99"},
                     {"name": "\x00", "other": "x" * 5000, "event_ids": "\x00"}):
            r = c.post(path, data=data, follow_redirects=False)
            assert r.status_code in (303, 400, 404, 422), (path, data, r.status_code)
