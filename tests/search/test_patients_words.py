"""Search understands the words patients use for what the pages say differently, as staff list them."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from practice.models import Clinic
from search.models import Synonym
from search.query import search
from tests.conftest import page_text

pytestmark = pytest.mark.django_db


def urls(query):
    return [result.url for result in search(query).results]


def test_a_specialist_finds_the_physicians_page():
    assert urls("specialist")[0] == "/providers/rostam-khoshsar/"


def test_booking_a_visit_finds_the_consultation_form():
    assert urls("booking a visit")[0] == "/request-consultation/"


def test_a_misspelt_everyday_word_still_finds_its_equivalent():
    assert urls("bookking")[0] == "/request-consultation/"


def test_a_shot_finds_pages_about_injections(make_treatment):
    make_treatment("Nerve block", summary="An injection that numbs a nerve.")
    assert urls("shot")[0] == "/treatments/nerve-block/"


def test_a_listed_phrase_finds_pages_using_an_equivalent_phrase(make_condition):
    make_condition("Herniated disc", summary="A disc that presses on a nerve.")
    assert urls("slipped disc")[0] == "/conditions/herniated-disc/"


def test_the_home_page_is_found_for_the_clinics_phone_and_hours():
    assert "/" in urls("phone number")[:3]
    assert "/" in urls("opening hours")[:3]


def test_words_a_content_editor_adds_in_the_admin_are_used_by_the_next_search(make_treatment):
    make_treatment("Ozone therapy", summary="Ozone gas injected into a joint.")
    assert urls("prolozone") == []
    editor = get_user_model().objects.create_user("editor", is_staff=True)
    editor.groups.add(Group.objects.get(name="Content editors"))
    client = Client()
    client.force_login(editor)
    response = client.post("/admin/search/synonym/add/", {"words": "ozone, prolozone"})
    assert response.status_code == 302
    assert urls("prolozone") == ["/treatments/ozone-therapy/"]


def test_a_new_install_ships_a_starter_list_of_patients_words():
    terms = {term for synonym in Synonym.objects.all() for term in synonym.terms}
    assert {
        "physician",
        "specialist",
        "doctor",
        "dr.",
        "booking",
        "consultation",
        "visit",
        "shot",
        "injection",
    } <= terms


def test_no_results_offers_the_closest_page_names_the_ways_to_browse_and_the_phone(client):
    Clinic.objects.update(phone="(310) 555-0100")
    response = client.get("/search/", {"q": "rostum"})
    assert "We found no pages for “rostum”." in page_text(response)
    assert "Did you mean Dr. Rostam Khoshsar" in page_text(response)
    content = response.content.decode()
    assert '<li><a href="/providers/rostam-khoshsar/">Dr. Rostam Khoshsar</a></li>' in content
    assert '<a href="/treatments/">Browse our treatments</a>' in content
    assert '<a href="/request-consultation/">Request a consultation</a>' in content
    assert '<a href="tel:+13105550100">(310) 555-0100</a>' in content
