"""Staff translate a page in the admin; patients read it in their language, and a stale translation says so."""

import datetime
import io

import pytest
from django.contrib.flatpages.models import FlatPage
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation as django_translation

from tests.conftest import form_data, page_text
from tests.i18n.markup import text_by_language
from translations.models import Translation
from translations.shown import translate
from treatments.models import Treatment

pytestmark = pytest.mark.django_db

TREATMENT = "/treatments/stem-cell-therapy/"


def translate_into(record, language="es", **text):
    return Translation.objects.create(
        record=record,
        language=language,
        text=text,
        source={name: str(getattr(record, name)) for name in text},
        translated_by="Ana Ruiz",
        checked_by="Luis Soto",
        checked_on=datetime.date(2026, 11, 20),
    )


@pytest.fixture
def treatment():
    return Treatment.objects.get(slug="stem-cell-therapy")


@pytest.fixture
def spanish(treatment):
    return translate_into(
        treatment,
        name="Terapia con células madre",
        summary="Un resumen en español.",
        body="<p>Cómo se hace, en español.</p>",
    )


def test_a_translated_page_is_shown_in_spanish_with_who_translated_and_checked_it(client, treatment, spanish):
    response = client.get("/es" + TREATMENT)
    text = text_by_language(response)
    assert "Terapia con células madre" in text["es"]
    assert "Un resumen en español." in text["es"]
    assert "Cómo se hace, en español." in text["es"]
    assert treatment.summary not in page_text(response)
    assert "todavía no está disponible" not in page_text(response)
    assert "Traducido del inglés por Ana Ruiz y revisado por Luis Soto el 20 de noviembre de 2026." in text["es"]


def test_the_english_page_is_unchanged_by_a_translation(client, treatment, spanish):
    text = page_text(client.get(TREATMENT))
    assert treatment.summary in text
    assert "Terapia con células madre" not in text


def test_a_field_not_translated_yet_stays_english_and_marked_so(client, treatment):
    translate_into(treatment, name="Terapia con células madre")
    text = text_by_language(client.get("/es" + TREATMENT))
    assert "Terapia con células madre" in text["es"]
    assert treatment.summary in text["en"]


def test_a_translation_is_outdated_once_the_english_changes(client, treatment, spanish):
    treatment.summary = "A new English summary."
    treatment.save()
    text = page_text(client.get("/es" + TREATMENT))
    assert "Un resumen en español." in text
    assert "El texto en inglés ha cambiado desde que se hizo esta traducción" in text


def test_pages_read_the_translations_of_everything_they_show_in_a_fixed_number_of_queries(
    client, make_treatment, make_condition
):
    def queries(path):
        client.get(path)  # warm what is loaded once
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    condition = make_condition("Knee pain")
    first = make_treatment("First", conditions=[condition])
    before = queries("/es/treatments/")
    for number in range(20):
        treatment = make_treatment(f"Treatment {number}", conditions=[condition])
        translate_into(treatment, name=f"Tratamiento {number}")
    translate_into(first, name="Primero")
    translate_into(condition, name="Dolor de rodilla")
    assert queries("/es/treatments/") == before
    assert "Tratamiento 7" in page_text(client.get("/es/treatments/"))
    assert "Dolor de rodilla" in page_text(client.get("/es/treatments/first/"))


def test_a_record_read_in_another_language_is_never_saved_over_the_english(treatment, spanish):
    with django_translation.override("es"):
        read = Treatment.objects.get(pk=treatment.pk)
    assert read.name == "Terapia con células madre"
    with pytest.raises(ValueError, match="holds its translation"):
        read.save()
    assert Treatment.objects.get(pk=treatment.pk).name == treatment.name != read.name


def test_a_simple_page_is_translated_too(client):
    page = FlatPage.objects.get(url="/about/")
    translate_into(page, title="Sobre nosotros", content="<p>Quiénes somos.</p>")
    text = text_by_language(client.get("/es/about/"))
    assert "Sobre nosotros" in text["es"]
    assert "Quiénes somos." in text["es"]
    assert "Traducido del inglés por Ana Ruiz y revisado por Luis Soto" in text["es"]


def test_translations_of_a_list_are_read_with_it(treatment, spanish):
    records = translate(list(Treatment.objects.filter(pk=treatment.pk)), "es")
    assert records[0].name == "Terapia con células madre"
    assert records[0].translation.translated_by == "Ana Ruiz"


# Staff, in the admin


def edit_page(admin_client, record):
    opts = record._meta
    return f"/admin/{opts.app_label}/{opts.model_name}/{record.pk}/change/"


def translation_prefix(data):
    return next(key for key in data if key.endswith("-TOTAL_FORMS") and "translation" in key).removesuffix(
        "-TOTAL_FORMS"
    )


def test_staff_add_a_spanish_translation_and_see_it_on_the_site_at_once(admin_client, client, treatment):
    assert "Terapia" not in page_text(client.get("/es" + TREATMENT))  # now in the page cache
    page = admin_client.get(edit_page(admin_client, treatment))
    data = form_data(page)
    prefix = translation_prefix(data)
    assert data[f"{prefix}-0-language"] == "es"
    data.update(
        {
            f"{prefix}-0-name": "Terapia con células madre",
            f"{prefix}-0-summary": "Un resumen en español.",
            f"{prefix}-0-translated_by": "Ana Ruiz",
        }
    )
    response = admin_client.post(edit_page(admin_client, treatment), data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    saved = Translation.objects.of(treatment).get(language="es")
    assert saved.text == {"name": "Terapia con células madre", "summary": "Un resumen en español."}
    assert saved.source["summary"] == treatment.summary
    assert "Terapia con células madre" in page_text(client.get("/es" + TREATMENT))
    assert "Not translated yet: body." in admin_client.get(edit_page(admin_client, treatment)).content.decode()


def test_staff_see_a_translation_is_outdated_after_changing_the_english(admin_client, treatment, spanish):
    assert "Up to date with the English" in admin_client.get(edit_page(admin_client, treatment)).content.decode()
    Treatment.objects.filter(pk=treatment.pk).update(summary="A rewritten summary.")
    page = admin_client.get(edit_page(admin_client, treatment)).content.decode()
    assert "The English has changed since this was translated: summary." in page


def test_risky_wording_in_a_spanish_field_is_flagged_in_the_admin(admin_client, treatment):
    data = form_data(admin_client.get(edit_page(admin_client, treatment)))
    prefix = translation_prefix(data)
    data[f"{prefix}-0-summary"] = "Garantizamos la cura definitiva de su artritis."
    response = admin_client.post(edit_page(admin_client, treatment), data, follow=True)
    content = response.content.decode()
    assert "wording warning" in content
    assert 'class="claims-warnings"' in content and 'lang="es"' in content


@pytest.mark.parametrize("code", ["ko"])
def test_another_language_is_translated_by_configuration_alone(admin_client, client, settings, treatment, code):
    settings.LANGUAGES = [*settings.LANGUAGES, (code, "Korean")]
    data = form_data(admin_client.get(edit_page(admin_client, treatment)))
    prefix = translation_prefix(data)
    assert {data[f"{prefix}-0-language"], data[f"{prefix}-1-language"]} == {"es", code}
    translate_into(treatment, language=code, name="줄기세포 치료")
    assert "줄기세포 치료" in text_by_language(client.get(f"/{code}{TREATMENT}"))[code]


def test_the_admin_home_lists_translations_to_update_missing_and_outdated(admin_client, treatment, spanish):
    home = page_text(admin_client.get("/admin/"))
    assert "translations to update" in home
    assert "Spanish," in home
    queue = page_text(admin_client.get("/admin/translations-due/"))
    assert "Stem cell therapy Treatment Spanish" not in queue  # translated and up to date
    Treatment.objects.filter(pk=treatment.pk).update(summary="A rewritten summary.")
    queue = page_text(admin_client.get("/admin/translations-due/"))
    assert "Stem cell therapy Treatment Spanish Update : the English has changed since (summary)" in queue
    assert "Not translated yet" in queue or "not translated yet" in queue  # the launch content's other pages


def test_what_every_page_shows_is_kept_apart_in_each_language(client):
    from practice.models import Clinic

    clinic = Clinic.objects.get()
    clinic.medical_disclaimer = "Not medical advice."
    clinic.save()
    translate_into(clinic, medical_disclaimer="No es consejo médico.")
    assert "No es consejo médico." in page_text(client.get("/es/faq/"))
    assert "No es consejo médico." not in page_text(client.get("/faq/"))
    assert "Not medical advice." in page_text(client.get("/about/"))
    assert "No es consejo médico." in page_text(client.get("/es/about/"))


def test_a_providers_languages_are_named_in_the_pages_language_and_given_to_search_engines(client, admin_client):
    from practice.models import Provider

    provider = Provider.objects.get()
    page = form_data(admin_client.get(edit_page(admin_client, provider)))
    page["languages_spoken"] = ["en", "es", "tl"]
    response = admin_client.post(edit_page(admin_client, provider), page)
    assert response.status_code == 302, (
        response.context["adminform"].form.errors,
        [fs.formset.non_form_errors() for fs in response.context["inline_admin_formsets"]],
    )
    provider.refresh_from_db()
    assert provider.languages_spoken == "en,es,tl"
    english = client.get(provider.get_absolute_url())
    assert "Languages spoken with patients: English, Spanish, Tagalog." in page_text(english)
    assert '"knowsLanguage": ["en", "es", "tl"]' in english.content.decode()
    spanish = page_text(client.get("/es" + provider.get_absolute_url()))
    assert "Idiomas en los que atiende a los pacientes: inglés, español, tagalo." in spanish


def test_the_consultation_forms_treatments_are_named_in_spanish_where_translated(client, make_treatment):
    make_treatment("Nerve block")
    translate_into(Treatment.objects.get(slug="stem-cell-therapy"), name="Terapia con células madre")
    form = client.get("/es/request-consultation/").content.decode()
    assert '<option value="stem-cell-therapy">Terapia con células madre</option>' in form
    assert '<option value="nerve-block" lang="en">Nerve block</option>' in form
    english = client.get("/request-consultation/").content.decode()
    assert '<option value="stem-cell-therapy">Stem cell therapy</option>' in english


def test_risky_wording_in_a_published_translation_is_listed_with_the_wording_to_fix(admin_client, make_treatment):
    plain = make_treatment("Nerve block", summary="Numbs an irritated nerve for a while.")
    assert "Treatment: Nerve block" not in page_text(admin_client.get("/admin/"))
    translate_into(plain, summary="Garantizamos la cura definitiva de su artritis.")
    assert "Treatment: Nerve block" in page_text(admin_client.get("/admin/"))
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("check_claims", stdout=out)
    assert '"Nerve block" (summary): "Garantizamos' in out.getvalue()


def test_a_translation_into_a_language_without_wording_rules_is_saved_unchecked(admin_client, settings, treatment):
    settings.LANGUAGES = [*settings.LANGUAGES, ("ko", "Korean")]
    data = form_data(admin_client.get(edit_page(admin_client, treatment)))
    prefix = translation_prefix(data)
    korean = next(i for i in range(2) if data[f"{prefix}-{i}-language"] == "ko")
    data[f"{prefix}-{korean}-name"] = "줄기세포 치료"
    response = admin_client.post(edit_page(admin_client, treatment), data)
    assert response.status_code == 302
    assert Translation.objects.of(treatment).get(language="ko").text == {"name": "줄기세포 치료"}


def test_two_boxes_for_the_same_language_get_a_clear_message_and_nothing_is_lost(admin_client, settings, treatment):
    settings.LANGUAGES = [*settings.LANGUAGES, ("ko", "Korean")]
    translate_into(treatment, name="Terapia con células madre")
    data = form_data(admin_client.get(edit_page(admin_client, treatment)))
    prefix = translation_prefix(data)
    data[f"{prefix}-1-language"] = "es"
    data[f"{prefix}-1-name"] = "Otra terapia"
    response = admin_client.post(edit_page(admin_client, treatment), data)
    assert response.status_code == 200
    assert "Each language has one translation" in page_text(response)
    assert Translation.objects.of(treatment).get().text == {"name": "Terapia con células madre"}


def test_a_record_linked_both_ways_is_translated_once(treatment, spanish):
    from pages.models import PageDates

    page = FlatPage.objects.select_related("dates").get(url="/about/")
    assert isinstance(page.dates, PageDates)
    translate([page], "es")  # the page and its dates point at each other
    assert page.translation is None


def test_a_record_read_twice_for_a_page_is_translated_both_times(client, treatment):
    from practice.models import Provider

    doctor = Provider.objects.get()
    Treatment.objects.filter(pk=treatment.pk).update(reviewed_by=doctor, last_reviewed=datetime.date(2026, 11, 12))
    treatment.providers.set([doctor])
    translate_into(doctor, role="Médico especialista en dolor")
    with django_translation.override("es"):
        read = Treatment.objects.select_related("reviewed_by").prefetch_related("providers").get(pk=treatment.pk)
    assert read.reviewed_by is not read.providers.all()[0]
    assert read.reviewed_by.role == read.providers.all()[0].role == "Médico especialista en dolor"
