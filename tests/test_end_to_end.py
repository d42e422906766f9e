"""`readout run` on the seed articles: schema-valid records, exact evidence, stable ids, scorer ratchet."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from readout.pipeline import run
from readout.schemas import validate

# The best seed event F1 recorded so far; the test fails when a change drops below it.
# Raise it when the extractor improves (never lower it to make a change pass).
SEED_F1_RATCHET = 0.90


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _texts(seeds_dir: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}


def _spans(rec: dict) -> list[dict]:
    spans = list(rec.get("evidence") or [])
    for c in rec.get("claims") or []:
        spans += c.get("evidence") or []
    for a in rec.get("accounts") or []:
        spans += a.get("evidence") or []
    for c in rec.get("conditions") or []:
        spans += c.get("evidence") or []
    for h in rec.get("history") or []:
        spans += h.get("evidence") or []
    return spans


def test_run_writes_the_three_exports(seed_run):
    for name in ("events", "discrepancies", "commitments"):
        assert (seed_run / f"{name}.jsonl").exists()
    assert (seed_run / "readout.duckdb").exists()
    assert _jsonl(seed_run / "events.jsonl"), "no events found in the seed articles"


@pytest.mark.parametrize("name", ["events", "discrepancies", "commitments"])
def test_every_record_is_schema_valid(seed_run, name):
    for rec in _jsonl(seed_run / f"{name}.jsonl"):
        validate(name, rec)


@pytest.mark.parametrize("name", ["events", "discrepancies", "commitments"])
def test_every_evidence_span_is_an_exact_slice(seed_run, seeds_dir, name):
    texts = _texts(seeds_dir)
    n = 0
    for rec in _jsonl(seed_run / f"{name}.jsonl"):
        for sp in _spans(rec):
            assert texts[sp["doc_id"]][sp["start"]:sp["end"]] == sp["text"], sp
            assert sp["end"] - sp["start"] <= 500
            n += 1
    if name == "events":
        assert n > 0


def test_ids_are_stable_between_runs(seed_run, seeds_dir, tmp_path):
    run([str(seeds_dir)], tmp_path)
    first = [(r["id"], r["cluster_id"]) for r in _jsonl(seed_run / "events.jsonl")]
    again = [(r["id"], r["cluster_id"]) for r in _jsonl(tmp_path / "events.jsonl")]
    assert first == again
    assert len({i for i, _ in first}) == len(first), "event ids must be unique"


def test_no_event_takes_the_publication_date_silently(seed_run):
    for rec in _jsonl(seed_run / "events.jsonl"):
        d = rec["date"]
        if d["value"]:
            assert d.get("basis"), rec


SHARED = Path(__file__).resolve().parents[2] / "shared"


def _scorer():
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        pytest.skip("../shared/eval/score.py is not next to this checkout")
    spec = importlib.util.spec_from_file_location("readout_seed_scorer", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_seed_scores_do_not_fall_below_the_ratchet(seed_run):
    scorer = _scorer()
    gold = json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))
    res = scorer.score(gold, str(SHARED / "corpus" / "seeds"), _jsonl(seed_run / "events.jsonl"),
                       _jsonl(seed_run / "discrepancies.jsonl"))
    assert res["grounding"]["exact_spans"] == res["grounding"]["spans"]
    assert res["events"]["f1"] >= SEED_F1_RATCHET, res["events"]
    # every argument score of issue 5, stories and discrepancies of issue 6
    for name, value in res["arguments"].items():
        assert value is None or value >= 0.80, (name, res["arguments"])
    assert res["stories"]["pair_precision"] >= 0.95 and res["stories"]["pair_recall"] >= 0.90, res["stories"]
    assert res["discrepancies"]["found"] == res["discrepancies"]["gold"], res["discrepancies"]


# Own corpora with own gold (eval/): German dev-news, English en-dev, and the blind articles written by another
# annotator without seeing the code (first measured untuned: German F1 .557, English .512). In-sample ratchets.
OWN_CORPORA = {
    "dev-news": (SHARED / "corpus" / "dev-news", Path(__file__).resolve().parents[1] / "eval" / "dev-news.gold.json", 0.80),
    "en-dev": (Path(__file__).resolve().parents[1] / "eval" / "en-dev", Path(__file__).resolve().parents[1] / "eval"
               / "en-dev.gold.json", 0.86),
    "blind-articles": (Path(__file__).resolve().parents[1] / "eval" / "blind-articles",
                       Path(__file__).resolve().parents[1] / "eval" / "blind-articles" / "gold.json", 0.71),
}


@pytest.mark.parametrize("name", sorted(OWN_CORPORA))
def test_own_corpora_do_not_fall_below_the_ratchet(name, tmp_path):
    corpus, gold_path, floor = OWN_CORPORA[name]
    if not corpus.exists():
        pytest.skip(f"{corpus} is not next to this checkout")
    scorer = _scorer()
    run([str(corpus)], tmp_path / "out")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    res = scorer.score(gold, str(corpus), _jsonl(tmp_path / "out" / "events.jsonl"),
                       _jsonl(tmp_path / "out" / "discrepancies.jsonl"))
    assert res["events"]["f1"] >= floor, res["events"]
