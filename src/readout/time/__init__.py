"""Time: German time expressions, durations and quantities, normalised with their basis."""

from readout.time.duration import find_durations
from readout.time.quantities import find_quantities
from readout.time.timex import find_timexes

__all__ = ["find_durations", "find_quantities", "find_timexes"]
