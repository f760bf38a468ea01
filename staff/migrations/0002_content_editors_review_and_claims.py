from django.db import migrations

from staff.groups import every_permission, grant, granted_by_launch


def extend_content_editors(apps, schema_editor):
    if granted_by_launch(schema_editor, "0004_content_editors_review_and_claims"):
        return
    grant(
        apps,
        "Content editors",
        {
            "treatments": every_permission("patientnotice"),
            "claims": [*every_permission("source"), "view_claimacknowledgement"],
            "publishing": ["add_previewlink", "change_previewlink", "view_previewlink"],
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("staff", "0001_staff_groups"),
        ("claims", "0001_initial"),
        ("publishing", "0001_preview_links_and_review_reminders"),
        ("treatments", "0002_scheduling_review_notices"),
    ]

    operations = [migrations.RunPython(extend_content_editors, migrations.RunPython.noop)]
