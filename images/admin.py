import logging

from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.utils.html import format_html

from serving.storage import FAILURES

from .models import Picture

logger = logging.getLogger(__name__)

STORAGE_FAILED = (
    "The picture was not saved: the storage that keeps pictures did not answer. Nothing else was changed. "
    "Please try again in a few minutes, and tell whoever looks after the website if it keeps happening."
)


@admin.register(Picture)
class PictureAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "__str__", "is_decorative", "width", "height", "uploaded_at"]
    list_display_links = ["thumbnail", "__str__"]
    list_filter = ["is_decorative"]
    search_fields = ["alt_text", "caption", "credit"]
    readonly_fields = ["thumbnail", "size"]
    fieldsets = [
        (None, {"fields": ["image", "thumbnail", "size"]}),
        (
            "Describing it",
            {
                "fields": ["alt_text", "is_decorative", "caption", "credit"],
                "description": "Alt text is read aloud to patients who cannot see the picture: say what it shows "
                "that matters on this site, in a sentence, not the file's name.",
            },
        ),
    ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # Saving is one transaction: when the storage fails, the picture stays as it was before.
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except FAILURES:
            logger.exception("Saving a picture failed in its storage")
            self.message_user(request, STORAGE_FAILED, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    @admin.display(description="preview")
    def thumbnail(self, picture):
        if not picture.pk or not picture.image:
            return "-"
        smallest = next(iter(picture.renditions("JPEG").values()))
        return format_html(
            '<img src="{}" alt="" width="80" height="{}">', smallest.url, 80 * picture.height // picture.width
        )

    @admin.display(description="size in pixels")
    def size(self, picture):
        return f"{picture.width} × {picture.height}" if picture.pk else "-"
