"""Staff upload pictures in the admin; a file that is not a safe picture is refused with its reason, nothing kept."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from images.models import Picture
from tests.conftest import page_text
from tests.images.conftest import SVG, bomb, encoded, executable, photo

pytestmark = pytest.mark.django_db


def upload(client, name, content, alt_text="The clinic's entrance, with its blue door", **fields):
    return client.post(
        "/admin/images/picture/add/",
        {"image": SimpleUploadedFile(name, content), "alt_text": alt_text, "caption": "", "credit": "", **fields},
    )


def test_content_editors_upload_a_picture_and_see_its_preview(editor):
    response = upload(editor, "entrance.jpg", encoded(photo(800, 600), "JPEG"))
    assert response.status_code == 302
    picture = Picture.objects.get()
    assert (picture.width, picture.height) == (800, 600)
    listing = editor.get("/admin/images/picture/")
    assert picture.renditions("JPEG")[160].url in listing.content.decode()


def test_pictures_have_their_place_in_the_admin_home_under_website_pages(admin_client):
    sections = {section["name"]: section for section in admin_client.get("/admin/").context["app_list"]}
    assert "Pictures" in [model["name"] for model in sections["Website pages"]["models"]]


@pytest.mark.parametrize(
    ("name", "content", "message"),  # content: made when the test runs
    [
        ("logo.svg", lambda: SVG, "Drawings in SVG and other kinds of file are not accepted"),
        ("logo.jpg", lambda: SVG, "This file is not a JPEG, PNG, WebP or HEIC photo, whatever its name says."),
        ("portrait.jpg", executable, "This file is not a JPEG, PNG, WebP or HEIC photo, whatever its name says."),
        ("scan.gif", lambda: encoded(photo(400, 400), "GIF"), "This file is not a JPEG, PNG, WebP or HEIC photo"),
        (
            "cut-off.jpg",
            lambda: encoded(photo(800, 600), "JPEG")[:5000],
            "This file is not a JPEG, PNG, WebP or HEIC photo",
        ),
        ("bomb.png", lambda: bomb(megapixels=60), "too many pixels to be processed safely (at most 50 megapixels)"),
        (
            "bigger-bomb.png",
            lambda: bomb(megapixels=120),
            "too many pixels to be processed safely (at most 50 megapixels)",
        ),
        ("icon.png", lambda: encoded(photo(200, 200), "PNG"), "This picture is only 200 pixels wide."),
        ("huge.jpg", lambda: b"\xff\xd8\xff" + b"0" * (20 * 1024 * 1024), "This file is larger than 20 MB."),
    ],
    ids=["svg", "svg-renamed", "renamed-executable", "gif", "truncated", "bomb", "bigger-bomb", "too-small", "huge"],
)
def test_a_file_that_is_not_a_safe_picture_is_refused_with_its_reason(editor, name, content, message):
    response = upload(editor, name, content())
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["image"]
    assert message in errors["image"][0]
    assert message in page_text(response)
    assert not Picture.objects.exists()


@pytest.mark.parametrize(
    ("alt_text", "message"),
    [
        ("", "Write alt text saying what the picture shows, or tick “decorative” below."),
        ("IMG_1234.jpg", "This looks like a file name."),
        ("IMG_1234", "This looks like a file name."),
        ("portrait.HEIC", "This looks like a file name."),
        ("image", "This does not say what the picture shows."),
        ("Photo", "This does not say what the picture shows."),
        ("a picture", "This does not say what the picture shows."),
        ("photo 2", "This does not say what the picture shows."),
    ],
)
def test_alt_text_must_say_what_the_picture_shows(editor, alt_text, message):
    response = upload(editor, "entrance.jpg", encoded(photo(800, 600), "JPEG"), alt_text=alt_text)
    assert response.status_code == 200
    assert message in response.context["adminform"].form.errors["alt_text"][0]
    assert not Picture.objects.exists()


def test_a_decorative_picture_needs_no_alt_text(editor):
    response = upload(editor, "texture.png", encoded(photo(800, 600), "PNG"), alt_text="", is_decorative="on")
    assert response.status_code == 302
    assert Picture.objects.get().alt == ""


def test_the_admin_explains_good_alt_text_in_a_sentence(editor):
    text = page_text(editor.get("/admin/images/picture/add/"))
    assert "Alt text is read aloud to patients who cannot see the picture" in text
    assert "not the file's name" in text
