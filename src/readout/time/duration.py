"""Durations: "zwei Stunden und 28 Minuten", "zweistündig", "fast einstündigen", "für 30 Tage"."""

from __future__ import annotations

import re

from readout.model import Timex
from readout.time.words import NUMBER_WORDS, number

_NUM = r"\d+(?:,\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_APPROX = r"(?P<approx>fast|knapp|rund|etwa|mehr als|über|gut|nahezu|beinahe)\s+[„\"]?"
_HM = re.compile(
    rf"(?:{_APPROX})?\b(?P<h>{_NUM})\s+Stunden?(?:\s+(?:und\s+)?(?P<m>{_NUM})\s+Minuten)?(?P<lang>\s+lang)?\b",
    re.IGNORECASE)
_MIN = re.compile(rf"(?:{_APPROX})?\b(?P<m>{_NUM})\s+Minuten(?P<lang>\s+lang)?\b", re.IGNORECASE)
_ADJ = re.compile(rf"(?:{_APPROX})?\b(?P<n>{'|'.join(sorted((k for k in NUMBER_WORDS if k.endswith(('ein', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'halb'))), key=len, reverse=True))}|\d+)-?(?P<u>stündig|minütig|tägig|wöchig|monatig)(?:e|en|er|es|em)?\b", re.IGNORECASE)
_SPAN = re.compile(rf"\b(?P<prep>für|seit über|seit mehr als|seit|über|von)\s+(?P<n>{_NUM}|einen|eine|einem)\s+(?P<u>Tage|Tagen|Wochen|Monate|Monaten|Jahre|Jahren|Stunden)\b", re.IGNORECASE)
_LONG = re.compile(rf"\b(?P<n>{_NUM}|eine|einen)\s+(?P<half>halbe\s+)?(?P<u>Stunde|Stunden|Tage|Tag|Wochen|Woche|Monate|Monat|Jahre|Jahr|Minuten)\s+lang\b", re.IGNORECASE)
_UNIT_LONG = {"stunde": 60, "stunden": 60, "tage": 1440, "tag": 1440, "wochen": 10080, "woche": 10080, "monate": 43200,
              "monat": 43200, "jahre": 525600, "jahr": 525600, "minuten": 1}

_UNIT_MIN = {"stündig": 60, "minütig": 1, "tägig": 1440, "wöchig": 10080, "monatig": 43200}
_SPAN_MIN = {"tage": 1440, "tagen": 1440, "wochen": 10080, "monate": 43200, "monaten": 43200, "jahre": 525600,
             "jahren": 525600, "stunden": 60}


def _n(word: str) -> float | None:
    return {"einen": 1.0, "eine": 1.0, "einem": 1.0}.get(word.lower()) or number(word)


_UNIT_WORD = re.compile(r"(?i:stunde|minute|tag|woche|monat|jahr|stündig|minütig|tägig|wöchig|monatig)")


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stretches around the unit words: the duration patterns begin with long lists of number words,
    so they run only where a unit could end them (a tenth of the text at most)."""
    out: list[tuple[int, int]] = []
    for m in _UNIT_WORD.finditer(text, start, end):
        lo, hi = max(start, m.start() - 80), min(end, m.end() + 30)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _finditer(pat: re.Pattern[str], text: str, windows: list[tuple[int, int]]):  # noqa: ANN202
    seen: set[tuple[int, int]] = set()
    for lo, hi in windows:
        for m in pat.finditer(text, lo, hi):
            if m.span() not in seen:
                seen.add(m.span())
                yield m


def find_durations(text: str, start: int = 0, end: int | None = None) -> list[Timex]:
    end = len(text) if end is None else end
    out: list[Timex] = []
    taken: list[tuple[int, int]] = []
    windows = _windows(text, start, end)

    def add(s: int, e: int, minutes: float | None, basis: str) -> None:
        if any(not (e <= a or s >= b) for a, b in taken):
            return
        taken.append((s, e))
        out.append(Timex(s, e, text[s:e], None, "unknown", "duration", basis, minutes=minutes))

    for m in _finditer(_LONG, text, windows):
        n = _n(m.group("n"))
        if n is None:
            continue
        if m.group("half"):
            n = n * 0.5
        add(m.start(), m.end(), n * _UNIT_LONG[m.group("u").lower()], f"{m.group(0)}")
    for m in _finditer(_HM, text, windows):
        h = _n(m.group("h"))
        mi = _n(m.group("m")) if m.group("m") else 0.0
        if h is None or mi is None:
            continue
        approx = m.group("approx")
        add(m.start(), m.end(), h * 60 + mi, f"{h:g} h {mi:g} min" + (f" ({approx})" if approx else ""))
    for m in _finditer(_ADJ, text, windows):
        n = _n(m.group("n"))
        if n is None:
            continue
        u = m.group("u").lower()
        approx = m.group("approx")
        add(m.start(), m.end(), n * _UNIT_MIN[u], f"{n:g} × {u}" + (f" ({approx})" if approx else ""))
    for m in _finditer(_MIN, text, windows):
        n = _n(m.group("m"))
        if n is not None:
            add(m.start(), m.end(), n, f"{n:g} min")
    for m in _finditer(_SPAN, text, windows):
        n = _n(m.group("n"))
        if n is None:
            continue
        u = m.group("u").lower()
        add(m.start(), m.end(), n * _SPAN_MIN[u], f"{m.group('prep')} {n:g} {m.group('u')}")
    return sorted(out, key=lambda t: t.start)
