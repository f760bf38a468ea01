import datetime

import pytest

from claims.models import Source
from practice.models import Clinic
from tests.conftest import page_text
from treatments.models import PatientNotice, Treatment

pytestmark = pytest.mark.django_db


def test_stem_cell_therapy_says_plainly_it_is_not_fda_approved_for_these_uses(client):
    text = page_text(client.get("/treatments/stem-cell-therapy/"))
    assert "The U.S. Food and Drug Administration (FDA) has not approved this treatment for the uses" in text


@pytest.mark.parametrize(
    "status, wording",
    [
        (Treatment.RegulatoryStatus.FDA_APPROVED, "has approved this treatment for the uses described"),
        (Treatment.RegulatoryStatus.NOT_APPLICABLE, "FDA approval does not apply to this treatment."),
    ],
)
def test_regulatory_status_is_shown_in_plain_words(client, make_treatment, status, wording):
    treatment = make_treatment("Nerve block", regulatory_status=status)
    assert wording in page_text(client.get(treatment.get_absolute_url()))


def test_patient_notices_staff_wrote_appear_before_the_request_button(client):
    notice = PatientNotice.objects.create(title="Notice to patients", body="<p>Wording the clinic's lawyer wrote.</p>")
    Treatment.objects.get(slug="stem-cell-therapy").notices.add(notice)
    text = page_text(client.get("/treatments/stem-cell-therapy/"))
    assert "Wording the clinic's lawyer wrote." in text
    assert text.index("Wording the clinic's lawyer wrote.") < text.index(
        "Request a consultation", text.index("Notice")
    )


def test_sources_are_a_numbered_list_with_links(client, make_treatment):
    treatment = make_treatment("Nerve block")
    Source.objects.create(record=treatment, title="Second study", order=2, pmid="12345678")
    Source.objects.create(
        record=treatment,
        title="First study",
        publisher="A journal",
        year=2024,
        doi="10.1000/xyz",
        order=1,
        date_checked=datetime.date(2026, 11, 1),
    )
    response = client.get(treatment.get_absolute_url())
    content = response.content.decode()
    assert "<ol>" in content.split('id="sources-heading"')[1]
    text = page_text(response)
    assert text.index("First study") < text.index("Second study")
    assert "A journal, 2024. DOI: 10.1000/xyz. Checked 1 November 2026." in text
    assert 'href="https://doi.org/10.1000/xyz"' in content
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/12345678/"' in content


def test_condition_pages_list_their_sources(client, make_condition):
    condition = make_condition("Sciatica")
    Source.objects.create(record=condition, title="A review article")
    assert "A review article" in page_text(client.get(condition.get_absolute_url()))


def test_footer_disclaimer_is_editable_by_staff(client):
    Clinic.objects.update(medical_disclaimer="Information only. In an emergency, call 911.")
    assert "Information only. In an emergency, call 911." in page_text(client.get("/"))


def test_default_disclaimer_says_information_not_advice_and_call_911(client):
    text = page_text(client.get("/faq/"))
    assert "general information, not medical advice. In an emergency, call 911." in text
