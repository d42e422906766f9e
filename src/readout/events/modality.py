"""Modality of an event from the words of its clause: asserted, planned, negated, hypothetical.

The cue lists live in data/events/modality_de.json; the rules here only decide scope and
priority (negated > hypothetical > planned > asserted).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from readout.events.lexicon import load_json
from readout.model import Token

# Fallbacks that keep the stage working if the data file lacks a key; the data file extends them.
_NEGATION = {"nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "keinerlei", "nie", "niemals"}
_NOT_NEGATING_AFTER = {"nur", "zuletzt", "wie", "einmal", "minder", "ohne", "umsonst"}
_HYPOTHETICAL = {
    "könnte", "könnten", "würde", "würden", "möglich", "mögliche", "möglichen", "möglicher", "mögliches",
    "womöglich", "eventuell", "eventuelle", "eventuellen", "denkbar", "wahrscheinlichkeit", "falls", "etwaige",
    "etwaigen", "potenzielle", "potenziellen", "hypothetisch",
}
_PLANNED = {
    "will", "wollen", "wolle", "wollten", "soll", "sollen", "solle", "sollte", "sollten", "bald", "baldige", "baldigen",
    "baldiges", "demnächst", "künftig", "künftige", "künftigen", "zukunft", "zeitnah", "unverzüglich",
    "angekündigt", "ankündigen", "kündigte", "kündigten", "geplant", "geplante", "geplanten", "plant", "planen",
    "planten", "vorbereitet", "beabsichtigt", "vorgesehen", "morgen", "nächste", "nächsten", "kommende",
    "kommenden", "anstehende", "anstehenden",
}
_FUTURE_AUX = {"wird", "werden", "werde", "werdet", "wirst"}
# English: the same four values from English cues (data/events/modality_en.json extends them)
_EN = {
    "negation": {"not", "n't", "no", "never", "neither", "nor"},
    "hypothetical": {"could", "might", "may", "possible", "possibly", "potential", "potentially", "perhaps",
                     "maybe", "hypothetical", "conceivably", "if", "unless", "would"},
    "planned": {"will", "'ll", "plan", "plans", "planned", "planning", "scheduled", "expected", "intends", "intend",
                "intended", "upcoming", "tomorrow", "next", "soon", "shall", "aims", "pledged", "vowed", "set",
                "going", "due", "announced", "agreed", "prepare", "preparing", "prepared"},
}
_SPEECH_EN = {"said", "told", "announced", "stated", "added", "says", "tells", "warned", "promised", "pledged",
              "agreed", "vowed", "confirmed"}
_INFINITIVE_AUX = {"haben", "sein", "gewesen"}


@dataclass(frozen=True, slots=True)
class ModalityCues:
    negation: frozenset[str]
    hypothetical: frozenset[str]
    planned: frozenset[str]


def _words(section: object) -> set[str]:
    out: set[str] = set()
    if isinstance(section, list):
        for item in section:
            cue = item.get("cue") if isinstance(item, dict) else item
            if isinstance(cue, str) and " " not in cue.strip() and "…" not in cue and "..." not in cue:
                out.add(cue.strip().lower())
    return out


@cache
def cues(lang: str = "de") -> ModalityCues:
    try:
        data = load_json(f"modality_{lang}.json")
    except FileNotFoundError:
        data = {}
    if lang == "en":
        base_neg, base_hyp, base_plan = _EN["negation"], _EN["hypothetical"], _EN["planned"]
    else:
        base_neg, base_hyp, base_plan = _NEGATION, _HYPOTHETICAL, _PLANNED
    return ModalityCues(
        frozenset(base_neg | _words(data.get("negated"))),
        frozenset(base_hyp | _words(data.get("hypothetical"))),
        frozenset(base_plan | _words(data.get("planned"))),
    )


_ATTRIBUTIVE = ("möglich", "eventuell", "etwaig", "potenziell", "denkbar", "possible", "potential")


def _elsewhere(w: str, j: int, trigger_index: int | None, toks: list[Token]) -> bool:
    """An attributive 'möglich-' / 'possible' makes only its own noun hypothetical: in "haben zur
    Vorbereitung eines möglichen Treffens telefoniert" the call took place."""
    if trigger_index is None or not w.startswith(_ATTRIBUTIVE) or w in ("möglich", "denkbar", "eventuell"):
        return False
    if w in ("possible", "potential") and j + 1 < len(toks) and toks[j + 1].pos not in ("NOUN", "ADJ"):
        return False
    if trigger_index < len(toks) and toks[trigger_index].pos in ("VERB", "AUX"):
        return True  # an adjective never modifies the verb
    return not (0 < trigger_index - j <= 2)


def _english_modality(toks: list[Token], c: ModalityCues, negation_scope: bool,
                      trigger_index: int | None = None) -> tuple[str, str | None]:
    low = [t.text.lower().replace("’", "'") for t in toks]
    if negation_scope and trigger_index is not None and "without" in low[max(0, trigger_index - 3):trigger_index]:
        return "negated", "without"  # "talks ended without agreement": the agreement did not happen
    if negation_scope:
        for j, w in enumerate(low):
            if w in c.negation and not (w == "no" and j + 1 < len(low) and low[j + 1] in ("longer", "later", "more")) \
                    and not (w == "not" and trigger_index is not None and j == trigger_index + 1
                             and j + 1 < len(low) and low[j + 1] == "to"):
                # "agreed not to use force": the negation is the content's, the agreement was made
                return "negated", toks[j].text
            if w in ("failed", "fail", "fails") and j + 1 < len(low) and low[j + 1] == "to" and (
                    trigger_index is None or j < trigger_index):
                return "negated", toks[j].text  # "failed to agree": it did not happen
    speech = any(w in _SPEECH_EN for w in low)
    for j, w in enumerate(low):
        if w == "may" and toks[j].text == "May":
            continue  # the month
        if w == "would" and speech:
            return "planned", toks[j].text  # reported future: "said Russia would halt"
        if w in c.hypothetical and not _elsewhere(w, j, trigger_index, toks):
            return "hypothetical", toks[j].text
    for j, w in enumerate(low):
        if w == "set" and not (j + 1 < len(low) and low[j + 1] == "to"):
            continue
        if w == "going" and not (j + 1 < len(low) and low[j + 1] == "to"):
            continue
        if w in ("agreed", "announced", "pledged") and not (j + 1 < len(low) and low[j + 1] in ("to", "that")):
            continue
        if trigger_index is not None and j > trigger_index and (
                toks[trigger_index].finite or (toks[trigger_index].pos == "VERB" and toks[trigger_index].tense == "Past")) \
                and w not in ("tomorrow", "next", "soon", "upcoming"):
            continue  # "spoke by phone to prepare a summit", "had called up reservists": the act took place
        if w in ("planned", "scheduled", "expected", "upcoming") and trigger_index is not None and j + 1 < len(toks) \
                and toks[j + 1].pos in ("NOUN", "ADJ") and not (0 < trigger_index - j <= 2):
            continue  # "ahead of a planned offensive": the adjective plans its own noun only
        if w in c.planned:
            return "planned", toks[j].text
        if w in ("is", "are", "was", "were") and j + 1 < len(low) and low[j + 1] == "to" and j + 2 < len(low) \
                and toks[j + 2].pos in ("VERB", "NOUN", "AUX") and low[j + 2] not in ("be",):
            return "planned", toks[j].text  # "are to meet"
    return "asserted", None


def is_reportative_sollen(toks: list[Token], i: int) -> bool:
    """'soll … gedauert haben': 'sollen' with a perfect infinitive reports hearsay, it plans nothing."""
    rest = [t.text.lower() for t in toks[i + 1:]]
    for j, w in enumerate(rest):
        if w in _INFINITIVE_AUX and j > 0 and (rest[j - 1].startswith("ge") or rest[j - 1].endswith(("t", "en"))):
            return True
    return False


def clause_modality(toks: list[Token], trigger_index: int | None = None, negation_scope: bool = True,
                    following: list[Token] | tuple[Token, ...] = (), lang: str = "de") -> tuple[str, str | None]:
    """(modality, cue) for the tokens of one clause; ``following`` are the sentence's tokens after
    it, where the perfect infinitive of a reportative 'soll' may stand after an inserted phrase."""
    c = cues(lang)
    if lang == "en":
        return _english_modality(toks, c, negation_scope, trigger_index)
    low = [t.text.lower() for t in toks]
    if negation_scope and trigger_index is not None and "ohne" in low[max(0, trigger_index - 3):trigger_index]:
        return "negated", "ohne"  # "endeten ohne Einigung": the agreement did not happen
    if negation_scope:
        for j, w in enumerate(low):
            if w in c.negation:
                nxt = low[j + 1] if j + 1 < len(low) else ""
                if w == "nicht" and nxt in _NOT_NEGATING_AFTER:
                    continue
                return "negated", toks[j].text
    for j, w in enumerate(low):
        if w in c.hypothetical and not _elsewhere(w, j, trigger_index, toks):
            return "hypothetical", toks[j].text
        if j == 0 and w in ("sollte", "sollten", "wenn", "falls") :
            return "hypothetical", toks[j].text
    for j, w in enumerate(low):
        if w in ("soll", "sollen", "solle", "sollten") and is_reportative_sollen([*toks, *following], j):
            continue
        if w in c.planned:
            return "planned", toks[j].text
        if w in ("angesetzt", "anberaumt", "terminiert") and ({"ist", "sind"} & set(low)):
            return "planned", toks[j].text  # "ist für den 4. August angesetzt"; "war für 14 Uhr angesetzt" took place
        if w in _FUTURE_AUX:
            # future: 'werden' + infinitive; passive/ copula 'werden' + participle is not the future
            tail = [t for t in toks[j + 1:] if t.pos not in ("PUNCT",)]
            if tail and tail[-1].text.lower().endswith("en") and not tail[-1].text.lower().startswith("ge"):
                return "planned", toks[j].text
            if tail and not any(t.finite for t in tail):
                # the infinitive after an inserted phrase: "werden mit X und, noch wichtiger, Y beginnen"
                last = _clause_final(following)
                if last is not None and last.text.lower().endswith("en") and not last.finite \
                        and not last.text.lower().startswith("ge"):
                    return "planned", toks[j].text
    return "asserted", None


_CLAUSE_END = {".", "!", "?", ";", ":", "“", "”", "\"", "«", "»"}


def _clause_final(following: list[Token] | tuple[Token, ...]) -> Token | None:
    """The last word before the sentence or the quotation ends, unless a new finite verb comes first."""
    last = None
    for t in following:
        if t.text in _CLAUSE_END:
            return last
        if t.finite:
            return None
        if t.pos != "PUNCT":
            last = t
    return last
