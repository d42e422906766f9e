"""PLOVER and POLECAT exports: written from a real run, loaded back, and what they hold round-trips."""

from __future__ import annotations

import json
import subprocess
import sys

from readout.store import Store, export
from readout.store.interchange import POLECAT_COLUMNS, QUAD, read_plover, read_polecat


def _events(seed_run):
    return [json.loads(x) for x in (seed_run / "events.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]


def _keys(actors):
    return sorted((a.get("country") or "", a.get("org") or "") for a in actors)


def test_plover_export_round_trips_types_actors_dates_and_offsets(seed_run, tmp_path):
    out = tmp_path / "events.plover.jsonl"
    with Store(seed_run / "readout.duckdb", read_only=True) as store:
        n = export(store, "events", out, "plover")
    events = {e["id"]: e for e in _events(seed_run)}
    assert n == len(events) > 0
    raw = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    for rec in raw:  # PLOVER field names and value types
        assert set(rec) >= {"id", "date", "actor", "recipient", "event", "mode", "context", "event_text",
                            "text_info", "cite_info"}
        assert rec["quad_code"] == QUAD[rec["event"][0]]
        assert all(len(a["code"]) == 3 for a in rec["actor"] if a.get("code"))
    for back in read_plover(out):
        ev = events[back["id"]]
        assert back["type"] == ev["type"] and back["modality"] == ev["modality"]
        assert _keys(back["actors"]) == _keys(ev["actors"])
        assert _keys(back["recipients"]) == _keys(ev["recipients"])
        assert back["date"]["value"] == ev["date"]["value"]
        assert [(s["start"], s["end"], s["text"]) for s in back["evidence"]] == \
            [(s["start"], s["end"], s["text"]) for s in ev["evidence"]]


def test_polecat_export_is_a_tab_separated_table_with_one_row_per_event(seed_run, tmp_path):
    out = tmp_path / "events.polecat.tsv"
    with Store(seed_run / "readout.duckdb", read_only=True) as store:
        export(store, "events", out, "polecat")
    rows = read_polecat(out)
    events = {e["id"]: e for e in _events(seed_run)}
    assert list(rows[0]) == POLECAT_COLUMNS
    assert {r["Event ID"] for r in rows} == set(events)
    for r in rows:
        ev = events[r["Event ID"]]
        assert r["Event Type"] == ev["type"]
        assert r["Event Date"] == (ev["date"]["value"] or "")
        codes = [a.get("country") or ("IGO" if a.get("org") else "") for a in ev["actors"]]
        assert r["Actor Country"].split(";") == codes if codes else r["Actor Country"] == ""
        assert int(r["Evidence Start"]) == ev["evidence"][0]["start"]


def test_interchange_formats_refuse_what_they_cannot_hold(seed_run, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "readout.cli", "export", "--db", str(seed_run / "readout.duckdb"),
                           "--what", "discrepancies", "--format", "plover", "-o", str(tmp_path / "x.jsonl")],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "events only" in proc.stderr
