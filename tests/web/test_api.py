"""The JSON API on the seed articles: lists, filters, paging, dossiers, documents, exports, schema."""

from __future__ import annotations

import csv
import io
import json

import duckdb
import pytest

from readout.schemas import validate


def test_status_names_the_database_and_the_search(client):
    s = client.get("/api/status").json()
    assert s["counts"]["documents"] == 5 and s["counts"]["events"] > 20
    assert s["search"]["kind"] in ("sqlite-fts5-trigram", "sqlite-scan")
    assert s["db"].endswith("readout.duckdb")


def test_events_are_contract_records_in_stable_pages(client):
    first = client.get("/api/events", params={"limit": 500}).json()
    total = first["total"]
    assert total == len(first["items"]) and total > 20
    for ev in first["items"]:
        validate("events", ev)
    paged = []
    for offset in range(0, total, 7):
        page = client.get("/api/events", params={"limit": 7, "offset": offset}).json()
        assert page["total"] == total and page["limit"] == 7 and page["offset"] == offset
        paged += [e["id"] for e in page["items"]]
    assert paged == [e["id"] for e in first["items"]]
    assert client.get("/api/events", params={"offset": total + 10}).json()["items"] == []


@pytest.mark.parametrize("params, check", [
    ({"actor": "putin"}, lambda e: any("putin" in a["name"].lower() for a in e["actors"] + e["recipients"] + e.get("participants", []))),
    ({"actor": "RUS"}, lambda e: any(a.get("country") == "RUS" or "rus" in a["name"].lower()
                                     for a in e["actors"] + e["recipients"] + e.get("participants", []))),
    ({"country": "ukr"}, lambda e: "UKR" in {a.get("country") for a in e["actors"] + e["recipients"] + e.get("participants", [])}),
    ({"type": "CONSULT"}, lambda e: e["type"] == "CONSULT"),
    ({"type": "consult", "mode": "phone"}, lambda e: e["type"] == "CONSULT" and e["mode"] == "phone"),
    ({"modality": "planned"}, lambda e: e["modality"] == "planned"),
    ({"claimer_country": "USA"}, lambda e: any((c.get("claimer") or {}).get("country") == "USA" for c in e["claims"])),
    ({"date_from": "2025-03", "date_to": "2025-03-31"}, lambda e: bool(e["date"]["value"]) and ("2025-03".startswith(e["date"]["value"])
                                                                  or e["date"]["value"].startswith("2025-03"))),
    ({"q": "Waffenstillstand"}, lambda e: any("waffenstillstand" in s["text"].lower()
                                               for s in e["evidence"] + [x for c in e["claims"] for x in c["evidence"]])),
])
def test_event_filters_keep_only_matching_events(client, params, check):
    page = client.get("/api/events", params={**params, "limit": 500}).json()
    assert page["total"] == len(page["items"]) > 0, params
    assert all(check(e) for e in page["items"]), params
    assert page["total"] < client.get("/api/events").json()["total"]


def test_search_finds_parts_of_compounds_and_phrases(client):
    part = client.get("/api/events", params={"q": "stillstand"}).json()["total"]
    whole = client.get("/api/events", params={"q": "Waffenstillstand"}).json()["total"]
    assert part >= whole > 0
    assert client.get("/api/events", params={"q": '"30 Tage"'}).json()["total"] >= 1
    assert client.get("/api/events", params={"q": "Waffenstillstand zzzzqqq"}).json()["total"] == 0


def test_a_month_only_date_is_inside_a_range_that_touches_its_month(client):
    month_events = [e for e in client.get("/api/events", params={"limit": 500}).json()["items"]
                    if e["date"]["precision"] == "month"]
    assert month_events, "the seeds have month-only dates (taz header '2025-03')"
    value = month_events[0]["date"]["value"]
    hits = client.get("/api/events", params={"date_from": value + "-15", "date_to": value + "-20", "limit": 500}).json()
    assert month_events[0]["id"] in {e["id"] for e in hits["items"]}


def test_stories_by_date_with_counts_and_filters(client):
    page = client.get("/api/stories", params={"limit": 500}).json()
    dates = [(s["date"] or {}).get("value") for s in page["items"]]
    known = [d for d in dates if d]
    assert known == sorted(known) and dates[: len(known)] == known  # unknown dates last
    assert all({"events", "documents", "discrepancies", "commitments"} <= set(s["counts"]) for s in page["items"])
    ukr = client.get("/api/stories", params={"country": "UKR", "limit": 500}).json()
    assert 0 < ukr["total"] < page["total"]
    assert client.get("/api/stories", params={"date_from": "2030"}).json()["total"] == 0


def test_story_dossier_has_sides_discrepancies_and_commitments(client, two_sided_story):
    d = two_sided_story(lambda p: client.get(p).json())
    assert {"story", "participants", "sides", "article_voice", "events", "discrepancies", "commitments", "documents"} <= set(d)
    sides = [s["side"] for s in d["sides"]]
    assert len(set(sides)) == len(sides) >= 2
    for side in d["sides"]:
        for c in side["claims"]:
            assert (c["claim"]["claimer"] or {}).get("country") == side["side"] or side["side"].startswith(("IGO:", "other"))
    assert d["discrepancies"], "the seed story with two accounts has discrepancies"
    for dis in d["discrepancies"]:
        validate("discrepancies", dis)
        assert dis["cluster_id"] == d["story"]["id"]
    assert any(c["disputed"] for s in d["sides"] for c in s["claims"])
    for com in d["commitments"]:
        validate("commitments", com)
    assert {e["cluster_id"] for e in d["events"]} == {d["story"]["id"]}
    assert d["participants"][0]["events"] >= d["participants"][-1]["events"]


def test_document_with_text_annotations_and_events(client):
    docs = client.get("/api/documents").json()
    assert docs["total"] == 5 and all("text" not in d for d in docs["items"])
    doc = client.get(f"/api/documents/{docs['items'][1]['doc_id']}").json()
    assert doc["text"] and set(doc["annotations"]) >= {"sentences", "entities", "timexes", "quantities"}
    for ev in doc["events"]:
        for span in ev["evidence"]:
            assert doc["text"][span["start"]:span["end"]] == span["text"]
    assert client.get("/api/documents", params={"limit": 2, "offset": 4}).json()["items"][0]["doc_id"] == \
        docs["items"][4]["doc_id"]


def test_discrepancies_and_commitments_lists(client):
    dis = client.get("/api/discrepancies").json()
    assert dis["total"] == len(dis["items"]) > 0
    kind = dis["items"][0]["kind"]
    assert all(d["kind"] == kind for d in client.get("/api/discrepancies", params={"kind": kind}).json()["items"])
    story = dis["items"][0]["cluster_id"]
    assert all(d["cluster_id"] == story for d in client.get("/api/discrepancies", params={"story": story}).json()["items"])
    com = client.get("/api/commitments").json()
    assert com["total"] == len(com["items"])
    assert client.get("/api/commitments", params={"status": "kept", "story": "story-none"}).json()["total"] == 0


def test_exports_download_in_every_format(client, tmp_path):
    n_events = client.get("/api/events").json()["total"]
    r = client.get("/api/export/events", params={"format": "jsonl"})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    assert r.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(x) for x in r.text.splitlines()]
    assert len(lines) == n_events
    validate("events", lines[0])
    r = client.get("/api/export/documents", params={"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 5 and "doc_id" in rows[0]
    r = client.get("/api/export/stories", params={"format": "parquet"})
    (tmp_path / "s.parquet").write_bytes(r.content)
    n = duckdb.connect().execute(f"SELECT count(*) FROM '{tmp_path / 's.parquet'}'").fetchall()[0][0]
    assert n == client.get("/api/stories").json()["total"]
    assert client.get("/api/export/nothing").status_code == 422
    assert client.get("/api/export/events", params={"format": "xml"}).status_code == 422


def test_openapi_documents_every_endpoint_with_the_contract(client):
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    for p in ("/api/documents", "/api/documents/{doc_id}", "/api/events", "/api/events/{event_id}", "/api/stories",
              "/api/stories/{story_id}", "/api/discrepancies", "/api/commitments", "/api/export/{what}",
              "/api/ingest", "/api/ingest/text", "/api/status"):
        assert p in paths, p
    comps = schema["components"]["schemas"]
    assert comps["EventPage"]["properties"]["items"]["items"] == {"$ref": "#/components/schemas/Event"}
    assert "Event" in comps and "Event_span" in comps
    refs = set()

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                refs.add(node["$ref"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(schema)
    assert all(r.startswith("#/components/schemas/") and r.rsplit("/", 1)[1] in comps for r in refs)
    params = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"actor", "country", "type", "mode", "modality", "claimer_country", "date_from", "date_to", "story", "q",
            "limit", "offset"} <= params
    assert paths["/api/events"]["get"]["responses"]["422"]["content"]["application/json"]["schema"] == \
        {"$ref": "#/components/schemas/Error"}
    assert "multipart/form-data" in paths["/api/ingest"]["post"]["requestBody"]["content"]


def test_unknown_ids_are_404_json(client):
    for url in ("/api/documents/nope", "/api/events/ev-0", "/api/stories/story-0", "/api/nothing"):
        r = client.get(url)
        assert r.status_code == 404 and set(r.json()) == {"error"}, url
