from django.contrib.auth.management import create_permissions
from django.db import migrations


def let_content_editors_manage_redirects(apps, schema_editor):
    # Old addresses are recorded automatically when a slug changes; editors may review or remove them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Content editors")
    editors.permissions.add(*Permission.objects.filter(content_type__app_label="redirects"))


class Migration(migrations.Migration):
    dependencies = [
        ("launch", "0004_content_editors_review_and_claims"),
        ("redirects", "0002_alter_redirect_new_path_help_text"),
    ]

    operations = [migrations.RunPython(let_content_editors_manage_redirects, migrations.RunPython.noop)]
