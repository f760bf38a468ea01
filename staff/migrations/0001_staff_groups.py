from django.db import migrations

from staff.groups import every_permission, grant, granted_by_launch


def create_groups(apps, schema_editor):
    if granted_by_launch(schema_editor, "0002_staff_groups"):
        return
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
        ("auth", "0012_alter_user_first_name_max_length"),
        ("consultations", "0001_initial"),
        ("practice", "0002_clinic_intake_emails"),
        ("treatments", "0001_initial"),
        ("faq", "0001_initial"),
        ("flatpages", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
