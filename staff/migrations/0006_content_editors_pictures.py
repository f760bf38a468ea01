from django.db import migrations

from staff.groups import every_permission, grant


def let_content_editors_upload_pictures(apps, schema_editor):
    grant(apps, "Content editors", {"images": every_permission("picture")})


class Migration(migrations.Migration):
    dependencies = [
        ("staff", "0005_first_staff_password"),
        ("images", "0001_initial"),
    ]

    operations = [migrations.RunPython(let_content_editors_upload_pictures, migrations.RunPython.noop)]
