"""Anonymous visitors get pages from the shared cache; any content change shows on the very next request."""

import datetime
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIRequest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django.asserts import assertContains

from consultations.models import ConsultationRequest
from faq.models import Question, Topic
from notices.models import SiteNotice
from practice.models import Clinic, Provider
from publishing.cache import CONTENT_VERSION_KEY
from tests.conftest import form_data, page_text
from tests.serving.wsgi import get_before_django
from treatments.models import Condition, Treatment
from visits.models import VisitGuide

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


def sign_in_to_the_admin_with_a_code(client, user, password):
    """Sign in as staff do in production: password, then the code from their authenticator app."""
    device = TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    signed_in = client.post(
        reverse("admin:login"), {"username": user.username, "password": password, "next": "/admin/"}
    )
    assert signed_in.status_code == 302
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    assert client.post(reverse("admin:second_factor"), {"code": code}).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_page_saved_in_the_admin_shows_on_the_next_anonymous_request(django_user_model, settings):
    """An editor signs in with a code and saves the About page; visitors get the new text at once, then cached."""
    settings.ADMIN_REQUIRE_2FA = True
    Client().get("/about/")
    assert Client().get("/about/")["X-Cache"] == "hit"
    editor = django_user_model.objects.create_user("editor", password="a-long-test-password", is_staff=True)
    editor.groups.add(Group.objects.get(name="Content editors"))
    staff = Client()
    sign_in_to_the_admin_with_a_code(staff, editor, "a-long-test-password")
    change = reverse("admin:flatpages_flatpage_change", args=[FlatPage.objects.get(url="/about/").pk])
    saved = staff.post(
        change, form_data(staff.get(change)) | {"content": "<p>Rewritten by staff.</p>", "_save": "Save"}
    )
    assert saved.status_code == 302, saved.context["adminform"].errors if saved.context else saved

    fresh = Client().get("/about/")
    assert fresh["X-Cache"] == "miss"
    assertContains(fresh, "<p>Rewritten by staff.</p>", html=True)
    cached = Client().get("/about/")
    assert cached["X-Cache"] == "hit"
    assertContains(cached, "<p>Rewritten by staff.</p>", html=True)


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


def test_not_found_pages_are_not_cached(client):
    client.get("/treatments/no-such-treatment/")
    assert "X-Cache" not in client.get("/treatments/no-such-treatment/")


def test_a_cached_page_is_answered_before_django_with_the_headers_django_sent(client):
    rendered = client.get(TREATMENT, headers={"accept-encoding": "gzip, deflate, br, zstd"})
    cached = client.get(TREATMENT, headers={"accept-encoding": "gzip, deflate, br, zstd"})
    status, headers, body = get_before_django(TREATMENT, **{"accept-encoding": "gzip, deflate, br, zstd"})
    assert status == "200 OK"
    assert body == cached.content == rendered.content
    assert headers == dict(cached.items()) == dict(rendered.items()) | {"X-Cache": "hit"}


def test_tracking_tags_and_unused_parameters_get_the_cached_page(client):
    page = client.get("/").content
    for query in ("utm_source=newsletter&utm_campaign=spring", "gclid=abc", "fbclid=x&msclkid=y", "x=1", "page=7"):
        status, headers, body = get_before_django(f"/?{query}")
        assert (status, headers["X-Cache"], body) == ("200 OK", "hit", page), query


def test_a_query_string_naming_no_page_is_not_even_parsed_on_a_hit():
    """A cache-busting loop (`/?x=<new>` each time) costs each request what `/` costs: nothing reads its parameters."""
    Client().get("/")
    unread = property(lambda request: pytest.fail("the query string was parsed"))
    with mock.patch.object(WSGIRequest, "GET", unread):
        status, headers, _ = get_before_django("/?utm_source=newsletter&x=1")
    assert (status, headers["X-Cache"]) == ("200 OK", "hit")


def test_a_cache_busting_loop_stores_nothing_and_renders_nothing():
    Client().get("/")
    with mock.patch.object(cache, "set_many", wraps=cache.set_many) as pages_stored:
        for i in range(50):
            assert get_before_django(f"/?page={i}&x={i}")[0] == "200 OK"
            assert Client().get(f"/faq/?x={i}")["X-Cache"] in ("hit", "miss")
    assert pages_stored.call_count == 1  # /faq/ itself, once


def test_later_pages_of_a_list_are_cached_once_each_and_past_the_last_page_never(client):
    for i in range(30):
        Question.objects.create(question=f"Question {i:02}?", slug=f"question-{i:02}", is_published=True)
    first = client.get("/faq/")
    second = client.get("/faq/?page=2")
    assert second["X-Cache"] == "miss" and "(page 2)" in page_text(second)
    assert "(page 2)" not in page_text(first)
    for address in ("/faq/?page=2", "/faq/?page=02", "/faq/?page=2&utm_source=x"):
        assert get_before_django(address)[2] == second.content, address
    with mock.patch.object(cache, "set_many", wraps=cache.set_many) as pages_stored:
        assert client.get("/faq/?page=3").status_code == 404
        assert client.get("/faq/?page=99999").status_code == 404
        assert client.get("/faq/?page=last").status_code == 200  # rendered, as today, but not stored
    assert pages_stored.call_count == 0


def test_search_results_are_never_stored(client):
    for query in ("stem", "back", "stem"):
        response = client.get(f"/search/?q={query}")
        assert response.status_code == 200
        assert "X-Cache" not in response
        assert "no-store" in response["Cache-Control"]


def test_a_page_is_cached_no_longer_than_the_next_scheduled_change():
    soon = timezone.now() + datetime.timedelta(seconds=90)
    with (
        mock.patch("serving.page_cache.next_visibility_change", return_value=soon),
        mock.patch.object(cache, "set_many", wraps=cache.set_many) as pages_stored,
    ):
        Client().get(TREATMENT)
    (copies, timeout), _ = pages_stored.call_args
    assert all(key.startswith("page:") for key in copies)
    assert 80 <= timeout <= 90


def test_nothing_is_cached_when_a_scheduled_change_is_due_now():
    with mock.patch("serving.page_cache.next_visibility_change", return_value=timezone.now()):
        Client().get(TREATMENT)
        assert Client().get(TREATMENT)["X-Cache"] == "miss"


def test_a_lost_content_version_starts_a_fresh_one():
    Client().get(TREATMENT)
    cache.delete(CONTENT_VERSION_KEY)
    assert Client().get(TREATMENT)["X-Cache"] == "miss"
    assert Client().get(TREATMENT)["X-Cache"] == "hit"


# One change to each kind of public content.
CHANGES = {
    "clinic": lambda: Clinic.objects.get().save(),
    "provider": lambda: Provider.objects.get(slug="rostam-khoshsar").save(),
    "treatment": lambda: Treatment.objects.get(slug="stem-cell-therapy").save(),
    "condition": lambda: Condition.objects.first().save(),
    "faq topic": lambda: Topic.objects.get().save(),
    "question": lambda: Question.objects.first().save(),
    "simple page": lambda: FlatPage.objects.get(url="/privacy/").save(),
    "site": lambda: Site.objects.get_current().save(),
    "site notice": lambda: SiteNotice.objects.create(title="Notice", slug="notice", body="<p>Posted.</p>"),
    "visit information": lambda: VisitGuide.objects.create(),
}


@pytest.mark.parametrize("kind", CHANGES)
def test_saving_any_kind_of_public_content_retires_cached_pages(kind):
    Client().get(TREATMENT)
    assert Client().get(TREATMENT)["X-Cache"] == "hit"
    CHANGES[kind]()
    assert Client().get(TREATMENT)["X-Cache"] == "miss"


def test_staff_signing_in_and_patients_requests_leave_cached_pages_in_place(django_user_model):
    """Only content retires pages: a sign-in (it saves the account) or a consultation request leaves them cached."""
    Client().get(TREATMENT)
    staff = django_user_model.objects.create_user("frontdesk", password="a-long-test-password", is_staff=True)
    Client().post(reverse("admin:login"), {"username": "frontdesk", "password": "a-long-test-password"})
    staff.refresh_from_db()
    assert staff.last_login is not None
    ConsultationRequest.objects.create(full_name="Jose Garcia", phone="+13105550123", consented_at=timezone.now())
    assert Client().get(TREATMENT)["X-Cache"] == "hit"
