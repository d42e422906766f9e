"""Statistics where they help, rules where German grammar is regular.

The trained model (language/model.py: tagger and morphologizer, 94 % POS, 99 % mood on UD German)
refines the rule-based tokens of language/de.py:

- every token of those sentences gets its syntactic ``head`` and ``dep`` (nsubj, obj, obl, …);
- a verb the rules did not recognise (sentence-initial, capitalised, an unknown stem) becomes a
  verb with the model's finiteness;
- Konjunktiv the rules missed ("nachgäbe", "strebe") is taken from the model's ``Mood=Sub`` and
  sorted into I and II by form; a Konjunktiv the rules found by form is kept (the closed lists of
  Konjunktiv I/II forms and the "ich habe" exception are more reliable than the model there).

Without the model files (or spaCy) the rules stand alone. ``READOUT_NO_MODEL=1`` turns it off.
"""

from __future__ import annotations

import os

from readout.language import model
from readout.model import Sentence

_UMLAUTS = set("äöü")


def _can_hold_event(sent: Sentence) -> bool:
    """Only sentences with a trigger word of the events lexicon are worth the model's time (the
    rest keep the rules' analysis): about a third of news sentences, a tenth of other prose."""
    from readout.events.lexicon import load_lexicon

    lex = load_lexicon("de")
    # and a verb whose mood the rules could not settle: a form in -e or with an umlaut that they
    # left indicative, or a capitalised first word
    doubtful = any(t.pos in ("VERB", "AUX") and t.mood in (None, "Ind") and t.text[:1].islower()
                   and (t.text.endswith("e") or _UMLAUTS & set(t.text)) for t in sent.tokens) or (
        sent.tokens[0].pos in ("NOUN", "X") and sent.tokens[0].text.lower() in lex.verb_forms)
    if not doubtful:
        return False
    for t in sent.tokens:
        low = t.text.lower()
        if low in lex.verb_forms or (t.text[:1].isupper() and lex.noun_triggers(t.text)):
            return True
    return False


def refine(sentences: list[Sentence]) -> None:
    if os.environ.get("READOUT_NO_MODEL") or not model.available():
        return
    todo = [s for s in sentences if s.tokens and not s.is_heading and _can_hold_event(s)]
    tagged = model.tag_sentences([[t.text for t in s.tokens] for s in todo], parse=True)
    for sent, tags in zip(todo, tagged, strict=True):
        for tok, tag in zip(sent.tokens, tags, strict=True):
            mpos, morph = tag["pos"], tag["morph"]
            tok.head, tok.dep = tag["head"], tag["dep"]  # subject/object structure for the events stage
            if mpos in ("VERB", "AUX") and tok.pos in ("NOUN", "ADV", "ADJ", "X") and tok.text[:1].isupper() \
                    and tok is sent.tokens[0]:
                tok.pos = mpos  # "Verlangt wurde …": a sentence-initial verb
                tok.finite = morph.get("VerbForm") == "Fin"
            if tok.pos in ("VERB", "AUX") and morph.get("Mood") == "Sub" and tok.mood in (None, "Ind") \
                    and tok.text.lower() not in ("ich",):
                low = tok.text.lower()
                tok.mood = "Sub2" if (_UMLAUTS & set(low)) and not (_UMLAUTS & set(tok.lemma.lower())) else "Sub1"
                tok.finite = True
