"""Interchange formats the event-data field already loads: PLOVER JSON records and POLECAT TSV.

PLOVER (openeventdata/PLOVER, "JSON Data Fields"): one JSON object per line with ``id``, ``date``,
``actor`` and ``recipient`` (lists of actor objects: code, sector, actor_text, identifier_id,
identifier_text, office), ``event`` (list of categories), ``mode``, ``context``, ``event_text``,
``text_info`` (character offsets) and ``cite_info``; readout adds the named fields ``modality``,
``confidence`` and ``story`` that PLOVER leaves to providers. POLECAT: the tab-separated layout of
the POLECAT weekly files, one row per event.

What these formats cannot hold: a readout event's claims (who asserts it, with what certainty and
tone), its conditions, deadlines and links, and the discrepancies and commitments of stories. They
stay in the readout exports (events.jsonl, discrepancies.jsonl, commitments.jsonl).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
        "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3,
        "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}
CODEBOOK = "PLOVER v2 as coded by readout (see SPEC.md)"


def _code(a: dict[str, Any]) -> str | None:
    return a.get("country") or ("IGO" if a.get("org") else None)


def _plover_actor(a: dict[str, Any]) -> dict[str, Any]:
    out = {"code": _code(a), "sector": a.get("sector"), "actor_text": a.get("name"),
           "identifier_id": a.get("wikidata"), "identifier_text": a.get("name"), "office": a.get("title")}
    if a.get("org"):
        out["org"] = a["org"]  # readout: the organisation behind an IGO code (EU, NATO, UN)
    return {k: v for k, v in out.items() if v is not None}


def to_plover(ev: dict[str, Any], doc: dict[str, Any] | None = None) -> dict[str, Any]:
    """One readout event as a PLOVER record."""
    doc = doc or {}
    spans = ev.get("evidence") or []
    first = spans[0] if spans else {}
    date = (ev.get("date") or {}).get("value")
    return {
        "id": ev["id"],
        "has_event": True,
        "date": date,
        "date_precision": (ev.get("date") or {}).get("precision"),
        "actor": [_plover_actor(a) for a in ev.get("actors") or []],
        "recipient": [_plover_actor(a) for a in ev.get("recipients") or []],
        "event": [ev["type"]],
        "quad_code": QUAD.get(ev["type"]),
        "mode": [ev["mode"]] if ev.get("mode") else [],
        "context": [],
        "event_text": [s.get("text") for s in spans],
        "text_info": {"start": first.get("start"), "end": first.get("end"), "doc_id": ev.get("doc_id"),
                      "spans": [{"start": s.get("start"), "end": s.get("end")} for s in spans]},
        "cite_info": {"corpus": "readout", "citation": ev.get("doc_id"), "url": doc.get("url"),
                      "title": doc.get("title"), "language": doc.get("language"), "publication": doc.get("outlet"),
                      "coder": ev.get("producer"), "codebook": CODEBOOK},
        "modality": ev.get("modality"),
        "confidence": ev.get("confidence"),
        "story": ev.get("cluster_id"),
    }


def from_plover(rec: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER record back as the readout fields it can hold (no claims, conditions or links)."""
    def actor(a: dict[str, Any]) -> dict[str, Any]:
        code = a.get("code")
        return {"name": a.get("actor_text") or a.get("identifier_text"), "country": code if code != "IGO" else None,
                "org": a.get("org"), "sector": a.get("sector"), "wikidata": a.get("identifier_id"),
                "title": a.get("office")}

    ti = rec.get("text_info") or {}
    spans = ti.get("spans") or [{"start": ti.get("start"), "end": ti.get("end")}]
    texts = rec.get("event_text") or []
    return {
        "id": rec["id"], "doc_id": ti.get("doc_id") or (rec.get("cite_info") or {}).get("citation"),
        "type": (rec.get("event") or [None])[0], "mode": (rec.get("mode") or [None])[0] if isinstance(rec.get("mode"), list) else rec.get("mode"),
        "actors": [actor(a) for a in rec.get("actor") or rec.get("source") or []],
        "recipients": [actor(a) for a in rec.get("recipient") or []],
        "date": {"value": rec.get("date"), "precision": rec.get("date_precision") or ("day" if rec.get("date") else "unknown")},
        "modality": rec.get("modality") or "asserted",
        "evidence": [{"doc_id": ti.get("doc_id"), "start": s.get("start"), "end": s.get("end"),
                      "text": texts[i] if i < len(texts) else None} for i, s in enumerate(spans)],
        "confidence": rec.get("confidence"), "cluster_id": rec.get("story"),
    }


POLECAT_COLUMNS = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Primary Actor Sector", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Primary Recipient Sector", "Recipient Title", "Recipient Name Raw",
    "Wikipedia Recipient ID", "Placename", "Source", "Publication Date", "Language", "Story ID", "Modality",
    "Evidence Start", "Evidence End", "Evidence Text",
]


def _join(values: list[Any]) -> str:
    return ";".join("" if v is None else str(v) for v in values)


def to_polecat(ev: dict[str, Any], doc: dict[str, Any] | None = None) -> dict[str, str]:
    """One readout event as a POLECAT row (several actors are joined with ';', as POLECAT does)."""
    doc = doc or {}
    acts, recs = ev.get("actors") or [], ev.get("recipients") or []
    span = (ev.get("evidence") or [{}])[0]
    row = {
        "Event ID": ev["id"], "Event Date": (ev.get("date") or {}).get("value") or "", "Event Type": ev["type"],
        "Event Mode": ev.get("mode") or "", "Quad Code": QUAD.get(ev["type"], ""), "Contexts": "",
        "Actor Name": _join([a.get("name") for a in acts]), "Actor Country": _join([_code(a) for a in acts]),
        "Primary Actor Sector": _join([a.get("sector") for a in acts]), "Actor Title": _join([a.get("title") for a in acts]),
        "Actor Name Raw": _join([a.get("name") for a in acts]), "Wikipedia Actor ID": _join([a.get("wikidata") for a in acts]),
        "Recipient Name": _join([a.get("name") for a in recs]), "Recipient Country": _join([_code(a) for a in recs]),
        "Primary Recipient Sector": _join([a.get("sector") for a in recs]),
        "Recipient Title": _join([a.get("title") for a in recs]), "Recipient Name Raw": _join([a.get("name") for a in recs]),
        "Wikipedia Recipient ID": _join([a.get("wikidata") for a in recs]), "Placename": ev.get("location") or "",
        "Source": ev.get("doc_id") or "", "Publication Date": ((doc.get("published") or "") if isinstance(doc.get("published"), str) else ""),
        "Language": doc.get("language") or "", "Story ID": ev.get("cluster_id") or "", "Modality": ev.get("modality") or "",
        "Evidence Start": span.get("start", ""), "Evidence End": span.get("end", ""),
        "Evidence Text": (span.get("text") or "").replace("\t", " ").replace("\n", " "),
    }
    return {k: str(v) for k, v in row.items()}


def write_plover(events: list[dict[str, Any]], path: Path, docs: dict[str, dict[str, Any]]) -> int:
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for ev in events:
            f.write(json.dumps(to_plover(ev, docs.get(ev.get("doc_id"))), ensure_ascii=False) + "\n")
    return len(events)


def write_polecat(events: list[dict[str, Any]], path: Path, docs: dict[str, dict[str, Any]]) -> int:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=POLECAT_COLUMNS, delimiter="\t", lineterminator="\n")
        w.writeheader()
        for ev in events:
            w.writerow(to_polecat(ev, docs.get(ev.get("doc_id"))))
    return len(events)


def read_plover(path: str | Path) -> list[dict[str, Any]]:
    return [from_plover(json.loads(x)) for x in Path(path).read_text(encoding="utf-8").splitlines() if x.strip()]


def read_polecat(path: str | Path) -> list[dict[str, str]]:
    with Path(path).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))
