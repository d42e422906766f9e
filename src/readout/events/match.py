"""Finding trigger words of the lexicon in a sentence, clause by clause."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from readout.events.lexicon import Lexicon, Trigger, grammar
from readout.model import Sentence, Token

# Speech acts and stances govern the content words of their clause ("drohte mit Sanktionen" is a
# threat, not a sanction; "forderte eine Waffenruhe" is a request).
FRAME_RANK = {
    "THREATEN": 4, "REQUEST": 4, "REJECT": 3, "ACCUSE": 3, "PROTEST": 3,
    "AGREE": 2, "CONCEDE": 2, "SUPPORT": 2,
}
CONTACT_TYPES = {"CONSULT"}
# particles that are also prepositions count only at the clause end ("gab … nach" vs "nach dem Treffen")
_PREPOSITION_PARTICLES = {"nach", "an", "auf", "aus", "mit", "vor", "zu", "ab", "bei", "durch", "um", "über", "gegen"}
_PARTICLE_POS = {"PART", "ADP", "ADV", "ADJ", "X", "PROPN", "NOUN"}


@dataclass(slots=True)
class Match:
    trigger: Trigger
    index: int  # token index in the sentence
    start: int
    end: int
    clause: tuple[int, int]
    reference: bool = False  # a contact noun used as a time reference ("nach dem Gespräch")
    unsupported: bool = False  # a state-of-affairs noun with no verb making it an event: may not head one
    independent: bool = False  # its own event even inside another's clause ("after the talks", "Russia's strikes")

    @property
    def rank(self) -> float:
        base = FRAME_RANK.get(self.trigger.type, 1)
        if self.trigger.kind != "noun":
            base += 0.5
        return base + self.trigger.confidence / 10


def clause_of(offset: int, clauses: list[tuple[int, int]], sent: Sentence) -> tuple[int, int]:
    for c in clauses:
        if c[0] <= offset < c[1]:
            return c
    return (sent.start, sent.end)


def _clause_tokens(sent: Sentence, clause: tuple[int, int]) -> list[tuple[int, Token]]:
    return [(i, t) for i, t in enumerate(sent.tokens) if clause[0] <= t.start < clause[1]]


def _lemmas(toks: list[tuple[int, Token]]) -> set[str]:
    out = set()
    for _, t in toks:
        out.add(t.lemma.lower())
        out.add(t.text.lower())
    return out


def _present(word: str, lemmas: set[str], low_text: str) -> bool:
    """A required word is in the clause: as a token or lemma, or (phrases and longer stems, which
    also match inside compounds: "Waffen" in "Waffenlieferungen") in the clause text."""
    w = word.lower()
    return w in lemmas or ((" " in w or len(w) >= 5) and w in low_text)


def _requirements_met(trig: Trigger, lemmas: set[str], low_text: str) -> bool:
    if trig.requires and not any(_present(r, lemmas, low_text) for r in trig.requires):
        return False
    if trig.excludes and any(x.lower() in lemmas if " " not in x else x.lower() in low_text for x in trig.excludes):
        return False
    return True


def _en_stems(low: str) -> tuple[str, ...]:
    """Base forms a phrase may be listed under when the tagger's lemma misses them ('ending' -> 'end')."""
    if low.endswith("ing") and len(low) > 5:
        return (low[:-3], low[:-3] + "e")
    if low.endswith("ed") and len(low) > 4:
        return (low[:-2], low[:-1])
    return ()


def _first_required(trig: Trigger, after: str) -> int:
    """Where the first of the words a sense requires ends in the text after the trigger ("fighter jets" and
    "jets" end together)."""
    found = [m.end() for r in trig.requires for m in [re.search(r"\b" + re.escape(r.lower()) + r"[\w-]*", after)] if m]
    return min(found, default=10_000)


# words that open an English clause of its own when a subject and a finite verb follow
EN_SUBORDINATORS = frozenset({"because", "although", "though", "while", "whereas", "as", "after", "before", "since",
                              "when", "until", "once"})


_DEFINITE_DE = {"der", "die", "das", "den", "dem", "des", "diese", "dieser", "diesen", "diesem", "dieses", "seine", "seinen",
                "seiner", "seinem", "ihre", "ihren", "ihrer", "ihrem", "unsere", "unseren"}


def _german_attributive(toks: list[Token], i: int) -> bool:
    """'die angedrohten Strafzölle', 'die von Russland zugesagten Lieferungen', 'der von den Vereinten Nationen
    unterstützten Mission': a participle before its noun describes the noun; the act is not told here."""
    tok = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None or nxt.pos not in ("NOUN", "PROPN") or not nxt.text[:1].isupper():
        return False
    # only what is given: "die angedrohten Strafzölle" refers back; "Hinzu kommen angedrohte Sekundärsanktionen"
    # tells the threat for the first time
    j = i - 1
    while j >= 0 and i - j <= 7 and toks[j].pos not in ("DET",) and not (toks[j].finite and toks[j].pos in ("VERB", "AUX")):
        j -= 1
    definite = j >= 0 and toks[j].pos == "DET" and toks[j].text.lower() in _DEFINITE_DE
    if tok.pos == "ADJ":
        return definite
    low = tok.text.lower()
    if not low.endswith(("ten", "enen", "ene", "te")):
        return False
    for j in range(i - 1, max(-1, i - 7), -1):
        t = toks[j]
        if t.finite and t.pos in ("VERB", "AUX"):
            return False
        if t.text.lower() == "von" and j > 0 and toks[j - 1].pos == "DET":
            return True
    return False


def _modifiers_before(toks: list[Token], i: int) -> int:
    """Index of the first word of the noun's modifiers ("every [peace] proposal", "the [new] sanctions")."""
    j = i
    while j > 0 and i - j < 3 and toks[j - 1].pos in ("ADJ", "NOUN", "PROPN") and toks[j - 1].text[:1].isalpha():
        j -= 1
    return j


def _generic_noun(toks: list[Token], i: int, g: Any) -> bool:
    j = _modifiers_before(toks, i)
    return j > 0 and toks[j - 1].text.lower() in g.generic_determiners


def _topic_of_contact(toks: list[Token], i: int, g: Any, lex: Lexicon) -> bool:
    """'Verhandlungen zwischen Israel und der Hamas über die zweite Phase der Waffenruhe', 'talks on a trade
    deal': what a contact is about is its topic, not an event."""
    if not g.topic_after_contact:
        return False
    for j in range(i - 1, max(-1, i - 9), -1):
        t = toks[j]
        if (t.finite and t.pos in ("VERB", "AUX")) or t.text in (",", ";", ":"):
            return False
        if t.text.lower() in g.topic_after_contact:
            for k in range(j - 1, max(-1, j - 8), -1):
                c = toks[k]
                if (c.finite and c.pos in ("VERB", "AUX")) or c.text in (",", ";", ":"):
                    return False
                if any(tr.type == "CONSULT" for tr in lex.noun_triggers(c.text)):
                    return True
            return False
    return False


def _np_start(toks: list[Token], i: int) -> int:
    """Index of the first word of the noun phrase, articles and numbers included ("the new sanctions")."""
    j = _modifiers_before(toks, i)
    while j > 0 and toks[j - 1].pos in ("DET", "NUM") and i - j < 5:
        j -= 1
    return j


def _in_state(toks: list[Token], i: int, g: Any) -> bool:
    if i + 1 < len(toks) and toks[i + 1].pos == "VERB" and toks[i + 1].tense == "Past":
        return False  # "under a deal announced on Thursday": the deal is news here
    j = _np_start(toks, i)
    return j > 0 and toks[j - 1].text.lower() in g.state_preps and not (
        j > 1 and toks[j - 2].text.lower() in g.state_entry_verbs)


def _mentioned(toks: list[Token], i: int, g: Any) -> bool:
    """The noun is what a verb of speech names ("did not mention sanctions", "raised the ceasefire")."""
    if not g.topic_verbs:
        return False
    j = _np_start(toks, i)
    return j > 0 and toks[j - 1].pos == "VERB" and toks[j - 1].lemma.lower() in g.topic_verbs


def _governed(toks: list[Token], i: int, g: Any) -> bool:
    """'hold off on the tariffs', 'agreed on sanctions': the preposition belongs to the verb before it."""
    for j in range(max(0, i - 3), i):
        if toks[j].text.lower() in g.governed_preps and j > 0:
            p = toks[j - 1]
            if p.pos == "VERB" or (p.pos in ("ADP", "PART", "ADV") and j > 1 and toks[j - 2].pos == "VERB"):
                return True
    return False


def find_matches(sent: Sentence, text: str, clauses: list[tuple[int, int]], lex: Lexicon,
                 lang: str = "de") -> list[Match]:
    """Every trigger in ``sent``; at most one per token (the most specific lexicon entry wins)."""
    out: list[Match] = []
    toks = sent.tokens
    clause_cache: dict[tuple[int, int], tuple[list[tuple[int, Token]], set[str], str]] = {}

    def clause_info(c: tuple[int, int]) -> tuple[list[tuple[int, Token]], set[str], str]:
        if c not in clause_cache:
            ct = _clause_tokens(sent, c)
            clause_cache[c] = (ct, _lemmas(ct), text[c[0]:c[1]].lower())
        return clause_cache[c]

    sentence_cache: list[tuple[set[str], str]] = []

    def sentence_info() -> tuple[set[str], str]:
        """English clauses are cut at subordinators: what a verb needs ("blocked it" a proposal) may be earlier."""
        if not sentence_cache:
            sentence_cache.append((_lemmas(list(enumerate(toks))), text[sent.start:sent.end].lower()))
        return sentence_cache[0]

    ends_cache: dict[tuple[int, int], tuple[int, set[int]]] = {}

    def clause_ends(c: tuple[int, int], ctoks: list[tuple[int, Token]]) -> tuple[int, set[int]]:
        """The clause's last word and the words before a comma or a conjunction: where a particle may stand."""
        if c not in ends_cache:
            words = [(j, t) for j, t in ctoks if t.pos != "PUNCT"]
            ends_cache[c] = (words[-1][0] if words else -1, {
                j for j, t in ctoks if j + 1 < len(toks) and (toks[j + 1].pos in ("PUNCT", "CCONJ")
                                                              or toks[j + 1].text.lower() in ("und", "oder", "sowie", "aber"))})
        return ends_cache[c]

    consumed: set[int] = set()  # later words of a phrase already matched ("pull … back"): not triggers themselves
    phrase_words: dict[str, list[int]] = {}
    for i, tok in enumerate(toks):
        word = tok.text
        if len(word) < 3 or not word[0].isalpha() or i in consumed:
            continue
        clause = clause_of(tok.start, clauses, sent)
        ctoks, lemmas, low_text = clause_info(clause)
        low = word.lower()
        cands: list[tuple[Trigger, int]] = []  # (trigger, end offset)
        # English: after a determiner or a possessive the word is a noun ("a call", "Russia's strikes")
        if lang == "en" and i > 0 and toks[i - 1].text == "-" and toks[i - 1].end == tok.start \
                and low.endswith(("ed", "led")):
            continue  # "the U.S.-backed proposal", "Iran-led talks": an attribute, not an act
        noun_slot = lang == "en" and i > 0 and ((toks[i - 1].pos in ("DET", "NUM", "ADJ") and toks[i - 1].text.lower() not in (
            "each", "both", "all", "also")) or toks[i - 1].text in ("'s", "’s")
                                               or toks[i - 1].text.lower().endswith(("-hour", "-minute", "-day")))
        # "gab sich zurückhaltend", "die drohende Eskalation": a present participle describes, it tells no act
        attributive = lang == "de" and (_german_attributive(toks, i) or bool(re.search(r"end(?:e|en|er|es|em)?$", low)))
        if (word[0].islower() or i == 0 or tok.pos in ("VERB", "AUX")) and not noun_slot and not attributive:
            forms = lex.verb_forms.get(low) or (lex.verb_forms.get(_us_spelling(low), ()) if lang == "en" else ())
            for vf in forms:
                if vf.needs_particle:
                    part = vf.trigger.particle
                    last, ends = clause_ends(clause, ctoks)
                    # a separable particle stands at the clause end, whatever the tagger calls it ("setzte … ein")
                    if not any(j > i and t.text.lower() == part and (j == last or j in ends or (
                            t.pos in _PARTICLE_POS and part not in _PREPOSITION_PARTICLES)) for j, t in ctoks):
                        continue
                cands.append((vf.trigger, tok.end))
        if word[0].isupper() or lang == "en":  # English nouns are lower case
            for trig in lex.noun_triggers(word) or (lex.noun_triggers(_us_spelling(low)) if lang == "en" else []):
                cands.append((trig, tok.end))
        stems = _en_stems(low) if lang == "en" else ()
        for trig in [*lex.phrases.get(low, []), *(lex.phrases.get(tok.lemma.lower(), []) if tok.lemma.lower() != low else []),
                     *(t for st in stems if st not in (low, tok.lemma.lower()) for t in lex.phrases.get(st, []))]:
            if noun_slot and low in lex.verb_forms:
                continue  # "the threatened tariffs": a participle used as an adjective, not the act
            words = [w.lower() for w in (trig.words or tuple(trig.lemma.split()))]
            pos, ok, at = i, True, []
            # English phrases are near-contiguous ("called on", "pulled its forces back"); German
            # ones spread over the clause ("knüpfte … an die Bedingung")
            gap = 6 if lang == "en" else 99
            for w in words[1:]:
                # a preposition belongs right after its verb ("called on X to …", not "called a rally … on Sunday");
                # a particle may follow the object ("pull its forces back")
                step = 1 if lang == "en" and w in _EN_PREPOSITIONS else gap
                nxt = next((j for j, t in ctoks if pos < j <= pos + step and (
                    t.text.lower() == w or t.lemma.lower() == w or (lang == "en" and t.lemma.lower() == _en_lemma(w)))), None)
                if nxt is None:
                    ok = False
                    break
                pos = nxt
                at.append(nxt)
            if ok:
                cands.append((trig, tok.end))
                phrase_words[trig.id] = at
        cands = [(t, e) for t, e in cands if _requirements_met(t, lemmas, low_text) or (
            lang == "en" and t.requires and (text[clause[0]:clause[1]].split(None, 1)[0].lower() in EN_SUBORDINATORS
                                             or set(t.requires) <= grammar(lang).condition_starts)
            and _requirements_met(t, *sentence_info()))]
        if not cands:
            continue
        if lang == "en" and i > 0 and {t.kind for t, _ in cands} >= {"verb", "noun"}:
            p = toks[i - 1]
            # "ease sanctions", "new sanctions": a noun; "would sanction", "Russia sanctions": a verb
            if p.pos not in ("AUX", "PART", "PRON", "PROPN") and p.text[:1].islower() and not (
                    tok.pos == "VERB" and tok.finite and p.pos in ("ADV", "NOUN") and p.text.lower() in _VERB_ADVERBS):
                cands = [(t, e) for t, e in cands if t.kind != "verb"]
        if lang == "en" and len(cands) > 1 and all(t.requires for t, _ in cands) and len({t.kind for t, _ in cands}) == 1:
            # "sending warships and fighter jets": the sense whose object comes first ("send" MOBILIZE, not AID)
            after = text[tok.end:clause[1]].lower()
            trig, end = min(cands, key=lambda te: (_first_required(te[0], after), -te[0].confidence))
        else:
            trig, end = max(cands, key=lambda te: (te[0].kind == "phrase", te[0].confidence))
        if trig.kind == "phrase" and lang == "en":
            consumed.update(phrase_words.get(trig.id, ()))
        prev = toks[i - 1].text.lower() if i > 0 else ""
        prev2 = toks[i - 2].text.lower() if i > 1 else ""
        refs = grammar(lang).reference_preps
        reference = trig.type in CONTACT_TYPES and trig.kind == "noun" and (
            prev in refs or prev2 in refs
            or (i > 2 and toks[i - 3].text.lower() in refs and toks[i - 1].pos == "ADJ")
            or _after_time_possessive(toks, i, refs)
        )
        g = grammar(lang)
        before = [t.text.lower() for t in toks[max(0, i - 3):i]]
        wider = [t.text.lower() for j, t in ctoks if i - 7 <= j < i]
        # "das Bedürfnis nach Frieden und einer Waffenruhe", "Hoffnung auf eine Einigung"
        wanted = any(a in g.need_nouns and (b in ("nach", "auf", "für", "zu", "zum", "zur", "von")
                                            or (b == "to" and a.endswith("ness")))  # "readiness to resume talks"
                     for a, b in zip(wider, wider[1:], strict=False))
        if trig.kind == "noun" and trig.type in CONTACT_TYPES and _after_title(toks, i, g.institution_titles):
            continue  # "Vorsitzender der Münchner Sicherheitskonferenz": an institution, not a meeting
        if trig.type == "AID" and any(w in g.stop_words for w in before):
            # "Aussetzung der Waffenlieferungen", "ausgesetzte Militärhilfe": aid stopped, a sanction
            trig = replace(trig, id=trig.id + "+stopped", type="SANCTION", mode="discontinue", needs_support=False)
        if (trig.type == "SANCTION" or (trig.type == "AGREE" and trig.kind != "verb")) and _in_state(toks, i, g):
            # "had learned to live under sanctions", "unter Sanktionen leiden", "drills under a reciprocal access
            # agreement": a state of affairs, not a measure taken or a deal struck
            continue
        if lang == "en" and (trig.kind == "noun" or tok.pos == "NOUN") and i + 1 < len(toks) \
                and toks[i + 1].text.lower() in g.person_heads:
            continue  # "student protest leaders", "aid workers", "peace envoy": people named by the event word
        if trig.type == "ASSAULT" and g.background_spans and any(
                text[max(0, tok.start - 24):tok.start].lower().rstrip().endswith(b) for b in g.background_spans):
            continue  # "after nearly a decade of fighting", "nach Jahren des Krieges": a stretch of the past
        if trig.kind == "noun" and trig.type in ("AGREE", "CONCEDE", "RETREAT") and i > 1 and (
                toks[i - 1].pos == "DET" and toks[i - 2].text.lower() in ("before", "after", "since", "until", "bevor", "seit",
                                                                          "nachdem", "bis")):
            continue  # "fired shortly before the ceasefire began", "seit die Waffenruhe gilt": a time, not the deal
        if trig.kind == "noun" and _generic_noun(toks, i, g):
            continue  # "Putin's answer to every peace proposal": any proposal, not one that was made
        if trig.type == "CONSULT" and trig.kind == "noun" and any(w in g.break_words for w in before):
            # "die Aussetzung der EU-Beitrittsgespräche", "the suspension of talks": contact broken off
            trig = replace(trig, id=trig.id + "+broken", type="SANCTION", mode="discontinue", needs_support=False)
        unsupported = trig.kind != "verb" and (_mentioned(toks, i, g) or (
            trig.type != "CONSULT" and _topic_of_contact(toks, i, g, lex)))  # "the readout did not mention sanctions"
        if trig.kind == "noun" and wanted and trig.type != "REQUEST":
            unsupported = True  # "die Aussicht auf ein Treffen", "das Bedürfnis nach Frieden": wished for, not an event
        if trig.kind == "noun" and trig.needs_support:
            support = g.support_verbs.get(trig.type, frozenset())
            negated_noun = bool(before) and before[-1] in ("no", "kein", "keine", "keinen", "keiner", "keinem")
            unsupported = not negated_noun and (any(w in g.need_nouns for w in before) or wanted or not any(
                (t.lemma.lower() in support or t.text.lower() in support) for _, t in ctoks if t is not tok))
        independent = trig.kind != "verb" and (lang == "en" or trig.type in ("ASSAULT", "COERCE")) and (
            trig.type in CONTACT_TYPES
            or any(w in ("'s", "’s") for w in before[-2:])
            or (any(w in refs or w in g.cause_preps for w in before[-3:])
                and trig.type in ("ASSAULT", "COERCE", "SANCTION", "PROTEST") and not _governed(toks, i, g)))
        if independent and lang == "en" and trig.type in CONTACT_TYPES and re.search(
                r"\b(?:offer|offers|proposal|proposals|call|calls|demand|demands|request|invitation|push|bid)\s+(?:of|for)\s+(?:\S+\s+){0,2}$",
                text[max(0, tok.start - 60):tok.start], re.IGNORECASE):
            independent = False  # "Guyana's offer of UN-mediated talks": the talks are what was offered
        if lang == "de" and trig.kind == "noun" and trig.type in ("PROTEST", "SANCTION") and any(
                w in ("nach", "seit", "wegen", "trotz", "angesichts") for w in before[-3:]):
            independent = True  # "ist nach wochenlangen Protesten zurückgetreten": what happened before
        out.append(Match(trig, i, tok.start, end, clause, reference, unsupported, independent))
    # the same act named twice in one clause ("die Aussetzung der ausgesetzten Lieferungen") is one
    seen: set[tuple[tuple[int, int], str]] = set()
    kept = []
    for m in out:
        if m.trigger.id.endswith("+stopped") and any(o.trigger.type == "SANCTION" and o is not m and o.clause == m.clause
                                                     for o in out):
            continue
        key = (m.clause, m.trigger.id)
        if key in seen:
            continue
        seen.add(key)
        kept.append(m)
    return kept


_EN_PREPOSITIONS = {"on", "for", "to", "with", "against", "into", "at", "of", "from", "about"}
_BRITISH = re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations)$")


def _us_spelling(low: str) -> str:
    """'recognise', 'mobilised', 'normalisation' as the lexicon spells them ('recognize' …)."""
    return _BRITISH.sub(r"iz\1", low)


def _en_lemma(word: str) -> str:
    from readout.language.en import lemma_of

    return lemma_of(word)


_VERB_ADVERBS = {"again", "also", "still", "now", "repeatedly", "once", "later", "then", "already", "always", "never",
                 "firmly", "strongly", "publicly", "formally", "reportedly", "officially"}  # "again demands that …"
_TIME_NOUNS = {"week", "month", "year", "day", "weekend", "night", "monday", "tuesday", "wednesday", "thursday",
               "friday", "saturday", "sunday", "yesterday", "today"}


def _after_time_possessive(toks: list[Token], i: int, refs: frozenset[str]) -> bool:
    """'since last week's talks', 'after Friday's call': a contact named to date something else."""
    j = i - 1
    if j < 1 or toks[j].text not in ("'s", "’s") or toks[j - 1].text.lower() not in _TIME_NOUNS:
        return False
    k = j - 2
    while k >= 0 and toks[k].text.lower() in ("last", "this", "next", "previous", "the", "of", "early", "late"):
        k -= 1
    return k >= 0 and toks[k].text.lower() in refs


def _after_title(toks: list[Token], i: int, titles: frozenset[str]) -> bool:
    """Token ``i`` is governed by a title noun: 'Vorsitzender der (Münchner) Konferenz'."""
    j = i - 1
    if j >= 0 and toks[j].text[:1].isupper() and toks[j].text.lower() not in ("der", "des", "die"):
        j -= 1  # an adjective of place: "Münchner"
    if j >= 1 and toks[j].text.lower() in ("der", "des") and toks[j - 1].text.lower() in titles:
        return True
    return False
