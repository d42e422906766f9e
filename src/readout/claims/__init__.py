"""Attribution: claims (claimer, channel, certainty, cue, tone, evidence) for every event."""

from readout.claims.attribute import attribute, sentence_sources

__all__ = ["attribute", "sentence_sources"]
