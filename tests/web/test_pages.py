"""The HTML pages, read as a browser would get them: titles, labels, dates, sides, highlights, escaping."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import quote


class Page(HTMLParser):
    """Titles, ids, labels and the tags of a page, enough to check its structure."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self._in_title = False
        self.ids: list[str] = []
        self.labels: set[str] = set()
        self.inputs: list[dict[str, str | None]] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if a.get("id"):
            self.ids.append(a["id"])
        if tag == "label" and a.get("for"):
            self.labels.add(a["for"])
        if tag in ("input", "select", "textarea") and a.get("type") != "hidden":
            self.inputs.append(a)
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def with_class(self, tag: str, cls: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag and cls in (a.get("class") or "").split()]


def check_page(html: str) -> Page:
    p = Page(html)
    assert p.title.strip().endswith("· readout") and len(p.title) > 12
    assert len(p.ids) == len(set(p.ids)), [i for i in p.ids if p.ids.count(i) > 1]
    for inp in p.inputs:  # every control has a label
        assert inp.get("id") in p.labels, inp
    assert any(t == "a" and a.get("class") == "skip" for t, a in p.tags)
    assert not any(t == "script" and not a.get("src") for t, a in p.tags)  # no inline scripts
    for _, a in p.tags:
        assert not (a.get("href") or "").startswith(("http://cdn", "https://cdn", "//"))
    return p


def test_timeline_lists_stories_with_visible_date_precision(client):
    r = client.get("/")
    assert r.status_code == 200
    p = check_page(r.text)
    assert p.title.startswith("Timeline of stories")
    when = re.findall(r'<h2 class="when"><span class="date (date-\w+)">(?:<time datetime="([\d-]+)">)?([^<]+)', r.text)
    assert ("date-month", "2025-03", "2025-03 (month)") in when  # the taz article is dated to the month only
    assert ("date-unknown", "", "date unknown") == when[-1]  # undated stories come last
    assert all(len(v) == {"date-day": 10, "date-month": 7, "date-year": 4}[c] for c, v, _ in when if v)
    links = [a["href"] for t, a in p.tags if t == "a" and a.get("class") == "story-link"]
    assert len(links) == client.get("/api/stories").json()["total"] or len(links) == 50
    assert {"f-actor", "f-country", "f-type", "f-from", "f-to"} <= set(p.ids)


def test_timeline_filters(client):
    all_links = client.get("/").text.count('class="story-link"')
    ukr = client.get("/", params={"country": "UKR"}).text.count('class="story-link"')
    assert 0 < ukr < all_links
    none = client.get("/", params={"from": "2031"})
    assert none.status_code == 200 and "No story matches" in none.text
    bad = client.get("/", params={"from": "March"})
    assert bad.status_code == 422 and "“From” must be a date" in bad.text


def test_story_dossier_shows_sides_discrepancies_and_highlighted_evidence(client, two_sided_story):
    d = two_sided_story(lambda p: client.get(p).json())
    r = client.get("/stories/" + quote(d["story"]["id"], safe=""))
    assert r.status_code == 200
    p = check_page(r.text)
    assert p.title.startswith("Story: ")
    assert len(p.with_class("section", "side")) == len(d["sides"]) >= 2
    assert len(p.with_class("article", "discrepancy")) == len(d["discrepancies"])
    assert p.with_class("li", "disputed")
    marks = p.with_class("mark", "evidence")
    assert len(marks) >= sum(len(c["evidence"]) for s in d["sides"] for c in s["claims"])
    links = [a["href"] for t, a in p.tags if t == "a" and "?hl=" in (a.get("href") or "")]
    assert links and all(re.match(r"^/documents/[^?]+\?hl=\d+-\d+#s\d+-\d+$", h) for h in links)
    doc = client.get(links[0])
    anchor = links[0].split("#")[1]
    assert f'id="{anchor}"' in doc.text and "target" in doc.text


def test_document_view_marks_entities_times_and_evidence(client):
    doc_id = client.get("/api/documents").json()["items"][1]["doc_id"]
    r = client.get(f"/documents/{doc_id}")
    p = check_page(r.text)
    for cls in ("evidence", "ent", "timex"):
        assert p.with_class("mark", cls), cls
    events = client.get("/api/events", params={"doc": doc_id, "limit": 500}).json()["items"]
    for ev in events:
        for span in ev["evidence"]:
            assert f"s{span['start']}-{span['end']}" in p.ids
    assert "<h2 id=\"h-entities\">" in r.text


def test_other_pages_render(client):
    for url, title in (("/documents", "Documents"), ("/events", "Events"), ("/events?q=Energie", "Events: “Energie”"),
                       ("/ingest", "Ingest articles"), ("/api-docs", "HTTP API")):
        r = client.get(url)
        assert r.status_code == 200, url
        assert check_page(r.text).title.startswith(title), url
    assert "/api/events" in client.get("/api-docs").text
    assert client.get("/static/readout.css").status_code == 200
    assert client.get("/static/readout.js").status_code == 200
    r = client.get("/nowhere")
    assert r.status_code == 404 and check_page(r.text).title.startswith("Error 404")


def test_script_in_an_article_is_shown_as_text(make_client):
    c = make_client(empty=True)
    text = "Putin telefonierte mit Trump. <script>alert(1)</script> <img src=x onerror=alert(2)> Ende."
    r = c.post("/ingest/text", data={"text": text, "id": "<b>xss</b>", "title": "<i>t</i>"})
    assert r.status_code == 200 and "1 ingested" in r.text
    assert "<b>xss</b>" not in r.text and "&lt;b&gt;xss&lt;/b&gt;" in r.text
    page = c.get("/documents/" + quote("<b>xss</b>", safe="")).text
    body = page.split("<main", 1)[1]
    assert "<script>" not in body and "<img" not in body and "<i>t</i>" not in body
    shown = re.sub(r"</?mark[^>]*>", "", body)  # entity and evidence marks may cut the text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown and "&lt;img src=x onerror=alert(2)&gt;" in shown


def test_ingest_page_reports_per_file_and_keeps_a_rejected_text(make_client):
    c = make_client(empty=True)
    r = c.post("/ingest/files", files=[("files", ("a.txt", b"Trump rief Putin an.")),
                                       ("files", ("b.jsonl", b'{"id": "x"}\n'))])
    assert r.status_code == 200
    p = check_page(r.text)
    assert p.with_class("section", "result") and "a.txt" in r.text and "b.jsonl:1" in r.text
    assert "missing or empty &#39;text&#39;" in r.text and "ingested" in r.text
    bad = c.post("/ingest/text", data={"text": "Putin sprach.", "published": "2025-99"})
    assert bad.status_code == 400 and "invalid published date" in bad.text and "Putin sprach.</textarea>" in bad.text
    empty = c.post("/ingest/text", data={"text": "  "})
    assert empty.status_code == 400 and "text field is empty" in empty.text
    none = c.post("/ingest/files", files=[("files", ("", b""))])
    assert none.status_code == 400
