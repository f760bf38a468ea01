import datetime
import re
from collections import Counter

import pytest

from tests.conftest import page_text

pytestmark = pytest.mark.django_db


def test_faq_groups_questions_under_their_topics_in_order(client, make_topic, make_question):
    billing = make_topic("Billing", order=2)
    visits = make_topic("Your visit", order=1)
    make_question("Do you take insurance?", topic=billing)
    make_question("What should I bring?", topic=visits, order=2)
    make_question("Where do I park?", topic=visits, order=1)
    text = page_text(client.get("/faq/"))
    assert text.index("Your visit") < text.index("Where do I park?") < text.index("What should I bring?")
    assert text.index("What should I bring?") < text.index("Billing") < text.index("Do you take insurance?")


def test_questions_without_a_topic_are_listed_under_other_questions(client, make_question):
    make_question("Is there a lift?")
    text = page_text(client.get("/faq/"))
    assert text.index("Other questions") < text.index("Is there a lift?")


def test_every_question_has_a_stable_unique_anchor(client, make_topic, make_question):
    """Each question can be linked to as /faq/#<slug>, and no id repeats on the page."""
    make_question("Do you take insurance?", topic=make_topic("Billing"))
    content = client.get("/faq/").content.decode()
    ids = re.findall(r'\sid="([^"]+)"', content)
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert 'id="what-are-stem-cells"' in content
    assert 'id="do-you-take-insurance"' in content


def test_each_answer_is_a_native_disclosure(client):
    """Questions open and close with <details>/<summary>: no script needed."""
    content = client.get("/faq/").content.decode()
    assert re.search(
        r'<details class="faq" id="what-are-stem-cells">\s*<summary>What are stem cells\?</summary>', content
    )
    # The only script is the page's structured data for search engines, which browsers never run.
    assert "<script" not in re.sub(r'<script type="application/ld\+json">[^<]*</script>', "", content)


def test_unpublished_questions_and_topics_are_not_on_the_faq_page(client, make_topic, make_question):
    make_question("Draft question?", is_published=False)
    make_question("Question in a draft topic?", topic=make_topic("Draft topic", is_published=False))
    text = page_text(client.get("/faq/"))
    for hidden in ("Draft question?", "Draft topic", "Question in a draft topic?"):
        assert hidden not in text


def test_every_question_has_its_own_page_with_its_review_note(client, make_question, make_provider):
    """Search results and shared links lead to the answer itself, whichever FAQ page it is listed on."""
    question = make_question(
        "Do you take insurance?",
        answer="<p>Most plans.</p>",
        reviewed_by=make_provider("Jane Roe", honorific="Dr."),
        last_reviewed=datetime.date(2026, 11, 2),
    )
    assert question.get_absolute_url() == "/faq/do-you-take-insurance/"
    text = page_text(client.get(question.get_absolute_url()))
    assert "Do you take insurance?" in text
    assert "Most plans." in text
    assert "Medically reviewed by Dr. Jane Roe on 2 November 2026" in text


def test_a_question_past_the_first_faq_page_is_found_and_opened_from_search(client, make_question):
    for i in range(30):
        make_question(f"Loose question {i:02d}?")
    make_question("Zebra crossing near the clinic?")
    assert "Zebra crossing" not in page_text(client.get("/faq/"))
    results = client.get("/search/", {"q": "zebra"}).content.decode()
    assert 'href="/faq/zebra-crossing-near-the-clinic/"' in results
    assert "Zebra crossing near the clinic?" in page_text(client.get("/faq/zebra-crossing-near-the-clinic/"))


def test_a_draft_question_or_one_in_a_draft_topic_is_404_for_visitors(client, make_question, make_topic):
    draft = make_question("Draft question?", is_published=False)
    waiting = make_question("Question in a draft topic?", topic=make_topic("Draft topic", is_published=False))
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(waiting.get_absolute_url()).status_code == 404


def test_staff_preview_a_question_in_a_draft_topic_with_the_draft_banner(staff_client, make_question, make_topic):
    waiting = make_question("Question in a draft topic?", topic=make_topic("Draft topic", is_published=False))
    assert "Draft - not visible to patients" in page_text(staff_client.get(waiting.get_absolute_url()))


def test_a_question_page_links_to_its_treatment_only_while_that_is_published(client, make_question, make_treatment):
    live, draft = make_treatment("Nerve block"), make_treatment("Secret treatment", is_published=False)
    about_live = client.get(make_question("Does it hurt?", treatment=live).get_absolute_url()).content.decode()
    about_draft = client.get(make_question("Is it new?", treatment=draft).get_absolute_url()).content.decode()
    assert 'href="/treatments/nerve-block/"' in about_live
    assert "?treatment=nerve-block" in about_live
    assert "secret-treatment" not in about_draft


def test_a_long_faq_is_split_into_pages_of_twenty_five(client, make_question):
    """However many questions staff add, one page shows at most 25 of them, with a link to the rest."""
    for i in range(40):
        make_question(f"Loose question {i:02d}?")
    first, second = client.get("/faq/"), client.get("/faq/", {"page": 2})
    assert first.content.decode().count('<details class="faq"') == 25
    assert 'href="?page=2" rel="next"' in first.content.decode()
    assert "Loose question 39?" in page_text(second)
    assert 'rel="prev"' in second.content.decode()
