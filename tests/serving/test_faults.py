"""When a supporting service fails, patients still get pages (or a friendly page with the phone number)."""

import contextlib
import time
import zlib
from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import OperationalError, close_old_connections
from django.test import Client, RequestFactory, override_settings
from pytest_django.asserts import assertContains

from clinic_site.wsgi import application
from consultations.models import ConsultationRequest
from practice.models import Clinic
from serving.outage import last_known_contact
from tests.conftest import page_text
from tests.consultations.conftest import rendered_at
from tests.serving.servers import SilentServer

pytestmark = pytest.mark.django_db

TREATMENT = "/treatments/stem-cell-therapy/"


def redis_at(port):
    """The cache settings production uses with Redis, for a Redis on this loopback port."""
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": settings.REDIS_CACHE_OPTIONS,
        }
    }


UNREACHABLE_REDIS = redis_at(9)  # the discard port: nothing listens there


@override_settings(CACHES=UNREACHABLE_REDIS)
@pytest.mark.parametrize("url", ["/", "/treatments/stem-cell-therapy/", "/faq/", "/about/", "/request-consultation/"])
def test_pages_are_served_when_redis_is_unreachable(url):
    response = Client().get(url)
    assert response.status_code == 200
    assert "X-Cache" not in response


def timed_get(url):
    started = time.monotonic()
    response = Client().get(url)
    return response, time.monotonic() - started


@pytest.fixture
def hung_redis():
    with SilentServer() as server, override_settings(CACHES=redis_at(server.port)):
        yield


def test_a_hung_cache_costs_one_short_wait_then_pages_are_rendered_without_waiting(hung_redis):
    with override_settings(PAGE_CACHE_SECONDS=0):  # then no request asks the cache anything
        timed_get(TREATMENT)
        _, render = timed_get(TREATMENT)
    response, first = timed_get(TREATMENT)
    assert response.status_code == 200
    assertContains(response, "<h1>Stem cell therapy</h1>", html=True)
    assert "X-Cache" not in response
    assert first < render + 1.0  # one short timeout (50 ms), not 1.5 s or more
    for url in ("/", TREATMENT, "/faq/", TREATMENT):
        response, seconds = timed_get(url)
        assert response.status_code == 200
        assert seconds < render + 0.25, url  # no waiting at all while the cache is left alone
    assert timed_get("/healthz")[0].json() == {"status": "degraded", "database": "ok", "cache": "unavailable"}


@override_settings(CACHES=UNREACHABLE_REDIS)
def test_consultation_requests_are_accepted_when_redis_is_unreachable(valid_data):
    response = Client().post("/request-consultation/", valid_data)
    assert response.status_code == 302
    assert ConsultationRequest.objects.count() == 1


@override_settings(CACHES=UNREACHABLE_REDIS)
def test_without_the_cache_the_health_check_says_degraded_and_keeps_the_server_in_rotation():
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "unavailable"}


def test_health_check_is_ok_when_all_answers_and_is_never_cached(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert "X-Cache" not in client.get("/healthz")


def test_health_check_names_the_unreachable_database(client):
    with mock.patch("practice.models.Clinic.objects.values", side_effect=OperationalError("connection refused")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == response.json()["database"] == "unavailable"


def test_database_down_shows_the_outage_page_with_the_last_known_phone(settings):
    clinic = Clinic.objects.get()
    clinic.phone = "(310) 555-0100"
    clinic.save()  # remembered for outages
    settings.PAGE_CACHE_SECONDS = 0
    client = Client(raise_request_exception=False)
    with mock.patch("django.views.generic.base.TemplateView.get", side_effect=OperationalError("server closed")):
        response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "no-store" in response["Cache-Control"]
    text = page_text(response)
    assert "Our website is briefly unavailable" in text
    assert "(310) 555-0100" in text
    assert 'href="tel:+13105550100"' in response.content.decode()
    assert "Traceback" not in text and "OperationalError" not in text


def test_the_phone_for_outages_survives_losing_the_cache(settings):
    clinic = Clinic.objects.get()
    clinic.phone = "(310) 555-0111"
    clinic.save()
    from django.core.cache import cache

    cache.clear()
    assert last_known_contact()["phone"] == "(310) 555-0111"
    assert settings.OUTAGE_CONTACT_FILE.exists()


def test_other_errors_still_get_the_500_page():
    client = Client(raise_request_exception=False)
    with mock.patch("django.views.generic.base.TemplateView.get", side_effect=ValueError("bug")):
        response = client.get("/")
    assert response.status_code == 500
    assert "Sorry, something went wrong on our side" in page_text(response)


@pytest.fixture
def valid_data():
    return {
        "full_name": "Ana Ruiz",
        "phone": "(310) 555-0123",
        "email": "",
        "preferred_contact": "phone",
        "best_time": "morning",
        "treatment": "stem-cell-therapy",
        "message": "",
        "consent": "on",
        "website": "",
        "rendered_at": rendered_at(),
    }


@contextlib.contextmanager
def connection_kept_open():
    """As the test client does: the test's database connection (and its transaction) outlives the request."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


@pytest.mark.parametrize(
    "error", [EOFError, zlib.error, OSError(28, "No space left on device")], ids=["eof", "zlib", "disk-full"]
)
def test_a_broken_cache_entry_or_disk_costs_a_render_never_an_error_page(error, caplog):
    """A corrupt stored page or a full disk under the file cache: the page is rendered, before Django and in it."""
    Client().get(TREATMENT)
    with mock.patch("serving.page_cache.cache.get_many", side_effect=error), connection_kept_open():
        environ = RequestFactory().get(TREATMENT).environ
        answered = {}
        body = b"".join(application(environ, lambda status, headers: answered.update(status=status)))
        assert answered["status"].startswith("200")
        assert b"<h1>Stem cell therapy</h1>" in body
    with mock.patch("serving.page_cache.cache.set_many", side_effect=error):
        cache.clear()
        response = Client().get(TREATMENT)
        assert response.status_code == 200
        assertContains(response, "<h1>Stem cell therapy</h1>", html=True)
    assert "Page cache unreadable" in caplog.text and "Page cache unwritable" in caplog.text
