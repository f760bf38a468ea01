"""Pages show uploaded pictures fast and without layout shift, from this site only; without one they show no frame."""

from html.parser import HTMLParser

import pytest
from django.test import Client

from practice.models import Clinic, ClinicPhoto, Provider
from publishing.cache import content_version
from tests.conftest import page_text
from tests.images.conftest import encoded, photo
from tests.seo.test_structured_data import of_type
from treatments.models import Condition, Treatment

pytestmark = pytest.mark.django_db


class Tags(HTMLParser):
    """Every start tag of a page, with its attributes."""

    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(response, name, **attrs):
    parser = Tags()
    parser.feed(response.content.decode())
    return [found for tag, found in parser.tags if tag == name and attrs.items() <= found.items()]


def meta(response, prop):
    return [tag["content"] for tag in tags(response, "meta", property=prop)]


@pytest.fixture
def doctor(make_picture):
    provider = Provider.objects.get(slug="rostam-khoshsar")
    provider.portrait = make_picture(encoded(photo(1500, 2000), "JPEG"), name="khoshsar.jpg")
    provider.save()
    return provider


def test_the_provider_page_shows_the_portrait_as_avif_and_jpeg_in_every_width_first_of_all(client, doctor):
    response = client.get(doctor.get_absolute_url())
    portrait = doctor.portrait
    [source] = tags(response, "source", type="image/avif")
    [img] = tags(response, "img", alt="Dr. Rostam Khoshsar smiling in the consulting room")
    assert source["srcset"].split(", ") == [f"{r.url} {w}w" for w, r in portrait.renditions("AVIF").items()]
    assert img["srcset"].split(", ") == [f"{r.url} {w}w" for w, r in portrait.renditions("JPEG").items()]
    assert img["src"] == portrait.renditions("JPEG")[640].url
    assert source["sizes"] == img["sizes"] == "(min-width: 48em) 16rem, min(12rem, 50vw)"
    # Its space is kept before it loads (no layout shift), and it is the page's first picture: fetched at once.
    assert (img["width"], img["height"]) == ("1500", "2000")
    assert img["fetchpriority"] == "high" and "loading" not in img


def test_the_provider_page_gives_the_portrait_to_search_engines_and_shared_links(client, doctor, settings):
    settings.SITE_URL = "https://www.example-clinic.com"
    response = client.get(doctor.get_absolute_url())
    largest = doctor.portrait.renditions("JPEG")[1280]
    assert meta(response, "og:image") == [f"https://www.example-clinic.com{largest.url}"]
    assert (meta(response, "og:image:width"), meta(response, "og:image:height")) == (["1280"], ["1707"])
    assert meta(response, "og:image:alt") == ["Dr. Rostam Khoshsar smiling in the consulting room"]
    [physician] = of_type(response, "IndividualPhysician")
    assert physician["image"] == {
        "@type": "ImageObject",
        "contentUrl": f"https://www.example-clinic.com{largest.url}",
        "width": 1280,
        "height": 1707,
    }


def test_on_a_spanish_page_the_english_alt_text_is_marked_as_english(client, doctor):
    response = client.get(f"/es{doctor.get_absolute_url()}")
    [img] = tags(response, "img", alt="Dr. Rostam Khoshsar smiling in the consulting room")
    assert img["lang"] == "en"
    assert client.get(doctor.portrait.renditions("AVIF")[640].url, HTTP_ACCEPT_LANGUAGE="es").status_code == 200


def test_the_home_page_lists_the_physician_with_a_small_lazy_portrait(client, doctor):
    response = client.get("/")
    [img] = tags(response, "img", loading="lazy")
    # The name beside it says who it is: a screen reader does not hear it twice.
    assert img["alt"] == "" and img["sizes"] == "6rem"
    assert "fetchpriority" not in img


def test_without_a_portrait_a_page_has_no_picture_frame_or_image_tags(client):
    provider = Provider.objects.get(slug="rostam-khoshsar")
    for response in (client.get(provider.get_absolute_url()), client.get("/")):
        assert tags(response, "picture") == [] and tags(response, "img") == []
        assert meta(response, "og:image") == []
        assert 'class="portrait' not in response.content.decode()
    [physician] = of_type(client.get(provider.get_absolute_url()), "IndividualPhysician")
    assert "image" not in physician


def test_pictures_come_from_this_site_and_the_policy_allows_images_from_it_only(client, doctor):
    response = client.get(doctor.get_absolute_url())
    addresses = [
        address.split()[0]
        for tag in tags(response, "img") + tags(response, "source")
        for address in [tag.get("src", ""), *tag.get("srcset", "").split(", ")]
        if address
    ]
    assert addresses and all(address.startswith("/media/pictures/") for address in addresses)
    assert "img-src 'self';" in response["Content-Security-Policy"] + ";"


def test_a_rendition_is_served_with_its_type_and_kept_by_browsers_for_a_year(doctor):
    rendition = doctor.portrait.renditions("AVIF")[640]
    response = Client().get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/avif"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert b"".join(response.streaming_content) == rendition.storage.open(rendition.name).read()


@pytest.mark.parametrize(
    "path",
    [
        "/media/pictures/0123456789abcdef/missing/640w.avif",
        "/media/{original}",  # the original upload is kept, never served
        "/media/pictures/0123456789abcdef/../../documents/640w.jpeg",
    ],
)
def test_only_renditions_that_exist_are_served(doctor, path):
    assert Client().get(path.format(original=doctor.portrait.image.name)).status_code == 404


def test_changing_a_picture_retires_the_cached_pages_that_show_it(doctor, django_capture_on_commit_callbacks):
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        doctor.portrait.alt_text = "Dr. Rostam Khoshsar at his desk"
        doctor.portrait.save()
    assert content_version() != before


@pytest.mark.parametrize(
    ("model", "slug", "kind"),
    [(Treatment, "stem-cell-therapy", "MedicalTherapy"), (Condition, "chronic-back-pain", "MedicalCondition")],
)
def test_a_treatment_or_condition_shows_its_picture_with_caption_and_credit_and_shares_it(
    client, make_picture, settings, model, slug, kind
):
    settings.SITE_URL = "https://www.example-clinic.com"
    record = model.objects.get(slug=slug)
    record.picture = make_picture(
        encoded(photo(1600, 900), "PNG"),
        name="diagram.png",
        alt_text="A diagram of the knee joint, with the injection point marked",
        caption="Where the injection goes",
        credit="Drawing: Jane Doe",
    )
    record.save()
    response = client.get(record.get_absolute_url())
    [img] = tags(response, "img", alt="A diagram of the knee joint, with the injection point marked")
    assert (img["width"], img["height"]) == ("1600", "900") and img["fetchpriority"] == "high"
    assert "Where the injection goes Drawing: Jane Doe" in page_text(response)
    largest = record.picture.renditions("JPEG")[1280]
    assert meta(response, "og:image") == [f"https://www.example-clinic.com{largest.url}"]
    [thing] = of_type(response, kind)
    assert thing["image"]["contentUrl"] == f"https://www.example-clinic.com{largest.url}"
    assert (thing["image"]["caption"], thing["image"]["creditText"]) == (
        "Where the injection goes",
        "Drawing: Jane Doe",
    )


def test_every_page_without_its_own_picture_shares_the_clinics_picture(client, make_picture, doctor):
    clinic = Clinic.objects.get()
    clinic.sharing_picture = make_picture(encoded(photo(1600, 900), "JPEG"), alt_text="The clinic's entrance")
    clinic.save()
    shared = clinic.sharing_picture.renditions("JPEG")[1280].url
    for path in ("/", "/treatments/stem-cell-therapy/", "/faq/", "/plan-your-visit/"):
        [image] = meta(client.get(path), "og:image")
        assert image.endswith(shared), path
    # The provider's page shares the provider's portrait instead.
    [image] = meta(client.get(doctor.get_absolute_url()), "og:image")
    assert image.endswith(doctor.portrait.renditions("JPEG")[1280].url)
    [clinic_data] = of_type(client.get("/"), "MedicalClinic")
    assert clinic_data["image"]["contentUrl"].endswith(shared)


@pytest.mark.parametrize("path", ["/", "/plan-your-visit/"])
def test_photos_of_the_clinic_are_shown_with_the_address_lazily_with_their_captions(client, make_picture, path):
    clinic = Clinic.objects.get()
    for order, caption in enumerate(
        ["The entrance, between the pharmacy and the bank", "Parking behind the building"]
    ):
        picture = make_picture(encoded(photo(1200, 900), "JPEG"), alt_text=caption.split(",")[0], caption=caption)
        ClinicPhoto.objects.create(clinic=clinic, picture=picture, order=order)
    response = client.get(path)
    images = tags(response, "img")
    # The second's caption says what its alt text says: a screen reader reads it once, as the caption.
    assert [img["alt"] for img in images] == ["The entrance", ""]
    assert all(img["loading"] == "lazy" and "fetchpriority" not in img for img in images)
    text = page_text(response)
    assert text.index("The entrance, between the pharmacy and the bank") < text.index("Parking behind the building")
