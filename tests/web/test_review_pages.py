"""The correction forms on the pages, as a browser without JavaScript would use them: real forms
posting to the server, answered with a redirect back to the page and a confirmation; labels and
ids; review badges; rejected events struck through or hidden; escaping; no open redirect."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from test_pages import Page, check_page


def _story(c: Any) -> dict[str, Any]:
    for s in c.get("/api/stories", params={"limit": 500}).json()["items"]:
        if s["counts"]["events"] >= 3:
            return c.get(f"/api/stories/{s['id']}").json()
    raise AssertionError("no seed story with three events")


def _forms(p: Page) -> list[dict[str, str | None]]:
    return [a for t, a in p.tags if t == "form"]


def _done(html: str) -> str:
    m = re.search(r'<div class="done" role="status"><p>(.*?)</p>', html, re.S)
    return m.group(1) if m else ""


def test_dossier_has_review_forms_for_every_event(client):
    d = _story(client)
    sid = d["story"]["id"]
    r = client.get("/stories/" + quote(sid, safe=""))
    p = check_page(r.text)  # every control labelled, ids unique
    actions = {a.get("action") for a in _forms(p)}
    for ev in d["events"]:
        for what in ("confirm", "reject", "edit"):
            assert f"/events/{ev['id']}/{what}" in actions, (ev["id"], what)
        box = next(a for t, a in p.tags if t == "input" and a.get("id") == f"split-{ev['id']}")
        assert box["type"] == "checkbox" and box["form"] == "split-form" and box["name"] == "event_ids"
    assert f"/stories/{sid}/split" in actions and f"/stories/{sid}/merge" in actions
    assert all(a.get("method") == "post" for a in _forms(p))
    merge = next(a for t, a in p.tags if t == "select" and a.get("id") == "merge-with")
    assert merge["name"] == "other"
    options = re.findall(r'<option value="(story-[^"]+)"', r.text.split('id="merge-with"', 1)[1].split("</select>", 1)[0])
    assert options and sid not in options
    edit = f"r-{d['events'][0]['id']}"
    for field in ("type", "mode", "modality", "actors", "recipients", "date", "author", "note"):
        assert f"{edit}-{field}" in p.ids and f"{edit}-{field}" in p.labels
    assert "<summary" in r.text and "Edit event: " in r.text  # the edit form opens from a <summary> (keyboard)


def test_confirm_reject_and_edit_through_the_forms(make_client):
    c = make_client()
    d = _story(c)
    sid = d["story"]["id"]
    back = "/stories/" + quote(sid, safe="")
    first, second, third = (e["id"] for e in d["events"][:3])

    r = c.post(f"/events/{first}/confirm", data={"next": back}, follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == f"{back}?done=confirmed&event={first}#{first}"
    page = c.get(r.headers["location"])
    assert f"Event {first} confirmed." in _done(page.text)
    assert c.get(f"/api/events/{first}").json()["review"]["status"] == "confirmed"

    r = c.post(f"/events/{second}/reject", data={"next": back, "note": "<b>not</b> an event"})
    assert r.status_code == 200 and "rejected" in _done(r.text)  # followed the redirect
    assert str(r.url).startswith(f"http://testserver{back}?done=rejected")  # the story is still there
    row = r.text.split(f'<tr id="{second}"', 1)[1].split("</tr>", 1)[0]  # listed under "Rejected events"
    assert 'class="event-row review-rejected"' in r.text and "<s class=\"summary\">" in row
    assert 'badge review review-rejected' in row and "note: &lt;b&gt;not&lt;/b&gt; an event" in row
    assert f'action="/events/{second}/confirm"' in row and f'action="/events/{second}/reject"' not in row
    hidden = c.get(back + "?rejected=hide").text
    assert f'<tr id="{second}"' not in hidden and "Show rejected events" in hidden
    doc = c.get(f"/documents/{quote(d['events'][1]['doc_id'], safe='')}").text
    item = doc.split(f'<li id="{second}"', 1)[1].split("</li>", 1)[0]
    assert "review-rejected" in item and "<s class=\"summary\">" in item
    assert f'<li id="{second}"' not in c.get(f"/documents/{quote(d['events'][1]['doc_id'], safe='')}?rejected=hide").text

    r = c.post(f"/events/{third}/edit", data={"next": back, "type": "THREATEN", "mode": "", "modality": "planned",
                                              "actors": "RUS, IGO:EU", "recipients": "", "date": "2025-03",
                                              "author": "Ana", "note": ""}, follow_redirects=False)
    assert r.status_code == 303 and "done=edited" in r.headers["location"]
    ev = c.get(f"/api/events/{third}").json()
    assert ev["type"] == "THREATEN" and ev["modality"] == "planned" and ev["recipients"] == []
    assert ev["date"]["value"] == "2025-03" and ev["review"]["by"] == "Ana"
    assert [a.get("country") or a.get("org") for a in ev["actors"]] == ["RUS", "EU"]
    events_page = c.get("/events", params={"review": "edited"}).text
    assert "badge review review-edited" in events_page and "machine type: " in events_page


def test_bad_form_values_show_an_error_page_with_the_way_back(make_client):
    c = make_client()
    d = _story(c)
    ev = d["events"][0]["id"]
    back = "/stories/" + quote(d["story"]["id"], safe="")
    r = c.post(f"/events/{ev}/edit", data={"next": back, "type": "DEMAND"})
    assert r.status_code == 422 and "PLOVER type" in r.text
    assert f'<a href="{back}">Back to where you were</a>' in r.text
    check_page(r.text)
    r = c.post(f"/events/{ev}/edit", data={"next": back, "date": "2025-02-30"})
    assert r.status_code == 422 and "not a date in the calendar" in r.text
    assert c.post("/events/ev-0000000000000000/confirm", data={"next": back}).status_code == 404
    assert c.post(f"/events/{ev}/delete", data={}).status_code == 404
    assert c.post(f"/stories/{d['story']['id']}/merge", data={"next": back}).status_code == 422
    r = c.post(f"/stories/{d['story']['id']}/split", data={"next": back})
    assert r.status_code == 422 and "choose the events" in r.text
    # programs use the JSON API; the page routes take the pages' forms
    assert c.post(f"/events/{ev}/confirm", json={"note": "x"}).status_code == 400
    assert c.post(f"/events/{ev}/confirm", data={"next": back}, files={"f": ("a.txt", b"x")}).status_code == 400
    assert c.get("/api/corrections").json()["total"] == 0


def test_no_open_redirect_and_no_cross_site_form_posts(make_client):
    c = make_client()
    ev = c.get("/api/events", params={"limit": 1}).json()["items"][0]["id"]
    for evil in ("//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", "/x\r\nSet-Cookie: a=b"):
        r = c.post(f"/events/{ev}/confirm", data={"next": evil}, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/events?done=confirmed"), evil
    r = c.post(f"/events/{ev}/reject", data={"next": "/"}, headers={"Origin": "https://evil.example"})
    assert r.status_code == 403
    r = c.post(f"/events/{ev}/reject", data={"next": "/"}, headers={"Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403
    assert c.get(f"/api/events/{ev}").json()["review"]["status"] == "confirmed"


def test_merge_and_split_through_the_forms(make_client):
    c = make_client()
    d = _story(c)
    sid = d["story"]["id"]
    back = "/stories/" + quote(sid, safe="")
    ids = [e["id"] for e in d["events"]]
    r = c.post(back + "/split", data={"next": back, "event_ids": ids[:1], "note": "another meeting"},
               follow_redirects=False)
    assert r.status_code == 303
    new = re.search(r"story=([^&#]+)", r.headers["location"]).group(1)
    page = c.get(r.headers["location"]).text
    assert "split off into a story of their own" in _done(page) and f'href="/stories/{new}"' in page
    split_page = c.get(f"/stories/{new}")
    assert split_page.status_code == 200 and ids[0] in split_page.text
    check_page(split_page.text)

    r = c.post(back + "/merge", data={"next": back, "other": new, "author": "Ana"}, follow_redirects=False)
    assert r.status_code == 303 and "done=merged" in r.headers["location"]
    assert c.get(f"/api/events/{ids[0]}").json()["cluster_id"] == sid
    r = c.post(back + "/merge", data={"next": back, "other": "", "other_id": "story-0000000000000000"})
    assert r.status_code == 404 and "story-0000000000000000" in r.text


def test_people_page_adds_and_lists_people(make_client):
    c = make_client()
    r = c.get("/kb/people")
    p = check_page(r.text)
    assert p.title.startswith("Add a person to the knowledge base")
    assert {"kb-name", "kb-country", "kb-org", "kb-title", "kb-start", "kb-end", "kb-variants", "kb-author",
            "kb-note"} <= set(p.ids)
    assert '<a href="/kb/people" aria-current="page">People</a>' in r.text
    r = c.post("/kb/people", data={"name": "Kaja <i>Kallas</i>", "org": "EU", "title": "Hohe Vertreterin",
                                   "start": "2024-12-01", "variants": "Kallas\r\nK. Kallas\r\n",
                                   "author": "<script>x</script>"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/kb/people?done=person")
    page = c.get(r.headers["location"]).text
    check_page(page)
    assert "Kaja &lt;i&gt;Kallas&lt;/i&gt; added to the knowledge base" in _done(page)
    assert "K. Kallas" in page and "&lt;script&gt;x&lt;/script&gt;" in page and "<script>x" not in page
    bad = c.post("/kb/people", data={"name": "Someone", "country": "", "org": "", "title": "Minister"})
    assert bad.status_code == 422 and "give the person" in bad.text
    assert 'value="Someone"' in bad.text and 'value="Minister"' in bad.text  # the form keeps what was typed
    assert c.get("/api/corrections", params={"kind": "kb_add"}).json()["total"] == 1


def test_events_page_filters_by_review_and_shows_rejected_on_request(make_client):
    c = make_client()
    evs = c.get("/api/events", params={"limit": 2}).json()["items"]
    c.post(f"/api/events/{evs[0]['id']}/reject")
    c.post(f"/api/events/{evs[1]['id']}/confirm")
    r = c.get("/events")
    p = check_page(r.text)
    assert {"f-review", "f-rejected"} <= set(p.ids)
    assert "<s class=\"summary\">" not in r.text and "badge review review-confirmed" in r.text
    shown = c.get("/events", params={"rejected": "1"}).text
    assert shown.count("<s class=\"summary\">") == 1 and 'id="f-rejected" name="rejected" value="1" checked' in shown
    only = c.get("/events", params={"review": "rejected"}).text
    assert "1 event." in only
    assert c.get("/events", params={"review": "maybe"}).status_code == 422
