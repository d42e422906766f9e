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
    "Kanzler", "Kanzlerin", "Bundeskanzler", "Bundeskanzlerin", "Staatspräsident", "Staatspräsidentin",
    "Regierungssprecher", "Kremlsprecher", "Premier", "Außenbeauftragte", "Außenbeauftragter",
    # English titles (capitalised before a name, or lower case: "Kremlin spokesman Dmitry Peskov")
    "President", "Prime Minister", "Foreign Minister", "Defense Minister", "Defence Minister", "Secretary of State",
    "Defense Secretary", "Chancellor", "Minister", "Ambassador", "Gen.", "Envoy", "Senator", "Sen.", "spokesman",
    "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "envoy", "negotiator", "ambassador",
    "Staatssekretär", "Außenstaatssekretär", "Generalstabschef", "Armeechef", "Vizepräsident", "Vizepräsidentin",
    "Innenminister", "Innenministerin", "Finanzminister", "Finanzministerin", "Juntachef", "Oberbefehlshaber",
    "Parlamentspräsident", "Polizeichef", "Foreign Secretary", "Vice President", "Interior Minister", "Finance Minister",
    "prime minister", "president", "foreign minister", "defence minister", "defense minister", "minister", "leader",
    "army chief", "commander", "premier", "chancellor",
)
# Generic titles after a state ("Frankreichs Präsident", "der polnische Präsident", "Russian President"):
# the role titles of the knowledge base that may hold them
GENERIC_TITLES = {
    "Präsident": ("Präsident", "Präsidentin", "Staatspräsident", "Bundespräsident"),
    "Präsidentin": ("Präsidentin", "Präsident"),
    "Staatschef": ("Präsident", "Präsidentin", "Staatspräsident"),
    "Staatspräsident": ("Präsident", "Staatspräsident"),
    "Kanzler": ("Bundeskanzler", "Bundeskanzlerin", "Kanzler"),
    "Regierungschef": ("Premierminister", "Premierministerin", "Ministerpräsident", "Ministerpräsidentin",
                       "Bundeskanzler", "Bundeskanzlerin", "Regierungschef", "Regierungschefin"),
    "Regierungschefin": ("Premierministerin", "Ministerpräsidentin", "Regierungschefin", "Bundeskanzlerin"),
    "Premierminister": ("Premierminister", "Ministerpräsident"), "Premier": ("Premierminister", "Ministerpräsident"),
    "Ministerpräsident": ("Ministerpräsident", "Premierminister"),
    "Außenminister": ("Außenminister", "Außenministerin"), "Außenministerin": ("Außenministerin", "Außenminister"),
    "Verteidigungsminister": ("Verteidigungsminister", "Verteidigungsministerin"),
    "President": ("Präsident", "Präsidentin"), "Prime Minister": ("Premierminister", "Premierministerin", "Ministerpräsident"),
    "Foreign Minister": ("Außenminister", "Außenministerin"), "Defense Minister": ("Verteidigungsminister",),
    "Chancellor": ("Bundeskanzler", "Bundeskanzlerin"),
}
_FORMER = re.compile(r"(?:früher\w*|ehemalig\w*|einstig\w*|damalig\w*|former|then)\s+$", re.IGNORECASE)
_TITLED = re.compile(
    r"(?<![\w-])(?P<title>" + "|".join(sorted(TITLE_WORDS, key=len, reverse=True)) + r")\s+"
    r"(?P<name>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?\s+[A-ZÄÖÜ][a-zäöüßA-Z'-]+)"
)


_WORD = re.compile(r"\w+")


class _SurfaceMatcher:
    """Every knowledge-base surface form in a text, leftmost and longest first, on word boundaries.

    A dictionary from a form's first word to its forms (longest first) replaces one regular
    expression alternation of all forms: the cost no longer grows with the size of the knowledge
    base (7,000 forms made the alternation the slowest part of the pipeline)."""

    def __init__(self, forms: list[str]) -> None:
        self.index: dict[str, list[str]] = {}
        for f in sorted(forms, key=len, reverse=True):
            m = _WORD.match(f)
            if m is None or m.start() != 0:
                continue
            self.index.setdefault(m.group(0), []).append(f)

    def finditer(self, text: str, start: int = 0, end: int | None = None):  # noqa: ANN201 - yields matches
        end = len(text) if end is None else end
        pos = start
        for w in _WORD.finditer(text, start, end):
            p = w.start()
            if p < pos:
                continue
            if p > 0 and (text[p - 1].isalnum() or text[p - 1] == "_"):
                continue
            for form in self.index.get(w.group(0), ()):
                e = p + len(form)
                if e <= end and text.startswith(form, p) and not (e < len(text) and (text[e].isalnum() or text[e] == "_")):
                    yield _Found(p, e, form)
                    pos = e
                    break


class _Found:
    __slots__ = ("_s", "_e", "_t")

    def __init__(self, s: int, e: int, t: str) -> None:
        self._s, self._e, self._t = s, e, t

    def start(self) -> int:
        return self._s

    def end(self) -> int:
        return self._e

    def group(self, _: int = 0) -> str:
        return self._t


@cache
def _matcher() -> _SurfaceMatcher:
    return _SurfaceMatcher(list(load_kb().surfaces))


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


def find_entities(text: str, published: str | None = None, start: int = 0, end: int | None = None,
                  lang: str = "de") -> list[EntityMention]:
    """Every actor mention in ``text[start:end]`` with offsets into ``text``, resolved at ``published``."""
    kb = load_kb()
    end = len(text) if end is None else end
    out: list[EntityMention] = []
    taken: list[tuple[int, int]] = []
    for m in _matcher().finditer(text, start, end):
        cands = [c for c in kb.surfaces.get(m.group(0), []) if c.lang in (None, lang)]
        if not cands:
            continue
        s = next((c for c in cands if c.kind == "person"), cands[0])
        mention = _mention(kb, s, m.start(), m.end(), m.group(0), published)
        if s.kind in ("state", "place") and text[m.end():m.end() + 1] == "-" and text[m.end() + 1:m.end() + 2].isalpha():
            mention.via = "prefix"  # "Ukraine-Krieg", "Nahost-Konflikt": the first part of a compound
        out.append(mention)
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
        # "Thailands geschäftsführender Regierungschef X", "Thailand's acting Prime Minister X": the state's own
        owner = [x for x in out if x.kind == "state" and x.country and 0 <= m.start() - x.end <= 40
                 and _OWNER_GAP.fullmatch(text[x.end:m.start()]) and (x.text.endswith("s") or text[x.end:x.end + 2] in ("'s", "’s"))]
        country = before[-1].country if before else (owner[-1].country if owner else None)
        out.append(EntityMention(ns, ne, m.group("name"), m.group("name"), "person", country, None,
                                 "GOV" if country else None, None, m.group("title"), None, "titled"))
        taken.append((ns, ne))
    for m in _seat_compound_matcher().finditer(text, start, end):
        if any(not (m.end() <= a or m.start() >= b) for a, b in taken):
            continue
        seat = kb.surfaces[m.group("seat")][0]
        out.append(EntityMention(m.start(), m.end(), m.group(0), seat.name, "institution", seat.country, seat.org,
                                 seat.sector, None, None, seat.kb_id, "compound"))
        taken.append((m.start(), m.end()))
    out.sort(key=lambda x: x.start)
    out = _state_titles(kb, out, text, published, end)
    out = _merge_titles(out, text)
    return _short_names(out, text, start, end)


_OWNER_GAP = re.compile(r"(?:['’]s)?\s+(?:[a-zäöüß][\w-]*\s+){0,3}")


def _short_names(out: list[EntityMention], text: str, start: int, end: int) -> list[EntityMention]:
    """A titled person not in the knowledge base, named again by one part of the name ("Regierungschef Phumtham
    Wechayachai … Phumtham gab sich zurückhaltend"): the same person, of the same country."""
    parts: dict[str, EntityMention] = {}
    known: dict[str, EntityMention] = {}
    for m in out:
        if m.via == "titled" and m.country:
            known.setdefault(m.name, m)
            for w in m.name.split():
                if len(w) >= 4 and w[0].isupper():
                    parts.setdefault(w, m)
        elif m.via == "titled" and not m.country and m.name in known:
            # "Cambodian Prime Minister Hun Manet … Prime Minister Hun Manet": the same person again
            m.country, m.sector = known[m.name].country, known[m.name].sector
    if not parts:
        return out
    taken = [(m.start, m.end) for m in out]
    extra = []
    for w, first in parts.items():
        for hit in re.finditer(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", text[:end]):
            a, b = hit.start(), hit.end()
            if a < max(start, first.end) or any(x <= a < y or x < b <= y for x, y in taken):
                continue
            extra.append(EntityMention(a, b, w, first.name, "person", first.country, None, first.sector, None,
                                       first.role, None, "titled"))
            taken.append((a, b))
    return sorted(out + extra, key=lambda x: x.start)


@cache
def _seat_compound_matcher() -> re.Pattern[str]:
    """'Kremlkreisen', 'Kremlnähe': a seat of government as the first part of a compound."""
    kb = load_kb()
    seats = sorted({f for f, ss in kb.surfaces.items() for s in ss if s.kind == "institution" and f.isalpha()
                    and len(f) >= 5}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?P<seat>" + "|".join(re.escape(x) for x in seats) + r")[a-zäöüß]{3,}")


_GENERIC = re.compile(r"\s*(?P<title>" + "|".join(sorted((re.escape(t) for t in GENERIC_TITLES), key=len, reverse=True))
                      + r")(?![\w-])")


def _state_titles(kb: KnowledgeBase, ms: list[EntityMention], text: str, date: str | None, end: int) -> list[EntityMention]:
    """A title right after a state names that state's office holder: 'Frankreichs Präsident', 'der
    polnische Präsident', 'Österreichs Kanzler' (not Germany's). A role phrase the knowledge base
    resolved to another country's holder is re-resolved; 'der frühere Kanzler' resolves to no one."""
    out: list[EntityMention] = []
    i = 0
    while i < len(ms):
        m = ms[i]
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        if m.kind == "state" and m.via in ("name", "adjective") and m.country and (
                m.via == "adjective" or m.text.endswith("s")):
            g = _GENERIC.match(text, m.end, min(end, m.end + 40))
            if g:
                title = g.group("title")
                role_here = nxt is not None and nxt.via == "role" and nxt.start < g.end() + 1 and nxt.start >= m.end
                person = None
                if not _FORMER.search(text[max(0, m.start - 20):m.start]):
                    for t in GENERIC_TITLES[title]:
                        person = kb.holder(t, m.country, date)
                        if person:
                            break
                s_, e_ = m.start, g.end()
                if person is not None:
                    role = role_at(person, date)
                    out.append(EntityMention(s_, e_, text[s_:e_], person["name"], "person", m.country, None,
                                             role.get("sector") if role else "GOV", person.get("wikidata"), title,
                                             person["id"], "role"))
                else:
                    out.append(EntityMention(s_, e_, text[s_:e_], text[s_:e_], "person", m.country, None, "GOV", None,
                                             title, None, "role"))
                i += 2 if role_here else 1
                continue
        if m.via == "role" and _FORMER.search(text[max(0, m.start - 20):m.start]):
            # "der frühere Kanzler": not today's holder
            m = EntityMention(m.start, m.end, m.text, m.text, "person", m.country, m.org, m.sector, None, m.role, None, "role")
        out.append(m)
        i += 1
    return out


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
