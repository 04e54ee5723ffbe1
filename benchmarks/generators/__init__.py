"""Synthetic data at the scale an issue names, for the benchmarks: ``directory`` (services)
and ``accompaniments`` (the log). Plain functions; ``python -m benchmarks.generators``
runs them by hand."""


class GenerationError(Exception):
    """The arguments or the database do not allow the generation; the message says why."""
