"""Time: time expressions, durations and quantities (German and English), normalised with their basis."""

from __future__ import annotations

from readout.model import DateValue, Quantity, Timex
from readout.time import english
from readout.time import quantities as _q
from readout.time import timex as _t
from readout.time.duration import find_durations


def find_timexes(text: str, published: DateValue | None, start: int = 0, end: int | None = None,
                 lang: str = "de") -> list[Timex]:
    if lang == "en":
        return english.find_timexes_en(text, published, start, end)
    return _t.find_timexes(text, published, start, end)


def find_quantities(text: str, start: int = 0, end: int | None = None, lang: str = "de") -> list[Quantity]:
    if lang == "en":
        return english.find_quantities_en(text, start, end)
    return _q.find_quantities(text, start, end)


__all__ = ["find_durations", "find_quantities", "find_timexes"]
