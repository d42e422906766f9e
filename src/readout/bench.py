"""The benchmark: how fast the per-document pipeline runs on one core, against the tokeniser as floor.

    >>> from readout.bench import run_benchmark
    >>> result = run_benchmark(docs=1000, seed=1)          # doctest: +SKIP
    >>> result["articles_per_s"], result["ratio"]          # doctest: +SKIP

The corpus is built from real German text (sentences of the UD German treebanks and GermEval 2014
in ``../shared/data``) cut into pseudo-articles of 300-800 words; every 20th article is a copy of
a real news article (the bundled examples and ``../shared/corpus/dev-news``), half of them under
another header date, so that a realistic share of the documents carries diplomatic events. The
corpus is deterministic for a seed and cached as ingestable JSONL (``id``, ``text``) under
``~/.cache/readout/bench-<N>-<seed>.jsonl``; both timed passes stream it from there, so the
corpus itself never sits in memory and the peak RSS is the pipeline's.
"""

from __future__ import annotations

import json
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

BUILDER_VERSION = 1  # bump when the corpus recipe changes, so cached corpora are rebuilt
REAL_EVERY = 20
WORDS = (300, 800)
PROFILE_DOCS = 500

OnProgress = Callable[[str, int, int], None]  # (phase, done, total)


@dataclass(frozen=True)
class Target:
    name: str
    key: str
    limit: float
    at_least: bool  # True: measured >= limit passes; False: measured <= limit passes
    label: str

    def passes(self, value: float) -> bool:
        return value >= self.limit if self.at_least else value <= self.limit


TARGETS = (
    Target("full pipeline", "articles_per_s", 25, True, "≥ 25/s"),
    Target("full / tokenise time", "ratio", 6, False, "≤ 6"),
    Target("peak RSS", "peak_rss_mb", 500, False, "≤ 500 MB"),
    # time per article in the last quarter of the run against the first: 1.0 is perfectly linear in N
    Target("linearity", "linearity", 1.25, False, "≤ 1.25"),
    Target("crashed documents", "failures", 0, False, "0"),
)


# ---------------------------------------------------------------- reading the source text


def default_shared() -> Path:
    """``$READOUT_SHARED``, else the ``shared`` folder beside the checkout (``../shared``)."""
    env = os.environ.get("READOUT_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[3] / "shared"


_CLOSE = set(",.;:!?)]}%…“‘")
_OPEN = set("([{„‚")
_PAIRED = {'"': '"', "'": "'", "«": "«»", "»": "«»"}  # straight quotes and guillemets: open, then close


def detokenize(tokens: list[str]) -> str:
    """Join tokens with German spacing: no space before , . ) “ or after ( „; paired quotes alternate.

    >>> detokenize(["Er", "sagte", ":", "„", "Nein", "“", "(", "vorerst", ")", ",", "»", "ja", "«", "."])
    'Er sagte: „Nein“ (vorerst), »ja«.'
    """
    out: list[str] = []
    glue = True  # no space before the next token
    open_pairs: set[str] = set()
    for tok in tokens:
        pair = _PAIRED.get(tok)
        if pair is not None:
            closing = pair in open_pairs
            open_pairs ^= {pair}
            out.append(tok if closing or glue else " " + tok)
            glue = not closing
            continue
        # GermEval splits "Switch-Case-Anweisungen" as "Switch-Case -Anweisungen"
        attach = tok in _CLOSE or (len(tok) > 1 and tok[0] == "-" and tok[1].isalpha())
        out.append(tok if glue or attach else " " + tok)
        glue = tok in _OPEN
    return "".join(out)


def conllu_sentences(path: Path) -> list[str]:
    """The ``# text =`` lines of a CoNLL-U file (the treebank's own spacing)."""
    with path.open(encoding="utf-8") as f:
        return [line[9:].strip() for line in f if line.startswith("# text = ")]


def upos_sentences(path: Path) -> list[str]:
    """Sentences of the POS-only GSD file: ``FORM##UPOS`` tokens; a contraction ``im##_`` drops its two parts."""
    sents = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            tokens: list[str] = []
            skip = 0
            for item in line.split():
                form, _, tag = item.rpartition("##")
                if skip:
                    skip -= 1
                    continue
                if tag == "_":
                    skip = 2
                tokens.append(form or item)
            if tokens:
                sents.append(detokenize(tokens))
    return sents


def germeval_sentences(path: Path) -> list[str]:
    """Sentences of a GermEval 2014 TSV: ``#`` source line, ``index token outer inner`` lines, blank line."""
    sents: list[str] = []
    tokens: list[str] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#\t") or not line.strip():
                if tokens:
                    sents.append(detokenize(tokens))
                tokens = []
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 2 and cols[1]:
                tokens.append(cols[1])
    if tokens:
        sents.append(detokenize(tokens))
    return sents


SOURCES: tuple[tuple[str, str, Callable[[Path], list[str]]], ...] = (
    ("ud-gsd-dev", "data/ud-german/de_gsd-ud-dev.conllu", conllu_sentences),
    ("ud-gsd-test", "data/ud-german/de_gsd-ud-test.conllu", conllu_sentences),
    ("ud-pud-test", "data/ud-german/de_pud-ud-test.conllu", conllu_sentences),
    ("ud-gsd-train", "data/ud-german/de_gsd-ud-train.upos-only.txt", upos_sentences),
    ("germeval-dev", "data/germeval2014-ner/NER-de-dev.tsv", germeval_sentences),
    ("germeval-test", "data/germeval2014-ner/NER-de-test.tsv", germeval_sentences),
)


def sentence_pool(shared: Path) -> list[tuple[str, str]]:
    """(source, sentence) in file order; sentences of fewer than 3 words are left out."""
    pool = []
    for name, rel, reader in SOURCES:
        path = shared / rel
        if not path.is_file():
            raise FileNotFoundError(
                f"{path} is missing; point --shared (or READOUT_SHARED) at the shared folder"
            )
        for s in reader(path):
            if len(s.split()) >= 3:
                pool.append((name, s if s[-1] in '.!?…“"»«)' else s + "."))
    return pool


def real_articles(shared: Path) -> list[tuple[str, str]]:
    """(name, text) of the bundled example articles and the dev-news .txt files."""
    out = [
        (p.name.removesuffix(".txt"), p.read_text(encoding="utf-8"))
        for p in sorted(Path(str(files("readout").joinpath("examples", "de"))).glob("*.txt"))
    ]
    news = shared / "corpus" / "dev-news"
    out += [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(news.glob("*.txt"))]
    return out


# ---------------------------------------------------------------- building the corpus

_HEADER_DATE = re.compile(r"^ ?date \d{4}-\d{2}(?:-\d{2})?")


def _random_date(rng: random.Random, year_from: int, year_to: int) -> str:
    return f"{rng.randint(year_from, year_to)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _redate(text: str, date: str) -> str:
    """The same article under another header date (dateline and outlet kept)."""
    if _HEADER_DATE.match(text):
        return _HEADER_DATE.sub(f" date {date}", text, count=1)
    return f" date {date} {text}"


def _pseudo_article(
    rng: random.Random, pool: list[tuple[str, str]], used: Counter[int], by_source: Counter[str]
) -> tuple[str, int]:
    """Consecutive sentences from a random place of the pool (so neighbours often belong together)."""
    target = rng.randint(*WORDS)
    i = rng.randrange(len(pool))
    sents, words = [], 0
    while words < target:
        src, s = pool[i]
        used[i] += 1
        by_source[src] += 1
        sents.append(s)
        words += len(s.split())
        i = (i + 1) % len(pool)
    title = " ".join(sents[0].split()[: rng.randint(4, 8)]).rstrip(".,;:!?…")
    paras, k = [], 0
    while k < len(sents):
        step = rng.randint(2, 5)
        paras.append(" ".join(sents[k : k + step]))
        k += step
    return f" date {_random_date(rng, 2024, 2025)} {title}\n\n" + "\n\n".join(paras) + "\n", words


def build_corpus(docs: int, seed: int, shared: Path) -> Iterator[dict[str, Any]]:
    """Yield the corpus records; the last item is ``{"stats": {...}}`` (how often text repeats)."""
    rng = random.Random(seed)
    pool = sentence_pool(shared)
    real = real_articles(shared)
    used: Counter[int] = Counter()
    by_source: Counter[str] = Counter()
    copies: Counter[str] = Counter()
    redated = words = 0
    for n in range(docs):
        doc_id = f"bench-{n:06d}"
        if n % REAL_EVERY == REAL_EVERY - 1:
            name, text = real[rng.randrange(len(real))]
            copies[name] += 1
            if rng.random() < 0.5:
                text = _redate(text, _random_date(rng, 2025, 2025))
                redated += 1
            words += len(text.split())
            yield {"id": f"{doc_id}-{name}", "text": text, "origin": name}
        else:
            text, w = _pseudo_article(rng, pool, used, by_source)
            words += w
            yield {"id": doc_id, "text": text, "origin": "pseudo"}
    placed = sum(used.values())
    yield {
        "stats": {
            "articles": docs,
            "real_copies": sum(copies.values()),
            "real_share": round(sum(copies.values()) / max(1, docs), 4),
            "real_distinct": len(copies),
            "real_available": len(real),
            "real_redated": redated,
            "sentences_available": len(pool),
            "sentences_placed": placed,
            "sentences_distinct": len(used),
            "sentence_reuse": round(placed / max(1, len(used)), 2),  # mean uses of each sentence used
            "sentence_max_uses": max(used.values(), default=0),
            "sentences_by_source": dict(sorted(by_source.items())),
            "words": words,
            "mean_words": round(words / max(1, docs), 1),
        }
    }


def _fingerprint(shared: Path) -> list[Any]:
    paths = [shared / rel for _, rel, _ in SOURCES] + sorted((shared / "corpus" / "dev-news").glob("*.txt"))
    return [BUILDER_VERSION] + [[p.name, p.stat().st_size] for p in paths if p.exists()]


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/readout`` (``~/.cache/readout``); a temp folder when that cannot be written."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "readout"
    try:
        base.mkdir(parents=True, exist_ok=True)
        if os.access(base, os.W_OK):
            return base
    except OSError:
        pass
    tmp = Path(tempfile.gettempdir()) / "readout-cache"
    tmp.mkdir(parents=True, exist_ok=True)
    return tmp


def ensure_corpus(
    docs: int,
    seed: int,
    shared: Path | None = None,
    where: Path | None = None,
    on_progress: OnProgress | None = None,
) -> tuple[Path, dict[str, Any]]:
    """(path of the cached corpus JSONL, its repetition stats); built once per (N, seed, inputs)."""
    shared = shared or default_shared()
    where = where or cache_dir()
    where.mkdir(parents=True, exist_ok=True)
    path = where / f"bench-{docs}-{seed}.jsonl"
    meta_path = path.with_suffix(".meta.json")
    fingerprint = _fingerprint(shared)
    if path.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta.get("fingerprint") == fingerprint:
            return path, meta["stats"]
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    stats: dict[str, Any] = {}
    with tmp.open("w", encoding="utf-8") as f:
        for n, rec in enumerate(build_corpus(docs, seed, shared)):
            if "stats" in rec:
                stats = rec["stats"]
                continue
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            if on_progress and (n % 100 == 0 or n == docs - 1):
                on_progress("corpus", n + 1, docs)
    os.replace(tmp, path)
    meta_path.write_text(
        json.dumps({"fingerprint": fingerprint, "stats": stats}, ensure_ascii=False), encoding="utf-8"
    )
    return path, stats


def iter_documents(path: Path, limit: int | None = None) -> Iterator[Any]:
    """Documents of a corpus file, read one at a time (as `readout ingest` would read them)."""
    from readout.ingest.read import load_document

    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            if limit is not None and n >= limit:
                return
            rec = json.loads(line)
            yield load_document(rec["id"], rec["text"], {}, f"{path}:{n + 1}")


# ---------------------------------------------------------------- measuring


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (ru_maxrss: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _failure(doc_id: str, phase: str, exc: BaseException) -> dict[str, str]:
    """What failed where: the innermost frame of the traceback names the function to fix."""
    frame = traceback.extract_tb(exc.__traceback__)[-1]
    where = f"{'/'.join(Path(frame.filename).parts[-2:])}:{frame.lineno} in {frame.name}"
    return {"doc_id": doc_id, "phase": phase, "error": f"{type(exc).__name__}: {exc}", "where": where}


@contextmanager
def _timed_stages() -> Iterator[tuple[dict[str, float], dict[str, str]]]:
    """Time each registered stage while process_document runs (the STAGES list is restored after)."""
    from readout import pipeline

    spent = {name: 0.0 for name, _ in pipeline.STAGES}
    now: dict[str, str] = {}  # the stage running (to blame when a document fails)
    original = list(pipeline.STAGES)

    def timed(name: str, stage: Callable[[Any], Any]) -> Callable[[Any], Any]:
        def run(doc: Any) -> Any:
            now["stage"] = name
            t = time.perf_counter()
            try:
                return stage(doc)
            finally:
                spent[name] += time.perf_counter() - t

        return run

    pipeline.STAGES[:] = [(name, timed(name, stage)) for name, stage in original]
    try:
        yield spent, now
    finally:
        pipeline.STAGES[:] = original


def run_benchmark(
    docs: int = 5000,
    seed: int = 1,
    shared: Path | None = None,
    where: Path | None = None,
    on_progress: OnProgress | None = None,
) -> dict[str, Any]:
    """Build (or reuse) the corpus, time the tokeniser and the full pipeline over it, check the targets.

    Only the calls themselves are timed: reading the JSONL line and load_document are not.
    """
    from readout.language.de import analyze
    from readout.pipeline import process_document

    corpus, stats = ensure_corpus(docs, seed, shared, where, on_progress)
    t = time.perf_counter()  # first document: loads lexicons and the knowledge base
    try:
        process_document(next(iter_documents(corpus)))
    except Exception:  # counted in the timed pass below
        pass
    warmup_s = time.perf_counter() - t

    failures: list[dict[str, str]] = []
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    tokenise_s, tokenise_cpu, tokens = 0.0, 0.0, 0
    for n, doc in enumerate(iter_documents(corpus)):
        c, t = time.process_time(), time.perf_counter()
        try:
            tokens += sum(len(s.tokens) for s in analyze(doc.text, doc.body_start))
        except Exception as e:  # a crash is a finding of the benchmark, not the end of it
            failures.append(_failure(doc.doc_id, "tokenise", e))
        tokenise_s += time.perf_counter() - t
        tokenise_cpu += time.process_time() - c
        if on_progress and (n % 50 == 0 or n == docs - 1):
            on_progress("tokenise", n + 1, docs)

    # wall-clock and CPU seconds per document; CPU time is what the pipeline costs even when other
    # jobs share the cores, so linearity is judged on it
    per_doc: list[float] = []
    cpu_doc: list[float] = []
    events, with_events = 0, 0
    with _timed_stages() as (stage_s, now):
        for n, doc in enumerate(iter_documents(corpus)):
            c, t = time.process_time(), time.perf_counter()
            try:
                process_document(doc)
            except Exception as e:
                failures.append(_failure(doc.doc_id, now.get("stage", "pipeline"), e))
            per_doc.append(time.perf_counter() - t)
            cpu_doc.append(time.process_time() - c)
            events += len(doc.events)
            with_events += bool(doc.events)
            if on_progress and (n % 20 == 0 or n == docs - 1):
                on_progress("pipeline", n + 1, docs)
    full_s, cpu_s = sum(per_doc), sum(cpu_doc)
    q = max(1, len(per_doc) // 4)

    def growth(xs: list[float]) -> float:
        """Mean time of the last quarter of the documents over that of the first: 1.0 is linear."""
        return round(statistics.fmean(xs[-q:]) / max(statistics.fmean(xs[:q]), 1e-9), 3)

    staged = sum(stage_s.values()) or 1.0
    result: dict[str, Any] = {
        "docs": docs,
        "seed": seed,
        "articles_per_s": round(docs / full_s, 2),
        "tokenise_articles_per_s": round(docs / tokenise_s, 2),
        "ratio": round(full_s / tokenise_s, 2),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "linearity": growth(cpu_doc),
        "linearity_wall": growth(per_doc),
        "pipeline_s": round(full_s, 3),
        "tokenise_s": round(tokenise_s, 3),
        "warmup_s": round(warmup_s, 3),
        "cpu_articles_per_s": round(docs / cpu_s, 2) if cpu_s else None,
        "cpu_ratio": round(cpu_s / tokenise_cpu, 2) if tokenise_cpu else None,
        # below ~0.9 other processes took the core part of the time: wall-clock numbers are pessimistic
        "cpu_share": round(cpu_s / full_s, 3),
        "load_average": load_before,
        "words_per_s": round(stats.get("words", 0) / full_s),
        "tokens": tokens,
        "ms_per_article_median": round(statistics.median(per_doc) * 1000, 2),
        "ms_per_article_p99": round(sorted(per_doc)[int(0.99 * (len(per_doc) - 1))] * 1000, 2),
        "stage_share": {k: round(v / staged, 3) for k, v in stage_s.items()},
        "failures": len(failures),
        "failed": failures[:20],
        "events": events,
        "articles_with_events": with_events,
        "corpus": {**stats, "path": str(corpus)},
        "python": sys.version.split()[0],
    }
    result["targets"] = {
        t.key: {"target": t.label, "measured": result[t.key], "pass": t.passes(result[t.key])}
        for t in TARGETS
    }
    return result


def profile_pipeline(corpus: Path, limit: int = PROFILE_DOCS) -> Any:
    """A pyinstrument profile of process_document over the first ``limit`` documents of ``corpus``."""
    from pyinstrument import Profiler

    from readout.pipeline import process_document

    docs = list(iter_documents(corpus, limit))
    process_document(next(iter_documents(corpus)))  # the first-call loading is not what we look for
    profiler = Profiler(interval=0.0005)
    profiler.start()
    try:
        for doc in docs:
            try:
                process_document(doc)
            except Exception:  # counted and named by run_benchmark
                pass
    finally:
        profiler.stop()
    return profiler
