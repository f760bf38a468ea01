from django.db import migrations

from launch.groups import every_permission, grant


def extend_content_editors(apps, schema_editor):
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
        ("launch", "0003_stem_cell_regulatory_status"),
        ("claims", "0001_initial"),
        ("publishing", "0001_preview_links_and_review_reminders"),
        ("treatments", "0002_scheduling_review_notices"),
    ]

    operations = [migrations.RunPython(extend_content_editors, migrations.RunPython.noop)]
