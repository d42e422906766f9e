"""A load generator for a running `readout serve`: ``clients`` concurrent clients send a weighted
mix of API, page, export, ingest and bad requests for ``duration`` seconds (and at most
``max_requests`` in all), over one shared ``httpx.AsyncClient``; the latencies are summarised.

Used by ``test_load.py``; can also be run by hand against any server on a database built from the
bundled examples::

    .venv/bin/python tests/web/load.py http://127.0.0.1:8000 --clients 50 --seconds 8
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import random
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import httpx

JSON = {"Content-Type": "application/json"}


@dataclass(frozen=True)
class Req:
    """One request of the mix; ``expect`` is the status it must answer (200, or the 4xx of a bad one)."""

    kind: str
    method: str
    path: str
    expect: int = 200
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)


def _article(n: int, run: str) -> bytes:
    day = 1 + n % 28
    text = (f" date 2025-04-{day:02d} Berlin dpa | Bundeskanzler Olaf Scholz telefonierte am Dienstag mit dem "
            f"polnischen Ministerpräsidenten Donald Tusk über die Ukraine. Beide vereinbarten ein Treffen "
            f"in Warschau. (Lasttest {run} Nr. {n})\n")
    return json.dumps({"id": f"load-{run}-{n}", "text": text, "published": f"2025-04-{day:02d}"}).encode()


def request_mix(story_id: str, doc_ids: list[str], events_total: int) -> list[tuple[int, Any]]:
    """(weight, make(rng) -> Req) pairs; the pasted-text ingests are added by ``run_load``."""
    pages = max(1, events_total)

    def fixed(kind: str, path: str, expect: int = 200, method: str = "GET", body: bytes | None = None,
              headers: dict[str, str] | None = None) -> Any:
        return lambda rng: Req(kind, method, path, expect, body, headers or {})

    def events_page(rng: random.Random) -> Req:
        limit = rng.choice([5, 20, 50, 100])
        return Req("events_page", "GET", f"/api/events?limit={limit}&offset={rng.randrange(pages)}")

    def events_filter(rng: random.Random) -> Req:
        q = rng.choice(["actor=Putin", "actor=Trump&type=CONSULT", "country=UKR", "country=RUS&limit=100",
                        "modality=planned", "claimer_country=RUS", "date_from=2025-03&date_to=2025-03-31",
                        "date_from=2025-03-15&date_to=2025-03-20&country=USA", "type=AGREE&mode=phone",
                        "review=unreviewed&limit=10", "rejected=true&limit=200"])
        return Req("events_filter", "GET", f"/api/events?{q}")

    def events_search(rng: random.Random) -> Req:
        q = rng.choice(["Waffenstillstand", "stillstand", "energie", "Putin", "%2230+Tage%22", "Selenskyj+Trump",
                        "xyzzy-nothing"])
        return Req("events_search", "GET", f"/api/events?q={q}&limit=20")

    def document(rng: random.Random) -> Req:
        return Req("document", "GET", f"/api/documents/{rng.choice(doc_ids)}")

    def export(rng: random.Random) -> Req:
        what, fmt = rng.choice([("events", "jsonl"), ("events", "csv"), ("stories", "jsonl"),
                                ("discrepancies", "csv"), ("events", "parquet")])
        return Req("export", "GET", f"/api/export/{what}?format={fmt}")

    def timeline(rng: random.Random) -> Req:
        return Req("timeline_html", "GET", rng.choice(["/", "/?country=UKR", "/?actor=Putin"]))

    bad = [
        fixed("bad", "/api/events?limit=0", 422),
        fixed("bad", "/api/events?limit=100000", 422),
        fixed("bad", "/api/events?actors=Putin", 422),
        fixed("bad", "/api/events?date_from=2025-13", 422),
        fixed("bad", "/api/events?type=NOSUCHTYPE", 422),
        fixed("bad", "/api/stories/story-0000000000000000", 404),
        fixed("bad", "/api/documents/no-such-document", 404),
        fixed("bad", "/api/export/nothing", 422),
        fixed("bad", "/api/ingest/text", 400, "POST", b"{not json", JSON),
        # docs/web.md says 400 for a write body of another content type; the pasted-text route answers 422
        fixed("bad", "/api/ingest/text", 422, "POST", b'{"text": "hello"}', {"Content-Type": "text/plain"}),
        fixed("bad", "/api/ingest/text", 422, "POST", b'{"txt": "no text field"}', JSON),
        fixed("bad", "/api/ingest/text", 403, "POST", _article(0, "cross"), {**JSON, "Origin": "https://evil.example"}),
        fixed("bad", "/api/events", 405, "DELETE"),
        fixed("bad", "/api/status", 400, headers={"Host": "evil.example"}),
    ]

    def bad_request(rng: random.Random) -> Req:
        return rng.choice(bad)(rng)

    return [
        (14, events_page), (14, events_filter), (10, events_search),
        (8, fixed("stories", "/api/stories?limit=50")), (4, fixed("stories", "/api/stories?country=UKR&date_from=2025-03")),
        (8, fixed("dossier", f"/api/stories/{story_id}")),
        (8, document),
        (5, fixed("discrepancies", "/api/discrepancies?limit=50")),
        (5, fixed("commitments", "/api/commitments?limit=50")),
        (3, export),
        (6, timeline),
        (2, fixed("status", "/api/status")),
        (8, bad_request),
    ]


def proc_cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of a process (Linux /proc), None where that cannot be read."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile of an ascending list (0 for an empty one)."""
    if not sorted_values:
        return 0.0
    k = max(1, math.ceil(p / 100 * len(sorted_values)))
    return sorted_values[k - 1]


@dataclass
class Result:
    clients: int
    duration: float
    wall: float = 0.0
    latencies: list[float] = field(default_factory=list)  # seconds, of every answered request
    by_kind: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: Counter[int] = field(default_factory=Counter)
    unexpected: list[str] = field(default_factory=list)  # "kind METHOD path: got X, expected Y"
    errors: list[str] = field(default_factory=list)  # transport errors (timeouts, resets)
    ingested: int = 0
    client_cpu: float = 0.0  # CPU seconds of this (the load generator's) process during the run
    server_cpu: float | None = None  # CPU seconds of the server process, when its pid was given

    @property
    def requests(self) -> int:
        return len(self.latencies)

    @property
    def throughput(self) -> float:
        return self.requests / self.wall if self.wall else 0.0

    @property
    def server_errors(self) -> int:
        return sum(n for s, n in self.statuses.items() if s >= 500)

    def figures(self) -> dict[str, float]:
        lat = sorted(self.latencies)
        return {"p50": percentile(lat, 50) * 1000, "p90": percentile(lat, 90) * 1000,
                "p99": percentile(lat, 99) * 1000, "max": (lat[-1] if lat else 0.0) * 1000}

    def report(self) -> str:
        f = self.figures()
        lines = [f"{self.clients} clients, {self.duration:.0f} s: {self.requests} requests in {self.wall:.1f} s = "
                 f"{self.throughput:.0f} req/s; latency ms p50 {f['p50']:.0f}, p90 {f['p90']:.0f}, "
                 f"p99 {f['p99']:.0f}, max {f['max']:.0f}",
                 "statuses: " + ", ".join(f"{s}: {n}" for s, n in sorted(self.statuses.items()))
                 + f"; ingested {self.ingested}; transport errors {len(self.errors)}; unexpected {len(self.unexpected)}",
                 f"CPU during the run: load generator {self.client_cpu:.1f} s, server "
                 + ("?" if self.server_cpu is None else f"{self.server_cpu:.1f} s") + f" (of {self.wall:.1f} s wall)"]
        for kind, values in sorted(self.by_kind.items()):
            v = sorted(values)
            lines.append(f"  {kind:<14} {len(v):>6}  p50 {percentile(v, 50) * 1000:>6.0f}  "
                         f"p90 {percentile(v, 90) * 1000:>6.0f}  p99 {percentile(v, 99) * 1000:>6.0f}  "
                         f"max {v[-1] * 1000:>6.0f} ms")
        return "\n".join(lines)


async def run_load(base_url: str, clients: int, duration: float, *, max_requests: int, max_ingests: int,
                   seed: int = 1, timeout: float = 60.0, run: str = "run", server_pid: int | None = None) -> Result:
    """``clients`` workers on one AsyncClient (a pool of ``clients`` connections) until ``duration``
    seconds have passed or ``max_requests`` were sent; at most ``max_ingests`` pasted texts."""
    async with httpx.AsyncClient(base_url=base_url, timeout=timeout) as probe:
        stories = (await probe.get("/api/stories?limit=500")).json()["items"]
        docs = (await probe.get("/api/documents?limit=500")).json()["items"]
        total = (await probe.get("/api/events?limit=1")).json()["total"]
    story = max(stories, key=lambda s: s["counts"]["events"])["id"]
    mix = request_mix(story, [d["doc_id"] for d in docs], total)
    weights = [w for w, _ in mix]
    makers = [m for _, m in mix]

    result = Result(clients, duration)
    sent = 0
    ingests = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base_url, timeout=timeout, limits=limits) as http:
        cpu0, srv0 = time.process_time(), proc_cpu_seconds(server_pid) if server_pid else None
        start = time.perf_counter()
        deadline = start + duration
        # the ingests are spread over the run: one may start every duration / max_ingests seconds
        ingest_every = duration / max_ingests if max_ingests else math.inf

        async def client(i: int) -> None:
            nonlocal sent, ingests
            rng = random.Random(seed * 100_003 + i)
            while time.perf_counter() < deadline and sent < max_requests:
                sent += 1
                now = time.perf_counter()
                if ingests < max_ingests and now - start >= ingests * ingest_every:
                    ingests += 1
                    req = Req("ingest_text", "POST", "/api/ingest/text", 200, _article(ingests, run), JSON)
                else:
                    req = rng.choices(makers, weights)[0](rng)
                t0 = time.perf_counter()
                try:
                    r = await http.request(req.method, req.path, content=req.body, headers=req.headers)
                    await r.aread()
                except httpx.HTTPError as e:
                    result.errors.append(f"{req.kind} {req.method} {req.path}: {type(e).__name__}: {e}")
                    continue
                dt = time.perf_counter() - t0
                result.latencies.append(dt)
                result.by_kind[req.kind].append(dt)
                result.statuses[r.status_code] += 1
                if r.status_code != req.expect:
                    result.unexpected.append(f"{req.kind} {req.method} {req.path}: got {r.status_code} "
                                             f"{r.text[:200]!r}, expected {req.expect}")
                elif req.kind == "ingest_text":
                    result.ingested += len(r.json()["ingested"])

        await asyncio.gather(*(client(i) for i in range(clients)))
        result.wall = time.perf_counter() - start
        result.client_cpu = time.process_time() - cpu0
        srv1 = proc_cpu_seconds(server_pid) if server_pid else None
        result.server_cpu = srv1 - srv0 if srv0 is not None and srv1 is not None else None
    return result


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("url")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=8)
    ap.add_argument("--max-requests", type=int, default=1_000_000)
    ap.add_argument("--ingests", type=int, default=5)
    a = ap.parse_args()
    res = asyncio.run(run_load(a.url, a.clients, a.seconds, max_requests=a.max_requests, max_ingests=a.ingests,
                               run=str(int(time.time()))))
    print(res.report())
    for line in (res.unexpected + res.errors)[:20]:
        print("  !", line)
