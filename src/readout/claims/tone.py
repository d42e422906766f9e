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
    """Polarity of a tone word or phrase; a leading negator ("nicht glücklich") turns it."""
    low = " ".join(word.lower().split())
    if low in _lexicon():
        return _lexicon()[low]
    m = re.match(r"(?:nicht|kein\w*|nie|wenig|no|not|never|hardly)\s+(?:\w+\s+)?(.+)$", low)
    if m and m.group(1) in _lexicon():
        return _FLIP.get(_lexicon()[m.group(1)], "neutral")
    return "neutral"


_NEGATORS = re.compile(r"(?:\b(?:nicht|kein\w*|nie|wenig|no|not|never|hardly)\s+(?:\w+\s+)?)$", re.IGNORECASE)
_FLIP = {"positive": "negative", "negative": "positive"}


def find_tone(text: str, lang: str = "de") -> list[tuple[int, int, str, str]]:
    """(start, end, word, polarity) of every tone word in ``text``, longest match first; a negator
    just before a word turns its polarity ("keinerlei Fortschritt", "nicht glücklich")."""
    pat = _pattern(lang)
    if pat is None:
        return []
    out = []
    for m in pat.finditer(text):
        if re.match(r"\s+(?:\d|zwei|drei|vier|fünf|sechs|zehn|hundert|tausend|eine?n?\b|ein\w*stündig|zweistündig)",
                    text[m.end():m.end() + 12], re.IGNORECASE) and m.group(0).lower() in ("gut", "good"):
            continue  # "gut zweistündig", "gut 100 Menschen": a measure, not praise
        pol = polarity(m.group(0))
        head = text[max(0, m.start() - 30):m.start()]
        neg = _NEGATORS.search(head)
        if neg and pol in _FLIP and not re.match(r"(?:nicht|kein|no|not)\b", m.group(0), re.I):
            start = m.start() - (len(head) - neg.start())
            out.append((start, m.end(), text[start:m.end()], _FLIP[pol]))
            continue
        out.append((m.start(), m.end(), m.group(0), pol))
    return out
