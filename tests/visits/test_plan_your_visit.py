"""Plan your visit: getting there without loading anything from a map service, access, paying, and documents."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from practice.models import Clinic
from tests.conftest import page_text
from visits.models import PatientDocument, VisitGuide

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.loaded = {}, []
        self._href = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self._href = attrs.get("href")
        for name in ("src", "srcset"):
            if attrs.get(name):
                self.loaded.append(attrs[name])
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.loaded.append(attrs["href"])

    def handle_data(self, data):
        if self._href and data.strip():
            self.links[data.strip()] = self._href

    def handle_endtag(self, tag):
        if tag == "a":
            self._href = None


def links_of(response):
    parser = Links()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def clinic_with_address():
    clinic = Clinic.objects.get()
    clinic.street_address, clinic.city, clinic.state, clinic.postal_code = (
        "2600 Example Blvd",
        "Torrance",
        "CA",
        "90505",
    )
    clinic.latitude, clinic.longitude = "33.835849", "-118.340628"
    clinic.phone = "(310) 555-0100"
    clinic.languages_spoken = "English, Spanish"
    clinic.save()
    return clinic


def test_every_page_links_to_plan_your_visit(client):
    for path in ["/", "/faq/", "/treatments/stem-cell-therapy/"]:
        assert links_of(client.get(path)).links["Plan your visit"] == "/plan-your-visit/", path


def test_directions_are_plain_links_that_open_a_map_app(client, clinic_with_address):
    page = links_of(client.get("/plan-your-visit/"))
    assert page.links["Google Maps"] == (
        "https://www.google.com/maps/dir/?api=1&destination=2600+Example+Blvd%2C+Torrance%2C+CA+90505"
    )
    assert page.links["Apple Maps"] == "https://maps.apple.com/?daddr=2600+Example+Blvd%2C+Torrance%2C+CA+90505"
    assert page.links["Another map app on this device"].startswith("geo:33.835849,-118.340628?q=2600%20Example")
    assert all(not src.startswith(("http:", "https:", "//")) for src in page.loaded), page.loaded


def test_without_an_address_the_page_offers_no_directions_but_still_works(client):
    response = client.get("/plan-your-visit/")
    assert response.status_code == 200
    assert "Google Maps" not in page_text(response)


def test_visit_page_shows_what_staff_entered(client, clinic_with_address):
    VisitGuide.objects.create(
        parking="Free parking behind the building.",
        step_free_entrance=True,
        accessible_restroom=True,
        what_to_bring="<p>Photo ID and your insurance card.</p>",
        self_pay="<p>Ask for a Good Faith Estimate.</p>",
        patient_portal_url="https://portal.example.com/",
    )
    response = client.get("/plan-your-visit/")
    text = page_text(response)
    for words in [
        "Free parking behind the building.",
        "Step-free entrance",
        "Accessible restroom",
        "Photo ID and your insurance card.",
        "Ask for a Good Faith Estimate.",
        "Languages we speak English, Spanish.",
    ]:
        assert words in text
    assert "Lift (elevator)" not in text
    assert links_of(response).links["Patient portal"] == "https://portal.example.com/"


def test_documents_show_their_title_format_and_size_and_download_as_pdf(client):
    document = PatientDocument.objects.create(
        title="New patient questionnaire", file=ContentFile(PDF * 40, name="questionnaire.pdf"), is_published=True
    )
    text = page_text(client.get("/plan-your-visit/"))
    assert "New patient questionnaire (PDF, 1.8 KB)" in text

    download = client.get(document.get_absolute_url())
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_unpublished_document_is_neither_listed_nor_downloadable(client):
    document = PatientDocument.objects.create(title="Old form", file=ContentFile(PDF, name="old.pdf"))
    assert "Old form" not in page_text(client.get("/plan-your-visit/"))
    assert client.get(document.get_absolute_url()).status_code == 404


@pytest.fixture
def visits_admin(django_user_model):
    user = django_user_model.objects.create_user("editor", password="a-long-test-password", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="visits"))
    client = Client()
    client.force_login(user)
    return client


def upload(client, name, content):
    return client.post(
        "/admin/visits/patientdocument/add/",
        {"title": "Intake form", "file": SimpleUploadedFile(name, content), "order": 0, "is_published": "on"},
    )


def test_staff_upload_a_pdf(visits_admin):
    assert upload(visits_admin, "intake.pdf", PDF).status_code == 302
    assert PatientDocument.objects.get().size == len(PDF)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.pdf", b"MZ\x90\x00 a renamed program", "This file is not a PDF."),
        ("intake.docx", b"PK\x03\x04", "File extension “docx” is not allowed."),
        ("huge.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), "This file is larger than 10 MB."),
    ],
)
def test_a_file_that_is_not_a_reasonable_pdf_is_refused_with_a_clear_message(visits_admin, name, content, message):
    response = upload(visits_admin, name, content)
    assert response.status_code == 200
    assert message in page_text(response)
    assert not PatientDocument.objects.exists()


def test_search_finds_the_visit_page_for_parking_and_directions():
    from search.query import search

    for words in ["parking", "directions to the clinic", "wheelchair access"]:
        assert "/plan-your-visit/" in [result.url for result in search(words).results[:3]], words
