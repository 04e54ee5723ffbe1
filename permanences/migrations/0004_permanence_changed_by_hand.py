from django.db import migrations, models


def mark_changed_in_admin(apps, schema_editor):
    """Until now, "changed by hand" was read from the admin's change history: carry it
    over to the field, so that expanding a rule keeps what coordinators changed."""
    LogEntry = apps.get_model("admin", "LogEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permanence = apps.get_model("permanences", "Permanence")
    content_type = ContentType.objects.filter(app_label="permanences", model="permanence").first()
    if content_type is None:
        return
    changed = LogEntry.objects.filter(content_type=content_type, action_flag=2).values_list(
        "object_id", flat=True
    )
    ids = [int(object_id) for object_id in changed if object_id.isdigit()]
    Permanence.objects.filter(pk__in=ids, rule__isnull=False).update(changed_by_hand=True)


class Migration(migrations.Migration):
    dependencies = [
        ("permanences", "0003_index_for_a_conseillers_entries"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="permanence",
            name="changed_by_hand",
            field=models.BooleanField(
                default=False,
                editable=False,
                help_text=(
                    "Une date de permanence régulière modifiée une à une : si la règle change, "
                    "elle est gardée."
                ),
                verbose_name="modifiée à la main",
            ),
        ),
        migrations.RunPython(mark_changed_in_admin, migrations.RunPython.noop),
    ]
