"""English time expressions, durations and quantities, on the same rules as the German ones.

"on Tuesday" is the latest Tuesday on or before publication unless the sentence looks ahead ("next
Tuesday", "by Friday"); "the night to Friday" is the night that ends on Friday; "May 19" takes the
year of publication (the year before when the month lies more than two months after it). With a
month-only publication a weekday resolves to that month, the weekday kept in the basis; with no
publication date nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from importlib.resources import files

from readout.model import DateValue, Quantity, Timex
from readout.time.quantities import DESIGNATION
from readout.time.timex import _anchor, _weekday, _year_for, season, shifted

_AHEAD = re.compile(r"\b(?:will|'ll|would|to be held|scheduled|set to|is to|are to|plans?|planned|expected to|due to)\b[^.]*$")


def _looks_ahead(text: str, m: re.Match) -> bool:
    """The clause before the expression speaks of what is to come ("will recognise … in September")."""
    return bool(_AHEAD.search(text[max(0, m.start() - 60):m.start()].lower()))


@cache
def _data() -> dict:
    return json.loads(files("readout").joinpath("data", "time_en.json").read_text(encoding="utf-8"))


def _wd() -> dict[str, int]:
    return _data()["weekdays"]


def _months() -> dict[str, int]:
    return {k: v for k, v in _data()["months"].items()}


def _num(word: str) -> float | None:
    w = word.strip().lower()
    nums = _data()["numbers"]
    if w in nums:
        return float(nums[w])
    w2 = w.replace(",", "")
    try:
        return float(w2)
    except ValueError:
        return None


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    wd = "|".join(k.capitalize() for k in _wd())
    mon = "|".join(sorted((re.escape(k.capitalize()) for k in _months()), key=len, reverse=True))
    num = r"\d+(?:[.,]\d+)?|" + "|".join(sorted((k for k in _data()["numbers"] if " " not in k), key=len, reverse=True))
    return [
        ("night", re.compile(rf"\b(?:(?i:in|on|during) )?(?i:the) night (?:to|into|before|of \w+ to) (?P<wd>{wd})\b|\b(?i:overnight) (?:to|into) (?P<wd2>{wd})\b")),
        ("deadline_wd", re.compile(rf"\b(?:by|before|until|no later than) (?:next |this )?(?P<wd>{wd})\b")),
        ("deadline_date", re.compile(rf"\b(?:by|before|until|no later than) (?P<m>{mon}) (?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y>\d{{4}}))?")),
        ("deadline_week", re.compile(r"\b(?:by|before) the end of (?:the|this|next) (?P<u>week|month)\b")),
        ("within", re.compile(rf"\bwithin (?:the next )?(?P<n>{num}) (?P<u>days|weeks|months|hours)\b", re.IGNORECASE)),
        ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
        ("date_us", re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})\b")),
        ("date_md", re.compile(rf"\b(?:on )?(?P<m>{mon}) (?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y>\d{{4}}))?\b")),
        ("date_dm", re.compile(rf"\b(?:on )?(?:the )?(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<m>{mon})(?:,? (?P<y>\d{{4}}))?\b")),
        ("part_month", re.compile(rf"\b(?:(?i:in) )?(?:(?i:the) )?(?P<part>(?i:early|mid|late|beginning of|end of|middle of))[- ](?P<m>{mon})(?: (?P<y>\d{{4}}))?")),
        ("month", re.compile(rf"\b(?:in|since|until|by|from|during) (?P<m>{mon})(?:,? (?P<y>\d{{4}}))?\b")),
        ("weekday", re.compile(rf"\b(?:(?:on|since|from) )?(?:(?P<rel>last|next|this|coming|past) )?(?P<wd>{wd})(?: (?P<part>night|morning|evening|afternoon))?\b")),
        ("rel_day", re.compile(r"\b(?P<w>today|yesterday|tomorrow|the day before|the previous day)\b", re.IGNORECASE)),
        ("last_night", re.compile(r"\b(?:overnight|last night|during the night)\b", re.IGNORECASE)),
        ("rel_week", re.compile(r"\b(?P<w>last week|next week|this week|earlier this week|later this week|the past week|the previous week)\b", re.IGNORECASE)),
        ("ago", re.compile(rf"\b(?P<n>{num}) (?P<u>days?|weeks?|months?|years?) ago\b", re.IGNORECASE)),
        ("season", re.compile(r"\b(?:in (?:the )?|this |last |since the )(?P<s>spring|summer|autumn|fall|winter)(?: (?:of )?(?P<y>\d{4}))?\b", re.IGNORECASE)),
        ("year", re.compile(r"\b(?:in|since|until|by|from|during|early|late|mid-) ?(?P<y>(?:19|20)\d{2})\b")),
        ("clock", re.compile(r"\b(?:at |around |after |before )?(?P<h>\d{1,2})(?::(?P<mi>\d{2}))? ?(?P<ap>a\.m\.|p\.m\.|am|pm|GMT|UTC|local time)(?!\w)")),
    ]


_DUR_HM = re.compile(
    r"(?:(?P<approx>nearly|almost|about|around|more than|over|roughly|just over|some)\s+)?\b(?P<h>\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"
    r"[- ](?:and[- ]a[- ]half[- ])?hours?(?:[- ]long)?(?:,? and (?P<m>\d+|[a-z]+) minutes?)?\b", re.IGNORECASE)
_DUR_M = re.compile(r"(?:(?P<approx>nearly|almost|about|around|more than|over|roughly)\s+)?\b(?P<m>\d+|[a-z]+)[- ]minutes?(?:[- ]long)?\b", re.IGNORECASE)
_DUR_SPAN = re.compile(r"\b(?P<prep>for|over the past|over the next|in the past|over)\s+(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|thirty|sixty|ninety)\s+(?P<u>days|weeks|months|years)\b", re.IGNORECASE)
_DUR_ADJ = re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|ten|twelve|thirty|sixty|ninety)-(?P<u>day|week|month|year)\b", re.IGNORECASE)
_SPAN_MIN = {"day": 1440, "week": 10080, "month": 43200, "year": 525600}


def find_durations_en(text: str, start: int = 0, end: int | None = None) -> list[Timex]:
    end = len(text) if end is None else end
    out: list[Timex] = []
    taken: list[tuple[int, int]] = []

    def add(s: int, e: int, minutes: float | None, basis: str) -> None:
        if minutes is None or any(not (e <= a or s >= b) for a, b in taken):
            return
        taken.append((s, e))
        out.append(Timex(s, e, text[s:e], None, "unknown", "duration", basis, minutes=minutes))

    for m in _DUR_HM.finditer(text, start, end):
        h = _num(m.group("h"))
        if h is None:
            continue
        if re.search(r"and[- ]a[- ]half", m.group(0), re.IGNORECASE):
            h += 0.5
        mi = _num(m.group("m")) if m.group("m") else 0.0
        if mi is None:
            continue
        add(m.start(), m.end(), h * 60 + mi, f"{h:g} h {mi:g} min" + (f" ({m.group('approx')})" if m.group("approx") else ""))
    for m in _DUR_M.finditer(text, start, end):
        n = _num(m.group("m"))
        add(m.start(), m.end(), n, f"{n:g} min" if n is not None else "")
    for m in _DUR_SPAN.finditer(text, start, end):
        n = _num(m.group("n"))
        u = m.group("u").lower().rstrip("s")
        add(m.start(), m.end(), n * _SPAN_MIN[u] if n is not None else None, f"{m.group('prep')} {m.group('n')} {m.group('u')}")
    for m in _DUR_ADJ.finditer(text, start, end):
        n = _num(m.group("n"))
        u = m.group("u").lower()
        add(m.start(), m.end(), n * _SPAN_MIN[u] if n is not None else None, f"{m.group('n')}-{u}")
    return sorted(out, key=lambda t: t.start)


def find_timexes_en(text: str, published: DateValue | None, start: int = 0, end: int | None = None) -> list[Timex]:
    end = len(text) if end is None else end
    found: list[Timex] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for tx in find_durations_en(text, start, end):
        found.append(tx)
        taken.append((tx.start, tx.end))
    for kind, pat in _patterns():
        for m in pat.finditer(text, start, end):
            s, e = m.start(), m.end()
            if not free(s, e):
                continue
            tx = _resolve(kind, m, published, text)
            if tx is None:
                continue
            tx.start, tx.end, tx.text = s, e, text[s:e]
            found.append(tx)
            taken.append((s, e))
    return sorted(found, key=lambda t: t.start)


def _ymd(y: int, mon: int, day: int) -> str | None:
    try:
        return dt.date(y, mon, day).isoformat()
    except ValueError:
        return None


def _resolve(kind: str, m: re.Match[str], pub: DateValue | None, text: str) -> Timex | None:
    g = m.groupdict()
    months = _months()
    if kind == "night":
        wd = (g.get("wd") or g.get("wd2") or "").lower()
        v, p, basis = _weekday(wd, pub, False, "night to")
        return Timex(0, 0, "", v, p, "date", basis + " (the night ending that day)")  # type: ignore[arg-type]
    if kind == "deadline_wd":
        v, p, basis = _weekday(g["wd"].lower(), pub, True, "deadline")
        return Timex(0, 0, "", v, p, "deadline", basis, future=True)  # type: ignore[arg-type]
    if kind == "deadline_week":
        day = _anchor(pub)
        if day is None:
            return Timex(0, 0, "", None, "unknown", "deadline", f"end of the {g['u']}; no anchor", future=True)
        if g["u"].lower() == "week":
            d = day + dt.timedelta(days=(6 - day.weekday()))
            return Timex(0, 0, "", d.isoformat(), "day", "deadline", f"end of the week of {pub.value}", future=True)  # type: ignore[union-attr]
        return Timex(0, 0, "", day.isoformat()[:7], "month", "deadline", f"end of the month of {pub.value}", future=True)  # type: ignore[union-attr]
    if kind == "within":
        n = _num(g["n"])
        mult = {"days": 1440, "weeks": 10080, "months": 43200, "hours": 60}[g["u"].lower()]
        return Timex(0, 0, "", None, "unknown", "deadline", f"within {g['n']} {g['u']}",
                     minutes=n * mult if n is not None else None, future=True)
    if kind in ("iso", "date_us", "date_md", "date_dm", "deadline_date"):
        mon = int(g["m"]) if g["m"].isdigit() else months[g["m"].lower()]
        day = int(g["d"])
        if g["m"].lower() == "may" and kind in ("date_md",) and not re.match(r"May \d", m.group(0).replace("on ", "")):
            return None
        if g.get("y"):
            y, basis = int(g["y"]), "explicit date"
        else:
            yy, why = _year_for(mon, day, pub, kind == "deadline_date" or _looks_ahead(text, m))
            if yy is None:
                return Timex(0, 0, "", None, "unknown", "deadline" if kind == "deadline_date" else "date",
                             f"day and month without year; {why}")
            y, basis = yy, f"explicit day and month; {why}"
        v = _ymd(y, mon, day)
        if v is None:
            return None
        return Timex(0, 0, "", v, "day", "deadline" if kind == "deadline_date" else "date", basis,
                     future=kind == "deadline_date")
    if kind in ("part_month", "month"):
        if g["m"] == "May" and kind == "month" and not re.search(r"\b(?:in|since|until|by|from|during) May\b", m.group(0)):
            return None
        mon = months[g["m"].lower()]
        if g.get("y"):
            y, basis = int(g["y"]), "explicit month and year"
        else:
            yy, basis = _year_for(mon, None, pub, _looks_ahead(text, m))
            if yy is None:
                return Timex(0, 0, "", None, "unknown", "date", f"month without year; {basis}")
            y = yy
        part = f"{g['part'].lower()} of month; " if g.get("part") else ""
        return Timex(0, 0, "", f"{y}-{mon:02d}", "month", "date", part + basis)
    if kind == "weekday":
        rel = (g.get("rel") or "").lower()
        forward = rel in ("next", "coming") or _looks_ahead(text, m)
        v, p, basis = _weekday(g["wd"].lower(), pub, forward, "weekday")
        if rel in ("last", "past") and p == "day" and v == (pub.value if pub else None):
            v = (dt.date.fromisoformat(v) - dt.timedelta(days=7)).isoformat()  # type: ignore[arg-type]
            basis += "; 'last' excludes the publication day"
        return Timex(0, 0, "", v, p, "date", basis, future=forward)  # type: ignore[arg-type]
    if kind == "last_night":
        day = _anchor(pub)
        if day is None:
            return Timex(0, 0, "", pub.value if pub else None, pub.precision if pub else "unknown", "date",  # type: ignore[arg-type]
                         "the past night; publication not day-precise")
        return Timex(0, 0, "", day.isoformat(), "day", "date", f"the past night, ending on publication day {pub.value}")  # type: ignore[union-attr]
    if kind == "rel_day":
        w = g["w"].lower()
        offset = {"today": 0, "yesterday": -1, "tomorrow": 1}.get(w)
        if offset is None:
            return Timex(0, 0, "", None, "unknown", "date", "day before another event (not resolved here)")
        day = _anchor(pub)
        if day is None:
            if pub is not None and pub.value:
                return Timex(0, 0, "", pub.value, pub.precision, "date", f"'{w}'; publication {pub.precision} only",
                             future=offset > 0)  # type: ignore[arg-type]
            return Timex(0, 0, "", None, "unknown", "date", f"'{w}'; no anchor")
        d = day + dt.timedelta(days=offset)
        return Timex(0, 0, "", d.isoformat(), "day", "date", f"'{w}' relative to publication {pub.value}",  # type: ignore[union-attr]
                     future=offset > 0)
    if kind in ("rel_week", "ago"):
        if kind == "ago":
            n = _num(g["n"]) or 1
            unit = g["u"].lower().rstrip("s")
            days = int({"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n)
            label = f"{g['n']} {g['u']} before publication"
        else:
            w = g["w"].lower()
            days = -7 if "next" in w else (0 if "this" in w else 7)
            label = "week " + ("after" if days < 0 else "of" if days == 0 else "before") + " publication"
        return shifted(pub, days, label, week=kind == "rel_week")
    if kind == "season":
        return season(g, pub)
    if kind == "year":
        return Timex(0, 0, "", g["y"], "year", "date", "explicit year")
    if kind == "clock":
        h = int(g["h"])
        if h > 24:
            return None
        ap = (g.get("ap") or "").lower()
        if ap.startswith("p") and h < 12:
            h += 12
        return Timex(0, 0, "", None, "unknown", "time", f"clock time {h:02d}:{g.get('mi') or '00'}")
    return None


@cache
def _quantity_re() -> re.Pattern[str]:
    d = _data()
    words = "|".join(sorted((k for k in d["numbers"] if k not in ("a", "an", "a half", "half an", "dozens")), key=len, reverse=True))
    approx = "|".join(sorted((re.escape(k) for k in d["approx"]), key=len, reverse=True))
    scale = "|".join(sorted((re.escape(k) for k in d["scales"] if len(k) > 1), key=len, reverse=True))
    unit = "|".join(sorted((re.escape(k) for k in d["units"] if k != "$"), key=len, reverse=True))
    return re.compile(
        rf"(?:(?P<approx>(?i:{approx}))\s+)?(?P<cur>\$|€|£)?"
        rf"(?<![\w.,])(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?i:{words}))(?![\w,]\d)"
        rf"(?:-for-(?P<num2>\d+))?"
        rf"(?:\s*(?P<scale>(?i:{scale}))\b)?"
        rf"(?:\s*(?P<unit>(?i:{unit}))(?!\w))?"
    )


def find_quantities_en(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    end = len(text) if end is None else end
    d = _data()
    out: list[Quantity] = []
    for m in _quantity_re().finditer(text, start, end):
        raw = m.group("num")
        value = _num(raw)
        if value is None or DESIGNATION.search(text, max(0, m.start("num") - 6), m.start("num")):
            continue  # "F-16", "S-400", "MiG-29": a designation, not a count
        unit_word, scale, cur = m.group("unit"), m.group("scale"), m.group("cur")
        if raw.isdigit() and len(raw) == 4 and 1900 <= value <= 2100 and not unit_word and not cur:
            continue  # a year
        after = text[m.end():m.end() + 12]
        if re.match(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC)", after) or re.match(r"\s*(?:st|nd|rd|th)\b", after):
            continue
        before = text[max(0, m.start() - 12):m.start()]
        if re.search(r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s*$", before):
            continue  # "May 19"
        if raw[0].isalpha() and not unit_word and not scale:
            continue  # a number word alone is too often an article or a pronoun
        if scale:
            value *= d["scales"][scale.lower()]
        unit = d["units"].get(unit_word.lower()) if unit_word else None
        if cur:
            unit = {"$": "USD", "€": "EUR", "£": "GBP"}[cur]
        approx = d["approx"].get(m.group("approx").lower()) if m.group("approx") else None
        s = m.start("approx") if m.group("approx") else (m.start("cur") if cur else m.start("num"))
        e = m.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        what = None
        if unit == "person" and unit_word:
            what = unit_word.lower()
        out.append(Quantity(s, e, text[s:e], value, unit, approx, what))
        if m.group("num2"):  # "9-for-9": two counts of one exchange
            v2 = float(m.group("num2"))
            out[-1].text = text[s:m.end("num2")]
            out[-1].end = m.end("num2")
            out.append(Quantity(m.start("num2"), m.end("num2"), m.group("num2"), v2, "person", None, "exchange"))
    return out
