import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import page_text
from treatments.models import Treatment

pytestmark = pytest.mark.django_db


def test_treatment_list_shows_published_treatments_only(client, make_treatment):
    """Visitors see published treatments in the list, never drafts."""
    make_treatment("Nerve block")
    make_treatment("Secret draft", is_published=False)
    text = page_text(client.get("/treatments/"))
    assert "Nerve block" in text
    assert "Stem cell therapy" in text
    assert "Secret draft" not in text


@pytest.mark.parametrize("url", ["/treatments/", "/conditions/"])
def test_long_lists_are_split_into_pages_of_twenty_four(client, url, make_treatment, make_condition):
    make = make_treatment if url == "/treatments/" else make_condition
    for i in range(30):
        make(f"Listed {i:02d}", order=i)
    first, second = client.get(url), client.get(url, {"page": 2})
    assert first.content.decode().count('<li class="card">') == 24
    assert 'href="?page=2" rel="next"' in first.content.decode()
    assert "Listed 29" in page_text(second)
    assert 'rel="prev"' in second.content.decode()


def test_unpublished_treatment_returns_404_for_visitors(client, make_treatment):
    draft = make_treatment("Nerve block", is_published=False)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_staff_can_preview_a_draft_treatment_with_a_banner(staff_client, make_treatment):
    """Staff who can view treatments see the draft, clearly marked as not visible to patients."""
    draft = make_treatment("Nerve block", is_published=False)
    response = staff_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Draft - not visible to patients" in page_text(response)


def test_staff_without_view_permission_cannot_see_a_draft(client, django_user_model, make_treatment):
    """Being staff is not enough: a draft is shown only to staff allowed to view that kind of record."""
    user = django_user_model.objects.create_user("frontdesk", is_staff=True)
    client.force_login(user)
    draft = make_treatment("Nerve block", is_published=False)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_draft_preview_needs_the_second_factor_as_the_admin_does(
    client, django_user_model, make_treatment, settings
):
    """Where the admin asks for a one-time code, a password alone does not open drafts on the site."""
    settings.ADMIN_REQUIRE_2FA = True
    user = django_user_model.objects.create_user("editor", password="a-long-test-password", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="treatments"))
    draft = make_treatment("Nerve block", is_published=False)
    device = TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    signed_in = client.post(
        reverse("admin:login"), {"username": user.username, "password": "a-long-test-password", "next": "/admin/"}
    )
    assert signed_in.status_code == 302
    assert client.get(draft.get_absolute_url()).status_code == 404
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    assert client.post(reverse("admin:second_factor"), {"code": code}).status_code == 302
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_published_treatment_has_no_draft_banner(staff_client):
    assert "Draft - not visible" not in page_text(staff_client.get("/treatments/stem-cell-therapy/"))


def test_treatment_page_shows_summary_body_conditions_and_providers(
    client, make_treatment, make_condition, make_provider
):
    condition = make_condition("Sciatica")
    provider = make_provider("Jane Roe", honorific="Dr.", credentials="MD")
    treatment = make_treatment(
        "Nerve block",
        summary="Numbs a nerve.",
        body="<p>Done with a fine needle.</p>",
        conditions=[condition],
        providers=[provider],
    )
    response = client.get(treatment.get_absolute_url())
    text = page_text(response)
    assert "Numbs a nerve." in text
    assert "Done with a fine needle." in text
    assert f'href="{condition.get_absolute_url()}"' in response.content.decode()
    assert f'href="{provider.get_absolute_url()}"' in response.content.decode()
    assert "Dr. Jane Roe, MD" in text


def test_treatment_page_shows_its_questions_in_their_set_order(client, make_treatment, make_question):
    treatment = make_treatment("Nerve block")
    make_question("Second?", treatment=treatment, order=2)
    make_question("First?", treatment=treatment, order=1)
    make_question("Not about this?", order=0)
    text = page_text(client.get(treatment.get_absolute_url()))
    assert text.index("First?") < text.index("Second?")
    assert "Not about this?" not in text


def test_a_treatment_page_shows_its_first_ten_questions_and_links_to_all_of_them(
    client, make_treatment, make_question
):
    """The page stays short and quick however many questions staff add; none is out of reach."""
    treatment = make_treatment("Nerve block")
    for i in range(30):
        make_question(f"Question {i:02d}?", treatment=treatment, order=i)
    page = client.get(treatment.get_absolute_url()).content.decode()
    assert page.count('<details class="faq"') == 10
    assert "Question 09?" in page and "Question 10?" not in page
    assert 'href="/treatments/nerve-block/questions/"' in page
    first, second = (
        client.get("/treatments/nerve-block/questions/"),
        client.get("/treatments/nerve-block/questions/", {"page": 2}),
    )
    assert first.content.decode().count('<details class="faq"') == 25
    assert "Question 29?" in page_text(second)
    assert 'rel="prev"' in second.content.decode()


def test_a_review_link_preview_shows_the_same_first_ten_questions(make_treatment, make_question):
    """Without the page's prefetch, the same lookup runs on first use, drafts and all left out."""
    treatment = make_treatment("Nerve block", is_published=False)
    for i in range(12):
        make_question(f"Question {i:02d}?", treatment=treatment, order=i + 1)
    make_question("Draft question?", treatment=treatment, order=0, is_published=False)
    questions = Treatment.objects.get(pk=treatment.pk).page_questions
    assert [q.question for q in questions] == [f"Question {i:02d}?" for i in range(10)]
    assert questions.more


def test_a_treatment_with_few_questions_shows_them_all_without_a_link_to_more(client):
    page = client.get("/treatments/stem-cell-therapy/").content.decode()
    assert page.count('<details class="faq"') == 4
    assert "/treatments/stem-cell-therapy/questions/" not in page


def test_the_questions_page_of_a_draft_treatment_is_404_for_visitors(client, make_treatment, make_question):
    draft = make_treatment("Nerve block", is_published=False)
    make_question("Does it hurt?", treatment=draft)
    assert client.get("/treatments/nerve-block/questions/").status_code == 404


def test_treatment_page_leaves_out_unpublished_questions_conditions_and_providers(
    client, make_treatment, make_question, make_condition, make_provider
):
    treatment = make_treatment(
        "Nerve block",
        conditions=[make_condition("Hidden condition", is_published=False)],
        providers=[make_provider("Hidden Provider", is_published=False)],
    )
    make_question("Hidden question?", treatment=treatment, is_published=False)
    text = page_text(client.get(treatment.get_absolute_url()))
    for hidden in ("Hidden condition", "Hidden Provider", "Hidden question?"):
        assert hidden not in text


def test_treatment_page_shows_who_reviewed_it_and_when(client, make_treatment, make_provider):
    reviewer = make_provider("Jane Roe", honorific="Dr.", credentials="MD")
    treatment = make_treatment("Nerve block", reviewed_by=reviewer, last_reviewed=datetime.date(2026, 11, 12))
    assert "Medically reviewed by Dr. Jane Roe, MD on 12 November 2026." in page_text(
        client.get(treatment.get_absolute_url())
    )


def test_treatment_page_says_plainly_when_it_is_not_yet_reviewed(client, make_treatment):
    treatment = make_treatment("Nerve block")
    assert "This page has not yet been medically reviewed." in page_text(client.get(treatment.get_absolute_url()))


def test_condition_page_lists_the_published_treatments_used_for_it(client, make_condition, make_treatment):
    condition = make_condition("Sciatica", summary="Pain along the sciatic nerve.")
    make_treatment("Nerve block", conditions=[condition])
    make_treatment("Draft therapy", conditions=[condition], is_published=False)
    text = page_text(client.get(condition.get_absolute_url()))
    assert "Pain along the sciatic nerve." in text
    assert "Nerve block" in text
    assert "Draft therapy" not in text


def test_condition_list_shows_published_conditions_only(client, make_condition):
    make_condition("Sciatica")
    make_condition("Draft condition", is_published=False)
    text = page_text(client.get("/conditions/"))
    assert "Sciatica" in text
    assert "Chronic back pain" in text
    assert "Draft condition" not in text


def test_unpublished_condition_is_404_for_visitors_and_previewable_by_staff(client, staff_client, make_condition):
    draft = make_condition("Draft condition", is_published=False)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "Draft - not visible to patients" in page_text(staff_client.get(draft.get_absolute_url()))
