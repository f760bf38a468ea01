from django.conf import settings
from django.db import migrations

from launch.loader import load


def load_launch_content(apps, schema_editor):
    load(apps, site_id=settings.SITE_ID)


class Migration(migrations.Migration):
    dependencies = [
        ("sites", "0002_alter_domain_unique"),
        ("flatpages", "0001_initial"),
        ("practice", "0001_initial"),
        ("treatments", "0001_initial"),
        ("faq", "0001_initial"),
    ]

    operations = [migrations.RunPython(load_launch_content, migrations.RunPython.noop)]
