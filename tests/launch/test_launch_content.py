from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
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
