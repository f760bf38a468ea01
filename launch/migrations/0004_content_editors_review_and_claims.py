from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = {
    "treatments": ["add_patientnotice", "change_patientnotice", "delete_patientnotice", "view_patientnotice"],
    "claims": ["add_source", "change_source", "delete_source", "view_source", "view_claimacknowledgement"],
    "publishing": ["add_previewlink", "change_previewlink", "view_previewlink"],
}


def extend_content_editors(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Content editors")
    for app_label, codenames in PERMISSIONS.items():
        editors.permissions.add(*Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("launch", "0003_stem_cell_regulatory_status"),
        ("claims", "0001_initial"),
        ("publishing", "0001_preview_links_and_review_reminders"),
        ("treatments", "0002_scheduling_review_notices"),
    ]

    operations = [migrations.RunPython(extend_content_editors, migrations.RunPython.noop)]
