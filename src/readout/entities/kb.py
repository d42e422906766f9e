"""The actor knowledge base (data/kb/*.jsonl): states, organisations, people with dated roles, role phrases."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

FILES = ("states.jsonl", "orgs.jsonl", "people.jsonl", "roles.jsonl")


class KBError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Surface:
    """What one surface form names."""

    kb_id: str
    kind: str  # person | state | org | place | institution | role
    name: str
    country: str | None
    org: str | None
    sector: str | None
    wikidata: str | None = None
    via: str = "name"
    title: str | None = None  # for role phrases: the office
    lang: str | None = None  # set when the form belongs to one language only ("Jordan" is English)


@dataclass
class KnowledgeBase:
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    surfaces: dict[str, list[Surface]] = field(default_factory=dict)  # surface form -> candidates
    prefixes: dict[str, Surface] = field(default_factory=dict)  # "US" in "US-Waffenlieferungen"
    holders: dict[tuple[str, str], list[tuple[str, str | None, str]]] = field(default_factory=dict)

    def add(self, form: str, s: Surface) -> None:
        form = form.strip()
        if len(form) < 2:
            return
        lst = self.surfaces.setdefault(form, [])
        if s not in lst:
            lst.append(s)

    def holder(self, title: str, where: str, date: str | None) -> dict[str, Any] | None:
        """The person holding ``title`` for ``where`` (ISO3 or IGO code) at ``date`` (latest holder if None)."""
        best = None
        for pid, end, start in self.holders.get((title, where), []):
            if date is None:
                if end is None:
                    return self.entries[pid]
                if best is None or end > best[0]:
                    best = (end, pid)
                continue
            d = (date + "-01-01")[:10] if len(date) < 10 else date
            if start <= d and (end is None or d < end):
                return self.entries[pid]
        return self.entries[best[1]] if best and date is None else None


def _read(name: str) -> list[tuple[int, dict[str, Any]]]:
    text = files("readout").joinpath("data", "kb", name).read_text(encoding="utf-8")
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise KBError(f"data/kb/{name}:{n}: not JSON: {e}") from e
        if "id" not in obj:
            raise KBError(f"data/kb/{name}:{n}: entry without id")
        out.append((n, obj))
    return out


def role_at(person: dict[str, Any], date: str | None) -> dict[str, Any] | None:
    """The role a person holds at ``date`` (the most recent one when date is None or none is valid)."""
    roles = person.get("roles") or []
    if date:
        d = (date + "-01-01")[:10] if len(date) < 10 else date
        valid = [r for r in roles if r["start"] <= d and (r["end"] is None or d < r["end"])]
        if valid:
            return valid[-1]
        past = [r for r in roles if r["start"] <= d]
        return past[-1] if past else None
    current = [r for r in roles if r["end"] is None]
    return current[-1] if current else (roles[-1] if roles else None)


@cache
def load_kb() -> KnowledgeBase:
    kb = KnowledgeBase()
    for n, st in _read("states.jsonl"):
        c = st["country"]
        kb.entries[st["id"]] = st
        base = dict(kb_id=st["id"], country=c, org=None)
        for name in st["names"]:
            only_en = name == st.get("name_en") and name != st.get("name_de")
            kb.add(name, Surface(kind="state", name=st["name_de"], sector="GOV", via="name",
                                 lang="en" if only_en else None, **base))
            if name.isupper() and len(name) <= 4:
                kb.prefixes[name] = Surface(kind="state", name=st["name_de"], sector="GOV", via="name", **base)
        for adj in st.get("adjectives", []):
            s = Surface(kind="state", name=st["name_de"], sector="GOV", via="adjective", **base)
            kb.add(adj, s)
            if adj[0].islower():
                kb.add(adj[0].upper() + adj[1:], s)
        for dem in st.get("demonyms", []):
            kb.add(dem, Surface(kind="state", name=st["name_de"], sector="GOV", via="demonym", **base))
        for cap in st.get("capitals", []):
            kb.add(cap, Surface(kind="place", name=cap, sector="GOV", via="metonym", **base))
            if len(cap) >= 4 and cap[-1] in "bcdfghklmnprstuvwxz" and " " not in cap and not cap.endswith(("er", "s")):
                # "Kiewer Führung", "Moskauer Sicht": the German adjective of a capital
                adj = Surface(kind="place", name=cap, sector="GOV", via="adjective", **base)
                kb.add(cap + "er", adj)
        for seat in st.get("seats", []):
            kb.add(seat["name"], Surface(kind="institution", name=seat["name"], sector=seat["sector"], via="metonym", **base))
        del n
    for _, o in _read("orgs.jsonl"):
        kb.entries[o["id"]] = o
        s = Surface(o["id"], "org", o["name"], o.get("country"), o.get("org"), o.get("sector"))
        for name in o["names"]:
            kb.add(name, s)
        for pre in o.get("prefixes", []):
            kb.prefixes[pre.rstrip("-")] = s
    for n, p in _read("people.jsonl"):
        kb.entries[p["id"]] = p
        for r in p.get("roles") or []:
            for key in ("start",):
                if not r.get(key):
                    raise KBError(f"data/kb/people.jsonl:{n}: role without {key}")
            where = r.get("country") or r.get("org")
            kb.holders.setdefault((r["title"], where), []).append((p["id"], r.get("end"), r["start"]))
        for name in p["names"]:
            kb.add(name, Surface(p["id"], "person", p["name"], p.get("nationality"), None, None, p.get("wikidata")))
    for _, r in _read("roles.jsonl"):
        kb.entries[r["id"]] = r
        for pat in r["patterns"]:
            kb.add(pat, Surface(r["id"], "role", r["title"], r.get("country"), r.get("org"), None, None, "role", r["title"]))
    return kb


def add_user_entries(people: list[dict[str, Any]]) -> int:
    """Add people (people.jsonl format) to the loaded knowledge base, e.g. from analyst corrections.
    Returns how many were new. The resolver's matchers are rebuilt so the names are found."""
    kb = load_kb()
    n = 0
    for p in people:
        if p["id"] in kb.entries:
            continue
        kb.entries[p["id"]] = p
        for r in p.get("roles") or []:
            where = r.get("country") or r.get("org")
            kb.holders.setdefault((r["title"], where), []).append((p["id"], r.get("end"), r["start"]))
        for name in p["names"]:
            kb.add(name, Surface(p["id"], "person", p["name"], p.get("nationality"), None, None, p.get("wikidata")))
        n += 1
    if n:
        from readout.entities import resolve

        for fn in (resolve._matcher, resolve._prefix_matcher, resolve._seat_compound_matcher):
            fn.cache_clear()
    return n
