from django.db import migrations

from roseraie_portal.migration_operations import grant_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("permanences", "0001_permanences_and_log"),
        ("roseraie_portal", "0003_roles"),
    ]

    operations = [
        grant_permissions(
            "coordination",
            "permanences",
            models=("permanence", "permanencerule", "schoolholiday"),
            # The log is read in the admin, never written there: entries are the conseillers'.
            codenames=("view_accompagnement",),
        )
    ]
