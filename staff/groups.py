"""Staff groups, for the data migrations that create and extend them."""

from django.contrib.auth.management import create_permissions
from django.db.migrations.recorder import MigrationRecorder


def grant(apps, group_name, permissions):
    """Give the group (created if missing) `{app_label: [codename, ...]}` permissions.

    Django creates permissions after all migrations have run; a migration that grants them creates
    them first.
    """
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=group_name)
    for app_label, codenames in permissions.items():
        group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))


def every_permission(*model_names):
    """The add, change, delete and view permissions of these models."""
    return [f"{action}_{model}" for model in model_names for action in ("add", "change", "delete", "view")]


def granted_by_launch(schema_editor, migration_name):
    """Whether this grant already ran as the `launch` migration of that name, before staff groups moved here.

    Then the groups exist and staff may have changed them since: granting again would quietly give back
    a permission they took away, so a moved migration leaves such a database as it is.
    """
    recorder = MigrationRecorder(schema_editor.connection)
    return recorder.migration_qs.filter(app="launch", name=migration_name).exists()
