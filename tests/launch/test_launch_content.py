"""A fresh install shows the clinic's own launch content, loaded once into records staff edit in the admin."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.flatpages.models import FlatPage
from django.core.management import call_command
from pytest_django.asserts import assertContains

from faq.models import Question, Topic
from launch import loader
from practice.models import Clinic, Provider
from tests.conftest import page_text
from treatments.models import Condition, Treatment

pytestmark = pytest.mark.django_db

# The clinic's text, as it supplied it (/work/shared/content/launch-content.txt).
SUMMARY = (
    "Stem cell therapy promotes regeneration of healthy tissue in areas that have been damaged by injury, "
    "illness, or surgery."
)
BODY = (
    "<p>Dr. Rostam Khoshsar has extensive experience in stem cell therapy, helping patients at BioHealth Pain "
    "Management in Torrance, CA, repair tissue damage and achieve long-term effects of pain and related "
    "symptoms.</p>"
)
QUESTIONS = [
    "What are stem cells?",
    "Where can stem cell therapy be used?",
    "How is stem cell therapy performed?",
    "How long does it take for the stem cells to \u201cwork\u201d?",
]
ANSWERS_BEGIN = [
    "<p>Stem cells are undifferentiated cells that, when stimulated, have the potential to become other types of "
    "cells,",
    "<p>Stem cell therapy is used to stimulate healing in many areas of the body",
    "<p>Stem cell therapy is performed as an outpatient procedure, with extraction and reintroduction of stem "
    "cells performed on the same day.",
    "<p>In most cases, patients will experience optimal benefits about one to three months after treatment,",
]
CONDITIONS = [
    "Chronic back pain",
    "Osteoarthritis of the knee and other joints",
    "Bone, ligament, tendon, muscle and cartilage damage",
]
LAUNCH_MODELS = (Clinic, Provider, Condition, Treatment, Topic, Question, FlatPage)


def assert_the_clinics_launch_content():
    clinic = Clinic.objects.get()
    assert (clinic.name, clinic.city, clinic.state) == ("BioHealth Pain Management", "Torrance", "CA")
    doctor = Provider.objects.published().get(slug="rostam-khoshsar")
    assert str(doctor) == "Dr. Rostam Khoshsar"

    treatment = Treatment.objects.published().get(slug="stem-cell-therapy")
    assert (treatment.name, treatment.summary, treatment.body) == ("Stem cell therapy", SUMMARY, BODY)
    assert treatment.is_featured
    assert list(treatment.providers.all()) == [doctor]
    assert sorted(treatment.conditions.values_list("name", flat=True)) == sorted(CONDITIONS)
    assert treatment.conditions.published().count() == 3
    # No clinician has reviewed the launch text yet: the page must say so, not name a reviewer.
    assert (treatment.reviewed_by, treatment.last_reviewed) == (None, None)

    topic = Topic.objects.published().get()
    assert topic.name == "Stem Cell Q & A"
    questions = list(Question.objects.published().filter(topic=topic, treatment=treatment).order_by("order"))
    assert [question.question for question in questions] == QUESTIONS
    for question, beginning in zip(questions, ANSWERS_BEGIN, strict=True):
        assert question.answer.startswith(beginning), question.question
        assert question.answer.count("<p>") == 1
    assert sorted(FlatPage.objects.values_list("url", flat=True)) == ["/about/", "/accessibility/", "/privacy/"]


def test_a_migrated_database_has_the_clinics_launch_content():
    """What `migrate` leaves on a new install: the clinic, its doctor, the stem cell page and its four questions."""
    assert_the_clinics_launch_content()
    assert Treatment.objects.get(slug="stem-cell-therapy").regulatory_status == "not-fda-approved"


def test_the_loader_fills_an_emptied_database_with_the_clinics_launch_content():
    for model in reversed(LAUNCH_MODELS):
        model.objects.all().delete()
    loader.load(apps)
    assert_the_clinics_launch_content()


def test_loading_again_creates_no_duplicates():
    counts = [model.objects.count() for model in LAUNCH_MODELS]
    loader.load(apps)
    loader.load(apps)
    assert [model.objects.count() for model in LAUNCH_MODELS] == counts
    assert Question.objects.count() == len(QUESTIONS)


@pytest.mark.parametrize("url", ["/faq/", "/treatments/stem-cell-therapy/"])
def test_the_four_questions_and_their_answers_are_on_the_faq_and_stem_cell_pages(client, url):
    response = client.get(url)
    for question in Question.objects.filter(question__in=QUESTIONS):
        assertContains(response, f"<summary>{question.question}</summary>", html=True)
        assertContains(response, question.answer, html=True)


def test_the_faq_page_has_the_clinics_topic_heading(client):
    assertContains(client.get("/faq/"), '<h2 id="topic-stem-cell-q-a">Stem Cell Q &amp; A</h2>', html=True)


def test_the_stem_cell_page_shows_the_clinics_introduction(client):
    """The first sentence under the title, the rest as the body."""
    response = client.get("/treatments/stem-cell-therapy/")
    assertContains(response, f'<p class="lead">{SUMMARY}</p>', html=True)
    assertContains(response, f'<div class="prose">{BODY}</div>', html=True)


def test_loading_again_never_overwrites_staff_edits():
    question = Question.objects.get(slug="what-are-stem-cells")
    question.answer = "<p>Edited by staff.</p>"
    question.save()
    Treatment.objects.filter(slug="stem-cell-therapy").update(summary="Edited summary.")
    loader.load(apps)
    assert Question.objects.get(slug="what-are-stem-cells").answer == "<p>Edited by staff.</p>"
    assert Treatment.objects.get(slug="stem-cell-therapy").summary == "Edited summary."


def test_footer_links_to_about_privacy_and_accessibility_pages(client):
    content = client.get("/").content.decode()
    for url, title in (
        ("/about/", "About the clinic"),
        ("/privacy/", "Privacy notice"),
        ("/accessibility/", "Accessibility statement"),
    ):
        assert f'<a href="{url}">{title}</a>' in content
        response = client.get(url)
        assert response.status_code == 200
        assert f"<h1>{title}</h1>" in response.content.decode()


def test_first_staff_user_is_created_once_with_a_random_password(capsys):
    call_command("create_first_staff_user")
    first = capsys.readouterr().out
    call_command("create_first_staff_user")
    assert capsys.readouterr().out == ""
    staff = get_user_model().objects.get(is_staff=True)
    password = first.split("password ")[1].split()[0]
    assert len(password) >= 16
    assert staff.check_password(password)


def test_the_privacy_notice_says_what_a_consultation_request_stores_for_how_long_and_who_sees_it(client, settings):
    text = page_text(client.get("/privacy/"))
    assert "sets no cookies for visitors" not in text
    assert "The consultation request form sets one, called csrftoken" in text
    assert "we store what you typed in it: your name, your phone number and email address" in text
    assert "Who sees it: only the clinic's staff who handle requests" in text
    assert f"for {settings.CONSULTATION_RETENTION_DAYS} days after it is closed" in text


def test_the_privacy_notice_headings_can_be_linked_to(client):
    """The consultation form's consent box links straight to the part about requests."""
    content = client.get("/privacy/").content.decode()
    assert '<h2 id="if-you-ask-for-a-consultation">If you ask for a consultation</h2>' in content
    assert '<h2 id="cookies">Cookies</h2>' in content


def run_privacy_migration():
    migration = importlib.import_module("launch.migrations.0006_privacy_notice_says_what_the_form_stores")
    migration.say_what_the_consultation_form_stores(apps, None)
    return migration.FIRST_PRIVACY_NOTICE


def test_an_unedited_privacy_notice_is_brought_up_to_date(settings):
    settings.CONSULTATION_RETENTION_DAYS = 90
    page = FlatPage.objects.get(url="/privacy/")
    page.content = run_privacy_migration()  # the first notice, as the launch content wrote it
    page.save()
    run_privacy_migration()
    page.refresh_from_db()
    assert "for 90 days after it is closed" in " ".join(page.content.split())


def test_a_privacy_notice_staff_have_edited_is_left_alone():
    page = FlatPage.objects.get(url="/privacy/")
    page.content = run_privacy_migration().replace("briefly records", "records for a week")
    page.save()
    run_privacy_migration()
    page.refresh_from_db()
    assert "records for a week" in page.content and "csrftoken" not in page.content
