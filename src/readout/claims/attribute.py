"""Attribution: who asserts each event, through which channel, how sure, in which tone.

The claimer is the source the text cites ("laut", "zufolge", "nach Angaben", "hieß es aus",
verbs of saying, quotations, Konjunktiv I reported speech); a speech act in the article's own
voice has claimer None. A source keeps speaking across sentences while the text goes on
reporting it ("demnach", Konjunktiv I), and "So steht es in X" attributes the sentence before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from readout.events.context import DocContext
from readout.events.lexicon import load_json
from readout.events.match import FRAME_RANK
from readout.model import Actor, Claim, Document, EntityMention, Event, Sentence, Span

_SPEECH_FALLBACK = {
    "sagen", "erklären", "betonen", "mitteilen", "berichten", "schreiben", "bestätigen", "behaupten", "versichern",
    "referieren", "zusammenfassen", "twittern", "posten", "hinzufügen", "unterstreichen", "verkünden", "äußern",
    "meinen", "warnen", "schließen", "fassen", "sprechen",
}
_CHANNEL_FALLBACK = {
    "readout": ["Readout", "Mitteilung", "Erklärung", "Zusammenfassung", "Kommuniqué", "Pressemitteilung",
                "readout", "statement", "communique", "communiqué", "press release"],
    "press_conference": ["Pressekonferenz", "vor Journalisten", "vor der Presse", "vor Reportern",
                         "press conference", "told reporters", "news conference", "briefing"],
    "social_media": ["Truth Social", "Telegram", "Twitter", "Plattform X", "on X", "social media"],
    "state_media": ["TASS", "Tass", "RIA Nowosti", "Staatsfernsehen", "Xinhua", "RIA Novosti", "state television",
                    "state media", "Interfax"],
    "interview": ["Interview", "interview"],
}
_PROBABLE = {"soll", "sollen", "offenbar", "offensichtlich", "angeblich", "angeblichen", "mutmaßlich", "wohl", "scheint"}
_POSSIBLE = {"könnte", "könnten", "womöglich", "möglicherweise", "vielleicht", "eventuell"}

# Cue patterns with the group that names the source. They run on one sentence.
_SOURCE_PATTERNS = [
    ("laut", re.compile(r"\b[Ll]aut\s+(?P<src>[^,.;:]{2,60})")),
    ("zufolge", re.compile(r"(?P<src>[^,.;:]{2,60}?)\s+zufolge\b")),
    ("nach Angaben", re.compile(r"\b[Nn]ach\s+(?P<src>(?:[\wäöüÄÖÜß-]+\s+){0,3}(?:Angaben|Einschätzung|Darstellung|Informationen|Erkenntnissen|Worten|Aussagen|Berichten|Schätzungen)(?:\s+[^,.;:]{2,50})?)")),
    ("hieß es aus", re.compile(r"\b(?:hieß|heißt)\s+es\s+(?:[a-zäöüß]+\s+){0,2}?(?P<src>(?:aus|aufseiten|seitens|von|in|im|bei)\s+[^,.;:]{2,60})")),
    ("wie es aus", re.compile(r"\bwie\s+es\s+(?P<src>(?:aus|in|im|von)\s+[^,.;:]{2,60}?)\s+(?:hieß|heißt)")),
    ("folgt man", re.compile(r"\b[Ff]olgt\s+man\s+(?P<src>[^,.;:]{2,60})")),
    ("so steht es in", re.compile(r"\b[Ss]o\s+steht\s+es\s+(?:\w+\s+)?(?P<src>in\s+[^,.;:]{2,60})")),
    ("so", re.compile(r"[,“\"]\s*so\s+(?P<src>[A-ZÄÖÜ][^,.;:]{1,50})[.;]")),
]


# A written statement named again without its author ("im Duktus des Schreibens", "in der Erklärung
# heißt es"): it speaks with the voice of the last source that was cited with such a document.
_DOCUMENT_NOUNS = r"(?:Schreiben|Readout|Erklärung|Mitteilung|Papier|Dokument|Kommuniqué|Zusammenfassung|Text|Statement|Protokoll)"
_DOCUMENT_ANAPHOR = re.compile(r"\b(?:[Ii]m|[Ii]n\s+(?:dem|der|diesem|dieser)|[Aa]us\s+(?:dem|der)|[Dd]e[rs]|[Dd]ie|[Dd]as)\s+"
                               r"(?:[\wäöüß]+\s+){0,2}?(?:des\s+)?" + _DOCUMENT_NOUNS + r"s?\b")
_DOCUMENT_WORD = re.compile(r"\b" + _DOCUMENT_NOUNS)


# English: the same cues in English news and readouts
_EN_DATA = load_json("attribution_en.json")
_SPEECH_EN = frozenset(_EN_DATA["speech_verbs"])
_SPEECH_EN_FORMS = frozenset(_EN_DATA["speech_forms"])
_SOURCE_PATTERNS_EN = [
    ("according to", re.compile(r"\b[Aa]ccording to\s+(?P<src>[^,.;:]{2,100})")),
    ("cited by", re.compile(r"\b(?:cited|quoted) by\s+(?P<src>[^,.;:]{2,60})")),
    ("told", re.compile(r"\btold\s+(?P<src>TASS|RIA Novosti|Interfax|Reuters|AP|AFP|[A-Z][\w.]+(?:\s+[A-Z][\w.]+){0,3})")),
    ("sources", re.compile(r"\b(?P<src>(?:[A-Z][\w-]+\s+){0,2}(?:officials|sources|diplomats|officers))\s+(?:said|say|told)\b")),
    ("called", re.compile(r"\b(?:what|which)\s+(?P<src>(?:the\s+)?[A-Z][\w' .-]{2,40}?)\s+(?:called|described as|termed|dubbed)\b")),
    ("in a readout", re.compile(r"\b(?P<src>(?:the\s+)?[A-Z][\w' -]{2,40}?)\s+said\s+in\s+(?:a|its|the)\s+(?:readout|statement)")),
]
_PROBABLE_EN = {"reportedly", "allegedly", "apparently", "purportedly", "supposedly", "likely", "probably", "seemingly"}
_POSSIBLE_EN = {"could", "might", "may", "possibly", "perhaps", "maybe"}
_DOCUMENT_ANAPHOR_EN = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)\s+(?:\w+\s+){0,2}?(?:readout|statement|communiqu[eé]|transcript|summary|memo|letter)\b")
_DOCUMENT_WORD_EN = re.compile(r"\b(?:readout|statement|communiqu[eé]|transcript|summary)\b", re.IGNORECASE)


# a word each cue pattern needs, tested before the pattern runs
_CUE_KEYS = {"laut": "laut", "zufolge": "zufolge", "nach Angaben": "nach ", "hieß es aus": "es ", "wie es aus": "wie es",
             "folgt man": "folgt man", "so steht es in": "steht es", "so": "so ", "according to": "according",
             "cited by": " by ", "told": "told", "in a readout": " in ", "called": "called"}


@dataclass(slots=True)
class SourceCue:
    claimer: Actor
    cue: str
    span: tuple[int, int]
    backward: bool = False  # "So steht es in X": attributes the sentence before


@cache
def _attribution_data() -> tuple[frozenset[str], dict[str, list[str]]]:
    try:
        data = load_json("attribution_de.json")
    except FileNotFoundError:
        data = {}
    verbs = set(_SPEECH_FALLBACK)
    for v in data.get("speech_verbs", []):
        verbs.add((v.get("lemma") or v.get("cue")) if isinstance(v, dict) else v)
    channels = {k: list(v) for k, v in _CHANNEL_FALLBACK.items()}
    for k, v in (data.get("channels") or {}).items():
        words = [x.get("cue") if isinstance(x, dict) else x for x in v]
        channels.setdefault(k, [])
        channels[k].extend(w for w in words if isinstance(w, str) and w not in channels[k])
    return frozenset(x for x in verbs if x), channels


def speech_verbs(lang: str = "de") -> frozenset[str]:
    """Verbs of saying as lemmas and forms: what the events stage looks for next to a speaker."""
    return _SPEECH_EN | _SPEECH_EN_FORMS if lang == "en" else _attribution_data()[0]


@cache
def _german_speech_forms() -> frozenset[str]:
    out = set()
    for v in _attribution_data()[0]:
        out.add(v)
        if v.endswith("en"):
            out.update({v[:-2] + "te", v[:-2] + "t", v[:-2] + "ten"})
    return frozenset(out)


def is_speech_clause(text: str, lang: str = "de") -> bool:
    """True when the clause holds a verb of saying ("…, a diplomat said", "sagte ein Sprecher")."""
    forms = _SPEECH_EN_FORMS if lang == "en" else _german_speech_forms()
    return any(w in forms for w in re.findall(r"[\wäöüß]+", text.lower()))


def _reporting(toks: list, i: int, text: str, offset: int) -> bool:
    """A verb of saying that reports something: in a reporting clause ("…, sagte X"; "wie X sagte"),
    or followed by what was said (a comma, a colon, a quotation, "dass")."""
    if i > 0 and toks[i - 1].text in (",", "“", "”", '"', "»", "«", ":"):
        return True
    if any(t.text.lower() == "wie" for t in toks[max(0, i - 8):i]):
        return True
    rest = toks[i + 1:]
    for t in rest[:12]:
        if t.text in (",", ":", "„", "»", '"', "“") or t.text.lower() in ("dass", "ob"):
            return True
    return False


_TOPIC = {"über", "von", "mit", "um", "zu", "gegen", "about"}


def _speaker_prep(toks: list, m: EntityMention) -> str | None:
    """The preposition right before mention ``m`` when it makes it a topic, not a speaker."""
    before = [t for t in toks if t.end <= m.start]
    j = len(before) - 1
    while j >= 0 and before[j].pos in ("DET", "ADJ"):
        j -= 1
    if j >= 0 and before[j].text.lower() in _TOPIC:
        return before[j].text.lower()
    if j > 0 and m.kind == "place" and before[j].text.lower() in ("in", "im", "at", "near", "across", "around") \
            and before[j - 1].pos in ("VERB", "AUX", "ADV") and not before[j - 1].text[:1].isupper():
        return before[j].text.lower()  # "protests could erupt in Tbilisi, analysts said": a place, not a speaker
    return None


_PARTICLES = {"mit", "an", "bekannt", "zu", "aus", "fest", "klar", "dar", "hervor", "ein", "zurück", "ab", "vor"}


@cache
def _spokesperson_nouns(lang: str = "de") -> frozenset[str]:
    try:
        return frozenset(load_json("attribution_de.json").get("spokesperson_nouns", [])) | (
            frozenset(_EN_DATA.get("spokesperson_nouns", [])) if lang == "en" else frozenset())
    except FileNotFoundError:
        return frozenset({"sprecher", "sprecherin", "spokesman", "spokeswoman", "spokesperson"})


def _actor_of(ms: list[EntityMention]) -> Actor | None:
    for m in ms:
        if m.country or m.org:
            return Actor.from_mention(m)
    return None


def _channel(text: str) -> str | None:
    _, channels = _attribution_data()
    for name, words in channels.items():
        for w in words:
            if len(w) <= 2:
                continue
            if re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", text):
                return name
    return None


def _tone(text: str, lang: str = "de") -> str | None:
    from readout.claims.tone import find_tone

    found = [t for t in find_tone(text, lang) if t[3] in ("positive", "negative")]
    found.sort(key=lambda t: t[3] != "negative")
    return found[0][2] if found else None


def sentence_sources(doc: Document, sent: Sentence, ctx: DocContext) -> list[SourceCue]:
    text = doc.text[sent.start:sent.end]
    found: list[SourceCue] = []
    english = doc.language == "en"
    low_text = text.lower()
    for cue, pat in (_SOURCE_PATTERNS_EN if english else _SOURCE_PATTERNS):
        key = _CUE_KEYS.get(cue)
        if key and key not in low_text:
            continue  # cheap test first: the patterns start with a wide character class
        for m in pat.finditer(text):
            lo, hi = sent.start + m.start("src"), sent.start + m.end("src")
            ms = ctx.mentions_in(lo, hi)
            if cue == "told":
                ms = [x for x in ms if x.kind not in ("person", "state", "place")]  # "told Trump": the addressee
            actor = _actor_of(ms)
            if actor is None and cue != "told" and any(
                    w in _spokesperson_nouns(doc.language or "de") for w in re.findall(r"[\wäöüß]+", m.group("src").lower())):
                # "according to a provincial government spokesman": the side of the sentence's subject
                actor = _actor_of([x for x in ctx.mentions_in(sent.start, sent.end) if not lo <= x.start < hi])
            if actor is not None:
                found.append(SourceCue(actor, cue, (sent.start + m.start(), sent.start + m.end()), cue == "so steht es in"))
    verbs, _ = _attribution_data()
    if english:
        verbs = frozenset(_SPEECH_EN)
    toks = sent.tokens
    later = [t.text.lower() for t in toks]
    for i, t in enumerate(toks):
        if english and i > 0 and toks[i - 1].text.lower() == "to":
            continue  # "prompting Paris to declare a state of emergency": an act, not a statement reported
        if english and t.text.lower() in _SPEECH_EN_FORMS:
            pass
        elif t.text[0].isupper() and i > 0:
            continue
        elif t.lemma.lower() not in verbs and not any(p + t.lemma.lower() in verbs for p in later[i + 1:]
                                                      if p in _PARTICLES):
            continue  # "teilte … mit", "kündigte … an": the particle completes the verb of saying
        if not (t.finite or t.pos in ("VERB", "AUX")):
            continue
        if not english and not _reporting(toks, i, text, sent.start):
            continue  # "hat ein Treffen angekündigt": the act itself, in the article's voice
        # the speaker is a mention right after the verb ("…, sagte Trump") or right before it
        # ("Trump sagte"); people and institutions before states, states before places
        after_comma = i > 0 and toks[i - 1].text in (",", "“", "”", '"', "»", "«")
        # "…, kündigte das Ministerium in Berlin an": a reporting clause; its speaker follows the verb
        window = ([] if after_comma else ctx.mentions_in(toks[max(0, i - 4)].start, t.start)) + \
            ctx.mentions_in(t.end, toks[min(len(toks) - 1, i + 6)].end)
        rank = {"person": 0, "institution": 1, "org": 1, "state": 2, "place": 3}
        near = sorted(window, key=lambda m: (rank.get(m.kind, 4), m.start < t.start,
                                             min(abs(m.start - t.end), abs(t.start - m.end))))
        near = [m for m in near if _speaker_prep(toks, m) is None]  # "sprachen über Iran": a topic
        if english and not (i > 0 and toks[i - 1].text in ("“", "”", '"')):
            # English names its speaker before the verb ("Peskov told reporters that Washington …"); after
            # an apposition ("Medvedev, deputy chairman of …, wrote") the speaker is the sentence's subject
            before = [m for m in ctx.mentions_in(sent.start, t.start) if _speaker_prep(toks, m) is None]
            if before and i > 0 and toks[i - 1].text == "," and before[0].start - sent.start <= 3:
                near = [before[0]] + near
            elif before and i > 0 and before[-1].end >= toks[i - 1].start and toks[i - 1].pos != "PUNCT":
                near = [before[-1]] + [m for m in near if m is not before[-1]]  # "Putin told Trump": the subject speaks
            comma = next((k for k in range(i - 1, max(-1, i - 13), -1) if toks[k].text == ","), None)
            if comma is not None and not any(toks[k].finite and not (toks[k].text.endswith("ed") and toks[k - 1].pos == "NOUN")
                                             for k in range(comma + 1, i)):
                # "…, a Turkish diplomat involved in the mediation said": the head of the reporting clause
                np = [m for m in ctx.mentions_in(toks[comma].end, t.start) if _speaker_prep(toks, m) is None]
                if np:
                    near = [np[0]] + [m for m in near if m is not np[0]]
        actor = _actor_of(near)
        if actor is None and any(w in _spokesperson_nouns(doc.language or "de") for w in later[max(0, i - 6):i + 5]):
            # "teilte eine Sprecherin mit": the spokesperson of the sentence's subject
            subject = [m for m in ctx.mentions_in(sent.start, sent.end) if m.country or m.org]
            actor = _actor_of(subject)
        if actor is None and i + 1 < len(toks) and toks[i + 1].text.lower() in ("er", "sie"):
            p = ctx.last_person_before(t.start)
            actor = Actor.from_mention(p) if p else None
        if actor is not None:
            found.append(SourceCue(actor, t.text, (t.start, t.end)))
    return found


def _certainty(text: str, toks_low: list[str], reported: bool) -> tuple[str, str | None]:
    for w in toks_low:
        if w in _POSSIBLE or w in _POSSIBLE_EN and w != "may":
            return "possible", w
    for w in toks_low:
        if w in _PROBABLE or w in _PROBABLE_EN:
            return "probable", w
    if reported:
        return "probable", "Konjunktiv I"
    return "certain", None


def attribute(doc: Document, events: list[Event]) -> None:
    """Fill ``claims`` of every event in ``doc`` (in place)."""
    ctx = DocContext.build(doc)
    per_sentence: list[list[SourceCue]] = []
    for sent in doc.sentences:
        per_sentence.append(sentence_sources(doc, sent, ctx) if not sent.is_heading else [])
    # a quotation followed by its speaker ("…“, heißt es in einem Readout des Weißen Hauses) speaks for
    # every sentence it covers
    quote_source: dict[tuple[int, int], SourceCue] = {}
    for q in ctx.quotes:
        after = next((s for s in doc.sentences if s.start <= q[1] - 1 < s.end), None)
        if after is None:
            continue
        idx = doc.sentences.index(after)
        cues = [c for c in per_sentence[idx] if c.span[0] >= q[1] - 1]
        if cues:
            quote_source[q] = cues[0]
    carried: SourceCue | None = None
    carried_at = -10
    document_source: SourceCue | None = None
    sent_claimer: list[tuple[SourceCue | None, str | None]] = []
    for i, sent in enumerate(doc.sentences):
        cues = per_sentence[i]
        if i + 1 < len(doc.sentences):
            cues = cues + [c for c in per_sentence[i + 1] if c.backward]
        cues = [c for c in cues if not c.backward or c not in per_sentence[i]]
        toks = sent.tokens
        low = [t.text.lower() for t in toks]
        reported = any(t.mood == "Sub1" for t in toks)
        src: SourceCue | None = cues[0] if cues else None
        cue_word = src.cue if src else None
        if src is None:
            q = next((q for q in quote_source if q[0] <= sent.start < q[1] or sent.start <= q[0] < sent.end), None)
            if q is not None:
                src, cue_word = quote_source[q], "quotation"
        if src is None and carried is not None and i - carried_at <= 3 and (reported or "demnach" in low):
            src, cue_word = carried, ("demnach" if "demnach" in low else "Konjunktiv I")
        stext = doc.text[sent.start:sent.end]
        english = doc.language == "en"
        if src is None and document_source is not None:
            m = (_DOCUMENT_ANAPHOR_EN if english else _DOCUMENT_ANAPHOR).search(stext)
            if m:
                src, cue_word = document_source, m.group(0)
        if src is not None and (_DOCUMENT_WORD_EN if english else _DOCUMENT_WORD).search(stext):
            document_source = src
        if src is not None:
            carried, carried_at = src, i
        elif sent.is_heading or i - carried_at > 1:
            carried = carried if i - carried_at <= 1 else None
        sent_claimer.append((src, cue_word))

    for ev in events:
        claims: list[Claim] = []
        for sp in ev.evidence:
            si = next((k for k, s in enumerate(doc.sentences) if s.start <= sp.start < s.end), None)
            if si is None:
                continue
            sent = doc.sentences[si]
            src, cue = sent_claimer[si]
            low = [t.text.lower() for t in sent.tokens if sp.start <= t.start < sp.end] or \
                  [t.text.lower() for t in sent.tokens]
            reported = any(t.mood == "Sub1" for t in sent.tokens if sp.start <= t.start < sp.end)
            certainty, ccue = _certainty(doc.text[sp.start:sp.end], low, reported and src is not None)
            claimer = src.claimer if src else None
            stext = doc.text[sent.start:sent.end]
            claim = Claim(
                claimer=claimer,
                channel=_channel(stext) if claimer else None,
                certainty=certainty,  # type: ignore[arg-type]
                cue=cue or ccue,
                tone=_tone(doc.text[sp.start:sp.end], doc.language or "de") if ev.type == "CONSULT" else None,
                evidence=[Span(sp.doc_id, sp.start, sp.end, sp.text)],
            )
            same = next((c for c in claims if _same_claimer(c.claimer, claim.claimer)), None)
            if same is None:
                claims.append(claim)
            else:
                same.evidence.append(claim.evidence[0])
        ev.claims = claims
    _tone_claims(doc, events, sent_claimer)
    _omission_notes(doc, events, ctx)


CONTACT_NOUNS = re.compile(r"\b(Gespräch|Telefonat|Telefongespräch|Treffen|Unterredung|Austausch|Gipfel|Begegnung|Atmosphäre|Ton|Geist"
                           r"|call|conversation|talks|meeting|summit|discussion|exchange|atmosphere)", re.IGNORECASE)


def _tone_claims(doc: Document, events: list[Event], sent_claimer: list[tuple[SourceCue | None, str | None]]) -> None:
    """A claimer's judgement of a contact ("ein sehr gutes Gespräch", "sehr enttäuscht") is a claim on
    that contact with its tone: the material for comparing the parties' accounts."""
    from readout.claims.tone import find_tone

    contacts = [e for e in events if e.type == "CONSULT" and e.modality == "asserted"]
    if not contacts:
        return
    first = min(e.evidence[0].start for e in contacts)
    for si, sent in enumerate(doc.sentences):
        if sent.end <= first or sent.is_heading:
            continue
        src, cue = sent_claimer[si]
        text = doc.text[sent.start:sent.end]
        tones = [t for t in find_tone(text, doc.language or "de") if t[3] in ("positive", "negative")]
        if not tones:
            continue
        contact = next((e for e in reversed(contacts) if e.evidence[0].start <= sent.start), contacts[0])
        if src is None:
            speaker = _speaker_of_judgement(doc, sent, contact)
            if speaker is None:
                continue
            claimer, cue = speaker, "judgement"
        else:
            claimer = src.claimer
        if not CONTACT_NOUNS.search(text) and src is None:
            continue
        keys = {a.key() for a in contact.actors}
        if claimer.key() not in keys and not any(claimer.key() == k for k in keys):
            continue
        # "frank and businesslike … there was no breakthrough": the sober part carries the judgement
        s, e, word, _ = next((t for t in tones if t[3] == "negative"), tones[0])
        span = _clause_around(doc, sent, sent.start + s, sent.start + e)
        same = next((c for c in contact.claims if _same_claimer(c.claimer, claimer) and c.tone), None)
        if same is not None:
            if span not in same.evidence:
                same.evidence.append(span)
            continue
        contact.claims.append(Claim(claimer=claimer, channel=_channel(text), certainty="certain", cue=cue,
                                    tone=word, evidence=[span]))


def _speaker_of_judgement(doc: Document, sent: Sentence, contact: Event) -> Actor | None:
    """'Trump bezeichnete das Gespräch als exzellent': the subject of a verb of judging."""
    low = doc.text[sent.start:sent.end].lower()
    if not re.search(r"\b(bezeichnete|bezeichnet|nannte|nennt|lobte|sprach von|sprach)\b", low):
        return None
    ctx = DocContext.build(doc)
    ms = [m for m in ctx.mentions_in(sent.start, sent.end) if m.kind == "person" and m.country]
    if not ms:
        p = ctx.last_person_before(sent.start)
        ms = [p] if p else []
    return Actor.from_mention(ms[0]) if ms else None


def _clause_around(doc: Document, sent: Sentence, s: int, e: int) -> Span:
    text = doc.text
    lo = max(text.rfind(ch, sent.start, s) for ch in (",", ";", ":", "–")) + 1
    lo = sent.start if lo <= 0 else lo
    his = [text.find(ch, e, sent.end) for ch in (",", ";", "–")]
    hi = min([h for h in his if h >= 0] or [sent.end])
    while lo < hi and text[lo] in " \n":
        lo += 1
    if hi - lo < 15:
        lo, hi = sent.start, sent.end
    return Span(doc.doc_id, lo, hi, text[lo:hi])


_OMISSION = re.compile(
    r"\b(fehlt|fehlen|fehlte|fehlten|nicht erwähnt|unerwähnt|verschwieg|verschweigt|ausgespart|ausgelassen|kein Wort)\b")


def _omission_notes(doc: Document, events: list[Event], ctx: DocContext) -> None:
    """'im Readout des Weißen Hauses fehlt dieser Punkt': the article itself points out an omission.
    The note goes on the event that holds the point, with the omitting side and the span."""
    for sent in doc.sentences:
        text = doc.text[sent.start:sent.end]
        m = _OMISSION.search(text)
        if not m:
            continue
        cue_at = sent.start + m.start()
        ms = sorted(ctx.mentions_in(sent.start, sent.end), key=lambda x: abs(x.start - cue_at))
        if not ms:
            continue
        omitter = Actor.from_mention(ms[0])
        before = [e for e in events if e.evidence[0].start < sent.start and e.type != "CONSULT"]
        if not before:
            continue
        # the point is the main act of the sentence before ("knüpfte … an die Bedingung, dass …"),
        # not a content word inside it
        last = max(doc.sentence_index(e.evidence[0].start) for e in before)
        same = [e for e in before if doc.sentence_index(e.evidence[0].start) == last]
        ref = min(same, key=lambda e: (-FRAME_RANK.get(e.type, 1), e.evidence[0].start))
        lo = max(text.rfind(ch, 0, m.start()) for ch in ("-", "–", ";", ":", ",")) + 1
        s = sent.start + lo
        while s < cue_at and doc.text[s] == " ":
            s += 1
        span = Span(doc.doc_id, s, sent.end, doc.text[s:sent.end])
        ref.links.append({"rel": "omitted_by", "event_id": ref.id,
                          "claimer": {"name": omitter.name, "country": omitter.country},
                          "evidence": [span]})


def _same_claimer(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.key() == b.key()
