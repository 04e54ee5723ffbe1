from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """Accent-free and typo-tolerant search (services/) need unaccent and pg_trgm."""

    dependencies = [("roseraie_portal", "0001_user")]

    operations = [UnaccentExtension(), TrigramExtension()]
