from django.db import migrations

from roseraie_portal.migration_operations import grant_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0001_structure"),
        ("roseraie_portal", "0003_roles"),
    ]

    operations = [
        grant_permissions("coordination", "services", models=("structure", "structuremembership"))
    ]
