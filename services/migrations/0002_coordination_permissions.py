from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ("structure", "structuremembership")


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations (post_migrate): create this
    # app's now so that the coordination group can be given them on a fresh database.
    app_config = apps.get_app_config("services")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    coordination = Group.objects.get(name="coordination")
    coordination.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="services", content_type__model__in=MODELS
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    coordination = Group.objects.get(name="coordination")
    coordination.permissions.remove(
        *Permission.objects.filter(
            content_type__app_label="services", content_type__model__in=MODELS
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0001_structure"),
        ("roseraie_portal", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
