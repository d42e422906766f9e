"""Accounts compared: where the parties' accounts of one story disagree.

Claims are grouped by side (the claimer's country or organisation). Three kinds of disagreement:
tone (one side positive about the contact, the other negative), contradiction (the same kind of
outcome told with different numbers or scope) and omission (an article says one side's account
leaves a point out, or a condition appears in one side's account only).
"""

from __future__ import annotations

import re
from typing import Any

from readout.claims.tone import polarity
from readout.model import stable_id


def _side(claimer: dict[str, Any] | None) -> str | None:
    if not claimer:
        return None
    return claimer.get("country") or (f"IGO:{claimer['org']}" if claimer.get("org") else None)


def _acc(claimer: dict[str, Any] | None, evidence: list[dict[str, Any]]) -> dict[str, Any]:
    c = {"name": claimer.get("name"), "country": claimer.get("country")} if claimer else None
    return {"claimer": c, "evidence": evidence}


def compare_story(cid: str, events: list[dict[str, Any]], documents: dict[str, str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    out += _tone(cid, events)
    out += _contradictions(cid, events)
    out += _omissions(cid, events, documents)
    return out


def _tone(cid: str, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_side: dict[str, dict[str, list[tuple[dict[str, Any], dict[str, Any]]]]] = {}
    for ev in events:
        if ev["type"] != "CONSULT":
            continue
        for c in ev.get("claims") or []:
            side, tone = _side(c.get("claimer")), c.get("tone")
            if not side or not tone:
                continue
            pol = polarity(tone)
            if pol in ("positive", "negative"):
                by_side.setdefault(side, {}).setdefault(pol, []).append((c, ev))
    out = []
    sides = sorted(by_side)
    for i, a in enumerate(sides):
        for b in sides[i + 1:]:
            for pa, pb in (("positive", "negative"), ("negative", "positive")):
                ca, cb = by_side[a].get(pa), by_side[b].get(pb)
                if not ca or not cb:
                    continue
                acc = [
                    _acc(ca[0][0]["claimer"], [e for c, _ in ca for e in c["evidence"]]),
                    _acc(cb[0][0]["claimer"], [e for c, _ in cb for e in c["evidence"]]),
                ]
                tones_a = ", ".join(sorted({c["tone"] for c, _ in ca}))
                tones_b = ", ".join(sorted({c["tone"] for c, _ in cb}))
                out.append({"id": stable_id("dis", cid, "tone", a, pa, b, pb), "cluster_id": cid, "kind": "tone",
                            "about": f"{a} calls the contact {pa} ({tones_a}); {b} {pb} ({tones_b})",
                            "accounts": acc})
    return out


def _scope_words(ev: dict[str, Any]) -> set[str]:
    words = set()
    for sp in ev.get("evidence") or []:
        for w in re.findall(r"[A-ZÄÖÜ][\wäöüß-]{3,}", sp["text"]):
            words |= {p for p in w.lower().split("-") if len(p) > 3}
    return words


def _concepts_of(ev: dict[str, Any]) -> set[str]:
    from readout.stories.build import _concepts

    low = " ".join(sp["text"] for sp in ev.get("evidence") or []).lower()
    return {name for stem, name in _concepts() if stem in low}


def _contradictions(cid: str, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same kind of outcome from two sides or articles, with different numbers or scope
    ("500 for 500" against "300 servicemen from each side"; "Energie und Infrastruktur" against
    "Energie-Infrastruktur")."""
    cands = [e for e in events if e["type"] in ("AGREE", "CONCEDE", "RETREAT") and e.get("claims")]
    found: list[tuple[int, dict[str, Any]]] = []
    for i, a in enumerate(cands):
        for b in cands[i + 1:]:
            sa = {_side(c.get("claimer")) for c in a["claims"]} - {None}
            sb = {_side(c.get("claimer")) for c in b["claims"]} - {None}
            if not sa or not sb or sa == sb or a["doc_id"] == b["doc_id"]:
                continue
            ca, cb = _concepts_of(a), _concepts_of(b)
            wa, wb = _scope_words(a), _scope_words(b)
            shared = {w for w in wa if any(w in x or x in w for x in wb)}
            if not (ca & cb) and len(shared) < 2:
                continue  # not about the same thing
            qa = {q["value"] for q in a.get("quantities") or [] if q.get("unit") != "day" or True}
            qb = {q["value"] for q in b.get("quantities") or []}
            diff_q = bool(qa) and bool(qb) and qa != qb
            diff_scope = not (qa or qb) and len(shared) >= 2 and bool(wa - shared) and bool(wb - shared)
            if not (diff_q or diff_scope):
                continue
            about = "different terms for the same outcome"
            if diff_q:
                about += f": numbers {sorted(qa)} vs {sorted(qb)}"
            strength = (2 if diff_q else 1) + len(ca & cb)
            found.append((strength, {"id": stable_id("dis", cid, "contradiction", a["id"], b["id"]), "cluster_id": cid,
                                     "kind": "contradiction", "about": about,
                                     "accounts": [_acc(a["claims"][0].get("claimer"), a["evidence"]),
                                                  _acc(b["claims"][0].get("claimer"), b["evidence"])]}))
    found.sort(key=lambda x: -x[0])
    return [d for _, d in found]


def _omissions(cid: str, events: list[dict[str, Any]], documents: dict[str, str]) -> list[dict[str, Any]]:
    """An article saying that one account leaves out what the other contains (links 'omitted_by')."""
    out = []
    del documents
    for ev in events:
        for ln in ev.get("links") or []:
            if ln.get("rel") != "omitted_by":
                continue
            holder = ev["claims"][0].get("claimer") if ev.get("claims") else None
            if _side(holder) == _side(ln.get("claimer")):
                holder = None
            out.append({"id": stable_id("dis", cid, "omission", ev["id"], ln["evidence"][0]["start"]),
                        "cluster_id": cid, "kind": "omission",
                        "about": f"{ev.get('summary') or ev['type']} is in one account, not in the other",
                        "accounts": [_acc(holder, ev["evidence"]), _acc(ln.get("claimer"), ln["evidence"])]})
    return out
