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


def test_question_links_point_at_their_anchor_on_the_faq_page(make_question):
    assert make_question("Do you take insurance?").get_absolute_url() == "/faq/#do-you-take-insurance"


def test_a_long_faq_is_split_into_pages_of_twenty_five(client, make_question):
    """However many questions staff add, one page shows at most 25 of them, with a link to the rest."""
    for i in range(40):
        make_question(f"Loose question {i:02d}?")
    first, second = client.get("/faq/"), client.get("/faq/", {"page": 2})
    assert first.content.decode().count('<details class="faq"') == 25
    assert 'href="?page=2" rel="next"' in first.content.decode()
    assert "Loose question 39?" in page_text(second)
    assert 'rel="prev"' in second.content.decode()
