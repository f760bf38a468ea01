from django.db import migrations

from staff.groups import every_permission, grant


def let_content_editors_add_clinic_photos(apps, schema_editor):
    grant(apps, "Content editors", {"practice": every_permission("clinicphoto")})


class Migration(migrations.Migration):
    dependencies = [
        ("staff", "0006_content_editors_pictures"),
        ("practice", "0009_clinicphoto"),
    ]

    operations = [migrations.RunPython(let_content_editors_add_clinic_photos, migrations.RunPython.noop)]
