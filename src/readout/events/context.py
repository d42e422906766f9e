"""What the events stage knows about a document beyond one clause.

Who was mentioned where (with pronouns and "beide" resolved to earlier mentions), which
stretches are quotations, and which contact the text is currently talking about. German news
refers back constantly ("das Gespräch", "der beiden", "er"), so arguments that a clause leaves
implicit are filled from here, always from earlier text, never from the future.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from readout.model import Actor, Document, EntityMention, Event

_QUOTE_PAIRS = {"„": "“", "»": "«", "«": "»", "‚": "‘"}


@dataclass(slots=True)
class DocContext:
    doc: Document
    mentions: list[EntityMention]
    starts: list[int] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    contacts: list[Event] = field(default_factory=list)  # contact events seen so far, in text order
    parties: list[EntityMention] = field(default_factory=list)  # the two sides of the latest joint event
    _main: frozenset[str] | None = None

    @classmethod
    def build(cls, doc: Document) -> DocContext:
        mentions = sorted((m for m in doc.entities if m.country or m.org), key=lambda m: m.start)
        ctx = cls(doc, mentions)
        ctx.starts = [m.start for m in mentions]
        ctx.quotes = find_quotes(doc.text, doc.body_start)
        return ctx

    def main_keys(self) -> frozenset[str]:
        """The three actors the document names most often: the sides it is about (counted once)."""
        if self._main is None:
            counts: dict[str, int] = {}
            for m in self.mentions:
                k = Actor.from_mention(m).key()
                if k:
                    counts[k] = counts.get(k, 0) + 1
            self._main = frozenset(sorted(counts, key=lambda k: -counts[k])[:3])
        return self._main

    def mentions_in(self, start: int, end: int) -> list[EntityMention]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def last_person_before(self, offset: int) -> EntityMention | None:
        i = bisect.bisect_left(self.starts, offset) - 1
        while i >= 0:
            m = self.mentions[i]
            if m.kind == "person" and m.country:
                return m
            i -= 1
        return None

    def last_countries_before(self, offset: int, n: int = 2, persons_only: bool = False) -> list[EntityMention]:
        """The last ``n`` mentions before ``offset`` with distinct countries (most recent first)."""
        i = bisect.bisect_left(self.starts, offset) - 1
        seen: dict[str, EntityMention] = {}
        while i >= 0 and len(seen) < n:
            m = self.mentions[i]
            k = Actor.from_mention(m).key()
            if k and k not in seen and (not persons_only or m.kind == "person"):
                seen[k] = m
            i -= 1
        return list(seen.values())

    def in_quote(self, start: int, end: int) -> tuple[int, int] | None:
        for q in self.quotes:
            if q[0] <= start and end <= q[1]:
                return q
        return None

    def current_contact(self, offset: int) -> Event | None:
        best = None
        for ev in self.contacts:
            if ev.evidence and ev.evidence[0].start <= offset and ev.modality == "asserted":
                best = ev
        return best


def find_quotes(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Spans of quotations (including the quote marks), German „…“ and »…«, and straight "…"."""
    out: list[tuple[int, int]] = []
    i, n = start, len(text)
    while i < n:
        ch = text[i]
        close = _QUOTE_PAIRS.get(ch)
        if close is None and ch == '"':
            close = '"'
        if close is None and ch == "“" and (i == 0 or not text[i - 1].isalnum()):
            close = "”"  # English-style quotes
        if close is None:
            i += 1
            continue
        j = text.find(close, i + 1)
        para = text.find("\n\n", i + 1)
        if j < 0 or (para >= 0 and para < j) or j - i > 1500:
            i += 1
            continue
        out.append((i, j + 1))
        i = j + 1
    return out
