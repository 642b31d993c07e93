"""compare: comparative summarization of dated documents."""

__version__ = "0.1.0"
