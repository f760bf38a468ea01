"""Holiday closures and special hours are shown ahead of time, beside the usual hours and to search engines."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from practice.models import Clinic, SpecialHours
from publishing.schedule import next_visibility_change
from tests.conftest import page_text

pytestmark = pytest.mark.django_db


def in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def clinic_graph(response):
    body = response.content.decode()
    graph = json.loads(body.split('<script type="application/ld+json">')[1].split("</script>")[0])["@graph"]
    return next(item for item in graph if item["@type"] == "MedicalClinic")


def test_upcoming_closure_and_short_day_are_on_every_page_and_in_structured_data(client):
    clinic = Clinic.objects.get()
    closed = SpecialHours.objects.create(clinic=clinic, date=in_days(5), reason="Thanksgiving")
    SpecialHours.objects.create(
        clinic=clinic, date=in_days(6), reason="Day after", is_closed=False, opens="09:00", closes="13:00"
    )
    response = client.get("/faq/")
    text = page_text(response)
    assert f"{closed.date:%A} {closed.date.day} {closed.date:%B} (Thanksgiving): closed" in text
    assert "(Day after): 9:00 AM to 1:00 PM" in text
    assert clinic_graph(response)["specialOpeningHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": in_days(5).isoformat(),
            "validThrough": in_days(5).isoformat(),
            "opens": "00:00",
            "closes": "00:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": in_days(6).isoformat(),
            "validThrough": in_days(6).isoformat(),
            "opens": "09:00",
            "closes": "13:00",
        },
    ]


def test_past_and_far_off_special_hours_are_not_shown(client):
    clinic = Clinic.objects.get()
    SpecialHours.objects.create(clinic=clinic, date=in_days(-1), reason="Yesterday's holiday")
    SpecialHours.objects.create(clinic=clinic, date=in_days(90), reason="Far-off holiday")
    response = client.get("/")
    assert "holiday" not in page_text(response)
    assert "specialOpeningHoursSpecification" not in clinic_graph(response)


def test_special_hours_must_be_closed_or_have_a_closing_time_after_opening():
    clinic = Clinic.objects.get()
    for fields in [{"is_closed": False}, {"is_closed": False, "opens": "13:00", "closes": "09:00"}]:
        with pytest.raises(ValidationError, match="Either tick “closed all day”"):
            SpecialHours(clinic=clinic, date=in_days(3), reason="Half day", **fields).full_clean()


def test_no_page_is_cached_past_the_clinics_midnight():
    """Pages show dates relative to today, so the page cache never keeps one into the next day."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert next_visibility_change() <= timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))


def test_clinic_languages_are_given_to_search_engines(client):
    Clinic.objects.update(languages_spoken="English, Spanish")
    assert clinic_graph(client.get("/"))["availableLanguage"] == ["English", "Spanish"]
