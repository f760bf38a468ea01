"""Every page costs a fixed number of queries, however much content the clinic adds."""

import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from claims.models import Source
from faq.models import Question, Topic
from images.models import Picture
from notices.models import Placement, SiteNotice
from practice.models import Clinic, ClinicPhoto, OpeningHours, Provider, SpecialHours, Weekday
from tests.images.conftest import encoded, photo
from translations.models import Translation
from treatments.models import Condition, PatientNotice, Treatment
from visits.models import PatientDocument, VisitGuide

pytestmark = pytest.mark.django_db

# What every page shows (the clinic, its opening and holiday hours, the footer's pages, the site
# notices) is read once per content change and kept (publishing.cache.kept_per_content_version):
# after the first page it costs no query.
LAYOUT = 0
LAYOUT_TABLES = {
    "practice_clinic",
    "practice_openinghours",
    "practice_specialhours",
    "django_flatpage",
    "notices_sitenotice",
}
PAGES = {
    "/": LAYOUT + 3,  # featured treatments, providers, photos of the clinic
    "/treatments/": LAYOUT + 2,  # how many treatments, one page of them
    # treatment with reviewer; conditions, providers, questions, notices, sources
    "/treatments/stem-cell-therapy/": LAYOUT + 6,
    "/conditions/": LAYOUT + 2,  # how many conditions, one page of them
    "/conditions/chronic-back-pain/": LAYOUT + 3,  # condition with reviewer, treatments, sources
    "/treatments/stem-cell-therapy/questions/": LAYOUT + 3,  # treatment, how many questions, one page of them
    "/faq/": LAYOUT + 2,  # how many questions, one page of them with their topics
    "/faq/q-0/": LAYOUT + 1,  # question with its topic, reviewer and treatment
    "/providers/rostam-khoshsar/": LAYOUT + 2,  # provider, treatments
    "/about/": LAYOUT + 1,
    "/plan-your-visit/": LAYOUT + 3,  # visit information, documents, photos of the clinic
    "/notices/notice-0/": LAYOUT + 1,  # notice with its approver
}
# Pages never served from the page cache: the form carries a CSRF token.
NEVER_CACHED = {"/request-consultation/": LAYOUT + 1}  # the treatments to choose from


def add_content(n):
    clinic = Clinic.objects.get()
    for day in Weekday:
        OpeningHours.objects.get_or_create(clinic=clinic, weekday=day, opens="08:00", closes="17:00")
    stem_cells = Treatment.objects.get(slug="stem-cell-therapy")
    condition = Condition.objects.get(slug="chronic-back-pain")
    doctor = Provider.objects.get(slug="rostam-khoshsar")
    VisitGuide.objects.create(parking="Behind the building.")
    portrait = Picture.objects.create(
        image=SimpleUploadedFile("portrait.jpg", encoded(photo(400, 500), "JPEG")), alt_text="A provider at work"
    )
    doctor.portrait = portrait
    doctor.save()
    clinic.sharing_picture = portrait
    clinic.save()
    for record in (stem_cells, condition):
        record.picture = portrait
        record.save()
    placements = list(Placement)
    for i in range(n):
        provider = Provider.objects.create(
            name=f"Provider {i}", slug=f"provider-{i}", is_published=True, portrait=portrait
        )
        topic = Topic.objects.create(name=f"Topic {i}", slug=f"topic-{i}", is_published=True)
        extra = Condition.objects.create(name=f"Condition {i}", slug=f"condition-{i}", is_published=True)
        treatment = Treatment.objects.create(
            name=f"Treatment {i}",
            slug=f"treatment-{i}",
            summary="S.",
            is_published=True,
            is_featured=True,
            reviewed_by=provider,
            last_reviewed="2026-11-01",
        )
        treatment.conditions.set([condition, extra])
        treatment.providers.set([provider, doctor])
        stem_cells.conditions.add(extra)
        stem_cells.providers.add(provider)
        Question.objects.create(
            question=f"Q {i}?",
            slug=f"q-{i}",
            topic=topic,
            treatment=stem_cells,
            is_published=True,
            reviewed_by=provider,
            last_reviewed="2026-11-01",
        )
        Question.objects.create(question=f"Loose {i}?", slug=f"loose-{i}", is_published=True)
        stem_cells.notices.add(PatientNotice.objects.create(title=f"Notice {i}", body="<p>N.</p>"))
        Source.objects.create(record=stem_cells, title=f"Study {i}")
        Source.objects.create(record=condition, title=f"Review {i}")
        SpecialHours.objects.create(clinic=clinic, date=timezone.localdate(), reason=f"Holiday {i}")
        ClinicPhoto.objects.create(clinic=clinic, picture=portrait, order=i)
        SiteNotice.objects.create(
            title=f"Notice {i}", slug=f"notice-{i}", body="<p>N.</p>", placement=placements[i % 4], is_published=True
        )
        PatientDocument.objects.create(
            title=f"Form {i}", file=ContentFile(b"%PDF-1.4", name="f.pdf"), is_published=True
        )


@pytest.mark.parametrize("records", [1, 50])
@pytest.mark.parametrize("url", PAGES | NEVER_CACHED)
def test_page_query_count_does_not_grow_with_content(url, records, django_assert_num_queries, settings):
    settings.PAGE_CACHE_SECONDS = 0  # counts the page's own render, not the shared page cache
    add_content(records)
    Client().get(url)  # warms the per-process cache of the current Site, as on a running server
    with django_assert_num_queries((PAGES | NEVER_CACHED)[url]):
        response = Client().get(url)
    assert response.status_code == 200


def tables_read(queries):
    return {table for query in queries for table in re.findall(r'FROM "(\w+)"', query["sql"])}


def test_the_layout_is_read_once_per_content_change(settings):
    """The first page in each language after a change reads what every page shows; the pages after it read none of it.

    (Each language keeps its own: in another language the records come translated.)
    """
    settings.PAGE_CACHE_SECONDS = 0
    Client().get("/faq/")
    add_content(1)
    with CaptureQueriesContext(connection) as first:
        Client().get("/faq/")
    with CaptureQueriesContext(connection) as first_in_spanish:
        Client().get("/es/faq/")
    with CaptureQueriesContext(connection) as later:
        Client().get("/faq/")
        Client().get("/es/treatments/")
        Client().get("/treatments/")
    assert tables_read(first) >= LAYOUT_TABLES
    assert tables_read(first_in_spanish) >= LAYOUT_TABLES
    assert not LAYOUT_TABLES & tables_read(later)


@pytest.mark.parametrize("url", PAGES)
def test_a_page_served_from_the_page_cache_costs_no_query(url, django_assert_num_queries):
    add_content(1)
    Client().get(url)
    with django_assert_num_queries(0):
        response = Client().get(url)
    assert response.status_code == 200
    assert response["X-Cache"] == "hit"


# The spelling of words no staff synonym covers, the ranked pages, and, when nothing matches, the
# page names closest to the query (the words that mean the same are kept, as the layout is).
SEARCHES = {
    "knee pain": LAYOUT + 2,
    "stem cells": LAYOUT + 2,
    "osteoarthritus": LAYOUT + 2,
    "provider": LAYOUT + 2,
    "1": LAYOUT + 1,  # no word to check the spelling of
    "no such thing": LAYOUT + 3,
}


@pytest.mark.parametrize("records", [1, 50])
@pytest.mark.parametrize("query", SEARCHES)
def test_search_query_count_does_not_grow_with_content_or_results(query, records, django_assert_num_queries):
    add_content(records)
    Client().get("/search/", {"q": query})
    with django_assert_num_queries(SEARCHES[query]):
        response = Client().get("/search/", {"q": query})
    assert response.status_code == 200


# The Spanish documents hold the translations: a search in Spanish costs what it does in English.
SPANISH_SEARCHES = {
    "tratamiento": LAYOUT + 2,  # the translated names
    "tratamientos": LAYOUT + 2,
    "stem cells": LAYOUT + 2,  # the English of what is not translated
    "1": LAYOUT + 1,
    "dolor de rodilla": LAYOUT + 3,  # nothing found: the closest names
}


@pytest.mark.parametrize("records", [1, 50])
@pytest.mark.parametrize("query", SPANISH_SEARCHES)
def test_a_search_in_spanish_costs_what_it_does_in_english(query, records, django_assert_num_queries):
    add_content(records)
    for treatment in Treatment.objects.all():
        Translation.objects.create(record=treatment, language="es", text={"name": f"Tratamiento {treatment.pk}"})
    Client().get("/es/search/", {"q": query})
    with django_assert_num_queries(SPANISH_SEARCHES[query]):
        response = Client().get("/es/search/", {"q": query})
    assert response.status_code == 200


@pytest.mark.parametrize("query", ["", "?!", "   "])
def test_a_search_with_no_words_costs_only_the_layout(query, django_assert_num_queries):
    Client().get("/search/", {"q": query})
    with django_assert_num_queries(LAYOUT):
        response = Client().get("/search/", {"q": query})
    assert response.status_code == 200


# In another language, each list of staff-written records a page reads costs one more query: their
# translations, with those of the records prefetched with them. The layout's are read once per
# content change, like the layout itself.
TRANSLATED_LAYOUT = 0
TRANSLATED = {
    "/": TRANSLATED_LAYOUT + 2,  # featured treatments, providers
    "/treatments/": TRANSLATED_LAYOUT + 1,
    "/treatments/stem-cell-therapy/": TRANSLATED_LAYOUT + 1,  # treatment, reviewer, conditions, providers...
    "/conditions/": TRANSLATED_LAYOUT + 1,
    "/conditions/chronic-back-pain/": TRANSLATED_LAYOUT + 1,  # condition, reviewer, treatments
    "/treatments/stem-cell-therapy/questions/": TRANSLATED_LAYOUT + 2,  # treatment, its questions
    "/faq/": TRANSLATED_LAYOUT + 1,  # questions with their topics
    "/faq/q-0/": TRANSLATED_LAYOUT + 1,  # question with its topic, reviewer and treatment
    "/providers/rostam-khoshsar/": TRANSLATED_LAYOUT + 1,  # provider, treatments
    "/about/": TRANSLATED_LAYOUT + 1,
    "/plan-your-visit/": TRANSLATED_LAYOUT + 1,  # visit information
    "/notices/notice-0/": TRANSLATED_LAYOUT + 1,
    "/request-consultation/": TRANSLATED_LAYOUT + 1,  # the treatments' names
}


@pytest.mark.parametrize("records", [1, 50])
@pytest.mark.parametrize("url", PAGES | NEVER_CACHED)
def test_a_page_in_spanish_costs_a_fixed_number_of_queries_more_its_translations(
    url, records, django_assert_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    add_content(records)
    Client().get("/es" + url)
    with django_assert_num_queries((PAGES | NEVER_CACHED)[url] + TRANSLATED[url]):
        response = Client().get("/es" + url)
    assert response.status_code == 200
