"""Linguistics: sentences, tokens, lemmas, part of speech, mood — German (de.py) and English (en.py)."""

from __future__ import annotations

from readout.language import de, en
from readout.language.de import clause_spans
from readout.language.detect import detect
from readout.model import Sentence

_ANALYZERS = {"de": de.analyze, "en": en.analyze}


def analyze(text: str, start: int = 0, end: int | None = None, lang: str = "de") -> list[Sentence]:
    """Sentences with tokens of ``text[start:end]`` in language ``lang`` ('de' or 'en')."""
    return _ANALYZERS.get(lang, de.analyze)(text, start, end)


__all__ = ["analyze", "clause_spans", "detect"]
