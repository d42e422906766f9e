"""Analyst corrections: stored apart, applied and marked in exports, kept across re-runs, scored."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from readout.pipeline import run


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "readout.cli", *args], capture_output=True, text=True)


def _events(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


DOCS = {
    "a": " date 2025-06-11 Berlin | Bundeskanzler Friedrich Merz hat am Dienstag mit dem französischen Präsidenten "
         "Emmanuel Macron telefoniert. Die EU drohte Russland mit neuen Sanktionen.",
}


def _setup(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for k, v in DOCS.items():
        (src / f"{k}.txt").write_text(v, encoding="utf-8")
    out = tmp_path / "out"
    run([str(src)], out)
    return out


def test_confirm_edit_reject_are_marked_and_survive_a_rerun(tmp_path):
    out = _setup(tmp_path)
    db = str(out / "readout.duckdb")
    evs = {e["type"]: e for e in _events(out / "events.jsonl")}
    call, threat = evs["CONSULT"], evs["THREATEN"]
    assert _cli("review", "confirm", call["id"], "--db", db, "--by", "ana").returncode == 0
    assert _cli("review", "edit", threat["id"], "--modality", "planned", "--db", db).returncode == 0
    bad = _cli("review", "edit", "ev-nope", "--modality", "planned", "--db", db)
    assert bad.returncode == 2 and "no event" in bad.stderr
    exp = tmp_path / "e.jsonl"
    assert _cli("export", "--db", db, "--what", "events", "-o", str(exp)).returncode == 0
    got = {e["id"]: e for e in _events(exp)}
    assert got[call["id"]]["review"]["status"] == "confirmed"
    assert got[threat["id"]]["modality"] == "planned"
    assert got[threat["id"]]["review"]["original"]["modality"] == threat["modality"]
    # the machine record itself is unchanged
    assert _cli("review", "reject", threat["id"], "--db", db).returncode == 0
    assert _cli("export", "--db", db, "--what", "events", "-o", str(exp)).returncode == 0
    assert threat["id"] not in {e["id"] for e in _events(exp)}
    # a fresh re-run rebuilds the database; the corrections come back from their sidecar file
    run([str(tmp_path / "in")], out)
    assert _cli("export", "--db", db, "--what", "events", "-o", str(exp)).returncode == 0
    again = {e["id"]: e for e in _events(exp)}
    assert again[call["id"]]["review"]["status"] == "confirmed" and threat["id"] not in again


def test_confirmed_events_export_as_gold_and_score_perfectly(tmp_path):
    out = _setup(tmp_path)
    db = str(out / "readout.duckdb")
    for e in _events(out / "events.jsonl"):
        assert _cli("review", "confirm", e["id"], "--db", db).returncode == 0
    gold = tmp_path / "gold.json"
    assert _cli("export", "--db", db, "--what", "gold", "-o", str(gold)).returncode == 0
    g = json.loads(gold.read_text(encoding="utf-8"))
    assert g["format"] == "readout-gold/1" and sum(len(d["events"]) for d in g["docs"]) == 2
    res = _cli("eval", "--gold", str(gold), "--db", db, "--json")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["events"]["f1"] == 1.0


def test_a_person_added_to_the_knowledge_base_is_found_at_the_next_ingest(tmp_path):
    out = _setup(tmp_path)
    db = str(out / "readout.duckdb")
    r = _cli("review", "kb-add", "--name", "Jana Novakova", "--country", "CZE", "--title", "Außenministerin",
             "--start", "2025-01-01", "--db", db)
    assert r.returncode == 0, r.stderr
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "b.txt").write_text(" date 2025-06-12 Prag | Jana Novakova telefonierte am Mittwoch mit Kanzler "
                                 "Friedrich Merz.", encoding="utf-8")
    assert _cli("ingest", str(extra), "--db", db).returncode == 0
    exp = tmp_path / "e.jsonl"
    _cli("export", "--db", db, "--what", "events", "-o", str(exp))
    call = [e for e in _events(exp) if e["doc_id"] == "b" and e["type"] == "CONSULT"]
    assert call and {a.get("country") for a in call[0]["actors"]} == {"CZE", "DEU"}


def test_merge_and_split_rebuild_the_story_records(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(" date 2025-06-11 Berlin | Kanzler Friedrich Merz hat am Dienstag mit Emmanuel Macron "
                               "telefoniert.", encoding="utf-8")
    (src / "b.txt").write_text(" date 2025-06-20 Kiew | Russland hat am Donnerstag Kiew mit Drohnen angegriffen.",
                               encoding="utf-8")
    out = tmp_path / "out"
    run([str(src)], out)
    db = str(out / "readout.duckdb")
    evs = _events(out / "events.jsonl")
    a = next(e for e in evs if e["doc_id"] == "a")["cluster_id"]
    b = next(e for e in evs if e["doc_id"] == "b")["cluster_id"]
    assert a != b
    assert _cli("review", "merge", a, b, "--db", db).returncode == 0
    st = tmp_path / "stories.jsonl"
    _cli("export", "--db", db, "--what", "stories", "-o", str(st))
    stories = {s["id"]: s for s in _events(st)}
    assert a in stories and b not in stories and set(stories[a]["doc_ids"]) == {"a", "b"}
    moved = next(e for e in evs if e["doc_id"] == "b")["id"]
    assert _cli("review", "split", a, moved, "--db", db).returncode == 0
    _cli("export", "--db", db, "--what", "stories", "-o", str(st))
    stories = {s["id"]: s for s in _events(st)}
    assert len(stories) == 2 and any(s["doc_ids"] == ["b"] for s in stories.values())
