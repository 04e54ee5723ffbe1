from django.db import migrations

# Spelled out here rather than imported: a migration must not depend on app code.
ROLES = ("conseiller", "partenaire", "coordination")


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLES:
        Group.objects.get_or_create(name=name)


def delete_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    """The three professional roles of ../shared/PRODUCT.md. Each app grants its own model
    permissions to these groups in a data migration of its own, when its models exist."""

    dependencies = [
        ("roseraie_portal", "0002_postgresql_extensions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, delete_roles)]
