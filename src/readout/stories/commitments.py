"""Follow-up of commitments: halts, ceasefires, exchanges, releases, deadlines and ultimatums.

A commitment is announced when an AGREE or CONCEDE event promises it (or a threat sets a
deadline). With a known start date and a duration it is in force until start + duration and
expired afterwards; a later attack by the committed party on the protected party inside that
window is recorded in its history as a possible breach, with its evidence.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from readout.model import stable_id

COMMITTING = ("AGREE", "CONCEDE")
_DAY_UNITS = {"day": 1, "week": 7, "month": 30}


def _parse(value: str | None) -> dt.date | None:
    if not value or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _days(ev: dict[str, Any]) -> int | None:
    for q in ev.get("quantities") or []:
        if q.get("unit") in _DAY_UNITS:
            return int(q["value"] * _DAY_UNITS[q["unit"]])
    return None


def _parties(ev: dict[str, Any], key: str) -> list[dict[str, Any]]:
    return [{"name": a["name"], "country": a.get("country")} for a in ev.get(key) or []]


def build_commitments(events: list[dict[str, Any]], story_date: dict[str, dict[str, Any]],
                      today: dt.date | None = None) -> list[dict[str, Any]]:
    out = []
    for ev in events:
        is_promise = ev["type"] in COMMITTING and ev.get("modality") in ("planned", "asserted") and (
            _days(ev) or ev.get("quantities") or any(w in (ev["evidence"][0]["text"].lower())
                                                     for w in ("waffenruhe", "feuerpause", "waffenstillstand",
                                                               "aussetz", "austausch", "freilass", "entlass",
                                                               "halt", "ceasefire", "release", "exchange")))
        is_deadline = ev["type"] in ("THREATEN", "REQUEST") and ev.get("deadline")
        if not (is_promise or is_deadline):
            continue
        cid = ev.get("cluster_id")
        sdate = (story_date.get(cid) or {}) if cid else {}
        start = ev["date"].get("value") if ev["date"].get("precision") == "day" else None
        start = start or (sdate.get("value") if sdate.get("precision") == "day" else None)
        until = None
        days = _days(ev)
        if is_deadline:
            until = ev["deadline"].get("value") if ev["deadline"].get("precision") == "day" else None
        elif start and days:
            d0 = _parse(start)
            until = (d0 + dt.timedelta(days=days)).isoformat() if d0 else None
        status = "announced"
        history: list[dict[str, Any]] = [{"status": "announced", "date": start, "event_id": ev["id"],
                                          "evidence": ev["evidence"][:1]}]
        d0, d1 = _parse(start), _parse(until)
        if d0 and today and today >= d0 and (d1 is None or today <= d1) and not is_deadline:
            status = "in_force"
            history.append({"status": "in_force", "date": start, "event_id": ev["id"], "evidence": ev["evidence"][:1]})
        if d1 and today and today > d1:
            status = "expired"
            history.append({"status": "expired", "date": until, "event_id": None, "evidence": []})
        # the content clause ("die Angriffe … für 30 Tage auszusetzen") says best what was promised
        qtexts = [q.get("text") or "" for q in ev.get("quantities") or []]
        with_q = [sp for sp in ev["evidence"] if any(t and t in sp["text"] for t in qtexts)]
        what = (with_q or ev["evidence"][1:2] or ev["evidence"][:1])[0]["text"]
        out.append({
            "id": stable_id("com", ev["id"]), "cluster_id": cid, "event_id": ev["id"],
            "what": what if len(what) <= 160 else what[:157] + "…",
            "by": _parties(ev, "actors"), "valid_from": start, "valid_until": until,
            "status": status, "history": history,
        })
    _breaches(out, events)
    _kept(out, events)
    return out


def _concepts(text: str) -> set[str]:
    from readout.stories.build import _concepts as table

    low = text.lower()
    return {name for stem, name in table() if stem in low}


def _kept(commitments: list[dict[str, Any]], events: list[dict[str, Any]]) -> None:
    """A promised exchange or release that a later report says was carried out (RETREAT, asserted)."""
    done = [e for e in events if e["type"] == "RETREAT" and e.get("modality") == "asserted"]
    by_id = {e["id"]: e for e in events}
    for c in commitments:
        if c["status"] == "broken":
            continue
        promise = by_id.get(c["event_id"])
        if promise is None or not ({"prisoners", "exchange"} & _concepts(c["what"])):
            continue
        d0 = _parse(c["valid_from"])
        by = {p.get("country") for p in c["by"]}
        for r in done:
            when = _parse((r.get("date") or {}).get("value"))
            parties = {x.get("country") for x in (r.get("actors") or []) + (r.get("recipients") or [])}
            if r["doc_id"] == promise["doc_id"] or not (by & parties) or (d0 and when and when < d0):
                continue
            if "prisoners" in _concepts(" ".join(sp["text"] for sp in r.get("evidence") or [])):
                c["history"].append({"status": "kept", "date": (r.get("date") or {}).get("value"),
                                     "event_id": r["id"], "evidence": r["evidence"][:1]})
                c["status"] = "kept"
                break


def _breaches(commitments: list[dict[str, Any]], events: list[dict[str, Any]]) -> None:
    """Attacks by a committed party inside the validity window are recorded as possible breaches."""
    attacks = [e for e in events if e["type"] == "ASSAULT" and e.get("modality") == "asserted"
               and (e.get("date") or {}).get("precision") == "day"]
    for c in commitments:
        d0, d1 = _parse(c["valid_from"]), _parse(c["valid_until"])
        if not d0 or not d1:
            continue
        by = {p.get("country") for p in c["by"]}
        # a halt on energy targets is broken by an attack on energy targets, not by any attack
        covered = _concepts(c["what"]) & {"energy", "infrastructure", "black_sea", "nuclear"}
        for a in attacks:
            when = _parse(a["date"]["value"])
            actors = {x.get("country") for x in a.get("actors") or []}
            named = _concepts(" ".join(sp["text"] for sp in a.get("evidence") or []))
            if when and d0 <= when <= d1 and by & actors and (not covered or covered & named):
                c["history"].append({"status": "broken", "date": a["date"]["value"], "event_id": a["id"],
                                     "evidence": a["evidence"][:1]})
                c["status"] = "broken"
