"""What German and English segmentation share: lines first, then sentence ends within a line.

A short line without final punctuation is a heading (news headlines, subheads, datelines), kept
as its own sentence so it never joins the text after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from readout.model import Sentence, Token

_HEADING_END = re.compile(r"[.!?…:“”\"»«)]\s*$")


def segment(text: str, start: int, end: int,
            sentence_ends: Callable[[str, int, int], list[int]],
            tokens: Callable[[str, int, int], list[Token]]) -> list[Sentence]:
    """Sentences of ``text[start:end]`` with offsets into ``text``."""
    out: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text[:end]):
        ls, le = line.start(), line.end()
        if le <= start:
            continue
        ls = max(ls, start)
        while ls < le and text[ls].isspace():
            ls += 1
        while le > ls and text[le - 1].isspace():
            le -= 1
        if ls >= le:
            continue
        stripped = text[ls:le]
        heading = (len(stripped) < 120 and not _HEADING_END.search(stripped)) or stripped.endswith("|")
        cut = ls
        for e in sentence_ends(text, ls, le) + [le]:
            s = cut
            while s < e and text[s].isspace():
                s += 1
            if e > s:
                sent_end = e
                while sent_end > s and text[sent_end - 1].isspace():
                    sent_end -= 1
                out.append(Sentence(s, sent_end, tokens(text, s, sent_end), is_heading=heading))
            cut = e
    return out
