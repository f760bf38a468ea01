"""Patients search the Spanish site in Spanish: staff's translations are found, and the English of the rest."""

import html
import io
import re

import pytest
from django.core.management import call_command

from search.models import Document
from search.query import search
from translations.models import Translation

pytestmark = pytest.mark.django_db


def translate_into_spanish(record, **text):
    return Translation.objects.create(
        record=record, language="es", text=text, source={name: str(getattr(record, name)) for name in text}
    )


def results(client, query, prefix="/es"):
    """(href, link text, its lang attribute) of each result of the search page."""
    response = client.get(f"{prefix}/search/", {"q": query})
    assert response.status_code == 200
    [found] = re.findall(r'<ol class="search-results">(.*?)</ol>', response.content.decode(), re.S) or [""]
    return [
        (href, html.unescape(title), lang)
        for href, lang, title in re.findall(r'<li>\s*<a href="([^"]+)"(?: lang="(\w+)")?>([^<]+)</a>', found)
    ]


def hrefs(client, query, prefix="/es"):
    return [href for href, _title, _lang in results(client, query, prefix)]


@pytest.fixture
def treatment(make_treatment):
    treatment = make_treatment(
        "Joint renewal", summary="Renews a worn knee.", body="<p>An injection into the joint.</p>"
    )
    translate_into_spanish(
        treatment,
        name="Renovación articular",
        summary="Renueva una rodilla gastada.",
        body="<p>Una inyección en la articulación.</p>",
    )
    return treatment


def test_a_spanish_translation_is_found_by_its_spanish_words_on_the_spanish_search_only(client, treatment):
    assert results(client, "rodilla gastada") == [("/es/treatments/joint-renewal/", "Renovación articular", "")]
    assert hrefs(client, "rodilla gastada", prefix="") == []
    assert hrefs(client, "worn knee", prefix="")[0] == "/treatments/joint-renewal/"


def test_the_spanish_snippet_is_the_translation_with_the_words_marked(client, treatment):
    content = client.get("/es/search/", {"q": "inyeccion"}).content.decode()
    assert "Una <mark>inyección</mark> en la articulación." in content


def test_a_word_typed_without_its_accent_finds_it_with_its_accent(client, treatment):
    assert hrefs(client, "articulacion") == ["/es/treatments/joint-renewal/"]
    assert hrefs(client, "renovacion") == ["/es/treatments/joint-renewal/"]


def test_a_plural_finds_the_singular_and_the_singular_the_plural(client, treatment, make_question):
    make_question("¿Duelen las articulaciones?", answer="<p>A veces.</p>")
    question = Document.objects.get(language="es", title="¿Duelen las articulaciones?").url
    assert set(hrefs(client, "articulación")) == {"/es/treatments/joint-renewal/", question}
    assert hrefs(client, "rodillas") == ["/es/treatments/joint-renewal/"]
    assert set(hrefs(client, "articulaciones")) == {question, "/es/treatments/joint-renewal/"}
    assert set(hrefs(client, "articulacion")) == {question, "/es/treatments/joint-renewal/"}


def test_an_untranslated_page_is_found_by_its_english_words_and_marked_english(client, make_treatment):
    make_treatment("Ozone therapy", summary="Ozone gas injected into a knee.")
    assert results(client, "ozone") == [("/es/treatments/ozone-therapy/", "Ozone therapy", "en")]
    assert "/es/treatments/ozone-therapy/" in hrefs(client, "knee")


def test_spanish_stop_words_are_left_out_of_the_query(client, treatment):
    assert hrefs(client, "una rodilla de la articulación") == ["/es/treatments/joint-renewal/"]


def test_a_misspelt_spanish_word_is_corrected_to_the_words_spanish_pages_use(client, treatment):
    response = client.get("/es/search/", {"q": "rodila"})
    assert "/es/treatments/joint-renewal/" in response.content.decode()
    assert "“rodilla”" in response.content.decode()


def test_a_saved_translation_updates_the_spanish_index_at_once_and_a_deleted_one_restores_the_english(
    client, treatment
):
    spanish = Translation.objects.of(treatment).get()
    spanish.text = {**spanish.text, "summary": "Renueva un tobillo gastado."}
    spanish.save()
    assert hrefs(client, "tobillo") == ["/es/treatments/joint-renewal/"]
    assert hrefs(client, "rodilla") == []
    spanish.delete()
    assert hrefs(client, "tobillo") == []
    assert results(client, "joint renewal")[0] == ("/es/treatments/joint-renewal/", "Joint renewal", "en")


def test_a_translated_condition_finds_its_treatments_by_its_spanish_name(client, make_treatment, make_condition):
    condition = make_condition("Knee pain")
    make_treatment("Joint renewal", conditions=[condition])
    translate_into_spanish(condition, name="Dolor de rodilla")
    assert "/es/treatments/joint-renewal/" in hrefs(client, "dolor rodilla")


def test_the_english_index_is_unchanged_by_a_translation(treatment):
    english = Document.objects.get(language="en", object_id=treatment.pk, kind="treatments.treatment")
    assert english.title == "Joint renewal"
    assert english.untranslated is None


def test_a_rebuild_indexes_every_page_in_spanish_too(client, treatment):
    Document.objects.filter(language="es").delete()
    assert hrefs(client, "rodilla") == []
    call_command("rebuild_search_index", stdout=io.StringIO())
    assert hrefs(client, "rodilla") == ["/es/treatments/joint-renewal/"]
    english = Document.objects.filter(language="en").count()
    assert Document.objects.filter(language="es").count() == english


def test_the_consultation_form_is_found_by_its_spanish_name(client):
    assert results(client, "pedir una consulta")[0] == ("/es/request-consultation/", "Pedir una consulta", "")


def test_the_explicit_search_of_a_language_search_knows_nothing_of_is_the_default_languages(treatment):
    assert [result.url for result in search("worn knee", "fr").results][0] == "/treatments/joint-renewal/"


def test_the_pages_without_a_record_are_described_in_spanish_too(client):
    page = client.get("/es/search/", {"q": "consulta"}).content.decode()
    assert "Díganos cómo comunicarnos con usted" in page
    assert "Tell us how to reach you" not in page
