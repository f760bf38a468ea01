from django.db import migrations

from staff.groups import every_permission, grant


def let_content_editors_edit_the_words_list(apps, schema_editor):
    grant(apps, "Content editors", {"search": every_permission("synonym")})


class Migration(migrations.Migration):
    """Content editors keep the list of words patients use, as they keep the pages."""

    dependencies = [("search", "0004_starter_synonyms"), ("staff", "0003_content_editors_redirects")]

    operations = [migrations.RunPython(let_content_editors_edit_the_words_list, migrations.RunPython.noop)]
