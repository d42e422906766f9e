"""Highlighting article text: pieces cut at offsets, each escaped, marks always well nested."""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser

from readout.web.highlight import Mark, excerpt, render
from readout.web.views import article_html, date_class, date_label, parse_hl


class _Check(HTMLParser):
    """Collects the text and checks that every <mark> closes in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        assert tag == "mark", tag
        self.depth += 1

    def handle_endtag(self, tag):
        assert tag == "mark" and self.depth > 0
        self.depth -= 1

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Check:
    p = _Check()
    p.feed(html)
    p.close()
    assert p.depth == 0
    return p


def test_text_is_escaped_piece_by_piece():
    text = 'a <script>alert("x")</script> & b'
    html = str(render(text, [Mark(2, 10, "ent", title='"><script>'), Mark(0, len(text), "evidence")]))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'title="&#34;&gt;&lt;script&gt;"' in html
    assert "".join(_parse(html).text) == text


def test_overlapping_marks_nest_and_ids_appear_once():
    text = "0123456789"
    html = str(render(text, [Mark(0, 6, "evidence", id="a"), Mark(3, 9, "evidence", id="b"),
                             Mark(4, 5, "ent", layer=3), Mark(-5, 50, "target", layer=0), Mark(7, 7, "empty")]))
    assert html.count('id="a"') == 1 and html.count('id="b"') == 1
    assert "empty" not in html
    assert "".join(_parse(html).text) == text


def test_random_marks_always_give_back_the_text():
    rng = random.Random(7)
    text = "Putin <b>&amp;</b> Trump sprachen \"lange\" über ä ö ü 🙂 und <i>mehr</i>.\n" * 3
    for _ in range(200):
        marks = []
        for _ in range(rng.randint(0, 12)):
            a, b = sorted(rng.randint(-3, len(text) + 3) for _ in range(2))
            marks.append(Mark(a, b, rng.choice(["evidence", "ent", "timex"]), layer=rng.randint(0, 4),
                              id=rng.choice([None, f"s{a}-{b}"])))
        html = str(render(text, marks))
        assert "".join(_parse(html).text) == text
        assert "<b>" not in html and "<i>" not in html


def test_excerpt_cuts_at_words_and_checks_offsets():
    text = "Erster Satz hier. Putin und Trump telefonierten zwei Stunden lang. Danach kam nichts."
    start = text.index("Putin")
    end = text.index(" lang.") + 5
    x = excerpt(text, {"start": start, "end": end, "text": text[start:end]}, context=10)
    assert x["ok"] and x["span"] == text[start:end] and x["cut_before"] and x["cut_after"]
    assert not x["before"].startswith(" ") and (x["before"] + x["span"] + x["after"]) in text
    bad = excerpt(text, {"start": 0, "end": 5, "text": "nope!"})
    assert not bad["ok"] and bad["span"] == "nope!"
    assert not excerpt(None, {"start": 0, "end": 5, "text": "x"})["ok"]
    assert not excerpt(text, {"start": 50, "end": 5000, "text": "x"})["ok"]


def test_dates_show_their_precision():
    assert date_label({"value": "2025-03-18", "precision": "day"}) == "2025-03-18"
    assert date_label({"value": "2025-03", "precision": "month"}) == "2025-03 (month)"
    assert date_label({"value": "2025", "precision": "year"}) == "2025 (year)"
    assert date_label({"value": None, "precision": "unknown"}) == "date unknown"
    assert date_class({"value": "2025-03"}) == "date date-month"
    assert date_class({"value": "2025-03-18", "precision": "day"}) == "date date-day"


def test_document_marks_link_evidence_and_the_target():
    text = " date 2025-03 Moskau taz | Putin sprach mit <em>Trump</em>."
    start = text.index("Putin")
    doc = {"doc_id": "d", "text": text,
           "annotations": {"entities": [{"start": start, "end": start + 5, "name": "Wladimir Putin", "kind": "person"}],
                           "timexes": [{"start": 6, "end": 13, "value": "2025-03", "precision": "month"}],
                           "quantities": []},
           "events": [{"id": "ev-1", "evidence": [{"doc_id": "d", "start": start, "end": len(text) - 1}], "claims": []}]}
    html = str(article_html(doc, hl=(start, len(text) - 1)))
    assert f'id="s{start}-{len(text) - 1}"' in html and "evidence target" in html
    assert re.search(r'<mark class="ent ent-person" title="Wladimir Putin · person">Putin</mark>', html)
    assert "&lt;em&gt;Trump&lt;/em&gt;" in html
    assert "".join(_parse(html).text) == text
    assert parse_hl("3-9") == (3, 9) and parse_hl("9-3") is None and parse_hl("x") is None and parse_hl(None) is None
