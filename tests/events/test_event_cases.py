"""The event cases (tests/events/cases_de.jsonl, cases_en.jsonl), written for the tests, not from the seeds.

Each case is run through the whole per-document pipeline. Every expected event must be found
with the right type (trigger overlap + type); then countries, modality and claimer are compared.
Scores are ratchets: the test fails when a change makes the extractor worse than recorded.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from readout.ingest import load_document
from readout.pipeline import process_document

HERE = Path(__file__).parent
CASES = {"de": HERE / "cases_de.jsonl", "en": HERE / "cases_en.jsonl"}

# Best values recorded (see the closing notes of issues 5 and 9); raise them as the extractor improves.
RATCHET = {
    "de": {"recall": 0.88, "precision": 0.84, "modality": 0.94, "claimer": 0.85, "countries": 0.71},
    "en": {"recall": 0.90, "precision": 0.91, "modality": 0.91, "claimer": 0.88, "countries": 0.72},
}


def _cases(lang: str = "de") -> list[dict]:
    return [json.loads(x) for x in CASES[lang].read_text(encoding="utf-8").splitlines() if x.strip()]


def _keys(actors: list[dict]) -> set[str]:
    return {a.get("country") or f"IGO:{a['org']}" for a in actors if a.get("country") or a.get("org")}


def _run(case: dict) -> list[dict]:
    from readout.model import to_record

    meta = {"published": case["published"]} if case.get("published") else {}
    meta["language"] = case.get("language")
    doc = load_document(case["id"], case["text"], meta, source="cases_de.jsonl")
    process_document(doc)
    return [to_record(e) for e in doc.events]


def evaluate(lang: str = "de") -> tuple[dict[str, float], list[str]]:
    tally: Counter[str] = Counter()
    misses = []
    for case in _cases(lang):
        case = {**case, "language": lang}
        preds = _run(case)
        used = set()
        for gold in case["events"]:
            t0 = case["text"].find(gold["trigger"])
            t1 = t0 + len(gold["trigger"])
            hit = None
            for i, p in enumerate(preds):
                if i in used or p["type"] != gold["type"]:
                    continue
                if any(s["start"] < t1 and t0 < s["end"] for s in p["evidence"]):
                    hit = i
                    break
            tally["gold"] += 1
            if hit is None:
                misses.append(f"{case['id']}: missed {gold['type']} '{gold['trigger']}'")
                continue
            used.add(hit)
            p = preds[hit]
            tally["tp"] += 1
            want = set(gold["actors"]) | set(gold["recipients"])
            got = _keys(p["actors"]) | _keys(p["recipients"])
            tally["countries"] += want == got
            tally["modality"] += p["modality"] == gold["modality"] or (
                gold["type"] in ("AGREE", "CONCEDE") and {p["modality"], gold["modality"]} <= {"asserted", "planned"})
            # the claimer's key as the official scorer takes it: a country, or "IGO:<org>" for an organisation
            claimers = {next(iter(_keys([c["claimer"]])), None) if c["claimer"] else None for c in p["claims"]} or {None}
            tally["claimer"] += gold["claimer"] in claimers
        tally["pred"] += len(preds)
        tally["fp"] += len(preds) - len(used)
    tp = tally["tp"] or 1
    scores = {
        "recall": tally["tp"] / max(1, tally["gold"]),
        "precision": tally["tp"] / max(1, tally["pred"]),
        "modality": tally["modality"] / tp,
        "claimer": tally["claimer"] / tp,
        "countries": tally["countries"] / tp,
    }
    return scores, misses


@pytest.mark.parametrize("lang", ["de", "en"])
def test_cases_are_well_formed(lang):
    cases = _cases(lang)
    assert len(cases) >= 150
    assert {e["type"] for c in cases for e in c["events"]} >= {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
        "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
    for case in cases:
        for ev in case["events"]:
            assert ev["trigger"] in case["text"], case["id"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_event_cases_do_not_fall_below_the_ratchet(lang):
    scores, misses = evaluate(lang)
    print(json.dumps(scores, indent=1))
    for k, floor in RATCHET[lang].items():
        assert scores[k] >= floor, (k, scores[k], misses[:20])


# Written blind to the code by another annotator (tests/events/holdout_*.jsonl). First measured before any rule
# saw them (en recall .64 precision .67, de recall .61 precision .80); since then they guided lexicon work too.
HOLDOUT = {
    "de": {"recall": 0.87, "precision": 0.87},
    "en": {"recall": 0.80, "precision": 0.80},
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_holdout_sentences_do_not_fall_below_the_ratchet(lang, monkeypatch):
    monkeypatch.setitem(CASES, lang, HERE / f"holdout_{lang}.jsonl")
    scores, misses = evaluate(lang)
    print(json.dumps(scores, indent=1))
    for k, floor in HOLDOUT[lang].items():
        assert scores[k] >= floor, (k, scores[k], misses[:20])


# Later blind sets (eval/holdout{2,3}_*.jsonl), written by other annotators without seeing the code; their first,
# untuned figures are in docs/events.md (set 2: en R .75 P .72, de R .60 P .78; set 3: en R .73 P .72, de R .75
# P .80; set 4: en R .66 P .72, de R .68 P .86). They guided work afterwards, so these floors are in-sample ratchets.
LATER_HOLDOUTS = {
    ("holdout2", "de"): {"recall": 0.78, "precision": 0.83},
    ("holdout2", "en"): {"recall": 0.86, "precision": 0.86},
    ("holdout3", "de"): {"recall": 0.85, "precision": 0.91},
    ("holdout3", "en"): {"recall": 0.86, "precision": 0.90},
    ("holdout4", "de"): {"recall": 0.80, "precision": 0.91},
    ("holdout4", "en"): {"recall": 0.80, "precision": 0.84},
}


@pytest.mark.parametrize("name,lang", sorted(LATER_HOLDOUTS))
def test_later_blind_sets_do_not_fall_below_the_ratchet(name, lang, monkeypatch):
    monkeypatch.setitem(CASES, lang, HERE.parent.parent / "eval" / f"{name}_{lang}.jsonl")
    scores, misses = evaluate(lang)
    for k, floor in LATER_HOLDOUTS[(name, lang)].items():
        assert scores[k] >= floor, (name, k, scores[k], misses[:20])


if __name__ == "__main__":  # python tests/events/test_event_cases.py [de|en]: the per-case report
    import sys

    s, m = evaluate(sys.argv[1] if len(sys.argv) > 1 else "de")
    print("\n".join(m))
    print(json.dumps(s, indent=1))
