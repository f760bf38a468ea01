"""With several app servers, pictures live in one shared S3-compatible bucket and are still served by this site;
a storage that fails or hangs costs staff a clear message and a few seconds, never a picture already saved."""

import time

import pytest

from images.models import Picture
from practice.models import Provider
from tests.conftest import page_text
from tests.images.conftest import encoded, photo, shared_storage
from tests.images.conftest import upload as upload_file
from tests.images.test_admin import upload
from tests.images.test_models import assert_no_metadata
from tests.images.test_views import tags

pytestmark = pytest.mark.django_db

STORAGE_FAILED = "The picture was not saved: the storage that keeps pictures did not answer."


def test_a_phone_portrait_uploaded_to_the_shared_bucket_is_shown_from_this_site_without_its_gps_position(
    editor, bucket, client, phone_jpeg
):
    alt_text = "Dr. Rostam Khoshsar smiling in the consulting room"
    response = upload(editor, "IMG_1234.JPG", phone_jpeg, alt_text=alt_text)
    assert response.status_code == 302
    picture = Picture.objects.get()
    assert (picture.width, picture.height) == (3024, 4032)  # upright
    provider = Provider.objects.get(slug="rostam-khoshsar")
    provider.portrait = picture
    provider.save()

    page = client.get(provider.get_absolute_url())
    [source] = tags(page, "source", type="image/avif")
    [img] = tags(page, "img", alt=alt_text)
    addresses = [entry.split()[0] for entry in source["srcset"].split(", ") + img["srcset"].split(", ")]
    renditions = [r for kind in ("AVIF", "JPEG") for r in picture.renditions(kind).values()]
    assert addresses == [r.url for r in renditions]
    assert all(address.startswith("/media/pictures/") for address in addresses)  # this site's, not the bucket's
    # The original and every rendition are in the bucket; nothing is left on this server's disk for them.
    assert bucket() == {picture.image.name} | {r.name for r in renditions}
    for address in addresses:
        served = client.get(address)
        assert served.status_code == 200
        assert served["Cache-Control"] == "public, max-age=31536000, immutable"
        assert_no_metadata(b"".join(served.streaming_content))
    assert client.get(f"/media/{picture.image.name}").status_code == 404  # the original never is served


def test_replacing_or_deleting_a_picture_removes_its_old_files_from_the_bucket(
    bucket, make_picture, django_capture_on_commit_callbacks
):
    picture = make_picture(encoded(photo(800, 600), "JPEG"), name="entrance.jpg")
    old = bucket()
    assert len(old) == 1 + 2 * 4  # the original, and AVIF and JPEG 160, 320, 480 and 640 pixels wide
    with django_capture_on_commit_callbacks(execute=True):
        picture.image = upload_file(encoded(photo(800, 600).rotate(180), "JPEG"), "entrance.jpg")
        picture.save()
    new = bucket()
    assert len(new) == len(old) and not new & old
    with django_capture_on_commit_callbacks(execute=True):
        picture.delete()
    assert bucket() == set()


@pytest.mark.parametrize("server", ["hanging_server", "refusing_server"])
def test_a_storage_that_hangs_or_refuses_costs_seconds_and_a_clear_message_and_loses_nothing(
    request, server, editor, bucket, settings, make_picture
):
    picture = make_picture(encoded(photo(800, 600), "JPEG"), name="entrance.jpg")
    saved = bucket()
    shared_storage(settings, request.getfixturevalue(server), "clinic-pictures")
    change = f"/admin/images/picture/{picture.pk}/change/"
    for address in ("/admin/images/picture/add/", change):
        started = time.monotonic()
        response = editor.post(
            address,
            {"image": upload_file(encoded(photo(900, 600), "JPEG"), "parking.jpg"), "alt_text": "The car park"},
            follow=True,
        )
        assert time.monotonic() - started < 15
        assert response.status_code == 200
        assert response.redirect_chain == [(address, 302)]
        assert STORAGE_FAILED in page_text(response)
    # The picture saved before is as it was, its files too.
    assert list(Picture.objects.values_list("pk", "image", "alt_text")) == [
        (picture.pk, picture.image.name, picture.alt_text)
    ]
    assert bucket() == saved


def test_a_picture_whose_storage_does_not_answer_is_a_503_to_ask_again_not_an_error(
    bucket, make_picture, settings, refusing_server, client
):
    rendition = make_picture().renditions("AVIF")[320]
    shared_storage(settings, refusing_server, "clinic-pictures")
    response = client.get(rendition.url)
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "public" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("server", ["hanging_server", "refusing_server"])
def test_a_patient_document_whose_storage_fails_gets_a_clear_message_not_an_error(
    request, server, editor, bucket, settings
):
    from visits.models import PatientDocument

    shared_storage(settings, request.getfixturevalue(server), "clinic-documents")
    started = time.monotonic()
    response = editor.post(
        "/admin/visits/patientdocument/add/",
        {"title": "New patient form", "file": upload_file(b"%PDF-1.4 a form", "form.pdf"), "order": 0},
        follow=True,
    )
    assert time.monotonic() - started < 15
    assert response.status_code == 200
    assert "This was not saved: the storage that keeps uploaded files did not answer." in page_text(response)
    assert not PatientDocument.objects.filter(title="New patient form").exists()
