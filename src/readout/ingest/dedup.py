"""Near-duplicate detection: MinHash over word 5-shingles with LSH banding (no O(n²) comparison)."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict

from readout.model import Document

_WORD = re.compile(r"\w+")
_PERM = 32
_BANDS = 8
_MASK = (1 << 61) - 1
_SEEDS = [int(hashlib.sha1(str(i).encode()).hexdigest()[:15], 16) | 1 for i in range(_PERM)]


def _shingles(text: str, k: int = 5) -> set[int]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {hash(" ".join(words))} if words else set()
    return {int(hashlib.md5(" ".join(words[i:i + k]).encode()).hexdigest()[:15], 16) for i in range(len(words) - k + 1)}


def similarity(a: Document, b: Document) -> float:
    sa, sb = _shingles(a.text[a.body_start:]), _shingles(b.text[b.body_start:])
    return len(sa & sb) / len(sa | sb) if sa | sb else 1.0


def _minhash(sh: set[int]) -> tuple[int, ...]:
    return tuple(min(((x * s) & _MASK) for x in sh) for s in _SEEDS)


def find_near_duplicates(docs: list[Document], threshold: float = 0.8) -> list[tuple[str, str, float]]:
    """Pairs (a, b, similarity) of documents whose texts overlap at least ``threshold`` (Jaccard)."""
    shingles = {d.doc_id: _shingles(d.text[d.body_start:]) for d in docs}
    buckets: dict[tuple[int, tuple[int, ...]], list[str]] = defaultdict(list)
    rows = _PERM // _BANDS
    for d in docs:
        sh = shingles[d.doc_id]
        if not sh:
            continue
        mh = _minhash(sh)
        for b in range(_BANDS):
            buckets[(b, mh[b * rows:(b + 1) * rows])].append(d.doc_id)
    seen: set[tuple[str, str]] = set()
    out = []
    for ids in buckets.values():
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                if a == b or (a, b) in seen:
                    continue
                seen.add((a, b))
                sa, sb = shingles[a], shingles[b]
                sim = len(sa & sb) / len(sa | sb)
                if sim >= threshold:
                    out.append((a, b, round(sim, 3)))
    return sorted(out)
