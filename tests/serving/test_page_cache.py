"""Anonymous visitors get pages from the shared cache; any content change shows on the very next request."""

import datetime
from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from faq.models import Question
from practice.models import Clinic
from publishing.cache import CONTENT_VERSION_KEY
from tests.conftest import page_text
from treatments.models import Condition, Treatment

pytestmark = pytest.mark.django_db

TREATMENT = "/treatments/stem-cell-therapy/"


def test_second_anonymous_request_is_served_from_the_cache(client):
    assert client.get(TREATMENT)["X-Cache"] == "miss"
    assert client.get(TREATMENT)["X-Cache"] == "hit"


def test_saving_a_treatment_shows_on_the_next_request():
    Client().get(TREATMENT)
    treatment = Treatment.objects.get(slug="stem-cell-therapy")
    treatment.summary = "A freshly corrected summary."
    treatment.save()
    response = Client().get(TREATMENT)
    assert response["X-Cache"] == "miss"
    assert "A freshly corrected summary." in page_text(response)


def test_a_change_anywhere_retires_every_cached_page():
    Client().get("/")
    Client().get("/faq/")
    clinic = Clinic.objects.get()
    clinic.phone = "(310) 555-0199"
    clinic.save()
    for url in ("/", "/faq/"):
        response = Client().get(url)
        assert response["X-Cache"] == "miss"
        assert "(310) 555-0199" in page_text(response)


def test_deleting_and_relinking_content_retire_cached_pages():
    Client().get("/faq/")
    question = Question.objects.filter(is_published=True).first()
    question.delete()
    assert Client().get("/faq/")["X-Cache"] == "miss"
    Client().get(TREATMENT)
    Treatment.objects.get(slug="stem-cell-therapy").conditions.add(
        Condition.objects.create(name="Hip pain", slug="hip-pain", is_published=True)
    )
    assert "Hip pain" in page_text(Client().get(TREATMENT))


def test_an_admin_edit_shows_on_the_next_anonymous_request(admin_client):
    Client().get("/about/")
    from django.contrib.flatpages.models import FlatPage

    page = FlatPage.objects.get(url="/about/")
    page.content = "<p>Rewritten by staff.</p>"
    page.save()
    assert "Rewritten by staff." in page_text(Client().get("/about/"))


def test_signed_in_staff_are_never_served_from_the_cache(staff_client):
    Client().get(TREATMENT)
    response = staff_client.get(TREATMENT)
    assert "X-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_form_pages_with_csrf_tokens_are_never_cached(client):
    for url in ("/request-consultation/", "/request-consultation/thanks/"):
        first, second = client.get(url), client.get(url)
        assert "X-Cache" not in second
        assert "no-store" in second["Cache-Control"]
    assert first.status_code == 200


def test_not_found_pages_and_odd_query_strings_are_not_cached(client):
    client.get("/treatments/no-such-treatment/")
    assert "X-Cache" not in client.get("/treatments/no-such-treatment/")
    client.get("/?utm_source=newsletter")
    assert "X-Cache" not in client.get("/?utm_source=newsletter")


def test_a_page_is_cached_no_longer_than_the_next_scheduled_change():
    soon = timezone.now() + datetime.timedelta(seconds=90)
    with (
        mock.patch("serving.middleware.next_visibility_change", return_value=soon),
        mock.patch.object(cache, "set", wraps=cache.set) as cache_set,
    ):
        Client().get(TREATMENT)
    (key, _entry, timeout), _ = cache_set.call_args
    assert key.startswith("page:")
    assert 80 <= timeout <= 90


def test_nothing_is_cached_when_a_scheduled_change_is_due_now():
    with mock.patch("serving.middleware.next_visibility_change", return_value=timezone.now()):
        Client().get(TREATMENT)
        assert Client().get(TREATMENT)["X-Cache"] == "miss"


def test_a_lost_content_version_starts_a_fresh_one():
    Client().get(TREATMENT)
    cache.delete(CONTENT_VERSION_KEY)
    assert Client().get(TREATMENT)["X-Cache"] == "miss"
    assert Client().get(TREATMENT)["X-Cache"] == "hit"


def test_the_public_content_apps_are_one_setting():
    assert {"practice", "treatments", "faq", "flatpages"} <= set(settings.PUBLIC_CONTENT_APPS)
