from django.db import migrations

from staff.groups import every_permission, grant, granted_by_launch


def let_content_editors_manage_redirects(apps, schema_editor):
    if granted_by_launch(schema_editor, "0005_content_editors_redirects"):
        return
    # Old addresses are recorded automatically when a slug changes; editors may review or remove them.
    grant(apps, "Content editors", {"redirects": every_permission("redirect")})


class Migration(migrations.Migration):
    dependencies = [
        ("staff", "0002_content_editors_review_and_claims"),
        ("redirects", "0002_alter_redirect_new_path_help_text"),
    ]

    operations = [migrations.RunPython(let_content_editors_manage_redirects, migrations.RunPython.noop)]
