"""The events stage: PLOVER v2 events with arguments, modality and evidence."""

from readout.events.extract import extract_events, merge_same_event, summarize
from readout.events.lexicon import load_lexicon

__all__ = ["extract_events", "load_lexicon", "merge_same_event", "summarize"]
