from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ("quartier", "thematique", "lieu", "service", "openinghours", "synonym")


def grant(apps, schema_editor):
    # As in 0002: create this app's permissions now, on a fresh database they come later.
    app_config = apps.get_app_config("services")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.get(name="coordination").permissions.add(
        *Permission.objects.filter(
            content_type__app_label="services", content_type__model__in=MODELS
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.get(name="coordination").permissions.remove(
        *Permission.objects.filter(
            content_type__app_label="services", content_type__model__in=MODELS
        )
    )


class Migration(migrations.Migration):
    dependencies = [("services", "0005_thematiques")]

    operations = [migrations.RunPython(grant, revoke)]
