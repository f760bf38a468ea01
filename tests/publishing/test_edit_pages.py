"""Edit pages a person can follow: the real address, no hints for the wrong widget, a preview one click away."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.test_admin import find_all
from treatments.models import Treatment

pytestmark = pytest.mark.django_db


def treatment_page(admin_client, treatment):
    return admin_client.get(f"/admin/treatments/treatment/{treatment.pk}/change/")


def test_the_slug_help_shows_the_page_s_real_address(admin_client):
    response = treatment_page(admin_client, Treatment.objects.get(slug="stem-cell-therapy"))
    assert "This page's address: /treatments/stem-cell-therapy/." in response.content.decode()
    new = admin_client.get("/admin/treatments/treatment/add/").content.decode()
    assert "e.g. /treatments/name-of-the-page/" in new
    assert "/treatments//" not in new


def test_many_to_many_choices_are_tick_boxes_without_hold_down_control(admin_client):
    treatment = Treatment.objects.get(slug="stem-cell-therapy")
    response = treatment_page(admin_client, treatment)
    [group] = find_all(response, "div", role="group", aria_label="Conditions")
    ticked = [dict(box.attributes) for box in find_all(group, "input", type="checkbox", name="conditions")]
    assert all("checked" in box for box in ticked)
    assert sorted(int(box["value"]) for box in ticked) == sorted(treatment.conditions.values_list("pk", flat=True))
    assertNotContains(response, "Hold down")
    assertNotContains(response, "SelectFilter2.js")


def test_each_publishing_date_and_time_box_is_named_for_screen_readers(admin_client):
    response = treatment_page(admin_client, Treatment.objects.get(slug="stem-cell-therapy"))
    assertContains(response, 'aria-label="Publish from: date"', count=1)
    assertContains(response, 'aria-label="Unpublish at: time"', count=1)


def test_a_published_page_offers_view_on_site_and_a_draft_a_preview(admin_client):
    treatment = Treatment.objects.get(slug="stem-cell-therapy")
    assertContains(treatment_page(admin_client, treatment), 'class="viewsitelink">View on site</a>')
    Treatment.objects.filter(pk=treatment.pk).update(is_published=False)
    response = treatment_page(admin_client, treatment)
    assertContains(response, 'class="viewsitelink">Preview the draft</a>')
    assertNotContains(response, 'class="viewsitelink">View on site')


def test_rarely_used_sections_of_the_treatment_form_start_closed(admin_client, make_treatment):
    page = treatment_page(admin_client, make_treatment("Knee injections")).content.decode()
    for legend in ["Search engine", "Wording warnings"]:
        before = page[: page.index(f">{legend}<")]
        assert before.rindex("<details") > before.rindex("<fieldset"), f"{legend} is not collapsed"


def test_the_wording_warnings_section_is_open_on_a_page_with_wording_to_acknowledge(admin_client):
    page = treatment_page(admin_client, Treatment.objects.get(slug="stem-cell-therapy")).content.decode()
    before = page[: page.index(">Wording warnings<")]
    assert before.rfind("<details") < before.rindex("<fieldset")
