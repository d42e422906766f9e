"""World knowledge the events stage needs about outcomes: who is at war with whom, how a contact was held."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from readout.model import Actor, Document, Event, Sentence

if TYPE_CHECKING:
    from readout.events.arguments import Roles
    from readout.events.context import DocContext

PHONE_CUES = ("telefon", "anruf", "angerufen", "hörer", "videoschalte", "videokonferenz", "video-")
VISIT_CUES = ("besuch", "reiste", "gereist", "reist ", "empfing", "empfangen", "visite", "sonderbeauftragte",
              "gesandte", "sondergesandte")


@cache
def conflicts() -> list[dict[str, Any]]:
    text = files("readout").joinpath("data", "world", "conflicts.jsonl").read_text(encoding="utf-8")
    return [json.loads(x) for x in text.splitlines() if x.strip()]


def _active(c: dict[str, Any], date: str | None) -> bool:
    if not date:
        return c.get("end") is None
    return c["start"][: len(date)] <= date and (c.get("end") is None or date <= c["end"][: len(date)])


def conflict_parties(keys: set[str | None], doc: Document, ctx: DocContext) -> list[Actor]:
    """The other warring parties of a conflict one of ``keys`` is fighting, if the text names them.

    A ceasefire or prisoner exchange agreed in a call involves the warring parties as well as the
    parties on the call (SPEC: "A call's outcomes count the warring parties ...").
    """
    date = doc.published.value if doc.published else None
    counts: dict[str | None, int] = {}
    for m in ctx.mentions:
        k = Actor.from_mention(m).key()
        counts[k] = counts.get(k, 0) + 1
    candidates: list[tuple[int, list[str]]] = []
    for c in conflicts():
        parties = set(c["parties"])
        if len(parties) < 2 or not (parties & keys) or not _active(c, date):
            continue
        others = [p for p in sorted(parties - keys) if counts.get(p)]
        if others:
            candidates.append((max(counts[p] for p in others), others))
    if not candidates:
        return []
    # the conflict the article is about: an actor on the call may be at war elsewhere too (a strike on
    # Yemen named in passing does not make Yemen a party to a ceasefire in Ukraine)
    top = max(n for n, _ in candidates)
    return [Actor(name=p, country=p, sector="GOV") for n, others in candidates if n * 2 >= top for p in others]


def contact_mode(ev: Event, sent: Sentence, doc: Document, roles: Roles) -> str | None:
    low = doc.text[sent.start:sent.end].lower()
    if any(c in low for c in PHONE_CUES):
        return "phone"
    keys = {a.key() for a in ev.actors}
    loc = roles.location
    if loc is not None and loc.country in keys and len(keys) >= 2:
        return "visit"
    if any(c in low for c in VISIT_CUES) and len(keys) >= 2:
        return "visit"
    return None
