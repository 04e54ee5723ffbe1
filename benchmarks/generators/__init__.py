"""Synthetic data at the scale an issue names, for the benchmarks: ``directory`` (services),
``accompaniments`` (the log) and ``ateliers`` (upcoming sessions and their registrations).
Plain functions; ``python -m benchmarks.generators`` runs them by hand."""


class GenerationError(Exception):
    """The arguments or the database do not allow the generation; the message says why."""
