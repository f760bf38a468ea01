import io
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image, ImageDraw, ImageFilter

from images.models import Picture

# Where the photo was taken, as a phone writes it: 33°50'8" N, 118°20'26" W.
GPS = {
    ExifTags.GPS.GPSLatitudeRef: "N",
    ExifTags.GPS.GPSLatitude: (33.0, 50.0, 8.0),
    ExifTags.GPS.GPSLongitudeRef: "W",
    ExifTags.GPS.GPSLongitude: (118.0, 20.0, 26.0),
}
# A phone held upright stores the pixels sideways and says "turn 90° clockwise" in EXIF.
ROTATE_CLOCKWISE = 6


def photo(width, height):
    """Photo-like pixels, quickly: soft light, a face-like shape and some sensor noise, drawn small and enlarged."""
    w, h = max(width // 4, 8), max(height // 4, 8)
    light = Image.linear_gradient("L").resize((w, h))
    base = Image.merge("RGB", (light, light.transpose(Image.Transpose.FLIP_LEFT_RIGHT), light.rotate(180)))
    ImageDraw.Draw(base).ellipse((w // 4, h // 6, w * 3 // 4, h * 2 // 3), fill=(220, 180, 160))
    noise = Image.effect_noise((w, h), 40).convert("RGB")
    base = Image.blend(base.filter(ImageFilter.GaussianBlur(2)), noise, 0.1)
    return base.resize((width, height), Image.Resampling.BICUBIC)


def phone_exif():
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Phone maker"
    exif[ExifTags.Base.Orientation] = ROTATE_CLOCKWISE
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(GPS)
    return exif


def upload(content, name):
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


@pytest.fixture(scope="session")
def phone_jpeg():
    """A 12-megapixel phone photo, as the phone stores a portrait: sideways, with its GPS position."""
    buffer = io.BytesIO()
    photo(4032, 3024).save(buffer, "JPEG", quality=90, exif=phone_exif())
    return buffer.getvalue()


@pytest.fixture(scope="session")
def phone_heic():
    """The same from an iPhone: HEIC, sideways, with its GPS position."""
    buffer = io.BytesIO()
    photo(4032, 3024).save(buffer, "HEIF", quality=80, exif=phone_exif())
    return buffer.getvalue()


def encoded(image, format, **options):
    buffer = io.BytesIO()
    image.save(buffer, format, **options)
    return buffer.getvalue()


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><script>alert(1)</script></svg>'


def executable():
    """The start of a real program: the Python interpreter running these tests."""
    return Path(sys.executable).resolve().read_bytes()[: 64 * 1024]


def bomb(megapixels):
    """A PNG of a few kilobytes that would unpack to `megapixels` million pixels."""
    return encoded(Image.new("1", (10_000, megapixels * 100)), "PNG", optimize=True)


@pytest.fixture
def make_picture():
    def make(content=None, name="portrait.jpg", **fields):
        if content is None:
            content = encoded(photo(800, 1000), "JPEG")
        fields.setdefault("alt_text", "Dr. Rostam Khoshsar smiling in the consulting room")
        return Picture.objects.create(image=upload(content, name), **fields)

    return make
