from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    """pg_trgm, for misspelled searches. Like every CreateExtension, it does nothing on SQLite."""

    initial = True

    dependencies = []

    operations = [TrigramExtension()]
