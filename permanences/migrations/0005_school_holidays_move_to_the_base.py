from django.db import migrations


def carry_content_type(apps, schema_editor):
    """The permissions coordination holds, and the admin's history, follow the model."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="permanences", model="schoolholiday").update(
        app_label="roseraie_portal"
    )


def carry_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="roseraie_portal", model="schoolholiday").update(
        app_label="permanences"
    )


class Migration(migrations.Migration):
    """See roseraie_portal's 0004: the table and the content type move with the model."""

    dependencies = [
        ("permanences", "0004_permanence_changed_by_hand"),
        ("roseraie_portal", "0004_school_holidays_move_here"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="SchoolHoliday")],
            database_operations=[
                migrations.RunSQL(
                    "ALTER TABLE permanences_schoolholiday RENAME TO roseraie_portal_schoolholiday;"
                    "ALTER SEQUENCE permanences_schoolholiday_id_seq"
                    " RENAME TO roseraie_portal_schoolholiday_id_seq;"
                    "ALTER INDEX permanences_schoolholiday_pkey"
                    " RENAME TO roseraie_portal_schoolholiday_pkey;",
                    "ALTER TABLE roseraie_portal_schoolholiday RENAME TO permanences_schoolholiday;"
                    "ALTER SEQUENCE roseraie_portal_schoolholiday_id_seq"
                    " RENAME TO permanences_schoolholiday_id_seq;"
                    "ALTER INDEX roseraie_portal_schoolholiday_pkey"
                    " RENAME TO permanences_schoolholiday_pkey;",
                )
            ],
        ),
        migrations.RunPython(carry_content_type, carry_content_type_back),
    ]
