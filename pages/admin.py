from django.contrib import admin
from django.contrib.flatpages.admin import FlatPageAdmin
from django.contrib.flatpages.forms import FlatpageForm
from django.contrib.flatpages.models import FlatPage
from django_prose_editor.fields import ProseEditorFormField

from claims.forms import ClaimsWarningForm
from publishing.admin import ContentAdmin
from publishing.fields import RICH_TEXT_EXTENSIONS


class PageForm(ClaimsWarningForm, FlatpageForm):
    content = ProseEditorFormField(extensions=RICH_TEXT_EXTENSIONS, sanitize=True, required=False)


admin.site.unregister(FlatPage)


@admin.register(FlatPage)
class PageAdmin(ContentAdmin, FlatPageAdmin):
    form = PageForm
    list_display = ["title", "url"]
    fieldsets = [
        (None, {"fields": ["url", "title", "content", "sites"]}),
        ("Advanced", {"classes": ["collapse"], "fields": ["registration_required", "template_name"]}),
    ]
