from django.db import migrations

from launch.groups import every_permission, grant


def let_content_editors_manage_redirects(apps, schema_editor):
    # Old addresses are recorded automatically when a slug changes; editors may review or remove them.
    grant(apps, "Content editors", {"redirects": every_permission("redirect")})


class Migration(migrations.Migration):
    dependencies = [
        ("launch", "0004_content_editors_review_and_claims"),
        ("redirects", "0002_alter_redirect_new_path_help_text"),
    ]

    operations = [migrations.RunPython(let_content_editors_manage_redirects, migrations.RunPython.noop)]
