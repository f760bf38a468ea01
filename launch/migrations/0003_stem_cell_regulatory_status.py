from django.db import migrations


def mark_not_fda_approved(apps, schema_editor):
    # The FDA has approved no stem cell product for back pain or osteoarthritis, the uses this page describes.
    Treatment = apps.get_model("treatments", "Treatment")
    Treatment.objects.filter(slug="stem-cell-therapy", regulatory_status="not-applicable").update(
        regulatory_status="not-fda-approved"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("launch", "0001_launch_content"),
        ("treatments", "0002_scheduling_review_notices"),
    ]

    operations = [migrations.RunPython(mark_not_fda_approved, migrations.RunPython.noop)]
