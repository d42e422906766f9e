"""Stories: one real-world occurrence across all articles.

A story is a contact together with its outcomes, or a separate incident. Within a document the
events stage already links outcomes to their contact (``links: outcome_of``); outcomes it left
unlinked join the contact they follow, or share a clause with, when their parties and date fit.
Across documents, groups are joined when they are the same kind of thing, with the same
participants, compatible dates (at whatever precision each has, a weekday or week named in a
month-dated report included) and sequence numbers, and, when no precise date decides, overlapping
content: words within one language, concepts and numbers across languages. Candidates are blocked
by participants and kind, so the work stays near linear in the number of documents.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib.resources import files
from typing import Any

from readout.model import stable_id

# What a call or meeting yields: agreements, concessions, demands, refusals, reproaches, backing. A threat
# is mostly told as the standing pressure around a contact, not as raised in it.
# A separate incident (an attack, a sanction, a release carried out) is a story of its own.
OUTCOME_TYPES = frozenset({"AGREE", "CONCEDE", "REQUEST", "REJECT", "ACCUSE", "SUPPORT", "COOPERATE"})
# Share of the smaller group's content (words and concepts) the other must share when dates alone
# cannot decide: participants and kind already agree at that point, so the bar is moderate.
SIMILARITY_FOR_UNDATED = 0.25
# ... and never on a single shared word or concept: one in common ("drones") is chance.
MIN_SHARED = 2
# A short report all of whose content (this share of it) a longer one also tells is a brief of the same
# occurrence, however much more the longer one says ("im Weißen Haus empfangen" in three lines).
CONTAINED = 0.6
# Undated incidents: twice the bar (attacks, sanctions recur and are told in the same words).
SIMILARITY_FOR_UNDATED_INCIDENT = 0.5
# A stem inside a word counts only after a first part of at least this many letters: the head of a
# compound ("Gefangenen|austausch", "Raketen|schläge"), not a prefix ("ver|handeln", "Vor|schläge").
COMPOUND_HEAD = 4
# Stems this short count only at the start of a word: "land" is no territory in "Russland", nor
# "aid" help in "said".
SHORT_STEM = 4


@cache
def _concepts() -> list[tuple[str, str]]:
    data = json.loads(files("readout").joinpath("data", "stories", "concepts.json").read_text(encoding="utf-8"))
    return [(stem, name) for name, stems in data.items() if not name.startswith("_") for stem in stems]


@cache
def _concept_patterns() -> list[tuple[str, re.Pattern[str], str]]:
    out = []
    for stem, name in _concepts():
        inside = "" if len(stem) <= SHORT_STEM else rf"|(?<=[^\W\d_]{{{COMPOUND_HEAD}}})"
        out.append((stem, re.compile(rf"(?:(?<![^\W\d_]){inside}){re.escape(stem)}"), name))
    return out


def concepts_in(text: str) -> set[str]:
    """The concepts (concepts.json) a text names, in either language: a word names one when it starts
    with one of its stems or, for longer stems, ends a compound with it. Within a longer stem's match a
    shorter one does not count: "Waffenruhe" is a ceasefire, not weapons."""
    low = text.lower()
    hits = [(m.start(), m.end(), name) for stem, pattern, name in _concept_patterns() if stem in low
            for m in pattern.finditer(low)]
    return {name for s, e, name in hits
            if not any(s2 <= s and e <= e2 and e2 - s2 > e - s and n2 != name for s2, e2, n2 in hits)}


@cache
def _cues() -> dict[str, Any]:
    data = json.loads(files("readout").joinpath("data", "stories", "cues.json").read_text(encoding="utf-8"))
    return {name: value for name, value in data.items() if not name.startswith("_")}


@dataclass
class Group:
    doc_id: str
    kind: str  # "contact" or the incident's event type
    keys: frozenset[str]
    date: str | None
    precision: str
    sequence: int | None
    events: list[dict[str, Any]] = field(default_factory=list)
    words: set[str] = field(default_factory=set)
    story: int = -1

    @property
    def amounts(self) -> set[float]:
        """How many people the events count (prisoners exchanged, released): different numbers, different deals."""
        return {float(q["value"]) for e in self.events for q in e.get("quantities") or []
                if isinstance(q, dict) and q.get("unit") == "person" and (q.get("value") or 0) >= 10}

    @cached_property
    def lang(self) -> str:
        from readout.language import detect

        return detect(" ".join(sp.get("text", "") for e in self.events for sp in e.get("evidence") or []))

    @property
    def block(self) -> str:
        """What the group is compared with: its kind; a meeting announced for a given day ("will am
        Montag mit Putin telefonieren") with the contacts held, since it is the same occurrence as the
        one held that day."""
        return "contact" if self.kind == "CONSULT:planned" and self.precision == "day" else self.kind

    @cached_property
    def day_window(self) -> tuple[str, dt.date | None, int | None]:
        return _day_window(self)

    def absorb(self, other: Group) -> None:
        """Take ``other``'s events into this group (an outcome, an agreed meeting of the same article)."""
        self.events.extend(other.events)
        self.words |= other.words
        self.__dict__.pop("lang", None)


def _keys(ev: dict[str, Any]) -> frozenset[str]:
    out = set()
    for a in (ev.get("actors") or []) + (ev.get("recipients") or []):
        k = a.get("country") or (f"IGO:{a['org']}" if a.get("org") else None)
        if k:
            out.add(k)
    return frozenset(out)


@cache
def _stop_words() -> frozenset[str]:
    """Words that tell nothing about which occurrence a report is of (cues.json ``stop``, both
    languages): function words, titles, the words for a call or meeting itself, weekdays and months
    (the date already compares them), nationality adjectives (the participants already do)."""
    return frozenset(_fold(w) for words in _cues().get("stop", {}).values() for w in words)


def _fold(word: str) -> str:
    """One spelling for German and Swiss outlets ("Weißen"/"Weissen")."""
    return word.replace("ß", "ss")


@cache
def _kb() -> dict[str, frozenset[str]]:
    """Single-word names the knowledge base knows, with the countries they stand for ("Russland",
    "russischen", "Kreml", "Moskau", "Putin" -> RUS)."""
    from readout.entities.kb import load_kb

    return {form: frozenset(s.country for s in surfaces if s.country)
            for form, surfaces in load_kb().surfaces.items() if " " not in form}


def _content_words(ev: dict[str, Any]) -> set[str]:
    """Capitalised content words of the evidence and the concepts they name, without the names of
    the participants and of their countries, capitals and seats of government (which the blocking
    already compares: "Russia" in two reports of Russian deeds says nothing about which deed)."""
    names = {_fold(p.lower()) for a in (ev.get("actors") or []) + (ev.get("recipients") or [])
             for p in re.findall(r"\w+", a.get("name") or "")}
    keys = _keys(ev)
    stop, kb = _stop_words(), _kb()
    out = set()
    for sp in ev.get("evidence") or []:
        for w in re.findall(r"[A-ZÄÖÜ][\wäöüß-]{3,}", sp.get("text", "")):
            for form in w.split("-"):
                part = _fold(form.lower())
                if (len(part) > 3 and part not in stop and part.rstrip("s") not in names and part not in names
                        and not kb.get(form, frozenset()) & keys):
                    out.add(part)
        low = sp.get("text", "").lower()
        out |= {f"#{name}" for name in concepts_in(low)}
    return out | _numbers(ev)


def _numbers(ev: dict[str, Any]) -> set[str]:
    """The counts an event gives (175 prisoners, 30 days, 50 percent) as concepts: a number reads the
    same in every language, so two reports of one deal share it wherever they come from. Durations
    of the contact are left out (reports round them differently)."""
    return {f"#n{float(q['value']):g}" for q in ev.get("quantities") or []
            if isinstance(q, dict) and isinstance(q.get("value"), (int, float)) and q["value"] >= 2
            and q.get("what") != "duration" and q.get("unit") not in ("minute", "hour")}


def _day_window(g: Group) -> tuple[str, dt.date | None, int | None]:
    """What a contact dated coarser than a day still says about its day: the week ("in der vergangenen
    Woche": the week of 17 March, from the time stage's basis) or the weekday ("am Mittwoch" in an
    article dated only by its month). Returns (anchor, week start, weekday): anchor is "anchored" when
    the report also has a month or week, "unanchored" for a bare weekday, "" when it says nothing."""
    date = g.events[0].get("date") or {}
    if g.precision == "day" or g.events[0].get("type") != "CONSULT":
        return "", None, None
    week = re.search(r"week of (\d{4}-\d{2}-\d{2})", str(date.get("basis") or ""))
    if week and g.date:
        try:
            return "anchored", dt.date.fromisoformat(week.group(1)), None
        except ValueError:
            return "", None, None
    text = str(date.get("text") or "").lower()
    if any(w in text for w in ("nacht", "night")):
        return "", None, None  # "in der Nacht zu Freitag": which day the text means is unsure
    names: dict[str, int] = _cues().get("weekdays", {})
    day = next((i for w, i in names.items() if re.search(rf"(?<!\w){w}(?!\w)", text)), None)
    if day is None:
        return "", None, None
    return ("anchored" if g.date else "unanchored"), None, day


def _day_fit(coarse: Group, day: str, near: bool) -> str:
    """Whether ``day`` fits what ``coarse`` says of its day: "fits", "near" (a day off, see
    ``_dates_compatible``), "no", or "unknown" (it says nothing, or only a weekday of no known month)."""
    anchor, week, weekday = coarse.day_window
    if not anchor:
        return "unknown"
    try:
        d = dt.date.fromisoformat(day)
    except ValueError:
        return "unknown"

    def inside(x: dt.date) -> bool:
        return 0 <= (x - week).days <= 6 if week is not None else x.weekday() == weekday

    if inside(d):
        return "fits" if anchor == "anchored" else "unknown"
    one = dt.timedelta(days=1)
    return "near" if near and (inside(d - one) or inside(d + one)) else "no"


def _days_apart(a: str, b: str) -> int | None:
    if len(a) != 10 or len(b) != 10:
        return None
    try:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)
    except ValueError:
        return None


def _dates_compatible(a: str | None, b: str | None, near: bool = False) -> bool:
    """Dates that can be one occurrence's: equal, or one the coarser value of the other; with ``near``,
    also days next to each other (a call late in Washington is the next day in Moscow, and a report
    may date the call by the day the Kremlin spoke of it)."""
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a) or (near and _days_apart(a, b) == 1)


def _overlap(a: set[str], b: set[str], briefs: bool = True) -> float:
    """How much content ``a`` and ``b`` share; with ``briefs``, a short one contained in the other counts."""
    if not a or not b:
        return 0.0
    hits = _hits(a, b)
    if hits < MIN_SHARED:
        return 0.0
    # Dice: a short report does not look similar to everything just by being short ...
    dice = 2 * hits / (len(a) + len(b))
    # ... unless nearly all it says is in the other; then it just passes, so closer matches go first
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    if briefs and _hits(small, big) / len(small) >= CONTAINED:
        return max(dice, SIMILARITY_FOR_UNDATED)
    return dice


def _hits(a: set[str], b: set[str]) -> int:
    """Items of ``a`` that ``b`` also has; compounds count ("energie-infrastruktur" and "infrastruktur")."""
    return sum(1 for w in a if w in b or any(w in x or x in w for x in b if len(x) > 5 and len(w) > 5))


def _groups(events: list[dict[str, Any]]) -> list[Group]:
    by_id = {e["id"]: e for e in events}
    groups: dict[str, Group] = {}
    order: list[Group] = []
    for ev in events:
        parent = next((ln["event_id"] for ln in ev.get("links") or [] if ln.get("rel") in ("outcome_of", "same_as")), None)
        if parent and parent in groups:
            g = groups[parent]
            g.events.append(ev)
            g.words |= _content_words(ev)
            groups[ev["id"]] = g
            continue
        contact = ev["type"] == "CONSULT" and ev.get("modality") == "asserted"
        date = (ev.get("date") or {}).get("value")
        g = Group(ev["doc_id"], "contact" if contact else f"{ev['type']}:{ev.get('modality')}", _keys(ev), date,
                  (ev.get("date") or {}).get("precision") or "unknown", ev.get("sequence"), [ev], _content_words(ev))
        groups[ev["id"]] = g
        order.append(g)
        del parent
    del by_id
    return _attach_outcomes(_fold_agreed_contacts(order))


def _spans(ev: dict[str, Any]) -> list[tuple[int, int]]:
    return [(sp["start"], sp["end"]) for sp in ev.get("evidence") or []
            if sp.get("doc_id", ev["doc_id"]) == ev["doc_id"] and isinstance(sp.get("start"), int)]


def _start(g: Group) -> int:
    """Where the group is first told in its article (the head event's first evidence)."""
    return min((s for s, _ in _spans(g.events[0])), default=0)


def _overlapping(a: dict[str, Any], b: dict[str, Any], first: bool = False) -> bool:
    """Evidence of ``a`` and ``b`` overlaps; with ``first``, only where each is first told (an event's
    later spans are its mentions further on)."""
    sa, sb = (_spans(a)[:1], _spans(b)[:1]) if first else (_spans(a), _spans(b))
    return any(s1 < e2 and s2 < e1 for s1, e1 in sa for s2, e2 in sb)


def _same_clause(a: Group, b: Group) -> bool:
    """The head events' evidence overlaps: one clause tells both ("bei ihren Verhandlungen … vereinbart")."""
    return _overlapping(a.events[0], b.events[0])


def _fold_agreed_contacts(groups: list[Group]) -> list[Group]:
    """A contact told in the very clause of another contact's outcome, between parties the outcome
    names, is what was agreed there ("Putin confirmed Russia's readiness to resume negotiations with
    Ukraine"), not a contact held: it stays in the story of the call that produced it, and so do the
    outcomes the events stage hung on it."""
    contacts: dict[str, list[Group]] = defaultdict(list)
    for g in groups:
        if g.kind == "contact":
            contacts[g.doc_id].append(g)
    folded: set[int] = set()
    for g in groups:
        if g.kind != "contact":
            continue
        host = next((h for h in contacts[g.doc_id] if h is not g and id(h) not in folded
                     and any(o["type"] in OUTCOME_TYPES and g.keys <= _keys(o) and _overlapping(o, g.events[0], first=True)
                             for o in h.events[1:])), None)
        if host is not None:
            host.absorb(g)
            folded.add(id(g))
    return [g for g in groups if id(g) not in folded]


def _anterior(g: Group) -> bool:
    """The outcome is told in a tense of before ("hatten sich … geeinigt"): an earlier deal recalled, not
    one of this contact. Only where the tense is unambiguous: English backshifts reported speech ("said
    the two sides had agreed"), so 'had' tells nothing there."""
    words = _cues().get("anterior", {}).get(g.lang, [])
    text = " ".join(sp.get("text", "") for sp in g.events[0].get("evidence") or []).lower()
    return any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", text) for w in words)


def _outcome_date_fits(outcome: Group, contact: Group) -> bool:
    """An outcome dates from its contact: undated, or as precise as the contact or coarser ("im März"
    for a call on 18 March). A date of its own that the contact does not have (another day, a finer
    date, any date against an undated contact) tells of another occasion."""
    if not outcome.date:
        return True
    return contact.date is not None and contact.date.startswith(outcome.date)


def _contact_of(outcome: Group, contacts: list[Group]) -> Group | None:
    """The contact of the same article whose outcome ``outcome`` is, where the events stage left it
    unlinked. Its parties must be among the contact's (a demand of Moscow's in the report of a
    Moscow-Washington meeting), and it is either told in the contact's very clause or after the
    contact, with a fitting date and no tense of before; among several, the contact told last
    before it (the one the article is talking about at that point)."""
    if outcome.events[0]["type"] not in OUTCOME_TYPES or not outcome.keys:
        return None
    fits = [c for c in contacts if outcome.keys <= c.keys]
    same = [c for c in fits if _same_clause(outcome, c)]
    if same:
        return same[0]
    if _anterior(outcome):
        return None
    before = [c for c in fits if _start(c) <= _start(outcome) and _outcome_date_fits(outcome, c)]
    return max(before, key=_start, default=None)


def _attach_outcomes(groups: list[Group]) -> list[Group]:
    """Outcomes the events stage did not link to their contact (a backshifted "had agreed", a refusal
    told in the next paragraph) join the contact's group, so they share its story everywhere."""
    contacts: dict[str, list[Group]] = defaultdict(list)
    for g in groups:
        if g.kind == "contact":
            contacts[g.doc_id].append(g)
    out = []
    for g in groups:
        target = _contact_of(g, contacts[g.doc_id]) if g.kind != "contact" else None
        if target is None:
            out.append(g)
            continue
        target.absorb(g)
    return out


def _same_story(a: Group, b: Group, nested: bool = False) -> float:
    """0 when ``a`` and ``b`` cannot be one occurrence, else the strength of the evidence that they are.
    ``nested``: one report names a participant more (a mediator or host) than the other."""
    if a.doc_id == b.doc_id or a.block != b.block or not a.keys or (a.keys != b.keys and not nested):
        return 0.0
    if a.kind != b.kind or a.kind != a.block:  # an announced meeting: only the one held that very day
        return 2.0 + _overlap(a.words, b.words) if a.date and a.date == b.date else 0.0
    if a.sequence and b.sequence and a.sequence != b.sequence:
        return 0.0
    if not _dates_compatible(a.date, b.date, near=a.kind == "contact"):
        return 0.0
    if a.amounts and b.amounts and not (a.amounts & b.amounts) and a.lang == b.lang:
        return 0.0  # "1200 Gefangene" and "tausend Gefangene": two exchanges (across languages a report may differ)
    # an incident told without a date is mostly a habit ("hat seine Drohnenangriffe ausgeweitet"):
    # it joins another only when the two read much alike, never as a brief of it
    undated_incident = a.kind != "contact" and not (a.date and b.date)
    if a.lang != b.lang:  # across languages only the concepts can be compared
        overlap = _overlap({w for w in a.words if w.startswith("#")}, {w for w in b.words if w.startswith("#")},
                           briefs=not undated_incident)
    else:
        overlap = _overlap(a.words, b.words, briefs=not undated_incident)
    if undated_incident and overlap < SIMILARITY_FOR_UNDATED_INCIDENT:
        return 0.0
    if a.date and b.date and a.precision == b.precision == "day" and a.date == b.date:
        return 2.0 + overlap
    if (a.precision == "day") != (b.precision == "day"):
        # a report dated only by its month (or undated) may still name the weekday or the week
        day, coarse = (a, b) if a.precision == "day" else (b, a)
        fit = _day_fit(coarse, day.date or "", near=a.kind == "contact")
        if fit == "no":
            return 0.0
        if fit == "fits":
            return 1.5 + overlap  # the same participants on that very weekday of that month
    if overlap < SIMILARITY_FOR_UNDATED:
        return 0.0
    return overlap + (0.5 if a.date and b.date else 0.0)


def build_stories(events: list[dict[str, Any]]) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Assign ``cluster_id`` to every event; returns (event id -> cluster id, story records)."""
    groups = _groups(events)
    blocks: dict[tuple[str, frozenset[str]], list[Group]] = defaultdict(list)
    for g in groups:
        blocks[(g.block, g.keys)].append(g)
    parent = list(range(len(groups)))
    index = {id(g): i for i, g in enumerate(groups)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # strongest evidence first (same day, then by content overlap), and never a union that would
    # put two incompatible dates or two sequence numbers in one story: an undated report must not
    # bridge March and May, nor an unnumbered one the first round of talks and the third
    candidates: list[tuple[float, int, int]] = []
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                strength = _same_story(a, b)
                if strength:
                    candidates.append((-strength, index[id(a)], index[id(b)]))
    # one report names the host or mediator of a meeting, the other only the two sides: the same meeting when
    # both are dated to the same day
    by_block: dict[str, list[frozenset[str]]] = defaultdict(list)
    for block_name, keys in blocks:
        by_block[block_name].append(keys)
    for block_name, key_sets in by_block.items():
        for k1 in key_sets:
            for k2 in key_sets:
                if not (len(k1) >= 2 and k1 < k2 and len(k2 - k1) <= 3):
                    continue
                for a in blocks[(block_name, k1)]:
                    for b in blocks[(block_name, k2)]:
                        if a.date and a.date == b.date and a.precision == b.precision == "day":
                            strength = _same_story(a, b, nested=True)
                            if strength:
                                candidates.append((-strength + 0.5, index[id(a)], index[id(b)]))
    candidates.sort()
    dates: dict[int, set[str]] = {i: ({g.date} if g.date else set()) for i, g in enumerate(groups)}
    seqs: dict[int, set[int]] = {i: ({g.sequence} if g.sequence else set()) for i, g in enumerate(groups)}
    for _, ia, ib in candidates:
        ra, rb = find(ia), find(ib)
        near = groups[ra].block == "contact"
        if ra == rb or not all(_dates_compatible(x, y, near) for x in dates[ra] for y in dates[rb]):
            continue
        if seqs[ra] and seqs[rb] and seqs[ra] != seqs[rb]:
            continue
        lo, hi = min(ra, rb), max(ra, rb)
        parent[hi] = lo
        dates[lo] |= dates.pop(hi)
        seqs[lo] |= seqs.pop(hi)
    members: dict[int, list[Group]] = defaultdict(list)
    for i, g in enumerate(groups):
        members[find(i)].append(g)
    return _records([members[root] for root in sorted(members)])


def regroup(events: list[dict[str, Any]], moves: dict[str, str]) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Stories after analysts moved events (``moves``: event id -> story id to join): the story
    records are rebuilt from the corrected grouping, with the same rules for dates and labels."""
    by_story: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ev in events:
        by_story[moves.get(ev["id"], ev.get("cluster_id") or ev["id"])].append(ev)
    gs = []
    for sid, evs in by_story.items():
        groups = _groups(evs)
        for g in groups:
            g.story_id = sid  # type: ignore[attr-defined]
        gs.append(groups)
    return _records(gs, keep_ids=True)


def _records(clusters: list[list[Group]], keep_ids: bool = False) -> tuple[dict[str, str], list[dict[str, Any]]]:
    cluster_of: dict[str, str] = {}
    stories: list[dict[str, Any]] = []
    for gs in clusters:
        if not gs:
            continue
        evs = [e for g in gs for e in g.events]
        cid = getattr(gs[0], "story_id", None) if keep_ids else None
        cid = cid or stable_id("story", min(e["id"] for e in evs))
        best = _best_date(gs)
        for g in gs:
            for e in g.events:
                cluster_of[e["id"]] = cid
                _inherit_date(e, best, g)
        head = gs[0].events[0]
        stories.append({
            "id": cid,
            "kind": "contact" if any(g.block == "contact" for g in gs) else "incident",
            "label": head.get("summary") or head["type"],
            "date": {"value": best[0], "precision": best[1]} if best else {"value": None, "precision": "unknown"},
            "countries": sorted({k for g in gs for k in g.keys}),
            "event_ids": [e["id"] for e in evs],
            "doc_ids": sorted({g.doc_id for g in gs}),
        })
    return cluster_of, stories


def _best_date(gs: list[Group]) -> tuple[str, str, str] | None:
    """The story's date: the finest precision any report gives; among reports a day apart (see
    ``_dates_compatible``), the day most of them give, else the first told."""
    rank = {"day": 3, "month": 2, "year": 1}
    top = max((rank.get(g.precision, 0) for g in gs if g.date), default=0)
    if not top:
        return None
    finest = [g for g in gs if g.date and rank.get(g.precision, 0) == top]
    votes: dict[str, int] = defaultdict(int)
    for g in finest:
        votes[g.date or ""] += 1
    g = max(finest, key=lambda x: votes[x.date or ""])  # max keeps the first among equals
    return (g.date or "", g.precision, g.doc_id)


def _inherit_date(ev: dict[str, Any], best: tuple[str, str, str] | None, g: Group) -> None:
    """A contact with no or a coarser date takes the story's day-precise date, saying why; so does
    what was agreed, demanded or refused in it when its date was the contact's or none (it dates
    from the contact). A planned or hypothetical meeting in the story keeps its own (future) date."""
    date = ev.get("date") or {}
    contact = ev.get("type") == "CONSULT" and ev.get("modality") == "asserted"
    outcome = (g.kind == "contact" and ev is not g.events[0] and ev.get("type") in OUTCOME_TYPES
               and (not date.get("value") or str(date.get("basis") or "").startswith("outcome of the contact")))
    if outcome and not date.get("value") and g.date and (best is None or best[1] != "day"):
        # no day anywhere in the story: the outcome still dates from its contact, as precisely as that
        ev["date"] = {"value": g.date, "precision": g.precision, "text": None, "basis": "outcome of the contact"}
        return
    if best is None or best[1] != "day" or not (contact or outcome) or (contact and best[2] == g.doc_id):
        return
    if date.get("precision") == "day" or (date.get("value") and not best[0].startswith(date["value"])):
        return
    basis = "outcome of the contact" if best[2] == g.doc_id else f"same story as {best[2]}"
    if outcome and best[2] != g.doc_id:
        basis = f"outcome of the contact, {basis}"
    ev["date"] = {"value": best[0], "precision": "day", "text": date.get("text"), "basis": basis}
