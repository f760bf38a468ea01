"""Editing the site's content in the admin: what staff see on the edit pages, and what their saves do."""

import json

import pytest
from django.test.html import Element, parse_html
from django.urls import reverse
from pytest_django.asserts import assertContains, assertInHTML

from faq.models import Question, Topic
from practice.models import Clinic, Provider
from treatments.models import Condition, Treatment

pytestmark = pytest.mark.django_db

# What the rich-text editor must offer staff (README: "headings, bold, italic, lists and links").
EDITOR_FORMATTING = {"Heading", "Bold", "Italic", "BulletList", "OrderedList", "Link"}


def find_all(page, tag, **attributes):
    """The `tag` elements in `page` (a response or a found element) having each of `attributes`, in document order.

    `class_="x"` asks for elements with the class x among others.
    """
    wanted = {name.rstrip("_").replace("_", "-"): value for name, value in attributes.items()}

    def has(element):
        found = dict(element.attributes)
        return element.name == tag and all(
            value in (found.get(name) or "").split() if name == "class" else found.get(name) == value
            for name, value in wanted.items()
        )

    def walk(element):
        for child in element.children:
            if isinstance(child, Element):
                if has(child):
                    yield child
                yield from walk(child)

    root = page if isinstance(page, Element) else parse_html(page.content.decode())
    return list(walk(root))


def text(element):
    """An element's text, whitespace collapsed."""
    parts = [child if isinstance(child, str) else text(child) for child in element.children]
    return " ".join(" ".join(parts).split())


def attribute(element, name):
    return dict(element.attributes)[name]


def editor_formatting(textarea):
    """The formatting the rich-text editor attached to `textarea` offers; fails if no editor is attached."""
    config = json.loads(attribute(textarea, "data-django-prose-editor-configurable"))
    return {name for name, enabled in config["extensions"].items() if enabled}


def test_staff_add_a_treatment_with_two_inline_questions_and_see_them_on_the_site(admin_client, client):
    """Saved from the admin, with the script stripped, the questions in their order and each with its answer."""
    response = admin_client.post(
        reverse("admin:treatments_treatment_add"),
        {
            "name": "Nerve block",
            "slug": "nerve-block",
            "summary": "Numbs an irritated nerve.",
            "body": "<p>Done in the clinic.</p><script>alert(1)</script>",
            "is_published": "on",
            "order": 0,
            "regulatory_status": "not-applicable",
            "review_interval_months": 12,
            "claims-source-content_type-object_id-TOTAL_FORMS": 0,
            "claims-source-content_type-object_id-INITIAL_FORMS": 0,
            "translations-translation-content_type-object_id-TOTAL_FORMS": 0,
            "translations-translation-content_type-object_id-INITIAL_FORMS": 0,
            "questions-TOTAL_FORMS": 2,
            "questions-INITIAL_FORMS": 0,
            "questions-0-question": "Does it hurt?",
            "questions-0-slug": "does-it-hurt",
            "questions-0-answer": "<p>Very little.</p>",
            "questions-0-order": 2,
            "questions-0-is_published": "on",
            "questions-1-question": "How long does it take?",
            "questions-1-slug": "how-long-does-a-nerve-block-take",
            "questions-1-answer": "<p>About 20 minutes.</p>",
            "questions-1-order": 1,
            "questions-1-is_published": "on",
        },
    )
    assert response.status_code == 302, response.context["adminform"].errors if response.context else response
    treatment = Treatment.objects.get(slug="nerve-block")
    assert "<script" not in treatment.body
    page = client.get(treatment.get_absolute_url())
    assertContains(page, "<p>Done in the clinic.</p>", html=True)
    assert not [script for script in find_all(page, "script") if "alert" in text(script)]
    questions = find_all(page, "details", class_="faq")
    assert [text(find_all(q, "summary")[0]) for q in questions] == ["How long does it take?", "Does it hurt?"]
    assertInHTML("<p>About 20 minutes.</p>", str(questions[0]))
    assertInHTML("<p>Very little.</p>", str(questions[1]))


def test_a_slug_already_in_use_is_refused_next_to_the_slug_field(admin_client):
    response = admin_client.post(
        reverse("admin:treatments_condition_add"),
        {
            "name": "Back pain again",
            "slug": "chronic-back-pain",
            "order": 0,
            "review_interval_months": 12,
            "claims-source-content_type-object_id-TOTAL_FORMS": 0,
            "claims-source-content_type-object_id-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    assert not Condition.objects.filter(name="Back pain again").exists()
    (slug_row,) = find_all(response, "div", class_="field-slug")
    assert [text(errors) for errors in find_all(slug_row, "ul", class_="errorlist")] == [
        "Condition with this Slug already exists."
    ]


@pytest.mark.parametrize("model", [Treatment, Condition, Topic, Question, Provider])
def test_every_content_list_in_the_admin_opens_searches_and_filters(admin_client, model):
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert admin_client.get(url, {"q": "stem"}).status_code == 200
    assert admin_client.get(url, {"is_published__exact": "1"}).status_code == 200


@pytest.mark.parametrize("model", [Treatment, Condition, Topic, Question, Provider])
def test_slugs_prepopulate_from_names(admin_client, model):
    """The admin's script reads this list: the slug field follows the name (a question's text) as staff type."""
    opts = model._meta
    response = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    (constants,) = find_all(response, "script", id="django-admin-prepopulated-fields-constants")
    fields = json.loads(attribute(constants, "data-prepopulated-fields"))
    source = "question" if model is Question else "name"
    slug = next(field for field in fields if field["id"] == "#id_slug")
    assert slug["dependency_list"] == [source]
    assert slug["dependency_ids"] == [f"#id_{source}"]


def test_a_treatments_body_is_edited_with_the_rich_text_editor_and_its_short_list_of_formatting(admin_client):
    response = admin_client.get(reverse("admin:treatments_treatment_add"))
    (body,) = find_all(response, "textarea", name="body")
    assert editor_formatting(body) >= EDITOR_FORMATTING
    assert find_all(response, "script", src="/static/django_prose_editor/editor.js")
    (answer,) = find_all(response, "textarea", name="questions-__prefix__-answer")
    assert editor_formatting(answer) >= EDITOR_FORMATTING


def test_clinic_details_are_edited_with_opening_hours_as_rows(admin_client):
    """One row per opening period, under an "Opening hours" heading: weekday, opens, closes."""
    response = admin_client.get(reverse("admin:practice_clinic_change", args=[Clinic.objects.get().pk]))
    assert response.status_code == 200
    (group,) = find_all(response, "div", id="opening_hours-group")
    assert find_all(group, "input", type="hidden", name="opening_hours-TOTAL_FORMS")
    assert [text(heading) for heading in find_all(group, "h2")] == ["Opening hours"]
    assert [text(column) for column in find_all(group, "th")][1:4] == ["Weekday", "Opens", "Closes"]


def test_simple_pages_are_edited_with_the_rich_text_editor(admin_client):
    response = admin_client.get(reverse("admin:flatpages_flatpage_add"))
    assert response.status_code == 200
    assertContains(response, '<label for="id_content">Content:</label>', html=True)
    (content,) = find_all(response, "textarea", name="content")
    assert editor_formatting(content) >= EDITOR_FORMATTING


@pytest.mark.parametrize(
    "url",
    [
        "/admin/treatments/treatment/",
        "/admin/treatments/patientnotice/",
        "/admin/faq/question/",
        "/admin/claims/claimacknowledgement/",
        "/admin/publishing/previewlink/",
        "/admin/redirects/redirect/",
        "/admin/flatpages/flatpage/",
        "/admin/search/synonym/",
    ],
)
def test_content_editors_can_open_every_content_list(django_user_model, url):
    from django.contrib.auth.models import Group
    from django.test import Client

    user = django_user_model.objects.create_user("editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Content editors"))
    client = Client()
    client.force_login(user)
    assert client.get(url).status_code == 200
