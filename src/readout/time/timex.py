"""German time expressions, normalised against the publication date with the reasoning kept.

Rules (each result says which one applied in ``basis``):
- weekday ("am Dienstag"): the latest such day on or before publication; "kommenden"/"nächsten" and
  deadlines ("bis Freitag") point to the first such day after it. With a month-only publication the
  value is that month (precision month) and the basis keeps the weekday; with none it stays null.
- "in der Nacht auf/zum Freitag": the night that ends on that Friday; its value is the Friday.
- explicit dates take the year from the text, else from publication (a date more than two months
  after publication is taken to be in the year before).
- "vor einer Woche" / "vergangene Woche": publication minus 7 days when it is day-precise; with a
  month-only publication only the year is certain (the week may reach into the month before).
- nothing is ever resolved to the publication date without a word that says so ("heute").
"""

from __future__ import annotations

import datetime as dt
import re

from readout.model import DateValue, Timex
from readout.time.words import MONTHS, NUMBER_WORDS, WEEKDAYS, number

_WD = "|".join(WEEKDAYS)
_MON = "|".join(MONTHS)
_NUM = r"\d+(?:[.,]\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("night_from", re.compile(rf"\b[Ii]n der Nacht (?:von|vom) (?:\w+ )?(?P<wd0>{_WD}) (?:auf|zum) (?:den )?(?P<wd>{_WD})\b")),
    ("night", re.compile(rf"\b[Ii]n der Nacht (?:auf|zum) (?:den |kommenden |vergangenen )?(?P<wd>{_WD})\b")),
    ("last_night", re.compile(r"\b(?:[Ii]n der )?(?:vergangenen|letzten|gestrigen) Nacht\b|\b[Vv]ergangene Nacht\b|\b[Hh]eute [Nn]acht\b")),
    ("deadline_wd", re.compile(rf"\b[Bb]is (?:zum |spätestens |zum kommenden )?(?:kommenden |nächsten )?(?P<wd>{_WD})\b")),
    ("deadline_date", re.compile(rf"\b[Bb]is (?:zum |spätestens )?(?P<d>\d{{1,2}})\. ?(?P<m>{_MON})(?: (?P<y>\d{{4}}))?")),
    ("deadline_month", re.compile(rf"\b[Bb]is (?:spätestens )?(?:(?P<part>Anfang|Mitte|Ende) )?(?P<m>{_MON})(?: (?P<y>\d{{4}}))?\b")),
    ("deadline_year_end", re.compile(r"\b[Bb]is (?:zum |spätestens zum )?(?:Jahresende|Ende des Jahres)\b")),
    ("deadline_week_end", re.compile(r"\b[Bb]is (?:zum )?Ende der (?:Woche|kommenden Woche)\b|\b[Bb]is (?:zum )?Wochenende\b")),
    ("deadline_year", re.compile(r"\b[Bb]is (?:spätestens )?(?:zum Jahr )?(?P<y>(?:19|20)\d{2})\b")),
    ("within", re.compile(rf"\b(?:[Bb]innen|[Ii]nnerhalb von|[Ii]nnerhalb) (?P<n>{_NUM}) (?P<u>Tagen|Wochen|Monaten|Stunden)\b")),
    ("date_full", re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d{2})\b")),
    ("date_short", re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?!\d)")),
    ("date_range", re.compile(rf"\b(?:[Vv]om |[Aa]m )?(?P<d>\d{{1,2}})\.(?= ?(?:bis|und|–|-) ?\d{{1,2}}\. ?(?P<m>{_MON}))")),
    ("date_dm", re.compile(rf"\b(?:[Aa]m |[Vv]om |dem |zum |[Ss]eit dem )?(?P<d>\d{{1,2}})\. ?(?P<m>{_MON})(?: (?P<y>\d{{4}}))?")),
    ("part_month", re.compile(rf"\b(?P<part>Anfang|Mitte|Ende) (?P<m>{_MON})(?: (?P<y>\d{{4}}))?")),
    ("month", re.compile(rf"\b(?:[Ii]m|[Ss]eit|[Bb]is|[Vv]om) (?P<m>{_MON})(?: (?P<y>\d{{4}}))?\b")),
    ("rel_month_year", re.compile(r"\b(?P<w>(?:[Ii]m )?(?:vergangenen|letzten|vorigen|kommenden|nächsten) (?:Jahr|Monat)|(?:[Vv]ergangenes|[Ll]etztes|[Nn]ächstes|[Kk]ommendes) Jahr|[Vv]origes Jahr|(?:[Ii]n )?diesem Jahr|[Dd]ieses Jahr|[Vv]orjahr)\b")),
    ("weekday_next_week", re.compile(rf"\b(?:(?:[Aa]m|[Vv]om) )?(?P<wd>{_WD}) (?:der )?(?:nächster|kommender|nächsten|kommenden) Woche\b")),
    ("weekday", re.compile(rf"\b(?:(?:[Aa]m|[Vv]om|[Ss]eit|dem) )?(?:(?P<rel>vergangenen|letzten|kommenden|nächsten|selben|gleichen) )?(?P<wd>{_WD})(?P<part>abend|morgen|nachmittag|mittag|vormittag)?\b")),
    ("rel_day", re.compile(r"\b(?P<w>[Hh]eute|[Gg]estern|[Vv]orgestern|[Üü]bermorgen|[Mm]orgen(?! früh\b)|am Vortag)\b")),
    ("rel_week", re.compile(r"\b(?P<w>(?:[Ii]n der )?(?:vergangenen|letzten|vorigen) Woche|[Vv]ergangene Woche|[Ll]etzte Woche|[Nn]ächste Woche|(?:[Ii]n der )?nächsten Woche|[Kk]ommende Woche|(?:[Ii]n der )?kommenden Woche|[Dd]iese Woche|(?:[Ii]n )?dieser Woche)\b")),
    ("ago", re.compile(rf"\b[Vv]or (?P<n>{_NUM}|einer|einem|zwei) (?P<u>Tagen|Tag|Wochen|Woche|Monaten|Monat|Jahren|Jahr)\b")),
    ("season", re.compile(r"\b(?:[Ii]m|[Ss]eit dem) (?P<s>Frühjahr|Frühling|Sommer|Herbst|Winter)(?: (?P<y>\d{4}))?")),
    ("year", re.compile(r"\b(?:im Jahr(?:e)? |seit |bis |Anfang |Ende |Mitte |[A-ZÄÖÜ]\w+s )(?P<y>(?:19|20)\d{2})\b")),
    ("clock_between", re.compile(r"\bzwischen (?P<h>\d{1,2})(?=\s+und\s+\d{1,2}(?:[.:]\d{2})? Uhr)")),
    ("clock", re.compile(rf"\b(?:[Uu]m |[Gg]egen |[Aa]b |[Ff]ür )?(?P<h>\d{{1,2}}|{_NUM})(?:[.:](?P<mi>\d{{2}}))? Uhr\b")),
    ("clock_half", re.compile(rf"\b(?:[Uu]m |[Gg]egen )?halb (?P<h>{_NUM}|\d{{1,2}})(?: (?:Uhr )?(?P<pm>am Nachmittag|nachmittags|abends|am Abend))?")),
    ("midnight", re.compile(r"\b(?:[Uu]m |[Gg]egen |[Aa]b )?(?P<w>Mitternacht|Mittag)\b")),
]


_NEEDS = {
    "night_from": ("nacht",), "night": ("nacht",), "last_night": ("nacht",), "deadline_wd": ("bis",),
    "deadline_date": ("bis",), "deadline_month": ("bis",), "deadline_year_end": ("bis",), "deadline_week_end": ("bis",),
    "deadline_year": ("bis",), "within": ("binnen", "innerhalb"), "rel_month_year": ("jahr", "monat"),
    "weekday_next_week": ("woche",), "rel_week": ("woche",), "ago": ("vor ",), "clock_between": ("uhr",),
    "clock": ("uhr",), "clock_half": ("halb",), "midnight": ("mitternacht", "mittag"),
    "season": ("frühjahr", "frühling", "sommer", "herbst", "winter"), "part_month": ("anfang", "mitte", "ende"),
}


def _date(v: str | None, precision: str) -> tuple[str | None, str]:
    return v, precision


def _anchor(pub: DateValue | None) -> dt.date | None:
    if pub is None or pub.precision != "day" or not pub.value:
        return None
    try:
        return dt.date.fromisoformat(pub.value)
    except ValueError:
        return None


def _weekday(wd: str, pub: DateValue | None, forward: bool, label: str) -> tuple[str | None, str, str]:
    idx = WEEKDAYS.get(wd.lower())
    if idx is None:  # an English weekday (time/english.py shares these rules)
        from readout.time.english import _wd

        idx = _wd()[wd.lower()]
    day = _anchor(pub)
    if day is not None and not (dt.date.min + dt.timedelta(days=8) <= day <= dt.date.max - dt.timedelta(days=8)):
        day = None  # a header date at the edge of the calendar (9999-12-31) anchors nothing
    if day is not None:
        if forward:
            delta = (idx - day.weekday()) % 7 or 7
            d = day + dt.timedelta(days=delta)
            return d.isoformat(), "day", f"{label} {wd}: first after publication {pub.value}"  # type: ignore[union-attr]
        delta = (day.weekday() - idx) % 7
        d = day - dt.timedelta(days=delta)
        return d.isoformat(), "day", f"{label} {wd}: latest on or before publication {pub.value}"  # type: ignore[union-attr]
    if pub is not None and pub.value and pub.precision == "month":
        return pub.value, "month", f"{label} {wd}; publication month only"
    if pub is not None and pub.value and pub.precision == "year":
        return pub.value, "year", f"{label} {wd}; publication year only"
    return None, "unknown", f"{label} {wd}; no anchor"


def _year_for(month: int, day: int | None, pub: DateValue | None, future: bool = False) -> tuple[int | None, str]:
    """The year of a day and month without one: publication's year, the year before when the month
    lies more than two months after publication, the year after when it lies far before it and the
    text looks ahead (a January date in a December article about what is planned)."""
    if pub is None or not pub.value:
        return None, "no year in the text and no publication date"
    y = int(pub.value[:4])
    if len(pub.value) >= 7:
        pm = int(pub.value[5:7])
        if month > pm + 2 and not (future and month - pm <= 6):
            return y - 1, "year before publication (month lies after it)"
        if pm - month >= 8 and (future or pm - month >= 10):
            return y + 1, "year after publication (month lies far before it; the text looks ahead)"
    return y, "year from publication"


def find_timexes(text: str, published: DateValue | None, start: int = 0, end: int | None = None) -> list[Timex]:
    end = len(text) if end is None else end
    region = text[start:end]
    found: list[Timex] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    low = region.lower()
    for kind, pat in _PATTERNS:
        need = _NEEDS.get(kind)
        if need and not any(n in low for n in need):
            continue  # the pattern cannot match without this word: skip the scan
        for m in pat.finditer(region):
            s, e = start + m.start(), start + m.end()
            if not free(s, e):
                continue
            tx = _resolve(kind, m, published, _looks_ahead(text, s, e))
            if tx is None:
                continue
            tx.start, tx.end, tx.text = s, e, text[s:e]
            found.append(tx)
            taken.append((s, e))
    from readout.time.duration import find_durations

    for tx in find_durations(text, start, end):
        if free(tx.start, tx.end):
            found.append(tx)
            taken.append((tx.start, tx.end))
    return sorted(found, key=lambda t: t.start)


_FUTURE = re.compile(r"\b(?:wird|werden|werde|will|wollen|wolle|soll|sollen|solle|plant|planen|geplant|erwartet|"
                     r"anreisen|beginnen|soll|morgen|kommende[nr]?|nächste[nr]?|angesetzt|vorgesehen)\b")
_PAST = re.compile(r"\b(?:hat|haben|hatte|hatten|war|waren|wurde|wurden|sagte|sagten|erklärte|teilte|traf|trafen|"
                   r"telefonierte|telefonierten|gewesen|worden)\b")
_CLAUSE_END = re.compile(r"[.;!?]|,\s*(?:sagte|erklärte|teilte|hieß)")


def _looks_ahead(text: str, s: int, e: int) -> bool:
    """The clause of a time expression speaks of the future ("Trump will am Montag telefonieren",
    "Am Freitag wird der Kanzler erwartet") and of nothing past."""
    lo = max(text.rfind(".", 0, s), text.rfind("\n", 0, s), text.rfind(";", 0, s)) + 1
    m = _CLAUSE_END.search(text, e)
    hi = m.start() if m else len(text)
    clause = text[lo:hi]
    return bool(_FUTURE.search(clause)) and not _PAST.search(clause)


def shifted(pub: DateValue | None, days: int, label: str, week: bool = False) -> Timex:
    """A time ``days`` before publication (negative: after); a named week resolves to its month.
    Shared by the German and English rules ("vor drei Tagen", "three days ago", "last week")."""
    day = _anchor(pub)
    if days > 36500 * 3:  # "vor 10.000 Jahren": history, not a date readout can place
        return Timex(0, 0, "", None, "unknown", "date", f"{label}; too far back")
    if day is not None:
        d = day - dt.timedelta(days=days)
        prec = "day" if not week and days < 60 else ("month" if days < 400 else "year")
        v: str | None = d.isoformat() if prec == "day" else (d.isoformat()[:7] if prec == "month" else str(d.year))
        if week:
            v, prec, label = _week_value(d, label)
            v = v or None
        return Timex(0, 0, "", v, prec, "date", label, future=days < 0)  # type: ignore[arg-type]
    if pub is not None and pub.value:
        return Timex(0, 0, "", pub.value[:4], "year", "date", f"{label}; publication {pub.precision} only",
                     future=days < 0)
    return Timex(0, 0, "", None, "unknown", "date", f"{label}; no anchor")


def season(g: dict, pub: DateValue | None) -> Timex:
    y = g.get("y") or (pub.value[:4] if pub and pub.value else None)
    return Timex(0, 0, "", y, "year" if y else "unknown", "date",
                 f"season {g['s']}" + ("" if g.get("y") else "; year from publication" if y else "; no anchor"))


def _week_value(d: dt.date, label: str) -> tuple[str, str, str]:
    """A week named relative to publication: its month when the whole week lies in one month."""
    monday = d - dt.timedelta(days=d.weekday())
    sunday = monday + dt.timedelta(days=6)
    if monday.month == sunday.month:
        return monday.isoformat()[:7], "month", f"{label}: the week of {monday.isoformat()}"
    return str(monday.year) if monday.year == sunday.year else "", "year" if monday.year == sunday.year else "unknown", \
        f"{label}: the week of {monday.isoformat()} (spans two months)"


def _resolve(kind: str, m: re.Match[str], pub: DateValue | None, ahead: bool = False) -> Timex | None:
    g = m.groupdict()
    if kind in ("night", "night_from"):
        v, p, basis = _weekday(g["wd"], pub, ahead, "night to")
        return Timex(0, 0, "", v, p, "date", basis + " (the night ending that day)", future=ahead)  # type: ignore[arg-type]
    if kind == "last_night":
        day = _anchor(pub)
        if day is None:
            return Timex(0, 0, "", pub.value if pub else None, pub.precision if pub else "unknown", "date",  # type: ignore[arg-type]
                         "the past night; publication not day-precise")
        if m.group(0).lower().startswith("heute"):
            return Timex(0, 0, "", day.isoformat(), "day", "date", "tonight: the night after publication day", future=True)
        return Timex(0, 0, "", day.isoformat(), "day", "date", f"the past night, ending on publication day {pub.value}")  # type: ignore[union-attr]
    if kind == "deadline_month":
        mon = MONTHS[g["m"].lower()]
        if g.get("y"):
            y, basis = int(g["y"]), "explicit month and year"
        else:
            yy, basis = _year_for(mon, None, pub, True)
            if yy is None:
                return Timex(0, 0, "", None, "unknown", "deadline", f"by a month without year; {basis}", future=True)
            y = yy
        return Timex(0, 0, "", f"{y}-{mon:02d}", "month", "deadline", "deadline " + (f"{g['part'].lower()} of month; " if g.get("part") else "") + basis,
                     future=True)
    if kind == "deadline_year_end":
        if pub is None or not pub.value:
            return Timex(0, 0, "", None, "unknown", "deadline", "end of the year; no anchor", future=True)
        return Timex(0, 0, "", pub.value[:4], "year", "deadline", "end of the publication year", future=True)
    if kind == "deadline_week_end":
        day = _anchor(pub)
        if day is None:
            return Timex(0, 0, "", None, "unknown", "deadline", "end of the week; no anchor", future=True)
        d = day + dt.timedelta(days=6 - day.weekday())
        if "kommenden" in m.group(0):
            d += dt.timedelta(days=7)
        return Timex(0, 0, "", d.isoformat(), "day", "deadline", f"end of the week of {pub.value}", future=True)  # type: ignore[union-attr]
    if kind == "deadline_year":
        return Timex(0, 0, "", g["y"], "year", "deadline", "by an explicit year", future=True)
    if kind == "weekday_next_week":
        day = _anchor(pub)
        if day is None:
            return Timex(0, 0, "", None, "unknown", "date", f"{g['wd']} of the next week; no anchor", future=True)
        monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(days=7)
        d = monday + dt.timedelta(days=WEEKDAYS[g["wd"].lower()])
        return Timex(0, 0, "", d.isoformat(), "day", "date", f"{g['wd']} of the week after publication {pub.value}", future=True)  # type: ignore[union-attr]
    if kind == "rel_month_year":
        w = g["w"].lower()
        if pub is None or not pub.value:
            return Timex(0, 0, "", None, "unknown", "date", f"'{w}'; no anchor")
        y = int(pub.value[:4])
        back = any(x in w for x in ("vergangen", "letzt", "vorig", "vorjahr"))
        ahead = any(x in w for x in ("nächst", "kommend"))
        if "monat" in w:
            if len(pub.value) < 7:
                return Timex(0, 0, "", str(y), "year", "date", f"'{w}'; publication year only")
            mo = int(pub.value[5:7]) + (-1 if back else 1 if ahead else 0)
            yy = y + (mo - 1) // 12
            mo = (mo - 1) % 12 + 1
            return Timex(0, 0, "", f"{yy}-{mo:02d}", "month", "date", f"'{w}' relative to publication", future=ahead)
        yy = y - 1 if back else y + 1 if ahead else y
        return Timex(0, 0, "", str(yy), "year", "date", f"'{w}' relative to publication", future=ahead)
    if kind == "clock_between":
        h = int(g["h"])
        if h > 24:
            return None
        return Timex(0, 0, "", None, "unknown", "time", f"clock time {h:02d}:00 (start of a range)")
    if kind == "clock_half":
        h = number(g["h"])
        if h is None or h > 24:
            return None
        hh = int(h) - 1 + (12 if g.get("pm") and h < 12 else 0)
        return Timex(0, 0, "", None, "unknown", "time", f"clock time {hh:02d}:30")
    if kind == "midnight":
        return Timex(0, 0, "", None, "unknown", "time", "clock time 00:00" if g["w"] == "Mitternacht" else "clock time 12:00")
    if kind == "date_short":
        mon, day = int(g["m"]), int(g["d"])
        if not (1 <= mon <= 12 and 1 <= day <= 31):
            return None
        yy, why = _year_for(mon, day, pub, ahead)
        if yy is None:
            return Timex(0, 0, "", None, "unknown", "date", f"day and month without year; {why}")
        try:
            return Timex(0, 0, "", dt.date(yy, mon, day).isoformat(), "day", "date", f"numeric day and month; {why}")
        except ValueError:
            return None
    if kind == "date_range":
        mon = MONTHS[g["m"].lower()]
        day = int(g["d"])
        yy, why = _year_for(mon, day, pub, ahead)
        if yy is None or not 1 <= day <= 31:
            return None
        try:
            return Timex(0, 0, "", dt.date(yy, mon, day).isoformat(), "day", "date", f"first day of a range; {why}")
        except ValueError:
            return None
    if kind == "deadline_wd":
        v, p, basis = _weekday(g["wd"], pub, True, "deadline")
        return Timex(0, 0, "", v, p, "deadline", basis, future=True)  # type: ignore[arg-type]
    if kind in ("deadline_date", "date_dm", "date_full"):
        mon = MONTHS[g["m"].lower()] if not g["m"].isdigit() else int(g["m"])
        day = int(g["d"])
        if not (1 <= mon <= 12 and 1 <= day <= 31):
            return None
        if g.get("y"):
            y = int(g["y"]) + (2000 if len(g["y"]) == 2 else 0)
            basis = "explicit date"
        else:
            yy, basis = _year_for(mon, day, pub, ahead or kind == "deadline_date")
            if yy is None:
                return Timex(0, 0, "", None, "unknown", "deadline" if kind == "deadline_date" else "date",
                             f"day and month without year; {basis}")
            y = yy
            basis = f"explicit day and month; {basis}"
        try:
            d = dt.date(y, mon, day)
        except ValueError:
            return None
        return Timex(0, 0, "", d.isoformat(), "day", "deadline" if kind == "deadline_date" else "date", basis,
                     future=kind == "deadline_date")
    if kind == "within":
        n = number(g["n"])
        mult = {"Tagen": 1440, "Wochen": 10080, "Monaten": 43200, "Stunden": 60}[g["u"]]
        return Timex(0, 0, "", None, "unknown", "deadline", f"within {g['n']} {g['u']}",
                     minutes=n * mult if n is not None else None, future=True)
    if kind in ("part_month", "month"):
        mon = MONTHS[g["m"].lower()]
        if g.get("y"):
            y, basis = int(g["y"]), "explicit month and year"
        else:
            yy, basis = _year_for(mon, None, pub, ahead)
            if yy is None:
                return Timex(0, 0, "", None, "unknown", "date", f"month without year; {basis}")
            y = yy
        part = f"{g['part'].lower()} of month; " if g.get("part") else ""
        return Timex(0, 0, "", f"{y}-{mon:02d}", "month", "date", part + basis)
    if kind == "weekday":
        rel = (g.get("rel") or "").lower()
        forward = rel in ("kommenden", "nächsten") or (ahead and rel not in ("vergangenen", "letzten"))
        v, p, basis = _weekday(g["wd"], pub, forward, "weekday" + (" (the clause looks ahead)" if forward and not rel else ""))
        if rel in ("vergangenen", "letzten") and p == "day" and v == (pub.value if pub else None):
            d = dt.date.fromisoformat(v) - dt.timedelta(days=7)  # type: ignore[arg-type]
            v, basis = d.isoformat(), basis + "; 'vergangenen' excludes the publication day"
        return Timex(0, 0, "", v, p, "date", basis, future=forward)  # type: ignore[arg-type]
    if kind == "rel_day":
        w = g["w"].lower()
        offset = {"heute": 0, "gestern": -1, "vorgestern": -2, "morgen": 1, "übermorgen": 2, "am vortag": None}[w]
        day = _anchor(pub)
        if offset is None:
            return Timex(0, 0, "", None, "unknown", "date", "day before another event (not resolved here)")
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
            n = {"einer": 1, "einem": 1}.get(g["n"], None) or number(g["n"]) or 1
            unit = g["u"].rstrip("n").rstrip("e")
            days = {"Tag": 1, "Woch": 7, "Monat": 30, "Jahr": 365}.get(unit, 0) * n
            label = f"{int(n)} {g['u']} before publication"
        else:
            w = g["w"].lower()
            days = -7 if ("nächst" in w or "kommend" in w) else (0 if "diese" in w else 7)
            label = "week " + ("after" if days < 0 else "of" if days == 0 else "before") + " publication"
        return shifted(pub, days, label, week=kind == "rel_week")
    if kind == "season":
        return season(g, pub)
    if kind == "year":
        return Timex(0, 0, "", g["y"], "year", "date", "explicit year")
    if kind == "clock":
        hn = number(g["h"])
        if hn is None:
            return None
        h = int(hn)
        if h > 24:
            return None
        mi = g.get("mi") or "00"
        return Timex(0, 0, "", None, "unknown", "time", f"clock time {h:02d}:{mi}")
    return None
