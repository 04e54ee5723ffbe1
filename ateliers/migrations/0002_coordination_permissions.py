from django.db import migrations

from roseraie_portal.migration_operations import grant_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("ateliers", "0001_ateliers_and_registrations"),
        ("roseraie_portal", "0003_roles"),
    ]

    operations = [
        grant_permissions(
            "coordination", "ateliers", models=("atelier", "ateliercycle", "inscription")
        )
    ]
