"""Quantities: numbers in digits and words with unit, approximation and what they count."""

from __future__ import annotations

import json
import re
from importlib.resources import files

from readout.model import Quantity
from readout.time.words import APPROX, NUMBER_WORDS, SCALES, UNITS, number

_WORDNUM = "|".join(sorted((k for k in NUMBER_WORDS if k not in ("ein", "eine", "einer", "einen", "einem", "dutzend")),
                           key=len, reverse=True))
_PERSON = frozenset(json.loads(files("readout").joinpath("data", "time_de.json").read_text(encoding="utf-8")).get("person_nouns", []))
_APPROX = "|".join(sorted((re.escape(k) for k in APPROX), key=len, reverse=True))
_SCALE = "|".join(sorted((re.escape(k) for k in SCALES), key=len, reverse=True))
_UNIT = "|".join(sorted((re.escape(k) for k in UNITS), key=len, reverse=True))
_Q = re.compile(
    rf"(?:(?P<approx>(?i:{_APPROX}))\s+|(?P<je>(?i:je|jeweils))\s+)?"
    rf"(?<![\w.,])(?P<num>\d{{1,3}}(?:\.\d{{3}})+|\d+(?:,\d+)?|(?i:{_WORDNUM})|(?i:eine|ein)(?=\s+(?i:{_SCALE})))(?![\w.]\d)(?!\d)"
    rf"(?:\s+(?P<scale>(?i:{_SCALE})))?"
    rf"(?:\s*(?P<unit>(?i:{_UNIT}))(?![\wäöüß]))?"
    rf"(?:\s+(?P<what>(?:[a-zäöüß]+(?:e|en|er)\s+){{0,2}}[A-ZÄÖÜ][\wäöüß-]+))?",
)
_NOT_AFTER = re.compile(r"(?:\d\.\s*$|Uhr\s*$)")
_MONTH_OR_CLOCK = re.compile(r"^\s*(?:Uhr|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jahrhundert)")


# "F-16", "S-400", "Su-34", "MiG-29": the number names a type, it counts nothing (used by time/english.py too)
DESIGNATION = re.compile(r"\b[A-Za-z]{1,4}-$")

def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    end = len(text) if end is None else end
    out: list[Quantity] = []
    for m in _Q.finditer(text, start, end):
        raw = m.group("num")
        if DESIGNATION.search(text, max(0, m.start("num") - 6), m.start("num")):
            continue  # "F-16", "S-400", "Su-34": a designation, not a count
        if raw[0].isalpha() and not raw.islower() and m.start("num") > 0 and text[m.start("num") - 1] not in " „\"(":
            continue
        after = text[m.end("num"):m.end("num") + 15]
        if after.startswith(".") and re.match(r"\.\s*(?:[A-ZÄÖÜ][a-zäöü]+|\d)", after) and not m.group("unit"):
            # "am 18. März", "der 3. Runde": an ordinal or a date, not a count
            if _MONTH_OR_CLOCK.match(after[1:]) or re.match(r"\.\s+[A-ZÄÖÜ]", after):
                continue
        if _MONTH_OR_CLOCK.match(after) or re.match(r"\s+und\s+\d{1,2}(?:[.:]\d{2})?\s+Uhr", after):
            continue
        value = 1.0 if raw.lower() in ("ein", "eine") else number(raw)
        if value is None:
            continue
        what_word = m.group("what")
        if raw.isdigit() and len(raw) == 4 and 1900 <= value <= 2100 and not m.group("unit") and not (
                what_word and what_word.lower() in _PERSON):
            continue  # a year
        scale = m.group("scale")
        if scale:
            value *= SCALES[scale.lower()]
        unit_word = m.group("unit")
        unit = UNITS.get(unit_word.lower()) if unit_word else None
        if unit is None and what_word and what_word.split()[-1].lower() in _PERSON:
            unit = "person"
        ratio = re.match(r"\s+(?:gegen|für|um)\s+(\S+)", text[m.end("num"):m.end("num") + 30])
        if unit is None and ratio and number(ratio.group(1).strip("„“\".,;:)")) == value:
            unit = "person"  # "Tausend gegen Tausend", "1200 für 1200": an exchange of people
        if unit is None:  # "von 25 auf 50 Prozent": the first number shares the unit of the second
            nxt = re.match(r"\s+(?:auf|bis|zu)\s+\d+(?:,\d+)?\s*(?P<u>Prozent|%)", text[m.end("num"):m.end("num") + 30])
            if nxt:
                unit = "percent"
        if raw[0].isalpha() and not unit and not scale:
            what_word = m.group("what")
            if not what_word or not what_word[-1].isalpha():
                continue
        approx = APPROX.get(m.group("approx").lower()) if m.group("approx") else None
        what = m.group("what")
        if what and unit in ("percent",):
            what = None
        s = m.start("approx") if m.group("approx") else (m.start("je") if m.group("je") else m.start("num"))
        e = m.end("what") if what else (m.end("unit") if unit_word else (m.end("scale") if scale else m.end("num")))
        if what:
            what = what.split()[-1]
        out.append(Quantity(s, e, text[s:e], value, unit, approx, what))
    return out
