from django.db import migrations, models


class Migration(migrations.Migration):
    """School holidays move from the schedule to the base layer, where the ateliers'
    cycles can read them too. Only the state moves here: permanences' 0005 renames the
    table and carries the content type (and so the permissions) over."""

    dependencies = [("roseraie_portal", "0003_roles")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SchoolHoliday",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("name", models.CharField(max_length=100, verbose_name="nom")),
                        ("starts_on", models.DateField(verbose_name="premier jour")),
                        ("ends_on", models.DateField(verbose_name="dernier jour")),
                    ],
                    options={
                        "verbose_name": "vacances scolaires",
                        "verbose_name_plural": "vacances scolaires",
                        "ordering": ["starts_on"],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(("starts_on__lte", models.F("ends_on"))),
                                name="school_holiday_period_in_order",
                                violation_error_message="Le premier jour doit précéder le dernier.",
                            )
                        ],
                    },
                )
            ],
            database_operations=[],
        )
    ]
