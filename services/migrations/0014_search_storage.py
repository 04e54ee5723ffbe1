"""The directory's search reads narrow rows.

A search tests and ranks the vector of every matching service. Stored out of line (the
default for the widest column once a row passes 2 kB), each vector was fetched from the
TOAST table at every reference: 73,000 buffers for a search matching 10,000 services,
2,500 now. ``STORAGE MAIN`` keeps the vector in the row and moves the long texts out
instead, which only the page's cards read. (A lower ``toast_tuple_target`` moved the names
out too, and the sort by name paid for it.) The update rewrites the vectors already
stored, so that they move back into their rows.

The published services' names get a partial index: the directory without words counts
and pages them from it.
"""

from django.db import migrations, models

STORAGE = """
ALTER TABLE services_service ALTER COLUMN search_vector SET STORAGE MAIN;
UPDATE services_service SET search_vector = search_vector || ''::tsvector
WHERE search_vector IS NOT NULL;
"""

DEFAULT_STORAGE = """
ALTER TABLE services_service ALTER COLUMN search_vector SET STORAGE EXTENDED;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0013_content_translations"),
    ]

    operations = [
        migrations.RunSQL(STORAGE, DEFAULT_STORAGE),
        migrations.RemoveIndex(model_name="service", name="service_name"),
        migrations.AddIndex(
            model_name="service",
            index=models.Index(
                models.F("name"),
                condition=models.Q(("is_published", True)),
                name="service_published_name",
            ),
        ),
    ]
