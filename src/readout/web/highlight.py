"""Article text with spans highlighted, safe for HTML.

Article text is untrusted: it is cut at the span offsets and every piece is escaped on its own;
only the ``<mark>`` tags this module writes are markup. Overlapping spans nest: at each offset
where a span starts or ends, the marks that stay open are kept and the others are closed and
reopened in a fixed order (layer, then start, then longest first), so the output is always well
formed, and a span cut by another comes out as two marks (only the first carries its ``id``).

    >>> str(render("a <b> c", [Mark(2, 5, "ent", title="tag")]))
    'a <mark class="ent" title="tag">&lt;b&gt;</mark> c'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    css: str  # class attribute
    layer: int = 1  # smaller layers enclose larger ones where both cover the same text
    id: str | None = None
    title: str | None = None
    data: str | None = None  # data-ref attribute (event ids)

    def open_tag(self, with_id: bool) -> str:
        attrs = [f'class="{escape(self.css)}"']
        if with_id and self.id:
            attrs.append(f'id="{escape(self.id)}"')
        if self.title:
            attrs.append(f'title="{escape(self.title)}"')
        if self.data:
            attrs.append(f'data-ref="{escape(self.data)}"')
        return f"<mark {' '.join(attrs)}>"


def render(text: str, marks: list[Mark]) -> Markup:
    """``text`` as HTML with ``marks`` (offsets clipped to the text; empty marks dropped)."""
    n = len(text)
    good = []
    for m in marks:
        s, e = max(0, min(m.start, n)), max(0, min(m.end, n))
        if s < e:
            good.append(Mark(s, e, m.css, m.layer, m.id, m.title, m.data) if (s, e) != (m.start, m.end) else m)
    order = sorted(set(good), key=lambda m: (m.layer, m.start, -m.end, m.css, m.id or ""))
    rank = {m: i for i, m in enumerate(order)}
    bounds = sorted({0, n, *(m.start for m in good), *(m.end for m in good)})
    starting: dict[int, list[Mark]] = {}
    for m in order:
        starting.setdefault(m.start, []).append(m)
    out: list[str] = []
    stack: list[Mark] = []
    open_now: set[Mark] = set()
    with_id_done: set[Mark] = set()
    for a, b in zip(bounds, bounds[1:], strict=False):
        open_now = {m for m in open_now if m.end > a} | set(starting.get(a, ()))
        active = sorted(open_now, key=rank.__getitem__)
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep] is active[keep]:
            keep += 1
        out.extend("</mark>" for _ in stack[keep:])
        for m in active[keep:]:
            out.append(m.open_tag(m not in with_id_done))
            with_id_done.add(m)
        stack = active
        out.append(str(escape(text[a:b])))
    out.extend("</mark>" for _ in stack)
    return Markup("".join(out))


def span_anchor(start: int, end: int) -> str:
    """The id of an evidence span in the document view (``#s81-193``)."""
    return f"s{start}-{end}"


def excerpt(text: str | None, span: dict[str, Any], context: int = 160) -> dict[str, Any]:
    """The evidence span with some text around it, cut at word boundaries, for showing in place.

    ``ok`` is false when the offsets do not select the span's text (then only the span text is shown).
    """
    start, end = span.get("start"), span.get("end")
    quoted = span.get("text") or ""
    if (text is None or not isinstance(start, int) or not isinstance(end, int)
            or not 0 <= start <= end <= len(text) or text[start:end] != quoted):
        return {"ok": False, "before": "", "span": quoted, "after": "", "cut_before": False, "cut_after": False}
    lo = max(0, start - context)
    hi = min(len(text), end + context)
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    return {"ok": True, "before": text[lo:start], "span": text[start:end], "after": text[end:hi],
            "cut_before": lo > 0, "cut_after": hi < len(text)}
