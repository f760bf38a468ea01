from django.contrib import admin
from django.utils.html import format_html

from serving.storage import ReportsStorageFailures

from .models import Picture

STORAGE_FAILED = (
    "The picture was not saved: the storage that keeps pictures did not answer. Nothing else was changed. "
    "Please try again in a few minutes, and tell whoever looks after the website if it keeps happening."
)


@admin.register(Picture)
class PictureAdmin(ReportsStorageFailures, admin.ModelAdmin):
    storage_failed = STORAGE_FAILED
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
