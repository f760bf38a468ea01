"""Changing a page's address never breaks an old link: the old address answers 301 to the new one."""

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.redirects.models import Redirect

from practice.models import Provider

pytestmark = pytest.mark.django_db


def rename(record, slug):
    record.slug = slug
    record.save()


def assert_moved(client, old, new):
    response = client.get(old)
    assert response.status_code == 301, old
    assert response["Location"] == new
    assert client.get(new).status_code == 200


def test_old_treatment_address_answers_301_to_the_new_one(client, make_treatment):
    treatment = make_treatment("Nerve blocks")
    rename(treatment, "nerve-block-injections")
    assert_moved(client, "/treatments/nerve-blocks/", "/treatments/nerve-block-injections/")


def test_an_old_address_in_spanish_answers_301_to_the_new_spanish_one(client, make_treatment):
    rename(make_treatment("Nerve blocks"), "nerve-block-injections")
    assert_moved(client, "/es/treatments/nerve-blocks/", "/es/treatments/nerve-block-injections/")
    assert client.get("/es/treatments/never-there/").status_code == 404


def test_old_condition_and_provider_addresses_answer_301(client, make_condition):
    rename(make_condition("Sciatica"), "sciatica-leg-pain")
    rename(Provider.objects.get(slug="rostam-khoshsar"), "dr-khoshsar")
    assert_moved(client, "/conditions/sciatica/", "/conditions/sciatica-leg-pain/")
    assert_moved(client, "/providers/rostam-khoshsar/", "/providers/dr-khoshsar/")


def test_old_question_address_answers_301(client, make_question):
    rename(make_question("Do you take insurance?"), "insurance")
    assert_moved(client, "/faq/do-you-take-insurance/", "/faq/insurance/")


def test_moved_simple_page_answers_301(client):
    page = FlatPage.objects.get(url="/about/")
    page.url = "/about-us/"
    page.save()
    assert_moved(client, "/about/", "/about-us/")


def test_a_page_renamed_twice_sends_every_old_address_straight_to_the_newest(client, make_treatment):
    treatment = make_treatment("Nerve blocks")
    rename(treatment, "nerve-block")
    rename(treatment, "nerve-block-injections")
    assert_moved(client, "/treatments/nerve-blocks/", "/treatments/nerve-block-injections/")
    assert_moved(client, "/treatments/nerve-block/", "/treatments/nerve-block-injections/")


def test_renaming_back_serves_the_page_at_its_first_address_again(client, make_treatment):
    treatment = make_treatment("Nerve blocks")
    rename(treatment, "nerve-block")
    rename(treatment, "nerve-blocks")
    assert client.get("/treatments/nerve-blocks/").status_code == 200
    assert_moved(client, "/treatments/nerve-block/", "/treatments/nerve-blocks/")
    assert not Redirect.objects.filter(old_path="/treatments/nerve-blocks/").exists()


def test_saving_without_changing_the_address_adds_no_redirect(make_treatment):
    treatment = make_treatment("Nerve blocks")
    treatment.summary = "New summary."
    treatment.save()
    assert not Redirect.objects.exists()


def test_unknown_address_is_still_404(client):
    assert client.get("/treatments/never-existed/").status_code == 404


def test_staff_changing_a_slug_in_the_admin_keeps_the_old_link_working(client, staff_client, settings):
    provider = Provider.objects.get(slug="rostam-khoshsar")
    response = staff_client.post(
        f"/{settings.ADMIN_URL}practice/provider/{provider.pk}/change/",
        {
            "honorific": provider.honorific,
            "name": provider.name,
            "credentials": provider.credentials,
            "role": provider.role,
            "bio": provider.bio,
            "email": "",
            "is_published": "on",
            "publish_at_0": "",
            "publish_at_1": "",
            "unpublish_at_0": "",
            "unpublish_at_1": "",
            "order": provider.order,
            "slug": "dr-khoshsar",
            "seo_title": "",
            "meta_description": "",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert_moved(client, "/providers/rostam-khoshsar/", "/providers/dr-khoshsar/")
