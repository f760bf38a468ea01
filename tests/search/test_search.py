"""Patients find answers with the site's own search, whatever they type."""

import html
import re

import pytest

from practice.models import Clinic
from tests.conftest import page_text

pytestmark = pytest.mark.django_db


def search(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return response


def result_links(response):
    """(kind, link text, href) of every result, best first."""
    [results] = re.findall(r'<ol class="search-results">(.*?)</ol>', response.content.decode(), re.S) or [""]
    return [
        (kind, html.unescape(title), href)
        for href, title, kind in re.findall(
            r'<li>\s*<a href="([^"]+)">([^<]+)</a> <span class="result-kind">([^<]+)</span>', results
        )
    ]


def titles(response, kind=None):
    return [title for label, title, _ in result_links(response) if kind is None or label == kind]


def test_header_has_a_plain_search_form_on_every_page(client):
    content = client.get("/").content.decode()
    assert re.search(
        r'<form class="wrap site-search" role="search" action="/search/" method="get">\s*'
        r'<label for="site-search">Search the site</label>\s*'
        r'<input type="search" id="site-search" name="q" value="" maxlength="100">',
        content,
    )


def test_knee_pain_finds_the_treatment_used_for_knee_osteoarthritis_and_the_answer(client):
    response = search(client, "knee pain")
    assert "Stem cell therapy" in titles(response, "Treatment")
    assert "Where can stem cell therapy be used?" in titles(response, "Question")


def test_back_finds_chronic_back_pain(client):
    assert "Chronic back pain" in titles(search(client, "back"), "Condition")


def test_stem_cells_finds_the_treatment_first_and_its_questions(client):
    response = search(client, "stem cells")
    assert titles(response, "Treatment")[0] == "Stem cell therapy"
    assert "What are stem cells?" in titles(response, "Question")


def test_a_question_typed_as_a_patient_asks_it_finds_the_answer(client):
    response = search(client, "how long does it take")
    assert "How long does it take for the stem cells to “work”?" in titles(response, "Question")


def test_fat_finds_the_answer_that_mentions_it_with_the_word_highlighted(client):
    response = search(client, "fat")
    assert "What are stem cells?" in titles(response, "Question")
    assert "patient’s own <mark>fat</mark>" in response.content.decode()


def test_x_ray_finds_how_the_procedure_is_performed(client):
    response = search(client, "X-ray")
    assert "How is stem cell therapy performed?" in titles(response)
    assert "<mark>X-ray</mark>" in response.content.decode()


def test_results_link_to_their_pages(client):
    links = {title: href for _, title, href in result_links(search(client, "stem cells"))}
    assert links["Stem cell therapy"] == "/treatments/stem-cell-therapy/"
    assert links["What are stem cells?"] == "/faq/what-are-stem-cells/"


def test_results_are_one_list_best_first_each_saying_what_kind_of_page_it_is(client):
    links = result_links(search(client, "stem cells"))
    assert links[0] == ("Treatment", "Stem cell therapy", "/treatments/stem-cell-therapy/")
    assert ("Question", "What are stem cells?", "/faq/what-are-stem-cells/") in links


def test_providers_are_found_by_name(client):
    assert titles(search(client, "khoshsar"), "Provider") == ["Dr. Rostam Khoshsar"]


def test_name_match_ranks_above_a_body_match(client, make_treatment):
    make_treatment("Physical therapy", summary="Exercises.", body="<p>Often tried before a nerve block.</p>")
    make_treatment("Nerve block", summary="An injection.", body="<p>Numbs the nerve.</p>")
    assert titles(search(client, "nerve block"), "Treatment")[:2] == ["Nerve block", "Physical therapy"]


def test_a_treatment_is_found_by_the_conditions_it_is_used_for_once(client, make_treatment, make_condition):
    sciatica = make_condition("Sciatica")
    make_treatment("Nerve block", conditions=[sciatica, make_condition("Sciatica of the leg")])
    assert titles(search(client, "sciatica"), "Treatment") == ["Nerve block"]


def test_drafts_are_never_found(client, make_treatment, make_question, make_topic):
    make_treatment("Secret draft therapy", is_published=False)
    make_question("Secret draft question?", is_published=False)
    make_question("Secret question in a draft topic?", topic=make_topic("Draft topic", is_published=False))
    assert titles(search(client, "secret draft")) == []


def test_a_misspelling_finds_the_page_and_says_which_word_it_searched_for(client):
    response = search(client, "osteoarthritus")
    assert titles(response)[0] == "Osteoarthritis of the knee and other joints"
    assert "Including pages that mention “osteoarthritis”." in page_text(response)


def test_stemcell_written_as_one_word_finds_stem_cell_therapy(client):
    assert "Stem cell therapy" in titles(search(client, "stemcell"), "Treatment")


def test_english_stemming_matches_other_forms_of_a_word(client, make_treatment):
    make_treatment("Nerve block", body="<p>The nerve is injected with a numbing medicine.</p>")
    assert "Nerve block" in titles(search(client, "injections"), "Treatment")


def test_a_word_in_the_name_outranks_the_same_word_in_the_summary_and_body(client, make_treatment):
    make_treatment("Massage", summary="Gentle traction for the spine.", body="<p>Spine, spine and spine.</p>")
    make_treatment("Spine injections", summary="An injection.", body="<p>Given by a physician.</p>")
    assert titles(search(client, "spine"), "Treatment")[:2] == ["Spine injections", "Massage"]


def test_an_edit_is_searchable_at_once(client, make_treatment):
    treatment = make_treatment("Nerve block", body="<p>A numbing medicine.</p>")
    treatment.body = "<p>A steroid injection.</p>"
    treatment.save()
    assert "Nerve block" in titles(search(client, "steroid"), "Treatment")
    assert "Nerve block" not in titles(search(client, "numbing"), "Treatment")


def test_empty_search_suggests_browsing_treatments_and_calling_the_clinic(client):
    Clinic.objects.update(phone="(310) 555-0100")
    for query in ("", "   "):
        response = search(client, query)
        assert titles(response) == []
        assert '<a href="/treatments/">Browse our treatments</a>' in response.content.decode()
        assert '<a href="tel:+13105550100">(310) 555-0100</a>' in response.content.decode()


def test_no_results_page_without_a_phone_still_says_to_call(client):
    response = search(client, "zzzzqqq")
    assert "We found no pages for “zzzzqqq”" in page_text(response)
    assert "call the clinic" in page_text(response)


def test_search_results_are_kept_out_of_search_engines(client):
    content = search(client, "knee").content.decode()
    assert '<meta name="robots" content="noindex">' in content
    assert 'rel="canonical"' not in content


def test_the_query_is_shown_back_in_the_search_box(client):
    assert 'name="q" value="knee pain"' in search(client, "knee pain").content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "a" * 10_000,
        "knee " * 2_000,
        "?!.,;:'\"()[]{}<>/\\|@#$%^&*~`",
        "'; DROP TABLE treatments_treatment; --",
        "' OR '1'='1",
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "%00\x00null byte",
        "knee & pain | !back",
        "\u202e\u200b emoji 🦵 knee",
    ],
)
def test_absurd_queries_get_a_normal_page(client, query):
    response = search(client, query)
    content = response.content.decode()
    assert "<script>alert" not in content and "<img src=x" not in content
    assert content.count("<h1") == 1


def test_long_queries_are_cut_and_the_patient_is_told(client):
    response = search(client, "knee " * 100)
    assert "We searched for the first 100 characters" in page_text(response)
    [h1] = re.findall(r"<h1>(.*?)</h1>", response.content.decode())
    assert len(h1) < 140


def test_snippets_escape_record_text_and_mark_only_matches(client, make_treatment):
    make_treatment("Odd therapy", summary='Uses <b>knee</b> & "tags" &lt;script&gt; knee.')
    content = search(client, "knee").content.decode()
    assert "Uses <mark>knee</mark> &amp; &quot;tags&quot; &lt;script&gt; <mark>knee</mark>." in content
