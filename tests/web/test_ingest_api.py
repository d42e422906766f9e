"""Ingest through the API: uploads and pasted text get the CLI's validation and messages."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from readout.cli import app as cli

GOOD = (" date 2025-03-19 Kiew dpa | Der ukrainische Präsident Wolodymyr Selenskyj telefonierte am Dienstag "
        "mit dem französischen Präsidenten Emmanuel Macron.\n")
HTML = ("<html><head><title>Sanktionen</title></head><body><nav>Menü</nav><article><h1>EU droht</h1>"
        "<p>Die Europäische Union drohte Russland am Montag mit neuen Sanktionen, falls die Angriffe auf "
        "die Ukraine nicht aufhören. Das sagte die Kommissionspräsidentin in Brüssel.</p></article></body></html>")


def corpus() -> list[tuple[str, bytes]]:
    """Good and bad inputs of every supported kind, as (file name, bytes)."""
    return [
        ("good.txt", GOOD.encode()),
        ("copy.txt", GOOD.encode()),
        ("empty.txt", b""),
        ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 50),
        ("latin1.txt", " date 2025-05-02 | Der Außenminister traf den französischen Präsidenten in Paris. Über die Lage "
                       "in der Ukraine äußerten sich beide besorgt.".encode("latin-1")),
        ("page.html", HTML.encode()),
        ("feed.jsonl", (json.dumps({"id": "j1", "text": "Die EU drohte Russland mit neuen Sanktionen.",
                                    "published": "2025-05-20"}) + "\n{not json\n"
                        + json.dumps({"id": "j2", "text": "  "}) + "\n"
                        + json.dumps({"id": "j3", "text": "Putin rief Trump an.", "published": "2025-02-30"}) + "\n"
                        ).encode()),
        ("table.csv", b'id,text,published\nc1,"Trump telefonierte mit Putin.",2025-03-18\nc2,short row\n'),
        ("notes.pdf", b"%PDF-1.4 nothing"),
    ]


def test_upload_reports_like_the_cli(make_client, tmp_path):
    files = corpus()
    c = make_client(empty=True)
    r = c.post("/api/ingest", files=[("files", (name, data)) for name, data in files])
    assert r.status_code == 200, r.text
    api = r.json()

    d = tmp_path / "cli-in"
    d.mkdir()
    for name, data in files:
        (d / name).write_bytes(data)
    res = CliRunner().invoke(cli, ["ingest", *[str(d / n) for n, _ in files], "--db", str(tmp_path / "cli.duckdb")])
    assert res.exit_code == 2
    assert api["ok"] is False
    flat = re.sub(r"\s+", "", res.output)  # rich wraps long lines
    assert re.sub(r"\s+", "", api["summary"]) in flat
    api_rejections = {(r["source"], r["reason"]) for r in api["rejected"]}
    assert len(api_rejections) == res.output.count("rejected ")
    for source, reason in api_rejections:  # the same file (or line) rejected for the same reason
        assert re.sub(r"\s+", "", f"rejected {d / source}: {reason}") in flat, (source, reason)
    assert {"empty.txt", "binary.txt", "feed.jsonl:2", "feed.jsonl:3", "feed.jsonl:4", "table.csv:3", "notes.pdf"} <= \
        {s for s, _ in api_rejections}
    assert api["duplicates"] == [{"doc_id": "copy", "duplicate_of": "good"}]
    assert set(api["ingested"]) >= {"good", "j1", "c1", "page"}
    assert api["stories"]["stories"] >= 1

    by_file = {f["name"]: f["results"] for f in api["files"]}
    assert [x["status"] for x in by_file["good.txt"]] == ["ingested"]
    assert [x["status"] for x in by_file["copy.txt"]] == ["duplicate"]
    assert sorted(x["status"] for x in by_file["feed.jsonl"]) == ["ingested", "rejected", "rejected", "rejected"]
    assert by_file["notes.pdf"][0]["status"] == "rejected" and "unsupported file type" in by_file["notes.pdf"][0]["detail"]

    docs = {d["doc_id"]: d for d in c.get("/api/documents").json()["items"]}
    assert docs["good"]["source"] == "good.txt" and docs["j1"]["source"] == "feed.jsonl:1"
    assert docs["copy"]["duplicate_of"] == "good"
    assert c.get("/api/events", params={"doc": "good"}).json()["total"] >= 1

    again = c.post("/api/ingest", files=[("files", ("good.txt", GOOD.encode()))]).json()
    assert again["ok"] and again["unchanged"] == ["good"] and again["files"][0]["results"][0]["status"] == "already stored"
    clash = c.post("/api/ingest", files=[("files", ("good.txt", b"Ein ganz anderer Text ueber Putin."))]).json()
    assert "already stored with a different text" in clash["rejected"][0]["reason"]
    assert clash["rejected"][0]["source"] == "good.txt"


def test_pasted_text_is_ingested_searchable_and_in_stories(make_client):
    c = make_client()
    before = c.get("/api/status").json()["counts"]
    text = (" date 2025-06-02 Istanbul dpa | Russland und die Ukraine vereinbarten in Istanbul einen Austausch "
            "von jeweils 1000 Gefangenen. Das teilte der ukrainische Außenminister mit.")
    r = c.post("/api/ingest/text", json={"text": text, "published": "2025-06-02"})
    assert r.status_code == 200, r.text
    rep = r.json()
    doc_id = rep["ingested"][0]
    assert doc_id.startswith("paste-") and rep["ok"] and rep["files"][0]["name"] == "pasted text"
    doc = c.get(f"/api/documents/{doc_id}").json()
    assert doc["text"] == text and doc["source"] == "pasted text" and doc["published"] == "2025-06-02"
    assert c.get("/api/status").json()["counts"]["documents"] == before["documents"] + 1
    hits = c.get("/api/events", params={"q": "Gefangenen"}).json()
    assert hits["total"] >= 1 and all(e["doc_id"] == doc_id for e in hits["items"])
    assert all(e["cluster_id"] for e in c.get("/api/events", params={"doc": doc_id}).json()["items"])
    same = c.post("/api/ingest/text", json={"text": text, "published": "2025-06-02"}).json()
    assert same["unchanged"] == [doc_id]
    named = c.post("/api/ingest/text", json={"id": "mein-artikel", "text": "Trump telefonierte mit Putin."}).json()
    assert named["ingested"] == ["mein-artikel"]


def test_pasted_text_rejections_are_400_with_the_reason(make_client):
    c = make_client(empty=True)
    r = c.post("/api/ingest/text", json={"text": "   "})
    assert r.status_code == 400 and r.json()["error"] == "missing or empty 'text'"
    r = c.post("/api/ingest/text", json={"text": "Putin sprach.", "published": "2025-13-01"})
    assert r.status_code == 400 and "invalid published date" in r.json()["error"]
    assert r.json()["report"]["rejected"][0]["source"] == "pasted text"
    assert c.get("/api/status").json()["counts"]["documents"] == 0
