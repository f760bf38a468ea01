"""A patient reads every page at /es/ in Spanish: no English wording is left, and English content is marked so."""

import datetime
import gettext
import re
import shutil
import subprocess

import pytest
from django.conf import settings
from django.test import Client

from consultations.models import ConsultationRequest
from faq.models import Question
from practice.models import Clinic, Provider
from tests.conftest import tool_missing
from tests.consultations.conftest import rendered_at
from tests.i18n.markup import language_markup, text_by_language
from treatments.models import Treatment

pytestmark = pytest.mark.django_db

CATALOG = settings.BASE_DIR / "locale" / "es" / "LC_MESSAGES" / "django.mo"

SPANISH_PAGES = [
    "/es/",
    "/es/treatments/",
    "/es/treatments/stem-cell-therapy/",
    "/es/treatments/stem-cell-therapy/questions/",
    "/es/conditions/",
    "/es/conditions/chronic-back-pain/",
    "/es/faq/",
    "/es/faq/what-are-stem-cells/",
    "/es/providers/rostam-khoshsar/",
    "/es/about/",
    "/es/request-consultation/",
    "/es/request-consultation/thanks/",
    "/es/plan-your-visit/",
    "/es/search/?q=knee",
    "/es/search/?q=",
    "/es/search/?q=zzzzqqq",
    "/es/no-such-page/",
]


def english_wording():
    """Each piece of the site's English wording (from the Spanish catalog) that its translation does not keep."""
    with CATALOG.open("rb") as file:
        catalog = gettext.GNUTranslations(file)._catalog
    pieces = set()
    for key, spanish in catalog.items():
        english = key[0] if isinstance(key, tuple) else key
        if not english:
            continue
        for piece in re.split(r"<[^>]+>|%\(\w+\)s|\{\}|[“”():,.?]", english):
            piece = piece.strip()
            if len(piece) > 1 and piece not in spanish:
                pieces.add(piece)
    return pieces


def english_left(text):
    text = re.sub(r"https?://\S+", " ", text)  # the printed page's address
    return sorted(piece for piece in english_wording() if re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", text))


@pytest.fixture
def filled_in_clinic(db):
    """What staff fill in before going live, and a medical review, so the pages show all their wording."""
    clinic = Clinic.objects.get()
    clinic.phone = "(310) 555-0100"
    clinic.callback_promise = "by the end of the next working day"
    clinic.save()
    clinic.opening_hours.create(weekday=0, opens=datetime.time(9), closes=datetime.time(17))
    reviewer = Provider.objects.get()
    Treatment.objects.filter(slug="stem-cell-therapy").update(
        reviewed_by=reviewer, last_reviewed=datetime.date(2026, 11, 12)
    )
    Question.objects.filter(slug="what-are-stem-cells").update(
        reviewed_by=reviewer, last_reviewed=datetime.date(2026, 11, 12)
    )
    return clinic


def test_the_english_wording_list_is_the_sites_own():
    wording = english_wording()
    assert {"Request a consultation", "Frequently asked questions", "Treatments", "Medically reviewed by"} <= wording
    assert "Error" not in wording  # the same word in Spanish


@pytest.mark.parametrize("path", SPANISH_PAGES)
def test_a_spanish_page_has_no_english_wording_outside_what_is_marked_english(client, filled_in_clinic, path):
    response = client.get(path)
    assert response.status_code == (404 if "no-such-page" in path else 200)
    assert language_markup(response).lang == "es"
    text = text_by_language(response)
    assert set(text) <= {"es", "en"}
    assert english_left(text["es"]) == []


def test_the_english_page_has_the_english_wording(client, filled_in_clinic):
    text = text_by_language(client.get("/treatments/stem-cell-therapy/"))
    assert text["es"] == "Español"  # the language switcher's
    assert {"Request a consultation", "Approval status", "Questions and answers"} <= set(english_left(text["en"]))


def test_a_form_with_an_error_and_its_thank_you_page_are_in_spanish(client, filled_in_clinic):
    error = client.post("/es/request-consultation/", {"rendered_at": rendered_at(), "consent": "on"})
    assert error.status_code == 200
    text = text_by_language(error)
    assert "Hay un problema con su solicitud" in text["es"]
    assert "Escriba su nombre, para saber por quién preguntar cuando le llamemos o le escribamos." in text["es"]
    assert english_left(text["es"]) == []
    sent = Client().post(
        "/es/request-consultation/",
        {
            "full_name": "María López",
            "phone": "(310) 555-0123",
            "preferred_contact": "phone",
            "best_time": "any",
            "consent": "on",
            "rendered_at": rendered_at(),
        },
    )
    assert sent.status_code == 302 and sent["Location"] == "/es/request-consultation/thanks/"
    thanks = text_by_language(Client().get(sent["Location"]))
    assert "Gracias: recibimos su solicitud" in thanks["es"]
    assert "by the end of the next working day" in thanks["en"]
    assert "by the end of the next working day" not in thanks["es"]


def test_dates_are_written_as_each_language_writes_them(client, filled_in_clinic):
    spanish = text_by_language(client.get("/es/treatments/stem-cell-therapy/"))["es"]
    assert "el 12 de noviembre de 2026. Próxima revisión: noviembre de 2027." in spanish
    english = text_by_language(client.get("/treatments/stem-cell-therapy/"))["en"]
    assert "on 12 November 2026. Next review due November 2027." in english
    assert "Lunes de 9:00 a.m. a 5:00 p.m." in text_by_language(client.get("/es/"))["es"]
    assert "Monday 9:00 AM to 5:00 PM" in text_by_language(client.get("/"))["en"]


def test_content_not_yet_in_spanish_is_marked_english_under_a_notice_with_the_phone(client, filled_in_clinic):
    response = client.get("/es/treatments/stem-cell-therapy/")
    text = text_by_language(response)
    treatment = Treatment.objects.get(slug="stem-cell-therapy")
    assert treatment.summary in text["en"]
    assert treatment.summary not in text["es"]
    assert "Esta página todavía no está disponible en español, así que se muestra en inglés." in text["es"]
    assert "Para recibir ayuda en español, llámenos al (310) 555-0100" in text["es"]
    assert 'href="tel:+13105550100"' in response.content.decode()
    assert "todavía no está disponible" not in client.get("/es/request-consultation/").content.decode()
    assert "not yet available" not in client.get("/treatments/stem-cell-therapy/").content.decode()


def test_links_on_a_spanish_page_stay_in_spanish(client):
    content = client.get("/es/treatments/stem-cell-therapy/").content.decode()
    assert 'href="/es/request-consultation/?treatment=stem-cell-therapy"' in content
    assert 'href="/es/faq/"' in content
    assert 'action="/es/search/"' in content
    assert 'href="/es/treatments/stem-cell-therapy/"' in client.get("/es/search/?q=stem+cell").content.decode()


def test_the_spanish_catalog_is_complete_and_compiled_from_its_po_file(tmp_path):
    """The committed .mo is what `manage.py compilemessages` makes of the .po: run it after editing the .po."""
    if shutil.which("msgfmt") is None:
        tool_missing("msgfmt is missing: apt-get install gettext")
    po = CATALOG.with_suffix(".po")
    assert "#, fuzzy" not in po.read_text()
    compiled = tmp_path / "django.mo"
    command = ["msgfmt", "--check", "-o", str(compiled), str(po)]
    subprocess.run(command, check=True)  # noqa: S603, S607 - gettext's compiler, on our own file
    with compiled.open("rb") as fresh, CATALOG.open("rb") as committed:
        committed_catalog = gettext.GNUTranslations(committed)._catalog
        assert gettext.GNUTranslations(fresh)._catalog == committed_catalog
    assert all(value for key, value in committed_catalog.items() if key)
    assert len(committed_catalog) > 150


def test_a_request_from_the_spanish_form_tells_the_front_desk_its_language(client, admin_client):
    data = {"full_name": "María López", "phone": "(310) 555-0123", "preferred_contact": "phone", "best_time": "any"}
    data |= {"consent": "on", "rendered_at": rendered_at()}
    assert client.post("/es/request-consultation/", data).status_code == 302
    assert Client().post("/request-consultation/", data | {"full_name": "Mary Lopez"}).status_code == 302
    spanish = ConsultationRequest.objects.get(full_name="María López")
    assert (spanish.language, ConsultationRequest.objects.get(full_name="Mary Lopez").language) == ("es", "en")
    listing = text_by_language(admin_client.get("/admin/consultations/consultationrequest/"))["en"]
    assert listing.count("Phone call, any time (form in Spanish)") == 1  # María's, not Mary's
    detail = text_by_language(admin_client.get(f"/admin/consultations/consultationrequest/{spanish.pk}/change/"))
    assert "Language of the form: Spanish" in detail["en"]
    assert "Language to talk in: No preference" in detail["en"]


def test_a_patient_may_choose_the_language_to_be_called_in_each_named_in_itself(client, admin_client):
    form = client.get("/es/request-consultation/").content.decode()
    assert '<option value="es" lang="es">Español</option>' in form
    assert '<option value="en" lang="en">English</option>' in form
    data = {"full_name": "María López", "phone": "(310) 555-0123", "preferred_contact": "phone", "best_time": "any"}
    data |= {"call_language": "es", "consent": "on", "rendered_at": rendered_at()}
    assert Client().post("/request-consultation/", data).status_code == 302
    assert ConsultationRequest.objects.get().call_language == "es"
    listing = text_by_language(admin_client.get("/admin/consultations/consultationrequest/"))["en"]
    assert "Phone call, any time, in Spanish" in listing
    assert "(form in" not in listing  # sent from the English form
    refused = Client().post("/request-consultation/", data | {"call_language": "xx"})
    assert refused.status_code == 200 and ConsultationRequest.objects.count() == 1
