"""Search engines find every published page from /sitemap.xml, and robots.txt points them to it."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.contrib.flatpages.models import FlatPage
from django.test import override_settings
from django.utils import timezone

from faq.models import Question
from images.models import Picture
from pages.models import PageDates
from practice.models import Provider
from tests.images.conftest import encoded, photo, upload
from treatments.models import Condition, Treatment

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "image": "http://www.google.com/schemas/sitemap-image/1.1"}
SITE = "https://www.example-clinic.com"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    return {url.find("s:loc", NS).text: url.find("s:lastmod", NS) for url in root.findall("s:url", NS)}


def test_sitemap_lists_every_published_public_page_on_site_url(client):
    urls = sitemap(client)
    for path in [
        "/",
        "/treatments/",
        "/treatments/stem-cell-therapy/",
        "/conditions/",
        "/conditions/chronic-back-pain/",
        "/faq/",
        "/faq/what-are-stem-cells/",
        "/providers/rostam-khoshsar/",
        "/about/",
        "/privacy/",
        "/accessibility/",
    ]:
        assert SITE + path in urls, path


def test_every_sitemap_entry_has_a_last_modified_date(client):
    for url, lastmod in sitemap(client).items():
        assert lastmod is not None and lastmod.text, url


def test_every_sitemap_entry_answers_200(client):
    for url in sitemap(client):
        assert client.get(url.removeprefix(SITE)).status_code == 200, url


def test_drafts_and_scheduled_pages_are_not_in_the_sitemap(client, make_treatment, make_condition):
    make_treatment("Draft treatment", is_published=False)
    make_treatment("Later treatment", publish_at=timezone.now() + datetime.timedelta(days=1))
    make_condition("Draft condition", is_published=False)
    urls = sitemap(client)
    assert SITE + "/treatments/draft-treatment/" not in urls
    assert SITE + "/treatments/later-treatment/" not in urls
    assert SITE + "/conditions/draft-condition/" not in urls


def test_treatment_lastmod_is_when_it_was_last_saved(client):
    treatment = Treatment.objects.get(slug="stem-cell-therapy")
    Treatment.objects.filter(pk=treatment.pk).update(updated_at=datetime.datetime(2026, 3, 4, 20, tzinfo=datetime.UTC))
    assert sitemap(client)[SITE + "/treatments/stem-cell-therapy/"].text == "2026-03-04"


def test_faq_lastmod_follows_its_newest_question(client, make_question):
    make_question("New question?")
    Question.objects.update(updated_at=datetime.datetime(2026, 1, 1, 20, tzinfo=datetime.UTC))
    newest = datetime.datetime(2026, 6, 7, 20, tzinfo=datetime.UTC)
    Question.objects.filter(slug="new-question").update(updated_at=newest)
    assert sitemap(client)[SITE + "/faq/"].text >= "2026-06-07"


def test_saving_a_simple_page_updates_its_lastmod(client):
    page = FlatPage.objects.get(url="/about/")
    PageDates.objects.filter(page=page).update(updated_at=datetime.datetime(2025, 1, 1, 20, tzinfo=datetime.UTC))
    assert sitemap(client)[SITE + "/about/"].text == "2025-01-01"
    page.title = "About us"
    page.save()
    assert sitemap(client)[SITE + "/about/"].text == timezone.localdate().isoformat()


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_thanks_page(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /request-consultation/thanks/" in lines
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
    assert "Disallow: /" not in lines


@override_settings(ADMIN_URL="staff-7f3a/")
def test_robots_txt_never_names_the_secret_admin_address(client):
    """Anyone can read robots.txt, so it must not give away where staff sign in."""
    assert "staff-7f3a" not in client.get("/robots.txt").content.decode()


def test_every_page_is_listed_in_each_language_with_its_alternates_and_x_default(client):
    """Search engines learn each page's Spanish address, and that the English page is the default."""
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own response
    xhtml = "{http://www.w3.org/1999/xhtml}link"
    entries = {url.find("s:loc", NS).text: url.findall(xhtml) for url in root.findall("s:url", NS)}
    for path in ["/", "/treatments/stem-cell-therapy/", "/faq/what-are-stem-cells/", "/about/", "/plan-your-visit/"]:
        assert SITE + "/es" + path in entries, path
        for loc in (SITE + path, SITE + "/es" + path):
            alternates = {link.get("hreflang"): link.get("href") for link in entries[loc]}
            assert alternates == {"en": SITE + path, "es": SITE + "/es" + path, "x-default": SITE + path}, loc


def sitemap_images(client):
    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    return {
        url.find("s:loc", NS).text: [loc.text for loc in url.findall("image:image/image:loc", NS)]
        for url in root.findall("s:url", NS)
    }


def test_pages_with_a_picture_list_it_in_the_sitemap_in_every_language(client):
    portrait = Picture.objects.create(
        image=upload(encoded(photo(1000, 1250), "JPEG"), "khoshsar.jpg"), alt_text="Dr. Khoshsar smiling"
    )
    diagram = Picture.objects.create(
        image=upload(encoded(photo(1000, 700), "JPEG"), "spine.jpg"), alt_text="The lower spine, from the side"
    )
    Provider.objects.filter(slug="rostam-khoshsar").update(portrait=portrait)
    Treatment.objects.filter(slug="stem-cell-therapy").update(picture=diagram)
    Condition.objects.filter(slug="chronic-back-pain").update(picture=diagram)
    images = sitemap_images(client)
    portrait_url = SITE + portrait.largest("JPEG").url
    diagram_url = SITE + diagram.largest("JPEG").url
    assert portrait_url.endswith("/960w.jpeg") and diagram_url.endswith("/960w.jpeg")
    for path in ("/providers/rostam-khoshsar/", "/es/providers/rostam-khoshsar/"):
        assert images[SITE + path] == [portrait_url], path
    for path in ("/treatments/stem-cell-therapy/", "/es/conditions/chronic-back-pain/"):
        assert images[SITE + path] == [diagram_url], path
    assert {url for url, found in images.items() if found} == {
        SITE + path
        for path in (
            "/providers/rostam-khoshsar/",
            "/treatments/stem-cell-therapy/",
            "/conditions/chronic-back-pain/",
        )
        for path in (path, "/es" + path)
    }
