"""Property-based tests (hypothesis): ingest and every text-processing stage take any text
without an exception, and every offset they give lies inside the text and matches its slice.

More examples: READOUT_HYPOTHESIS_EXAMPLES=2000 .venv/bin/python -m pytest tests/scale/test_properties.py
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readout.ingest import Rejection, iter_inputs, load_document, parse_header
from readout.model import Document
from readout.pipeline import annotations, process_document

EXAMPLES = int(os.environ.get("READOUT_HYPOTHESIS_EXAMPLES", "150"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Words that wake the stages up: names, offices, places, verbs of contact and saying, time and
# number expressions, quotes, Konjunktiv, negation; mixed with arbitrary Unicode below.
_WORDS = [
    "Putin", "Trump", "Selenskyj", "Wolodymyr", "Macron", "Lawrow", "Rubio", "Kreml", "Weißes Haus", "Washington",
    "Kiew", "Kyjiw", "Moskau", "Russland", "Ukraine", "USA", "EU", "Nato", "Huthi", "der russische Präsident",
    "telefonierten", "trafen sich", "vereinbarten", "forderte", "drohte", "lehnte ab", "sagte", "laut", "zufolge",
    "sei", "habe", "hätten", "soll", "nicht", "keine", "Waffenruhe", "Gefangene", "ausgetauscht", "Sanktionen",
    "am Dienstag", "gestern", "vor einer Woche", "bis Freitag", "30 Tage", "2 Stunden und 28 Minuten", "um 14 Uhr",
    "1.200", "2 Milliarden Dollar", "50 Prozent", "März 2025", "18.03.2025", "„", "“", "\"", "(", ")", ".", ",", ":",
    "?", "!", "–", "\n", "\n\n", " ", "  ", "Dr.", "z. B.", "3.", "Mio.", "The president said", "on Tuesday",
]
_token = st.one_of(st.sampled_from(_WORDS), st.text(max_size=8), st.sampled_from(["é", "ß", "İ", "ﬁ", "\u0301", "\u200b",
                                                                                  "\U0001f600", "\r\n", "\t", "\x0c"]))
texts = st.lists(_token, max_size=80).map(" ".join)
headers = st.one_of(st.just(""), st.sampled_from([" date 2025-03-19 Moskau taz | ", " date 2025-03 ", " date 2025-03-18",
                                                  "date 2025-02-28 | ", " date 2024-12-31 Washington AP | "]))


def _check_span(text: str, start: int, end: int, got: str | None = None, what: str = "") -> None:
    assert 0 <= start <= end <= len(text), (what, start, end, len(text))
    if got is not None:
        assert text[start:end] == got, (what, start, end, got, text[start:end])


def check_offsets(doc: Document) -> None:
    text = doc.text
    assert 0 <= doc.body_start <= len(text)
    last = -1
    for s in doc.sentences:
        _check_span(text, s.start, s.end, what="sentence")
        assert s.start >= last, "sentences overlap or are out of order"
        last = s.end
        for t in s.tokens:
            _check_span(text, t.start, t.end, t.text, "token")
    for m in doc.entities:
        _check_span(text, m.start, m.end, m.text, "entity")
    for t in doc.timexes:
        _check_span(text, t.start, t.end, t.text, "timex")
    for q in doc.quantities:
        _check_span(text, q.start, q.end, q.text, "quantity")
    for ev in doc.events:
        spans = list(ev.evidence) + [sp for c in ev.claims for sp in c.evidence]
        if ev.trigger is not None:
            spans.append(ev.trigger)
        for sp in spans:
            assert sp.doc_id == doc.doc_id
            _check_span(text, sp.start, sp.end, sp.text, f"evidence of {ev.type}")
    json.dumps(annotations(doc), ensure_ascii=False)  # what is stored must serialise


@SETTINGS
@given(header=headers, body=texts)
def test_process_document_on_german_like_text(header, body):
    text = header + body
    doc = load_document("h", text, {}, None)
    check_offsets(process_document(doc))


@SETTINGS
@given(text=st.text(min_size=1, max_size=400))
def test_process_document_on_any_unicode(text):
    check_offsets(process_document(load_document("u", text, {}, None)))


@SETTINGS
@given(text=st.text(max_size=300))
def test_parse_header(text):
    pos, meta = parse_header(text)
    assert 0 <= pos <= len(text)
    if pos == 0:
        assert meta == {} or meta.get("published")
    if meta.get("published"):
        assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", meta["published"].value)
        assert text.lstrip(" ").startswith("date ")


@SETTINGS
@given(text=st.one_of(texts, st.text()), header=headers,
       published=st.one_of(st.none(), st.text(max_size=12), st.sampled_from(["2025", "2025-03", "2025-03-19",
                                                                           "2025-02-30", "2025-13", "0000-00-00"])))
def test_load_document(text, header, published):
    doc = load_document("x", header + text, {"published": published}, "src")
    assert 0 <= doc.body_start <= len(doc.text) and doc.text == header + text
    assert re.fullmatch(r"[0-9a-f]{64}", doc.content_hash)
    if doc.published is not None:
        import datetime as dt

        v = doc.published.value
        assert v and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v)
        if len(v) == 10:
            dt.date.fromisoformat(v)  # a calendar date, never 2025-02-30


_json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20)),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)),
    max_leaves=12,
)
_records = st.fixed_dictionaries(
    {"id": st.one_of(st.text(max_size=10), st.integers(), _json_values)},
    optional={"text": st.one_of(texts, _json_values), "published": st.one_of(st.text(max_size=12), _json_values),
              "title": _json_values, "outlet": _json_values, "url": _json_values, "language": _json_values},
)
_lines = st.one_of(_records.map(lambda r: json.dumps(r, ensure_ascii=False)), st.text(max_size=60),
                   _json_values.map(json.dumps))


def _read(name: str, data: bytes) -> list[Document | Rejection]:
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / name
        p.write_bytes(data)
        items = list(iter_inputs([str(p)]))
        for it in items:
            assert isinstance(it, Document | Rejection)
            if isinstance(it, Rejection):
                assert it.source.startswith(str(p)) and it.reason and "\n" not in it.reason
            else:
                assert it.source and it.source.startswith(str(p)) and it.text.strip()
                assert 0 <= it.body_start <= len(it.text)
                it.text.encode("utf-8")  # storable
                for v in (it.doc_id, it.title, it.outlet, it.url, it.language):
                    assert v is None or isinstance(v, str)
        return items


@SETTINGS
@given(lines=st.lists(_lines, max_size=8), sep=st.sampled_from(["\n", "\r\n"]))
def test_iter_inputs_jsonl(lines, sep):
    items = _read("feed.jsonl", sep.join(lines).encode("utf-8", "surrogatepass"))
    assert items or not any(line.strip() for line in lines) or True


@SETTINGS
@given(rows=st.lists(st.lists(st.one_of(texts, st.text(max_size=30)), max_size=5), max_size=6),
       header=st.sampled_from([["id", "text"], ["id", "text", "published"], ["text"], ["ID", " Text "], []]))
def test_iter_inputs_csv(rows, header):
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf)
    if header:
        w.writerow(header)
    w.writerows(rows)
    _read("table.csv", buf.getvalue().encode("utf-8", "surrogatepass"))


@SETTINGS
@given(data=st.binary(max_size=2000), ext=st.sampled_from([".txt", ".html", ".jsonl", ".csv"]))
def test_iter_inputs_any_bytes(data, ext):
    items = _read("file" + ext, data)
    if ext in (".txt", ".html"):
        assert len(items) == 1


@SETTINGS
@given(text=st.one_of(texts, st.text(min_size=1)), enc=st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-16-be",
                                                                        "utf-8-sig", "latin-1"]))
def test_iter_inputs_text_in_encodings(text, enc):
    try:
        data = text.encode(enc)
    except UnicodeEncodeError:
        return
    items = _read("doc.txt", data)
    assert len(items) == 1
