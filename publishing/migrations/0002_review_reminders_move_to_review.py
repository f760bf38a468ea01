from django.db import migrations


class Migration(migrations.Migration):
    """Review reminders now belong to the `review` app, which took over their table: forget them here only."""

    dependencies = [
        ("publishing", "0001_preview_links_and_review_reminders"),
        ("review", "0001_review_reminders_from_publishing"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="ReviewReminder")]),
    ]
