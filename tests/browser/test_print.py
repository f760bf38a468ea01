"""A printed page carries what a patient takes to their doctor, and none of the website's controls.

Printed with Chromium's own print-to-PDF, and read back as text from the PDF.
"""

import datetime
import io
import re
import unicodedata

import pytest
from django.utils import timezone
from pypdf import PdfReader

from claims.models import Source
from faq.models import Question
from practice.models import Provider
from treatments.models import Treatment

from .checks import SCREENSHOTS, add_portrait


def printed_text(page, path, name):
    assert page.goto(path).status == 200
    page.emulate_media(media="print")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"print-{name}.png", full_page=True)
    pdf = page.pdf(format="Letter", print_background=False)
    reader = PdfReader(io.BytesIO(pdf))
    # NFKC: the PDF's ligatures ("ﬀ") read as the letters they join.
    return [" ".join(unicodedata.normalize("NFKC", p.extract_text()).split()) for p in reader.pages]


@pytest.fixture
def reviewed_treatment(clinic_details):
    treatment = Treatment.objects.get(slug="stem-cell-therapy")
    treatment.reviewed_by = Provider.objects.get(slug="rostam-khoshsar")
    treatment.last_reviewed = datetime.date(2026, 11, 12)
    treatment.save()
    Source.objects.create(
        record=treatment,
        title="Mesenchymal stem cells for knee osteoarthritis",
        publisher="A journal",
        year=2024,
        pmid="12345678",
    )
    return treatment


def test_printed_treatment_page_has_content_review_sources_clinic_address_and_date(context, reviewed_treatment):
    pages = printed_text(context.new_page(), reviewed_treatment.get_absolute_url(), "treatment")
    text = " ".join(pages)
    answer = Question.objects.filter(treatment=reviewed_treatment).first()

    assert reviewed_treatment.name in text
    assert reviewed_treatment.summary.split()[0] in text
    assert " ".join(re.sub(r"<[^>]+>", " ", answer.answer).split())[:60] in text, "answers are printed, open"
    assert "Medically reviewed by Dr. Rostam Khoshsar on 12 November 2026." in text
    assert "https://pubmed.ncbi.nlm.nih.gov/12345678/" in text
    assert "(310) 555-0100" in text
    assert "2600 Example Boulevard" in text
    today = timezone.localdate()
    assert (
        f"Printed from http://127.0.0.1:8000{reviewed_treatment.get_absolute_url()} on {today.day} {today:%B %Y}"
        in text
    )
    for control in ["Skip to main content", "Search the site", "Request a consultation", "Plan your visit"]:
        assert control not in text, f"{control!r} is printed"


def test_no_question_is_split_across_printed_pages(context, reviewed_treatment):
    questions = Question.objects.filter(treatment=reviewed_treatment)
    pages = printed_text(context.new_page(), f"{reviewed_treatment.get_absolute_url()}questions/", "questions")
    for question in questions:
        on = [number for number, text in enumerate(pages) if question.question[:40] in text]
        assert len(on) == 1, question.question


CM = 96 / 2.54  # CSS pixels in a centimetre


def test_a_printed_provider_page_shows_the_portrait_small_and_the_home_page_no_portraits(context, clinic_details):
    doctor = Provider.objects.get(slug="rostam-khoshsar")
    add_portrait(doctor)
    page = context.new_page()
    pages = printed_text(page, doctor.get_absolute_url(), "provider")
    portrait = page.locator(".portrait img").bounding_box()
    assert abs(portrait["width"] - 3 * CM) < 1 and abs(portrait["height"] - 4 * CM) < 1  # 3 by 4 cm
    assert doctor.name in pages[0]
    printed = PdfReader(io.BytesIO(page.pdf(format="Letter"))).pages
    assert [len(sheet.images) for sheet in printed] == [1] + [0] * (len(printed) - 1)  # on the first sheet only

    printed_text(page, "/", "home")
    assert page.locator("img").evaluate_all("images => images.filter(image => image.offsetWidth > 0).length") == 0
