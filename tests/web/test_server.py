"""`readout serve` as a real process on loopback: it holds the database, announces itself in the
sidecar, and `readout ingest --db` sends its files through it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from readout.cli import app as cli
from readout.store import Store, StoreError
from readout.web.remote import _multipart

GOOD = (" date 2025-03-19 Kiew dpa | Der ukrainische Präsident Wolodymyr Selenskyj telefonierte am Dienstag "
        "mit dem französischen Präsidenten Emmanuel Macron.\n")


def readout(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The CLI in its own process, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "readout.cli", *args], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "COLUMNS": "400"})


def readout_here(*args: str) -> tuple[int, str]:
    """The CLI in this process (quicker; the database is still held by another process)."""
    res = CliRunner().invoke(cli, list(args))
    return res.exit_code, " ".join(res.output.split())


def corpus(d: Path) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Die EU drohte Russland mit neuen Sanktionen.", "published": "2025-05-20"})
        + "\n{not json\n", encoding="utf-8")
    return d


def test_the_server_holds_the_database_and_ingest_goes_through_it(server, tmp_path):
    info = json.loads(server.sidecar.read_text())
    assert info["url"] == server.url and info["url"].startswith("http://127.0.0.1:")
    assert info["pid"] == server.proc.pid
    with pytest.raises(StoreError):
        Store(server.db)  # DuckDB: a file open for writing cannot be opened by another process

    d = corpus(tmp_path / "in")
    res = readout("ingest", str(d), str(tmp_path / "missing.txt"), "--db", str(server.db))
    out = res.stdout + res.stderr
    assert res.returncode == 2, out
    assert f"held by the readout server at {server.url}" in out
    assert "missing.txt: no such file" in out and "empty.txt: empty file" in out and "feed.jsonl:2: not valid JSON" in out
    assert "2 ingested, 0 already stored, 0 duplicates, 3 rejected" in out
    docs = {x["doc_id"]: x for x in server.get("/api/documents?limit=500")["items"]}
    assert docs["good"]["source"] == str(d / "good.txt") and docs["j1"]["source"] == f"{d / 'feed.jsonl'}:1"
    assert server.get("/api/events?doc=good")["total"] >= 1

    again = readout("ingest", str(d / "good.txt"), "--db", str(server.db))
    assert again.returncode == 0 and "0 ingested, 1 already stored" in again.stdout + again.stderr


def test_a_second_server_on_the_same_database_is_refused(server):
    code, out = readout_here("serve", "--db", str(server.db), "--port", "0")
    assert code == 2 and f"already serves it at {server.url}" in out


def test_other_interfaces_need_allow_remote(tmp_path):
    db = tmp_path / "r.duckdb"
    code, out = readout_here("serve", "--db", str(db), "--host", "0.0.0.0", "--port", "0")
    assert code == 2 and "--allow-remote" in out
    assert not db.exists()


def test_reads_go_on_while_an_upload_is_ingested(server):
    files = [(f"par{i}.txt", f"Trump telefonierte am Montag {i} Minuten mit Putin über die Ukraine.".encode())
             for i in range(6)]
    body, ctype = _multipart(files)
    result: dict[str, object] = {}

    def upload() -> None:
        req = urllib.request.Request(server.url + "/api/ingest", data=body, headers={"Content-Type": ctype})
        with urllib.request.urlopen(req, timeout=60) as r:
            result["report"] = json.loads(r.read())

    t = threading.Thread(target=upload)
    t.start()
    statuses = []
    while t.is_alive() or len(statuses) < 10:
        for path in ("/api/events?limit=5", "/", "/api/stories?limit=5"):
            with urllib.request.urlopen(server.url + path, timeout=30) as r:
                statuses.append(r.status)
    t.join()
    assert set(statuses) == {200}
    report = result["report"]
    assert isinstance(report, dict) and len(report["ingested"]) + len(report["unchanged"]) == 6


def test_stopping_removes_the_sidecar_and_frees_the_database(tmp_path, seed_db, start_server):
    db = tmp_path / "own.duckdb"
    db.write_bytes(seed_db.read_bytes())
    srv = start_server(db)
    assert srv.sidecar.exists()
    assert srv.stop() == 0
    assert not srv.sidecar.exists()
    with Store(db) as store:
        assert store.counts()["documents"] == 5
    code, out = readout_here("ingest", str(corpus(tmp_path / "in") / "good.txt"), "--db", str(db))
    assert code == 0 and "held by" not in out and "1 ingested" in out


def test_a_stale_sidecar_is_reported(tmp_path, seed_db):
    db = tmp_path / "held.duckdb"
    db.write_bytes(seed_db.read_bytes())
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from readout.store import Store; s = Store(sys.argv[1]); "
                               "print('ready', flush=True); time.sleep(60)", str(db)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            dead = s.getsockname()[1]
        Path(str(db) + ".server").write_text(json.dumps({"url": f"http://127.0.0.1:{dead}", "pid": 1}))
        code, out = readout_here("ingest", str(corpus(tmp_path / "in") / "good.txt"), "--db", str(db))
        assert code == 2 and "does not answer" in out and "stale" in out
        Path(str(db) + ".server").unlink()
        code, out = readout_here("ingest", str(tmp_path / "in" / "good.txt"), "--db", str(db))
        assert code == 2 and "cannot open" in out
    finally:
        holder.kill()
        holder.wait()
