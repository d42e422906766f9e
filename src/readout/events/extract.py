"""The events stage: PLOVER events with arguments and modality from an analysed document."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from readout.events.arguments import ATTRIBUTION_WORDS, Roles, _prep_before, assign, dedupe
from readout.events.context import DocContext
from readout.events.lexicon import Trigger, grammar, load_lexicon
from readout.events.match import EN_SUBORDINATORS, FRAME_RANK, Match, find_matches
from readout.events.modality import clause_modality
from readout.events.outcomes import conflict_parties, contact_mode
from readout.language import clause_spans
from readout.model import Actor, Document, EntityMention, Event, Sentence, Span, Timex, stable_id

PUNITIVE = {"SANCTION": "restrict", "ASSAULT": "violence", "COERCE": "restrict", "THREATEN": None}
CONTENT_FRAMES = {"AGREE", "REQUEST", "CONCEDE", "REJECT", "THREATEN"}  # acts whose content has its own time
REQUESTED = {"CONSULT": "meet", "AID": "assist", "COOPERATE": "assist", "RETREAT": "yield", "CONCEDE": "yield"}
OUTCOME_TYPES = {"AGREE", "CONCEDE", "REQUEST", "REJECT", "SUPPORT", "ACCUSE", "COOPERATE", "RETREAT"}
CEASEFIRE_WORDS = ("waffenruhe", "feuerpause", "waffenstillstand", "waffenpause", "kampfpause", "aussetz",
                   "austausch", "ausgetauscht", "freilass", "entlass", "gefangen",
                   "ceasefire", "cease-fire", "truce", "exchange", "swap", "prisoner", "hostage", "release", "halt")
_ELLIPSIS = re.compile(r",\s*(?:(?:auch|aber|doch)\s+)?([^,;]{2,40}?)\s+(?:jedoch\s+|aber\s+|dagegen\s+)?nicht\s*[.;]?\s*$")


def _clause_tokens(sent: Sentence, clause: tuple[int, int]) -> list:
    return [t for t in sent.tokens if clause[0] <= t.start < clause[1]]


def _attribution_mentions(sent: Sentence, ctx: DocContext) -> set[tuple[int, int]]:
    """Mentions that name the source ('laut Kreml', 'nach ukrainischen Angaben'), not a participant."""
    out = set()
    toks = sent.tokens
    filler = {"der", "die", "das", "den", "dem", "des", "aus", "von", "vom", "seiten", "es"}
    for m in ctx.mentions_in(sent.start, sent.end):
        before = [t for t in toks if t.end <= m.start]
        # walk back over articles and adjectives to the word that governs the mention
        j = len(before) - 1
        while j >= 0 and (before[j].pos in ("DET", "ADJ", "NUM") or before[j].text.lower() in filler) and len(before) - j < 5:
            j -= 1
        gov = before[j].text.lower() if j >= 0 else ""
        if gov == "to" and j > 0 and before[j - 1].text.lower() == "according":
            gov = "according"  # "according to two Ukrainian officials"
        if gov == "von" and j > 0 and before[j - 1].text.lower() in ("angaben", "einschätzung", "informationen",
                                                                      "erkenntnissen", "darstellung", "berichten"):
            gov = "angaben"  # "nach Einschätzung von UN-Experten": the source, not a party
        after = [t.text.lower() for t in toks if t.start >= m.end][:2]
        if gov in ATTRIBUTION_WORDS or (after and after[0] in ("zufolge", "angaben")):
            out.add((m.start, m.end))
    return out


_SINCE = re.compile(r"(?:\bseit|\bsince|\bBeginn|\bbeginning|\bStart)\W+(?:\w+\W+){0,3}$", re.IGNORECASE)


def _reference_time(doc: Document, t: Timex) -> bool:
    """A time that dates something else: 'seit dem Beginn des Großangriffs 2022', 'since 2014'."""
    if _SINCE.search(doc.text[max(0, t.start - 40):t.start]) or t.text.lower().startswith(("seit", "since")):
        return True
    return t.basis == "explicit year" and t.text[:1].isupper() and not t.text.startswith(("Im", "In", "Bis", "Seit"))


def _other_verb_between(sent: Sentence, trig_start: int, t: Timex) -> bool:
    lo, hi = (trig_start, t.start) if trig_start < t.start else (t.end, trig_start)
    between = [x for x in sent.tokens if lo < x.start and x.end <= hi]
    # a verb inside an inserted relative clause (", der derzeit den Vorsitz führt,") belongs to that clause only
    inserted: set[int] = set()
    k = 0
    while k < len(between):
        if between[k].text == "," and k + 1 < len(between) and between[k + 1].text.lower() in _RELATIVE_DE | {"which", "who"}:
            j = k + 1
            while j < len(between) and between[j].text != ",":
                inserted.add(j)
                j += 1
            k = j
        k += 1
    return len(between) > 3 and any(x.pos == "VERB" and x.finite and x.start != trig_start and n not in inserted
                                    for n, x in enumerate(between))


def _date_for(ev_clause: tuple[int, int], sent: Sentence, doc: Document, trig: Trigger,
              trig_start: int | None = None, content_start: int | None = None) -> tuple[dict, Timex | None]:
    """The date of the event: a date expression in its own clause (or sentence, for contacts). A date
    after the content of an agreement or demand dates the content ("proposed a meeting before the
    end of April"), not the act of agreeing or proposing."""
    def pick(lo: int, hi: int, resolved: bool) -> Timex | None:
        dates = [t for t in doc.timexes if lo <= t.start and t.end <= hi and t.kind == "date"
                 and not _reference_time(doc, t) and (t.value is not None) == resolved
                 and (content_start is None or t.start < content_start)]
        return dates[0] if dates else None

    # a resolved date first (the clause's, then for a contact the sentence's); else the unresolved
    # expression, kept with its text and reason
    whole = trig.type == "CONSULT"
    t = (pick(*ev_clause, True) or (pick(sent.start, sent.end, True) if whole else None)
         or pick(*ev_clause, False) or (pick(sent.start, sent.end, False) if whole else None))
    if t is not None and trig_start is not None and _other_verb_between(sent, trig_start, t):
        t = None  # "asked for the return of properties seized in 2016": the year dates the seizure
    if t is None and trig.type in SPEECH_ACTS:
        t = _speech_date(sent, doc)  # "„…unacceptable“, Peskov told reporters on Tuesday": the day it was said
    if t is None:
        return {"value": None, "precision": "unknown", "text": None, "basis": "no date in the text for this event"}, None
    return {"value": t.value, "precision": t.precision, "text": t.text, "basis": t.basis}, t


SPEECH_ACTS = {"REJECT", "ACCUSE", "REQUEST", "THREATEN", "SUPPORT", "PROTEST"}


def _speech_date(sent: Sentence, doc: Document) -> Timex | None:
    """A day-precise date right after a verb of saying in the sentence ("told reporters on Tuesday",
    "sagte am Dienstag"): when a statement is the event, its date is the day it was made."""
    from readout.claims.attribute import speech_verbs

    verbs = speech_verbs(doc.language or "de")
    for t in doc.timexes:
        if not (sent.start <= t.start and t.end <= sent.end) or t.kind != "date" or t.precision != "day" or not t.value:
            continue
        before = [x for x in sent.tokens if x.end <= t.start and t.start - x.end <= 60]
        if any(x.lemma.lower() in verbs or x.text.lower() in verbs for x in before[-6:]):
            return t
    return None


def _duration(sent: Sentence, doc: Document) -> Timex | None:
    for t in doc.timexes:
        if sent.start <= t.start and t.end <= sent.end and t.kind == "duration" and t.minutes and t.minutes <= 24 * 60:
            return t
    return None


def _quantities(clause: tuple[int, int], doc: Document, exclude: set[tuple[int, int]]) -> list[dict]:
    out = []
    for q in doc.quantities:
        if clause[0] <= q.start and q.end <= clause[1] and not any(a < q.end and q.start < b for a, b in exclude):
            out.append({"value": q.value, "unit": q.unit, "what": q.what, "approx": q.approx, "text": q.text})
    return out


def _actor(m: EntityMention) -> Actor:
    return Actor.from_mention(m)


def _initiator(sent: Sentence, doc: Document, actors: list[EntityMention], ctx: DocContext) -> Actor | None:
    text = doc.text[sent.start:sent.end]
    low = text.lower()
    i = low.find("initiative")
    if i >= 0:
        window = text[i:i + 60]
        if re.search(r"\b(Letzte[nr]?|Letzteren|Letztgenannten)\b", window):
            before = [m for m in ctx.mentions_in(sent.start, sent.start + i) if m.kind == "person"]
            if before:
                return _actor(before[-1])
        for m in ctx.mentions_in(sent.start + i, sent.start + i + 60):
            return _actor(m)
    for phrase in (" rief ", " griff zum hörer", " rief an", " anrief"):
        j = low.find(phrase)
        if j >= 0:
            after = ctx.mentions_in(sent.start + j, sent.end)
            before = ctx.mentions_in(sent.start, sent.start + j)
            cand = (after or before)
            if cand:
                return _actor(cand[0])
    return None


def _schedule(sent: Sentence, doc: Document) -> tuple[str | None, float | None]:
    text = doc.text[sent.start:sent.end]
    m = re.search(r"für\s+(\d{1,2}(?:[.:]\d{2})?)\s*Uhr\s+(?:an)?gesetzt|(?:war|ist)\s+für\s+(\d{1,2}(?:[.:]\d{2})?)\s*Uhr", text)
    scheduled = None
    if m:
        hh = (m.group(1) or m.group(2)).replace(".", ":")
        scheduled = f"{int(hh.split(':')[0]):02d}:{hh.split(':')[1] if ':' in hh else '00'}"
    delay = None
    d = re.search(r"(eine|zwei|drei|\d+|einer halben|anderthalb)\s*(Stunden?|Minuten)\s+(?:zu spät|verspätet|Verspätung)", text)
    if d:
        n = {"eine": 1, "zwei": 2, "drei": 3, "einer halben": 0.5, "anderthalb": 1.5}.get(d.group(1))
        n = n if n is not None else float(d.group(1))
        delay = n * (60 if d.group(2).startswith("Stunde") else 1)
    return scheduled, delay


def _sequence(sent: Sentence, doc: Document) -> int | None:
    ordinals = {"erste": 1, "zweite": 2, "dritte": 3, "vierte": 4, "fünfte": 5, "sechste": 6, "siebte": 7,
                "achte": 8, "neunte": 9, "zehnte": 10}
    m = re.search(r"\b(erste|zweite|dritte|vierte|fünfte|sechste|siebte|achte|neunte|zehnte)[nrsm]?\s+"
                  r"(Telefonat|Gespräch|Treffen|Telefongespräch|Gipfel)", doc.text[sent.start:sent.end])
    return ordinals[m.group(1)] if m else None


def extract_events(doc: Document) -> list[Event]:
    """Code every event of ``doc`` (sentences, entities and timexes must already be filled)."""
    lang = doc.language or "de"
    lex = load_lexicon(lang)
    ctx = DocContext.build(doc)
    events: list[Event] = []
    for sent in doc.sentences:
        if sent.is_heading or not sent.tokens:
            continue
        if doc.text[sent.start:sent.end].rstrip().endswith("?"):
            continue
        clauses = clause_spans(sent, doc.text) or [(sent.start, sent.end)]
        if lang == "en":
            clauses = _english_clauses(sent, clauses)
        matches = find_matches(sent, doc.text, clauses, lex, lang)
        if not matches:
            _maybe_ellipsis(doc, sent, ctx, events)
            _follow_up_quantities(doc, sent, events)
            continue
        gr = grammar(doc.language or "de")
        stext = doc.text[sent.start:sent.end].lower()
        if any(stext.startswith(o) for o in gr.elaboration_openers):
            # "Dabei handelt es sich um die Einstellung …": the content of what the sentence before reported
            listed = _listed_demand(doc, sent, matches, ctx, gr)
            if listed is not None:
                prev_sent = doc.sentences[doc.sentence_index(sent.start) - 1]
                told = next((e for e in reversed(events) if e.type == "REQUEST" and e.evidence
                             and prev_sent.start <= e.evidence[0].start < prev_sent.end), None)
                if told is not None:  # "legte seine Forderungen dar. Dazu gehören …": the same demand, spelled out
                    told.evidence.extend(sp for sp in listed.evidence if sp not in told.evidence)
                    told.mode = told.mode or listed.mode
                    told.summary = summarize(told)
                else:
                    events.append(listed)
            matches = [m for m in matches if m.trigger.kind == "verb" and m.trigger.type not in ("AID", "RETREAT", "SANCTION")]
            if not matches:
                continue
        matches = [m for m in matches if not _generic(sent, m, clauses, gr)]
        if not matches:
            _maybe_ellipsis(doc, sent, ctx, events)
            continue
        exclude = _attribution_mentions(sent, ctx)
        sent_events = _events_of_sentence(doc, sent, clauses, matches, ctx, exclude)
        events.extend(sent_events)
        first_contact = True
        for ev in sent_events:
            retold = bool(ctx.contacts) and not ev.date.get("value") and {a.key() for a in ev.actors} <= {
                a.key() for a in ctx.contacts[-1].actors}  # "The two leaders discussed …": the call again
            # "after last week's call between …": an earlier contact recalled, not the one reported
            earlier = bool(ctx.contacts) and _before(ev.date, ctx.contacts[-1].date)
            if ev.type == "CONSULT" and ev.modality == "asserted" and len(ev.actors) >= 2 and "+earlier" not in ev.producer \
                    and (not ev.anaphoric or not ctx.contacts) and first_contact and not retold and not earlier:
                # "the call" named again, or a second word for it in the same sentence, is the same contact
                ctx.contacts.append(ev)
                first_contact = False
            if len({a.key() for a in ev.actors}) >= 2 and not ev.guessed_actors and \
                    len({a.key() for a in ev.actors} & ctx.main_keys()) >= 2:
                # "beide Seiten" later on: these two (the sides the article is about, not a host thanked in passing)
                ctx.parties = [EntityMention(0, 0, a.name, a.name, "state", a.country, a.org, a.sector, a.wikidata, a.title)
                               for a in ev.actors]
        _maybe_ellipsis(doc, sent, ctx, events)
    _paragraph_dates(doc, events)
    _same_planned_meeting(events)
    # an event with no party at all ("Teams trafen aufeinander") is not one readout can code
    return [e for e in merge_same_event(events) if e.actors or e.recipients]


_WEAPON_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:drones?|missiles?|rockets?|aircraft|jets?|planes?|helicopters?|"
                           r"Drohnen?|Raketen?|Marschflugkörper[n]?|Flugzeuge?|Kampfjets?|Hubschrauber)\b")
_DISPATCH = {"send", "deploy", "dispatch", "entsenden", "schicken", "verlegen"}
_SWAP_VERBS = {"exchange", "swap", "austauschen", "tauschen"}
_PHRASE_NEGATORS = {"not", "no", "nothing", "never", "nicht", "kein", "keine", "nichts"}
_WARNING = re.compile(r"\b(?:should|must|better)\s+not\b|\bshouldn't\b|\bmustn't\b|\b(?:sollte|sollten|solle|"
                      r"darf|dürfe|dürfen|müsse)\b[^.]{0,40}\bnicht\b", re.IGNORECASE)
_EN_CLAUSE_CUT = re.compile(r"\b(?:because|although|though|while|whereas|after|before|since|when|as)\b", re.IGNORECASE)
_PROMISES = ("zusag", "zusage", "aussicht", "versprech", "anbiet", "pledge", "promise", "offer", "commit")
_CURRENCIES = {"EUR", "USD", "GBP", "CHF", "JPY", "CNY", "RUB", "UAH"}
_COPULA = {"was", "were", "is", "are", "be", "been", "sei", "seien", "sind", "ist", "war", "waren", "wären"}


def _speaker_before_saying(doc: Document, sent: Sentence, ctx: DocContext) -> EntityMention | None:
    """The name right before the sentence's first verb of saying ("Putin also told …")."""
    from readout.claims.attribute import speech_verbs

    verbs = speech_verbs(doc.language or "de")
    verb = next((t for t in sent.tokens if t.lemma.lower() in verbs or t.text.lower() in verbs), None)
    if verb is None:
        return None
    before = [m for m in ctx.mentions_in(sent.start, verb.start) if verb.start - m.end <= 40 and _actor(m).key()]
    return before[-1] if before else None


def _speaker_after(doc: Document, sent: Sentence, head: Match, ctx: DocContext) -> EntityMention | None:
    """The speaker of a quotation or reported clause that the trigger stands in: the name next to the first
    verb of saying after it ('…," Sybiha wrote', '…, sagte Lawrow')."""
    from readout.claims.attribute import speech_verbs

    verbs = speech_verbs(doc.language or "de")
    verb = next((t for t in sent.tokens if t.start > head.end and (t.lemma.lower() in verbs or t.text.lower() in verbs)),
                None)
    if verb is None or not re.search(r"[,\"“”»«]", doc.text[head.end:verb.start]):
        return None
    before = [m for m in ctx.mentions_in(head.end, verb.start) if verb.start - m.end <= 40 and _actor(m).key()]
    after = [m for m in ctx.mentions_in(verb.end, min(sent.end, verb.end + 40)) if _actor(m).key()]
    return before[-1] if before else (after[0] if after else None)


def _accused_owner(doc: Document, sent: Sentence, head: Match, ctx: DocContext) -> EntityMention | None:
    """A predicate accusation ("… were acts of terrorism", "… seien ein Verbrechen") accuses the
    owner of its subject: the last possessive name before the copula."""
    toks = [t for t in sent.tokens if t.end <= head.start]
    cop = next((i for i in range(len(toks) - 1, -1, -1) if toks[i].text.lower() in _COPULA), None)
    if cop is None or head.start - toks[cop].end > 30:
        return None
    owners = []
    for i, t in enumerate(toks[:cop]):
        if t.text in ("'s", "’s") and i > 0:
            lo = toks[max(0, i - 2)].start  # "the Kiev regime's": the name may stand before its head noun
            owners += [m for m in ctx.mentions_in(lo, t.start)]
    owners = [m for m in owners if Actor.from_mention(m).key()]
    return owners[-1] if owners else None


def _listed_demand(doc: Document, sent: Sentence, matches: list[Match], ctx: DocContext, g: Any) -> Event | None:
    """'Diese Reihe an Punkten hat Putin Trump erklärt. Dabei handelt es sich um die Einstellung der
    Waffenlieferungen, …': a list of things others are to stop or give up, spelled out after someone
    set out his points, conditions or demands, is his demand (REQUEST, mode yield)."""
    i = doc.sentence_index(sent.start)
    content = [m for m in matches if m.trigger.kind == "noun" and m.trigger.type in ("AID", "RETREAT", "SANCTION", "CONCEDE")]
    if i <= 0 or not content:
        return None
    prev = doc.sentences[i - 1]
    words = {t.text.lower() for t in prev.tokens}
    if not words & g.list_nouns:
        return None
    ms = [m for m in ctx.mentions_in(prev.start, prev.end) if Actor.from_mention(m).key()]
    people = [m for m in ms if m.kind == "person"] or ms
    if not people:
        return None
    actor = people[0]
    others = [m for m in ms if Actor.from_mention(m).key() != Actor.from_mention(actor).key()
              and _prep_before(prev.tokens, m, prev.start, g) not in g.location_preps]
    head = content[0]
    trig = replace(head.trigger, id=head.trigger.id + "+listed", type="REQUEST", mode="yield", kind="noun")
    roles = Roles(actors=[actor], recipients=others[:1])
    return _build(doc, sent, replace(head, trigger=trig), content[1:], roles, "asserted", ctx)


def _before(a: dict, b: dict) -> bool:
    """True when date a ends before date b begins (ISO values at any precision)."""
    va, vb = a.get("value"), b.get("value")
    if not va or not vb:
        return False
    n = min(len(va), len(vb))
    return va[:n] < vb[:n]


def _generic(sent: Sentence, m: Match, clauses: list[tuple[int, int]], g: Any) -> bool:
    """'Moskau folgt der Devise, gleichzeitig zu verhandeln und Krieg zu führen': a maxim, not an event."""
    i = next((k for k, c in enumerate(clauses) if c == m.clause), None)
    if not i:
        return False
    prev = [t.text.lower() for t in sent.tokens if clauses[i - 1][0] <= t.start < clauses[i - 1][1]]
    if bool(prev) and prev[-1] in g.generic_frames:
        return True
    # "das Ziel, X zu beenden, bisweilen auch Y": the aim goes on in a clause without a verb of its own
    if i >= 2 and not any(t.finite for t in sent.tokens if m.clause[0] <= t.start < m.clause[1]):
        before = [t for t in sent.tokens if clauses[i - 1][0] <= t.start < clauses[i - 1][1]]
        prev2 = [t.text.lower() for t in sent.tokens if clauses[i - 2][0] <= t.start < clauses[i - 2][1]]
        return bool(prev2) and prev2[-1] in g.generic_frames and _infinitive_clause(before)
    return False


def _same_planned_meeting(events: list[Event]) -> None:
    """'ein baldiges Treffen mit Putin' … 'die Wahrscheinlichkeit eines direkten Treffens zwischen Trump und
    Putin': one future meeting talked about twice; the later mention is linked to the first."""
    seen: list[Event] = []
    for ev in events:
        if ev.type != "CONSULT" or ev.modality not in ("planned", "hypothetical") or any(
                ln.get("rel") == "outcome_of" for ln in ev.links):
            continue
        people = {a.name for a in ev.actors}
        first = next((p for p in seen if {a.name for a in p.actors} == people and len(people) >= 2), None)
        if first is not None:
            ev.links.append({"rel": "same_as", "event_id": first.id})
        else:
            seen.append(ev)


def _paragraph_dates(doc: Document, events: list[Event]) -> None:
    """News gives the day once: an event told without a date of its own, in the paragraph of an
    event dated to the day and in the same modality, happened that day ("Hours later, the Treasury …")."""
    last: Event | None = None
    for ev in events:
        if not ev.evidence:
            continue
        start = ev.evidence[0].start
        if last is not None and "\n" in doc.text[last.evidence[0].start:start]:
            para = doc.text.rfind("\n", 0, start) + 1
            opening = doc.text[para:para + 40].lower()
            if not opening.startswith(grammar(doc.language or "de").same_day_openers):
                last = None  # a new paragraph, unless it opens "Hours later, …"
        if ev.date.get("value") and ev.date.get("precision") == "day":
            last = ev
            continue
        if ev.date.get("value") or ev.date.get("text") or last is None or ev.modality != last.modality:
            continue
        if ev.modality not in ("asserted", "negated"):
            continue
        ev.date = {**last.date, "text": None, "basis": f"same paragraph as the event dated {last.date['value']}"}


def _required_objects(matches: list[Match]) -> list[Match]:
    """'paused … in funding', 'kündigte das Militärabkommen … auf': a noun that the verb's sense requires is
    the verb's object, not an event of its own."""
    verbs = [m for m in matches if m.trigger.kind in ("verb", "phrase") and m.trigger.requires]
    out = []
    for m in matches:
        low = m.trigger.lemma.lower()
        if m.trigger.kind == "noun" and any(
                v.clause == m.clause and 0 < abs(m.index - v.index) <= 9 and v.trigger.type != m.trigger.type
                and any(r.lower() in (low, low + "s") or (len(r) >= 5 and low.endswith(r.lower()))
                        for r in v.trigger.requires)
                for v in verbs):
            continue
        out.append(m)
    return out


def _verb_objects(matches: list[Match]) -> list[Match]:
    """English: an event noun a few words after a verb trigger is that verb's object ("would not ease
    sanctions", "lift the blockade") and is dropped as an event of its own."""
    out: list[Match] = []
    for m in matches:
        prev = out[-1] if out else None
        if prev is not None and prev.trigger.kind == "verb" and m.trigger.kind == "noun" and not m.independent \
                and m.clause == prev.clause and 0 < m.index - prev.index <= 4 and m.trigger.type != prev.trigger.type \
                and FRAME_RANK.get(prev.trigger.type, 1) < 2.5:
            continue
        out.append(m)
    return out


def _zu_form(word: str) -> bool:
    """'einzustellen', 'zu verlassen': an infinitive governed by the frame, its content."""
    return bool(_ZU_INFINITIVE.match(word.lower().split()[0])) if word else False


# "… ask China to use its influence at next week's summit": the summit is where, not what is asked
_SETTING = re.compile(r"\b(?:at|during|ahead of|after|before|on the sidelines of)\s+(?:\S+\s+){0,3}$", re.IGNORECASE)
_NOT_MODIFIERS = {"with", "after", "before", "to", "and", "but", "or", "while", "when", "since", "during", "on", "in",
                  "at", "by", "for", "from", "of", "that", "if", "as", "because", "about"}


def _direct_object(text: str, frame: Match, m: Match) -> bool:
    """'proposed a meeting', 'rejected new talks': a contact noun right after a frame verb is what
    was proposed or rejected, not a contact that took place."""
    between = text[frame.end:m.start].lower().split()
    return len(between) <= 3 and all(re.sub(r"[-.’']", "", w).isalpha() and w not in _NOT_MODIFIERS for w in between)


def _complement(text: str, frame: Match, m: Match) -> bool:
    between = text[frame.end:m.start].lower()
    return bool(re.search(r"\b(?:to|that|would|will)\b", between)) and not re.search(
        r"\b(?:when|while|after|before|as|because|since|during)\b", between)


def _group(matches: list[Match], english: bool = False, sent_text: str = "") -> list[tuple[Match, list[Match]]]:
    """Heads and what they absorb, clause by clause."""
    out: list[tuple[Match, list[Match]]] = []
    by_clause: dict[tuple[int, int], list[Match]] = {}
    matches = _required_objects(matches)
    if english:
        matches = _verb_objects(matches)
    frames = [m for m in matches if m.rank >= 2.5 and m.trigger.kind != "noun"
              and m.trigger.type in ("AGREE", "REQUEST", "CONCEDE", "REJECT", "THREATEN")]
    # "suspended peace talks", "cancelled a planned summit": a contact broken off is the sanction's object;
    # "accusing Kiribati of failing to consult Wellington": what is alleged is content
    objecting = [m for m in matches if m.trigger.kind != "noun" and m.trigger.type in ("SANCTION", "ACCUSE")]
    taken: dict[int, list[Match]] = {}
    for m in matches:
        # "agreed that the negotiators would meet", "urged them to meet": the meeting is what was agreed
        governed = english and m.trigger.type == "CONSULT" and (any(
            f.clause == m.clause and f.start < m.start and (
                _complement(sent_text, f, m) if m.trigger.kind == "verb"
                else _direct_object(sent_text, f, m) or (f.trigger.type == "REQUEST" and _complement(sent_text, f, m)
                                                         and not _SETTING.search(sent_text[f.end:m.start])))
            for f in frames))
        objector = next((f for f in objecting if english and m.trigger.type == "CONSULT" and f.clause == m.clause
                         and f.start < m.start and (_direct_object(sent_text, f, m) if f.trigger.type == "SANCTION"
                                                    else bool(re.search(r"\bof\b", sent_text[f.end:m.start])))), None)
        if objector is not None:
            taken.setdefault(id(objector), []).append(m)
            continue
        if (m.reference or m.independent or (m.trigger.type == "CONSULT" and m.trigger.kind == "verb")) and not governed:
            # a contact verb is its own event, never the content of another ("empfing X und sagte zu, …")
            out.append((m, []))
        else:
            by_clause.setdefault(m.clause, []).append(m)
    discussion = grammar("en" if english else "de").discussion_verbs
    for head, rest in out:
        if head.trigger.type == "CONSULT" and head.trigger.kind == "verb" and head.clause in by_clause:
            # "haben zur Vorbereitung eines möglichen Treffens telefoniert": the meeting is the call's topic;
            # "haben ein Signal zur Beteiligung an … besprochen": what was discussed is a topic, not an event
            discussed = head.trigger.lemma in discussion
            topic = [m for m in by_clause[head.clause] if m.trigger.kind == "noun"
                     and (m.trigger.type == "CONSULT" or (discussed and m.start < head.start if not english
                                                          else discussed and m.start > head.start))]
            rest.extend(topic)
            by_clause[head.clause] = [m for m in by_clause[head.clause] if m not in topic]
    for ms in by_clause.values():
        verbs = [m for m in ms if m.trigger.kind != "noun"]
        frame_verbs = [m for m in verbs if m.rank >= 2.5]
        if frame_verbs:
            head = max(frame_verbs, key=lambda m: m.rank)
            if english and head.trigger.type != "REJECT":
                # English word order: a frame verb governs what follows it; what precedes is its own event
                # (a rejection also governs what it rejects before it: "the demands were unacceptable");
                # what follows "because", "while", "after" … is an event of its own
                before = [m for m in ms if m.start < head.start and m is not head]
                # "did not reject the proposal but asked for amendments": an earlier frame keeps its own object
                earlier_frames = {id(m): (m, []) for m in before if m.rank >= 2.5 and m.trigger.kind != "noun"}
                for m in before:
                    if id(m) in earlier_frames:
                        continue
                    f = next((fr for fr, _ in earlier_frames.values() if fr.start < m.start and m.trigger.kind == "noun"
                              and _direct_object(sent_text, fr, m)), None)
                    if f is not None:
                        earlier_frames[id(f)][1].append(m)
                    else:
                        out.append((m, []))
                out.extend(earlier_frames.values())
                after = [m for m in ms if m.start > head.start]
                free = [m for m in after if _EN_CLAUSE_CUT.search(sent_text[head.end:m.start])
                        or re.search(r"\band (?:said|says|added|told|announced|confirmed)\b", sent_text[head.end:m.start])]
                out.extend((m, []) for m in free)
                out.append((head, [m for m in after if m not in free]))
            else:
                # German: a frame governs the content nouns of its clause; another verb of the clause is a
                # deed of its own ("hat X zur unerwünschten Person erklärt und ihn aufgefordert, …")
                own = [m for m in ms if m is not head and m.trigger.kind != "noun" and m.rank < 2.5
                       and not _zu_form(sent_text[m.start:m.end])] if not english else []
                out.extend((m, []) for m in own)
                out.append((head, [m for m in ms if m is not head and m not in own]))
            continue
        by_type: dict[str, list[Match]] = {}
        for m in ms:
            by_type.setdefault(m.trigger.type, []).append(m)
        groups = list(by_type.values())
        # a frame noun governs a content noun right after it ("Drohung mit Sanktionen")
        heads = []
        for g in groups:
            head = max(g, key=lambda m: m.rank)
            heads.append((head, [m for m in g if m is not head]))
        heads.sort(key=lambda hm: hm[0].start)
        merged: list[tuple[Match, list[Match]]] = []
        for h, rest in heads:
            if merged and merged[-1][0].rank >= 2 and h.rank < 2 and 0 <= h.start - merged[-1][0].end <= 40:
                merged[-1][1].extend([h, *rest])
            elif merged and h.rank >= 2 and merged[-1][0].rank < 2 and h.trigger.kind != "noun" \
                    and 0 <= h.start - merged[-1][0].end <= 60:
                merged[-1] = (h, [merged[-1][0], *merged[-1][1], *rest])
            else:
                merged.append((h, list(rest)))
        out.extend(merged)
    out = [(h, rest) for h, rest in out if not h.unsupported]
    for h, rest in out:
        rest.extend(taken.get(id(h), []))
    out.sort(key=lambda hm: hm[0].start)
    return out


def _events_of_sentence(doc: Document, sent: Sentence, clauses: list[tuple[int, int]], matches: list[Match],
                        ctx: DocContext, exclude: set[tuple[int, int]]) -> list[Event]:
    groups = _group(matches, doc.language == "en", doc.text)
    g = grammar(doc.language or "de")
    cond_clauses = [c for c in clauses if _first_word(doc.text[c[0]:c[1]]) in g.condition_starts]
    out: list[Event] = []
    condition_events: list[Event] = []
    # "was ready to continue the talks", "stood ready to host a summit": readiness for a contact is no
    # concession; the contact is offered (hypothetical) and coded as such
    kept_groups: list[tuple[Match, list[Match]]] = []
    for h, a in groups:
        if h.trigger.type == "CONCEDE" and h.trigger.kind == "phrase" and any(
                w in h.trigger.lemma for w in ("ready", "willing")) and any(
                m.trigger.type == "CONSULT" and m.clause == h.clause and 0 < m.index - h.index <= 5 for m in matches):
            kept_groups.extend((m, []) for m in a if m.trigger.type == "CONSULT")
        else:
            kept_groups.append((h, a))
    groups = sorted(kept_groups, key=lambda hm: hm[0].start)
    for head, absorbed in groups:
        trig = head.trigger
        ctoks = _clause_tokens(sent, head.clause)
        if doc.language == "en":
            ctoks = _english_scope(ctoks, head.start)
        first = ctoks[0].text.lower() if ctoks else ""
        relative = first in ("was", "which") and any(m.start < head.clause[0] for m in matches)
        if first in g.question_words and not head.reference and not relative:
            # an indirect question asserts nothing ("Was Trump verlangte, sagte er nicht"); ", was Israel
            # verurteilte" after a deed refers to that deed
            continue
        if doc.language == "en" and trig.kind in ("verb", "phrase") and (_reduced_relative(sent, head) or _demanded(sent, head, g)
                                                             or _purpose(sent, head, matches)):
            continue  # "properties seized in 2016", "a deadline for Moscow to accept a ceasefire": not a deed told here
        if trig.type == "CONSULT" and trig.kind != "phrase" and _source_description(doc, sent, head, clauses, g):
            continue  # "…, a diplomat involved in the mediation said", "told a regular briefing": who speaks and where
        before_trig = doc.text[max(sent.start, head.start - 40):head.start]
        if trig.kind == "verb" and trig.type == "AGREE" and re.search(r"\b(?:as|wie)\s+$", before_trig):
            continue  # "met on Tuesday as agreed in Putrajaya", "wie vereinbart": a reference to the deal
        if any(w in trig.id for w in ("take_effect", "in_kraft", "come_into", "go_into")) and re.search(
                r"\b(?:after|since|before|until|once|when|nachdem|seit|bevor|sobald)\s+(?:the|die|der|das)?\s*[\w-]+\s*$",
                before_trig, re.IGNORECASE):
            continue  # "Hours after the truce took effect, …": a time, not the event told
        if doc.language == "en" and trig.kind == "verb" and doc.text[head.start:head.end].lower().endswith("ing") \
                and trig.type not in ("AGREE", "CONSULT") and re.search(r"\bwithout\s+$", before_trig):
            continue  # "without compromising on its sovereignty": nothing was done
        if trig.type == "CONSULT" and trig.lemma.lower() == "call" and trig.kind == "verb" and any(
                m.trigger.type == "CONSULT" and m.trigger.kind == "noun" and 0 < m.index - head.index <= 3 for m in matches):
            continue  # "called Monday's talks 'a very good meeting'": an assessment, not a phone call
        if trig.type == "CONSULT" and trig.lemma.lower() == "call" and re.search(
                r"\b(?:which|what)\s+(?:\S+\s+){1,3}$", before_trig) and re.match(r"\s+[A-Z]", doc.text[head.end:head.end + 3]):
            continue  # "…, which Beijing calls Huangyan Island": a name, not a call
        if trig.type == "RETREAT" and trig.lemma.lower() in ("hold", "halten") and re.search(
                r"\b(?:if|unless|whether|falls|wenn|ob|sollte)\b", doc.text[head.clause[0]:head.start], re.IGNORECASE):
            continue  # "If the truce holds, …": a condition, not a ceasefire in force
        if doc.language == "en" and trig.kind in ("verb", "phrase") and re.search(
                r",\s*(?:which|who)\s+(?:has|have|had)\s+(?:\w+\s+)?$", before_trig):
            continue  # "…, which has mediated the conflict since 1992": a description of the noun, not news
        if trig.kind == "noun" and _absent(doc, sent, head):
            continue  # "Doch konkrete Ergebnisse oder Zusagen fehlen bislang": nothing was promised
        if trig.type == "CONSULT" and not head.reference and _habitual(doc.text[head.clause[0]:head.clause[1]], g.habitual):
            continue  # "telefonieren regelmäßig": a practice, not one contact
        if trig.type in ("RETREAT", "AID") and trig.kind == "verb" and _offered(doc, sent, head):
            # "Hamas said it was ready to release all hostages": an offer, not a release (CONCEDE)
            trig = replace(trig, type="CONCEDE", mode=trig.mode if trig.type == "RETREAT" else None)
            head = replace(head, trigger=trig)
        others = tuple((h.start, h.end) for h, _ in groups
                       if h is not head and h.clause == head.clause and h.trigger.kind == "noun")
        role_clause, role_exclude = _main_clause_of(doc, sent, head, clauses, ctx, exclude)
        roles = assign(trig, head.start, head.end, sent, role_clause, ctx, role_exclude, others)
        if role_clause != head.clause:
            head = replace(head, clause=role_clause)  # the main clause dates and qualifies the participle too
        if not roles.actors and head.clause[0] > sent.start and re.match(
                r"\s*(?:und|and|sowie|but|aber)\s+\S+", doc.text[head.clause[0]:head.clause[1]]) and ctoks and any(
                t.finite and t.pos in ("VERB", "AUX") for t in ctoks[1:3]):
            # "Paris kündigte an, …, und rief seinen Botschafter zurück": the coordinated verb shares the subject
            subj = next((m for m in ctx.mentions_in(sent.start, head.clause[0]) if (m.start, m.end) not in exclude
                         and _prep_before(sent.tokens, m, sent.start) is None), None)
            if subj is not None:
                roles.actors = [subj]
                roles.recipients = [m for m in roles.recipients if _actor(m).key() != _actor(subj).key()]
        if doc.language == "en" and trig.type == "ACCUSE" and trig.kind == "verb":
            of = re.match(r"(?:\s+[\w'’-]+){0,4}?\s+of\s", doc.text[head.end:head.clause[1]])
            if of is not None:  # "traders it accused of helping Moscow evade sanctions": what is alleged, not whom
                roles.recipients = [m for m in roles.recipients if m.start < head.end + of.end()]
        if head.reference and not (_infinitive_clause(ctoks) and _indefinite_determiner(doc, sent, head)):
            modality, cue = "asserted", None
        else:
            ti = next((k for k, t in enumerate(ctoks) if t.start == head.start), None)
            modality, cue = clause_modality(ctoks, ti, following=[t for t in sent.tokens if t.start >= head.clause[1]],
                                            lang=doc.language or "de")
            if doc.language == "en" and modality == "hypothetical" and cue and cue.lower() == "would" and ctoks and re.search(
                    r"\b(?:said|says|announced|told|added|stated|confirmed|pledged|promised|vowed|agreed|decided)\b",
                    doc.text[sent.start:ctoks[0].start]):
                modality = "planned"  # "announced that they would withdraw their troops": reported future
            opener = _scope_opener(sent, ctoks) if doc.language == "en" else None
            if opener in ("if", "unless", "whether") and modality in ("asserted", "planned") and not (
                    trig.kind == "noun" and _definite_reference(doc, sent, head)):
                modality = "hypothetical"  # "… could lift sanctions if Minsk frees prisoners"
        if modality == "asserted" and _infinitive_clause(ctoks) and not (
                head.reference and not _indefinite_determiner(doc, sent, head)) and not (
                trig.type == "CONSULT" and trig.kind == "noun" and _definite_determiner(doc, sent, head)):
            # "…, mit neuen Sanktionen Druck aufzubauen": an aim or a plan, not something that happened
            prev = [c for c in clauses if c[1] <= head.clause[0]]
            opener = doc.text[prev[-1][0]:prev[-1][1]].split(maxsplit=1)[0].lower() if prev else ""
            prev_toks = _clause_tokens(sent, prev[-1]) if prev else []
            believed = any(t.lemma.lower() in g.belief_verbs for t in prev_toks) or bool(
                prev_toks and prev_toks[-1].text.lower() in g.need_nouns)  # "äußerte den Wunsch, … zu haben"
            modality = "hypothetical" if opener in g.question_words or opener in ("ob", "whether") or believed \
                else "planned"
        if modality == "negated" and trig.kind == "phrase" and {w.lower() for w in trig.words} & _PHRASE_NEGATORS:
            modality = "asserted"  # "not on the table", "nothing is off the table": the negation is the phrase's own
        if trig.type == "THREATEN" and modality == "negated" and _WARNING.search(doc.text[head.clause[0]:head.end]):
            modality = "asserted"  # "should not play with fire", "sollte nicht mit dem Feuer spielen": a warning given
        ruling_out = trig.type == "THREATEN" and ("_out" in trig.id and "rule" in trig.id or "ausschließen" in trig.id)
        if ruling_out and modality == "negated":
            modality = "asserted"  # "refused to rule out military force", "schloss einen Militäreinsatz nicht aus"
        elif ruling_out and "refuse" not in trig.id:
            trig = replace(trig, type="REJECT", mode=None)  # ruling force out is no threat but a refusal
            head = replace(head, trigger=trig)
        prev_clause = [c for c in clauses if c[1] <= head.clause[0]]
        prev_words = doc.text[prev_clause[-1][0]:prev_clause[-1][1]].lower().split() if prev_clause else []
        if trig.type == "CONSULT" and modality in ("asserted", "planned") and ({"bereit", "ready", "willing"} & {
                t.text.lower() for t in ctoks} or (prev_words and prev_words[-1] in ("bereit", "gewillt", "willens")
                                                   and _infinitive_clause(ctoks))):
            modality = "hypothetical"  # "sei zu einem Treffen bereit": willing, not arranged
        ev = _build(doc, sent, head, absorbed, roles, modality, ctx)
        if head.clause in cond_clauses:
            condition_events.append(ev)
        else:
            out.append(ev)
    if cond_clauses and out:
        cond = cond_clauses[0]
        cond_ms = dedupe([m for m in ctx.mentions_in(*cond) if (m.start, m.end) not in exclude])
        for ev in out:
            # "Sollte X …, will/werde Y …" is a threat; "…, könnten Y …" is only speculation
            if ev.type in PUNITIVE and ev.modality in ("planned", "asserted"):
                ev.mode = PUNITIVE[ev.type] if ev.type != "THREATEN" else (ev.mode or "restrict")
                ev.type = "THREATEN"
                ev.modality = "asserted"
                ev.conditions.append({"text": doc.text[cond[0]:cond[1]].strip(" ,"),
                                      "evidence": [doc.span(*_strip(doc.text, cond))]})
                keys = {a.key() for a in ev.actors}
                ev.recipients = [_actor(m) for m in cond_ms if _actor(m).key() not in keys] or ev.recipients
                ev.producer += "+condition"
        condition_events = [] if any(ev.conditions for ev in out) else condition_events
    for ev in condition_events:
        ev.modality = "hypothetical"
        out.append(ev)
    _reaction_to_move(doc, out)
    if doc.language == "en":
        _coordinated_content(doc, out, clauses)
        out = _fold_participle_tolls(doc, out)
        for ev in out:
            # "vowed to resume attacks on ships if aid deliveries stop": a planned blow with a condition threatens
            readied = ev.modality == "asserted" and ev.trigger is not None and re.search(
                r"\b(?:ready|prepared|on the table|in place)\b", doc.text[ev.trigger.end:sent.end])
            if ev.type in PUNITIVE and ev.type != "THREATEN" and (ev.modality == "planned" or readied) \
                    and ev.trigger is not None:
                # "… vowed to resume attacks if …", "new measures were ready if the talks stalled"
                m = re.search(r"\b(?:if|unless)\b[^.;]*", doc.text[ev.trigger.end:sent.end], re.IGNORECASE)
                if m:
                    ev.mode = PUNITIVE[ev.type]
                    ev.type, ev.modality = "THREATEN", "asserted"
                    cs, ce = ev.trigger.end + m.start(), ev.trigger.end + m.end()
                    ev.conditions.append({"text": doc.text[cs:ce].strip(" ,"), "evidence": [doc.span(cs, ce)]})
                    ev.producer += "+condition"
                    ev.id = stable_id("ev", doc.doc_id, ev.trigger.start, ev.type)
                    ev.summary = summarize(ev)
        spans = [c["evidence"][0] for ev in out for c in ev.conditions if c.get("evidence")]
        # what the condition names ("if aid deliveries were blocked") is the threat's condition, not an event
        out = [ev for ev in out if ev.trigger is None or not any(
            sp.start <= ev.trigger.start < sp.end for sp in spans)]
    return _fold_complements(doc, out, clauses)


def _english_clauses(sent: Sentence, clauses: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """English clauses are seldom cut by commas: a subordinator followed by its own subject and finite verb
    ("… scrambled jets as Russia struck targets", "… after a deadline expired") starts a clause of its own."""
    toks = sent.tokens
    out: list[tuple[int, int]] = []
    for lo, hi in clauses:
        cuts = []
        idx = [k for k, t in enumerate(toks) if lo <= t.start < hi]
        for n, k in enumerate(idx):
            if n < 3 or toks[k].text.lower() not in EN_SUBORDINATORS:
                continue
            rest = [toks[m] for m in idx[n + 1:n + 9]]
            if len(rest) < 2 or rest[0].pos in ("VERB", "AUX", "ADP", "PUNCT") or rest[0].text.lower() in ("well", "long", "soon", "much", "many", "part"):
                continue
            verb = next((m for m, t in enumerate(rest) if t.finite and t.pos in ("VERB", "AUX")), None)
            if verb is not None and verb >= 1 and not any(t.pos == "PUNCT" for t in rest[:verb]):
                cuts.append(toks[k].start)
        start = lo
        for c in cuts:
            out.append((start, c))
            start = c
        out.append((start, hi))
    return out


_MOVE = re.compile(r"(?:\b(?:a|the) (?:move|step|decision|measure)\b|,\s*which\b|\b(?:ein(?:en)? Schritt|eine "
                   r"Entscheidung|eine Maßnahme)\b|,\s*(?:was|den|die|das)\b)[^.;]*$", re.IGNORECASE)


def _reaction_to_move(doc: Document, out: list[Event]) -> None:
    """'Spain, Ireland and Norway recognised a Palestinian state, a move Israel condemned as …': the reaction
    is addressed to those who made the move."""
    for k, ev in enumerate(out):
        if k == 0 or ev.recipients or ev.type not in ("ACCUSE", "SUPPORT", "REJECT") or ev.trigger is None:
            continue
        prev = out[k - 1]
        if prev.trigger is None or not prev.actors or prev.trigger.end > ev.trigger.start:
            continue
        if _MOVE.search(doc.text[prev.trigger.end:ev.trigger.start]):
            keys = {a.key() for a in ev.actors}
            ev.recipients = [a for a in prev.actors if a.key() not in keys]
            ev.summary = summarize(ev)


def _fold_participle_tolls(doc: Document, out: list[Event]) -> list[Event]:
    """'Jets carried out air strikes overnight, killing at least 46 people': the participle tells the toll of
    the attack just named, not another attack."""
    kept: list[Event] = []
    for ev in out:
        prev = next((e for e in reversed(kept) if e.type == "ASSAULT"), None)
        t = ev.trigger
        participle = t is not None and doc.text[t.start:t.end].lower().endswith("ing") \
            and bool(re.search(r",\s*$", doc.text[max(0, t.start - 3):t.start]))
        agreed = next((e for e in reversed(kept) if e.type == "AGREE"), None)
        if agreed is not None and ev.type in ("CONCEDE", "AGREE") and participle:
            continue  # "signed a joint declaration, pledging to end decades of conflict": what was signed
        protest = next((e for e in reversed(kept) if e.type == "PROTEST"), None)
        if protest is not None and ev.type == "REQUEST" and participle:
            continue  # "thousands rallied in Belgrade, demanding accountability": what the protest demands
        if prev is not None and ev.type == "ASSAULT" and t is not None and (
                participle or re.search(r"\b(?:including|among them|notably)\s+(?:\S+\s+){0,2}$", doc.text[max(0, t.start - 40):t.start])):
            # "…, including a strike on the oil terminal": a part of the attacks just named
            prev.quantities.extend(q for q in ev.quantities if q not in prev.quantities)
            continue
        kept.append(ev)
    return kept


_ABSENT = re.compile(r"\b(?:fehlen|fehlt|fehlten|fehlte|blieben aus|bleiben aus|blieb aus|bleibt aus|"
                     r"are lacking|were lacking|remain elusive|remained elusive)\b", re.IGNORECASE)


def _absent(doc: Document, sent: Sentence, head: Match) -> bool:
    """A bare noun whose clause says it is missing ("Zusagen fehlen bislang", "commitments remain elusive")."""
    toks = sent.tokens
    i = head.index
    j = i
    while j > 0 and toks[j - 1].pos in ("ADJ", "NOUN", "CCONJ") and i - j < 5:
        j -= 1
    if j > 0 and toks[j - 1].pos == "DET":
        return False
    return bool(_ABSENT.search(doc.text[head.end:head.clause[1]]))


_RELATIVE_DE = {"der", "die", "das", "dem", "den", "denen", "dessen", "deren", "welcher", "welche", "welches", "wo"}


def _main_clause_of(doc: Document, sent: Sentence, head: Match, clauses: list[tuple[int, int]], ctx: DocContext,
                    exclude: set[tuple[int, int]]) -> tuple[tuple[int, int], set[tuple[int, int]]]:
    """German puts the participle after an inserted relative clause ("A und B waren auf Einladung von C, der …
    führt, in Putrajaya zusammengekommen"): the participle's clause continues the main clause before the
    relative clause; the relative clause's names are not its parties."""
    if doc.language != "de" or head.clause not in clauses:
        return head.clause, exclude
    k = clauses.index(head.clause)
    ctoks = _clause_tokens(sent, head.clause)
    # a participle at the clause end ("zusammengekommen", "vereinbart") is no finite verb, whatever the tagger says
    words = [t for t in ctoks if t.pos != "PUNCT"]
    finite = [t for t in words if t.finite and not (t is words[-1] and re.search(r"ge\w+(?:t|en)$", t.text))]
    if k < 2 or finite or ctx.mentions_in(head.clause[0], head.start):
        return head.clause, exclude
    rel, main = clauses[k - 1], clauses[k - 2]
    if _first_word(doc.text[rel[0]:rel[1]]) not in _RELATIVE_DE:
        return head.clause, exclude
    if not any(t.finite and t.pos == "AUX" for t in _clause_tokens(sent, main)):
        return head.clause, exclude
    inner = {(m.start, m.end) for m in ctx.mentions_in(*rel)}
    return (main[0], head.clause[1]), exclude | inner


def _source_description(doc: Document, sent: Sentence, head: Match, clauses: list[tuple[int, int]], g: Any) -> bool:
    """A contact word inside the clause that names the source ("officials familiar with the talks said",
    "told a news conference") describes the speaker or the occasion of speaking, not a contact reported."""
    from readout.claims.attribute import is_speech_clause

    if head.clause == clauses[0] or not is_speech_clause(doc.text[head.clause[0]:head.clause[1]], doc.language or "de"):
        return False
    low = doc.text[max(head.clause[0], head.start - 12):head.end + 12].lower()
    if any(w in low for w in g.press_events):
        return True
    before = doc.text[head.clause[0]:head.start]
    return any(re.search(r"\b" + re.escape(p) + r"\s+(?:\w+\s+){0,2}$", before, re.IGNORECASE) for p in g.source_phrases)


def _reduced_relative(sent: Sentence, head: Match) -> bool:
    """'asked for the return of properties seized in 2016': a participle after a noun inside a prepositional
    phrase describes that noun; the act it names is background, not an event reported here."""
    toks = sent.tokens
    i = head.index
    if i < 1 or i + 1 >= len(toks) or not toks[i].text.lower().endswith(("ed", "en", "ght", "wn")):
        return False
    if toks[i + 1].text.lower() == "by" and toks[i - 1].pos in ("NOUN", "PROPN") and any(
            t.finite and t.pos in ("VERB", "AUX") for t in toks[i + 2:]) and not any(
            t.finite and t.pos == "AUX" for t in toks[max(0, i - 2):i]):
        return True  # "Drones launched by the RSF hit …", "an exchange mediated by the UAE": the noun's description
    if i < 2:
        return False
    if toks[i - 1].pos not in ("NOUN",) or not toks[i - 1].text[:1].islower():
        return False
    nxt = toks[i + 1]
    if nxt.pos != "ADP" and nxt.text.lower() not in ("last", "earlier", "overnight", "yesterday"):
        return False
    j = i - 1
    while j > 0 and toks[j - 1].pos in ("NOUN", "ADJ", "NUM", "DET") and toks[j - 1].text[:1].islower():
        j -= 1
    # the noun phrase is a prepositional object after the clause's own verb, not the subject of this one
    return j > 0 and toks[j - 1].pos == "ADP" and any(
        t.finite and t.pos in ("VERB", "AUX") for t in toks[:j - 1])


_CONTENT_NOUNS = {"proposal", "plan", "offer", "decision", "bid", "attempt", "order", "move", "call", "deal", "agreement",
                  "pledge", "promise", "threat", "ultimatum", "effort", "push", "request", "demand", "right", "mandate",
                  "permission", "authority", "vote", "resolution", "law", "bill", "initiative", "way", "chance", "time"}


_CONTROL_WORDS = {"due", "set", "going", "able", "about", "expected", "likely", "poised", "ready", "willing", "prepared",
                  "unable", "keen", "eager", "supposed", "scheduled", "slated", "bound", "certain", "sure", "unlikely"}


def _purpose(sent: Sentence, head: Match, matches: list[Match]) -> bool:
    """'declared a ceasefire to support relief efforts', 'sent police to reinforce the mission': the aim of the
    act just told, not a second event (what a frame or a noun like 'proposal' governs is handled as content)."""
    toks = sent.tokens
    i = head.index
    if i < 2 or toks[i - 1].text.lower() != "to" or toks[i - 1].pos not in ("PART", "ADP"):
        return False
    before = toks[i - 2]
    if before.pos in ("VERB", "AUX", "ADJ", "PRON") or before.text.lower() in _CONTENT_NOUNS | _CONTROL_WORDS:
        return False  # "agreed to", "ready to", "urged them to", "a proposal to"
    return any(m.index < i - 1 and m.clause == head.clause for m in matches)


def _demanded(sent: Sentence, head: Match, g: Any) -> bool:
    """'a deadline for Moscow to accept a ceasefire', 'calls for Israel to withdraw': the deed is what is
    demanded, the demand's content."""
    toks = sent.tokens
    i = head.index
    if i < 3 or toks[i - 1].text.lower() != "to":
        return False
    window = [t.text.lower() for t in toks[max(0, i - 7):i - 1]]
    return any(w in g.demand_nouns for w in window)


def _coordinated_content(doc: Document, events: list[Event], clauses: list[tuple[int, int]]) -> None:
    """'had agreed to carry out the exchange, and to hand over the bodies …': a second 'to'-clause
    after an agreement, promise, demand or threat is a second one of the same kind, not a deed done."""
    for k, ev in enumerate(events):
        if ev.trigger is None or k == 0:
            continue
        c = next((c for c in clauses if c[0] <= ev.trigger.start < c[1]), None)
        if c is None or not re.match(r"\s*(?:and |or |but )?to \w+", doc.text[c[0]:c[1]], re.IGNORECASE):
            continue
        frame = next((p for p in reversed(events[:k]) if FRAME_RANK.get(p.type, 1) >= 2 and p.type in CONTENT_FRAMES
                      and p.trigger is not None and p.trigger.start < c[0]), None)
        if frame is None or frame.type == ev.type:
            continue
        ev.type, ev.modality, ev.mode = frame.type, frame.modality, None
        ev.actors, ev.recipients = list(frame.actors), list(frame.recipients)
        ev.links = list(frame.links)
        ev.date = dict(frame.date)
        ev.producer += "+coordinated"
        ev.id = stable_id("ev", doc.doc_id, ev.trigger.start, ev.type)
        ev.summary = summarize(ev)


# "knüpfte … an die Bedingung, dass die Lieferungen beendet würden": what is demanded, promised or
# agreed in a dass-clause is the frame's content, not an event of its own
_CONTENT_CLAUSE_FRAMES = {"REQUEST", "CONCEDE", "AGREE", "THREATEN"}


def _first_word(text: str) -> str:
    """The clause's first word, lower case, without the quotation mark it may open with ('"If they …')."""
    words = text.lstrip(" \"'„“”‚‘’»«(").split(maxsplit=1)
    return words[0].lower() if words else ""


def _fold_complements(doc: Document, events: list[Event], clauses: list[tuple[int, int]]) -> list[Event]:
    """'die russische Zusage, die Angriffe … für 30 Tage auszusetzen': the zu-infinitive clause after a
    promise, demand, threat or agreement is its content, not a second event. Its words refine the
    head (mode, quantities) and its span joins the evidence."""
    out: list[Event] = []
    for ev in events:
        prev = out[-1] if out else None
        if prev is not None and ev.trigger is not None and prev.trigger is not None and ev.modality != "hypothetical" \
                and FRAME_RANK.get(prev.type, 1) >= 2 and prev.type not in ("CONSULT",):
            ci = next((i for i, c in enumerate(clauses) if c[0] <= ev.trigger.start < c[1]), None)
            pi = next((i for i, c in enumerate(clauses) if c[0] <= prev.trigger.start < c[1]), None)
            toks = [t for s in doc.sentences if s.start <= ev.trigger.start < s.end for t in s.tokens
                    if ci is not None and clauses[ci][0] <= t.start < clauses[ci][1]]
            between = [t for s in doc.sentences if s.start <= ev.trigger.start < s.end for t in s.tokens
                       if ci is not None and pi is not None and clauses[pi][1] <= t.start < clauses[ci][0]]
            content = _infinitive_clause(toks) or (prev.type in _CONTENT_CLAUSE_FRAMES and _first_word(
                doc.text[clauses[ci][0]:clauses[ci][1]]) in ("dass", "that") if ci is not None else False)
            if ci is not None and pi is not None and 0 < ci - pi <= 2 and content \
                    and not any(t.finite for t in between):  # "…, weil er glaubt, … abzuschließen": glaubt's
                for sp in ev.evidence:
                    if sp not in prev.evidence:
                        prev.evidence.append(sp)
                prev.quantities.extend(q for q in ev.quantities if q not in prev.quantities)
                have = {a.key() for a in prev.actors + prev.recipients}
                prev.recipients.extend(a for a in ev.actors + ev.recipients if a.key() not in have and a.key())
                if prev.type == ev.type and not prev.mode:
                    prev.mode = ev.mode
                prev.summary = summarize(prev)
                continue
        out.append(ev)
    return out


_ZU_INFINITIVE = re.compile(r"^(?:[a-zäöüß]{2,8}zu[a-zäöüß]{3,}(?:en|ern|eln)|zu)$")


def _infinitive_clause(ctoks: list) -> bool:
    """A German zu-infinitive clause without a finite verb of its own ("den Prozess fortzusetzen")."""
    if any(t.finite for t in ctoks):
        return False
    low = [t.text.lower() for t in ctoks]
    return any(_ZU_INFINITIVE.match(w) and (w != "zu" or (i + 1 < len(low) and low[i + 1].endswith("en")))
               for i, w in enumerate(low))


_EN_BOUNDARIES = {"if", "unless", "because", "although", "though", "while", "whereas", "which", "who", "whom",
                  "after", "before", "since", "until", "when"}


def _offered(doc: Document, sent: Sentence, head: Match) -> bool:
    """The deed is only offered: 'ready to release', 'willing to withdraw', 'bereit, … freizulassen'."""
    before = doc.text[max(sent.start, head.start - 60):head.start]
    if re.search(r"\b(?:ready|willing|prepared)\s+to\s+(?:\w+ly\s+)?$", before, re.IGNORECASE):
        return True
    return bool(re.search(r"\b(?:bereit|gewillt)\b[^.]*$", before)) and _zu_form(doc.text[head.start:head.end])


def _single_party(doc: Document, sent: Sentence, head: Match, ctx: DocContext) -> EntityMention | None:
    """The one subject of "X agreed to …" when the clause names no partner ("with Y", "X and Y")."""
    lo = head.clause[0]
    g = grammar(doc.language or "de")
    if any(w in doc.text[lo:head.start].lower() for w in g.both_words if " " in w):
        return None  # "the two leaders had agreed": both sides
    speakers = _attribution_mentions(sent, ctx)
    sayer = _speaker_before_saying(doc, sent, ctx)  # "the White House said Bogota had agreed to …"
    if sayer is not None and sayer.end < head.start:
        speakers.add((sayer.start, sayer.end))
    subj = [m for m in ctx.mentions_in(lo, head.start) if _actor(m).key() and _prep_before(sent.tokens, m, lo) is None
            and (m.start, m.end) not in speakers]
    if len({_actor(m).key() for m in subj}) != 1:
        return None
    if re.search(r"\b(?:with|between|and)\b", doc.text[subj[0].end:head.start]) or re.search(
            r"\b(?:with|between)\b", doc.text[head.end:head.clause[1]]):
        return None
    return subj[-1]


def _scope_opener(sent: Sentence, ctoks: list) -> str | None:
    """The subordinator right before an English scope ('if' in "… if Minsk frees prisoners")."""
    if not ctoks:
        return None
    before = [t for t in sent.tokens if t.end <= ctoks[0].start]
    return before[-1].text.lower() if before else None


def _english_scope(ctoks: list, trig_start: int) -> list:
    """English clauses are seldom cut by commas: the trigger's clause ends at the next subordinator
    ("threatened sanctions if it did not agree": the 'not' is the condition's) and starts after the
    last one before it."""
    lo = 0
    hi = len(ctoks)
    for i, t in enumerate(ctoks):
        low = t.text.lower()
        nxt = ctoks[i + 1] if i + 1 < len(ctoks) else None
        coordinated_vp = low in ("and", "but", "or") and nxt is not None and (
            nxt.text.lower() == "that" or (nxt.pos in ("AUX", "VERB") and nxt.finite))  # "… and would not negotiate"
        if low in _EN_BOUNDARIES or coordinated_vp or (low == "that" and i > 0 and ctoks[i - 1].pos in ("VERB", "NOUN", "PROPN")):
            if t.start < trig_start:
                lo = i + 1
            elif i > 0:
                hi = i
                break
    return ctoks[lo:hi] or ctoks


_ANTERIOR_TIME = re.compile(r"\b(?:vor (?:einer|einem|zwei|drei|vier|\d+) (?:Woche|Wochen|Monat|Monaten|Tag|Tagen|Jahr|Jahren)|"
                            r"vergangene[nr]? (?:Woche|Monat|Jahr)|letzte[nr]? (?:Woche|Monat)|im Vorjahr|bereits im|"
                            r"\w+ (?:weeks?|months?|days?) ago|last (?:week|month|year))\b", re.IGNORECASE)


_REFUSAL = re.compile(r"\b(?:would|will|won't|wouldn't|shall|werde|werden|wird|wolle|wollen|will)\b", re.IGNORECASE)


def _refusal(doc: Document, head: Match) -> bool:
    return bool(_REFUSAL.search(doc.text[head.clause[0]:head.clause[1]]))


def _anterior(doc: Document, sent: Sentence, head: Match) -> bool:
    """The clause tells of something before the contact being reported: a pluperfect ("hatten sich …
    geeinigt") or a time before it ("vor einer Woche")."""
    clause = doc.text[head.clause[0]:head.clause[1]]
    toks = [t for t in sent.tokens if head.clause[0] <= t.start < head.clause[1]]
    low = {t.text.lower() for t in toks}
    if "had" in low and doc.language == "en":
        # "told reporters that the two sides had agreed": the tense of reported speech, not a time before
        from readout.claims.attribute import _SPEECH_EN, _SPEECH_EN_FORMS

        before = [t.lemma.lower() for t in sent.tokens if t.start < head.start]
        said = set(before) & (_SPEECH_EN | _SPEECH_EN_FORMS) and ("that" in before or any(t.text in ('"', "“") for t in sent.tokens
                                                                      if t.start < head.start))
        low = low - {"had"} if said else low
    return bool(low & {"hatten", "hatte", "had"}) or bool(_ANTERIOR_TIME.search(clause))



def _weapon_mode(text: str, lang: str) -> str | None:
    """PLOVER's ASSAULT mode from the weapons the sentence names (grammar_<lang>.json: weapon_modes)."""
    low = text.lower()
    for mode, stems in grammar(lang).weapon_modes:
        if any(st in low for st in stems):
            return mode
    return None


def _habitual(clause_text: str, words: tuple[str, ...]) -> bool:
    low = clause_text.lower()
    return any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", low) for w in words)


def _strip(text: str, span: tuple[int, int]) -> tuple[int, int]:
    s, e = span
    while s < e and text[s] in " ,;:–-\n":
        s += 1
    while e > s and text[e - 1] in " ,;:–-\n":
        e -= 1
    return s, e


def _build(doc: Document, sent: Sentence, head: Match, absorbed: list[Match], roles: Roles, modality: str,
           ctx: DocContext) -> Event:
    trig = head.trigger
    etype, mode = trig.type, trig.mode
    for m in absorbed:  # a governed content word refines the mode ("drohte mit Sanktionen" -> restrict)
        if etype == "THREATEN" and not mode and m.trigger.type in PUNITIVE:
            mode = PUNITIVE[m.trigger.type]
        if etype == "REQUEST" and not mode and m.trigger.type in REQUESTED:
            mode = REQUESTED[m.trigger.type]  # "schlug ein Treffen vor" -> meet, "bat um Waffen" -> assist
    actors = list(roles.actors)
    recipients = list(roles.recipients)
    words = " ".join([doc.text[head.start:head.end]] + [doc.text[m.start:m.end] for m in absorbed]).lower()
    ceasefire_like = any(w in words for w in CEASEFIRE_WORDS) or mode == "ceasefire"
    contact = ctx.current_contact(head.start)
    outcome = contact is not None and etype in OUTCOME_TYPES and etype != "RETREAT" and not head.reference
    if contact is not None and etype == "CONSULT" and not head.reference:
        # a summit that was not discussed or is only planned, a briefing within the call: the call's story;
        # a planned meeting of other people than the contact's is a story of its own
        keys = {_actor(m).key() for m in roles.actors + roles.recipients}
        people = {m.name for m in roles.actors + roles.recipients if m.kind == "person"}
        contact_people = {a.name for a in contact.actors if a.country or a.org}
        other_people = len(people) >= 2 and bool(people - contact_people) and not roles.from_context
        outcome = (modality != "asserted" and not other_people) or (
            trig.frame == "directed" and bool(keys) and keys <= {a.key() for a in contact.actors})
    if outcome and _anterior(doc, sent, head):
        outcome = False  # "auf den sich beide vor einer Woche geeinigt hatten": before the call, not from it
    if etype in ("CONCEDE", "RETREAT", "CONSULT", "AGREE") and modality == "negated" and _refusal(doc, head):
        # "would not ease sanctions", "will not withdraw", "werde nicht abziehen": a refusal to yield
        etype, mode, modality = "REJECT", None, "asserted"
    if etype == "AGREE" and doc.language == "en" and trig.kind == "verb" and not outcome \
            and re.match(r"\s+to\s+\w", doc.text[head.end:head.end + 20]):
        one_side = _single_party(doc, sent, head, ctx)
        if one_side is not None:
            # "Colombia agreed to accept the flights": one side gives in; agreeing needs a partner
            etype, actors, recipients = "CONCEDE", [one_side], [m for m in recipients if _actor(m).key() != _actor(one_side).key()]
    if etype == "AGREE" and trig.kind == "verb" and trig.lemma.lower() in _SWAP_VERBS and modality in ("asserted", "hypothetical") \
            and not outcome:
        # "Russia and Ukraine exchanged 390 prisoners each", "could swap prisoners": a release carried out (or
        # possible), not an agreement (SPEC: what is carried out is RETREAT)
        etype, mode = "RETREAT", "release"
    if etype == "AID" and trig.kind == "verb" and trig.lemma.lower() in ("deploy", "send", "entsenden", "schicken") and re.search(
            r"\b(?:troops|soldiers|police|officers|forces|Soldaten|Truppen|Polizisten)\b", doc.text[head.end:sent.end]) and not any(
            _actor(m).key() not in {_actor(a).key() for a in actors} for m in recipients):
        etype, mode = "MOBILIZE", None  # "deployed soldiers and police officers to the streets": no one abroad is helped
    clause_text = doc.text[head.clause[0]:head.clause[1]]
    if etype == "PROTEST" and trig.kind == "verb" and trig.lemma.lower() in ("protest", "protestieren") and actors and all(
            m.kind in ("state", "institution", "person") and m.via != "adjective" and m.start < head.start
            and _prep_before(sent.tokens, m, head.clause[0]) is None for m in actors) and not roles.from_context \
            and re.search(r"\b(?:gegen|against|bei|to|over)\b", clause_text):
        # "Vietnam hat gegen das Eindringen … protestiert", "China protested to Manila": a government's protest
        # is a formal complaint (ACCUSE), not people in the street
        etype, mode = "ACCUSE", "disapprove"
    if etype == "ASSAULT" and re.search(r"\b(?:ins \w+ Meer|in die See|into the sea|into the \w+ Sea|test|Test)\b", clause_text) \
            and not any(_actor(m).key() for m in recipients):
        etype, mode = "MOBILIZE", None  # "feuerte eine Rakete ins Japanische Meer": a show of force, no target
    if etype == "SUPPORT" and (re.search(r"\b(?:mit|with)\s+(?:\S+\s+){0,4}?(?:Euro|Dollar|Franken|Pfund|euros|dollars|pounds)\b",
                                         clause_text) or re.search(r"\b(?:militärisch|militarily)\b", clause_text)):
        etype, mode = "AID", None  # "will Jordanien mit drei Milliarden Euro unterstützen": money given
    if etype == "MOBILIZE" and trig.kind == "verb" and trig.lemma.lower() in _DISPATCH and not re.search(
            r"\b(?:border|Grenze)\b", doc.text[head.end:head.clause[1]]) and re.search(
            r"\b(?:Polizist\w*|police|Friedenstruppe\w*|Blauhelm\w*|peacekeep\w*|Helfer|rescue\w*|auf Bitte|um (?:Hilfe|"
            r"Unterstützung) gebeten|at the request|asked for (?:help|assistance))", doc.text[sent.start:sent.end]) \
            and recipients and any(
            _actor(m).key() not in {_actor(a).key() for a in actors} and m.kind != "person" for m in recipients):
        etype, mode = "AID", None  # "hat 100 Polizisten und Soldaten nach Honiara entsandt": sent to help abroad
    if etype == "COERCE" and trig.lemma.lower() in ("block", "blockieren") and re.search(
            r"\bin protest\b|\baus Protest\b|\bprotestierend", clause_text):
        etype, mode = "PROTEST", None  # "residents blocked a highway in protest": a protest, not coercion
    if etype == "RETREAT" and mode == "access" and len({_actor(m).key() for m in actors} - {None}) >= 2:
        etype, mode = "COOPERATE", None  # "Colombia and Venezuela reopened their shared border": together
    if etype == "CONCEDE" and trig.lemma.lower() in ("allow", "let", "permit") and re.search(
            r"\b(?:back|into|access)\b", doc.text[head.end:head.clause[1]]):
        etype, mode = "RETREAT", "access"  # "Iran will allow inspectors … back into its nuclear sites"
    if etype == "CONCEDE" and trig.lemma.lower().startswith("agree") and len({_actor(m).key() for m in actors} - {None}) >= 2:
        etype, mode = "AGREE", None  # "Israel and Hamas have agreed to a ceasefire and hostage release deal"
    if etype == "RETREAT" and modality == "planned" and not ceasefire_like and mode == "release":
        # a release that is promised, not yet done, is a concession (SPEC coding rules)
        etype = "AGREE" if trig.frame == "joint" and len(dedupe(actors)) >= 2 else "CONCEDE"
    if ceasefire_like and etype in ("AGREE", "CONCEDE", "RETREAT"):
        if (modality == "asserted" and etype == "RETREAT") or any(w in trig.id for w in ("effect", "force", "kraft")):
            pass  # carried out, or due to take effect ("The truce is due to take effect on Sunday")
        elif etype == "RETREAT":
            etype = "AGREE" if len(actors) >= 2 else "CONCEDE"
        elif etype == "AGREE" and trig.kind == "noun" and len(dedupe(actors)) < 2 and not outcome:
            etype = "CONCEDE"
    if etype == "ACCUSE" and trig.kind != "verb":
        owner = _accused_owner(doc, sent, head, ctx)
        speaker = _speaker_before_saying(doc, sent, ctx)
        if owner is not None and speaker is not None and owner.start < speaker.end:
            owner = None  # the owner stands in what was said, after the speaker
        if owner is not None:
            # "X told reporters that the Kiev regime's attacks were acts of terrorism": X accuses the owner
            okey = _actor(owner).key()
            actors = [speaker] if speaker is not None else [m for m in actors if _actor(m).key() != okey]
            recipients = [owner]
    if etype == "CONCEDE" and any(w in trig.lemma.lower() for w in _PROMISES) and (any(m.trigger.type == "AID" and not re.search(
            r"\b(?:to|um|damit|so that)\b", doc.text[head.end:m.start], re.IGNORECASE) for m in absorbed) or any(
            q.unit in _CURRENCIES for q in doc.quantities if head.clause[0] <= q.start < head.clause[1])):
        # "stellte dem Libanon 250 Millionen Euro in Aussicht", "sagte weitere Munitionslieferungen zu":
        # aid promised is aid to come (AID, planned)
        etype, mode = "AID", None
        modality = "planned" if modality == "asserted" else modality
    if etype == "MOBILIZE" and re.search(r"man[öo]ver|übung|drill|exercise", trig.lemma.lower()) and \
            len({_actor(m).key() for m in actors + recipients} - {None}) >= 2 and (
            re.search(r"\b(?:gemeinsam\w*|joint|jointly|together)\b", doc.text[sent.start:sent.end], re.IGNORECASE)
            or len({_actor(m).key() for m in actors} - {None}) >= 2):
        # "Die Streitkräfte Chinas und Kambodschas haben ihr Großmanöver begonnen": exercising together
        etype, mode = "COOPERATE", None
        actors, recipients = dedupe(actors + recipients), []
    gr = grammar(doc.language or "de")
    if etype == "ASSAULT" and ctx.parties and re.search(
            r"\b(?:zwischen|between)\s+(?:" + "|".join(re.escape(w) for w in gr.both_words if " " in w or w.startswith(("Nachbar", "neighbo")))
            + r")", clause_text, re.IGNORECASE):
        # "bei den schwersten Gefechten zwischen den Nachbarn", "clashes between the two neighbours": both sides fight
        actors, recipients = dedupe(list(ctx.parties)), []
        actor_objs, recip_objs = [_actor(m) for m in actors], []
    if etype == "MOBILIZE" and not recipients and actors:
        # "put its forces on full alert", "called up reservists ahead of an offensive to seize Gaza City": the
        # other state the sentence names is the one the mobilisation faces
        akeys = {_actor(m).key() for m in actors}
        speakers = _attribution_mentions(sent, ctx)
        others = dedupe([m for m in ctx.mentions_in(*head.clause) if m.kind in ("state", "place")
                         and _actor(m).key() and _actor(m).key() not in akeys and (m.start, m.end) not in speakers])
        if others:
            recipients = others
            recip_objs = [_actor(m) for m in others]
    if etype == "ACCUSE" and trig.kind == "phrase" and mode == "disapprove":
        # '"Russia came here to dictate terms," the Ukrainian foreign minister wrote': the speaker reproaches
        # the one named in what was said
        speaker = _speaker_after(doc, sent, head, ctx)
        if speaker is not None:
            skey = _actor(speaker).key()
            named = [m for m in dedupe(actors + recipients) if _actor(m).key() != skey]
            if named:
                actors, recipients = [speaker], named
                actor_objs, recip_objs = [_actor(speaker)], [_actor(m) for m in named]
    if etype == "THREATEN" and trig.kind == "phrase":
        # "Medvedev wrote that Washington should not play with fire": the speaker warns the one named
        speaker = _speaker_before_saying(doc, sent, ctx)
        if speaker is not None and speaker.end < head.start and re.search(
                r"\b(?:that|dass)\b", doc.text[speaker.end:head.start]):
            skey = _actor(speaker).key()
            recipients = [m for m in dedupe(actors + recipients) if _actor(m).key() != skey]
            actors = [speaker]
    if outcome and contact is not None:
        contact_keys = {a.key() for a in contact.actors}
        have = {_actor(m).key() for m in actors} | {_actor(m).key() for m in recipients}
        if etype == "AGREE" and trig.frame == "joint" and (roles.from_context or len(actors) < 2
                                                            or have <= contact_keys | {None}):
            actors = dedupe(actors + [EntityMention(0, 0, a.name, a.name, "person", a.country, a.org, a.sector,
                                                    a.wikidata, a.title) for a in contact.actors])
        elif etype != "AGREE" and not recipients:
            recipients = [EntityMention(0, 0, a.name, a.name, "person", a.country, a.org, a.sector, a.wikidata, a.title)
                          for a in contact.actors if a.key() not in {_actor(m).key() for m in actors}]
    if etype == "RETREAT" and mode == "ceasefire" and not actors and ctx.parties:
        actors = dedupe(list(ctx.parties))  # "The truce is due to take effect on Sunday": the sides that agreed it
    if ceasefire_like and (etype in ("AGREE", "CONCEDE", "REQUEST") or (etype == "RETREAT" and mode == "ceasefire")):
        # a ceasefire agreed, conceded or demanded concerns the warring parties ("the Security Council demanded
        # an immediate ceasefire in Gaza": ISR and PSE are asked)
        keys = {_actor(m).key() for m in actors + recipients}
        for party in conflict_parties(keys, doc, ctx):
            if party.key() not in keys:
                mention = EntityMention(0, 0, party.name, party.name, "state", party.country, None, "GOV")
                (actors if etype in ("AGREE", "RETREAT") else recipients).append(mention)
                keys.add(party.key())
    actor_objs = [_actor(m) for m in dedupe(actors)]
    akeys = {a.key() for a in actor_objs}
    recip_objs = [_actor(m) for m in dedupe(recipients) if _actor(m).key() not in akeys]
    if trig.frame == "joint" or etype in ("AGREE", "CONSULT") and trig.frame != "directed":
        actor_objs = [_actor(m) for m in dedupe(actors + recipients)]
        recip_objs = []
    if etype == "ACCUSE" and mode is None:
        # "warf ihm Naivität vor" criticises; "warf ihm Kriegsverbrechen vor" alleges a wrong
        clause_text = doc.text[head.clause[0]:head.clause[1]].lower()
        mode = "allege" if any(w in clause_text for w in grammar(doc.language or "de").allege_words) else "disapprove"
    if etype == "ASSAULT" and trig.lemma.lower() in grammar(doc.language or "de").interception_verbs:
        # "Russian air defences destroyed 112 Ukrainian drones": a report of the drones' owner attacking
        everyone = dedupe(actors + recipients)
        owner = next((m for m in everyone if m.end and _WEAPON_AFTER.match(doc.text, m.end)), None)
        if owner is not None:
            okey = _actor(owner).key()
            actor_objs = [_actor(owner)]
            recip_objs = [_actor(m) for m in everyone if _actor(m).key() != okey]
    if etype == "ASSAULT" and mode in (None, "heavy-weapons"):
        mode = _weapon_mode(doc.text[sent.start:sent.end], doc.language or "de") or mode
    content = [m.start for m in absorbed if m.start > head.end] if etype in CONTENT_FRAMES else []
    date, _ = _date_for(head.clause, sent, doc, trig, head.start, min(content) if content else None)
    ev_span = _evidence_span(doc, sent, head, roles)
    ev = Event(
        id=stable_id("ev", doc.doc_id, head.start, etype),
        doc_id=doc.doc_id, type=etype, mode=mode, actors=actor_objs, recipients=recip_objs,
        date=date, modality=modality, evidence=[ev_span],  # type: ignore[arg-type]
        producer=f"{trig.id}@lexicon-de-1", confidence=round(min(0.95, trig.confidence * (0.8 if roles.from_context else 1.0)), 2),
        trigger=doc.span(head.start, head.end),
    )
    if roles.location is not None:
        ev.location = roles.location.name
    if trig.kind == "noun":
        ev.anaphoric = head.reference or _definite_reference(doc, sent, head)
        if head.reference and re.search(r"\b(?:week|month|year|day|weekend|night|monday|tuesday|wednesday|thursday|"
                                        r"friday|saturday|sunday|yesterday)['’]s\s+(?:\w+\s+)?$",
                                        doc.text[max(sent.start, head.start - 30):head.start], re.IGNORECASE):
            ev.producer += "+earlier"  # "since last week's talks": an earlier contact, not the one reported
        if etype == "CONSULT" and _joins(doc, sent, head):
            ev.producer += "+joined"
    elif etype == "CONSULT" and re.match(r"\s+(?:the|this|that|their|its)\s+(?:\w+\s+)?(?:meeting|talks|call|summit|conversation|negotiations)\b",
                                         doc.text[head.end:head.end + 40], re.IGNORECASE):
        ev.anaphoric = True  # "hosted the meeting": the meeting already reported
    explicit = re.match(r"\s+(?:mit|zwischen|with|between)\s", doc.text[head.end:head.end + 20])
    # the participants of a contact named again ("nach dem Gespräch") are those of the first report
    ev.guessed_actors = roles.from_context or (head.reference and not explicit)
    if etype == "CONSULT":
        dur = _duration(sent, doc)
        if dur is not None:
            ev.duration_minutes = dur.minutes
        ev.initiator = _initiator(sent, doc, actors, ctx)
        ev.scheduled, ev.delay_minutes = _schedule(sent, doc)
        ev.sequence = _sequence(sent, doc)
        ev.mode = ev.mode or contact_mode(ev, sent, doc, roles)
    dur_spans = {(t.start, t.end) for t in doc.timexes if t.kind in ("duration", "time")} if etype == "CONSULT" else set()
    ev.quantities = _quantities(head.clause, doc, dur_spans)
    if etype != "CONSULT":
        for t in doc.timexes:
            if head.clause[0] <= t.start < head.clause[1] and t.kind == "deadline":
                ev.deadline = {"value": t.value, "precision": t.precision, "text": t.text, "basis": t.basis}
    if outcome and contact is not None:
        ev.links.append({"rel": "outcome_of", "event_id": contact.id})
        if not ev.date.get("value") and contact.date.get("value"):
            # what was agreed, demanded or refused in a call dates from the call
            ev.date = {**contact.date, "basis": f"outcome of the contact ({contact.date.get('basis')})"}
    ev.summary = summarize(ev)
    return ev


def _indefinite_determiner(doc: Document, sent: Sentence, head: Match) -> bool:
    """'bei einem Gipfeltreffen': a meeting named with an indefinite article is not one already known."""
    before = [t.text.lower() for t in sent.tokens if t.end <= head.start][-3:]
    return any(w in ("ein", "eine", "einem", "einer", "eines", "einen", "a", "an") for w in before)


def _definite_determiner(doc: Document, sent: Sentence, head: Match) -> bool:
    """'des Gipfeltreffens', 'the summit': a definite article or demonstrative right before the noun."""
    for t in reversed([t for t in sent.tokens if t.end <= head.start][-4:]):
        if t.text.lower() in grammar(doc.language or "de").definite_words:
            return True
        if not (t.text.isalpha() and (t.text[0].islower() or t.pos == "ADJ")):
            return False
    return False


def _definite_reference(doc: Document, sent: Sentence, head: Match) -> bool:
    """A contact noun that points back rather than introducing a contact: a definite or demonstrative
    determiner before it ("das Gespräch", "nach dem sechsten Telefonat", "dieses Treffen") and no
    participants of its own after it ("das Treffen mit Macron"), or a verbless exclamation
    ("Ein sehr gutes Gespräch")."""
    toks = [t for t in sent.tokens if t.end <= head.start]
    definite = False
    for t in reversed(toks[-4:]):
        low = t.text.lower()
        if low in grammar(doc.language or "de").definite_words:
            definite = True
            break
        if not (t.text.isalpha() and (t.text[0].islower() or t.pos == "ADJ")):
            break
    if definite:
        after = doc.text[head.end:min(sent.end, head.end + 40)]
        return not re.match(r"\s+(?:mit|zwischen)\s", after)
    clause = [t for t in sent.tokens if head.clause[0] <= t.start < head.clause[1]]
    return not any(t.finite for t in clause)


def _evidence_span(doc: Document, sent: Sentence, head: Match, roles: Roles | None = None) -> Span:
    """The clause of the trigger, or the sentence when the clause alone cannot show the event (too
    short, or its parties stand in another clause: "So hätten sich beide Seiten …, in naher Zukunft
    geeinigt")."""
    s, e = _strip(doc.text, head.clause)
    parties = [m for m in (roles.actors + roles.recipients if roles else []) if m.end > m.start]
    outside = bool(parties) and not any(s <= m.start < e for m in parties) and e - s < 80
    if e - s < 25 or e - s > 500 or outside:
        s, e = _strip(doc.text, (sent.start, sent.end))
    if e - s > 500:
        s, e = max(sent.start, head.start - 200), min(sent.end, head.end + 200)
    return doc.span(s, e)


def _maybe_ellipsis(doc: Document, sent: Sentence, ctx: DocContext, events: list[Event]) -> None:
    """'Die EU drohte mit Sanktionen, Trump nicht.': the same event, negated, for the elided actor."""
    text = doc.text[sent.start:sent.end]
    m = _ELLIPSIS.search(text)
    if not m or not events:
        return
    lo = sent.start + m.start(1)
    ms = [x for x in ctx.mentions_in(lo, sent.start + m.end(1))]
    if not ms:
        return
    base = next((e for e in reversed(events) if e.evidence and sent.start <= e.evidence[0].start < lo), None)
    if base is None:
        return
    actor = _actor(ms[0])
    recipients = [r for r in base.recipients if r.key() != actor.key()]
    ev = Event(
        id=stable_id("ev", doc.doc_id, lo, base.type, "ellipsis"), doc_id=doc.doc_id, type=base.type, mode=base.mode,
        actors=[actor], recipients=recipients, date=dict(base.date), modality="negated",
        evidence=[doc.span(sent.start, sent.end)] if sent.end - sent.start <= 500 else [doc.span(lo, sent.end)],
        producer=base.producer + "+ellipsis", confidence=round(base.confidence * 0.9, 2),
        trigger=doc.span(lo, sent.start + m.end()),
    )
    ev.summary = summarize(ev)
    events.append(ev)


def _follow_up_quantities(doc: Document, sent: Sentence, events: list[Event]) -> None:
    """Numbers a sentence without an event of its own adds to the event just told: a verbless
    fragment ("Von 25 auf 50 Prozent – ein drastischer Schritt.") gives them to the last event of the
    sentence before; a toll ("mehr als 20 Personen wurden verletzt") to the attack of the two before."""
    qs = [q for q in doc.quantities if sent.start <= q.start and q.end <= sent.end]
    i = doc.sentence_index(sent.start)
    if not qs or i <= 0 or not events:
        return
    g = grammar(doc.language or "de")
    words = {t.text.lower() for t in sent.tokens}
    low = doc.text[sent.start:sent.end].lower()
    before = doc.sentences[i - 1]
    target = None
    if not any(t.finite for t in sent.tokens) and len(sent.tokens) <= 15:
        target = next((e for e in reversed(events) if e.evidence and before.start <= e.evidence[0].start < before.end), None)
    elif words & g.casualty_words or any(" " in w and w in low for w in g.casualty_words):
        lo = doc.sentences[max(0, i - 2)].start
        target = next((e for e in reversed(events) if e.type == "ASSAULT" and e.evidence
                       and lo <= e.evidence[0].start < sent.start), None)
        qs = [q for q in qs if q.unit in (None, "person")]
    if target is None or not qs:
        return
    for q in qs:
        rec = {"value": q.value, "unit": q.unit, "what": q.what, "approx": q.approx, "text": q.text}
        if rec not in target.quantities:
            target.quantities.append(rec)
    span = doc.span(sent.start, sent.end) if sent.end - sent.start <= 500 else doc.span(qs[0].start, qs[-1].end)
    if span not in target.evidence:
        target.evidence.append(span)


def merge_same_event(events: list[Event]) -> list[Event]:
    """One event per real occurrence within a document: a contact named again ('das Gespräch',
    'nach dem Telefonat') adds evidence to the first mention instead of becoming a new event."""
    out: list[Event] = []
    moved: dict[str, str] = {}  # absorbed event id -> the event it joined
    for ev in events:
        target = None
        if ev.type == "CONSULT" and ev.anaphoric and ev.modality in ("asserted", "negated"):
            keys = {a.key() for a in ev.actors}
            target = next((p for p in reversed(out) if p.type == "CONSULT" and p.modality == "asserted"
                           and (ev.sequence is None or p.sequence in (None, ev.sequence))
                           and (ev.guessed_actors or len(keys) < 2
                                or len(keys & {a.key() for a in p.actors}) >= 2)), None)
            if target is not None:
                _absorb(target, ev, actors=False)
                moved[ev.id] = target.id
                continue
        if ev.type == "CONSULT" and ev.modality == "asserted" and _joined(ev):
            # "An dem Gespräch nahmen auch von der Leyen und Macron teil": more participants of the call
            target = next((p for p in reversed(out) if p.type == "CONSULT" and p.modality == "asserted"), None)
            if target is not None:
                _absorb(target, ev, actors=True)
                moved[ev.id] = target.id
                continue
        if ev.type == "ASSAULT" and not ev.actors and (not ev.recipients or any(
                p.type == "ASSAULT" and p.evidence and ev.evidence and p.evidence[0].start == ev.evidence[0].start
                for p in out[-3:])):
            # "At least nine people were killed": the toll of the attack just reported (in the same sentence
            # whatever the victims are called: "Bei einem russischen Raketenangriff … wurden acht Menschen getötet")
            target = next((p for p in reversed(out[-4:]) if p.type == "ASSAULT"), None)
            if target is not None:
                _absorb(target, ev, actors=False)
                moved[ev.id] = target.id
                continue
        if ev.type != "CONSULT" and ev.anaphoric and ev.trigger is not None \
                and ev.trigger.text[:1].isupper():
            # "Das Ultimatum ist bereits gesetzt": the threat reported before, named again
            keys = {a.key() for a in ev.actors + ev.recipients}
            target = next((p for p in reversed(out) if p.type == ev.type and p.modality == "asserted"
                           and ((ev.guessed_actors and {a.key() for a in ev.recipients} <= _keys(p)) or not keys
                                or keys <= _keys(p))), None)
            if target is not None:
                _absorb(target, ev, actors=False)
                moved[ev.id] = target.id
                continue
        if ev.type == "CONSULT" and ev.modality == "asserted":
            keys = {a.key() for a in ev.actors}
            for prev in out:
                if prev.type != "CONSULT" or prev.modality != "asserted":
                    continue
                pkeys = {a.key() for a in prev.actors}
                same_people = keys == pkeys or not keys or keys <= pkeys or (len(pkeys) < 2 and pkeys <= keys)
                names, pnames = _people(ev), _people(prev)
                if len(names) >= 2 and len(pnames) >= 2 and not names & pnames:
                    same_people = False  # the foreign ministers' call is not the presidents' call
                dates_ok = not ev.date.get("value") or not prev.date.get("value") or \
                    ev.date["value"].startswith(prev.date["value"]) or prev.date["value"].startswith(ev.date["value"])
                if same_people and dates_ok and (not ev.mode or not prev.mode or ev.mode == prev.mode or
                                                  {ev.mode, prev.mode} <= {"visit", "phone", None}):
                    target = prev
        elif out:
            prev = out[-1]
            same_place = prev.evidence and ev.evidence and prev.evidence[-1].start == ev.evidence[0].start
            if same_place and prev.type == ev.type and {a.key() for a in prev.actors} == {a.key() for a in ev.actors} \
                    and "+coordinated" not in ev.producer and (ev.type == "CONSULT" or (prev.modality == ev.modality and (
                        not prev.mode or not ev.mode or prev.mode == ev.mode or ev.type not in ("SANCTION", "COERCE", "RETREAT")))):
                # "agreed to X, and to Y": two agreements; "agreed not to use force, but failed to agree on …": two
                target = prev
            elif "+coordinated" not in ev.producer:
                target = _same_report(ev, out)
        if target is None:
            out.append(ev)
            continue
        _absorb(target, ev)
        moved[ev.id] = target.id
    for ev in out:  # links to an absorbed event now point to the event that absorbed it
        for ln in ev.links:
            while ln.get("event_id") in moved:
                ln["event_id"] = moved[ln["event_id"]]
    return out


_JOINED = re.compile(r"\b(?:nahmen|nahm|nehmen|nimmt)\b[^.]*\bteil\b|\bteil(?:genommen|nahmen|nahm|nehmen|nimmt)\b|\bbeteiligt\b|"
                     r"\b(?:joined|took part|participated|were also on|was also on)\b", re.IGNORECASE)


def _joined(ev: Event) -> bool:
    return ev.producer.endswith("+joined")


def _joins(doc: Document, sent: Sentence, head: Match) -> bool:
    """The contact is named with a definite article in a sentence that says who took part in it."""
    before = doc.text[max(sent.start, head.start - 40):head.start].lower()
    return bool(_JOINED.search(doc.text[sent.start:sent.end])) and bool(
        re.search(r"\b(?:dem|der|den|the|this|that|diesem)\s+(?:[\w-]+\s+){0,2}$", before))  # "dem gut zweistündigen Treffen"


def _keys(ev: Event) -> set[str | None]:
    return {a.key() for a in ev.actors + ev.recipients}


def _people(ev: Event) -> set[str]:
    """Names of the people among an event's actors (a state or institution has no title)."""
    return {a.name for a in ev.actors if a.title and " " in a.name}


def _same_report(ev: Event, out: list[Event]) -> Event | None:
    """The event reported again later in the article ("Russland und die Ukraine einigen sich auf einen
    Gefangenenaustausch" … "Allerdings einigten sich beide Seiten nur auf einen Gefangenenaustausch"):
    same type, same parties, compatible modality, and the same thing (a concept both name)."""
    from readout.stories.build import _concepts

    if ev.type in ("CONSULT", "ASSAULT") or not ev.actors:
        return None
    keys = {a.key() for a in ev.actors} | {a.key() for a in ev.recipients}
    ev_text = " ".join(sp.text for sp in ev.evidence).lower()
    ev_concepts = {name for stem, name in _concepts() if stem in ev_text}
    if not ev_concepts:
        return None
    for prev in reversed(out):
        if prev.type != ev.type or ({a.key() for a in prev.actors} | {a.key() for a in prev.recipients}) != keys:
            continue
        if prev.modality != ev.modality and not {prev.modality, ev.modality} <= {"asserted", "planned"}:
            continue
        a, b = prev.date.get("value"), ev.date.get("value")
        if a and b and not (a.startswith(b) or b.startswith(a)):
            continue  # "Im Mai hatten beide Seiten … vereinbart": an earlier agreement
        text = " ".join(sp.text for sp in prev.evidence).lower()
        if ev_concepts & {name for stem, name in _concepts() if stem in text}:
            return prev
    return None


def _absorb(target: Event, ev: Event, actors: bool = True) -> None:
    for sp in ev.evidence:
        if sp not in target.evidence:
            target.evidence.append(sp)
    for field_name in ("duration_minutes", "initiator", "location", "scheduled", "delay_minutes", "sequence"):
        if getattr(target, field_name) in (None, "") and getattr(ev, field_name) not in (None, ""):
            setattr(target, field_name, getattr(ev, field_name))
    if not target.mode and ev.mode:
        target.mode = ev.mode
    if not target.date.get("value") and ev.date.get("value"):
        target.date = ev.date
    if actors:
        have = {a.key() for a in target.actors}
        target.actors.extend(a for a in ev.actors if a.key() not in have and a.key())
    target.quantities.extend(q for q in ev.quantities if q not in target.quantities)
    target.summary = summarize(target)


def summarize(ev: Event) -> str:
    names = " and ".join(a.name for a in ev.actors) or "someone"
    to = (" → " + ", ".join(r.name for r in ev.recipients)) if ev.recipients else ""
    mode = f"/{ev.mode}" if ev.mode else ""
    extra = []
    if ev.duration_minutes:
        h, m = divmod(int(ev.duration_minutes), 60)
        extra.append(f"{h} h {m} min" if h else f"{m} min")
    if ev.initiator:
        extra.append(f"initiated by {ev.initiator.name}")
    tail = f" ({'; '.join(extra)})" if extra else ""
    mod = "" if ev.modality == "asserted" else f" [{ev.modality}]"
    return f"{ev.type}{mode}: {names}{to}{tail}{mod}"
