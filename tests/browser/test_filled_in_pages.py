"""Pages that exist only once staff fill them in (a notice's own page, a provider's portrait, a treatment's
illustration) pass axe-core and the Nu Html Checker."""

import datetime

import pytest
from django.test import Client

from practice.models import Provider
from translations.models import Translation
from treatments.models import Condition, Treatment

from .checks import DESKTOP, PHONE, add_clinic_photos, add_illustration, add_portrait

FILLED_IN_PAGES = [
    "/notices/nondiscrimination-notice/",
    "/plan-your-visit/",
    "/conditions/chronic-back-pain/",
    "/providers/rostam-khoshsar/",
    "/",
    "/treatments/stem-cell-therapy/",
    # Translated into Spanish, and one page in part: its English marked lang="en" beside the Spanish.
    "/es/treatments/stem-cell-therapy/",
    "/es/providers/rostam-khoshsar/",
    "/es/conditions/chronic-back-pain/",
]


@pytest.fixture
def clinic_details(clinic_details):
    """The clinic's details and photos, the physician's portrait on his page and the home page, and illustrations."""
    add_portrait(Provider.objects.get(slug="rostam-khoshsar"))
    add_illustration(Treatment.objects.get(slug="stem-cell-therapy"))
    add_illustration(Condition.objects.get(slug="chronic-back-pain"))
    add_clinic_photos(clinic_details)
    add_spanish_translations()
    return clinic_details


def add_spanish_translations():
    treatment = Treatment.objects.get(slug="stem-cell-therapy")
    Translation.objects.create(
        record=treatment,
        language="es",
        text={
            "name": "Terapia con células madre",
            "summary": "Un tratamiento que usa células de su propio cuerpo.",
            "body": "<h2>Qué es</h2><p>Se extraen células de la cadera y se inyectan en la articulación.</p>",
        },
        source={"name": treatment.name},
        translated_by="Ana Ruiz",
        checked_by="Luis Soto",
        checked_on=datetime.date(2026, 11, 20),
    )
    provider = Provider.objects.get(slug="rostam-khoshsar")
    provider.languages_spoken = "en,es"
    provider.save()
    Translation.objects.create(
        record=provider,
        language="es",
        text={"role": "Médico especialista en dolor", "bio": "<p>Atiende a pacientes en Torrance.</p>"},
        translated_by="Ana Ruiz",
    )
    condition = Condition.objects.get(slug="chronic-back-pain")
    Translation.objects.create(record=condition, language="es", text={"name": "Dolor de espalda crónico"})


@pytest.mark.parametrize("path", FILLED_IN_PAGES)
def test_filled_in_page_has_no_accessibility_violations(new_context, clinic_details, axe, path):
    violations = []
    for size_name, size in [("phone", PHONE), ("desktop", DESKTOP)]:
        page = new_context(**size).new_page()
        assert page.goto(path).status == 200
        violations += [f"[{size_name}] {violation}" for violation in axe(page)]
    assert not violations, f"axe-core found on {path}:\n" + "\n".join(violations)


def test_filled_in_pages_are_valid_html(clinic_details, nu_html_checker):
    client = Client()
    documents = {path: client.get(path).content.decode() for path in FILLED_IN_PAGES}
    problems = nu_html_checker(documents)
    assert not problems, "The Nu Html Checker found:\n" + "\n".join(problems)
