import io
import socket
import sys
import uuid
from pathlib import Path

import boto3
import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from moto.server import ThreadedMotoServer
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
    """The same from an iPhone: HEIC, sideways, with its GPS position. (As bytes, the EXIF's orientation is also
    written as HEIF's own rotation, as an iPhone writes both.)"""
    buffer = io.BytesIO()
    photo(4032, 3024).save(buffer, "HEIF", quality=80, exif=phone_exif().tobytes())
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
def editor(django_user_model):
    """A member of the Content editors group, as staff are set up."""
    user = django_user_model.objects.create_user("editor", password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Content editors"))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def make_picture():
    def make(content=None, name="portrait.jpg", **fields):
        if content is None:
            content = encoded(photo(800, 1000), "JPEG")
        fields.setdefault("alt_text", "Dr. Rostam Khoshsar smiling in the consulting room")
        return Picture.objects.create(image=upload(content, name), **fields)

    return make


@pytest.fixture(scope="session")
def s3_server():
    """An S3-compatible server on this machine (moto), as a clinic's shared bucket would be."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def shared_storage(settings, endpoint_url, bucket):
    """Uploaded files on the shared storage, as AWS_STORAGE_BUCKET_NAME and AWS_S3_ENDPOINT_URL set it."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "serving.storage.SharedStorage",
            "OPTIONS": {"bucket_name": bucket, "endpoint_url": endpoint_url, "region_name": "us-east-1"},
        },
    }


@pytest.fixture
def bucket(s3_server, settings, monkeypatch):
    """A bucket of its own for the test, holding the uploaded files; yields the names it holds."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "clinic-test-key")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "clinic-test-secret")
    name = f"clinic-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1")
    client.create_bucket(Bucket=name)
    shared_storage(settings, s3_server, name)

    def names():
        pages = client.get_paginator("list_objects_v2").paginate(Bucket=name)
        return {item["Key"] for page in pages for item in page.get("Contents", [])}

    return names


@pytest.fixture
def hanging_server():
    """A storage server that takes connections and never answers."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        host, port = server.getsockname()
        yield f"http://{host}:{port}"


@pytest.fixture
def refusing_server():
    """A storage server that is not there: every connection is refused."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        host, port = server.getsockname()
    return f"http://{host}:{port}"
