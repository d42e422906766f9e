"""The German trigger lexicon (data/events/triggers_de.jsonl) compiled into fast lookups.

Verbs are expanded into every finite and non-finite form with ablaut's conjugation tables, so the
matcher needs no lemmatiser for them: "setzt … aus", "auszusetzen", "ausgesetzten" all lead to
"aussetzen". Nouns match inflected ("Telefonats") and as the head of a compound
("Krisentelefonat"). Phrases are lemma sequences inside one clause.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

_NOUN_SUFFIXES = ("", "s", "es", "e", "en", "n", "ns")  # not -er: "Kritiker" is a person, not "Kritik"
_ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")
_UMLAUT = str.maketrans({"a": "ä", "o": "ö", "u": "ü"})


class LexiconError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Trigger:
    id: str
    type: str
    mode: str | None
    kind: str  # verb | noun | phrase
    lemma: str
    particle: str | None = None
    words: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    frame: str = "directed"
    recipient_preps: tuple[str, ...] = ()
    confidence: float = 0.7
    compound_head: bool = True
    needs_support: bool = False  # a noun that heads an event only with a supporting verb in its clause
    note: str = ""


@dataclass(slots=True)
class VerbForm:
    trigger: Trigger
    needs_particle: bool  # a finite form of a separable verb: the particle must follow in the clause
    nonfinite: bool  # participle / infinitive / zu-infinitive


@dataclass(slots=True)
class Lexicon:
    triggers: list[Trigger]
    verb_forms: dict[str, list[VerbForm]] = field(default_factory=dict)
    nouns: dict[str, list[Trigger]] = field(default_factory=dict)  # lowercase lemma -> triggers
    noun_heads: list[tuple[str, Trigger]] = field(default_factory=list)  # for compound heads, longest first
    phrases: dict[str, list[Trigger]] = field(default_factory=dict)  # first word (lowercase) -> triggers
    suffixes: tuple[str, ...] = _NOUN_SUFFIXES  # inflection endings of nouns in this language
    _compounds: dict[str, list[Trigger]] = field(default_factory=dict)  # memo of compound look-ups

    def noun_triggers(self, word: str) -> list[Trigger]:
        """Triggers for a noun token: the lemma inflected, or a compound whose head is the lemma."""
        low = word.lower()
        found = self._noun_exact(low)
        if found:
            return found
        if "-" in low:  # "Waffenruhe-Vorschlag": the head is the last part
            head = low.rsplit("-", 1)[1]
            return self._noun_exact(head) or self._noun_compound(head)
        return self._noun_compound(low)

    def _noun_exact(self, low: str) -> list[Trigger]:
        if low.endswith(("nisse", "nissen", "nisses")):  # "Zugeständnissen": -nis doubles its s when inflected
            low = low[: low.rindex("niss") + 3]
        for suf in self.suffixes:
            if suf and not low.endswith(suf):
                continue
            base = low[: len(low) - len(suf)] if suf else low
            hit = self.nouns.get(base)
            if hit:
                return hit
        return []

    def _noun_compound(self, low: str) -> list[Trigger]:
        hit = self._compounds.get(low)
        if hit is None:
            hit = self._compounds[low] = self._find_compound(low)
        return hit

    def _find_compound(self, low: str) -> list[Trigger]:
        for head, _trig in self.noun_heads:
            i = low.rfind(head)
            if i <= 2:  # a real compound has a first part of at least three letters
                continue
            rest = low[i + len(head):]
            modifier = low[:i].rstrip("-")
            if modifier.startswith(grammar().figurative):  # "Charmeoffensive", "Handelskrieg"
                continue
            if rest in self.suffixes:
                return [t for h, t in self.noun_heads if h == head]
        return []


@dataclass(frozen=True)
class Grammar:
    """Closed-class knowledge of grammar_de.json (see its _about)."""

    figurative: tuple[str, ...] = ()
    institution_titles: frozenset[str] = frozenset()
    stop_words: frozenset[str] = frozenset()
    support_verbs: dict[str, frozenset[str]] = field(default_factory=dict)
    need_nouns: frozenset[str] = frozenset()
    habitual: tuple[str, ...] = ()
    question_words: frozenset[str] = frozenset()
    condition_starts: frozenset[str] = frozenset()
    definite_words: frozenset[str] = frozenset()
    topic_preps: frozenset[str] = frozenset()
    cause_preps: frozenset[str] = frozenset()
    location_preps: frozenset[str] = frozenset()
    recipient_preps: frozenset[str] = frozenset()
    agent_preps: frozenset[str] = frozenset()
    both_words: frozenset[str] = frozenset()
    pronouns_3sg: frozenset[str] = frozenset()
    reference_preps: frozenset[str] = frozenset()
    actor_heads: frozenset[str] = frozenset()
    weapon_modes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    elaboration_openers: tuple[str, ...] = ()
    generic_frames: frozenset[str] = frozenset()
    belief_verbs: frozenset[str] = frozenset()  # "glaubt, … einen Deal abzuschließen": not a plan
    allege_words: tuple[str, ...] = ()  # what makes a reproach an allegation of wrongdoing
    same_day_openers: tuple[str, ...] = ()  # "Hours later, …": the day of the paragraph before
    casualty_words: frozenset[str] = frozenset()
    discussion_verbs: frozenset[str] = frozenset()  # what is discussed is a topic, not an event
    list_nouns: frozenset[str] = frozenset()
    domestic_forces: tuple[str, ...] = ()  # "police in Nairobi": the state of the place acts
    generic_determiners: frozenset[str] = frozenset()  # "every peace proposal": any, not one that was made
    topic_verbs: frozenset[str] = frozenset()  # "did not mention sanctions": a topic of speech, not an event
    governed_preps: frozenset[str] = frozenset()  # "hold off on tariffs": the verb's object, not a time reference
    demand_nouns: frozenset[str] = frozenset()  # "a deadline for Moscow to accept …": the infinitive is its content
    state_preps: frozenset[str] = frozenset()  # "live under sanctions": a state of affairs, not a new measure
    state_entry_verbs: frozenset[str] = frozenset()  # "came under sanctions": entering the state is an event
    source_phrases: tuple[str, ...] = ()  # "a diplomat involved in the mediation said": who speaks, not an event
    press_events: tuple[str, ...] = ()  # "told a regular briefing": where it was said, not a diplomatic contact
    interception_verbs: frozenset[str] = frozenset()  # "downed 40 Ukrainian drones": the drones' owner attacked
    person_heads: frozenset[str] = frozenset()  # "protest leaders", "aid workers": the event word only modifies people
    break_words: frozenset[str] = frozenset()  # "Aussetzung der Beitrittsgespräche": talks broken off (SANCTION)
    topic_after_contact: frozenset[str] = frozenset()  # "Verhandlungen über eine Waffenruhe": the topic, not an event
    background_spans: tuple[str, ...] = ()  # "after a decade of fighting": a long stretch told as background


_SETS = ("question_words", "condition_starts", "definite_words", "topic_preps", "cause_preps", "location_preps",
         "recipient_preps", "agent_preps", "both_words", "pronouns_3sg", "reference_preps", "actor_heads",
         "belief_verbs", "casualty_words", "discussion_verbs", "list_nouns", "generic_determiners",
         "topic_verbs", "governed_preps", "demand_nouns", "state_preps", "state_entry_verbs",
         "interception_verbs", "person_heads", "break_words", "topic_after_contact")


@cache
def grammar(lang: str = "de") -> Grammar:
    try:
        data = load_json(f"grammar_{lang}.json")
    except FileNotFoundError:
        return Grammar()
    return Grammar(
        figurative=tuple(data.get("figurative_modifiers", [])),
        institution_titles=frozenset(data.get("institution_titles", [])),
        stop_words=frozenset(data.get("stop_words", [])),
        support_verbs={k: frozenset(v) for k, v in data.get("support_verbs", {}).items()},
        need_nouns=frozenset(data.get("need_nouns", [])),
        habitual=tuple(data.get("habitual", [])),
        **{k: frozenset(data.get(k, [])) for k in _SETS},
        weapon_modes=tuple((m, tuple(v)) for m, v in data.get("weapon_modes", {}).items()),
        elaboration_openers=tuple(data.get("elaboration_openers", [])),
        generic_frames=frozenset(data.get("generic_frames", [])),
        allege_words=tuple(data.get("allege_words", [])),
        same_day_openers=tuple(data.get("same_day_openers", [])),
        domestic_forces=tuple(data.get("domestic_forces", [])),
        source_phrases=tuple(data.get("source_phrases", [])),
        press_events=tuple(w.lower() for w in data.get("press_events", [])),
        background_spans=tuple(data.get("background_spans", [])),
    )


def _umlaut_plural(low: str) -> str | None:
    """The umlauted stem of a German noun's plural (the last a/o/u of the last syllable), or None."""
    import re as _re

    m = _re.search(r"([aou])([^aeiouäöü]*)$", low)
    if not m or low.endswith(("ung", "ion", "tät", "heit", "keit")) or "au" in low[m.start() - 1:m.end()]:
        return None
    return low[:m.start()] + m.group(1).translate(_UMLAUT) + m.group(2)


def _verb_forms(lemma: str, particle: str | None) -> list[tuple[str, bool, bool]]:
    """(form, needs_particle, nonfinite) for every form of ``lemma``."""
    import ablaut

    out: set[tuple[str, bool, bool]] = set()
    try:
        c = ablaut.conjugate(lemma)
    except ValueError:
        return [(lemma.lower(), False, True)]
    for tense in ("present", "preterite", "konjunktiv1", "konjunktiv2", "imperative"):
        for form in getattr(c, tense):
            parts = form.split()
            if not parts:
                continue
            finite = parts[0].lower()
            separable = bool(particle) and len(parts) > 1 and parts[-1].lower() == particle
            out.add((finite, separable, False))
            if not separable and particle and finite.startswith(particle):
                out.add((finite, False, False))  # subordinate clause: "dass er aussetzt"
            if separable:
                out.add(((particle or "") + finite, False, False))
    participle = c.past_participle.lower()
    for nonfinite in (c.infinitive.lower(), c.zu_infinitive.lower(), participle, c.present_participle.lower()):
        out.add((nonfinite, False, True))
    for end in _ADJ_ENDINGS[1:]:  # participles used as adjectives: "ausgesetzte", "angedrohten"
        out.add((participle + end, False, True))
        out.add((c.present_participle.lower() + end, False, True))
    return sorted(out)


_EN_IRREGULAR = {  # base: (past, past participle)
    "meet": ("met", "met"), "speak": ("spoke", "spoken"), "send": ("sent", "sent"), "give": ("gave", "given"),
    "strike": ("struck", "struck"), "withdraw": ("withdrew", "withdrawn"), "seek": ("sought", "sought"),
    "hold": ("held", "held"), "shoot": ("shot", "shot"), "hit": ("hit", "hit"), "cut": ("cut", "cut"),
    "sell": ("sold", "sold"), "put": ("put", "put"), "set": ("set", "set"), "free": ("freed", "freed"),
    "fight": ("fought", "fought"), "take": ("took", "taken"), "make": ("made", "made"), "break": ("broke", "broken"),
    "lead": ("led", "led"), "stand": ("stood", "stood"), "bring": ("brought", "brought"), "tell": ("told", "told"),
    "say": ("said", "said"), "throw": ("threw", "thrown"), "freeze": ("froze", "frozen"), "bid": ("bid", "bid"),
    "forbid": ("forbade", "forbidden"), "lay": ("laid", "laid"), "win": ("won", "won"), "lose": ("lost", "lost"),
    "pay": ("paid", "paid"), "keep": ("kept", "kept"), "leave": ("left", "left"), "come": ("came", "come"),
    "go": ("went", "gone"), "see": ("saw", "seen"), "begin": ("began", "begun"), "rise": ("rose", "risen"),
    "sweep": ("swept", "swept"), "feel": ("felt", "felt"), "build": ("built", "built"), "beat": ("beat", "beaten"),
    "shut": ("shut", "shut"), "draw": ("drew", "drawn"), "arise": ("arose", "arisen"), "undertake": ("undertook", "undertaken"),
}
_EN_DOUBLE = {"commit", "admit", "submit", "permit", "occur", "refer", "prefer", "control", "patrol", "compel",
              "expel", "propel", "regret", "abet", "rebel", "transfer", "equip", "quit", "acquit", "embed",
              "airdrop", "kidnap", "outstrip", "overlap"}


def _en_double(lemma: str) -> bool:
    """stop -> stopped, ban -> banned, expel -> expelled (one syllable or stress on the end)."""
    if lemma in _EN_DOUBLE:
        return True
    vowels = re.findall(r"[aeiou]+", lemma)
    return (len(vowels) == 1 and len(lemma) >= 3 and lemma[-1] not in "aeiouwxy"
            and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou")


def _verb_forms_en(lemma: str, particle: str | None) -> list[tuple[str, bool, bool]]:
    """(form, needs_particle, nonfinite) for every form of an English verb; a particle ("call on",
    "pull out") must follow the verb in its clause, in every form."""
    low = lemma.lower()
    if low.endswith(("s", "x", "z", "ch", "sh")):
        third = low + "es"
    elif low.endswith("y") and low[-2:-1] not in tuple("aeiou"):
        third = low[:-1] + "ies"
    else:
        third = low + "s"
    if low in _EN_IRREGULAR:
        past, part = _EN_IRREGULAR[low]
    elif low.endswith("e"):
        past = part = low + "d"
    elif low.endswith("y") and low[-2:-1] not in tuple("aeiou"):
        past = part = low[:-1] + "ied"
    elif _en_double(low):
        past = part = low + low[-1] + "ed"
    else:
        past = part = low + "ed"
    if low.endswith("ie"):
        ing = low[:-2] + "ying"
    elif low.endswith("e") and not low.endswith("ee"):
        ing = low[:-1] + "ing"
    elif _en_double(low):
        ing = low + low[-1] + "ing"
    else:
        ing = low + "ing"
    need = bool(particle)
    forms = {(low, need, True), (third, need, False), (past, need, False), (part, need, True), (ing, need, True)}
    if re.search(r"[^aeiou][aeiou]l$", low) and not _en_double(low) and low not in _EN_IRREGULAR:
        # British spelling doubles a final -l: "cancelled", "signalling", "travelled"
        forms |= {(low + "led", need, False), (low + "led", need, True), (low + "ling", need, True)}
    return sorted(forms)


def _as_tuple(v: Any) -> tuple[str, ...]:
    if v is None:
        return ()
    if isinstance(v, str):
        return (v,)
    return tuple(str(x) for x in v)


def parse_trigger(obj: dict[str, Any], where: str) -> Trigger:
    for key in ("id", "type", "kind"):
        if not obj.get(key):
            raise LexiconError(f"{where}: missing {key!r}")
    kind = obj["kind"]
    if kind not in ("verb", "noun", "phrase"):
        raise LexiconError(f"{where}: kind must be verb, noun or phrase, not {kind!r}")
    words = _as_tuple(obj.get("words"))
    lemma = obj.get("lemma") or (" ".join(words) if words else "")
    if not lemma:
        raise LexiconError(f"{where}: a {kind} trigger needs a lemma" + (" or words" if kind == "phrase" else ""))
    return Trigger(
        id=obj["id"], type=obj["type"], mode=obj.get("mode"), kind=kind, lemma=lemma,
        particle=obj.get("particle") or None, words=words,
        requires=_as_tuple(obj.get("requires")), excludes=_as_tuple(obj.get("excludes")),
        frame=obj.get("frame") or "directed", recipient_preps=_as_tuple(obj.get("recipient_preps")),
        confidence=float(obj.get("confidence", 0.7)), compound_head=bool(obj.get("compound_head", True)),
        needs_support=bool(obj.get("needs_support", False)),
        note=obj.get("note") or "",
    )


def read_triggers(text: str, name: str) -> list[Trigger]:
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise LexiconError(f"{name}:{n}: not JSON: {e}") from e
        out.append(parse_trigger(obj, f"{name}:{n}"))
    return out


def compile_lexicon(triggers: list[Trigger], lang: str = "de") -> Lexicon:
    lex = Lexicon(triggers=triggers, suffixes=("", "s", "es") if lang == "en" else _NOUN_SUFFIXES)
    heads: list[tuple[str, Trigger]] = []
    forms_of = _verb_forms_en if lang == "en" else _verb_forms
    for t in triggers:
        if t.kind == "verb":
            for form, needs_particle, nonfinite in forms_of(t.lemma, t.particle):
                lex.verb_forms.setdefault(form, []).append(VerbForm(t, needs_particle, nonfinite))
        elif t.kind == "noun":
            low = t.lemma.lower()
            lex.nouns.setdefault(low, []).append(t)
            if t.compound_head and len(low) >= 4:
                heads.append((low, t))
            uml = _umlaut_plural(low) if lang == "de" else None
            if uml:  # "Schlag" -> "Schläg(e)", "Abzug" -> "Abzüg(e)"
                lex.nouns.setdefault(uml, []).append(t)
                if t.compound_head:
                    heads.append((uml, t))
        else:
            words = t.words or tuple(t.lemma.split())
            lex.phrases.setdefault(words[0].lower(), []).append(t)
            if lang == "en":  # "pulled … back" is also found as "could pull its forces back"
                from readout.language.en import lemma_of

                base = lemma_of(words[0].lower())
                if base != words[0].lower():
                    lex.phrases.setdefault(base, []).append(t)
    heads.sort(key=lambda ht: -len(ht[0]))
    lex.noun_heads = heads
    return lex


@cache
def load_lexicon(lang: str = "de") -> Lexicon:
    name = f"triggers_{lang}.jsonl"
    text = files("readout").joinpath("data", "events", name).read_text(encoding="utf-8")
    return compile_lexicon(read_triggers(text, name), lang)


@cache
def load_json(name: str) -> Any:
    """A JSON knowledge file of the events stage (attribution, modality, modifiers)."""
    return json.loads(files("readout").joinpath("data", "events", name).read_text(encoding="utf-8"))


@cache
def load_jsonl(name: str) -> list[dict[str, Any]]:
    text = files("readout").joinpath("data", "events", name).read_text(encoding="utf-8")
    return [json.loads(x) for x in text.splitlines() if x.strip() and not x.startswith("#")]
