"""An uploaded picture is stored upright and without metadata, and made at once into every rendition pages use."""

import io

import pytest
from django.core.files.storage import default_storage
from django.db import IntegrityError
from PIL import Image

from images.models import Picture, validate_picture
from tests.images.conftest import ROTATE_CLOCKWISE, encoded, photo, upload

pytestmark = pytest.mark.django_db

WIDTHS = [160, 320, 480, 640, 960, 1280]


def served_files(picture):
    """The original and every rendition, as stored."""
    names = [picture.image.name] + [r.name for kind in ("AVIF", "JPEG") for r in picture.renditions(kind).values()]
    return {name: default_storage.open(name).read() for name in names}


def assert_no_metadata(content):
    with Image.open(io.BytesIO(content)) as image:
        assert dict(image.getexif()) == {}
        assert not {"exif", "xmp", "XML:com.adobe.xmp"} & set(image.info)
    # Nothing of the EXIF block survives anywhere in the file, the camera's make and GPS position included.
    assert b"Exif\x00\x00" not in content
    assert b"Phone maker" not in content


def assert_turned_clockwise(stored):
    """The stored picture is the phone's sideways pixels turned 90° clockwise, as its EXIF orientation said."""
    assert stored.size == (3024, 4032)
    small = stored.convert("RGB").resize((30, 40))

    def difference(turned):
        pixels = zip(small.get_flattened_data(), turned.resize((30, 40)).get_flattened_data(), strict=True)
        return sum(abs(a - b) for pair in pixels for a, b in zip(*pair, strict=True)) / (30 * 40 * 3)

    sideways = photo(4032, 3024)
    clockwise = difference(sideways.transpose(Image.Transpose.ROTATE_270))
    assert clockwise < 10 < difference(sideways.transpose(Image.Transpose.ROTATE_90))


def test_a_phone_photo_is_stored_upright_without_its_gps_position(make_picture, phone_jpeg):
    with Image.open(io.BytesIO(phone_jpeg)) as sent:
        assert sent.size == (4032, 3024) and sent.getexif().get_ifd(0x8825)  # sideways, with a GPS position
    assert b"Exif\x00\x00" in phone_jpeg and b"Phone maker" in phone_jpeg
    picture = make_picture(phone_jpeg, name="IMG_1234.JPG")
    assert (picture.width, picture.height) == (3024, 4032)
    with Image.open(picture.image.open()) as stored:
        assert_turned_clockwise(stored)
    files = served_files(picture)
    assert len(files) == 1 + 2 * len(WIDTHS)
    for content in files.values():
        assert_no_metadata(content)


def test_an_iphone_heic_photo_is_accepted_and_stored_upright_as_jpeg_without_its_gps_position(
    make_picture, phone_heic
):
    assert b"Exif\x00\x00" in phone_heic and b"Phone maker" in phone_heic
    with Image.open(io.BytesIO(phone_heic)) as sent:
        assert sent.info["original_orientation"] == ROTATE_CLOCKWISE  # stored sideways
    validate_picture(upload(phone_heic, "IMG_1235.HEIC"))
    picture = make_picture(phone_heic, name="IMG_1235.HEIC")
    assert picture.image.name.endswith(".jpg")
    with Image.open(picture.image.open()) as stored:
        assert stored.format == "JPEG"
        assert_turned_clockwise(stored)
    for content in served_files(picture).values():
        assert_no_metadata(content)


def test_renditions_are_made_at_upload_in_avif_and_jpeg_in_every_width_up_to_the_original(make_picture):
    picture = make_picture(encoded(photo(1000, 1250), "PNG"), name="portrait.png")
    for kind, format in (("AVIF", "AVIF"), ("JPEG", "JPEG")):
        renditions = picture.renditions(kind)
        assert list(renditions) == [160, 320, 480, 640, 960]  # none wider than the 1,000-pixel original
        for width, rendition in renditions.items():
            with Image.open(default_storage.open(rendition.name)) as image:
                assert image.format == format
                assert image.size == (width, width * 5 // 4)


def test_a_rendition_is_named_after_the_content_so_a_changed_picture_gets_new_addresses(make_picture):
    first = make_picture(encoded(photo(800, 600), "JPEG"), name="entrance.jpg")
    second = make_picture(encoded(photo(800, 600).rotate(180), "JPEG"), name="entrance.jpg")
    again = make_picture(encoded(photo(800, 600), "JPEG"), name="entrance.jpg")
    urls = [picture.renditions("AVIF")[640].url for picture in (first, second, again)]
    assert len(set(urls)) == 3


def test_replacing_or_deleting_a_picture_deletes_its_old_files(make_picture, django_capture_on_commit_callbacks):
    picture = make_picture(encoded(photo(800, 600), "JPEG"), name="entrance.jpg")
    old = list(served_files(picture))
    with django_capture_on_commit_callbacks(execute=True):
        picture.image = upload(encoded(photo(800, 600).rotate(180), "JPEG"), "entrance.jpg")
        picture.save()
    assert not any(default_storage.exists(name) for name in old)
    new = list(served_files(picture))
    with django_capture_on_commit_callbacks(execute=True):
        picture.delete()
    assert not any(default_storage.exists(name) for name in new)


def test_a_decorative_picture_has_empty_alt_text_and_others_their_own():
    assert Picture(alt_text="The entrance", is_decorative=True).alt == ""
    assert Picture(alt_text="The entrance").alt == "The entrance"


def test_the_database_refuses_a_picture_with_neither_alt_text_nor_decorative(make_picture):
    with pytest.raises(IntegrityError):
        make_picture(alt_text="")
