from django.db import migrations

from roseraie_portal.migration_operations import grant_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("diagnostics", "0001_diagnostics_indicators_budget"),
        ("roseraie_portal", "0003_roles"),
    ]

    operations = [
        grant_permissions(
            "coordination",
            "diagnostics",
            models=(
                "diagnostic",
                "swotitem",
                "objective",
                "phase",
                "action",
                "indicator",
                "indicatorvalue",
                "contribution",
            ),
        )
    ]
