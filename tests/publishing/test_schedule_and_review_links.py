import datetime
import time
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone

from publishing.models import PreviewLink
from tests.conftest import page_text

pytestmark = pytest.mark.django_db


def test_scheduled_record_appears_and_disappears_on_time_without_a_save(client, make_treatment, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the rule itself; the cached case is the next test
    now = timezone.now()
    later = make_treatment("Later", publish_at=now + datetime.timedelta(hours=1))
    ending = make_treatment("Ending", unpublish_at=now + datetime.timedelta(hours=1))
    assert client.get(later.get_absolute_url()).status_code == 404
    assert "Later" not in page_text(client.get("/treatments/"))
    assert client.get(ending.get_absolute_url()).status_code == 200

    with time_machine(now + datetime.timedelta(hours=2)):
        assert client.get(later.get_absolute_url()).status_code == 200
        assert "Later" in page_text(client.get("/treatments/"))
        assert client.get(ending.get_absolute_url()).status_code == 404


def test_the_page_cache_does_not_hold_back_a_scheduled_record(make_treatment):
    """A cached list page expires when a scheduled record is due to appear, though nobody saves anything."""
    soon = make_treatment("Soon", publish_at=timezone.now() + datetime.timedelta(seconds=2))
    assert "Soon" not in page_text(Client().get("/treatments/"))
    assert "Soon" not in page_text(Client().get("/treatments/"))  # served from the cache
    time.sleep((soon.publish_at - timezone.now()).total_seconds() + 0.1)
    assert "Soon" in page_text(Client().get("/treatments/"))


def test_staff_see_when_a_scheduled_draft_will_appear(staff_client, make_treatment):
    later = make_treatment("Later", publish_at=timezone.now() + datetime.timedelta(days=3))
    assert "It is scheduled to appear on" in page_text(staff_client.get(later.get_absolute_url()))


def time_machine(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_review_link_shows_a_draft_without_sign_in_and_is_never_indexed(admin_client, make_treatment):
    draft = make_treatment("Secret draft", is_published=False, body="<p>Draft body.</p>")
    admin_client.post(
        "/admin/treatments/treatment/", {"action": "create_review_links", "_selected_action": [draft.pk]}
    )
    link = PreviewLink.objects.get()
    response = Client().get(link.get_absolute_url())
    assert response.status_code == 200
    assert "Draft body." in page_text(response)
    assert "Draft - not visible to patients." in page_text(response)
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_review_link_stops_working_when_revoked_or_expired(admin_client, admin_user, make_question):
    draft = make_question("Draft question?", is_published=False)
    link = PreviewLink.objects.create(
        record=draft, created_by=admin_user, expires_at=timezone.now() + datetime.timedelta(days=1)
    )
    assert Client().get(link.get_absolute_url()).status_code == 200
    admin_client.post("/admin/publishing/previewlink/", {"action": "revoke", "_selected_action": [link.pk]})
    assert Client().get(link.get_absolute_url()).status_code == 404

    expired = PreviewLink.objects.create(
        record=draft, created_by=admin_user, expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert Client().get(expired.get_absolute_url()).status_code == 404


def test_forged_review_link_is_404(client):
    assert client.get("/preview/1/").status_code == 404
    assert client.get("/preview/MQ:1xW3aa:forged/").status_code == 404
