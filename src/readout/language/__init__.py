"""Linguistics: sentences, tokens, lemmas, part of speech, mood (German now; English later)."""

from readout.language.de import analyze, clause_spans

__all__ = ["analyze", "clause_spans"]
