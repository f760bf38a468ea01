"""What shared caches are told they may keep, and the purges sent to them when content changes."""

import datetime
import http.server
import logging
import socket
import threading
import time
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client
from django.utils import timezone

from serving import edge
from treatments.models import Treatment

from .servers import free_port

pytestmark = pytest.mark.django_db

TREATMENT = "/treatments/stem-cell-therapy/"


@pytest.fixture(autouse=True)
def _no_purges_owed_after_the_test():
    yield
    with edge._retrier.condition:
        edge._retrier.owed.clear()


@pytest.fixture
def edge_cache(settings):
    settings.EDGE_CACHE_SECONDS = 600
    return settings


class PurgeRecorder(http.server.ThreadingHTTPServer):
    """A stand-in edge cache on a loopback port that records the purges it gets."""

    def __init__(self, port):
        self.purges = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_PURGE(handler):  # noqa: N802 - the HTTP method's name
                self.purges.append(handler.headers["xkey-purge"])
                handler.send_response(200)
                handler.end_headers()

            def log_message(handler, *args):
                pass

        super().__init__(("127.0.0.1", port), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def stop(self):
        self.shutdown()
        self.server_close()


def test_without_edge_caches_pages_stay_no_cache_for_every_cache(client):
    """The embedded set-up (no EDGE_CACHE_URLS): nothing tells a shared cache it may keep a page."""
    response = client.get(TREATMENT)
    assert response["Cache-Control"] == "no-cache"
    assert "Surrogate-Key" not in response


def test_anonymous_pages_may_be_kept_by_shared_caches_and_browsers_revalidate(client, edge_cache):
    """max-age=0 for browsers (they revalidate with the ETag), s-maxage for the shared cache, and its purge key."""
    for expected in ("miss", "hit"):
        response = client.get(TREATMENT)
        assert response["X-Cache"] == expected
        assert response["Cache-Control"] == "max-age=0, s-maxage=600"
        assert response["Surrogate-Key"] == edge.SURROGATE_KEY
        assert response.has_header("ETag")


def test_a_page_cache_hit_says_its_age_so_shared_caches_keep_it_no_longer_than_the_page_cache(client, edge_cache):
    """A page stored 30 s ago answers Age: 30, which a shared cache takes off its s-maxage."""
    client.get(TREATMENT)
    with pytest.MonkeyPatch.context() as patch:
        later = time.time() + 30
        patch.setattr("serving.page_cache.time.time", lambda: later)
        response = client.get(TREATMENT)
    assert response["X-Cache"] == "hit"
    assert response["Age"] == "30"


def test_shared_caches_keep_a_page_no_longer_than_the_next_scheduled_change(client, edge_cache, make_treatment):
    """A treatment due to appear in 100 s: every page may be shared for 100 s at most."""
    make_treatment("Scheduled", publish_at=timezone.now() + datetime.timedelta(seconds=100))
    s_maxage = int(client.get("/").headers["Cache-Control"].split("s-maxage=")[1])
    assert 98 <= s_maxage <= 100


@pytest.mark.parametrize(
    "path", ["/request-consultation/", "/request-consultation/thanks/", "/admin/login/", "/healthz", "/nowhere/"]
)
def test_personal_operational_and_error_responses_are_never_shared(client, edge_cache, path):
    """The form, its thank-you page, the admin, the health check and a 404 never say s-maxage."""
    for _ in range(2):
        response = client.get(path)
        assert "s-maxage" not in response.get("Cache-Control", ""), path
        assert "Surrogate-Key" not in response


def test_staff_and_their_draft_previews_are_never_shared(staff_client, edge_cache, make_treatment):
    """A signed-in editor's pages, a draft among them, are private."""
    make_treatment("Draft therapy", is_published=False)
    for path in (TREATMENT, "/treatments/draft-therapy/"):
        response = staff_client.get(path)
        assert response.status_code == 200
        assert "s-maxage" not in response["Cache-Control"] and "private" in response["Cache-Control"], path


def test_a_review_link_is_never_shared(client, edge_cache, make_treatment, django_user_model):
    """A reviewer's draft, read through a review link, is never kept by a shared cache."""
    from django.contrib.contenttypes.models import ContentType

    from publishing.models import PreviewLink

    draft = make_treatment("Draft therapy", is_published=False)
    link = PreviewLink.objects.create(
        content_type=ContentType.objects.get_for_model(draft),
        object_id=draft.pk,
        created_by=django_user_model.objects.create_user("author"),
        expires_at=timezone.now() + datetime.timedelta(days=1),
    )
    response = client.get(link.get_absolute_url())
    assert response.status_code == 200
    assert "s-maxage" not in response["Cache-Control"]


def test_the_outage_page_is_never_shared(edge_cache):
    """With the database down, the outage page (503) is no-store for every cache."""
    client = Client(raise_request_exception=False)
    with mock.patch("django.views.generic.base.TemplateView.get", side_effect=OperationalError("server closed")):
        response = client.get("/")
    assert response.status_code == 503
    assert "s-maxage" not in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_a_committed_change_purges_every_edge_cache_once(settings, django_capture_on_commit_callbacks):
    """One save of a treatment with its relations: each configured cache gets one purge, after the commit."""
    caches = [PurgeRecorder(free_port()), PurgeRecorder(free_port())]
    settings.EDGE_CACHE_URLS = [f"http://127.0.0.1:{cache.server_port}" for cache in caches]
    try:
        with django_capture_on_commit_callbacks(execute=True):
            treatment = Treatment.objects.get(slug="stem-cell-therapy")
            treatment.summary = "Corrected."
            treatment.save()
            treatment.conditions.clear()
            assert all(cache.purges == [] for cache in caches)  # not before the commit
        assert [cache.purges for cache in caches] == [[edge.SURROGATE_KEY], [edge.SURROGATE_KEY]]
    finally:
        for cache in caches:
            cache.stop()


def test_a_hanging_edge_cache_costs_a_save_a_second_at_most_and_is_retried_until_it_answers(
    settings, django_capture_on_commit_callbacks, caplog, monkeypatch
):
    """The save goes through; the failure is logged; later saves do not wait for it; it is purged once it is back."""
    monkeypatch.setattr(edge, "RETRY_SECONDS", (0.2,))
    hanging = socket.create_server(("127.0.0.1", 0))  # accepts connections, never answers
    port = hanging.getsockname()[1]
    settings.EDGE_CACHE_URLS = [f"http://127.0.0.1:{port}"]
    settings.EDGE_CACHE_SECONDS = 60
    treatment = Treatment.objects.get(slug="stem-cell-therapy")
    with caplog.at_level(logging.WARNING, logger="serving.edge"):
        for most_seconds in (edge.PURGE_TIMEOUT + 0.5, 0.5):
            started = time.monotonic()
            with django_capture_on_commit_callbacks(execute=True):
                treatment.save()
            assert time.monotonic() - started < most_seconds
    assert f"Edge cache http://127.0.0.1:{port} did not take the purge" in caplog.text
    assert settings.EDGE_CACHE_URLS[0] in edge._retrier.pending()

    hanging.close()
    cache = PurgeRecorder(port)  # the cache is back
    try:
        deadline = time.monotonic() + 10
        while not cache.purges and time.monotonic() < deadline:
            time.sleep(0.05)
        assert cache.purges[:1] == [edge.SURROGATE_KEY]
    finally:
        cache.stop()
