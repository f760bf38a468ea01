import pytest
from django.urls import reverse

from faq.models import Question, Topic
from practice.models import Provider
from tests.conftest import page_text
from treatments.models import Condition, Treatment

pytestmark = pytest.mark.django_db


def test_staff_add_a_treatment_with_two_inline_questions_and_see_them_on_the_site(admin_client, client):
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
    text = page_text(client.get(treatment.get_absolute_url()))
    assert "Done in the clinic." in text
    assert text.index("How long does it take?") < text.index("Does it hurt?")
    assert "About 20 minutes." in text


def test_slugs_must_be_unique(admin_client):
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
    assert "Condition with this Slug already exists." in page_text(response)


@pytest.mark.parametrize("model", [Treatment, Condition, Topic, Question, Provider])
def test_every_content_list_in_the_admin_opens_searches_and_filters(admin_client, model):
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert admin_client.get(url, {"q": "stem"}).status_code == 200
    assert admin_client.get(url, {"is_published__exact": "1"}).status_code == 200


@pytest.mark.parametrize("model", [Treatment, Condition, Topic, Question, Provider])
def test_slugs_prepopulate_from_names(admin_client, model):
    opts = model._meta
    response = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    assert response.status_code == 200
    source = "question" if model is Question else "name"
    # The admin's script reads this: the slug field follows the name field as staff type.
    assert f"&quot;dependency_list&quot;: [&quot;{source}&quot;]" in response.content.decode()
    assert "&quot;id&quot;: &quot;#id_slug&quot;" in response.content.decode()


def test_rich_text_is_edited_with_a_wysiwyg_editor(admin_client):
    response = admin_client.get(reverse("admin:treatments_treatment_add"))
    assert b"prose-editor" in response.content


def test_clinic_details_are_editable_with_opening_hours(admin_client):
    from practice.models import Clinic

    clinic = Clinic.objects.get()
    response = admin_client.get(reverse("admin:practice_clinic_change", args=[clinic.pk]))
    assert response.status_code == 200
    assert b"opening_hours-TOTAL_FORMS" in response.content


def test_flat_pages_are_edited_with_the_wysiwyg_editor(admin_client):
    response = admin_client.get(reverse("admin:flatpages_flatpage_add"))
    assert response.status_code == 200
    assert b"prose-editor" in response.content


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
