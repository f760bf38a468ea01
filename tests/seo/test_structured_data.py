"""Search engines read each page as a clinic, a physician, a treatment or a condition, from the records."""

import datetime
import json
import re
from html.parser import HTMLParser

import pytest

from practice.models import Clinic, OpeningHours, Provider, Weekday
from tests.pages import PUBLIC_PATHS

pytestmark = pytest.mark.django_db

DETAIL_PAGES = [
    "/treatments/stem-cell-therapy/",
    "/conditions/chronic-back-pain/",
    "/providers/rostam-khoshsar/",
    "/about/",
]
SITE = "https://www.example-clinic.com"


class JsonLdBlocks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks, self.breadcrumbs, self._in_block, self._in_breadcrumbs = [], [], False, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_block = True
            self.blocks.append("")
        if tag == "nav" and attrs.get("aria-label") == "Breadcrumb":
            self._in_breadcrumbs = True
        if tag == "a" and self._in_breadcrumbs:
            self.breadcrumbs.append([attrs["href"], ""])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_block = False
        if tag == "nav":
            self._in_breadcrumbs = False

    def handle_data(self, data):
        if self._in_block:
            self.blocks[-1] += data
        elif self._in_breadcrumbs and self.breadcrumbs:
            self.breadcrumbs[-1][1] += data.strip()


def parse(response):
    parser = JsonLdBlocks()
    parser.feed(response.content.decode())
    return parser


def nodes(response):
    """Every schema.org thing the page describes, from every JSON-LD block on it."""
    found = []
    for block in parse(response).blocks:
        data = json.loads(block)
        assert data["@context"] == "https://schema.org"
        found += data["@graph"]
    return found


def of_type(response, type_):
    return [node for node in nodes(response) if node["@type"] == type_]


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def clinic():
    clinic = Clinic.objects.get()
    clinic.phone = "(310) 555-0100"
    clinic.street_address = "2600 Example Boulevard, Suite 100"
    clinic.city, clinic.state, clinic.postal_code = "Torrance", "CA", "90505"
    clinic.latitude, clinic.longitude = "33.835849", "-118.340628"
    clinic.save()
    for day in (Weekday.MONDAY, Weekday.TUESDAY):
        OpeningHours.objects.create(clinic=clinic, weekday=day, opens="08:30", closes="17:00")
    return clinic


@pytest.mark.parametrize("url", PUBLIC_PATHS)
def test_every_page_describes_the_clinic_in_valid_json_ld(client, url):
    response = client.get(url)
    [clinic] = of_type(response, "MedicalClinic")
    assert clinic["name"] == Clinic.objects.get().name
    assert clinic["url"] == SITE + "/"
    assert clinic["@id"] == SITE + "/#clinic"


def test_clinic_markup_has_its_phone_address_position_and_opening_hours(client, clinic):
    [data] = of_type(client.get("/"), "MedicalClinic")
    assert data["telephone"] == "(310) 555-0100"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "2600 Example Boulevard, Suite 100",
        "addressLocality": "Torrance",
        "addressRegion": "CA",
        "postalCode": "90505",
        "addressCountry": "US",
    }
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 33.835849, "longitude": -118.340628}
    assert data["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"https://schema.org/{day}",
            "opens": "08:30",
            "closes": "17:00",
        }
        for day in ("Monday", "Tuesday")
    ]


def test_clinic_markup_leaves_out_what_staff_have_not_entered(client):
    Clinic.objects.update(phone="", street_address="", city="", state="", postal_code="")
    [data] = of_type(client.get("/"), "MedicalClinic")
    assert not {"telephone", "address", "geo", "openingHoursSpecification"} & set(data)


def test_provider_page_describes_an_individual_physician_who_practises_at_the_clinic(client):
    Provider.objects.filter(slug="rostam-khoshsar").update(credentials="MD, FAAPMR")
    [physician] = of_type(client.get("/providers/rostam-khoshsar/"), "IndividualPhysician")
    assert physician["name"] == "Dr. Rostam Khoshsar"
    assert physician["url"] == SITE + "/providers/rostam-khoshsar/"
    assert physician["practicesAt"] == {"@id": SITE + "/#clinic"}
    assert [c["name"] for c in physician["hasCredential"]] == ["MD", "FAAPMR"]


def test_treatment_page_describes_a_therapy_and_the_published_conditions_it_is_used_for(
    client, make_treatment, make_condition
):
    knee = make_condition("Knee osteoarthritis")
    draft = make_condition("Draft condition", is_published=False)
    make_treatment("Nerve blocks", summary="Stops pain signals.", conditions=[knee, draft])
    [therapy] = of_type(client.get("/treatments/nerve-blocks/"), "MedicalTherapy")
    assert therapy["name"] == "Nerve blocks"
    assert therapy["description"] == "Stops pain signals."
    assert therapy["indication"] == [
        {
            "@type": "TreatmentIndication",
            "name": "Knee osteoarthritis",
            "url": SITE + "/conditions/knee-osteoarthritis/",
        }
    ]


def test_condition_page_describes_a_condition_and_its_treatments(client, make_treatment, make_condition):
    knee = make_condition("Knee osteoarthritis", summary="Worn knee cartilage.")
    make_treatment("Nerve blocks", conditions=[knee])
    [condition] = of_type(client.get("/conditions/knee-osteoarthritis/"), "MedicalCondition")
    assert condition["name"] == "Knee osteoarthritis"
    assert condition["description"] == "Worn knee cartilage."
    assert [t["name"] for t in condition["possibleTreatment"]] == ["Nerve blocks"]
    assert condition["possibleTreatment"][0]["@type"] == "MedicalTherapy"


def test_reviewed_page_says_who_reviewed_it_and_when(client, make_treatment):
    doctor = Provider.objects.get(slug="rostam-khoshsar")
    make_treatment("Nerve blocks", reviewed_by=doctor, last_reviewed=datetime.date(2026, 10, 1))
    [page] = of_type(client.get("/treatments/nerve-blocks/"), "MedicalWebPage")
    assert page["lastReviewed"] == "2026-10-01"
    assert page["reviewedBy"]["name"] == "Dr. Rostam Khoshsar"
    assert page["reviewedBy"]["@id"] == SITE + "/providers/rostam-khoshsar/#physician"
    assert page["about"] == {"@id": SITE + "/treatments/nerve-blocks/#treatment"}


def test_unreviewed_page_claims_no_review(client, make_condition):
    make_condition("Sciatica")
    [page] = of_type(client.get("/conditions/sciatica/"), "MedicalWebPage")
    assert "lastReviewed" not in page and "reviewedBy" not in page


def test_faq_page_marks_up_each_question_and_answer(client, make_question, make_topic):
    topic = make_topic("Before your visit")
    make_question("How long does it take?", topic=topic, answer="<p>About an hour.</p>")
    make_question("Do I need a referral?", answer="<p>No.</p>")
    [faq] = of_type(client.get("/faq/"), "FAQPage")
    questions = {q["name"]: q["acceptedAnswer"] for q in faq["mainEntity"]}
    assert questions["How long does it take?"] == {"@type": "Answer", "text": "<p>About an hour.</p>"}
    assert questions["Do I need a referral?"] == {"@type": "Answer", "text": "<p>No.</p>"}
    assert all(q["@type"] == "Question" for q in faq["mainEntity"])


def test_questions_are_marked_up_on_the_faq_page_only(client, make_question, make_treatment):
    treatment = make_treatment("Nerve blocks")
    make_question("How long does it take?", treatment=treatment)
    assert "How long does it take?" in client.get("/treatments/nerve-blocks/").content.decode()
    for url in [*PUBLIC_PATHS, "/treatments/nerve-blocks/"]:
        if url not in ("/faq/", "/es/faq/"):
            assert of_type(client.get(url), "FAQPage") == [], url
            assert of_type(client.get(url), "Question") == [], url


@pytest.mark.parametrize("url", DETAIL_PAGES)
def test_detail_pages_mark_up_the_breadcrumbs_they_show(client, url):
    response = client.get(url)
    [breadcrumbs] = of_type(response, "BreadcrumbList")
    marked_up = [(item["item"], item["name"]) for item in breadcrumbs["itemListElement"]]
    shown = [(SITE + href, text) for href, text in parse(response).breadcrumbs]
    assert marked_up == shown
    assert [item["position"] for item in breadcrumbs["itemListElement"]] == list(range(1, len(shown) + 1))
    assert len(shown) >= 2


def test_no_page_marks_up_ratings_or_reviews(client):
    for url in PUBLIC_PATHS:
        text = "".join(parse(client.get(url)).blocks)
        assert not re.search(r'"(aggregateRating|review|Review|Rating)"', text), url


def test_record_text_cannot_end_the_data_block(client, make_treatment):
    make_treatment("Evil", summary="</script><script>alert(1)</script><!--")
    response = client.get("/treatments/evil/")
    assert "</script><script>alert(1)" not in response.content.decode().split("<body")[0]
    [therapy] = of_type(response, "MedicalTherapy")
    assert therapy["description"] == "</script><script>alert(1)</script><!--"
