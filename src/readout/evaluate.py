"""Scoring a readout run against a gold file (format readout-gold/1), as SPEC.md describes it.

Users measure readout on their own corpora with it (`readout eval --gold FILE`), for example with a
gold file exported from the events they confirmed (`readout export --what gold`). The rules:

- a predicted event matches a gold event of the same document when its type is the gold type or
  one of its ``alt_types``, one of its evidence spans (at most 500 characters) overlaps an anchor,
  and the country codes of its actors and recipients share at least half their union with the
  gold ``countries``; each event matches at most once, exact types and larger overlaps first;
- precision, recall and F1 count required gold events only (optional ones are neither misses
  nor false alarms when matched);
- on matched events: countries (Jaccard), direction (actors equal to gold ``actors``), date (1 for
  the true or finest allowed value, 0.5 for a correct coarser value, 1 for abstaining when the text
  allows no date), modality (asserted and planned agree for AGREE/CONCEDE), claimer (of the claims
  whose evidence overlaps the anchors), duration (within 15 %), quantities (gold ⊆ predicted), mode;
- stories pairwise over matched events; a discrepancy is found when one record's accounts cover two
  of its anchors; grounding counts evidence spans whose text equals the document slice.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

MAX_SPAN = 500


def _codes(actors: list[dict[str, Any]] | None) -> set[str]:
    return {a.get("country") or f"IGO:{a['org']}" for a in actors or [] if a.get("country") or a.get("org")}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def _anchor_spans(anchors: list[str], text: str) -> list[tuple[int, int]]:
    out = []
    for a in anchors:
        i = text.find(a)
        while i >= 0:
            out.append((i, i + len(a)))
            i = text.find(a, i + 1)
    return out


def _spans(evidence: list[dict[str, Any]] | None, doc: str, text: str) -> list[tuple[int, int]]:
    out = []
    for sp in evidence or []:
        s, e = sp.get("start"), sp.get("end")
        if sp.get("doc_id", doc) == doc and isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text) \
                and e - s <= MAX_SPAN:
            out.append((s, e))
    return out


def _overlaps(xs: list[tuple[int, int]], ys: list[tuple[int, int]]) -> bool:
    return any(a < d and c < b for a, b in xs for c, d in ys)


def _as_list(x: Any) -> list[Any]:
    return x if isinstance(x, list) else [x]


def _date_credit(g: dict[str, Any], pred: dict[str, Any] | None) -> float:
    value = (pred or {}).get("value")
    truth = _as_list(g["date"])
    finest = g.get("date_text", g["date"]) if "date_text" in g else g["date"]
    if value is None:
        return 1.0 if finest is None else 0.0
    if value in truth or (finest is not None and value in _as_list(finest)):
        return 1.0
    return 0.5 if any(str(t).startswith(value) for t in truth) else 0.0


def score(gold: dict[str, Any], texts: dict[str, str], events: list[dict[str, Any]],
          discrepancies: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for p in events:
        by_doc.setdefault(p.get("doc_id"), []).append(p)
    tp = fp = fn = 0
    exact = total = 0
    args: dict[str, list[float]] = {k: [] for k in ("countries", "direction", "date", "modality", "claimer",
                                                     "duration", "quantities", "mode")}
    matched: list[tuple[dict[str, Any], dict[str, Any]]] = []
    missed: list[str] = []
    for d in gold["docs"]:
        doc, text = d["doc_id"], texts.get(d["doc_id"], "")
        preds = by_doc.get(doc, [])
        for p in preds:
            for sp in (p.get("evidence") or []) + [e for c in p.get("claims") or [] for e in c.get("evidence") or []]:
                total += 1
                exact += isinstance(sp.get("start"), int) and text[sp["start"]:sp.get("end", 0)] == sp.get("text")
        pairs = []
        for gi, g in enumerate(d["events"]):
            gsp = _anchor_spans(g["anchors"], text)
            for pi, p in enumerate(preds):
                if p.get("type") != g["type"] and p.get("type") not in g.get("alt_types", []):
                    continue
                if not _overlaps(_spans(p.get("evidence"), doc, text), gsp):
                    continue
                j = _jaccard(_codes(p.get("actors")) | _codes(p.get("recipients")), set(g["countries"]))
                if j >= 0.5:
                    pairs.append((-(p.get("type") == g["type"]), -j, gi, pi))
        pairs.sort()
        g_used: dict[int, int] = {}
        p_used: set[int] = set()
        for _, _, gi, pi in pairs:
            if gi not in g_used and pi not in p_used:
                g_used[gi] = pi
                p_used.add(pi)
        for gi, g in enumerate(d["events"]):
            if not g.get("required", True):
                continue
            if gi in g_used:
                tp += 1
                matched.append((g, preds[g_used[gi]]))
                _arguments(g, preds[g_used[gi]], doc, text, args)
            else:
                fn += 1
                missed.append(g["id"])
        fp += sum(1 for pi in range(len(preds)) if pi not in p_used)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    story = [(g, pr) for g, pr in matched if g.get("story")]
    gold_pairs = sum(1 for a, b in combinations([g for d in gold["docs"] for g in d["events"]
                                                 if g.get("required", True) and g.get("story")], 2)
                     if a["story"] == b["story"])
    same = ok = 0
    for (g1, p1), (g2, p2) in combinations(story, 2):
        if p1.get("cluster_id") and p1.get("cluster_id") == p2.get("cluster_id"):
            same += 1
            ok += g1["story"] == g2["story"]
    found = None
    if discrepancies is not None:
        found = 0
        for gd in gold.get("discrepancies", []):
            anchors = [(doc, a) for doc, al in gd["anchors"].items() for a in al]
            need = min(2, len(anchors))
            for pd in discrepancies:
                hit = {(doc, a) for acc in pd.get("accounts") or [] for doc, a in anchors
                       if _overlaps(_spans(acc.get("evidence"), doc, texts.get(doc, "")),
                                    _anchor_spans([a], texts.get(doc, "")))}
                if len(hit) >= need:
                    found += 1
                    break
    return {
        "events": {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 3), "recall": round(r, 3),
                   "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0},
        "arguments": {k: (round(sum(v) / len(v), 3) if v else None) for k, v in args.items()},
        "grounding": {"exact_spans": exact, "spans": total},
        "stories": {"pair_precision": round(ok / same, 3) if same else 0.0,
                    "pair_recall": round(ok / gold_pairs, 3) if gold_pairs else 0.0, "gold_pairs": gold_pairs},
        "discrepancies": None if found is None else {"gold": len(gold.get("discrepancies", [])), "found": found},
        "missed": missed,
    }


def _arguments(g: dict[str, Any], p: dict[str, Any], doc: str, text: str, args: dict[str, list[float]]) -> None:
    codes = _codes(p.get("actors")) | _codes(p.get("recipients"))
    args["countries"].append(_jaccard(codes, set(g["countries"])))
    if g.get("actors"):
        args["direction"].append(float(_codes(p.get("actors")) == set(g["actors"])))
    if "date" in g:
        args["date"].append(_date_credit(g, p.get("date")))
    if g.get("modality", "any") != "any":
        pm = p.get("modality", "asserted")
        want = set(_as_list(g["modality"]))  # gold may accept several ("negated" or "asserted")
        if g["type"] in ("AGREE", "CONCEDE") and want & {"asserted", "planned"}:
            want |= {"asserted", "planned"}
        ok = pm in want
        args["modality"].append(float(ok))
    if g.get("claimer", "any") != "any":
        gsp = _anchor_spans(g["anchors"], text)
        claims = [c for c in p.get("claims") or [] if _overlaps(_spans(c.get("evidence"), doc, text), gsp)] \
            or p.get("claims") or [{"claimer": None}]
        got = {((c.get("claimer") or {}).get("country") or (f"IGO:{c['claimer']['org']}" if (c.get("claimer") or {}).get("org")
                                                              else None)) for c in claims}
        args["claimer"].append(float(bool(set(_as_list(g["claimer"])) & got)))
    if g.get("duration_minutes"):
        dm = p.get("duration_minutes")
        args["duration"].append(float(isinstance(dm, int | float) and abs(dm - g["duration_minutes"]) <= 0.15 * g["duration_minutes"]))
    if g.get("quantities"):
        have = {float(q["value"]) for q in p.get("quantities") or [] if isinstance(q, dict) and "value" in q}
        args["quantities"].append(float({float(q) for q in g["quantities"]} <= have))
    if g.get("mode"):
        args["mode"].append(float(p.get("mode") in _as_list(g["mode"])))
