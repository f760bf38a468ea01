from django.db import migrations

from staff.groups import every_permission, grant


def let_content_editors_run_the_visit_page_and_notices(apps, schema_editor):
    grant(
        apps,
        "Content editors",
        {
            "visits": every_permission("visitguide", "patientdocument"),
            "notices": every_permission("sitenotice"),
            "practice": every_permission("specialhours"),
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("staff", "0003_content_editors_redirects"),
        ("visits", "0001_initial"),
        ("notices", "0001_initial"),
        ("practice", "0006_clinic_languages_spoken_specialhours"),
    ]

    operations = [migrations.RunPython(let_content_editors_run_the_visit_page_and_notices, migrations.RunPython.noop)]
