"""The analyst's round trip in a real browser (Debian's chromium, driven by Playwright) against a
real `readout serve` on a temporary database holding the seed articles (src/readout/examples/de,
ingested by `readout run`): filter the timeline, open a story, follow a claim to its evidence,
confirm and reject events, correct one, upload broken files, read an article with markup in it.

Screenshots go to test-output/browser/ under the repository root (git-ignored). The tests of this
module share one server and run in order; the first two only read.
"""

from __future__ import annotations

import json
import re
import shutil
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.skipif(shutil.which("chromium") is None,
                                reason="chromium is not installed (apt-get install chromium)")


def _hrefs(page, selector: str) -> list[str]:
    return page.locator(selector).evaluate_all("els => els.map(e => e.getAttribute('href'))")


def test_filtering_the_timeline_by_country_changes_the_list(page, server, screenshot):
    page.goto("/")
    everything = _hrefs(page, "a.story-link")
    assert len(everything) == server.get("/api/stories?limit=500")["total"]
    page.get_by_label("Country", exact=True).select_option("UKR")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r".*[?&]country=UKR.*"))
    filtered = _hrefs(page, "a.story-link")
    assert 0 < len(filtered) < len(everything) and set(filtered) <= set(everything)
    assert page.locator("p.count").inner_text() == f"{len(filtered)} {'story' if len(filtered) == 1 else 'stories'} match."
    expected = [f"/stories/{s['id']}" for s in server.get("/api/stories?country=UKR&limit=500")["items"]]
    assert filtered == expected
    assert page.get_by_label("Country", exact=True).input_value() == "UKR"  # the form keeps the filter
    screenshot(page, "timeline-filtered-ukr")

    page.get_by_role("link", name="Clear filters").click()
    page.wait_for_url(re.compile(r".*/$"))
    assert _hrefs(page, "a.story-link") == everything
    assert not page.errors and not page.dialogs


def test_clicking_a_claim_highlights_exactly_its_evidence(page, server, two_sided_story, screenshot):
    d = two_sided_story(server.get)
    page.goto(f"/stories/{quote(d['story']['id'], safe='')}")
    screenshot(page, "story-dossier")
    for i, side in enumerate(d["sides"][:2]):
        span = side["claims"][0]["evidence"][0]
        card = page.locator("section.side").nth(i).locator("li.claim").first
        assert card.locator("blockquote mark").first.text_content() == span["text"]
        card.locator("p.source a").first.click()
        page.wait_for_url(f"**/documents/**?hl={span['start']}-{span['end']}#s{span['start']}-{span['end']}")
        target = page.locator(".article-text mark.target")
        assert target.count() == 1  # one highlighted passage, not cut into pieces
        assert target.text_content() == span["text"]  # exactly the claim's evidence, character for character
        assert server.get(f"/api/documents/{quote(span['doc_id'], safe='')}")["text"][span["start"]:span["end"]] == span["text"]
        assert target.get_attribute("id") == f"s{span['start']}-{span['end']}"
        assert target.evaluate("e => document.activeElement === e")
        assert target.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
        screenshot(page, f"document-claim-{i + 1}-highlighted")
        page.go_back()
        page.wait_for_url(f"**/stories/{d['story']['id']}")
    assert not page.errors and not page.dialogs


def test_confirm_reject_and_edit_events_in_the_dossier(page, server, two_sided_story, screenshot):
    d = two_sided_story(server.get)
    sid = d["story"]["id"]
    first, second, third = d["events"][0], d["events"][1], d["events"][2]
    page.goto(f"/stories/{quote(sid, safe='')}")

    # confirm with the keyboard alone
    row = page.locator(f'tr[id="{first["id"]}"]')
    row.get_by_role("button", name="Confirm event").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**done=confirmed**")
    assert f"Event {first['id']} confirmed." in page.get_by_role("status").first.inner_text()
    badge = page.locator(f'tr[id="{first["id"]}"] .badge.review-confirmed')
    assert badge.inner_text() == "confirmed" and badge.is_visible()
    assert page.locator(f'tr[id="{first["id"]}"]').get_by_role("button", name="Confirm event").count() == 0

    # reject with the mouse: the event leaves the story and is listed struck through
    page.locator(f'tr[id="{second["id"]}"]').get_by_role("button", name="Reject event").click()
    page.wait_for_url("**done=rejected**")
    rejected = page.locator(f'section.rejected-events tr[id="{second["id"]}"]')
    assert rejected.locator(".badge.review-rejected").inner_text() == "rejected"
    assert "line-through" in rejected.locator(".summary").evaluate("e => getComputedStyle(e).textDecorationLine")
    assert page.locator(f'table.review-table:not(section.rejected-events table) tr[id="{second["id"]}"]').count() == 0
    screenshot(page, "story-confirmed-and-rejected")
    assert server.get(f"/api/events/{first['id']}")["review"]["status"] == "confirmed"
    assert server.get(f"/api/events/{second['id']}")["review"]["status"] == "rejected"
    assert second["id"] not in {json.loads(x)["id"] for x in _download(server, "/api/export/events").splitlines()}

    page.get_by_role("link", name="Hide rejected events").click()
    page.wait_for_url("**rejected=hide**")
    assert page.locator("section.rejected-events tr").count() == 0
    page.get_by_role("link", name="Show rejected events").click()
    assert page.locator(f'section.rejected-events tr[id="{second["id"]}"]').count() == 1

    # the document view shows both marks
    page.goto(f"/documents/{quote(second['doc_id'], safe='')}")
    item = page.locator(f'li[id="{second["id"]}"]')
    assert item.locator(".badge.review-rejected").inner_text() == "rejected"
    assert "line-through" in item.locator(".summary").evaluate("e => getComputedStyle(e).textDecorationLine")
    if first["doc_id"] == second["doc_id"]:
        assert page.locator(f'li[id="{first["id"]}"] .badge.review-confirmed').inner_text() == "confirmed"
    screenshot(page, "document-review-marks")

    # correct an event: the Edit form opens from its summary, by keyboard
    page.goto(f"/documents/{quote(third['doc_id'], safe='')}")
    item = page.locator(f'li[id="{third["id"]}"]')
    item.locator("details.edit > summary").focus()
    page.keyboard.press("Enter")
    modality = next(m for m in ("hypothetical", "negated") if m != third["modality"])
    item.get_by_label("Modality").select_option(modality)
    item.get_by_label("Your name").fill("Ana <Analyst>")
    item.get_by_role("button", name="Save the correction").click()
    page.wait_for_url("**done=edited**")
    edited = page.locator(f'li[id="{third["id"]}"] .badge.review-edited')
    assert edited.inner_text() == "edited"
    assert "machine modality: " + third["modality"] in edited.get_attribute("title")
    assert "Ana <Analyst>" in edited.get_attribute("title")
    screenshot(page, "document-edited")
    ev = server.get(f"/api/events/{third['id']}")
    assert ev["modality"] == modality and ev["review"]["by"] == "Ana <Analyst>"
    assert not page.errors and not page.dialogs


def _download(server, path: str) -> str:
    import urllib.request

    with urllib.request.urlopen(server.url + path, timeout=10) as r:
        return r.read().decode("utf-8")


def test_uploading_broken_files_reports_each_and_markup_stays_text(page, screenshot):
    page.goto("/ingest")
    probe = {"id": "script-probe", "published": "2025-03-20",
             "text": "Selenskyj traf Macron in Paris. <script>alert('x')</script> <b onmouseover=alert(2)>fett</b> "
                     "Danach sprach der Élysée von einem guten Gespräch."}
    page.get_by_label("Files", exact=True).set_input_files([
        {"name": "feed.jsonl", "mimeType": "application/x-ndjson",
         "buffer": (json.dumps(probe) + "\n{broken json\n").encode()},
        {"name": "binary.txt", "mimeType": "text/plain", "buffer": bytes(range(256)) * 8},
    ])
    page.get_by_role("button", name="Upload and ingest").click()
    page.wait_for_url("**/ingest/files")
    result = page.locator("section.result")
    assert "1 ingested" in result.locator("p.summary").inner_text()
    assert "2 rejected" in result.locator("p.summary").inner_text()
    rows = result.locator("tr.status-rejected").all_inner_texts()
    assert len(rows) == 2, rows
    assert any("feed.jsonl:2" in r and "not valid JSON" in r for r in rows), rows
    assert any(r.startswith("binary.txt") for r in rows), rows
    assert "ingested" in result.locator("tr.status-ingested").inner_text()
    screenshot(page, "ingest-per-file-errors")

    result.get_by_role("link", name="script-probe").click()
    page.wait_for_url("**/documents/script-probe")
    text = page.locator(".article-text")
    assert "<script>alert('x')</script>" in text.inner_text()
    assert "<b onmouseover=alert(2)>fett</b>" in text.inner_text()
    assert text.locator("script, b").count() == 0
    assert page.locator("body script:not([src])").count() == 0
    screenshot(page, "document-markup-as-text")
    assert not page.dialogs and not page.errors
