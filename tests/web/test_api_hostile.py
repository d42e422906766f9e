"""Nothing a client sends may produce a 500: bad parameters, broken bodies, hostile files and names.

The TestClient re-raises server exceptions, so an unhandled error fails these tests loudly.
"""

from __future__ import annotations

import os

import pytest

BAD_QUERIES = [
    "/api/events?limit=0", "/api/events?limit=-1", "/api/events?limit=abc", "/api/events?limit=100000",
    "/api/events?limit=99999999999999999999999999", "/api/events?offset=-5", "/api/events?offset=1e3",
    "/api/events?offset=99999999999999999999", "/api/events?date_from=yesterday", "/api/events?date_from=2025-13",
    "/api/events?date_to=2025-02-32", "/api/events?date_from=2025-05&date_to=2025-03", "/api/events?type=DEMAND",
    "/api/events?type=%3Cscript%3E", "/api/events?modality=maybe", "/api/events?country=R1S",
    "/api/events?country=%00", "/api/events?claimer_country=" + "X" * 50, "/api/events?actor=" + "a" * 201,
    "/api/events?actor=%00", "/api/events?q=" + "x" * 501, "/api/events?q=" + "+".join(["w"] * 17),
    "/api/events?mode=PHONE;DROP", "/api/events?foo=bar", "/api/events?Limit=5", "/api/stories?q=x",
    "/api/stories?date_from=2025-00", "/api/documents?limit=501", "/api/discrepancies?kind=lies",
    "/api/commitments?status=done", "/api/events?q=%22%22%22%22", "/api/events?story=%00x",
    "/api/status?x=1", "/api/export/events?format=xlsx", "/api/export/secrets",
]


@pytest.mark.parametrize("url", BAD_QUERIES)
def test_bad_parameters_are_422_with_a_message(client, url):
    r = client.get(url)
    assert r.status_code == 422, (url, r.status_code, r.text)
    body = r.json()
    assert set(body) == {"error"} and isinstance(body["error"], str) and body["error"]


ODD_BUT_FINE = [
    "/api/events?q=%22", "/api/events?q=AND+OR+NOT", "/api/events?q=NEAR(a+b)",
    "/api/events?q=*", "/api/events?q=***+%5E%5E%5E", "/api/events?q=a", "/api/events?q=%E2%80%9EDas", "/api/events?q=%ED%A0%80",
    "/api/events?actor=%25", "/api/events?actor=_", "/api/events?actor=%5C", "/api/events?actor=Putin%27%3B--",
    "/api/events?limit=1&limit=2", "/api/events?doc=../../etc/passwd",
    "/api/events?country=igo:eu", "/api/events?date_from=2025&date_to=2025", "/api/events?offset=1000000000",
    "/api/stories?actor=%25%25", "/api/documents/%00", "/api/documents/..%2F..%2Fetc%2Fpasswd",
    "/api/stories/" + "x" * 3000, "/api/events/%F0%9F%92%A5", "/api/documents/a/b/c",
]


@pytest.mark.parametrize("url", ODD_BUT_FINE)
def test_odd_but_valid_requests_are_answered(client, url):
    r = client.get(url)
    assert r.status_code in (200, 404), (url, r.status_code, r.text)
    assert "error" in r.json() if r.status_code == 404 else "items" in r.json() or "text" in r.json()


HTML_PAGES = [
    "/?from=yesterday", "/?page=0", "/?page=abc", "/?page=99999999999", "/?type=%3Cscript%3E", "/?country=%00",
    "/events?q=" + "x" * 600, "/events?limit=5", "/events?modality=maybe", "/documents?page=-1",
]


@pytest.mark.parametrize("url", HTML_PAGES)
def test_pages_show_bad_filters_as_messages(client, url):
    r = client.get(url)
    assert r.status_code == 422 if "limit" not in url else r.status_code == 200, (url, r.status_code)
    assert r.headers["content-type"].startswith("text/html")
    assert "<script>" not in r.text.split("</head>")[1]


def test_unknown_pages_and_methods(client):
    assert client.get("/no/such/page").status_code == 404
    assert client.get("/stories/%3Cscript%3Ealert(1)%3C%2Fscript%3E").status_code == 404
    assert "&lt;script&gt;" in client.get("/documents/%3Cscript%3E").text
    r = client.delete("/api/events")
    assert r.status_code == 405 and "error" in r.json()
    assert client.put("/api/ingest/text", json={}).status_code == 405
    assert client.get("/api/ingest").status_code == 405


def test_broken_bodies_are_400_or_422(make_client):
    c = make_client(empty=True)
    r = c.post("/api/ingest/text", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 400 and "not valid JSON" in r.json()["error"]
    assert c.post("/api/ingest/text", json={"id": "x"}).status_code == 422
    assert c.post("/api/ingest/text", json={"text": 5}).status_code == 422
    assert c.post("/api/ingest/text", json={"text": "x", "evil": 1}).status_code == 422
    assert c.post("/api/ingest/text", json=["text"]).status_code == 422
    assert c.post("/api/ingest/text", json={"text": "x", "id": "i" * 201}).status_code == 422
    assert c.post("/api/ingest/text", content=b"\xff\xfe\x00garbage", headers={"content-type": "application/json"}
                  ).status_code == 400
    r = c.post("/api/ingest", json={"files": []})
    assert r.status_code == 400 and "multipart" in r.json()["error"]
    r = c.post("/api/ingest", content=b"--x\r\nbroken", headers={"content-type": "multipart/form-data; boundary=x"})
    assert r.status_code == 400, r.text
    r = c.post("/api/ingest", data={"files": "not a file"}, files=[("other", ("a.txt", b"x"))])
    assert r.status_code in (400, 422)
    assert c.post("/api/ingest", headers={"content-length": "abc"}, content=b"").status_code == 400
    assert c.get("/api/status").json()["counts"]["documents"] == 0


def test_hostile_files_are_rejected_or_read_safely(make_client):
    c = make_client(empty=True)
    files = [
        ("../../../../etc/passwd.txt", b"Putin traf Trump in Alaska."),
        ("..", b"just dots"),
        ("C:\\Windows\\evil.txt", b"Selenskyj reiste nach Washington."),
        ("noise.txt", os.urandom(4000)),
        ("utf16.txt", "Macron telefonierte mit Selenskyj.".encode("utf-16")),
        ("nul.jsonl", b'{"id": "n1", "text": "a\\u0000b"}\n'),
        ("cp1252.csv", "id,text\nk1,Der Außenminister äußerte sich über Öl.\n".encode("cp1252")),
        ("deep.jsonl", b'{"id": "d1", "text": ' + b"[" * 5000 + b"]" * 5000 + b"}\n"),
        ("weird.html", b"<html><body><script>alert(1)</script><p>" + b"\xff\xfe" * 20 + b"</p></body></html>"),
        ("list.jsonl", b"[1, 2, 3]\n\"text\"\nnull\n"),
        ("<img src=x onerror=alert(1)>.txt", b"Die EU drohte Russland."),
    ]
    r = c.post("/api/ingest", files=[("files", f) for f in files])
    assert r.status_code == 200, r.text
    rep = r.json()
    assert len(rep["files"]) == len(files)
    assert all(f["results"] for f in rep["files"])
    sources = {d["doc_id"]: d["source"] for d in c.get("/api/documents", params={"limit": 500}).json()["items"]}
    assert sources.get("passwd") == "../../../../etc/passwd.txt"  # shown as the client named it, stored safely
    assert "evil" in sources
    assert any(r["source"] == "noise.txt" for r in rep["rejected"])
    page = c.get("/documents").text
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    html = c.post("/ingest/files", files=[("files", ("<b>x</b>.txt", b""))]).text
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;.txt" in html


def test_too_large_is_413(make_client):
    c = make_client(empty=True, max_request_bytes=10_000)
    r = c.post("/api/ingest", files=[("files", ("big.txt", b"Putin " * 5000))])
    assert r.status_code == 413 and "too large" in r.json()["error"]

    def chunks():  # no Content-Length: the limit is counted while reading
        for _ in range(10):
            yield b"x" * 4000

    r = c.post("/api/ingest/text", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    r = c.post("/ingest/text", data={"text": "Putin " * 5000})
    assert r.status_code == 413 and r.headers["content-type"].startswith("text/html")
    assert c.get("/api/status").json()["counts"]["documents"] == 0


def test_cross_site_writes_and_foreign_hosts_are_refused(make_client):
    c = make_client(empty=True, allowed_hosts={"127.0.0.1", "localhost", "[::1]"})
    local = {"host": "127.0.0.1:8000"}
    r = c.post("/api/ingest/text", json={"text": "Putin sprach."}, headers={**local, "origin": "http://evil.example"})
    assert r.status_code == 403 and "cross-site" in r.json()["error"]
    r = c.post("/api/ingest/text", json={"text": "Putin sprach."}, headers={**local, "sec-fetch-site": "cross-site"})
    assert r.status_code == 403
    r = c.post("/ingest/text", data={"text": "Putin sprach."}, headers={**local, "origin": "null"})
    assert r.status_code == 403 and r.headers["content-type"].startswith("text/html")
    assert c.get("/api/status").status_code == 400  # the TestClient's Host is "testserver"
    ok = c.get("/api/status", headers={"host": "127.0.0.1:8123"})
    assert ok.status_code == 200
    assert c.get("/api/status", headers={"host": "attacker.example:8123"}).status_code == 400
    same = c.post("/api/ingest/text", json={"text": "Putin sprach mit Trump."},
                  headers={"host": "localhost:8000", "origin": "http://localhost:8000"})
    assert same.status_code == 200, same.text


def test_security_headers(client):
    r = client.get("/")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
