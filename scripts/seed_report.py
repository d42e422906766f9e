"""Developer report on a scored run: every gold event with the prediction it matched (or MISS),
every unmatched prediction (FP), and cluster ids, so that changes can be judged case by case.

    python scripts/seed_report.py out/events.jsonl [../shared/gold/seeds.json ../shared/corpus/seeds]
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

events_path = sys.argv[1]
gold_path = sys.argv[2] if len(sys.argv) > 2 else "../shared/gold/seeds.json"
corpus = sys.argv[3] if len(sys.argv) > 3 else "../shared/corpus/seeds"
spec = importlib.util.spec_from_file_location("score", Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py")
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)

gold = json.load(open(gold_path, encoding="utf-8"))
preds = score.load_jsonl(events_path)
for d in gold["docs"]:
    doc = d["doc_id"]
    text = (Path(corpus) / f"{doc}.txt").read_text(encoding="utf-8")
    ps = [p for p in preds if p["doc_id"] == doc]
    pspans = [score.spans_of(p.get("evidence"), doc, text) for p in ps]
    pairs = []
    for gi, g in enumerate(d["events"]):
        gsp = score.anchor_spans(g["anchors"], text)
        for pi, p in enumerate(ps):
            if p["type"] != g["type"] and p["type"] not in g["alt_types"]:
                continue
            if not score.overlaps(pspans[pi], gsp):
                continue
            j = score.jaccard(score.keys(p["actors"]) | score.keys(p["recipients"]), set(g["countries"]))
            if j >= 0.5:
                pairs.append((-(p["type"] == g["type"]), -j, gi, pi))
    pairs.sort()
    gu, pu = {}, {}
    for _, _, gi, pi in pairs:
        if gi in gu or pi in pu:
            continue
        gu[gi], pu[pi] = pi, gi
    print(f"=== {doc}")
    for gi, g in enumerate(d["events"]):
        tag = "" if g["required"] else " (optional)"
        if gi in gu:
            p = ps[gu[gi]]
            print(f"  ok   {g['id']:<24} {g['type']:<9} {g.get('story') or '-':<24} {p.get('cluster_id')}{tag}")
        else:
            # the nearest predictions by span, to see why it failed
            gsp = score.anchor_spans(g["anchors"], text)
            near = [f"{p['type']}:{sorted(score.keys(p['actors']) | score.keys(p['recipients']))}"
                    for pi, p in enumerate(ps) if score.overlaps(pspans[pi], gsp)]
            print(f"  MISS {g['id']:<24} {g['type']:<9} want {sorted(g['countries'])} near {near}{tag}")
    for pi, p in enumerate(ps):
        if pi not in pu:
            ev = p["evidence"][0]["text"][:90].replace("\n", " ")
            print(f"  FP   {p['type']:<9} {sorted(score.keys(p['actors']) | score.keys(p['recipients']))} "
                  f"{p['modality']:<12} «{ev}»")
