"""Load on a real `readout serve` process on loopback: many concurrent clients send a mix of API
calls, pages, exports, pasted-text ingests and bad requests. Nothing may answer 5xx, the bad
requests must answer their 4xx, the server log must stay free of tracebacks and errors, and the
server must still answer afterwards. The figures are printed (run with ``-s``); see
docs/performance.md, *Load on the web server*.

    .venv/bin/pytest tests/web/test_load.py -s            # the quick variant (50 clients, 8 s)
    .venv/bin/pytest tests/web/test_load.py -s -m slow    # the full one (200 clients, 60 s)
"""

from __future__ import annotations

import asyncio
import json
import shutil
import urllib.request

import pytest
from load import run_load


def _load(tmp_path, seed_db, start_server, clients: int, seconds: float, max_requests: int,
          max_ingests: int) -> None:
    db = tmp_path / "load.duckdb"
    shutil.copy(seed_db, db)
    srv = start_server(db)
    before = srv.get("/api/status")["counts"]
    assert srv.url.startswith("http://127.0.0.1:")

    res = asyncio.run(run_load(srv.url, clients, seconds, max_requests=max_requests, max_ingests=max_ingests,
                               run=f"c{clients}", server_pid=srv.proc.pid))
    print("\n" + res.report())
    for u in sorted(set(res.unexpected))[:20]:
        print("  !", u)

    assert res.requests > 0 and res.requests <= max_requests
    assert res.wall < seconds + 60  # bounded: no request outlives its 60 s timeout
    assert res.server_errors == 0, [u for u in res.unexpected if " got 5" in u][:10]
    assert not res.errors, res.errors[:10]
    assert not res.unexpected, res.unexpected[:10]
    assert res.by_kind["bad"] and all(400 <= s < 500 for s in res.statuses if s != 200)
    assert res.ingested == len(res.by_kind["ingest_text"]) >= 1

    # still healthy: it answers, counts the new documents, and still serves a page and a search
    assert srv.proc.poll() is None
    status = srv.get("/api/status")
    assert status["counts"]["documents"] == before["documents"] + res.ingested
    assert srv.get(f"/api/documents/load-c{clients}-1")["doc_id"] == f"load-c{clients}-1"
    assert srv.get(f"/api/events?doc=load-c{clients}-1")["total"] >= 1
    assert srv.get("/api/events?q=Tusk&limit=500")["total"] >= res.ingested
    with urllib.request.urlopen(srv.url + "/", timeout=10) as r:
        assert r.status == 200 and b"<title>" in r.read()

    assert srv.stop() == 0
    log = srv.log.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in log and "ERROR" not in log, log[-3000:]
    assert "readout serving" in log  # the log is the server's own output
    json.dumps(res.figures())  # the figures are plain numbers


def test_load_quick(tmp_path, seed_db, start_server):
    """50 clients for 8 s (the whole test takes well under 30 s)."""
    _load(tmp_path, seed_db, start_server, clients=50, seconds=8, max_requests=20_000, max_ingests=4)


@pytest.mark.slow
def test_load_full(tmp_path, seed_db, start_server):
    """200 clients for 60 s."""
    _load(tmp_path, seed_db, start_server, clients=200, seconds=60, max_requests=200_000, max_ingests=20)
