"""The small trained German model: part of speech and verbal morphology for pre-tokenised words.

A spaCy pipeline (tok2vec + tagger + morphologizer + a parser run only on request; see
docs/language.md for the data, scores and speed) shipped as a directory inside the package,
``readout/models/de_core``. It is loaded once,
from disk only; nothing is downloaded. The words come from our own tokenizer (readout.language.de),
so the pipeline's tokenizer is never used: each sentence becomes a ``Doc`` of the given words and
runs through the trained components.

    >>> from readout.language import model
    >>> [t["morph"].get("Mood") for t in model.tag_tokens(["Er", "sagte", ",", "Russland", "sei", "bereit", "."])]
    [None, 'Ind', None, None, 'Sub', None, None]

Mood and Tense are kept only on tokens tagged VERB or AUX, so that the two components never
disagree about whether a word is a finite verb.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

MODEL_DIR = ("models", "de_core")
_VERBAL = {"VERB", "AUX"}
_VERB_ONLY_FEATS = ("Mood", "Tense")


def model_path() -> Path:
    """The shipped pipeline directory (inside the installed package)."""
    return Path(str(files("readout").joinpath(*MODEL_DIR)))


def available() -> bool:
    """True when spaCy is installed and the shipped model directory is present."""
    try:
        import spacy  # noqa: F401
    except ImportError:
        return False
    return (model_path() / "config.cfg").is_file()


@lru_cache(maxsize=1)
def load_model() -> Any:
    """The spaCy pipeline, loaded once per process from the package directory."""
    import spacy

    path = model_path()
    if not (path / "config.cfg").is_file():
        raise FileNotFoundError(f"no trained German model at {path}; run scripts/train_language_model.py all")
    return spacy.load(path)


def tag_tokens(words: list[str], parse: bool = False) -> list[dict[str, Any]]:
    """One dict per word: ``text``, ``pos`` (UPOS), ``lemma`` (None unless a lemmatizer was trained),
    ``morph`` (UD features, e.g. ``{"Mood": "Sub", "Tense": "Pres", "VerbForm": "Fin", ...}``),
    ``head`` (index into ``words``; the root points to itself) and ``dep`` (UD relation, ``root``
    for the root) when ``parse`` is asked for and the model has a parser, else None. Parsing costs about as much as everything else together, so
    callers ask for it only on the sentences that need it (event triggers)."""
    return tag_sentences([words], parse=parse)[0]


def tag_sentences(sentences: Iterable[list[str]], parse: bool = False,
                  batch_size: int = 256) -> list[list[dict[str, Any]]]:
    """:func:`tag_tokens` for many sentences at once; batching is several times faster."""
    from spacy.tokens import Doc

    nlp = load_model()
    sentences = list(sentences)
    out: list[list[dict[str, Any]]] = [[] for _ in sentences]
    todo = [i for i, words in enumerate(sentences) if words]
    # spaCy refuses empty and whitespace-only words; they carry no grammar anyway
    docs: Iterable[Any] = (Doc(nlp.vocab, words=[w if w.strip() else "_" for w in sentences[i]]) for i in todo)
    parsed = parse and "parser" in nlp.pipe_names
    for name, component in nlp.pipeline:
        if name != "parser" or parsed:
            docs = component.pipe(docs, batch_size=batch_size)
    tagged = "tagger" in nlp.pipe_names
    lemmas = "trainable_lemmatizer" in nlp.pipe_names
    for i, doc in zip(todo, docs, strict=True):
        out[i] = [_token(t, w, tagged, lemmas, parsed) for t, w in zip(doc, sentences[i], strict=True)]
    return out


def _token(t: Any, word: str, tagged: bool, lemmas: bool, parsed: bool) -> dict[str, Any]:
    # the tagger learnt from ~13,800 more sentences than the morphologizer: its UPOS wins
    pos = (t.tag_ if tagged else "") or t.pos_ or "X"
    morph = t.morph.to_dict()
    if pos not in _VERBAL:
        for k in _VERB_ONLY_FEATS:
            morph.pop(k, None)
    return {
        "text": word,
        "pos": pos,
        "lemma": (t.lemma_ or None) if lemmas else None,
        "morph": morph,
        "head": t.head.i if parsed else None,
        "dep": ("root" if t.dep_ == "ROOT" else t.dep_) if parsed else None,
    }
