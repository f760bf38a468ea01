import hashlib
import io
import re
import warnings
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.text import slugify
from pictures.models import PictureField
from PIL import Image, ImageOps

MAX_PICTURE_MEGABYTES = 20
# A 48-megapixel phone photo fits; a "decompression bomb" (a small file that unpacks to billions of
# pixels) is refused from its header, before anything is decoded. images.apps sets Pillow's own limit to it.
MAX_PIXELS = 50_000_000
MIN_WIDTH = 320
# Pillow's names of the formats accepted, told from the file's content. HEIF is an iPhone's HEIC.
FORMATS = ("JPEG", "PNG", "WEBP", "HEIF")
# What each is stored as: browsers cannot show HEIC, so it is kept as JPEG.
STORED_AS = {"JPEG": "JPEG", "MPO": "JPEG", "HEIF": "JPEG", "PNG": "PNG", "WEBP": "WEBP"}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}

NOT_A_PICTURE = (
    "This file is not a JPEG, PNG, WebP or HEIC photo, whatever its name says. Drawings in SVG and other kinds "
    "of file are not accepted: save or export the picture as JPEG or PNG and upload that."
)


def validate_picture(file):
    """A photo or picture the site can show safely: its real format read from its content, not its name, and
    sensible sizes. Pillow reads only the header to find the size, so a decompression bomb costs nothing."""
    if file.size > MAX_PICTURE_MEGABYTES * 1024 * 1024:
        raise ValidationError(
            f"This file is larger than {MAX_PICTURE_MEGABYTES} MB. Please upload a smaller photo "
            "(a phone's usual photos are 2 to 8 MB)."
        )
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file, formats=FORMATS) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise Image.DecompressionBombError
                image.load()  # a damaged or cut-off file fails here, not when it is saved
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as bomb:
        raise ValidationError(
            f"This picture has too many pixels to be processed safely (at most {MAX_PIXELS // 1_000_000} "
            "megapixels). Please upload a smaller version of it."
        ) from bomb
    except Exception as unreadable:  # Pillow and its plugins raise many kinds: all mean "not a picture we can read"
        raise ValidationError(NOT_A_PICTURE) from unreadable
    finally:
        file.seek(0)
    if width < MIN_WIDTH:
        raise ValidationError(
            f"This picture is only {width} pixels wide. Please upload one at least {MIN_WIDTH} pixels wide, "
            "so that it looks sharp on a phone."
        )


FILE_NAME = re.compile(
    r"\.(jpe?g|png|webp|heic|heif|gif|tiff?|avif|svg|bmp)\s*$|^(img|dsc|dscn|dcim|pxl|mvimg|screenshot)[\s_-]*\d",
    re.IGNORECASE,
)
EMPTY_WORDS = {"a", "an", "the", "of", "image", "photo", "photograph", "picture", "pic", "img", "untitled", "alt"}


def validate_alt_text(value):
    """Alt text that says what the picture shows: not its file name, and not just "image" or "photo"."""
    if FILE_NAME.search(value.strip()):
        raise ValidationError(
            "This looks like a file name. Describe what the picture shows instead, as you would to someone on the "
            "phone."
        )
    words = re.findall(r"[^\W\d_]+", value.lower())
    if all(word in EMPTY_WORDS for word in words):
        raise ValidationError(
            "This does not say what the picture shows. Describe it in a few words, for example "
            "“Dr. Khoshsar in the consulting room”."
        )


class PictureUploadField(forms.ImageField):
    """Checks the file with validate_picture first, so a refused file gets its reason, not Django's
    general "Upload a valid image"."""

    def to_python(self, data):
        if data not in self.empty_values:
            validate_picture(data)
        return super().to_python(data)


class UploadedPictureField(PictureField):
    """django-pictures' field (its renditions are made when the upload is saved), with our upload checks."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PictureUploadField, **kwargs})


def cleaned_upload(upload):
    """The upload as it is stored: turned upright, without EXIF (the GPS position included), XMP or other
    metadata, HEIC as JPEG; named after its content, so every rendition's address changes with it."""
    upload.seek(0)
    with Image.open(upload, formats=FORMATS) as image:
        stored_as = STORED_AS[image.format]
        colour_profile = image.info.get("icc_profile")
        upright = ImageOps.exif_transpose(image)
    if stored_as == "JPEG" and upright.mode not in ("RGB", "L", "CMYK"):
        upright = upright.convert("RGB")
    # Only what drawing the pixels needs is kept: every other entry is metadata that save() could write out.
    upright.info = {key: value for key, value in upright.info.items() if key == "transparency"}
    options = {"JPEG": {"quality": 92}, "WEBP": {"quality": 92}, "PNG": {"optimize": True}}[stored_as]
    buffer = io.BytesIO()
    upright.save(buffer, stored_as, icc_profile=colour_profile, **options)
    content = buffer.getvalue()
    digest = hashlib.sha256(content).hexdigest()[:16]
    stem = slugify(Path(upload.name).stem)[:60] or "picture"
    return ContentFile(content, name=f"{digest}/{stem}.{EXTENSIONS[stored_as]}")


class Picture(models.Model):
    """A photo or illustration, uploaded once and used wherever it fits: a portrait, the clinic's entrance."""

    image = UploadedPictureField(
        "picture",
        upload_to="pictures/",
        width_field="width",
        height_field="height",
        # Renditions 160 to 1280 pixels wide: from a small portrait in a list to a full-width photo on a
        # high-density phone. Its original stays private.
        container_width=640,
        grid_columns=4,
        validators=[validate_picture],
        help_text=f"A JPEG, PNG, WebP or HEIC (iPhone) photo, up to {MAX_PICTURE_MEGABYTES} MB. Its location and "
        "camera details are removed, and it is turned the right way up.",
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    alt_text = models.CharField(
        "alt text",
        max_length=250,
        blank=True,
        validators=[validate_alt_text],
        help_text="What the picture shows, for patients who cannot see it: describe it as you would on the phone, "
        "e.g. “Dr. Khoshsar smiling in a white coat in the consulting room”.",
    )
    is_decorative = models.BooleanField(
        "decorative",
        default=False,
        help_text="Tick only if the picture tells patients nothing (a pattern, a texture): screen readers skip it.",
    )
    caption = models.CharField(max_length=200, blank=True, help_text="Optional: shown under the picture.")
    credit = models.CharField(
        max_length=120, blank=True, help_text="Optional: the photographer or owner, where they ask to be named."
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField("last updated", auto_now=True)

    class Meta:
        ordering = ["-uploaded_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_decorative=True) | ~models.Q(alt_text=""),
                name="picture_alt_text_unless_decorative",
                violation_error_message="Write alt text saying what the picture shows, or tick “decorative”.",
            )
        ]

    def __str__(self):
        return self.alt_text or self.caption or f"Decorative picture {self.pk or ''}".strip()

    def save(self, *args, **kwargs):
        replaced = None
        if self.image and not self.image._committed:
            if self.pk:
                replaced = Picture.objects.filter(pk=self.pk).values_list("image", flat=True).first()
            self.image = cleaned_upload(self.image)
        super().save(*args, **kwargs)
        if replaced and replaced != self.image.name:
            storage = self.image.storage
            transaction.on_commit(lambda: delete_files(storage, replaced), robust=True)

    @property
    def alt(self):
        """What the `alt` attribute says: nothing for a decorative picture, so screen readers skip it."""
        return "" if self.is_decorative else self.alt_text

    @property
    def caption_repeats_alt(self):
        """Whether the caption says what the alt text says: then, under its caption, the picture's alt is empty,
        so a screen reader does not read the same words twice."""
        return " ".join(self.caption.lower().split()) == " ".join(self.alt_text.lower().split())

    def clean(self):
        if not self.is_decorative and not self.alt_text.strip():
            raise ValidationError(
                {"alt_text": "Write alt text saying what the picture shows, or tick “decorative” below."}
            )

    def renditions(self, file_type):
        """{width: rendition} of one format, narrowest first."""
        return dict(sorted(self.image.aspect_ratios[None][file_type].items()))

    def height_at(self, width):
        """How tall its rendition `width` pixels wide is."""
        return round(width * self.height / self.width)

    def largest(self, file_type="JPEG"):
        """The widest rendition of that format: what search engines and shared links show."""
        return list(self.renditions(file_type).values())[-1]


def delete_files(storage, name):
    """Delete an original and every rendition made from it (they sit in the folder named after it)."""
    folder = str(Path(name).with_suffix(""))
    try:
        files = storage.listdir(folder)[1]
    except FileNotFoundError:  # no such folder on local disk (a bucket lists nothing instead)
        files = []
    for file in files:
        storage.delete(f"{folder}/{file}")
    storage.delete(name)


@receiver(post_delete, sender=Picture)
def delete_picture_files(sender, instance, **kwargs):
    # Django leaves files behind when their record goes; once the deletion is committed, so are they.
    # (robust: a storage that fails then leaves files behind, logged, and the deletion stands.)
    if instance.image:
        storage, name = instance.image.storage, instance.image.name
        transaction.on_commit(lambda: delete_files(storage, name), robust=True)
