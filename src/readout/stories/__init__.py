"""The cross-document stage: stories, accounts compared, commitments followed up."""

from __future__ import annotations

import datetime as dt
from typing import Any

from readout.stories.build import build_stories, regroup
from readout.stories.commitments import build_commitments
from readout.stories.compare import compare_story


def cross_document(events: list[dict[str, Any]], documents: dict[str, str] | None = None,
                   today: dt.date | None = None, moves: dict[str, str] | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]],
                                                           list[dict[str, Any]], list[dict[str, Any]]]:
    """(events with cluster ids, stories, discrepancies, commitments) for all events of a corpus."""
    cluster_of, stories = build_stories(events)
    for ev in events:
        ev["cluster_id"] = cluster_of.get(ev["id"])
    if moves:  # analysts merged or split stories: rebuild the records from their grouping
        cluster_of, stories = regroup(events, moves)
        for ev in events:
            ev["cluster_id"] = cluster_of.get(ev["id"])
    by_story: dict[str, list[dict[str, Any]]] = {}
    for ev in events:
        by_story.setdefault(ev["cluster_id"], []).append(ev)
    discrepancies = []
    for s in stories:
        discrepancies += compare_story(s["id"], by_story.get(s["id"], []), documents or {})
    story_date = {s["id"]: s["date"] for s in stories}
    commitments = build_commitments(events, story_date, today)
    return events, stories, discrepancies, commitments


__all__ = ["build_commitments", "build_stories", "compare_story", "cross_document"]
