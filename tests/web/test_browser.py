"""A real browser (Debian's chromium, driven by Playwright) against a real `readout serve`.

Never runs `playwright install`: the browser is the system's chromium (.ci/run installs it when
missing). Without it the test is skipped with a message.
"""

from __future__ import annotations

import shutil

import pytest

# the `page` fixture (conftest.py) launches chromium against this module's `readout serve`
pytestmark = pytest.mark.skipif(shutil.which("chromium") is None,
                                reason="chromium is not installed (apt-get install chromium)")


def test_timeline_to_dossier_by_keyboard(page, server, two_sided_story):
    story = two_sided_story(server.get)["story"]
    page.goto("/")
    assert page.title() == "Timeline of stories · readout"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"  # the first stop skips the menu
    assert page.locator(".date-month").count() >= 1
    month = page.locator("h2.when .date-month").first
    day_or_year = page.locator("h2.when .date-day, h2.when .date-year").first
    assert month.evaluate("e => getComputedStyle(e).borderTopStyle") == "dashed"
    assert day_or_year.evaluate("e => getComputedStyle(e).borderTopStyle") in ("solid", "dotted")

    link = page.locator(f'a.story-link[href="/stories/{story["id"]}"]')
    link.focus()
    assert link.evaluate("e => getComputedStyle(e).outlineStyle") != "none"  # visible focus
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/stories/{story['id']}")
    assert page.title().startswith("Story: ")

    sides = page.locator("section.side")
    assert sides.count() >= 2
    for i in range(2):
        assert sides.nth(i).locator("h3").inner_text().strip()
        assert sides.nth(i).locator("mark.evidence").count() >= 1
    mark = page.locator("section.side mark.evidence").first
    assert mark.is_visible()
    assert mark.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator("article.discrepancy").count() >= 1
    assert page.locator("li.claim.disputed").count() >= 1

    source = page.locator("section.side p.source a").first
    href = source.get_attribute("href")
    source.click()
    page.wait_for_url("**/documents/**")
    anchor = href.split("#", 1)[1]
    target = page.locator(f'[id="{anchor}"]')
    assert "target" in target.get_attribute("class")
    assert target.evaluate("e => document.activeElement === e")  # focus moved to the passage
    assert page.locator(".article-text mark.ent").count() > 0
    assert not page.errors and not page.dialogs


def test_ingest_pasted_text_and_see_it_as_text(page):
    page.goto("/ingest")
    assert page.title() == "Ingest articles · readout"
    article = ("Putin telefonierte am Dienstag mit Trump. <script>alert(1)</script> "
               "<img src=x onerror=alert(2)> Danach sprach der Kreml von einem sehr guten Gespräch.")
    page.get_by_label("Article text").fill(article)
    page.get_by_label("Id").fill("xss-probe")
    page.get_by_label("Published").fill("2025-03-19")
    page.get_by_role("button", name="Ingest the text").click()
    page.wait_for_url("**/ingest/text")
    result = page.locator("section.result")
    assert "1 ingested" in result.inner_text()
    assert "ingested" in result.locator("table").inner_text()

    result.get_by_role("link", name="xss-probe").click()
    page.wait_for_url("**/documents/xss-probe")
    text = page.locator(".article-text")
    assert "<script>alert(1)</script>" in text.inner_text()
    assert "<img src=x onerror=alert(2)>" in text.inner_text()
    assert text.locator("script, img").count() == 0
    assert page.locator("body script:not([src])").count() == 0
    assert not page.dialogs and not page.errors
