"""Operations that several apps' data migrations share.

Migrations run with historical models: these helpers reach models through
``apps.get_model`` and take plain names, never app code, so that an old migration keeps
doing what it did. Change one only in ways that every migration using it still means.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant_permissions(
    role: str, app_label: str, *, models: tuple[str, ...] = (), codenames: tuple[str, ...] = ()
) -> migrations.RunPython:
    """Give the group ``role`` every permission (add, change, delete, view) on ``models``
    of ``app_label``, and the permissions named in ``codenames``; reversed, take them back.

    Django creates permissions after all migrations (post_migrate): this creates the
    app's own first, so that a fresh database can grant them."""

    def permissions(apps):
        Permission = apps.get_model("auth", "Permission")
        of_app = Permission.objects.filter(content_type__app_label=app_label)
        return [
            *of_app.filter(content_type__model__in=models),
            *of_app.filter(codename__in=codenames),
        ]

    def grant(apps, schema_editor):
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        group = apps.get_model("auth", "Group").objects.get(name=role)
        group.permissions.add(*permissions(apps))

    def revoke(apps, schema_editor):
        group = apps.get_model("auth", "Group").objects.get(name=role)
        group.permissions.remove(*permissions(apps))

    return migrations.RunPython(grant, revoke)


def copy_to_french_columns(table: str, fields: tuple[str, ...]) -> migrations.RunSQL:
    """Fill the French translation columns that modeltranslation adds (``name_fr``…) from
    the original columns, for the rows written before the content was translatable."""
    assignments = ", ".join(f"{field}_fr = {field}" for field in fields)
    return migrations.RunSQL(f"UPDATE {table} SET {assignments}", migrations.RunSQL.noop)
