"""Finding actors in text and resolving them to the knowledge base at the document's date.

One compiled alternation of every surface form (longest first, case-sensitive, on word
boundaries) finds candidates in one pass. Role phrases ("der US-Präsident", "Kremlchef")
resolve to whoever held the office at the publication date (the latest holder when the date is
unknown). A person's country, organisation and sector come from the role valid at that date.
Titled people the knowledge base does not know ("Außenminister Jean Dupont") are kept as
unresolved mentions with the country the title phrase gives.
"""

from __future__ import annotations

import re
from functools import cache

from readout.entities.kb import KnowledgeBase, Surface, load_kb, role_at
from readout.model import EntityMention

TITLE_WORDS = (
    "Präsident", "Präsidentin", "Außenminister", "Außenministerin", "Verteidigungsminister", "Verteidigungsministerin",
    "Minister", "Ministerin", "Ministerpräsident", "Ministerpräsidentin", "Premierminister", "Premierministerin",
    "Regierungschef", "Regierungschefin", "Sprecher", "Sprecherin", "Berater", "Beraterin", "Botschafter",
    "Botschafterin", "General", "Generalin", "Gesandte", "Gesandter", "Sondergesandte", "Sondergesandter",
    "Unterhändler", "Chefunterhändler", "Delegationsleiter", "Kommandeur", "Oppositionsführer", "Staatschef",
)
_TITLED = re.compile(
    r"(?<![\w-])(?P<title>" + "|".join(sorted(TITLE_WORDS, key=len, reverse=True)) + r")\s+"
    r"(?P<name>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?\s+[A-ZÄÖÜ][a-zäöüßA-Z'-]+)"
)


@cache
def _matcher() -> re.Pattern[str]:
    kb = load_kb()
    forms = sorted(kb.surfaces, key=len, reverse=True)
    alt = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<![\w])(?:{alt})(?![\w])")


@cache
def _prefix_matcher() -> re.Pattern[str]:
    kb = load_kb()
    alt = "|".join(re.escape(p) for p in sorted(kb.prefixes, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alt})(?=-[A-ZÄÖÜ])")


def _mention(kb: KnowledgeBase, s: Surface, start: int, end: int, text: str, date: str | None) -> EntityMention:
    if s.kind == "person":
        person = kb.entries[s.kb_id]
        role = role_at(person, date)
        country = role.get("country") if role else s.country
        org = role.get("org") if role else None
        if role is None or (role.get("end") and date and role["end"] <= ((date + "-01-01")[:10])):
            country, org = (role.get("country") or s.country, role.get("org")) if role else (s.country, None)
        return EntityMention(start, end, text, person["name"], "person", country if not org else None, org,
                             role.get("sector") if role else None, person.get("wikidata"),
                             role.get("title") if role else None, s.kb_id, "name")
    if s.kind == "role":
        where = s.country or s.org or ""
        person = kb.holder(s.title or "", where, date)
        if person is None:
            return EntityMention(start, end, text, text, "person", s.country, s.org, "GOV", None, s.title, None, "role")
        role = role_at(person, date)
        return EntityMention(start, end, text, person["name"], "person", s.country, s.org,
                             role.get("sector") if role else "GOV", person.get("wikidata"), s.title, person["id"], "role")
    return EntityMention(start, end, text, s.name, s.kind, s.country, s.org, s.sector, s.wikidata, None,  # type: ignore[arg-type]
                         s.kb_id, s.via)


def find_entities(text: str, published: str | None = None, start: int = 0, end: int | None = None) -> list[EntityMention]:
    """Every actor mention in ``text[start:end]`` with offsets into ``text``, resolved at ``published``."""
    kb = load_kb()
    end = len(text) if end is None else end
    out: list[EntityMention] = []
    taken: list[tuple[int, int]] = []
    for m in _matcher().finditer(text, start, end):
        cands = kb.surfaces.get(m.group(0))
        if not cands:
            continue
        s = next((c for c in cands if c.kind == "person"), cands[0])
        out.append(_mention(kb, s, m.start(), m.end(), m.group(0), published))
        taken.append((m.start(), m.end()))
    for m in _prefix_matcher().finditer(text, start, end):
        if any(a <= m.start() < b for a, b in taken):
            continue
        s = kb.prefixes[m.group(0)]
        mention = _mention(kb, s, m.start(), m.end(), m.group(0), published)
        mention.via = "prefix"
        out.append(mention)
        taken.append((m.start(), m.end()))
    for m in _TITLED.finditer(text, start, end):
        ns, ne = m.start("name"), m.end("name")
        if any(not (ne <= a or ns >= b) for a, b in taken):
            continue
        before = [x for x in out if 0 <= m.start() - x.end <= 3 and x.via == "adjective"]
        country = before[-1].country if before else None
        out.append(EntityMention(ns, ne, m.group("name"), m.group("name"), "person", country, None,
                                 "GOV" if country else None, None, m.group("title"), None, "titled"))
        taken.append((ns, ne))
    out.sort(key=lambda x: x.start)
    return _merge_titles(out, text)


def _merge_titles(ms: list[EntityMention], text: str) -> list[EntityMention]:
    """'US-Präsident Donald Trump': the name carries the mention; the role phrase gives its title."""
    out: list[EntityMention] = []
    for m in ms:
        if out and out[-1].via == "role" and m.kind == "person" and m.via in ("name", "titled") \
                and 0 < m.start - out[-1].end <= 2 and text[out[-1].end:m.start].strip() == "":
            role = out.pop()
            m.role = m.role or role.role
            if m.country is None and m.org is None:
                m.country, m.org = role.country, role.org
        out.append(m)
    return out
