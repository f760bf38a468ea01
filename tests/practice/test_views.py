import datetime

import pytest
from django.db import IntegrityError

from practice.models import Clinic, OpeningHours, Weekday
from tests.conftest import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def clinic():
    clinic = Clinic.objects.get()
    clinic.phone = "(310) 555-0100"
    clinic.street_address = "1 Example Way, Suite 2"
    clinic.postal_code = "90503"
    clinic.save()
    OpeningHours.objects.create(
        clinic=clinic, weekday=Weekday.MONDAY, opens=datetime.time(8), closes=datetime.time(17)
    )
    return clinic


def test_home_page_shows_the_clinic_phone_address_and_hours(client, clinic):
    response = client.get("/")
    text = page_text(response)
    assert "BioHealth Pain Management" in text
    assert "Pain management in Torrance, California" in text
    assert 'href="tel:+13105550100"' in response.content.decode()
    assert "1 Example Way, Suite 2 Torrance, CA 90503" in text
    assert "Monday 8:00 AM to 5:00 PM" in text
    assert "Sunday Closed" in text


def test_home_page_lists_featured_treatments_and_the_provider(client, make_treatment):
    make_treatment("Nerve block", is_featured=True)
    make_treatment("Unfeatured therapy")
    text = page_text(client.get("/"))
    assert "Nerve block" in text
    assert "Stem cell therapy" in text
    assert "Unfeatured therapy" not in text
    assert "Dr. Rostam Khoshsar" in text


def test_home_page_links_into_treatments_conditions_and_faq(client):
    content = client.get("/").content.decode()
    for url in ("/treatments/", "/conditions/", "/faq/"):
        assert f'href="{url}"' in content


def test_phone_number_shows_on_every_page_once_set(client, clinic):
    for url in ("/treatments/", "/faq/", "/about/"):
        assert 'href="tel:+13105550100"' in client.get(url).content.decode()


def test_pages_leave_out_contact_details_the_clinic_has_not_entered(client):
    """The launch content has no phone number: pages show no empty or made-up one."""
    assert "tel:" not in client.get("/").content.decode()


def test_provider_page_shows_name_credentials_bio_and_treatments(client, make_provider, make_treatment):
    provider = make_provider(
        "Jane Roe", honorific="Dr.", credentials="MD", role="Pain physician", bio="<p>Trained in Los Angeles.</p>"
    )
    make_treatment("Nerve block", providers=[provider])
    make_treatment("Draft therapy", providers=[provider], is_published=False)
    text = page_text(client.get(provider.get_absolute_url()))
    assert "Dr. Jane Roe, MD" in text
    assert "Pain physician" in text
    assert "Trained in Los Angeles." in text
    assert "Nerve block" in text
    assert "Draft therapy" not in text


def test_home_page_shows_at_most_six_featured_treatments_in_their_order(client, make_treatment):
    for i in range(8):
        make_treatment(f"Featured {i}", is_featured=True, order=i + 1)  # after stem cell therapy, at 0
    text = page_text(client.get("/"))
    assert "Stem cell therapy" in text
    assert "Featured 4" in text and "Featured 5" not in text
    assert "All treatments" in text


def test_provider_page_lists_twelve_treatments_and_links_to_all(client, make_provider, make_treatment):
    """A provider page stays short and quick however many treatments they perform."""
    provider = make_provider("Jane Roe")
    for i in range(15):
        make_treatment(f"Treatment {i:02d}", providers=[provider], order=i)
    page = client.get(provider.get_absolute_url()).content.decode()
    assert page.count('<li class="card">') == 12
    assert "Treatment 11" in page and "Treatment 12" not in page
    assert '<a href="/treatments/">All treatments</a>' in page


def test_unpublished_provider_is_404_for_visitors_and_previewable_by_staff(client, staff_client, make_provider):
    draft = make_provider("Jane Roe", is_published=False)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "Draft - not visible to patients" in page_text(staff_client.get(draft.get_absolute_url()))


def test_phone_link_dials_the_us_number():
    assert Clinic(phone="310.555.0100").phone_href == "tel:+13105550100"
    assert Clinic(phone="+1 (310) 555-0100").phone_href == "tel:+13105550100"
    assert Clinic(phone="").phone_href == ""


def test_opening_hours_must_close_after_they_open(clinic):
    with pytest.raises(IntegrityError):
        OpeningHours.objects.create(
            clinic=clinic, weekday=Weekday.TUESDAY, opens=datetime.time(17), closes=datetime.time(8)
        )


def test_staff_cannot_add_a_second_clinic_or_delete_it(admin_client):
    """There is one clinic record: staff edit it, the admin offers no add or delete."""
    assert admin_client.get("/admin/practice/clinic/add/").status_code == 403
    clinic = Clinic.objects.get()
    assert admin_client.get(f"/admin/practice/clinic/{clinic.pk}/delete/").status_code == 403
