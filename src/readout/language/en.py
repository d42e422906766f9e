"""The English layer: sentences, tokens, lemmas, part of speech and finiteness, by rule and lexicon.

Same shape as the German layer (language/de.py) so that every later stage works on both. English
news needs: abbreviations that end in a period ("U.S.", "Gen.", "Jan."), possessive "'s" and
negation "n't" split off as their own tokens, and finite verbs told by form (past "-ed",
third-person "-s" after a subject, a closed list of irregular pasts and auxiliaries).
"""

from __future__ import annotations

import re
from functools import lru_cache

import simplemma

from readout.language.base import segment
from readout.model import Sentence, Token

ABBREVIATIONS = {
    "u.s", "u.k", "u.n", "e.u", "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "adm", "gov",
    "sen", "rep", "st", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "etc", "no", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m", "p.m", "approx", "dept", "est", "fig", "e.g",
    "i.e", "pres", "amb", "min",
}
DET = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
       "every", "each", "some", "any", "no", "both", "all", "either", "neither"}
ADP = {"in", "on", "at", "by", "for", "with", "about", "against", "between", "into", "through", "during", "before",
       "after", "above", "below", "to", "from", "up", "down", "of", "off", "over", "under", "since", "without",
       "within", "along", "across", "behind", "beyond", "despite", "toward", "towards", "upon", "amid", "among",
       "per", "via", "near", "including", "regarding", "concerning"}
PRON = {"i", "you", "he", "she", "it", "we", "they", "me", "him", "us", "them", "who", "whom", "what", "which",
        "himself", "herself", "itself", "themselves", "ourselves", "someone", "nobody", "nothing", "something"}
CCONJ = {"and", "or", "but", "nor", "yet"}
SCONJ = {"that", "if", "because", "although", "though", "while", "whether", "unless", "until", "when", "as",
         "once", "since", "so", "whereas"}
PART = {"not", "n't", "to", "'s"}
AUX_FORMS = {
    "is": True, "are": True, "was": True, "were": True, "be": False, "been": False, "being": False, "am": True,
    "has": True, "have": True, "had": True, "having": False, "do": True, "does": True, "did": True,
    "will": True, "would": True, "shall": True, "should": True, "can": True, "could": True, "may": True,
    "might": True, "must": True, "'s": True, "'ll": True, "'d": True, "'re": True, "'ve": True,
}
IRREGULAR_PAST = {
    "said", "told", "met", "spoke", "took", "gave", "made", "held", "sent", "brought", "struck", "fought", "sought",
    "threw", "withdrew", "drew", "began", "came", "went", "saw", "knew", "thought", "left", "led", "put", "set",
    "shot", "hit", "cut", "let", "kept", "felt", "heard", "won", "lost", "paid", "laid", "read", "wrote", "rose",
    "fell", "broke", "chose", "froze", "stood", "understood", "became", "forgave", "forbade", "spent", "bought",
    "caught", "taught", "swore", "tore", "wore", "flew", "grew", "overtook", "undertook", "beat", "bid", "shut",
}
_TOKEN = re.compile(
    r"\d{1,2}/\d{1,2}/\d{2,4}"           # 3/18/2025
    r"|\d+(?:[.,]\d+)+"                   # 1,200 / 2.5
    r"|\d+(?:-\w+)+"                      # 9-for-9, 30-day
    r"|(?:[A-Za-z]\.){2,}"                # U.S. U.N. (the period belongs to the word)
    r"|\w+(?=n't)|n't"                    # didn't -> did n't
    r"|['’](?:s|ll|d|re|ve|m)\b"           # 's 'll
    r"|\w+(?:-\w+)*"
    r"|\.\.\.|…|[^\w\s]"
)
_END = re.compile(r"[.!?…](?:[”\"’)\]]*)(?=\s+[\"“‘(]?[A-Z0-9])|[.!?…][”\"’)\]]*\s*$")


@lru_cache(maxsize=200_000)
def lemma_of(word: str) -> str:
    try:
        return simplemma.lemmatize(word, lang="en")
    except Exception:  # a lemma must never stop the pipeline
        return word


def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    ends = []
    for m in _END.finditer(text, start, end):
        dot = m.start()
        if text[dot] == ".":
            before = re.search(r"([\w.]+)$", text[max(start, dot - 20):dot])
            word = (before.group(1) if before else "").lower().rstrip(".")
            if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                # "U.S. President": an abbreviation; but "… in the U.S. The next day": a sentence end
                nxt = re.match(r"\s+(\w+)", text[m.end():m.end() + 20])
                if not (word in ("u.s", "u.k", "u.n", "e.u") and nxt and nxt.group(1) in _SENTENCE_STARTERS):
                    continue
        ends.append(m.end())
    return ends


_SENTENCE_STARTERS = {"The", "A", "An", "It", "He", "She", "They", "We", "But", "In", "On", "This", "That", "There"}


def _tokens(text: str, start: int, end: int) -> list[Token]:
    toks: list[Token] = []
    for m in _TOKEN.finditer(text, start, end):
        w = m.group(0)
        s, e = m.start(), m.end()
        if e < end and text[e] == "." and w.lower() in ABBREVIATIONS and w.isalpha():
            e += 1
            w += "."
        toks.append(Token(s, e, w, w))
    for i, t in enumerate(toks):
        _tag(t, toks[i - 1] if i else None, i == 0)
    _retag(toks)
    return toks


NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands",
                "million", "millions", "billion", "dozen", "dozens", "several", "many", "few"}
SUBJECT_PRONOUNS = {"he", "she", "it", "who", "which", "that", "this"}


def _retag(toks: list[Token]) -> None:
    """A second look with the next word in view. An -s word is a present-tense verb after its
    subject ("Russia demands that …", "he says"), but a plural noun after a determiner, number or
    modifier or before a preposition or verb ("their first direct talks in …", "delegations held");
    -ing and -ed words after a determiner are nouns and adjectives ("the meeting", "the proposed deal")."""
    for t in toks:
        low = t.text.lower()
        if low in NUMBER_WORDS and t.pos == "NOUN":
            t.pos = "NUM"
    for i, t in enumerate(toks):
        prev = toks[i - 1] if i else None
        if t.pos != "NOUN" or prev is None or t.text[0].isupper():
            continue
        plow = prev.text.lower()
        j = i - 1
        while j > 0 and (toks[j].pos == "ADV" or toks[j].text.lower() in ("not", "n't", "also", "still", "now", "then",
                                                                              "soon", "never", "again", "jointly")):
            j -= 1  # "will formally recognise", "would not cede", "could also pull"
        anchor = toks[j]
        alow = anchor.text.lower()
        if plow in ("i", "we", "you", "they"):
            t.pos, t.finite, t.tense, t.mood = "VERB", True, "Pres", "Ind"  # "we reject", "they demand"
        elif (anchor.pos == "AUX" and alow not in ("'s",) and AUX_FORMS.get(alow) is not None and alow not in (
                "is", "are", "was", "were", "am", "been", "being", "has", "have", "had", "having")) \
                or (alow == "to" and j > 0 and toks[j - 1].pos in ("VERB", "AUX", "ADJ", "NOUN", "PROPN")
                    and anchor.pos == "PART"):
            t.pos = "VERB"  # "would impose", "will not withdraw", "agreed to release", "plans to send"
    for i, t in enumerate(toks):
        if t.pos != "VERB":
            continue
        prev = toks[i - 1] if i else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        plow = prev.text.lower() if prev is not None else ""
        nominal_before = prev is not None and (prev.pos in ("DET", "NUM", "ADJ") or plow in ("'s", "’s")) \
            and plow not in ("each", "both", "all")  # "Russia and Ukraine each handed over …": a verb
        if t.tense == "Pres" and t.finite:
            if plow in SUBJECT_PRONOUNS:
                continue
            verbal_after = nxt is not None and (nxt.pos in ("VERB", "AUX") and nxt.finite)
            # "112 Ukrainian drones", "the Russian strikes": a plural after a determiner and a name-adjective
            nominal_before = nominal_before or (prev is not None and prev.pos == "PROPN" and i > 1
                                                and toks[i - 2].pos in ("NUM", "DET")
                                                and prev.text.endswith(("ian", "ean", "ese", "ish", "i", "ic", "ch")))
            prep_after = nxt is not None and nxt.pos == "ADP" and nxt.text.lower() not in ("to",)
            # "… to face drug trafficking charges.": a noun ending a noun phrase, not a verb
            phrase_end = (nxt is None or nxt.text in (".", ",", ";", ":")) and prev is not None and prev.pos == "NOUN" \
                and prev.text[:1].islower() and i > 1 and toks[i - 2].pos in ("NOUN", "ADJ", "VERB")
            if nominal_before or verbal_after or phrase_end or (prep_after and prev is not None and prev.pos == "NOUN"):
                t.pos, t.finite, t.tense, t.mood = "NOUN", False, None, None
        elif t.tense is None and t.text.lower().endswith("ing") and nominal_before:
            t.pos = "NOUN"
        elif t.tense == "Past" and nominal_before and plow not in ("that",):
            t.pos, t.finite, t.tense, t.mood = "ADJ", False, None, None


def _tag(t: Token, prev: Token | None, first: bool) -> None:
    w = t.text
    low = w.lower().replace("’", "'")
    if not w[0].isalnum() and not w.startswith(("'", "’")):
        t.pos, t.lemma = "PUNCT", w
        return
    if w[0].isdigit():
        t.pos, t.lemma = "NUM", w
        return
    if low in AUX_FORMS and not (low == "'s" and prev is not None and prev.pos in ("PROPN", "NOUN")):
        t.pos, t.lemma, t.finite = "AUX", lemma_of(low), AUX_FORMS[low]
        t.mood = "Ind" if t.finite else None
        return
    if low in PART:
        t.pos, t.lemma = "PART", low
    elif low in DET:
        t.pos, t.lemma = "DET", low
    elif low in ADP:
        t.pos, t.lemma = "ADP", low
    elif low in PRON:
        t.pos, t.lemma = "PRON", low
    elif low in CCONJ:
        t.pos, t.lemma = "CCONJ", low
    elif low in SCONJ:
        t.pos, t.lemma = "SCONJ", low
    elif w[0].isupper() and not first:
        t.pos, t.lemma = "PROPN", w
    else:
        lem = lemma_of(low)
        t.lemma = lem
        if low.endswith("ly") and len(low) > 4:
            t.pos = "ADV"
        elif low in IRREGULAR_PAST or (low.endswith("ed") and lem != low):
            t.pos, t.finite, t.tense = "VERB", not (prev is not None and prev.pos == "AUX"), "Past"
        elif low.endswith("ing") and lem != low:
            t.pos = "VERB"
        elif low.endswith("s") and lem != low and prev is not None and prev.pos in ("PROPN", "PRON", "NOUN"):
            t.pos, t.finite, t.tense = "VERB", True, "Pres"
        else:
            t.pos = "NOUN"
    if t.finite:
        t.mood = "Ind"


def analyze(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences with tokens for ``text[start:end]``; offsets index ``text``."""
    return segment(text, start, len(text) if end is None else end, _sentence_ends, _tokens)
