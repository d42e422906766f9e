"""Hostile input: thousands of bad or strange files. Ingest never crashes or hangs, gives one
clear message per rejected file (and line), keeps every good document, and no document's
analysis runs much past the time limit.

The fast variant uses ~500 files of every kind; the full 10,000-file run is slow:
    .venv/bin/python -m pytest -m slow tests/scale/test_hostile.py -s
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from hostile import Expect, load_manifest, write_hostile

from readout.pipeline import TIME_LIMIT_S

# Run in a child process, so that a hang is a timeout here and not a stuck test session.
_INGEST = r"""
import json, sys, time
import readout.pipeline as pipeline
from readout.store import Store

times = []
analyse = pipeline.analyse_document
def timed(doc, *a, **k):
    t = time.perf_counter()
    try:
        return analyse(doc, *a, **k)
    finally:
        times.append((time.perf_counter() - t, doc.source))
pipeline.analyse_document = timed
started = time.perf_counter()
with Store(sys.argv[2]) as store:
    report = pipeline.ingest([sys.argv[1]], store)
    t_ingest = time.perf_counter() - started
    pipeline.update_stories(store)
    stored = [(d["source"], d["doc_id"]) for d in store.documents(with_text=False)]
    counts = store.counts()
json.dump({"rejected": [[r.source, r.reason] for r in report.rejected], "stored": stored, "counts": counts,
           "ingest_s": t_ingest, "total_s": time.perf_counter() - started, "times": sorted(times)[-10:],
           "analysed": len(times), "events": report.events}, sys.stdout)
"""


def run_ingest(corpus: Path, db: Path, timeout: float) -> dict:
    res = subprocess.run([sys.executable, "-c", _INGEST, str(corpus), str(db)], capture_output=True, text=True,
                         timeout=timeout)
    assert res.returncode == 0, res.stderr[-5000:]
    return json.loads(res.stdout)


def _owner(source: str, paths: set[str]) -> str | None:
    if source in paths:
        return source
    head, _, line = source.rpartition(":")
    return head if line.isdigit() and head in paths else None


def check(manifest: list[Expect], result: dict) -> dict[str, int]:
    """Every file got what the manifest says; returns counts of outcomes."""
    paths = {e.path for e in manifest}
    rejected: dict[str, list[str]] = defaultdict(list)
    stored: dict[str, int] = Counter()
    problems: list[str] = []
    for source, reason in result["rejected"]:
        owner = _owner(source, paths)
        if owner is None:
            problems.append(f"rejection for an unknown input {source!r}: {reason}")
            continue
        rejected[source].append(reason)
        if "\n" in reason or "Traceback" in reason or len(reason) > 400:
            problems.append(f"unclear message for {source}: {reason!r}")
    for source, _ in result["stored"]:
        if _owner(source, paths) is None:
            problems.append(f"stored document from an unknown input {source!r}")
        stored[source] += 1
    for source, reasons in rejected.items():
        if len(reasons) > 1:
            problems.append(f"{len(reasons)} messages for {source}: {reasons}")
    outcome = Counter()
    for e in manifest:
        mine_rej = [s for s in rejected if _owner(s, {e.path}) == e.path]
        mine_ok = [s for s in stored if _owner(s, {e.path}) == e.path]
        got = f"stored {mine_ok}, rejected {[(s, rejected[s]) for s in mine_rej]}"
        if e.outcome == "good" and (not mine_ok or mine_rej):
            problems.append(f"good {e.kind} file not kept: {e.path}: {got}")
        elif e.outcome == "bad" and (mine_ok or mine_rej != [e.path]):
            problems.append(f"bad {e.kind} file not rejected once by name: {e.path}: {got}")
        elif e.outcome == "either" and len(mine_ok) + len(mine_rej) == 0:
            problems.append(f"{e.kind} file neither kept nor rejected: {e.path}")
        elif e.outcome == "either" and e.path.endswith((".txt", ".html")) and len(mine_ok) + len(mine_rej) != 1:
            problems.append(f"{e.kind} file has more than one outcome: {e.path}: {got}")
        elif e.outcome == "skipped" and (mine_ok or mine_rej):
            problems.append(f"{e.path} is not an input but got {got}")
        elif e.outcome in ("lines", "lines+"):
            for n, want in e.lines.items():
                src = f"{e.path}:{n}"
                if want == "good" and (src not in stored or src in rejected):
                    problems.append(f"good line {src} not kept: {rejected.get(src)}")
                if want == "bad" and (src in stored or src not in rejected):
                    problems.append(f"bad line {src} not rejected")
            listed = {f"{e.path}:{n}" for n in e.lines}
            extra = [s for s in mine_rej + mine_ok if s not in listed]
            if len(extra) != (1 if e.outcome == "lines+" else 0):
                problems.append(f"unexpected outcomes for {e.path}: {extra}")
        outcome["stored" if mine_ok else "rejected" if mine_rej else "none"] += 1
    assert not problems, "\n".join(problems[:40]) + f"\n... {len(problems)} problems"
    return dict(outcome)


def _report(label: str, stats: dict, result: dict, outcome: dict) -> None:
    reasons = Counter(r.split(" (")[0].split(":")[0][:60] for _, r in result["rejected"])
    print(f"\n{label}: {stats['files']} files, {stats['bytes'] / 1e6:.0f} MB; ingest {result['ingest_s']:.1f} s, "
          f"with stories {result['total_s']:.1f} s; {result['counts']}; analysed {result['analysed']}; "
          f"files stored/rejected {outcome}; slowest analyses {[(round(t, 2), s) for t, s in result['times'][-3:]]}")
    for r, n in reasons.most_common(30):
        print(f"   {n:6d}  {r}")


def _run(tmp: Path, n: int, timeout: float) -> None:
    corpus = tmp / "hostile"
    stats = write_hostile(corpus, n, seed=14)
    result = run_ingest(corpus, tmp / "h.duckdb", timeout)
    outcome = check(load_manifest(corpus), result)
    slowest = result["times"][-1][0] if result["times"] else 0.0
    # stopped at the first check after the limit: one stage late at most (bounded by the size caps)
    assert slowest < TIME_LIMIT_S + 10, result["times"][-3:]
    _report(f"hostile corpus of {n}", stats, result, outcome)


def test_hostile_corpus_fast(tmp_path):
    _run(tmp_path, 500, timeout=600)


@pytest.mark.slow
def test_hostile_corpus_10000(tmp_path):
    _run(tmp_path, 10_000, timeout=3600)


def test_special_files_are_rejected_not_waited_for(tmp_path):
    """A named pipe called x.txt would block a reader forever."""
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    from readout.ingest import Rejection, iter_inputs

    items = list(iter_inputs([str(fifo)]))
    assert len(items) == 1 and isinstance(items[0], Rejection) and "not a regular file" in items[0].reason


def test_documents_beyond_the_limits_are_rejected_with_a_reason():
    from readout.model import Document
    from readout.pipeline import MAX_ANALYSIS_CHARS, AnalysisRejected, analyse_document

    with pytest.raises(AnalysisRejected, match="too long to analyse"):
        analyse_document(Document("big", "Wort " * (MAX_ANALYSIS_CHARS // 5 + 10)))
    with pytest.raises(AnalysisRejected, match="too many sentences"):
        analyse_document(Document("many", "Ja. " * 6000))
    with pytest.raises(AnalysisRejected, match=r"longer than 0 s \(stopped after the language stage"):
        analyse_document(Document("slow", "Putin und Trump telefonierten am Dienstag."), time_limit=0)
    doc = analyse_document(Document("ok", "Putin und Trump telefonierten am Dienstag."))
    assert doc.events
