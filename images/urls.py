from django.urls import re_path

from . import views

app_name = "images"
urlpatterns = [
    # pictures/<content hash>/<name>/<width>w.<format>, as django-pictures names renditions under MEDIA_URL.
    re_path(
        r"^media/(?P<name>pictures/[0-9a-f]{16}/\w[\w.-]*/\d+w\.(?:avif|jpeg|webp))$",
        views.rendition,
        name="rendition",
    ),
]
