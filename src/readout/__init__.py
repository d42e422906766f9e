"""readout: source-grounded event records from news about diplomatic contacts and conflicts."""

__version__ = "0.1.0"
