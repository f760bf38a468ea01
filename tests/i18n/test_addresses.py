"""English stays at today's addresses, each other language is under its code, and only the address chooses."""

import pytest
from django.test import Client
from django.urls import resolve, reverse
from django.utils import translation

from tests.i18n.markup import language_markup
from tests.serving.wsgi import get_before_django

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/treatments/",
    "/treatments/stem-cell-therapy/",
    "/treatments/stem-cell-therapy/questions/",
    "/conditions/chronic-back-pain/",
    "/faq/",
    "/faq/what-are-stem-cells/",
    "/providers/rostam-khoshsar/",
    "/about/",
    "/request-consultation/",
    "/plan-your-visit/",
    "/search/?q=knee",
]


@pytest.mark.parametrize("path", PAGES)
def test_english_pages_are_at_todays_addresses_and_spanish_ones_under_es(client, path):
    english, spanish = client.get(path), client.get("/es" + path)
    assert english.status_code == spanish.status_code == 200
    assert language_markup(english).lang == english["Content-Language"] == "en"
    assert language_markup(spanish).lang == spanish["Content-Language"] == "es"


def test_english_addresses_reverse_and_resolve_as_before():
    with translation.override("en"):
        assert reverse("treatments:treatment_detail", kwargs={"slug": "stem-cell-therapy"}) == (
            "/treatments/stem-cell-therapy/"
        )
        assert resolve("/faq/").view_name == "faq:question_list"
    with translation.override("es"):
        assert reverse("faq:question_list") == "/es/faq/"
        assert resolve("/es/faq/").view_name == "faq:question_list"


@pytest.mark.parametrize("path", ["/admin/", "/healthz", "/robots.txt", "/sitemap.xml"])
def test_the_admin_health_check_robots_and_sitemap_have_no_language_address(client, path):
    assert client.get(path).status_code in (200, 302)
    assert client.get("/es" + path, follow=True).status_code == 404


@pytest.mark.parametrize("path", ["/", "/treatments/stem-cell-therapy/", "/no-such-page/"])
def test_the_browsers_language_and_a_language_cookie_never_redirect_or_change_the_page(path):
    client = Client(headers={"accept-language": "es-MX,es;q=0.9"})
    client.cookies["django_language"] = "es"
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert language_markup(response).lang == "en"
    assert "Accept-Language" not in response.get("Vary", "")
    spanish = Client(headers={"accept-language": "en-US,en"}).get("/es" + path)
    assert spanish.status_code == response.status_code
    assert language_markup(spanish).lang == "es"


def test_a_request_leaves_no_language_behind_for_what_runs_after_it(client):
    client.get("/es/faq/")
    assert translation.get_language() == "en"
    assert reverse("faq:question_list") == "/faq/"


def test_every_page_links_to_itself_in_each_language_labelled_in_that_language(client):
    for path, current in (("/faq/", "en"), ("/es/faq/", "es")):
        markup = language_markup(client.get(path))
        assert markup.switcher_label
        assert [(a["href"], a["hreflang"], a["lang"], a["text"]) for a in markup.switcher] == [
            ("/faq/", "en", "en", "English"),
            ("/es/faq/", "es", "es", "Español"),
        ]
        assert [a["hreflang"] for a in markup.switcher if a.get("aria-current") == "true"] == [current]


def test_a_page_names_itself_in_each_language_and_english_as_the_default(client, settings):
    settings.SITE_URL = "https://www.example-clinic.com"
    expected = {
        "en": "https://www.example-clinic.com/treatments/stem-cell-therapy/",
        "es": "https://www.example-clinic.com/es/treatments/stem-cell-therapy/",
        "x-default": "https://www.example-clinic.com/treatments/stem-cell-therapy/",
    }
    for path in ("/treatments/stem-cell-therapy/", "/es/treatments/stem-cell-therapy/"):
        assert language_markup(client.get(path + "?utm_source=newsletter")).alternates == expected


def test_a_later_page_of_a_list_names_the_same_page_in_each_language(client, make_treatment):
    for number in range(25):
        make_treatment(f"Treatment {number:02}")
    markup = language_markup(client.get("/es/treatments/?page=2"))
    assert markup.alternates["en"].endswith("/treatments/?page=2")
    assert markup.alternates["es"].endswith("/es/treatments/?page=2")
    assert [a["href"] for a in markup.switcher] == ["/treatments/?page=2", "/es/treatments/?page=2"]


def test_simple_pages_in_the_footer_are_linked_in_the_pages_language(client):
    assert 'href="/es/about/"' in client.get("/es/").content.decode()
    assert 'href="/about/"' in client.get("/").content.decode()


def test_a_cached_page_in_one_language_never_answers_for_the_other(client):
    assert client.get("/es/faq/")["X-Cache"] == "miss"
    english = client.get("/faq/")
    assert english["X-Cache"] == "miss"
    assert language_markup(english).lang == "en"
    for path, lang in (("/faq/", "en"), ("/es/faq/", "es")):
        response = client.get(path)
        assert response["X-Cache"] == "hit"
        assert language_markup(response).lang == response["Content-Language"] == lang


def test_before_django_a_spanish_page_in_the_cache_never_answers_an_english_request():
    Client().get("/es/treatments/")
    status, headers, body = get_before_django("/es/treatments/")
    assert status == "200 OK" and headers["Content-Language"] == "es" and b'<html lang="es">' in body
    with pytest.raises(AssertionError, match="Django was asked for /treatments/"):
        get_before_django("/treatments/")


def test_before_django_an_english_page_in_the_cache_never_answers_a_spanish_request():
    Client().get("/treatments/")
    status, headers, body = get_before_django("/treatments/", accept_language="es")
    assert status == "200 OK" and headers["Content-Language"] == "en" and b'<html lang="en">' in body
    with pytest.raises(AssertionError, match="Django was asked for /es/treatments/"):
        get_before_django("/es/treatments/")


@pytest.mark.parametrize(("code", "name"), [("ko", "한국어"), ("ja", "日本語")])
def test_another_language_is_switched_on_by_configuration_alone(client, settings, code, name):
    settings.LANGUAGES = [*settings.LANGUAGES, (code, "")]
    response = client.get(f"/{code}/treatments/stem-cell-therapy/")
    assert response.status_code == 200
    markup = language_markup(response)
    assert markup.lang == code
    assert (f"/{code}/treatments/stem-cell-therapy/", name) in [(a["href"], a["text"]) for a in markup.switcher]
    assert markup.alternates[code].endswith(f"/{code}/treatments/stem-cell-therapy/")
