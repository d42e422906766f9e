"""Throughput of `readout run` with the local engine and with Dask, on generated articles.

    .venv/bin/python tests/scale/bench_engines.py --docs 2000 --workers 2 [--keep DIR]

Writes the corpus (the five examples plus DOCS pseudo-articles, see corpora.py), runs
`readout run` once per engine in a child process, checks that the three exports are identical,
and prints one JSON object: wall seconds, documents per second, the CPU seconds of the run and
its children (Dask workers included) and the load average before and after each run (the
machine may be shared: compare the CPU figures with the wall time).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpora import write_articles  # noqa: E402


def _run(inputs: Path, out: Path, *extra: str) -> dict[str, object]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load0 = os.getloadavg()[0]
    t = time.perf_counter()
    res = subprocess.run([sys.executable, "-c", "from readout.cli import app; app()", "run", str(inputs),
                          "--out", str(out), *extra], capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if res.returncode not in (0, 2):
        raise SystemExit(res.stderr[-3000:])
    summary = [ln for ln in res.stderr.splitlines() if "ingested" in ln]
    return {"wall_s": round(wall, 1), "cpu_s": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 1),
            "load_before": round(load0, 2), "load_after": round(os.getloadavg()[0], 2),
            "summary": summary[-1].strip() if summary else ""}


def phases(inputs: Path, out: Path) -> dict[str, float]:
    """Wall seconds per phase of a local `run`, measured in this process."""
    import readout.pipeline as pipeline
    from readout.store import db

    spent: dict[str, float] = {}

    def timed(owner: object, name: str, label: str) -> None:
        fn = getattr(owner, name)

        def wrapper(*a: object, **k: object) -> object:
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[label] = spent.get(label, 0.0) + time.perf_counter() - t
        setattr(owner, name, wrapper)

    timed(pipeline, "analyse_document", "analysis")
    timed(db.Store, "add_document", "store writes")
    timed(pipeline, "_flag_near_duplicates", "near duplicates")
    timed(pipeline, "update_stories", "cross-document stage")
    timed(pipeline, "export", "exports")
    t = time.perf_counter()
    pipeline.run([str(inputs)], out)
    spent["total"] = time.perf_counter() - t
    spent["reading, dedup, rest"] = spent["total"] - sum(v for k, v in spent.items() if k != "total")
    return {k: round(v, 1) for k, v in spent.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--keep", help="keep corpus and outputs in this directory")
    ap.add_argument("--phases", action="store_true", help="also time the phases of a local run in-process")
    args = ap.parse_args()
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="readout-bench-"))
    corpus = root / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    files = write_articles(corpus, args.docs, seed=args.seed)
    result: dict[str, object] = {"documents": args.docs + 5, "files": len(files), "cpus": os.cpu_count()}
    result["local"] = _run(corpus, root / "local")
    result["dask"] = _run(corpus, root / "dask", "--engine", "dask", "--workers", str(args.workers))
    for engine in ("local", "dask"):
        r = result[engine]
        assert isinstance(r, dict)
        r["docs_per_s"] = round((args.docs + 5) / r["wall_s"], 1)
    if args.phases:
        result["local_phases_s"] = phases(corpus, root / "phases")
    result["identical"] = all(
        sorted((root / "local" / f"{w}.jsonl").read_text().splitlines())
        == sorted((root / "dask" / f"{w}.jsonl").read_text().splitlines())
        for w in ("events", "discrepancies", "commitments"))
    print(json.dumps(result, indent=1))
    if not args.keep:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
