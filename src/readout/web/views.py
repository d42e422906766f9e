"""What the HTML pages need beyond the queries: labels, links and the marked-up article text."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from readout.web.highlight import Mark, excerpt, render, span_anchor
from readout.web.queries import MODALITIES, PLOVER_TYPES, country_names, side_label
from readout.web.review import codes_of


def date_label(d: dict[str, Any] | None) -> str:
    """How a date reads on a page; the precision is always visible.

    >>> date_label({"value": "2025-03", "precision": "month"}), date_label(None)
    ('2025-03 (month)', 'date unknown')
    """
    if not d or not d.get("value"):
        return "date unknown"
    precision = d.get("precision") or _precision(d["value"])
    suffix = {"day": "", "month": " (month)", "year": " (year)"}.get(precision, " (?)")
    return f"{d['value']}{suffix}"


def _precision(value: str) -> str:
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "unknown")


def date_class(d: dict[str, Any] | None) -> str:
    if not d or not d.get("value"):
        return "date date-unknown"
    return f"date date-{d.get('precision') or _precision(d['value'])}"


def doc_url(doc_id: str, span: dict[str, Any] | None = None) -> str:
    """The document page, scrolled to and highlighting ``span`` when given."""
    url = "/documents/" + quote(str(doc_id), safe="")
    if span and isinstance(span.get("start"), int) and isinstance(span.get("end"), int):
        url += f"?hl={span['start']}-{span['end']}#{span_anchor(span['start'], span['end'])}"
    return url


def story_url(story_id: str) -> str:
    return "/stories/" + quote(str(story_id), safe="")


def country_label(code: str | None) -> str:
    if not code:
        return ""
    if code.startswith("IGO:"):
        return code[4:]
    name = country_names().get(code)
    return f"{name} ({code})" if name else code


def actor_label(a: dict[str, Any] | None) -> str:
    if not a:
        return ""
    code = a.get("country") or a.get("org")
    return f"{a.get('name')} ({code})" if code and code != a.get("name") else str(a.get("name"))


def review_title(r: dict[str, Any] | None) -> str:
    """What a review badge says on hover: who, when, why, and what the machine had."""
    if not r:
        return ""
    parts = [f"{r.get('status')} by {r.get('by') or 'an analyst'}" + (f" at {r['at']}" if r.get("at") else "")]
    if r.get("note"):
        parts.append(f"note: {r['note']}")
    for key, value in (r.get("original") or {}).items():
        parts.append(f"machine {key}: {_plain(key, value)}")
    return "; ".join(parts)


def _plain(key: str, value: Any) -> str:
    if key in ("actors", "recipients"):
        return ", ".join(actor_label(a) for a in value or []) or "none"
    if key == "date":
        return date_label(value)
    return str(value) if value not in (None, "") else "none"


def codes_text(parties: list[dict[str, Any]] | None) -> str:
    """Parties as the edit form shows them: ``RUS, IGO:EU``."""
    return ", ".join(codes_of(parties))


DONE = {
    "confirmed": "Event {event} confirmed.",
    "rejected": "Event {event} rejected: it has left the stories, the event lists and the exports. "
                "Confirm it to bring it back.",
    "edited": "Event {event} corrected; the badge shows the machine's values on hover.",
    "merged": "Stories merged into {story}.",
    "split": "Events split off into a story of their own.",
    "person": "{name} added to the knowledge base; used from the next ingest on.",
}


def done_message(request: Any) -> dict[str, Any] | None:
    """The confirmation shown after a correction form redirected here (``?done=…``), or None."""
    q = request.query_params
    text = DONE.get(q.get("done", ""))
    if text is None:
        return None
    values = {k: (q.get(k) or "")[:200] for k in ("event", "story", "name")}
    msg: dict[str, Any] = {"text": text.format(**values), "story": None}
    story = values["story"]
    if story and not request.url.path == story_url(story) and q.get("done") in ("edited", "split"):
        msg["story"] = story  # the event (now) belongs to another story: link to it
    return msg


def template_globals() -> dict[str, Any]:
    return {"date_label": date_label, "date_class": date_class, "doc_url": doc_url, "story_url": story_url,
            "country_label": country_label, "actor_label": actor_label, "excerpt": excerpt,
            "side_label": side_label, "span_anchor": span_anchor, "review_title": review_title,
            "codes_text": codes_text, "done_message": done_message, "PLOVER_TYPES": PLOVER_TYPES,
            "MODALITIES": MODALITIES}


def template_filters() -> dict[str, Any]:
    return {"date_label": date_label, "country_label": country_label}


def parse_hl(value: str | None) -> tuple[int, int] | None:
    """``"81-193"`` -> (81, 193); anything else -> None."""
    if not value or len(value) > 30:
        return None
    a, _, b = value.partition("-")
    if not (a.isdigit() and b.isdigit()):
        return None
    start, end = int(a), int(b)
    return (start, end) if start < end else None


def article_html(doc: dict[str, Any], hl: tuple[int, int] | None = None) -> Markup:
    """The document's text with its entities, times, quantities and event evidence marked."""
    text: str = doc.get("text") or ""
    marks: list[Mark] = []
    ann = doc.get("annotations") or {}
    for e in ann.get("entities") or []:
        title = " · ".join(str(x) for x in (e.get("name"), e.get("kind"), e.get("country") or e.get("org"),
                                            e.get("sector"), e.get("role")) if x)
        marks.append(Mark(e["start"], e["end"], f"ent ent-{e.get('kind') or 'other'}", layer=3, title=title))
    for t in ann.get("timexes") or []:
        title = " · ".join(str(x) for x in (t.get("value"), t.get("precision"), t.get("basis")) if x)
        marks.append(Mark(t["start"], t["end"], "timex", layer=3, title=title or None))
    for q in ann.get("quantities") or []:
        title = " · ".join(str(x) for x in (q.get("value"), q.get("unit"), q.get("what")) if x is not None)
        marks.append(Mark(q["start"], q["end"], "qty", layer=4, title=title or None))
    spans: dict[tuple[int, int], list[str]] = {}
    for ev in doc.get("events") or []:
        for span in [*(ev.get("evidence") or []), *(s for c in ev.get("claims") or [] for s in c.get("evidence") or [])]:
            if span.get("doc_id") == doc.get("doc_id") and isinstance(span.get("start"), int):
                ids = spans.setdefault((span["start"], span["end"]), [])
                if ev["id"] not in ids:
                    ids.append(ev["id"])
    for (start, end), ids in spans.items():
        css = "evidence target" if hl == (start, end) else "evidence"
        marks.append(Mark(start, end, css, layer=2 if hl != (start, end) else 1, id=span_anchor(start, end),
                          title=f"evidence of {len(ids)} event{'s' if len(ids) > 1 else ''}", data=" ".join(ids)))
    if hl is not None and hl not in spans:
        marks.append(Mark(hl[0], hl[1], "target", layer=0, id=span_anchor(*hl), title="the linked passage"))
    return render(text, marks)
