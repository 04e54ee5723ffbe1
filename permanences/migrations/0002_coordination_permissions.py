from django.contrib.auth.management import create_permissions
from django.db import migrations

SCHEDULE_MODELS = ("permanence", "permanencerule", "schoolholiday")


def grant(apps, schema_editor):
    # As in services: create this app's permissions now, on a fresh database they come later.
    app_config = apps.get_app_config("permanences")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Permission = apps.get_model("auth", "Permission")
    coordination = apps.get_model("auth", "Group").objects.get(name="coordination")
    coordination.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="permanences", content_type__model__in=SCHEDULE_MODELS
        ),
        # The log is read in the admin, never written there: entries are the conseillers'.
        Permission.objects.get(
            content_type__app_label="permanences", codename="view_accompagnement"
        ),
    )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    coordination = apps.get_model("auth", "Group").objects.get(name="coordination")
    coordination.permissions.remove(
        *Permission.objects.filter(content_type__app_label="permanences")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("permanences", "0001_permanences_and_log"),
        ("roseraie_portal", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
