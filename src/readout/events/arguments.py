"""Who did what to whom: actors and recipients of an event from the mentions around its trigger.

There is no parser yet, so roles come from German word order and prepositions: a mention after
a recipient preposition ("gegen", "auf", "von" for demands) is a recipient, an adjective or
compound prefix on a nominal trigger ("russische Zusage", "US-Militärschläge") is its actor, the
first other mention of a verbal clause is its subject. What the clause leaves out comes from the
sentence and then from earlier text (see context.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from readout.events.context import DocContext, find_quotes
from readout.events.lexicon import Grammar, Trigger, grammar
from readout.model import Actor, EntityMention, Sentence, Token

ATTRIBUTION_WORDS = {"laut", "zufolge", "angaben", "hieß", "heißt", "aufseiten", "seitens", "readout", "mitteilung",
                     "according"}


@dataclass(slots=True)
class Roles:
    actors: list[EntityMention] = field(default_factory=list)
    recipients: list[EntityMention] = field(default_factory=list)
    location: EntityMention | None = None
    from_context: bool = False


def dedupe(ms: list[EntityMention]) -> list[EntityMention]:
    """One mention per actor code, preferring persons and names over adjectives."""
    best: dict[str, EntityMention] = {}
    order: list[str] = []
    rank = {"person": 0, "institution": 1, "org": 2, "state": 3, "place": 4}
    for m in ms:
        k = Actor.from_mention(m).key()
        if not k:
            continue
        if k not in best:
            order.append(k)
            best[k] = m
        elif (rank.get(m.kind, 5), m.via == "adjective") < (rank.get(best[k].kind, 5), best[k].via == "adjective"):
            best[k] = m
    return [best[k] for k in order]


def _tok_index_before(toks: list[Token], offset: int) -> int:
    j = -1
    for i, t in enumerate(toks):
        if t.start < offset:
            j = i
        else:
            break
    return j


_EXTRA_PREPS = {"an", "von", "mit", "für", "über", "gegenüber", "zu", "vom", "zum", "zur", "am"}


_LEADER_HEADS = {"leaders", "presidents", "ministers", "heads", "governments", "delegations", "representatives",
                 "officials", "envoys", "negotiators", "chiefs", "commanders", "troops", "forces", "armies", "militaries",
                 "leader", "president", "government", "delegation", "head"}


def _prep_before(toks: list[Token], m: EntityMention, clause_start: int, g: Grammar | None = None) -> str | None:
    """The preposition that governs mention ``m``, looking back over articles and adjectives."""
    g = g or grammar("de")
    preps = g.cause_preps | g.location_preps | g.recipient_preps | g.topic_preps | g.agent_preps | _EXTRA_PREPS
    j = _tok_index_before(toks, m.start)
    steps, limit = 0, 4
    while j >= 0 and toks[j].start >= clause_start and steps < limit:
        w = toks[j].text.lower()
        if w == "of" and j > 0 and toks[j - 1].text.lower() in _LEADER_HEADS:
            return None  # "the leaders of Armenia and Azerbaijan signed": the states are the subject
        if toks[j].pos == "ADP" or w in preps:
            return w
        if w in ("und", "oder", "sowie", "and", "or") and limit == 4:
            # "über Gaza und dem Jemen", "gegen Russland und Belarus": the preposition governs both
            limit = steps + 4
            j -= 1
            steps += 1
            while j >= 0 and toks[j].pos in ("PROPN", "NOUN") and steps < limit:
                j -= 1
                steps += 1
            continue
        if toks[j].pos not in ("DET", "ADJ", "ADV", "NUM") and w not in ("der", "die", "das", "den", "dem", "des"):
            return None
        j -= 1
        steps += 1
    return None


_TOLD = {"told", "tells", "tell", "informed", "assured", "briefed", "reminded"}


def _addressee(toks: list[Token], m: EntityMention, trig_start: int) -> bool:
    """'Putin told his US counterpart that the Kiev regime's attacks were terrorism': whom a speaker
    tells something is not a party to what is told."""
    j = _tok_index_before(toks, m.start)
    steps = 0
    while j >= 0 and steps < 4 and toks[j].text.lower() not in _TOLD:
        if toks[j].pos not in ("DET", "ADJ", "PROPN", "NOUN", "PRON") or toks[j].text.lower() in ("that", "dass"):
            return False
        j -= 1
        steps += 1
    if j < 0 or toks[j].text.lower() not in _TOLD:
        return False
    return any(t.text.lower() in ("that", "dass") and m.end <= t.start < trig_start for t in toks)


def _with_other_noun(toks: list[Token], m: EntityMention, trig_start: int, trig_end: int,
                     mentions: list[EntityMention]) -> bool:
    """The 'mit'/'with' before the mention follows a common noun that is neither the trigger nor part of
    a name ("den Frieden mit Russland", "a deal with Iran")."""
    j = _tok_index_before(toks, m.start)
    while j >= 0 and toks[j].text.lower() not in ("mit", "with"):
        j -= 1
    if j <= 0:
        return False
    n = toks[j - 1]
    if n.pos != "NOUN" or trig_start <= n.start < trig_end or n.end <= trig_start and trig_start - n.end > 200:
        return False
    return not any(x.start <= n.start < x.end for x in mentions) and n.start > trig_end


def _reporting_speaker(sent: Sentence, clause: tuple[int, int], ctx: DocContext) -> list[EntityMention]:
    """The names right after (or before) a verb of saying outside the event's clause."""
    from readout.claims.attribute import _SPEECH_EN, _SPEECH_EN_FORMS, _attribution_data

    verbs = _SPEECH_EN | _SPEECH_EN_FORMS if ctx.doc.language == "en" else _attribution_data()[0]
    for t in sent.tokens:
        if clause[0] <= t.start < clause[1] or not (t.lemma.lower() in verbs or t.text.lower() in verbs):
            continue
        near = [m for m in ctx.mentions_in(sent.start, sent.end) if not (clause[0] <= m.start < clause[1])
                and abs(m.start - t.end) <= 40 and Actor.from_mention(m).key()]
        near.sort(key=lambda m: (m.kind != "person", abs(m.start - t.end)))
        if near:
            return near
    return []


def _origin_of_people(toks: list[Token], m: EntityMention) -> bool:
    """'Unterhändler aus Moskau (und Kiew)', 'diplomats from Washington': the preposition follows a noun."""
    j = _tok_index_before(toks, m.start)
    while j >= 0 and toks[j].text.lower() not in ("aus", "from"):
        j -= 1
    return j > 0 and (toks[j - 1].pos == "NOUN" or (toks[j - 1].text[:1].isupper() and toks[j - 1].pos == "ADJ"))


def _possessor(toks: list[Token], ms: list[EntityMention], trig_start: int) -> EntityMention | None:
    """The mention that owns an event noun through a possessive 's a few words before it."""
    for t in toks:
        if t.text in ("'s", "’s") and t.end <= trig_start and trig_start - t.end <= 40:
            owner = [m for m in ms if m.end <= t.start and t.start - m.end <= 8]
            if owner:
                return owner[-1]
    return None


def _after_finite(toks: list[Token], m: EntityMention) -> bool:
    before = [t for t in toks if t.end <= m.start]
    return bool(before) and before[-1].finite and before[-1].pos in ("VERB", "AUX")


def _compound_head(sent: Sentence, m: EntityMention) -> str:
    """The head of the compound a prefix mention starts ("US-Regierung" -> "regierung")."""
    tok = next((t for t in sent.tokens if t.start <= m.start < t.end), None)
    if tok is None:
        return ""
    return tok.text.rsplit("-", 1)[-1].lower()


def _coordinated(toks: list[Token], a: EntityMention, b: EntityMention) -> bool:
    """True when only 'und'/'sowie'/'wie auch' and articles stand between mentions a and b."""
    between = [t for t in toks if a.end <= t.start and t.end <= b.start]
    words = [t.text.lower() for t in between]
    return bool(words) and any(w in ("und", "sowie", "and", ",") for w in words) and all(
        w in ("und", "sowie", "and", "der", "die", "das", "den", "dem", "des", "the", ",", "auch") or t.pos in ("DET", "ADJ")
        for w, t in zip(words, between, strict=True))  # "Spain, Ireland and Norway", "die USA und die EU"


def list_before(sent: Sentence, first: EntityMention, ctx: DocContext) -> list[EntityMention]:
    """Names listed before ``first`` across the commas that cut clauses: "Spain, Ireland and Norway
    recognised …", "the United States, India, Japan and Australia – met"."""
    out: list[EntityMention] = []
    cur = first
    while True:
        prev = [m for m in ctx.mentions_in(sent.start, cur.start) if m.end <= cur.start]
        if not prev:
            break
        m = prev[-1]
        gap = ctx.doc.text[m.end:cur.start]
        if not re.fullmatch(r"\s*,\s*(?:(?:and|und|sowie|the|die|der|das)\s+)*", gap):
            break
        out.insert(0, m)
        cur = m
    return out


def pronoun_mentions(sent: Sentence, clause: tuple[int, int], ctx: DocContext) -> list[EntityMention]:
    """'er', 'ihm', 'dieser' in the clause, resolved to the last person mentioned before them."""
    out = []
    for t in sent.tokens:
        if clause[0] <= t.start < clause[1] and t.text.lower() in grammar(ctx.doc.language or "de").pronouns_3sg:
            if t.text.lower().startswith("dies") and t.pos not in ("PRON",):
                continue
            p = ctx.last_person_before(t.start)
            if p is not None:
                out.append(EntityMention(t.start, t.end, t.text, p.name, p.kind, p.country, p.org, p.sector,
                                         p.wikidata, p.role, p.kb_id, "coref"))
    return out


_EN_CUT = re.compile(r"\b(?:because|although|though|while|whereas|since|when)\b", re.IGNORECASE)
_FIRST_PERSON = {"we", "i", "wir", "ich"}
_SPEECH_ACTS = {"THREATEN", "REJECT", "ACCUSE", "REQUEST", "SUPPORT"}  # a quoted one is the speaker's act
_VIOLENT = {"ASSAULT", "COERCE", "MOBILIZE"}


def _prefield_subject(sent: Sentence, clause: tuple[int, int], ctx: DocContext, exclude: set[tuple[int, int]],
                      g: Grammar) -> EntityMention | None:
    """'Christoph Heusgen, bis vor kurzem Vorsitzender der …, warf Trump Naivität vor': a clause that
    opens with the finite verb after an apposition has its subject in the sentence's first field."""
    toks = sent.tokens
    if clause[0] <= sent.start:
        return None
    ctoks = [t for t in toks if clause[0] <= t.start < clause[1] and t.pos != "PUNCT"]
    if not ctoks or not ctoks[0].finite or ctoks[0].pos not in ("VERB", "AUX"):
        return None
    before = [t for t in toks if sent.start <= t.start < clause[0]]
    if not before or any(t.finite for t in before) or before[0].text.lower() in g.condition_starts:
        return None
    ms = [m for m in ctx.mentions_in(sent.start, clause[0]) if (m.start, m.end) not in exclude
          and _prep_before(toks, m, sent.start, g) is None and Actor.from_mention(m).key()]
    return ms[0] if ms and ms[0].start - sent.start <= 40 else None


_NOMINATIVE_DET = {"der", "die", "das", "ein", "eine", "diese", "dieser", "dieses", "jene", "jener", "beide", "viele",
                   "mehrere", "einige", "zahlreiche", "alle"}


def _nominal_prefield(sent: Sentence, clause: tuple[int, int], ctx: DocContext) -> bool:
    """'Die Opposition warf Trump Naivität vor': the subject is a noun phrase that names no actor,
    so the names after the finite verb are its objects, not its subject."""
    toks = [t for t in sent.tokens if clause[0] <= t.start < clause[1]]
    if clause[0] > sent.start and any(t.pos != "PUNCT" for t in sent.tokens if t.start < clause[0]):
        return False
    toks = [t for t in toks if t.pos != "PUNCT"]
    fin = next((i for i, t in enumerate(toks) if t.finite and t.pos in ("VERB", "AUX")), None)
    if not fin or fin > 5:
        return False
    pre = toks[:fin]
    if pre[0].text.lower() not in _NOMINATIVE_DET or pre[-1].pos != "NOUN" or any(t.pos == "ADP" for t in pre):
        return False
    return not ctx.mentions_in(pre[0].start, pre[-1].end)


def _other_heads_scope(m: EntityMention, trig_start: int, trig_end: int, others: tuple[tuple[int, int], ...],
                       prep: str | None, recipient_preps: set[str]) -> bool:
    """'Angriffe auf die Huthi und Drohungen gegen den Iran': a prepositional object belongs to the
    event noun it follows, not to another trigger of the same clause."""
    for s, e in others:
        if trig_end <= s and e <= m.start and prep is not None:
            return True  # another trigger stands between this one and the prepositional object
        if e <= m.start < trig_start and prep in recipient_preps:
            return True  # the object of an earlier trigger
    return False


_BORDER = re.compile(r"[-\s]*(?:(?:border|frontier|Grenze)\b(?![-\s]*(?:guard|police|force|agency|service|troops|schutz))|"
                     r"(?:Meer|Sea|See|Ozean|Ocean|Golf)\b)")  # "nahe der polnischen Grenze", "ins Japanische Meer"


def _inside_pp(toks: list[Token], m: EntityMention, clause_start: int) -> bool:
    """'hat gegen das Eindringen eines chinesischen Schiffs protestiert': the adjective stands in a prepositional
    phrase after the finite verb, so it names no subject."""
    before = [t for t in toks if clause_start <= t.start < m.start]
    last_finite = max((k for k, t in enumerate(before) if t.finite), default=-1)
    return last_finite >= 0 and any(t.pos == "ADP" for t in before[last_finite + 1:])


def assign(trig: Trigger, trig_start: int, trig_end: int, sent: Sentence, clause: tuple[int, int],
           ctx: DocContext, exclude: set[tuple[int, int]], others: tuple[tuple[int, int], ...] = ()) -> Roles:
    toks = sent.tokens
    g = grammar(ctx.doc.language or "de")
    raw = ctx.mentions_in(clause[0], clause[1]) + pronoun_mentions(sent, clause, ctx)
    raw.sort(key=lambda m: m.start)
    recipient_preps = set(trig.recipient_preps) | g.recipient_preps
    if g is grammar("en"):
        # "disappointed with Putin because Russian forces …": the because-clause has its own parties
        text = ctx.doc.text
        raw = [m for m in raw if not (m.start > trig_end and _EN_CUT.search(text[trig_end:m.start]))
               and not (m.end <= trig_start and _EN_CUT.search(text[m.end:trig_start]))]
    if trig.kind == "noun" and others:
        raw = [m for m in raw if not _other_heads_scope(m, trig_start, trig_end, others,
                                                         _prep_before(toks, m, clause[0], g), recipient_preps)]
    ms: list[EntityMention] = []
    roles = Roles()
    joint = trig.frame == "joint" or (trig.type in ("AGREE", "CONSULT") and trig.frame != "self")
    topics: list[EntityMention] = []
    for m in raw:
        if (m.start, m.end) in exclude or _addressee(toks, m, trig_start):
            continue
        prep = _prep_before(toks, m, clause[0], g)
        if prep in g.cause_preps:
            continue
        discussed = (trig.lemma in ("discuss", "besprechen", "erörtern") and m.start > trig_end and prep not in ("with", "mit"))
        if joint and trig.kind == "noun" and prep in ("mit", "with") and _with_other_noun(toks, m, trig_start, trig_end, raw):
            topics.append(m)  # "Gespräche … über den Frieden mit Russland": peace with Russia, not talks with it
            continue
        if joint and (prep in g.topic_preps or discussed or (topics and _coordinated(toks, topics[-1], m))):
            topics.append(m)
            continue
        if joint and m.via == "prefix" and not (m.start >= trig_start and m.end <= trig_end) \
                and _compound_head(sent, m) not in g.actor_heads:
            topics.append(m)  # "zum Ukraine-Krieg": a topic; "die US-Regierung": an actor
            continue
        if prep in ("aus", "from") and _origin_of_people(toks, m):
            ms.append(m)  # "Unterhändler aus Moskau und Kiew": where the negotiators come from, not a venue
            continue
        venue = joint or (trig.type not in ("ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "AID", "RETREAT")
                          and prep in ("in", "im", "at", "near", "inside"))
        if (m.kind == "place" or (venue and m.kind == "state" and prep not in ("zwischen", "between"))) \
                and prep in g.location_preps and prep != "zwischen":
            roles.location = roles.location or m
            continue
        ms.append(m)
    low_clause = {t.text.lower() for t in toks if clause[0] <= t.start < clause[1]}
    clause_low = " ".join(t.text.lower() for t in toks if clause[0] <= t.start < clause[1])
    both = bool(low_clause & g.both_words) or any(" " in w and w in clause_low for w in g.both_words)

    if joint:
        firsts = [m for m in ms if m.end <= trig_start]
        actors = dedupe((list_before(sent, firsts[0], ctx) if firsts else []) + ms)
        # "last week's call between Trump and Putin": the noun names its own participants
        own = dedupe([m for m in actors if 0 <= m.start - trig_end <= 60
                      and _prep_before(toks, m, clause[0], g) in ("between", "with", "zwischen", "mit")])
        if both and ctx.parties and not (trig.kind == "noun" and len(own) >= 2):
            # "the two sides had agreed …": the sides of the last joint act, not the people named later
            before_trigger = [m for m in actors if m.end <= trig_start]
            actors = dedupe(before_trigger + dedupe(ctx.parties)) if len(before_trigger) < 2 else actors
            roles.from_context = True
        if len(actors) < 2:
            # the other participant from elsewhere in the sentence: a subject, not a prepositional
            # object ("hat Moskau seine Angriffe auf die Ukraine ausgeweitet"); the nearest before first
            sent_ms = [m for m in ctx.mentions_in(sent.start, sent.end) if (m.start, m.end) not in exclude
                       and _prep_before(toks, m, sent.start, g) in (None, "mit", "zwischen", "with", "between")
                       and m not in topics
                       and m.kind != "place"]
            sent_ms.sort(key=lambda m: (m.start > clause[0], abs(m.start - clause[0])))
            for m in sent_ms:
                if len(dedupe(actors)) >= 2:
                    break
                actors = dedupe(actors + [m])
        if len(actors) < 2 and (both or len(actors) == 0):
            # "die beiden", "beide Seiten": the last two people of different countries, else countries
            people = ctx.last_countries_before(clause[0], 2, persons_only=True)
            if both and ctx.parties:
                people = dedupe(ctx.parties)  # the sides of the last joint act
            actors = dedupe(actors + (people if len(people) >= 2 else ctx.last_countries_before(clause[0], 2)))
            roles.from_context = True
        roles.actors = actors
        return roles

    if trig.frame == "directed" and both and trig.type in ("ASSAULT", "COERCE", "RETREAT"):
        sides = dedupe(ctx.parties) if trig.type == "RETREAT" else []  # violence: the last countries named
        roles.actors = dedupe(ms + (sides or ctx.last_countries_before(clause[0], 2)))[:2]
        roles.from_context = True
        return roles
    actors: list[EntityMention] = []
    recips: list[EntityMention] = []
    rest: list[EntityMention] = []
    passive = bool(low_clause & {"was", "were", "been", "being", "wurde", "wurden", "worden"})
    possessor = _possessor(toks, ms, trig_start) if trig.kind != "verb" else None
    german_verb = g is grammar("de") and trig.kind != "noun"
    subject = _prefield_subject(sent, clause, ctx, exclude, g) if german_verb else None
    if subject is not None:
        actors.append(subject)
    elif german_verb and trig.frame != "self" and _nominal_prefield(sent, clause, ctx):
        recips.extend(m for m in ms if _prep_before(toks, m, clause[0], g) not in g.agent_preps)
        roles.recipients = [m for m in dedupe(recips)]
        return roles
    for m in ms:
        prep = _prep_before(toks, m, clause[0], g)
        inside_trigger = m.start >= trig_start and m.end <= trig_end
        if subject is not None and prep not in g.agent_preps:
            rest.append(m)  # the subject stood before the apposition; what the clause names is its object
        elif m is possessor:
            actors.append(m)  # "Russia's strikes", "the Kiev regime's drone attacks"
        elif trig.type == "MOBILIZE" and prep not in recipient_preps:
            rest.append(m)
        elif passive and prep in g.agent_preps:
            actors.append(m)  # "was attacked by Russia"
        elif trig.frame != "self" and prep in recipient_preps and not inside_trigger:
            recips.append(m)
        elif m.via == "adjective" and _BORDER.match(ctx.doc.text, m.end):
            continue  # "near the Polish border", "an der polnischen Grenze": where, not who
        elif prep in g.location_preps and m.kind == "state" and trig.type in _VIOLENT and not (
                m.via == "adjective" and 0 <= trig_start - m.end <= 3):  # "killed in the Indian strikes": whose strikes
            recips.append(m)  # "Angriffe im Jemen": where violence strikes is its target, not its author
        elif inside_trigger or (m.via == "adjective" and 0 <= trig_start - m.end <= 25 and m.start < trig_start and not (
                trig.kind == "verb" and _inside_pp(toks, m, clause[0]))):
            actors.append(m)  # "US-Militärschläge", "die russische Zusage"
        else:
            rest.append(m)
    if not actors and rest and g is grammar("en") and trig.kind != "noun" and all(m.start > trig_end for m in rest):
        # English subject-verb-object: what follows the verb is its object; the subject is earlier
        earlier = [m for m in ctx.mentions_in(sent.start, trig_start) if (m.start, m.end) not in exclude]
        tok_i = _tok_index_before(toks, trig_start + 1)
        passive = 0 < tok_i and toks[tok_i - 1].text.lower() in ("was", "were", "been", "be", "being", "is", "are")
        # "At least 13 people were killed on the Cambodian side": a passive without agent names no actor
        subject = earlier[-1] if earlier else (None if passive else ctx.last_person_before(sent.start))
        if earlier and 0 < tok_i and toks[tok_i].text.lower().endswith("ing") and toks[tok_i - 1].text in (",", ";"):
            # "Trump gave Russia until Friday, warning that …": a participle shares the sentence's subject
            free = [m for m in earlier if _prep_before(toks, m, sent.start, g) is None]
            subject = (free or earlier)[0]
        if subject is not None:
            actors.append(subject)
            roles.from_context = not earlier
    if not actors and rest:
        # German verb-second: a name right after the finite verb is the subject even when an object
        # leads the clause ("23 ukrainische Soldaten will Russland … entlassen")
        inverted = next((m for m in rest if m.via in ("name", "role", "metonym") and _after_finite(toks, m)), None)
        if inverted is not None and rest[0].via == "adjective":
            rest.remove(inverted)
            rest.insert(0, inverted)
        actors.append(rest.pop(0))
        # coordinated subjects: "die USA und die EU forderten", "Putin und Trump", "Spain, Ireland and Norway"
        while rest and _coordinated(toks, actors[-1], rest[0]):
            actors.append(rest.pop(0))
        actors[:0] = [m for m in list_before(sent, actors[0], ctx) if (m.start, m.end) not in exclude]
    if trig.frame != "self" and trig.type != "MOBILIZE":
        recips.extend(rest)  # a mobilisation has a target only where a preposition names one
    place = roles.location or next((m for m in ctx.mentions_in(sent.start, sent.end) if m.kind == "place"
                                    and _prep_before(toks, m, sent.start, g) in g.location_preps), None)
    if not actors and place is not None and Actor.from_mention(place).key() and (trig.type == "PROTEST" or any(
            re.search(r"\b" + re.escape(w) + r"\b", clause_low) for w in g.domestic_forces)):
        # "police fired live rounds at demonstrators in Nairobi", "Zehntausende protestierten in Tiflis":
        # the state of the place acts, its people protest
        actors.append(place)
    if not actors and (low_clause & _FIRST_PERSON or trig.type in _SPEECH_ACTS):
        # „Wir weisen das zurück“, sagte der Sprecher: 'we' in a quotation is the speaker's side
        quotes = [q for q in find_quotes(ctx.doc.text[:sent.end], sent.start) if q[0] <= trig_start < q[1]]
        if quotes:
            q = quotes[0]
            speakers = [m for m in ctx.mentions_in(sent.start, sent.end) if not (q[0] <= m.start < q[1])
                        and Actor.from_mention(m).key()]
            actors.extend(speakers[:1])
        elif trig.type in _SPEECH_ACTS:
            # "Voraussetzung sei, dass …, sagte Lawrow": reported speech is the act of the one who says it
            actors.extend(_reporting_speaker(sent, clause, ctx)[:1])
    if not actors:
        before = [m for m in ctx.mentions_in(sent.start, clause[0]) if m.kind == "person" or m.via == "name"]
        if before:
            actors.append(before[0])
        elif trig.type not in ("ASSAULT", "COERCE", "MOBILIZE", "PROTEST"):
            # the person the text is about speaks on; violence is never pinned on the last politician named
            topic = ctx.last_person_before(sent.start)
            if topic is not None:
                actors.append(topic)
                roles.from_context = True
    roles.actors = dedupe(actors)
    keys = {Actor.from_mention(a).key() for a in roles.actors}
    roles.recipients = [m for m in dedupe(recips) if Actor.from_mention(m).key() not in keys]
    return roles
