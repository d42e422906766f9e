"""Generated corpora for the scale tests: pseudo-articles and hostile files, made at test time.

Pseudo-articles mix sentences of the UD German and GermEval 2014 files under ../shared/data with
sentences of the bundled example articles (which carry the diplomatic events), so the pipeline
finds events, stories and discrepancies in them. Exact and near duplicates are mixed in on
purpose. Everything is deterministic for a given seed; nothing here is committed.

    python tests/scale/corpora.py articles OUT_DIR --n 2000
    python tests/scale/corpora.py hostile OUT_DIR --n 10000
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
EXAMPLES = Path(str(files("readout").joinpath("examples", "de")))

_PLACES = ["Moskau", "Kiew", "Washington", "Berlin", "Brüssel", "Istanbul", "Genf", "Paris"]
_OUTLETS = ["taz", "dpa", "SZ", "FAZ", "Zeit", "Spiegel", "AFP"]
# Excerpts come from all five example articles (the tone-discrepancy id now says which side is
# positive, so contrary verdicts on one call no longer collide on the primary key).
EXCERPT_SOURCES = 5


@lru_cache(maxsize=1)
def corpus_sentences() -> list[str]:
    """German sentences from the UD (``# text =``) and GermEval (token column) files."""
    out: list[str] = []
    for f in sorted((DATA / "ud-german").glob("*.conllu")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.startswith("# text = "):
                out.append(line[9:].strip())
    for f in sorted((DATA / "germeval2014-ner").glob("*.tsv")):
        words: list[str] = []
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                if words:
                    out.append(_detokenize(words))
                words = []
            elif not line.startswith("#"):
                parts = line.split("\t")
                if len(parts) > 1:
                    words.append(parts[1])
    if not out:  # the shared data is missing: fall back to the examples only
        out = [s for _, article in example_articles() for s in article]
    return out


def _detokenize(words: list[str]) -> str:
    text = " ".join(words)
    return re.sub(r" ([.,;:!?)])", r"\1", text).replace("( ", "(")


@lru_cache(maxsize=1)
def example_articles() -> list[tuple[str, list[str]]]:
    """(header, sentences) of each example article."""
    out: list[tuple[str, list[str]]] = []
    for f in sorted(EXAMPLES.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        head, body = text.split(" | ", 1) if " | " in text[:100] else ("", text)
        sents = [s.strip() for s in re.split(r"(?<=[.!?“])\s+(?=[A-ZÄÖÜ„])", body) if len(s.strip()) > 20]
        out.append((head + " | " if head else "", sents))
    return out


def pseudo_article(rng: random.Random) -> str:
    """8-30 sentences in paragraphs. Half of the articles are shortened copies of one example
    article: its header and a stretch of its sentences in their order (so attribution and relative
    dates keep their context), among paragraphs of general text; the others are general text with
    a header, a month-only header or none."""
    general = corpus_sentences()
    head, news = rng.choice(example_articles()[:EXCERPT_SOURCES])
    paras = []
    for _ in range(rng.randint(2, 6)):
        paras.append(" ".join(rng.choice(general) for _ in range(rng.randint(2, 5))))
    excerpt = rng.random() < 0.5
    if excerpt:
        k = rng.randint(3, min(10, len(news)))
        i = rng.randrange(len(news) - k + 1)
        paras.insert(rng.randrange(len(paras) + 1), " ".join(news[i:i + k]))
    body = "\n\n".join(paras) + "\n"
    if excerpt and head:
        return head + body
    r = rng.random()
    if r < 0.6:
        day = f"2025-{rng.randint(1, 9):02d}-{rng.randint(1, 28):02d}"
        return f" date {day} {rng.choice(_PLACES)} {rng.choice(_OUTLETS)} | {body}"
    if r < 0.8:
        return f" date 2025-{rng.randint(1, 9):02d} {body}"
    return body


def write_articles(out: Path, n: int, seed: int = 8, with_examples: bool = True) -> list[Path]:
    """``n`` pseudo-articles as .txt files (plus a JSONL and a CSV file of records) under ``out``.

    About 1 in 20 is an exact copy of an earlier article and 1 in 25 a near copy (one sentence
    changed), so the duplicate handling is exercised. Returns the files written.
    """
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    texts: list[str] = []
    if with_examples:
        for f in sorted(EXAMPLES.glob("*.txt")):
            p = out / f.name
            p.write_bytes(f.read_bytes())
            written.append(p)
            texts.append(f.read_text(encoding="utf-8"))
    records: list[dict[str, str]] = []
    for i in range(n):
        r = rng.random()
        if texts and r < 0.05:
            text = rng.choice(texts)
        elif texts and r < 0.09:
            base = rng.choice(texts)
            words = base.split(" ")
            j = rng.randrange(len(words))
            words[j] = words[j] + "e"
            text = " ".join(words)
        else:
            text = pseudo_article(rng)
        texts.append(text)
        if i % 50 == 49:  # some documents arrive as records
            rec = {"id": f"rec{i:05d}", "text": text}
            if rng.random() < 0.5:
                rec["published"] = f"2025-{rng.randint(1, 9):02d}-{rng.randint(1, 28):02d}"
            records.append(rec)
            continue
        p = out / f"a{i:05d}.txt"
        p.write_text(text, encoding="utf-8")
        written.append(p)
    if records:
        half = len(records) // 2
        p = out / "feed.jsonl"
        p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records[:half]), encoding="utf-8")
        written.append(p)
        buf = io.StringIO()
        w = csv.DictWriter(buf, ["id", "published", "text"], lineterminator="\n")
        w.writeheader()
        for r in records[half:]:
            w.writerow({"id": r["id"], "published": r.get("published", ""), "text": r["text"]})
        p = out / "feed.csv"
        p.write_text(buf.getvalue(), encoding="utf-8")
        written.append(p)
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kind", choices=["articles", "hostile"])
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=8)
    args = ap.parse_args()
    if args.kind == "articles":
        files_ = write_articles(Path(args.out), args.n, args.seed)
        print(f"wrote {len(files_)} files to {args.out}")
    else:
        from hostile import write_hostile  # noqa: PLC0415  (sibling module when run as a script)

        stats = write_hostile(Path(args.out), args.n, args.seed)
        print(json.dumps(stats, indent=1))


if __name__ == "__main__":
    main()
