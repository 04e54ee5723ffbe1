"""Synthetic data at the scale an issue names, for the benchmarks: ``directory`` (services),
``accompaniments`` (the log) and ``ateliers`` (upcoming sessions and their registrations).
Plain functions; ``python -m benchmarks.generators`` runs them by hand."""

from django.db import connection


class GenerationError(Exception):
    """The arguments or the database do not allow the generation; the message says why."""


def vacuum_analyse(*models) -> None:
    """VACUUM (ANALYZE) the tables of ``models`` once they are filled: the visibility map
    (index-only scans) and the planner's statistics, as autovacuum would soon set them in
    production. VACUUM cannot run in a transaction: inside a caller's (a test's), nothing
    is done and autovacuum is left to it."""
    if connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"VACUUM (ANALYZE) {model._meta.db_table}")
