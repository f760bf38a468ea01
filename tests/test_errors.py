import pytest
from django.template.loader import render_to_string

from practice.models import Clinic
from tests.conftest import page_text

pytestmark = pytest.mark.django_db


def test_unknown_treatment_gets_the_friendly_404_page(client):
    Clinic.objects.update(phone="(310) 555-0100")
    response = client.get("/treatments/no-such-treatment/")
    assert response.status_code == 404
    text = page_text(response)
    assert "Sorry, we can't find that page" in text
    assert 'href="tel:+13105550100"' in response.content.decode()
    assert 'href="/treatments/"' in response.content.decode()


def test_unknown_address_gets_the_friendly_404_page(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "Sorry, we can't find that page" in page_text(response)


def test_500_page_renders_without_a_request_or_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render_to_string("500.html")
    assert "Sorry, something went wrong on our side" in html
    assert "911" in html
