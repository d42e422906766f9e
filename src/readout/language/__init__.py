"""Linguistics: sentences, tokens, lemmas, part of speech, mood — German (de.py) and English (en.py)."""

from __future__ import annotations

from readout.language import de, en
from readout.language.de import clause_spans
from readout.language.detect import detect
from readout.model import Sentence

_ANALYZERS = {"de": de.analyze, "en": en.analyze}


def analyze(text: str, start: int = 0, end: int | None = None, lang: str = "de",
            use_model: bool = True) -> list[Sentence]:
    """Sentences with tokens of ``text[start:end]`` in language ``lang`` ('de' or 'en'). German
    tokens are then refined by the trained model (language/model.py) where it is shipped."""
    sentences = _ANALYZERS.get(lang, de.analyze)(text, start, end)
    if lang == "de" and use_model:
        from readout.language.combine import refine

        refine(sentences)
    return sentences


__all__ = ["analyze", "clause_spans", "detect"]
