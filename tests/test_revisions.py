"""Every admin save of public content keeps a revision: history, compare, revert, recover."""

import pytest
import reversion
from django.urls import reverse
from reversion.models import Version

from faq.models import Question
from tests.conftest import form_data
from treatments.models import Treatment

pytestmark = pytest.mark.django_db


def change(admin_client, obj, **values):
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    response = admin_client.post(url, form_data(admin_client.get(url)) | values)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return url


def test_each_admin_save_keeps_a_revision_with_who_and_when(admin_client, admin_user, make_treatment):
    treatment = make_treatment("Nerve block", summary="First wording.")
    change(admin_client, treatment, summary="Second wording.")
    change(admin_client, treatment, summary="Third wording.")
    versions = Version.objects.get_for_object(treatment)
    assert versions.count() == 2
    assert versions[0].revision.user == admin_user
    assert versions[0].revision.date_created is not None


def test_a_treatments_inline_questions_belong_to_its_revision(admin_client, make_treatment, make_question):
    treatment = make_treatment("Nerve block")
    make_question("Does it hurt?", treatment=treatment)
    change(admin_client, treatment, summary="New summary.")
    revision = Version.objects.get_for_object(treatment)[0].revision
    assert {version.object_repr for version in revision.version_set.all()} >= {"Nerve block", "Does it hurt?"}


def test_staff_can_compare_two_revisions_as_a_diff(admin_client, make_treatment):
    treatment = make_treatment("Nerve block", summary="It numbs the nerve.")
    url = change(admin_client, treatment, summary="It numbs the nerve.")
    change(admin_client, treatment, summary="It calms the nerve.")
    older, newer = Version.objects.get_for_object(treatment).order_by("pk")
    response = admin_client.get(
        f"{url.removesuffix('change/')}history/compare/", {"version_id1": older.pk, "version_id2": newer.pk}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "numbs" in content and "calms" in content


def test_staff_can_revert_to_an_earlier_revision(admin_client, make_treatment):
    treatment = make_treatment("Nerve block", summary="Original.")
    change(admin_client, treatment, summary="Original.")
    change(admin_client, treatment, summary="Mistake.")
    first = Version.objects.get_for_object(treatment).order_by("pk").first()
    revert_url = reverse("admin:treatments_treatment_revision", args=[treatment.pk, first.pk])
    admin_client.post(revert_url, form_data(admin_client.get(revert_url)))
    assert Treatment.objects.get(pk=treatment.pk).summary == "Original."


def test_staff_can_recover_a_deleted_record(admin_client, make_question):
    question = make_question("Is parking free?")
    change(admin_client, question, answer="<p>Yes.</p>")
    pk = question.pk
    admin_client.post(reverse("admin:faq_question_delete", args=[pk]), {"post": "yes"})
    assert not Question.objects.filter(pk=pk).exists()
    deleted = Version.objects.get_deleted(Question).get(object_id=str(pk))
    recover_url = reverse("admin:faq_question_recover", args=[deleted.pk])
    assert admin_client.get(reverse("admin:faq_question_recoverlist")).status_code == 200
    admin_client.post(recover_url, form_data(admin_client.get(recover_url)))
    assert Question.objects.get(pk=pk).answer == "<p>Yes.</p>"


def test_content_models_are_registered_for_revisions():
    from faq.models import Topic
    from practice.models import Clinic, Provider
    from treatments.models import Condition, PatientNotice

    for model in (Treatment, Condition, PatientNotice, Question, Topic, Provider, Clinic):
        assert reversion.is_registered(model), model
