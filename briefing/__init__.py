"""briefing: turn a day's news articles into a one-page situation brief."""

__version__ = "0.1.0"
