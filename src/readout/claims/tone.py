"""Tone words (data/events/tone.jsonl): how a claimer characterises a contact."""

from __future__ import annotations

import re
from functools import cache

from readout.events.lexicon import load_jsonl


@cache
def _lexicon() -> dict[str, str]:
    try:
        rows = load_jsonl("tone.jsonl")
    except FileNotFoundError:
        return {}
    return {r["word"].lower(): r.get("polarity", "neutral") for r in rows}


@cache
def _pattern(lang: str) -> re.Pattern[str] | None:
    try:
        rows = load_jsonl("tone.jsonl")
    except FileNotFoundError:
        return None
    words = sorted({r["word"].lower() for r in rows if r.get("lang", "de") == lang}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def polarity(word: str) -> str:
    return _lexicon().get(word.lower(), "neutral")


def find_tone(text: str, lang: str = "de") -> list[tuple[int, int, str, str]]:
    """(start, end, word, polarity) of every tone word in ``text``, longest match first."""
    pat = _pattern(lang)
    if pat is None:
        return []
    return [(m.start(), m.end(), m.group(0), polarity(m.group(0))) for m in pat.finditer(text)]
