"""Analyst corrections, kept apart from machine output.

A correction confirms, edits or rejects an event, merges two stories or splits events off a story,
or adds a person or role to the knowledge base. Corrections live in their own table and in a
sidecar file next to the database (``<db>.corrections.jsonl``), so they survive a re-run that
rebuilds the database from scratch; machine records are never changed by them. They are applied
on the way out (exports, API, stories) and marked there: every corrected event carries a
``review`` object with the status, who and when, and the machine's original values.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from readout.model import stable_id

KINDS = ("confirm", "reject", "edit", "merge", "split", "kb_add")
EDITABLE = ("type", "mode", "modality", "actors", "recipients", "date", "location")


class CorrectionError(ValueError):
    pass


def sidecar(db_path: str | Path) -> Path:
    return Path(str(db_path) + ".corrections.jsonl")


class Corrections:
    """The corrections of one database (``store`` is a readout.store.Store)."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.path = sidecar(store.path) if store.path != ":memory:" else None
        self._table = self._ensure_table()
        if self._table and self.path and self.path.exists() and not self._rows():
            for rec in self._read_sidecar():  # a fresh database after a re-run: take them back
                self._insert(rec)

    def _ensure_table(self) -> bool:
        try:
            self.store.con.execute("CREATE TABLE IF NOT EXISTS corrections (id VARCHAR PRIMARY KEY, seq INTEGER, "
                                   "record VARCHAR)")
            return True
        except Exception:  # a read-only connection: read the table if it is there, else the sidecar
            try:
                self.store.con.execute("SELECT 1 FROM corrections LIMIT 1")
                return True
            except Exception:
                return False

    def _rows(self) -> list[dict[str, Any]]:
        if not self._table:
            return []
        return [json.loads(r[0]) for r in self.store.con.execute("SELECT record FROM corrections ORDER BY seq").fetchall()]

    def _read_sidecar(self) -> list[dict[str, Any]]:
        if not self.path or not self.path.exists():
            return []
        return [json.loads(x) for x in self.path.read_text(encoding="utf-8").splitlines() if x.strip()]

    def _insert(self, rec: dict[str, Any]) -> None:
        seq = self.store.con.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM corrections").fetchone()[0]
        self.store.con.execute("INSERT OR REPLACE INTO corrections VALUES (?, ?, ?)",
                               [rec["id"], seq, json.dumps(rec, ensure_ascii=False)])

    def all(self) -> list[dict[str, Any]]:
        return self._rows() if self._table else self._read_sidecar()

    def add(self, kind: str, target: str | list[str], changes: dict[str, Any] | None = None,
            author: str | None = None, note: str | None = None) -> dict[str, Any]:
        """Record one correction after checking it makes sense for the stored data."""
        if kind not in KINDS:
            raise CorrectionError(f"unknown correction {kind!r}; choose one of {', '.join(KINDS)}")
        changes = dict(changes or {})
        targets = [target] if isinstance(target, str) else list(target)
        events = {e["id"]: e for e in self.store.events()}
        if kind in ("confirm", "reject", "edit"):
            for t in targets:
                if t not in events:
                    raise CorrectionError(f"no event {t!r} in {self.store.path}")
        if kind == "edit":
            bad = [k for k in changes if k not in EDITABLE]
            if bad or not changes:
                raise CorrectionError(f"edit needs fields among {', '.join(EDITABLE)}" + (f"; not {bad}" if bad else ""))
        if kind in ("merge", "split"):
            stories = {e.get("cluster_id") for e in events.values()}
            if kind == "merge" and (len(targets) < 2 or any(t not in stories for t in targets)):
                raise CorrectionError("merge needs two or more existing story ids")
            if kind == "split":
                ids = changes.get("event_ids") or []
                if len(targets) != 1 or targets[0] not in stories or not ids or any(
                        events.get(i, {}).get("cluster_id") != targets[0] for i in ids):
                    raise CorrectionError("split needs one story id and event ids of that story")
        if kind == "kb_add":
            if not changes.get("name") or not (changes.get("country") or changes.get("org")):
                raise CorrectionError("kb_add needs a name and a country or org")
        at = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        rec = {"id": stable_id("cor", kind, *targets, json.dumps(changes, sort_keys=True), at), "kind": kind,
               "target": targets if len(targets) > 1 else targets[0], "changes": changes, "author": author,
               "note": note, "at": at}
        if self._table:
            self._insert(rec)
        if self.path:
            with self.path.open("a", encoding="utf-8") as f:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return rec


def apply_to_events(events: list[dict[str, Any]], corrections: list[dict[str, Any]],
                    keep_rejected: bool = False) -> list[dict[str, Any]]:
    """Machine events with the analysts' corrections applied and marked (``review``)."""
    by_id = {e["id"]: dict(e) for e in events}
    for c in corrections:
        targets = c["target"] if isinstance(c["target"], list) else [c["target"]]
        review = {"status": None, "by": c.get("author"), "at": c.get("at"), "note": c.get("note"), "correction": c["id"]}
        if c["kind"] in ("confirm", "reject"):
            for t in targets:
                if t in by_id:
                    by_id[t]["review"] = {**review, "status": "confirmed" if c["kind"] == "confirm" else "rejected"}
        elif c["kind"] == "edit":
            for t in targets:
                ev = by_id.get(t)
                if ev is None:
                    continue
                original = {k: ev.get(k) for k in c["changes"]}
                ev.update(c["changes"])
                prev = ev.get("review") or {}
                ev["review"] = {**review, "status": "edited", "original": {**original, **(prev.get("original") or {})}}
        elif c["kind"] == "merge":
            keep = targets[0]
            for ev in by_id.values():
                if ev.get("cluster_id") in targets[1:]:
                    ev["cluster_id"] = keep
        elif c["kind"] == "split":
            new = stable_id("story", "split", *sorted(c["changes"]["event_ids"]))
            for i in c["changes"]["event_ids"]:
                if i in by_id:
                    by_id[i]["cluster_id"] = new
    out = [by_id[e["id"]] for e in events]
    return out if keep_rejected else [e for e in out if (e.get("review") or {}).get("status") != "rejected"]


def kb_entries(corrections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """People and roles analysts added, as knowledge-base entries (people.jsonl format)."""
    out = []
    for c in corrections:
        if c["kind"] != "kb_add":
            continue
        ch = c["changes"]
        role = {"title": ch.get("title") or "", "country": ch.get("country"), "org": ch.get("org"),
                "sector": ch.get("sector") or "GOV", "start": ch.get("start") or "1900-01-01", "end": ch.get("end")}
        out.append({"id": stable_id("person", "user", ch["name"]), "kind": "person", "name": ch["name"],
                    "names": sorted({ch["name"], *ch.get("names", [])}), "wikidata": ch.get("wikidata"),
                    "nationality": ch.get("country"), "roles": [role] if ch.get("title") else [],
                    "source": f"analyst correction {c['id']}"})
    return out


def gold_from_confirmed(events: list[dict[str, Any]], corpus: str = "readout") -> dict[str, Any]:
    """Confirmed and edited events as a gold file (format readout-gold/1) for `readout eval`."""
    docs: dict[str, list[dict[str, Any]]] = {}
    for ev in events:
        if (ev.get("review") or {}).get("status") not in ("confirmed", "edited"):
            continue
        codes = sorted({a.get("country") or f"IGO:{a['org']}" for a in (ev.get("actors") or []) + (ev.get("recipients") or [])
                        if a.get("country") or a.get("org")})
        claimers = sorted({(c.get("claimer") or {}).get("country") for c in ev.get("claims") or []} - {None})
        docs.setdefault(ev["doc_id"], []).append({
            "id": ev["id"], "type": ev["type"], "alt_types": [], "countries": codes,
            "anchors": [sp["text"] for sp in ev.get("evidence") or []], "modality": ev.get("modality", "any"),
            "claimer": claimers if claimers else None, "date": (ev.get("date") or {}).get("value"),
            "mode": ev.get("mode"), "story": ev.get("cluster_id"), "required": True,
        })
    return {"corpus": corpus, "format": "readout-gold/1",
            "docs": [{"doc_id": d, "events": evs} for d, evs in sorted(docs.items())], "discrepancies": []}


def story_moves(events: list[dict[str, Any]], corrections: list[dict[str, Any]]) -> dict[str, str]:
    """Event id -> story id for the merges and splits analysts made, on the current grouping."""
    cluster = {e["id"]: e.get("cluster_id") for e in events}
    moves: dict[str, str] = {}
    for c in corrections:
        targets = c["target"] if isinstance(c["target"], list) else [c["target"]]
        if c["kind"] == "merge":
            keep = targets[0]
            for eid, cid in cluster.items():
                if moves.get(eid, cid) in targets[1:]:
                    moves[eid] = keep
        elif c["kind"] == "split":
            new = stable_id("story", "split", *sorted(c["changes"]["event_ids"]))
            for eid in c["changes"]["event_ids"]:
                if eid in cluster:
                    moves[eid] = new
    return moves
