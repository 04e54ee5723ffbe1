from django.db import migrations

from roseraie_portal.migration_operations import grant_permissions


class Migration(migrations.Migration):
    dependencies = [("services", "0005_thematiques")]

    operations = [
        grant_permissions(
            "coordination",
            "services",
            models=("quartier", "thematique", "lieu", "service", "openinghours", "synonym"),
        )
    ]
