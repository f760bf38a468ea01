from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_EDITOR_MODELS = {
    "practice": ["clinic", "openinghours", "provider"],
    "treatments": ["treatment", "condition"],
    "faq": ["topic", "question"],
    "flatpages": ["flatpage"],
}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; these groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    front_desk, _ = Group.objects.get_or_create(name="Front desk")
    front_desk.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="consultations",
            codename__in=["view_consultationrequest", "change_consultationrequest"],
        )
    )
    editors, _ = Group.objects.get_or_create(name="Content editors")
    for app_label, models in CONTENT_EDITOR_MODELS.items():
        editors.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, content_type__model__in=models)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("launch", "0001_launch_content"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("consultations", "0001_initial"),
        ("practice", "0002_clinic_intake_emails"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
