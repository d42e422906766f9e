"""The command line, driven as a user would: exit codes, messages that name the file, exports."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from readout.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]

GOOD = " date 2025-03-19 Kiew dpa | Der ukrainische Präsident Wolodymyr Selenskyj telefonierte am Dienstag mit dem französischen Präsidenten Emmanuel Macron.\n"


def _corpus(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "copy.txt").write_text(GOOD, encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (d / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Die EU drohte Russland mit neuen Sanktionen.", "published": "2025-05-20"}) + "\n"
        + "{not json\n", encoding="utf-8")
    return d


def test_ingest_reports_each_bad_input_and_goes_on(tmp_path):
    d = _corpus(tmp_path)
    db = tmp_path / "r.duckdb"
    res = runner.invoke(app, ["ingest", str(d), "--db", str(db)])
    assert res.exit_code == 2, res.output
    out = res.output
    assert "empty.txt" in out and "binary.txt" in out and "feed.jsonl:2" in out
    assert "copy" in out and "duplicate" in out
    assert re.search(r"2 ingested, 0 already stored, 1 duplicates, 3 rejected", out), out
    again = runner.invoke(app, ["ingest", str(d / "good.txt"), "--db", str(db)])
    assert again.exit_code == 0
    assert "0 ingested, 1 already stored" in again.output


def test_export_every_kind_and_format(tmp_path):
    d = _corpus(tmp_path)
    db = tmp_path / "r.duckdb"
    runner.invoke(app, ["ingest", str(d / "good.txt"), str(d / "copy.txt"), "--db", str(db)])
    for what in ("events", "discrepancies", "commitments", "documents", "stories"):
        for fmt in ("jsonl", "csv", "parquet"):
            out = tmp_path / f"{what}.{fmt}"
            res = runner.invoke(app, ["export", "--db", str(db), "--what", what, "--format", fmt, "-o", str(out)])
            assert res.exit_code == 0, res.output
            assert out.exists()
    docs = [json.loads(x) for x in (tmp_path / "documents.jsonl").read_text().splitlines()]
    assert {d["doc_id"]: d["duplicate_of"] for d in docs} == {"good": None, "copy": "good"}
    events = [json.loads(x) for x in (tmp_path / "events.jsonl").read_text().splitlines()]
    assert any(e["type"] == "CONSULT" for e in events)


def test_export_rejects_unknown_choices(tmp_path):
    db = tmp_path / "r.duckdb"
    runner.invoke(app, ["ingest", str(_corpus(tmp_path) / "good.txt"), "--db", str(db)])
    assert runner.invoke(app, ["export", "--db", str(db), "--what", "nope"]).exit_code == 2
    assert runner.invoke(app, ["export", "--db", str(db), "--format", "xml", "-o", "x"]).exit_code == 2


def test_reading_a_missing_database_says_what_to_do(tmp_path):
    res = runner.invoke(app, ["timeline", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 2
    assert "readout ingest" in res.output


def test_analyze_json_has_the_documented_fields(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "x", "text": "Am Dienstag sprach Putin mit Trump.", "published": "2025-03-19"}) + "\n")
    res = runner.invoke(app, ["analyze", str(f), "--json"])
    assert res.exit_code == 0, res.output
    obj = json.loads(res.stdout.splitlines()[0])
    assert set(obj) >= {"doc_id", "published", "sentences", "entities", "timexes", "quantities"}
    assert obj["published"] == {"value": "2025-03-19", "precision": "day"}
    day = [t for t in obj["timexes"] if t["text"].endswith("Dienstag")]
    assert day and day[0]["value"] == "2025-03-18"


def test_demo_prints_a_timeline(tmp_path):
    res = runner.invoke(app, ["demo", "--db", str(tmp_path / "demo.duckdb")])
    assert res.exit_code == 0, res.output
    assert "Timeline" in res.output and "CONSULT" in res.output


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    missing = [n for n in names if f"readout {n}" not in readme]
    assert not missing, f"commands missing from README.md: {missing}"
