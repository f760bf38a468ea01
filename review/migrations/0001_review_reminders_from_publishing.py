"""Review reminders move here from `publishing`: the same table and rows, renamed, with their content type."""

import django.db.models.deletion
from django.db import migrations, models


def move_content_type(apps, schema_editor, old="publishing", new="review"):
    # Its permissions point at the content type, so they move with it; post_migrate would only add a second one.
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label=new, model="reviewreminder").exists():
        ContentType.objects.filter(app_label=old, model="reviewreminder").update(app_label=new)
    ContentType.objects.clear_cache()


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, old="review", new="publishing")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("practice", "0003_scheduling_disclaimer_reviewer_email"),
        ("publishing", "0001_preview_links_and_review_reminders"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The table publishing made is taken over as it is...
            state_operations=[
                migrations.CreateModel(
                    name="ReviewReminder",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("sent_on", models.DateField()),
                        (
                            "digest",
                            models.CharField(
                                help_text="Fingerprint of the pages and their review state.", max_length=64
                            ),
                        ),
                        (
                            "reviewer",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="practice.provider"
                            ),
                        ),
                    ],
                    options={
                        "db_table": "publishing_reviewreminder",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("reviewer", "sent_on", "digest"), name="one_reminder_per_state_per_day"
                            )
                        ],
                    },
                ),
            ],
        ),
        # ...then renamed to this app's name, rows and all.
        migrations.AlterModelTable(name="ReviewReminder", table=None),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
