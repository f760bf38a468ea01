from django.db import migrations

from launch.groups import every_permission, grant


def create_groups(apps, schema_editor):
    grant(apps, "Front desk", {"consultations": ["view_consultationrequest", "change_consultationrequest"]})
    grant(
        apps,
        "Content editors",
        {
            "practice": every_permission("clinic", "openinghours", "provider"),
            "treatments": every_permission("treatment", "condition"),
            "faq": every_permission("topic", "question"),
            "flatpages": every_permission("flatpage"),
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("launch", "0001_launch_content"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("consultations", "0001_initial"),
        ("practice", "0002_clinic_intake_emails"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
