"""Train, measure and ship the small German spaCy model (src/readout/models/de_core).

    .venv/bin/python scripts/train_language_model.py all                # prepare, train, evaluate, ship SHIP
    .venv/bin/python scripts/train_language_model.py prepare            # DocBins + silver rows (HanTa cached)
    .venv/bin/python scripts/train_language_model.py train VARIANT      # one configuration, CPU
    .venv/bin/python scripts/train_language_model.py evaluate VARIANT   # GSD-test scores + speed -> scores.json
    .venv/bin/python scripts/train_language_model.py speed V1 V2 ...    # re-measure words/s (use taskset -c 1)
    .venv/bin/python scripts/train_language_model.py rules              # readout.language.de on the same test
    .venv/bin/python scripts/train_language_model.py table              # every evaluated variant, markdown
    .venv/bin/python scripts/train_language_model.py ship VARIANT       # copy to src/readout/models/de_core

Data (see ../shared/data/README.md): UD German-GSD train with UPOS only (tagger), GSD dev + PUD with
full annotation (tagger, morphologizer, parser, lemmatizer), GermEval 2014 text (silver), GSD test
for every number reported. Work files go to build/language_model/ (git-ignored; out/ is rewritten
by `readout run`); only `ship` touches the package. docs/language.md has the scores and the choice.

The sources are made to agree before training, because they come from different UD releases:
- The UPOS-only GSD train copy follows UD 2.3, where attributive determiners ("dieser", "keine",
  "meine") were PRON, adjectives in names PROPN, and so on. With HanTa's STTS tag of each token we
  replace an old tag that the current treebank (GSD dev + PUD, tagged by HanTa the same way)
  practically never uses for that STTS tag by the tag it nearly always uses ("harmonized").
- PUD has no VerbForm and puts Tense on participles; we add VerbForm (Fin/Inf/Part) and drop the
  participle's Tense, as GSD does.
Silver data: verbal features of the UPOS-only verbs from HanTa (STTS, lemma) and ablaut's
conjugation tables (`silver_verb_feats`), and UPOS of GermEval text from HanTa's STTS tags.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("READOUT_SHARED_DATA", ROOT.parent / "shared" / "data"))
UD = DATA / "ud-german"
GERMEVAL = DATA / "germeval2014-ner"
WORK = Path(os.environ.get("READOUT_LM_WORK", ROOT / "build" / "language_model"))
SHIP_DIR = ROOT / "src" / "readout" / "models" / "de_core"
SHIP = "ge64long"  # the variant `all` ships; see docs/language.md for why

CORE_FEATS = ("Mood", "Tense", "VerbForm", "Person", "Number")
DROP_FEATS = {"Typo", "Voice", "Foreign", "Abbr", "ExtPos", "AdpType"}  # annotated unevenly across the sources
SUB = "Sub"


# --------------------------------------------------------------------------- reading the treebanks


@dataclass
class Sent:
    words: list[str]
    upos: list[str]
    spaces: list[bool] = field(default_factory=list)
    feats: list[dict[str, str]] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    deps: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)


def read_conllu(path: Path) -> list[Sent]:
    """Sentences as surface tokens: a contraction ("im" = "in dem") is one token with the first part's
    UPOS, the features of all parts, and the relation of the part whose head lies outside it."""
    sents: list[Sent] = []
    rows: list[list[str]] = []
    ranges: list[tuple[int, int, str, bool]] = []
    for line in [*path.read_text(encoding="utf8").splitlines(), ""]:
        if line.startswith("#"):
            continue
        if line:
            cols = line.split("\t")
            if "." in cols[0]:
                continue
            if "-" in cols[0]:
                a, b = map(int, cols[0].split("-"))
                ranges.append((a, b, cols[1], "SpaceAfter=No" not in cols[9]))
            else:
                rows.append(cols)
            continue
        if rows:
            sents.append(_surface(rows, ranges))
        rows, ranges = [], []
    return sents


def _surface(rows: list[list[str]], ranges: list[tuple[int, int, str, bool]]) -> Sent:
    groups: list[tuple[str, bool, list[list[str]]]] = []
    owner: dict[int, int] = {}
    by_start = {a: (b, form, space) for a, b, form, space in ranges}
    i = 0
    while i < len(rows):
        rid = int(rows[i][0])
        if rid in by_start:
            b, form, space = by_start[rid]
            parts = [r for r in rows[i:] if int(r[0]) <= b]
            groups.append((form, space, parts))
        else:
            parts = [rows[i]]
            groups.append((rows[i][1], "SpaceAfter=No" not in rows[i][9], parts))
        for r in parts:
            owner[int(r[0])] = len(groups) - 1
        i += len(parts)
    s = Sent([], [])
    for k, (form, space, parts) in enumerate(groups):
        ids = {int(p[0]) for p in parts}
        top = next((p for p in parts if int(p[6]) not in ids), parts[0])
        feats: dict[str, str] = {}
        for p in parts:
            if p[5] != "_":
                for kv in p[5].split("|"):
                    name, value = kv.split("=", 1)
                    feats.setdefault(name, value)
        s.words.append(form)
        s.spaces.append(space)
        s.upos.append(parts[0][3])
        s.feats.append(feats)
        s.heads.append(k if top[6] == "0" else owner[int(top[6])])
        s.deps.append("ROOT" if top[7] == "root" else top[7])
        s.lemmas.append(parts[0][2] if len(parts) == 1 else "")  # no lemma for contractions
    return s


def read_upos_only(path: Path) -> list[Sent]:
    """`FORM##UPOS` lines; a contraction `im##_` is followed by its parts and takes the first part's tag."""
    out = []
    for line in path.read_text(encoding="utf8").splitlines():
        toks = [t.rpartition("##") for t in line.split()]
        s = Sent([], [])
        i = 0
        while i < len(toks):
            word, _, tag = toks[i]
            if tag == "_":
                s.words.append(word)
                s.upos.append(toks[i + 1][2])
                i += 3
            else:
                s.words.append(word)
                s.upos.append(tag)
                i += 1
        if s.words:
            out.append(s)
    return out


def read_germeval(path: Path) -> list[list[str]]:
    sents, cur = [], []
    for line in path.read_text(encoding="utf8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if cur:
                sents.append(cur)
            cur = []
            continue
        cur.append(line.split("\t")[1])
    if cur:
        sents.append(cur)
    return sents


def harmonize_pud(s: Sent) -> Sent:
    """PUD verbs -> GSD conventions: finite verbs get VerbForm=Fin, participles lose Tense."""
    for i, f in enumerate(s.feats):
        if s.upos[i] not in ("VERB", "AUX"):
            if s.upos[i] in ("ADV", "PART"):
                f.pop("Degree", None)
            continue
        if "Mood" in f:
            f["VerbForm"] = "Fin"
        elif f.get("VerbForm") == "Part" or (f.get("Tense") and "Mood" not in f):
            f.pop("Tense", None)
            f["VerbForm"] = "Part"
        elif "VerbForm" not in f:
            f["VerbForm"] = "Inf"
    return s


def feats_str(f: dict[str, str], keep: tuple[str, ...] | None) -> str:
    items = [(k, v) for k, v in f.items() if k not in DROP_FEATS and (keep is None or k in keep)]
    return "|".join(f"{k}={v}" for k, v in sorted(items))


# --------------------------------------------------------------------------- HanTa silver tags


def hanta_tags(name: str, sents: list[list[str]]) -> list[list[tuple[str, str]]]:
    """(lemma, STTS) per token from HanTa, cached in build/language_model/hanta/NAME.jsonl."""
    cache = WORK / "hanta" / f"{name}.jsonl"
    if cache.exists():
        rows = [json.loads(x) for x in cache.read_text(encoding="utf8").splitlines()]
        if len(rows) == len(sents):
            return [[(lem, tag) for lem, tag in r] for r in rows]
    from HanTa import HanoverTagger as ht  # dev dependency, used only to build training data

    tagger = ht.HanoverTagger("morphmodel_ger.pgz")
    cache.parent.mkdir(parents=True, exist_ok=True)
    out = []
    with cache.open("w", encoding="utf8") as fh:
        for words in sents:
            tags = [(lem, tag.replace("(", "").replace(")", "")) for _, lem, tag in tagger.tag_sent(words)]
            out.append(tags)
            fh.write(json.dumps(tags, ensure_ascii=False) + "\n")
    return out


def stts_to_upos_table(gold: list[Sent], silver: list[list[tuple[str, str]]]) -> dict[str, Counter]:
    table: dict[str, Counter] = defaultdict(Counter)
    for s, tags in zip(gold, silver, strict=True):
        for upos, (_, stts) in zip(s.upos, tags, strict=True):
            table[stts][upos] += 1
    return table


def harmonize_upos(old: list[Sent], silver: list[list[tuple[str, str]]], table: dict[str, Counter]) -> int:
    """Replace old-release tags the current treebank (nearly) never uses for the token's STTS tag."""
    changed = 0
    for s, tags in zip(old, silver, strict=True):
        for i, (_, stts) in enumerate(tags):
            ref = table.get(stts)
            n = sum(ref.values()) if ref else 0
            if n < 20:
                continue
            best, count = ref.most_common(1)[0]
            if s.upos[i] != best and ref[s.upos[i]] / n < 0.03 and count / n >= 0.85:
                s.upos[i] = best
                changed += 1
    return changed


def silver_upos(words: list[str], tags: list[tuple[str, str]], table: dict[str, Counter]) -> list[str]:
    """UPOS from HanTa's STTS tag: the tag the current treebank uses most for it. Words are never
    PUNCT (GSD tags some foreign-material and XY tokens as punctuation)."""
    out = []
    for word, (_, stts) in zip(words, tags, strict=True):
        ranked = [u for u, _ in table[stts].most_common()] if table.get(stts) else []
        if any(ch.isalnum() for ch in word):
            ranked = [u for u in ranked if u not in ("PUNCT", "SYM")]
            fallback = "PROPN" if word[:1].isupper() else "X"
        else:
            fallback = "PUNCT"
        out.append(ranked[0] if ranked else fallback)
    return out


PERSONS = (("1", "Sing"), ("2", "Sing"), ("3", "Sing"), ("1", "Plur"), ("2", "Plur"), ("3", "Plur"))
TABLES = (("present", "Ind", "Pres"), ("preterite", "Ind", "Past"), ("konjunktiv1", "Sub", "Pres"),
          ("konjunktiv2", "Sub", "Past"))
SUBJECTS = {"ich": ("1", "Sing"), "du": ("2", "Sing"), "wir": ("1", "Plur"), "ihr": ("2", "Plur")}
MEANING_DECIDES = {"sollte", "sollten"}  # "should" (Sub) or "was to" (Ind): left to the gold data


@cache
def conjugations(lemma: str) -> dict[str, set[tuple[str, str, str, str]]] | None:
    """Finite form -> {(Mood, Tense, Person, Number)} from ablaut's tables; None for unknown verbs."""
    import ablaut

    try:
        c = ablaut.conjugate(lemma)
    except Exception:  # ablaut raises ValueError for non-verbs; any failure just means "no silver"
        return None
    out: dict[str, set[tuple[str, str, str, str]]] = defaultdict(set)
    for attr, mood, tense in TABLES:
        for (person, number), form in zip(PERSONS, getattr(c, attr), strict=False):
            parts = form.lower().split()
            if parts:
                out[parts[0]].add((mood, tense, person, number))
                if len(parts) > 1:  # separable verb in a subordinate clause: "dass er abgibt"
                    out[parts[-1] + parts[0]].add((mood, tense, person, number))
    return out


def _by_subject(cands: set, near: list[tuple[str, str]]) -> list:
    """The analyses that agree with a pronoun subject nearby, else the 3rd person ones."""
    m = [c for c in cands if (c[2], c[3]) in near] if near else []
    return m or [c for c in cands if c[2] == "3"] or list(cands)


def silver_verb_feats(words: list[str], upos: list[str], tags: list[tuple[str, str]]) -> list[dict[str, str] | None]:
    """The five verbal features of VERB/AUX tokens from HanTa's STTS tag and lemma and ablaut's
    conjugation tables; None where the rules cannot decide (other tokens are None too).

    As in UD German, a form that is also indicative is indicative ("sagte", "sagen"); "habe"-type
    forms (1st person indicative = 3rd person Konjunktiv I) are indicative only next to "ich".
    """
    low = [w.lower() for w in words]
    out: list[dict[str, str] | None] = [None] * len(words)
    for i, (w, u, (lemma, stts)) in enumerate(zip(low, upos, tags, strict=True)):
        if u not in ("VERB", "AUX"):
            continue
        if stts.endswith(("INF", "IZU")):
            out[i] = {"VerbForm": "Inf"}
            continue
        if stts.endswith("PP"):
            out[i] = {"VerbForm": "Part"}
            continue
        table = conjugations((lemma or w).lower()) if stts.endswith("FIN") else None
        if not table or w not in table or w in MEANING_DECIDES:
            continue
        cands = table[w]
        near = [SUBJECTS[x] for x in low[max(0, i - 3):i + 4] if x in SUBJECTS]

        indicative = {c for c in cands if c[0] == "Ind"}
        chosen = _by_subject(indicative or cands, near)
        if indicative and not near and all(c[2] != "3" for c in chosen):
            chosen = [c for c in cands if c[0] == "Sub" and c[2] == "3"] or chosen
        if len(set(chosen)) > 1:
            continue
        mood, tense, person, number = chosen[0]
        out[i] = {"Mood": mood, "Tense": tense, "Person": person, "Number": number, "VerbForm": "Fin"}
    return out


# --------------------------------------------------------------------------- DocBins


def gold_doc(vocab, s: Sent, keep: tuple[str, ...] | None):
    """A fully annotated sentence; the tagger's label is the UPOS too."""
    from spacy.tokens import Doc

    return Doc(vocab, words=s.words, spaces=s.spaces, tags=s.upos, pos=s.upos, lemmas=s.lemmas,
               morphs=[feats_str(f, keep) for f in s.feats], heads=s.heads, deps=s.deps)


def partial_doc(vocab, row: dict, upos_key: str, keep: tuple[str, ...], verbs: bool, lemmas: bool):
    """A UPOS-only sentence: the tagger learns every token; with `verbs` the morphologizer learns the
    silver verbs (POS + features) and nothing else (POS and morph left empty = missing)."""
    from spacy.tokens import Doc

    kw: dict = {"words": row["words"], "tags": row[upos_key]}  # "" = no tag: the tagger skips the token
    if verbs:
        kw["pos"] = [u if f is not None else "" for u, f in zip(row["upos_harm"], row["verbs"], strict=True)]
    if lemmas:
        kw["lemmas"] = row["lemmas"]
    doc = Doc(vocab, **kw)
    if verbs:
        # morph left unset (not "_", which would mean "no features") on every other token
        for token, f in zip(doc, row["verbs"], strict=True):
            if f is not None:
                token.set_morph(feats_str(f, keep) or "_")
    return doc


def save(docs, path: Path) -> None:
    from spacy.tokens import DocBin

    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(attrs=["ORTH", "TAG", "POS", "MORPH", "HEAD", "DEP", "LEMMA"], docs=docs, store_user_data=False).to_disk(path)


def _silver_accuracy(gold: list[Sent], silver: list[list[tuple[str, str]]]) -> dict:
    """How well silver_verb_feats reproduces the gold verbal features (GSD dev + PUD)."""
    verbs = covered = exact = tp = fp = fn = 0
    for s, tags in zip(gold, silver, strict=True):
        for u, f, p in zip(s.upos, s.feats, silver_verb_feats(s.words, s.upos, tags), strict=True):
            if u not in ("VERB", "AUX"):
                continue
            verbs += 1
            g = {k: v for k, v in f.items() if k in CORE_FEATS}
            gs = g.get("Mood") == SUB
            fn += gs and (p is None or p.get("Mood") != SUB)
            if p is None:
                continue
            covered += 1
            exact += p == g
            tp += gs and p.get("Mood") == SUB
            fp += p.get("Mood") == SUB and not gs
    return {"verbs": verbs, "coverage": round(covered / verbs, 4), "exact": round(exact / covered, 4),
            "sub": _prf(tp, fp, fn)}


def prepare() -> None:
    """Gold DocBins (GSD dev + PUD for training, GSD test) and JSONL rows for the partial data."""
    import spacy

    vocab = spacy.blank("de").vocab
    gsd_dev = read_conllu(UD / "de_gsd-ud-dev.conllu")
    pud = [harmonize_pud(s) for s in read_conllu(UD / "de_pud-ud-test.conllu")]
    test = read_conllu(UD / "de_gsd-ud-test.conllu")
    train = read_upos_only(UD / "de_gsd-ud-train.upos-only.txt")
    full = gsd_dev + pud
    full_silver = hanta_tags("gsd_dev", [s.words for s in gsd_dev]) + hanta_tags("pud", [s.words for s in pud])
    table = stts_to_upos_table(full, full_silver)
    train_silver = hanta_tags("gsd_train", [s.words for s in train])
    test_silver = hanta_tags("gsd_test", [s.words for s in test])

    corpus = WORK / "corpus"
    for name, keep in (("full", None), ("core", CORE_FEATS)):
        save([gold_doc(vocab, s, keep) for s in full], corpus / f"ud_{name}.spacy")
        save([gold_doc(vocab, s, keep) for s in test], corpus / f"test_{name}.spacy")

    raw = [list(s.upos) for s in train]
    changed = harmonize_upos(train, train_silver, table)
    with (corpus / "gsd_train.jsonl").open("w", encoding="utf8") as fh:
        for s, old, tags in zip(train, raw, train_silver, strict=True):
            hanta = silver_upos(s.words, tags, table)
            row = {"words": s.words, "upos_raw": old, "upos_harm": s.upos,
                   "upos_agree": [u if u == h else "" for u, h in zip(s.upos, hanta, strict=True)],
                   "lemmas": [lem for lem, _ in tags], "verbs": silver_verb_feats(s.words, s.upos, tags)}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    ge = read_germeval(GERMEVAL / "NER-de-test.tsv") + read_germeval(GERMEVAL / "NER-de-dev.tsv")
    ge_tags = hanta_tags("germeval", ge)
    with (corpus / "germeval.jsonl").open("w", encoding="utf8") as fh:
        for words, tags in zip(ge, ge_tags, strict=True):
            upos = silver_upos(words, tags, table)
            row = {"words": words, "upos_harm": upos, "lemmas": [lem for lem, _ in tags],
                   "verbs": silver_verb_feats(words, upos, tags)}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")

    # reference point on GSD test: HanTa (STTS mapped to UPOS with the same table)
    ok = sum(u == p for s, t in zip(test, test_silver, strict=True)
             for u, p in zip(s.upos, silver_upos(s.words, t, table), strict=True))
    n = sum(len(s.words) for s in test)
    info = {"gsd_train_sentences": len(train), "gsd_train_tokens": sum(len(s.words) for s in train),
            "harmonized_tags": changed, "full_sentences": len(full), "full_tokens": sum(len(s.words) for s in full),
            "germeval_sentences": len(ge), "test_sentences": len(test), "test_tokens": n,
            "hanta_upos_acc_test": round(ok / n, 4), "silver_verbs_on_gold": _silver_accuracy(full, full_silver)}
    (corpus / "info.json").write_text(json.dumps(info, indent=2))
    print(json.dumps(info, indent=2))


# --------------------------------------------------------------------------- configurations


@dataclass(frozen=True)
class Variant:
    components: tuple[str, ...] = ("tagger", "morphologizer", "parser")
    feats: str = "full"  # "full" (all UD features) or "core" (Mood, Tense, VerbForm, Person, Number)
    train_pos: str = "harm"  # GSD train for the tagger: "none", "raw", "harm", "agree" (harm where HanTa agrees)
    silver_verbs: bool = False  # + silver verbal features on GSD train verbs (morphologizer)
    germeval: bool = False  # + GermEval text with HanTa UPOS (and silver verbs if silver_verbs)
    lemma: bool = False  # + trainable lemmatizer (gold lemmas, HanTa lemmas on GSD train)
    upsample: int = 2  # copies of the fully annotated sentences per epoch
    width: int = 96
    depth: int = 4
    rows: tuple[int, int, int, int] = (5000, 2000, 3000, 1000)  # NORM, PREFIX, SUFFIX, SHAPE
    parser_hidden: int = 64
    steps: int = 3000
    note: str = ""


NARROW = {"width": 64, "depth": 3, "rows": (4000, 1500, 2500, 500)}
VARIANTS: dict[str, Variant] = {
    "gold96": Variant(train_pos="none", note="GSD dev + PUD only, like the baseline"),
    "raw96": Variant(train_pos="raw", note="+ GSD train UPOS as published (UD 2.3 conventions)"),
    "harm96": Variant(note="+ GSD train UPOS harmonized to current conventions"),
    "core96": Variant(feats="core", note="morphologizer on the five verbal features only"),
    "verbs96": Variant(feats="core", silver_verbs=True, note="+ silver verbal features on GSD train"),
    "ge96": Variant(feats="core", silver_verbs=True, germeval=True, note="+ GermEval text, silver UPOS and verbs"),
    "ge64": Variant(feats="core", silver_verbs=True, germeval=True, **NARROW, note="narrow, + GermEval silver"),
    "agree64": Variant(feats="core", train_pos="agree", silver_verbs=True, germeval=True, **NARROW, steps=6000,
                       note="narrow, + GermEval silver, GSD train tags only where HanTa agrees, 6000 steps"),
    "ge64long": Variant(feats="core", silver_verbs=True, germeval=True, **NARROW, steps=6000,
                        note="narrow, + GermEval silver, 6000 steps"),
    "ge64up": Variant(feats="core", silver_verbs=True, germeval=True, **NARROW, upsample=4,
                      note="narrow, + GermEval silver, gold sentences 4x"),
    "verbs64": Variant(feats="core", silver_verbs=True, **NARROW, note="narrow tok2vec"),
    "tm64": Variant(components=("tagger", "morphologizer"), feats="core", silver_verbs=True, **NARROW,
                    note="narrow, no parser"),
    "tml64": Variant(components=("tagger", "morphologizer", "trainable_lemmatizer"), feats="core",
                     silver_verbs=True, lemma=True, **NARROW, note="narrow, + lemmatizer"),
}


def config_text(v: Variant) -> str:
    listener = """
[components.{name}.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${{components.tok2vec.model.encode.width}}
upstream = "*"
"""
    blocks = {
        "tagger": """
[components.tagger]
factory = "tagger"
neg_prefix = "!"
overwrite = false

[components.tagger.model]
@architectures = "spacy.Tagger.v2"
nO = null
normalize = false
""",
        "morphologizer": """
[components.morphologizer]
factory = "morphologizer"
extend = false
overwrite = true

[components.morphologizer.model]
@architectures = "spacy.Tagger.v2"
nO = null
normalize = false
""",
        "parser": f"""
[components.parser]
factory = "parser"
learn_tokens = false
min_action_freq = 5
moves = null
update_with_oracle_cut_size = 100

[components.parser.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "parser"
extra_state_tokens = false
hidden_width = {v.parser_hidden}
maxout_pieces = 2
use_upper = true
nO = null
""",
        "trainable_lemmatizer": """
[components.trainable_lemmatizer]
factory = "trainable_lemmatizer"
backoff = "orth"
min_tree_freq = 3
overwrite = false
top_k = 1

[components.trainable_lemmatizer.model]
@architectures = "spacy.Tagger.v2"
nO = null
normalize = false
""",
    }
    comps = "".join(blocks[c] + listener.format(name=c) for c in v.components)
    weights = {"tagger": {"tag_acc": 1.0}, "morphologizer": {"pos_acc": 0.5, "morph_acc": 1.0},
               "parser": {"dep_uas": 0.5, "dep_las": 0.5},
               "trainable_lemmatizer": {"lemma_acc": 0.5}}
    score_weights = "\n".join(f"{k} = {w}" for c in v.components for k, w in weights[c].items())
    pipeline = json.dumps(["tok2vec", *v.components])
    return f"""
[paths]
train = null
dev = null

[system]
gpu_allocator = null
seed = 0

[nlp]
lang = "de"
pipeline = {pipeline}
batch_size = 256
tokenizer = {{"@tokenizers":"spacy.Tokenizer.v1"}}

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = ${{components.tok2vec.model.encode.width}}
attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
rows = {list(v.rows)}
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {v.width}
depth = {v.depth}
window_size = 1
maxout_pieces = 3
{comps}
[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}
max_length = 0

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}
max_length = 0

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${{system.seed}}
gpu_allocator = ${{system.gpu_allocator}}
dropout = 0.1
accumulate_gradient = 1
patience = 0
max_epochs = 0
max_steps = {v.steps}
eval_frequency = 500
frozen_components = []
annotating_components = []
before_to_disk = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = 0.001

[training.score_weights]
{score_weights}

[pretraining]

[initialize]
vectors = null
init_tok2vec = null
vocab_data = null
lookups = null
before_init = null
after_init = null

[initialize.components]

[initialize.tokenizer]
"""


def train(name: str) -> Path:
    import spacy
    from spacy.tokens import DocBin

    v = VARIANTS[name]
    run = WORK / "runs" / name
    data = run / "train"
    if data.exists():
        shutil.rmtree(data)
    data.mkdir(parents=True)
    corpus = WORK / "corpus"
    vocab = spacy.blank("de").vocab
    keep = CORE_FEATS if v.feats == "core" else None
    docs = list(DocBin().from_disk(corpus / f"ud_{v.feats}.spacy").get_docs(vocab)) * v.upsample
    if v.train_pos != "none":
        for line in (corpus / "gsd_train.jsonl").open(encoding="utf8"):
            docs.append(partial_doc(vocab, json.loads(line), f"upos_{v.train_pos}", keep, v.silver_verbs, v.lemma))
    if v.germeval:
        for line in (corpus / "germeval.jsonl").open(encoding="utf8"):
            docs.append(partial_doc(vocab, json.loads(line), "upos_harm", keep, v.silver_verbs, v.lemma))
    random.Random(0).shuffle(docs)
    save(docs, data / "train.spacy")
    (run / "config.cfg").write_text(config_text(v))
    # The dev corpus only feeds the training log: we keep model-last (a fixed number of steps), so
    # GSD test never chooses a checkpoint.
    cmd = [sys.executable, "-m", "spacy", "train", str(run / "config.cfg"), "--output", str(run / "model"),
           "--paths.train", str(data), "--paths.dev", str(corpus / f"test_{v.feats}.spacy")]
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    t0 = time.time()
    with (run / "train.log").open("w") as log:
        subprocess.run(cmd, check=True, stdout=log, stderr=subprocess.STDOUT, env=env)
    (run / "train_seconds.txt").write_text(f"{time.time() - t0:.0f}\n")
    return run / "model" / "model-last"


# --------------------------------------------------------------------------- measuring


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def shipped_morph(pos: str, morph: dict[str, str]) -> dict[str, str]:
    """What readout.language.model reports: Mood and Tense only on VERB/AUX."""
    return morph if pos in ("VERB", "AUX") else {k: v for k, v in morph.items() if k not in ("Mood", "Tense")}


def mood_cases(tag) -> dict:
    """readout's own Konjunktiv cases (tests/language/cases_de.jsonl, news-style reported speech),
    tokenized by readout.language.de; `tag(words) -> [is_subjunctive]` per sentence."""
    sys.path.insert(0, str(ROOT / "src"))
    from readout.language import de

    met = total = 0
    failed = []
    for line in (ROOT / "tests" / "language" / "cases_de.jsonl").read_text(encoding="utf8").splitlines():
        case = json.loads(line) if line.strip() else {}
        if case.get("phenomenon") != "mood":
            continue
        subj: dict[str, list[bool]] = defaultdict(list)
        for sent in de.analyze(case["text"]):
            words = [t.text for t in sent.tokens]
            for w, sub in zip(words, tag(words), strict=True):
                subj[w].append(sub)
        for key, want in (("subjunctive", True), ("indicative", False)):
            for w in case["expect"].get(key, []):
                total += 1
                ok = bool(subj.get(w)) and all(x == want for x in subj[w])
                met += ok
                if not ok:
                    failed.append(f"{case['id']}:{w}")
    return {"met": met, "total": total, "failed": failed}


def score_docs(preds, golds, use_tagger_pos: bool) -> dict:
    """Token-level scores on gold tokens; `pos` is the tagger's tag when there is a tagger."""
    n = pos_ok = core_ok = 0
    feat_ok: Counter = Counter()
    mood_n = mood_ok = 0
    tp = fp = fn = 0
    for pred, gold in zip(preds, golds, strict=True):
        for p, g in zip(pred, gold, strict=True):
            n += 1
            ppos = p.tag_ if use_tagger_pos else p.pos_
            pos_ok += ppos == g.pos_
            pf, gf = shipped_morph(ppos, p.morph.to_dict()), g.morph.to_dict()
            core_ok += all(pf.get(k) == gf.get(k) for k in CORE_FEATS)
            for k in CORE_FEATS:
                feat_ok[k] += pf.get(k) == gf.get(k)
            if "Mood" in gf:
                mood_n += 1
                mood_ok += pf.get("Mood") == gf["Mood"]
            ps, gs = pf.get("Mood") == SUB, gf.get("Mood") == SUB
            tp += ps and gs
            fp += ps and not gs
            fn += gs and not ps
    return {"pos_acc": round(pos_ok / n, 4), "core_morph_acc": round(core_ok / n, 4),
            **{f"{k.lower()}_acc": round(feat_ok[k] / n, 4) for k in CORE_FEATS},
            "mood_acc_on_gold_mood": round(mood_ok / mood_n, 4), "sub": _prf(tp, fp, fn), "tokens": n}


def speed(nlp, words: list[list[str]], repeat: int = 3, batch_size: int = 256) -> float:
    from spacy.tokens import Doc

    best = 0.0
    n = sum(len(w) for w in words)
    for _ in range(repeat):
        docs = [Doc(nlp.vocab, words=w) for w in words]
        t0 = time.perf_counter()
        for _doc in nlp.pipe(docs, batch_size=batch_size):
            pass
        best = max(best, n / (time.perf_counter() - t0))
    return round(best)


def evaluate(name: str, model: Path | None = None) -> dict:
    """Scores on GSD test; speed on one core (run this with nothing else busy: `taskset -c 0`)."""
    import spacy
    from spacy.scorer import Scorer
    from spacy.tokens import Doc, DocBin
    from spacy.training import Example

    v = VARIANTS[name]
    model = model or WORK / "runs" / name / "model" / "model-last"
    nlp = spacy.load(model)
    gold_trained = list(DocBin().from_disk(WORK / "corpus" / f"test_{v.feats}.spacy").get_docs(nlp.vocab))
    gold_full = list(DocBin().from_disk(WORK / "corpus" / "test_full.spacy").get_docs(nlp.vocab))
    words = [[t.text for t in d] for d in gold_full]
    preds = list(nlp.pipe(Doc(nlp.vocab, words=w) for w in words))
    examples = [Example(p, g) for p, g in zip(preds, gold_trained, strict=True)]
    spacy_scores = Scorer(nlp).score(examples)
    res: dict = {"variant": name, "note": v.note, **score_docs(preds, gold_full, "tagger" in nlp.pipe_names)}
    res["morph_acc_trained_feats"] = round(spacy_scores["morph_acc"], 4)
    res["feats"] = v.feats
    res["morphologizer_pos_acc"] = round(spacy_scores["pos_acc"], 4)
    if "parser" in nlp.pipe_names:
        res["uas"] = round(spacy_scores["dep_uas"], 4)
        res["las"] = round(spacy_scores["dep_las"], 4)
    if "trainable_lemmatizer" in nlp.pipe_names:
        res["lemma_acc"] = round(spacy_scores["lemma_acc"], 4)
    tagger = "tagger" in nlp.pipe_names

    def is_sub(ws: list[str]) -> list[bool]:
        doc = nlp(Doc(nlp.vocab, words=ws))
        return [shipped_morph(t.tag_ if tagger else t.pos_, t.morph.to_dict()).get("Mood") == SUB for t in doc]

    res["mood_cases"] = mood_cases(is_sub)
    res["words_per_s"] = speed(nlp, words)
    if "parser" in nlp.pipe_names:
        with nlp.select_pipes(disable=["parser"]):
            res["words_per_s_without_parser"] = speed(nlp, words)
    res["size_mb"] = round(sum(f.stat().st_size for f in model.rglob("*") if f.is_file()) / 1e6, 2)
    secs = WORK / "runs" / name / "train_seconds.txt"
    res["train_seconds"] = int(secs.read_text()) if secs.exists() else None
    out = WORK / "runs" / name / "scores.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=2))
    print(json.dumps(res, indent=2))
    return res


def measure_speed(names: list[str]) -> None:
    """Re-measure words/s of evaluated variants under the same conditions, one after the other
    (pin to one core: `taskset -c 1 ... speed a b c`); updates their scores.json."""
    import spacy
    from spacy.tokens import DocBin

    for name in names:
        out = WORK / "runs" / name / "scores.json"
        res = json.loads(out.read_text())
        nlp = spacy.load(WORK / "runs" / name / "model" / "model-last")
        gold = DocBin().from_disk(WORK / "corpus" / "test_full.spacy").get_docs(nlp.vocab)
        words = [[t.text for t in d] for d in gold]
        res["words_per_s"] = speed(nlp, words, repeat=5)
        if "parser" in nlp.pipe_names:
            with nlp.select_pipes(disable=["parser"]):
                res["words_per_s_without_parser"] = speed(nlp, words, repeat=5)
        out.write_text(json.dumps(res, indent=2))
        print(name, res["words_per_s"], res.get("words_per_s_without_parser"))


def evaluate_rules() -> dict:
    """The rule-based analyzer (readout.language.de) tagging GSD test's gold tokens, for reference."""
    sys.path.insert(0, str(ROOT / "src"))
    from readout.language import de
    from readout.model import Token

    test = read_conllu(UD / "de_gsd-ud-test.conllu")
    n = pos_ok = tp = fp = fn = 0
    for s in test:
        toks = [Token(0, 0, w, w) for w in s.words]
        for i, t in enumerate(toks):
            de._tag(t, toks[i - 1] if i else None, i == 0)
        for t, upos, f in zip(toks, s.upos, s.feats, strict=True):
            n += 1
            pos_ok += t.pos == upos
            ps, gs = (t.mood or "").startswith("Sub"), f.get("Mood") == SUB
            tp += ps and gs
            fp += ps and not gs
            fn += gs and not ps
    res = {"variant": "rules (de.py)", "pos_acc": round(pos_ok / n, 4), "sub": _prf(tp, fp, fn)}

    def is_sub(ws: list[str]) -> list[bool]:
        toks = [Token(0, 0, w, w) for w in ws]
        for i, t in enumerate(toks):
            de._tag(t, toks[i - 1] if i else None, i == 0)
        return [(t.mood or "").startswith("Sub") for t in toks]

    res["mood_cases"] = mood_cases(is_sub)
    out = WORK / "runs" / "rules" / "scores.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=2))
    print(json.dumps(res, indent=2))
    return res


def table() -> str:
    """Markdown table of every evaluated variant (docs/language.md)."""
    rows = []
    order = [*VARIANTS, "rules"]
    for name in order:
        f = WORK / "runs" / name / "scores.json"
        if not f.exists():
            continue
        r = json.loads(f.read_text())

        def pct(k: str, r: dict = r) -> str:
            return f"{100 * r[k]:.1f}" if isinstance(r.get(k), float) else "–"

        def kws(k: str, r: dict = r) -> str:
            return f"{r[k] / 1000:.1f}k" if r.get(k) else "–"

        sub = r.get("sub", {})
        cases = r.get("mood_cases", {})
        parser = "parser" in VARIANTS[name].components if name in VARIANTS else False
        tag_speed = kws("words_per_s_without_parser") if parser else kws("words_per_s")
        rows.append(f"| {r['variant']} | {pct('pos_acc')} | {pct('morph_acc_trained_feats')} | {pct('core_morph_acc')} "
                    f"| {pct('mood_acc_on_gold_mood')} | {100 * sub.get('p', 0):.0f} / {100 * sub.get('r', 0):.0f} / "
                    f"{100 * sub.get('f', 0):.0f} | {cases.get('met', '–')}/{cases.get('total', '–')} "
                    f"| {pct('uas')} | {pct('las')} | {pct('lemma_acc')} | {tag_speed} "
                    f"| {kws('words_per_s') if parser else '–'} | {r.get('size_mb', '–')} "
                    f"| {round(r['train_seconds'] / 60) if r.get('train_seconds') else '–'} |")
    head = ("| variant | POS | morph (trained feats) | verbal morph (5 feats) | Mood | Konjunktiv P / R / F "
            "| mood cases | UAS | LAS | lemma | words/s tag+morph | words/s + parser | MB | train min |\n"
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    text = head + "\n" + "\n".join(rows)
    print(text)
    return text


def _predictions(nlp, words: list[list[str]]) -> list:
    from spacy.tokens import Doc

    return [[(t.tag_, t.pos_, str(t.morph), t.head.i, t.dep_, t.lemma_) for t in d]
            for d in nlp.pipe(Doc(nlp.vocab, words=w) for w in words)]


def ship(name: str) -> None:
    """Copy a trained variant into the package, without the training vocabulary's strings.

    strings.json holds every word seen in training (1.7 MB); the hash embeddings compute their
    features from the text and the labels are re-added from the components' own files, so the
    copy predicts exactly as the original — checked here on GSD test before anything is kept."""
    import spacy
    from spacy.tokens import DocBin

    src = WORK / "runs" / name / "model" / "model-last"
    nlp = spacy.load(src)
    nlp.meta.update({"name": "core", "version": "0.1.0", "description":
                     f"readout German tagger/morphologizer, variant {name}: {VARIANTS[name].note}",
                     "license": "CC BY-SA 4.0 (trained on UD German-GSD and -PUD)", "sources": [
                         {"name": "UD German-GSD", "license": "CC BY-SA 4.0"},
                         {"name": "UD German-PUD", "license": "CC BY-SA 3.0"}]})
    tmp = SHIP_DIR.with_name(SHIP_DIR.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(tmp)
    (tmp / "vocab" / "strings.json").write_text("[]\n")
    gold = DocBin().from_disk(WORK / "corpus" / "test_full.spacy").get_docs(nlp.vocab)
    words = [[t.text for t in d] for d in gold]
    if _predictions(spacy.load(tmp), words) != _predictions(nlp, words):
        shutil.rmtree(tmp)
        raise SystemExit("the copy without strings predicts differently; nothing shipped")
    scores = WORK / "runs" / name / "scores.json"
    if scores.exists():
        shutil.copy(scores, tmp / "scores.json")
    shutil.rmtree(SHIP_DIR, ignore_errors=True)
    tmp.rename(SHIP_DIR)
    size = sum(f.stat().st_size for f in SHIP_DIR.rglob("*") if f.is_file()) / 1e6
    print(f"shipped {name} -> {SHIP_DIR} ({size:.1f} MB)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["prepare", "train", "evaluate", "rules", "speed", "table", "ship", "all"])
    ap.add_argument("variant", nargs="*", help=f"one of {', '.join(VARIANTS)} (default: {SHIP})")
    ap.add_argument("--steps", type=int, help="override the variant's number of training steps")
    a = ap.parse_args()
    a.variant = a.variant or [SHIP]
    if unknown := [v for v in a.variant if v not in VARIANTS]:
        ap.error(f"unknown variant {unknown[0]!r}; choose from {', '.join(VARIANTS)}")
    name = a.variant[0]
    if a.steps:
        VARIANTS[name] = replace(VARIANTS[name], steps=a.steps)
    if a.command == "prepare":
        prepare()
    elif a.command == "train":
        train(name)
    elif a.command == "evaluate":
        evaluate(name)
    elif a.command == "rules":
        evaluate_rules()
    elif a.command == "speed":
        measure_speed(a.variant)
    elif a.command == "table":
        table()
    elif a.command == "ship":
        ship(name)
    else:
        prepare()
        train(name)
        evaluate(name)
        ship(name)


if __name__ == "__main__":
    main()
