"""Every admin screen speaks staff's words: plain titles, breadcrumbs with staff names, no Django leftovers."""

import pytest
from django.contrib import admin
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from claims.models import ClaimAcknowledgement, Source
from faq.models import Question
from practice.models import Clinic, OpeningHours, SpecialHours
from tests.conftest import page_text
from tests.test_admin import find_all, text
from treatments.models import Treatment

pytestmark = pytest.mark.django_db

# Django's stock wording and developer names that must not reach staff on any page.
LEFTOVERS = ["to change", "Otp_", "Flat Pages", "TOTP devices"]


def url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def heading(response):
    (h1,) = find_all(response, "h1")
    return text(h1)


def breadcrumbs(response):
    (trail,) = find_all(response, "div", class_="breadcrumbs")
    return text(trail)


def title(response):
    (element,) = find_all(response, "title")
    return text(element)


def registered_pages():
    """Each registered model's list and add form, as a superuser may open them."""
    for model in admin.site._registry:
        yield pytest.param(model, "changelist", id=f"{model._meta.label} list")
        yield pytest.param(model, "add", id=f"{model._meta.label} add")


@pytest.mark.parametrize(("model", "view"), registered_pages())
def test_no_admin_page_keeps_djangos_stock_wording(admin_client, model, view):
    """Titles, headings and breadcrumbs use plain names; no page says "Select ... to change" or a raw app label."""
    response = admin_client.get(url(model, view))
    if response.status_code == 403:  # nobody adds lockouts, requests or a second clinic
        assert not admin.site._registry[model].has_add_permission(response.wsgi_request)
        return
    assert response.status_code == 200
    for leftover in LEFTOVERS:
        assertNotContains(response, leftover)
    for words in (title(response), heading(response), breadcrumbs(response)):
        assert "Select " not in words
        assert "to view" not in words
    # What staff read on the page; screen readers still hear Django's names for the rows' tick boxes.
    assert "Select " not in page_text(response)


def test_each_list_is_titled_with_the_name_the_home_page_gives_it(admin_client):
    """The home page's entry, the list's title and the last breadcrumb all say the same name."""
    home = admin_client.get("/admin/")
    entries = [model for section in home.context["app_list"] for model in section["models"]]
    assert len(entries) == len(admin.site._registry)
    for entry in entries:
        response = admin_client.get(entry["admin_url"])
        assert heading(response) == entry["name"]
        assert title(response) == f"{entry['name']} | BioHealth website"
        assert breadcrumbs(response).endswith(f"› {entry['name']}")


@pytest.mark.parametrize(
    ("path", "trail", "h1"),
    [
        ("/admin/treatments/treatment/", "Home › Treatments and conditions › Treatments", "Treatments"),
        ("/admin/otp_totp/totpdevice/", "Home › Sign-in codes › Authenticator apps", "Authenticator apps"),
        ("/admin/otp_static/staticdevice/", "Home › Sign-in codes › Recovery codes", "Recovery codes"),
        ("/admin/axes/accessfailurelog/", "Home › Sign-in attempts › Failed sign-ins", "Failed sign-ins"),
        ("/admin/flatpages/flatpage/", "Home › Simple pages › Simple pages", "Simple pages"),
        (
            "/admin/redirects/redirect/",
            "Home › Moved pages › Redirects from old addresses",
            "Redirects from old addresses",
        ),
        ("/admin/sites/site/", "Home › Site address › Site address", "Site address"),
        ("/admin/auth/user/", "Home › Staff accounts › Staff accounts", "Staff accounts"),
        (
            "/admin/claims/claimacknowledgement/",
            "Home › Wording checks and sources › Wording kept, with its source",
            "Wording kept, with its source",
        ),
        ("/admin/faq/topic/", "Home › Frequently asked questions › Question topics", "Question topics"),
    ],
)
def test_lists_are_titled_and_reached_through_staff_names(admin_client, path, trail, h1):
    response = admin_client.get(path)
    assert breadcrumbs(response) == trail
    assert heading(response) == h1


def test_an_edit_page_is_titled_with_what_is_being_edited(admin_client):
    """The page is "Edit: Stem cell therapy", named once, where Django says "Change treatment" above the name."""
    treatment = Treatment.objects.get(slug="stem-cell-therapy")
    response = admin_client.get(url(Treatment, "change", treatment.pk))
    assert heading(response) == "Edit: Stem cell therapy"
    assert title(response) == "Edit: Stem cell therapy | BioHealth website"
    assert breadcrumbs(response) == "Home › Treatments and conditions › Treatments › Stem cell therapy"
    assert "Stem cell therapy" not in [text(h2) for h2 in find_all(response, "h2")]


def test_a_record_staff_may_only_read_is_titled_view(admin_client, admin_user):
    treatment = Treatment.objects.get(slug="stem-cell-therapy")
    source = Source.objects.create(record=treatment, title="A trial", publisher="A journal", year=2024)
    kept = ClaimAcknowledgement.objects.create(
        record=treatment, rule="cure", phrase="cures", reason="A trial", source=source, acknowledged_by=admin_user
    )
    response = admin_client.get(url(ClaimAcknowledgement, "change", kept.pk))
    assert heading(response) == f"View: {kept}"
    assert breadcrumbs(response).startswith("Home › Wording checks and sources › Wording kept, with its source › ")


def test_an_add_form_names_what_is_added(admin_client):
    response = admin_client.get(url(Treatment, "add"))
    assert heading(response) == "Add treatment"
    assert breadcrumbs(response) == "Home › Treatments and conditions › Treatments › Add treatment"


def test_the_clinics_hours_tables_give_every_column_a_heading_and_every_box_a_name(admin_client):
    """Django leaves a tabular inline's first heading empty and names its boxes only by where they sit."""
    clinic = Clinic.objects.get()
    OpeningHours.objects.create(clinic=clinic, weekday=0, opens="09:00", closes="17:00")
    SpecialHours.objects.create(clinic=clinic, date="2026-12-25", is_closed=True, reason="Christmas")
    response = admin_client.get(url(Clinic, "change", clinic.pk))
    tables = [table for table in find_all(response, "table") if find_all(table, "th", class_="original")]
    assert len(tables) == 3  # opening hours, holidays and special hours, photos of the clinic
    for table in tables:
        (thead,) = find_all(table, "thead")
        headings = [text(th) for th in find_all(thead, "th")]
        assert headings and all(headings), headings
        boxes = [box for tag in ("input", "select") for box in find_all(table, tag)]
        named = [
            box
            for box in boxes
            if dict(box.attributes).get("type") == "hidden" or dict(box.attributes).get("aria-label")
        ]
        assert boxes and named == boxes
    assertContains(response, '<th class="original"><span class="visually-hidden">Saved as</span></th>', html=True)


def test_a_questions_edit_page_says_what_to_do_with_flagged_wording_without_sources(admin_client, make_question):
    """Questions have no sources: their page says to change flagged wording, not to add a source."""
    question = make_question("Does it hurt?", answer="It cures knee pain.")
    response = admin_client.get(url(Question, "change", question.pk))
    assertNotContains(response, "Sources")
    assertNotContains(response, "I have checked these warnings")
    assertContains(
        response,
        '<div class="description">Questions have no sources of their own, so flagged wording here cannot be kept: '
        "change it before publishing.</div>",
        html=True,
    )


def test_a_treatments_edit_page_still_asks_for_a_source_to_keep_flagged_wording(admin_client):
    response = admin_client.get(url(Treatment, "change", Treatment.objects.get(slug="stem-cell-therapy").pk))
    assertContains(response, "If it is not listed, add it under Sources and save first.")
    assertContains(response, "I have checked these warnings")
