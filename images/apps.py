from django.apps import AppConfig


class ImagesConfig(AppConfig):
    """Pictures staff upload (portraits, the clinic's photos), checked, cleaned and resized once on upload."""

    name = "images"
    verbose_name = "Pictures"

    def ready(self):
        import pillow_heif
        from PIL import Image

        from .models import MAX_PIXELS

        pillow_heif.register_heif_opener()
        # Every picture this process opens, renditions included, is refused past this many pixels.
        Image.MAX_IMAGE_PIXELS = MAX_PIXELS
