from django.db import migrations

from launch.content.pages import privacy_notice

# The privacy notice as the launch content first wrote it, which said the site sets no cookies.
FIRST_PRIVACY_NOTICE = """\
<h2>What this website collects</h2>
<p>Reading this website does not require an account. The site sets no cookies for visitors, uses no analytics,
advertising or tracking services, and loads nothing from other websites, so no other company learns that you
visited these pages.</p>
<p>Like every web server, ours briefly records technical details of each request (such as the page asked for and
the time) to keep the site running and secure.</p>
<h2>Questions</h2>
<p>If you have a question about your privacy, please call or write to the clinic using the details at the foot of
this page.</p>"""


def same_text(a, b):
    return a.split() == b.split()


def say_what_the_consultation_form_stores(apps, schema_editor):
    # Only a notice staff have not edited: their own words are never overwritten.
    FlatPage = apps.get_model("flatpages", "FlatPage")
    for page in FlatPage.objects.filter(url="/privacy/"):
        if same_text(page.content, FIRST_PRIVACY_NOTICE):
            page.content = privacy_notice()
            page.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [("launch", "0003_stem_cell_regulatory_status")]

    operations = [migrations.RunPython(say_what_the_consultation_form_stores, migrations.RunPython.noop)]
