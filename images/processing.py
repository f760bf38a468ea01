"""How renditions are made: django-pictures' processor and picture class, set in settings.PICTURES."""

import io

from django.core.files.base import ContentFile
from pictures import utils
from pictures.models import PillowPicture
from PIL import Image

# Quality per format: a phone-size AVIF portrait stays well under 40 KB, and the JPEG (for browsers
# without AVIF) looks the same.
QUALITY = {"AVIF": 50, "JPEG": 78, "WEBP": 78}
CONTENT_TYPES = {"avif": "image/avif", "jpeg": "image/jpeg", "webp": "image/webp"}


class Rendition(PillowPicture):
    """One width of a picture in one format, saved without any metadata."""

    def save(self, image):
        options = {"optimize": True, "progressive": True} if self.file_type == "JPEG" else {}
        buffer = io.BytesIO()
        self.resize(image).save(
            buffer, format=self.file_type, quality=QUALITY[self.file_type], exif=b"", icc_profile=b"", **options
        )
        self.storage.delete(self.name)
        self.storage.save(self.name, ContentFile(buffer.getvalue()))


def make_renditions_now(*, storage, file_name, sender=None, new=None, old=None):
    """django-pictures' processor, run while the upload is saved: the page never waits for a rendition, and no
    task queue or worker is needed. (Its default becomes a queued task once Celery, Dramatiq, RQ or Django 6's
    tasks are installed; this one stays the same.)"""
    storage = utils.reconstruct(*storage)
    renditions = [utils.reconstruct(*rendition) for rendition in new or ()]
    if renditions:
        widest = max(rendition.width for rendition in renditions)
        with storage.open(file_name) as file, Image.open(file) as original:
            # Shrunk once to the widest rendition (a JPEG is decoded at that scale straight away), so a
            # 12-megapixel photo costs seconds, not a minute.
            original.draft("RGB", (widest, widest * original.height // original.width))
            original.thumbnail((widest, original.height))
            image = PillowPicture.pre_process(original)  # into sRGB, so colours look the same everywhere
        for rendition in renditions:
            rendition.save(image)
    for rendition in old or ():
        utils.reconstruct(*rendition).delete()
