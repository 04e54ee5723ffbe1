"""Open data: our directory as data·inclusion v1 rows, and v1 rows into our directory.

Exports (``/donnees/structures.json``, ``/donnees/services.json`` and their ``.csv``)
produce one row per structure and one per published service, each valid for the schema
package's pydantic models (``data_inclusion.schema.v1.Structure`` and ``Service``).
Imports (``manage.py import_data_inclusion``) validate each row with the same models and
keep the valid ones; invalid rows are reported with their line and a reason in French.

What v1 has no field for travels in its free-text fields, in fixed French sentences so
that an import of our own export gives them back: the documents to bring close
``conditions_acces``; appointments, languages and interpreters go in
``mobilisation_precisions``.
"""
