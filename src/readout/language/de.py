"""A fast rule-and-lexicon German layer: sentences, tokens, lemmas, POS, finiteness and mood.

Sentences split on line breaks first (a short line without final punctuation is a heading), then
on . ! ? … before an upper-case word, a quote or a digit, but not after abbreviations, initials or
ordinal numbers ("am 18. März"). Konjunktiv I is told from the verb form ("habe", "sei",
"imponiere": the stem + e where the indicative third person would end in -t) unless the subject
"ich" stands right before it; Konjunktiv II from a closed list of forms ("hätte", "würde").
"""

from __future__ import annotations

import re
from functools import lru_cache

import simplemma

from readout.language.base import segment
from readout.model import Sentence, Token

ABBREVIATIONS = {
    "nr", "z", "b", "u", "a", "bzw", "ca", "dr", "prof", "st", "mio", "mrd", "v", "chr", "usw", "etc", "vgl",
    "bspw", "ggf", "inkl", "evtl", "sog", "hl", "jh", "jhd", "str", "abs", "art", "bd", "hrsg", "mr", "mrs", "ms",
    "gen", "sen", "jr", "min", "max", "tel", "okt", "nov", "dez", "jan", "feb", "apr", "aug", "sept", "sep",
    "d", "h", "o", "ä", "m", "s", "i", "e", "w", "us", "t", "bzgl", "zzgl", "insb", "allg", "dt", "engl", "frz",
}
ENDING_ABBREVIATIONS = {"usw", "etc", "bzw", "ca", "inkl", "evtl", "ggf", "u", "a", "v", "chr", "jh"}
SENTENCE_STARTERS = {"die", "der", "das", "er", "sie", "es", "wir", "ich", "in", "im", "am", "auch", "doch", "aber",
                     "dabei", "damit", "zudem", "nun", "jetzt", "dann", "so", "man", "diese", "dieser", "dieses", "ein",
                     "eine", "nach", "vor", "bei", "seit", "als", "wie", "was", "wer", "für", "mit", "trotz"}
ORDINAL_ARTICLES = {"der", "die", "das", "dem", "den", "des", "zum", "zur", "am", "im", "vom", "beim", "ihr", "ihre",
                    "ihrem", "ihren", "sein", "seine", "seinem", "seinen", "dieser", "diese", "dieses", "diesem", "jeder",
                    "jede", "jedes"}
MONTHS = {"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
          "november", "dezember", "jahrhundert", "jahrhunderts", "jahrestag", "runde", "mal", "platz"}
DET = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "kein", "keine",
       "keinen", "keinem", "keiner", "keines", "dieser", "diese", "dieses", "diesen", "diesem", "jede", "jeder",
       "jeden", "jedem", "alle", "allen", "aller", "sein", "seine", "seinen", "seinem", "seiner", "ihr", "ihre",
       "ihren", "ihrem", "ihrer", "unser", "unsere", "unseren", "beide", "beiden", "welche", "welcher", "manche"}
ADP = {"an", "auf", "aus", "bei", "bis", "durch", "für", "gegen", "hinter", "in", "mit", "nach", "neben", "ohne",
       "seit", "über", "um", "unter", "von", "vor", "während", "wegen", "zu", "zwischen", "zufolge", "laut", "trotz",
       "im", "am", "beim", "vom", "zum", "zur", "ins", "ans", "aufs", "gegenüber", "innerhalb", "außerhalb",
       "angesichts", "binnen", "dank", "seitens", "aufseiten", "entlang", "statt", "anstatt"}
PRON = {"ich", "du", "er", "sie", "es", "wir", "ihr", "man", "mich", "dich", "sich", "uns", "euch", "ihm", "ihn",
        "ihnen", "mir", "dir", "wer", "was", "wen", "wem", "jemand", "niemand", "nichts", "etwas", "dies", "dessen",
        "deren", "denen"}
CCONJ = {"und", "oder", "aber", "sondern", "doch", "sowie", "denn", "bzw."}
SCONJ = {"dass", "ob", "weil", "wenn", "falls", "obwohl", "als", "während", "nachdem", "bevor", "damit", "sodass",
         "seit", "seitdem", "sofern", "solange", "indem", "wie", "da"}
PART = {"nicht", "zu", "nur", "auch", "noch", "schon", "sehr", "nie", "niemals", "ja", "nein"}
AUX_FORMS = {
    "bin", "bist", "ist", "sind", "seid", "war", "warst", "waren", "wart", "sei", "seien", "wäre", "wären",
    "habe", "hast", "hat", "haben", "habt", "hatte", "hatten", "hätte", "hätten", "werde", "wirst", "wird",
    "werden", "werdet", "wurde", "wurden", "würde", "würden", "kann", "kannst", "können", "könne", "konnte",
    "konnten", "könnte", "könnten", "muss", "musst", "müssen", "müsse", "musste", "mussten", "müsste", "müssten",
    "soll", "sollst", "sollen", "solle", "sollte", "sollten", "will", "willst", "wollen", "wolle", "wollte",
    "wollten", "darf", "dürfen", "dürfe", "durfte", "dürfte", "dürften", "mag", "mögen", "möchte", "möchten",
}
SUB2 = {"hätte", "hätten", "hättest", "wäre", "wären", "wärst", "würde", "würden", "würdest", "könnte", "könnten",
        "müsste", "müssten", "dürfte", "dürften", "möchte", "möchten", "gäbe", "gäben", "käme", "kämen", "ginge",
        "gingen", "bräuchte", "bräuchten", "wüsste", "wüssten", "ließe", "ließen", "stünde", "stünden", "läge",
        "lägen", "hielte", "hielten", "sähe", "sähen", "täte", "täten"}
SUB1_IRREGULAR = {"sei": "sein", "seien": "sein", "seiest": "sein", "habe": "haben", "werde": "werden",
                  "könne": "können", "müsse": "müssen", "solle": "sollen", "wolle": "wollen", "dürfe": "dürfen",
                  "möge": "mögen", "wisse": "wissen"}
NOT_SUB1 = {"gerne", "heute", "ende", "alle", "eine", "keine", "seine", "ihre", "meine", "deine", "diese",
            "welche", "jede", "manche", "beide", "solche", "bitte", "lange", "gleiche", "ebene", "nahe", "mitte",
            "zuvor", "weise", "ferne", "gegen", "ohne", "ihne", "stelle", "seite", "hilfe", "runde", "frage",
            "folge", "sache", "lage", "rede", "grenze"}

_TOKEN = re.compile(
    r"\d{1,2}\.\d{1,2}\.\d{2,4}"          # 18.03.2025
    r"|\d+(?:[.,]\d+)+"                    # 1.200 / 2,5 / 14.30
    r"|\d+(?:-\w+)+"                       # 30-tägige
    r"|\w+(?:['’]\w+)?(?:-\w+)*-?"         # words, compounds, "US-" prefixes
    r"|\(…\)|\.\.\.|…|[^\w\s]"
)
_END = re.compile(r"[.!?…](?:[“”\"»«’)\]]*)(?=\s+[\"„»“(‚]?[A-ZÄÖÜ0-9])|[.!?…][“”\"»«’)\]]*\s*$")


@lru_cache(maxsize=200_000)
def lemma_of(word: str) -> str:
    try:
        return simplemma.lemmatize(word, lang="de")
    except Exception:  # simplemma is robust, but a lemma must never stop the pipeline
        return word


def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    ends = []
    for m in _END.finditer(text, start, end):
        dot = m.start()
        if text[dot] == ".":
            before = re.search(r"(\w+)\s?$", text[max(start, dot - 20):dot])
            word = before.group(1) if before else ""
            low = word.lower()
            if low in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                nxt = re.match(r"\s+([A-ZÄÖÜ][a-zäöüß]+)", text[m.end():m.end() + 30])
                if not (low in ENDING_ABBREVIATIONS and nxt and nxt.group(1).lower() in SENTENCE_STARTERS):
                    continue
            if word.isdigit():
                nxt = re.match(r"\s+(\w+)", text[m.end():m.end() + 30])
                if nxt and (nxt.group(1).lower() in MONTHS or nxt.group(1)[0].islower()):
                    continue
                if len(word) <= 2 and nxt and nxt.group(1).lower().rstrip("s") in MONTHS:
                    continue
                art = re.search(r"(\w+)\s+\d{1,3}$", text[max(start, dot - 25):dot])
                if len(word) <= 3 and art and art.group(1).lower() in ORDINAL_ARTICLES:
                    continue  # "das 17. Sanktionspaket", "zum 3. Mal"
        ends.append(m.end())
    return ends


_ORDINAL_NEXT = re.compile(r"\.\s+(?:[a-zäöüß]|(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b)", re.IGNORECASE)


def _tokens(text: str, start: int, end: int) -> list[Token]:
    toks: list[Token] = []
    taken = start
    for m in _TOKEN.finditer(text, start, end):
        w = m.group(0)
        s, e = m.start(), m.end()
        if s < taken:
            continue  # the period an abbreviation or ordinal already took
        # an abbreviation keeps its period; so does an ordinal number ("am 18. März", "der 3. Runde")
        if e < end and text[e] == "." and w.lower() in ABBREVIATIONS and len(w) <= 5 and w.isalpha():
            e += 1
            w += "."
        elif e < end and text[e] == "." and w.isdigit() and len(w) <= 2 and _ORDINAL_NEXT.match(text, e) \
                and not text[e:e + 2].startswith(".."):
            e += 1
            w += "."
        taken = e
        toks.append(Token(s, e, w, w))
    for i, t in enumerate(toks):
        _tag(t, toks[i - 1] if i else None, i == 0)
    return toks


def _tag(t: Token, prev: Token | None, first: bool) -> None:
    w = t.text
    low = w.lower()
    if not w[0].isalnum():
        t.pos, t.lemma = "PUNCT", w
        return
    if w[0].isdigit():
        t.pos, t.lemma = "NUM", w
        return
    if low in DET and not (w[0].isupper() and not first):
        t.pos, t.lemma = "DET", low
    elif low in ADP:
        t.pos, t.lemma = "ADP", low
    elif low in PRON and (low != "sie" or True):
        t.pos, t.lemma = "PRON", low
    elif low in CCONJ:
        t.pos, t.lemma = "CCONJ", low
    elif low in SCONJ and low not in ("als", "wie", "seit", "während"):
        t.pos, t.lemma = "SCONJ", low
    elif low in PART:
        t.pos, t.lemma = "PART", low
    elif low in AUX_FORMS:
        t.pos, t.lemma = "AUX", lemma_of(low)
        t.finite = low not in ("haben", "sein", "werden", "können", "müssen", "sollen", "wollen", "dürfen", "mögen") or (
            prev is not None and prev.text.lower() in ("sie", "wir"))
    elif w[0].isupper() and not first:
        t.pos = "NOUN"
        t.lemma = lemma_of(w)
        if w.endswith("-"):
            t.pos = "ADJ"
    else:
        lem = lemma_of(low if first else w)
        t.lemma = lem
        if lem.endswith(("en", "ern", "eln")) and lem[0].islower() and (lem != low or low.endswith("en")):
            t.pos = "VERB"
            zu_inf = "zu" in low[1:7] and lem == low.replace("zu", "", 1)  # "auszusetzen", "fortzusetzen"
            t.finite = not (low == lem or low.startswith("ge") and low.endswith(("t", "en")) or zu_inf)
        elif low.endswith(("isch", "ische", "ischen", "ischer", "isches", "lich", "liche", "lichen", "licher",
                           "ig", "ige", "igen", "iger", "e", "en", "er", "es", "em")) and lem != low:
            t.pos = "ADJ"
        elif first and w[0].isupper():
            t.pos = "NOUN"
        else:
            t.pos = "ADV"
    _mood(t, prev)


def _mood(t: Token, prev: Token | None) -> None:
    low = t.text.lower()
    if t.pos not in ("VERB", "AUX") or not t.text[0].islower() and t.pos != "AUX":
        return
    subject_ich = prev is not None and prev.text.lower() == "ich"
    if low in SUB2:
        t.mood, t.finite = "Sub2", True
        return
    if low in ("sei", "seien", "seiest"):
        t.mood, t.finite = "Sub1", True
        return
    if low in SUB1_IRREGULAR and not subject_ich:
        t.mood, t.finite, t.tense = "Sub1", True, "Pres"
        return
    if low in NOT_SUB1:
        return
    lem = t.lemma
    if t.pos == "VERB" and low.endswith("e") and lem.endswith("en") and low == lem[:-1] and not subject_ich:
        t.mood, t.finite, t.tense = "Sub1", True, "Pres"
    elif t.pos == "VERB" and low.endswith("e") and lem.endswith(("ern", "eln")) and low == lem[:-1] + "e" \
            and not subject_ich:
        t.mood, t.finite, t.tense = "Sub1", True, "Pres"  # "fordere", "handele"
    elif t.pos == "VERB" and low.endswith(("e", "en", "est", "et")) and any(ch in low for ch in "äöü") \
            and not any(ch in lem for ch in "äöü") and lem != low:
        t.mood, t.finite, t.tense = "Sub2", True, "Past"  # "gäbe", "nachgäbe", "käme"
    elif t.finite and t.mood is None:
        t.mood = "Ind"


def analyze(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences with tokens for ``text[start:end]``; offsets index ``text``."""
    return segment(text, start, len(text) if end is None else end, _sentence_ends, _tokens)


# brackets cut clauses, except an elision mark "(…)" / "[...]" inside a quotation; a comma inside a
# number ("1,200", "2,5") cuts nothing
_CLAUSE_BREAK = re.compile(r"\s*(?:(?<!\d),|,(?!\d)|[;:]|\s[–—-]\s|\((?!…\)|\.\.\.\))|(?<!\(…)(?<!\.\.\.)\))\s*")
_SUBORDINATORS = SCONJ | {"der", "die", "das", "dem", "den", "denen", "dessen", "deren", "welche", "welcher",
                          "wo", "wobei", "womit", "worauf", "sondern", "aber", "doch", "und", "so"}


def clause_spans(sentence: Sentence, text: str) -> list[tuple[int, int]]:
    """Approximate clauses: cut at semicolons, colons, dashes, brackets, and commas."""
    spans = []
    s = sentence.start
    dashes = [m.start() for m in re.finditer(r"\s[–—-]\s", text[sentence.start:sentence.end])]
    paired = len(dashes) == 2  # "will Russland – „als Zeichen des guten Willens“ – … entlassen": an aside
    for m in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        if paired and re.fullmatch(r"\s*[–—-]\s*", m.group(0)):
            continue
        if m.start() > s:
            spans.append((s, m.start()))
        s = m.end()
    if s < sentence.end:
        spans.append((s, sentence.end))
    return [sp for sp in spans if text[sp[0]:sp[1]].strip()] or [(sentence.start, sentence.end)]
