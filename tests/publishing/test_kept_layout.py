"""What every page shows is read once per content change, yet a change or a scheduled moment shows on the next page."""

import datetime
from unittest import mock

import pytest
from django.contrib.flatpages.models import FlatPage
from django.test import Client
from django.utils import timezone

from notices.models import Placement, SiteNotice
from practice.models import Clinic, SpecialHours
from publishing.cache import content_changed
from tests.conftest import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _every_page_rendered(settings):
    settings.PAGE_CACHE_SECONDS = 0  # the kept layout itself, not the page cache in front of it


def time_machine(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_a_change_to_the_clinic_footer_pages_or_notices_shows_on_the_next_page():
    Client().get("/faq/")
    clinic = Clinic.objects.get()
    clinic.phone = "(310) 555-0100"
    clinic.save()
    FlatPage.objects.create(url="/parking/", title="Parking at the clinic").sites.add(1)
    SiteNotice.objects.create(
        title="Holiday closure", slug="holiday", body="<p>Closed.</p>", placement=Placement.FOOTER, is_published=True
    )
    text = page_text(Client().get("/faq/"))
    assert "(310) 555-0100" in text
    assert "Parking at the clinic" in text
    assert "Holiday closure" in text


def test_a_change_made_without_signals_shows_once_it_is_announced():
    Client().get("/faq/")
    Clinic.objects.update(phone="(310) 555-0100")  # bypasses save(), as code that says content_changed() itself
    content_changed()
    assert "(310) 555-0100" in page_text(Client().get("/faq/"))


def test_a_footer_notice_scheduled_to_appear_shows_on_time_without_a_save():
    now = timezone.now()
    SiteNotice.objects.create(
        title="New privacy notice",
        slug="privacy-notice",
        body="<p>Updated.</p>",
        placement=Placement.FOOTER,
        is_published=True,
        publish_at=now + datetime.timedelta(hours=1),
    )
    assert "New privacy notice" not in page_text(Client().get("/faq/"))
    with time_machine(now + datetime.timedelta(hours=2)):
        assert "New privacy notice" in page_text(Client().get("/faq/"))


def test_holiday_hours_leave_the_pages_once_their_day_has_passed():
    now = timezone.now()
    SpecialHours.objects.create(clinic=Clinic.objects.get(), date=timezone.localdate(now), reason="Thanksgiving")
    assert "Thanksgiving" in page_text(Client().get("/faq/"))
    with time_machine(now + datetime.timedelta(days=2)):
        assert "Thanksgiving" not in page_text(Client().get("/faq/"))
