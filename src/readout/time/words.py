"""Word lists of the time and quantity normaliser (data/time_de.json), loaded once."""

from __future__ import annotations

import json
from importlib.resources import files

_DATA = json.loads(files("readout").joinpath("data", "time_de.json").read_text(encoding="utf-8"))
WEEKDAYS: dict[str, int] = _DATA["weekdays"]
MONTHS: dict[str, int] = {k: v for k, v in _DATA["months"].items() if not k.endswith(".")}
NUMBER_WORDS: dict[str, float] = _DATA["numbers"]
SCALES: dict[str, int] = _DATA["scales"]
UNITS: dict[str, str] = _DATA["units"]
APPROX: dict[str, str] = _DATA["approx"]

# The regexes match "Dienstag", "März" capitalised; MONTHS/WEEKDAYS are looked up lower-cased.
WEEKDAYS.update({k.capitalize(): v for k, v in list(WEEKDAYS.items())})
MONTHS.update({k.capitalize(): v for k, v in list(MONTHS.items())})


def number(word: str) -> float | None:
    """'175' -> 175, '1.200' -> 1200, '2,5' -> 2.5, 'zwei' -> 2."""
    w = word.strip().lower()
    if w in NUMBER_WORDS:
        return float(NUMBER_WORDS[w])
    if w.replace(".", "").replace(",", "").isdigit():
        if "," in w:
            return float(w.replace(".", "").replace(",", "."))
        if "." in w and all(len(p) == 3 for p in w.split(".")[1:]):
            return float(w.replace(".", ""))
        try:
            return float(w)
        except ValueError:
            return None
    return None
