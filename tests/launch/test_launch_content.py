import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.flatpages.models import FlatPage
from django.core.management import call_command

from faq.models import Question
from launch import loader
from practice.models import Clinic, Provider
from tests.conftest import page_text
from treatments.models import Condition, Treatment

pytestmark = pytest.mark.django_db

CONTENT = (Path(loader.__file__).parent / "content" / "launch-content.txt").read_text(encoding="utf-8")
BLOCKS = [block.strip() for block in CONTENT.split("\n\n") if block.strip()]
INTRO, QA = BLOCKS[0], BLOCKS[2:]
QUESTIONS, ANSWERS = QA[0::2], QA[1::2]


def test_launch_content_has_four_questions():
    assert len(QUESTIONS) == len(ANSWERS) == 4


def test_faq_page_shows_the_clinics_four_questions_word_for_word(client):
    text = page_text(client.get("/faq/"))
    assert "Stem Cell Q & A" in text
    for question, answer in zip(QUESTIONS, ANSWERS, strict=True):
        assert question in text
        assert answer in text


def test_stem_cell_page_shows_the_clinics_introduction_and_answers_word_for_word(client):
    text = page_text(client.get("/treatments/stem-cell-therapy/"))
    first_sentence, rest = INTRO.split(". ", 1)
    assert first_sentence + "." in text  # the summary, under the title
    assert rest in text  # the body
    for question, answer in zip(QUESTIONS, ANSWERS, strict=True):
        assert question in text
        assert answer in text


def test_launch_records_are_published_and_linked():
    treatment = Treatment.objects.published().get(slug="stem-cell-therapy")
    doctor = Provider.objects.published().get(slug="rostam-khoshsar")
    assert str(doctor) == "Dr. Rostam Khoshsar"
    assert list(treatment.providers.all()) == [doctor]
    assert treatment.conditions.count() == 3
    assert [q.question for q in treatment.questions.all()] == QUESTIONS
    assert Clinic.objects.get().name == "BioHealth Pain Management"


def test_loading_again_creates_no_duplicates():
    counts = [model.objects.count() for model in (Clinic, Provider, Condition, Treatment, Question)]
    loader.load(apps)
    loader.load(apps)
    assert [model.objects.count() for model in (Clinic, Provider, Condition, Treatment, Question)] == counts


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
