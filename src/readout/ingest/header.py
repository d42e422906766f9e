"""The header convention of SPEC.md: ` date YYYY-MM[-DD]` [dateline outlet ` | `] then the body."""

from __future__ import annotations

import re
from typing import Any

from readout.model import DateValue

_DATE = re.compile(r"^ ?date (\d{4}-\d{2}(?:-\d{2})?)(?=\s|$)")
BAR_WINDOW = 80


def parse_header(text: str) -> tuple[int, dict[str, Any]]:
    """(offset of the first body character, metadata) for a text that may start with a header.

    >>> parse_header(" date 2025-03 Moskau taz | Zwei Stunden")
    (26, {'published': DateValue(value='2025-03', precision='month'), 'dateline': 'Moskau', 'outlet': 'taz'})
    """
    m = _DATE.match(text)
    if not m:
        return 0, {}
    value = m.group(1)
    meta: dict[str, Any] = {"published": DateValue(value, "day" if len(value) == 10 else "month")}
    pos = m.end()
    line_end = text.find("\n")
    first_line = text[: line_end if line_end >= 0 else len(text)]
    bar = first_line.find(" | ", pos)
    if 0 <= bar <= BAR_WINDOW:
        words = text[pos:bar].split()
        if words:
            meta["outlet"] = words[-1]
            if len(words) > 1:
                meta["dateline"] = " ".join(words[:-1])
        pos = bar + 3
    elif pos < len(text) and text[pos] == " ":
        pos += 1
    return pos, meta
