"""The data model every stage reads and fills.

A :class:`Document` holds the text exactly as read from the file; every annotation is a span with
``start``/``end`` character offsets into that text (Python string indices), so evidence can always
be checked with ``doc.text[start:end]``. Records that leave the process (events, discrepancies,
commitments) serialise with :func:`to_record`, whose output is the export contract of SPEC.md.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

Precision = Literal["day", "month", "year", "unknown"]
Modality = Literal["asserted", "planned", "negated", "hypothetical"]
Certainty = Literal["certain", "probable", "possible"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of one document's text: ``text == document.text[start:end]``."""

    doc_id: str
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, doc: Document, start: int, end: int) -> Span:
        return cls(doc.doc_id, start, end, doc.text[start:end])


@dataclass(slots=True)
class DateValue:
    """A normalised calendar value: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (or None)."""

    value: str | None
    precision: Precision


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    lemma: str
    pos: str = "X"  # UPOS
    mood: str | None = None  # "Ind", "Sub1" (Konjunktiv I), "Sub2" (Konjunktiv II), "Imp"
    tense: str | None = None  # "Pres", "Past"
    finite: bool = False
    head: int | None = None  # index of the syntactic head in the sentence (when parsed)
    dep: str | None = None  # UD relation to the head (nsubj, obj, obl, ...) when parsed


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    tokens: list[Token] = field(default_factory=list)
    is_heading: bool = False


@dataclass(slots=True)
class EntityMention:
    """A name or role phrase in the text, resolved against the knowledge base where possible."""

    start: int
    end: int
    text: str
    name: str  # canonical name (or the surface form when unresolved)
    kind: Literal["person", "state", "org", "place", "institution"]
    country: str | None = None  # ISO 3166-1 alpha-3
    org: str | None = None  # "EU", "NATO", ... for organisations that are not states
    sector: str | None = None  # PLOVER sector: GOV, MIL, REB, ...
    wikidata: str | None = None
    role: str | None = None  # the office held at the document's date ("Präsident")
    kb_id: str | None = None  # None = unresolved mention
    via: str = "name"  # "name", "role", "metonym", "adjective", "coref"


@dataclass(slots=True)
class Timex:
    start: int
    end: int
    text: str
    value: str | None
    precision: Precision
    kind: Literal["date", "time", "duration", "deadline", "set"] = "date"
    basis: str = ""
    minutes: float | None = None  # durations: length in minutes
    future: bool = False  # the expression points ahead of the anchor ("am kommenden Montag")


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float
    unit: str | None = None  # "person", "day", "percent", "USD", "minute", ... or None (a count)
    approx: str | None = None  # "more_than", "about", "almost", "up_to", "at_least", "less_than"
    what: str | None = None  # what is counted, where the text says ("Kriegsgefangene")


@dataclass(slots=True)
class Actor:
    name: str
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    title: str | None = None

    @classmethod
    def from_mention(cls, m: EntityMention) -> Actor:
        return cls(m.name, m.country, m.org, m.sector, m.wikidata, m.role)

    def key(self) -> str | None:
        """The code the scorer compares: country, else ``IGO:<org>``."""
        if self.country:
            return self.country
        return f"IGO:{self.org}" if self.org else None


@dataclass(slots=True)
class Claim:
    """One source asserting an event: who, through which channel, how sure, in which words."""

    claimer: Actor | None  # None = the article's own voice
    channel: str | None = None
    certainty: Certainty = "certain"
    cue: str | None = None
    tone: str | None = None
    evidence: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Event:
    id: str
    doc_id: str
    type: str
    mode: str | None
    actors: list[Actor]
    recipients: list[Actor]
    date: dict[str, Any]  # {"value", "precision", "text", "basis"}
    modality: Modality
    evidence: list[Span]
    claims: list[Claim] = field(default_factory=list)
    duration_minutes: float | None = None
    initiator: Actor | None = None
    location: str | None = None
    quantities: list[dict[str, Any]] = field(default_factory=list)
    participants: list[Actor] = field(default_factory=list)
    scheduled: str | None = None
    delay_minutes: float | None = None
    sequence: int | None = None
    deadline: dict[str, Any] | None = None
    conditions: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    cluster_id: str | None = None
    confidence: float = 0.5
    producer: str = ""
    summary: str = ""
    trigger: Span | None = None  # the word that signalled the event (kept for audit, not exported)
    anaphoric: bool = False  # "das Gespräch": names a contact already reported (internal, not exported)
    guessed_actors: bool = False  # actors taken from context, not from the clause (internal)


@dataclass(slots=True)
class Document:
    doc_id: str
    text: str
    body_start: int = 0  # first character after the header
    published: DateValue | None = None
    published_source: str | None = None  # "metadata", "header", "html"
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    author: str | None = None
    language: str | None = None
    source: str | None = None  # the file (and line) it came from
    content_hash: str = ""
    duplicate_of: str | None = None
    near_duplicate_of: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def span(self, start: int, end: int) -> Span:
        return Span(self.doc_id, start, end, self.text[start:end])

    def sentence_at(self, offset: int) -> Sentence | None:
        i = self.sentence_index(offset)
        return self.sentences[i] if i >= 0 else None

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence holding ``offset``, or -1."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:  # sentences are sorted and do not overlap
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return -1


@dataclass(slots=True)
class Account:
    claimer: dict[str, Any]
    evidence: list[Span]


@dataclass(slots=True)
class Discrepancy:
    id: str
    cluster_id: str
    kind: Literal["omission", "contradiction", "tone"]
    about: str
    accounts: list[Account]


@dataclass(slots=True)
class Commitment:
    id: str
    cluster_id: str | None
    event_id: str
    what: str
    by: list[dict[str, Any]]
    valid_from: str | None
    valid_until: str | None
    status: str
    history: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class Story:
    id: str
    kind: str  # "contact" or "incident"
    label: str
    date: dict[str, Any]
    countries: list[str]
    event_ids: list[str]
    doc_ids: list[str]


def stable_id(prefix: str, *parts: object) -> str:
    """A short id that depends only on its parts, so the same input gives the same id every run."""
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]
    return f"{prefix}-{h}"


_EVENT_INTERNAL = {"trigger", "anaphoric", "guessed_actors"}


def to_record(obj: Any) -> Any:
    """Dataclass -> plain JSON-ready dict (the export contract); internal audit fields are left out."""
    if isinstance(obj, Event):
        return {
            f.name: to_record(getattr(obj, f.name))
            for f in dataclasses.fields(obj)
            if f.name not in _EVENT_INTERNAL
        }
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_record(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list | tuple):
        return [to_record(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_record(v) for k, v in obj.items()}
    return obj
